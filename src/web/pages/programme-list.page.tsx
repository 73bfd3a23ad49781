import type { ProgrammeListItem } from '../../app/programmes/list-programmes.js';
import { ButtonLink } from '../components/button.js';
import { ContentText, lacksEnglish, SwedishContentNotice } from '../components/content-text.js';
import { DataTable } from '../components/data-table.js';
import { StatusTag } from '../components/status-tag.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';

/** Every programme of the cooperation, oldest first, with its derived status. */
export function ProgrammeListPage({
  items,
  collaborationName,
}: {
  items: ProgrammeListItem[];
  collaborationName: string;
}) {
  const t = texts();
  const p = t.programme;
  return (
    <Layout title={p.listTitle} description={p.listDescription} current="/program">
      <h1>{p.listHeading}</h1>
      <SwedishContentNotice show={items.some((i) => lacksEnglish(i.programme))} />
      <p class="ds-paragraph">{p.listLead(collaborationName)}</p>
      <div class="actions">
        <ButtonLink href="/program/nytt">{p.newDraft}</ButtonLink>
      </div>
      <DataTable
        caption={p.listCaption}
        rowHeaders
        columns={[
          { label: p.columns.programme },
          { label: p.columns.targetYear },
          { label: p.columns.validity },
          { label: p.columns.status },
          { label: p.columns.when },
        ]}
        rows={items.map(({ programme, status }) => [
          <a class="ds-link" href={localized(`/program/${programme.slug}`)}>
            <ContentText sv={programme.name} en={programme.nameEn} /> <span class="meta">({programme.slug})</span>
          </a>,
          t.common.targetYear(programme.targetYear),
          t.common.validity(programme.validFromYear, programme.validToYear),
          <StatusTag kind={status.kind} label={t.common.statusLabel(status)} />,
          t.common.inForce(status),
        ])}
      />
    </Layout>
  );
}
