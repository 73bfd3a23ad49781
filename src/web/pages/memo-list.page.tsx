/** Where every member's memo on a proposed version stands: the secretariat's overview of the eight. */
import type { MemoOverviewRow } from '../../app/memos/get-memos.js';
import { MEMO_STATUS_LABELS } from '../../domain/memos/memo.js';
import type { Programme } from '../../domain/programme/programme.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { DataTable } from '../components/data-table.js';
import { pdfUnavailableText } from '../components/document-links.js';
import { memoDocumentPath, memoPath } from '../document-paths.js';
import { formatDateTime } from '../format.js';
import { Layout } from '../layout.js';
import { decisionDateText } from '../present.js';

export interface MemoListPageProps {
  programme: Programme;
  rows: MemoOverviewRow[];
  /** Whether this server can make PDFs (it has Chromium). */
  pdfAvailable: boolean;
}

export function MemoListPage({ programme, rows, pdfAvailable }: MemoListPageProps) {
  const title = `Tjänsteskrivelser om ${programme.name}`;
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return (
    <Layout title={title} description={`Var varje medlemskommuns tjänsteskrivelse om ${programme.name} står.`}>
      <Breadcrumbs
        items={[
          { href: '/program', label: 'Program' },
          { href: `/program/${programme.slug}`, label: programme.name },
        ]}
        current="Tjänsteskrivelser"
      />
      <h1>{title}</h1>
      <p class="ds-paragraph">
        Varje kommuns förvaltning skriver en tjänsteskrivelse till sin kommunstyrelse om förslaget. samverkan skriver
        det som följer av programmet och de beslut som finns registrerade; kommunen fyller i sina egna texter. Läget
        blir ”Beslutad” när kommunstyrelsens beslut är registrerat på antagandesidan.
      </p>
      <p class="ds-paragraph">
        {[...counts.entries()]
          .map(([status, n]) => `${MEMO_STATUS_LABELS[status as MemoOverviewRow['status']]}: ${n}`)
          .join(' · ')}
      </p>
      {!pdfAvailable && <p class="ds-paragraph">{pdfUnavailableText('Tjänsteskrivelserna')}</p>}
      <DataTable
        caption="Tjänsteskrivelser per kommun"
        rowHeaders
        columns={[{ label: 'Kommun' }, { label: 'Läge' }, { label: 'Senast sparad' }, { label: 'Dokument' }]}
        rows={rows.map((r) => [
          <a class="ds-link" href={memoPath(programme.slug, r.member.code)}>
            {r.member.name}
          </a>,
          r.decision ? (
            <>
              {MEMO_STATUS_LABELS[r.status]}{' '}
              <a class="ds-link" href={`/program/${programme.slug}/antagande`}>
                {`(${decisionDateText(r.decision.decided)}${r.decision.paragraph ? ` ${r.decision.paragraph}` : ''})`}
              </a>
            </>
          ) : (
            MEMO_STATUS_LABELS[r.status]
          ),
          r.memo ? formatDateTime(r.memo.updatedAt) : '–',
          <ul class="plain-list">
            {(
              [['html', 'Webbsida'], ['docx', 'Word'], ...(pdfAvailable ? ([['pdf', 'PDF']] as const) : [])] as const
            ).map(([format, label]) => (
              <li>
                <a
                  class="ds-link"
                  href={memoDocumentPath(programme.slug, r.member.code, format)}
                  aria-label={`${label}, ${r.member.name}`}
                >
                  {label}
                </a>
              </li>
            ))}
          </ul>,
        ])}
      />
    </Layout>
  );
}
