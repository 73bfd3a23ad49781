import type { AdoptionOverview } from '../../app/adoption/get-adoption.js';
import type { Decision } from '../../domain/adoption/decision.js';
import type { FieldProblem } from '../../domain/errors.js';
import type { Body } from '../../domain/collaboration.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { DataTable } from '../components/data-table.js';
import { ProgrammeDecisionFields } from '../components/decision-fields.js';
import { ErrorSummary } from '../components/error-summary.js';
import { StatusTag } from '../components/status-tag.js';
import { Layout } from '../layout.js';
import { decisionDocumentFilePath, DOCUMENT_UPLOAD_PATH } from '../decision-document-paths.js';
import type { DecisionSource } from '../../domain/decision-documents/decision-document.js';
import { ProgrammeDocuments } from './programme-facts.js';
import {
  ContentText,
  lacksEnglish,
  programmeName,
  shownInSwedish,
  SwedishContentNotice,
  swedishData,
  SwedishData,
} from '../components/content-text.js';
import { currentLocale, localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';

export interface AdoptionPageProps {
  overview: AdoptionOverview;
  /** The decision form's values and problems after a failed attempt. */
  form?: { values: Record<string, string>; problems: FieldProblem[] };
  /** Set after a decision was recorded. */
  recorded?: boolean;
  /**
   * What the viewer may record: the members whose board decisions, and the committee's; and whether
   * they may read the members' memos (signed in with a role).
   */
  rights: { memberIds: number[]; committee: boolean; signedIn: boolean; mayReadMemos?: boolean };
  /** Whether this server can make PDFs. */
  pdfAvailable?: boolean;
}

const decisionText = (d: Decision, bodies: Body[]) => {
  const t = texts().common;
  const body = bodies.find((b) => b.id === d.bodyId)?.name ?? t.bodyKind[d.bodyKind];
  return [`${t.outcome[d.outcome]} ${t.decisionDate(d.decided)}`, d.paragraph, `(${body})`].filter(Boolean).join(' ');
};

/** The documents a decision was confirmed from, as links to the files (only those who may open them get any). */
function SourceLinks({ decision, sources }: { decision: Decision; sources: readonly DecisionSource[] }) {
  const own = sources.filter((s) => s.decisionId === decision.id);
  if (own.length === 0) return null;
  return (
    <span class="meta">
      {' '}
      {texts().adoption.sourceDocument}:{' '}
      {own.map((s, i) => (
        <>
          {i > 0 && ', '}
          <a href={decisionDocumentFilePath(s.documentId)}>{s.fileName}</a>
        </>
      ))}
    </span>
  );
}

function DecisionCell({
  decisions,
  bodies,
  sources,
}: {
  decisions: Decision[];
  bodies: Body[];
  sources: readonly DecisionSource[];
}) {
  if (decisions.length === 0) return <>–</>;
  return (
    <ul class="plain-list">
      {decisions.map((d) => (
        <li>
          {decisionText(d, bodies)}
          {d.note && (
            <span class="meta" lang={swedishData()}>
              {' '}
              {d.note}
            </span>
          )}
          <SourceLinks decision={d} sources={sources} />
        </li>
      ))}
    </ul>
  );
}

function DecisionForm({ overview, form, rights }: Pick<AdoptionPageProps, 'overview' | 'form' | 'rights'>) {
  const members = overview.members.filter((m) => rights.memberIds.includes(m.member.id));
  const values = form?.values ?? { bodyKind: 'board', datePrecision: 'exact', outcome: 'adopted' };
  const problems = form?.problems ?? [];
  return (
    <section aria-labelledby="registrera-rubrik" class="panel">
      <h2 class="ds-heading" data-size="md" id="registrera-rubrik">
        Registrera ett beslut
      </h2>
      <p class="ds-paragraph">
        Har du protokollsutdraget som PDF eller skannad bild?{' '}
        <a href={DOCUMENT_UPLOAD_PATH}>Läs in beslutet från dokumentet</a> så fylls uppgifterna i åt dig.
      </p>
      <ErrorSummary errors={problems} />
      <form id="form" method="post" action={`/program/${overview.programme.slug}/beslut`} novalidate>
        <ProgrammeDecisionFields
          members={members.map((m) => m.member)}
          committee={rights.committee}
          values={values}
          problems={problems}
        />
        <Button>Registrera beslutet</Button>
      </form>
    </section>
  );
}

/** Which boards have adopted, which remain, and since when the programme is in force. */
export function AdoptionPage({ overview, form, recorded, rights, pdfAvailable }: AdoptionPageProps) {
  const { bodies } = overview;
  const { programme, status } = overview;
  const t = texts();
  const a = t.adoption;
  const adopted = overview.members.filter((m) => m.standing === 'adopted');
  const remaining = overview.members.filter((m) => m.standing !== 'adopted');
  const name = programmeName(programme);
  const title = a.title(name);
  const english = currentLocale() === 'en';
  const mayRecord = rights.memberIds.length > 0 || rights.committee;
  return (
    <Layout title={title} description={a.description(name)} current="/antagande">
      <Breadcrumbs
        items={[
          { href: localized('/'), label: t.common.start },
          { href: localized('/antagande'), label: t.layout.menu.adoption },
          { href: localized(`/program/${programme.slug}`), label: name },
        ]}
        current={a.breadcrumb}
      />
      <h1>
        {a.title('')}
        <ContentText sv={programme.name} en={programme.nameEn} />
      </h1>
      <SwedishContentNotice show={lacksEnglish(programme)} />
      {recorded && (
        <p class="ds-alert" data-color="success" role="status">
          {a.recorded}
        </p>
      )}
      <p class="ds-paragraph lead">
        <StatusTag kind={status.kind} label={t.common.statusLabel(status)} /> {t.common.inForce(status)}
      </p>
      {programme.adoptionRule === 'all_members' ? (
        <p class="ds-paragraph">
          {a.recordedCount(adopted.length, overview.members.length)}
          {(status.kind === 'proposed' || status.kind === 'adopting') &&
            remaining.length > 0 &&
            a.remaining(remaining.map((m) => m.member.name).join(', '))}{' '}
          {a.appliesFrom}
        </p>
      ) : (
        <p class="ds-paragraph">{a.decidedByCommittee}</p>
      )}
      <DataTable
        caption={a.membersCaption}
        rowHeaders
        columns={[
          { label: a.memberColumns.member },
          { label: a.memberColumns.standing },
          { label: a.memberColumns.decisions },
        ]}
        rows={overview.members.map((m) => [
          `${m.member.name} (${m.member.code})`,
          t.common.standing[m.standing],
          <DecisionCell decisions={m.decisions} bodies={bodies} sources={overview.sources} />,
        ])}
      />
      {overview.otherDecisions.length > 0 && (
        <DataTable
          caption={a.otherCaption}
          columns={[
            { label: a.otherColumns.body },
            { label: a.otherColumns.decision },
            { label: a.otherColumns.note },
            { label: a.otherColumns.source },
          ]}
          rows={overview.otherDecisions.map((d) => [
            bodies.find((b) => b.id === d.bodyId)?.name ?? t.common.bodyKind[d.bodyKind],
            `${t.common.outcome[d.outcome]} ${t.common.decisionDate(d.decided)} ${d.paragraph}`.trim(),
            d.note ? <SwedishData>{d.note}</SwedishData> : '–',
            d.source ? (
              <>
                <SwedishData>{d.source}</SwedishData>
                <SourceLinks decision={d} sources={overview.sources} />
              </>
            ) : (
              '–'
            ),
          ])}
        />
      )}
      {overview.decisions.length > 0 && (
        <details class="sources">
          <summary>{a.sources}</summary>
          <ul class="ds-list" lang={swedishData()}>
            {[...new Set(overview.decisions.map((d) => d.source).filter(Boolean))].map((s) => (
              <li>{s}</li>
            ))}
          </ul>
        </details>
      )}
      <ProgrammeDocuments
        programme={programme}
        mayReadMemos={rights.mayReadMemos ?? false}
        pdfAvailable={pdfAvailable ?? false}
      />
      {programme.state === 'draft' ? (
        <p class="ds-paragraph">{a.draftNote}</p>
      ) : mayRecord && english ? (
        // The decision form is the staff's, in Swedish at the plain address.
        <p class="ds-paragraph">
          {a.recordOnSwedishPage}{' '}
          <a class="ds-link" href={`/program/${programme.slug}/antagande#registrera-rubrik`} lang="sv" hreflang="sv">
            Registrera ett beslut
          </a>
        </p>
      ) : mayRecord ? (
        <DecisionForm overview={overview} form={form} rights={rights} />
      ) : rights.signedIn ? (
        <p class="ds-paragraph">{a.recordedByStaff}</p>
      ) : (
        <p class="ds-paragraph">
          <a class="ds-link" href={`/logga-in?till=/program/${programme.slug}/antagande`}>
            {a.signIn}
          </a>{' '}
          {a.signInToRecord}
        </p>
      )}
    </Layout>
  );
}

export interface AdoptionOverviewRow {
  slug: string;
  name: string;
  nameEn?: string;
  status: AdoptionOverview['status'];
  adoptionRule: 'all_members' | 'committee';
}

/** All proposed programmes: how far each has come in adoption. */
export function AdoptionIndexPage({ rows }: { rows: AdoptionOverviewRow[] }) {
  const t = texts();
  const a = t.adoption;
  return (
    <Layout title={a.indexTitle} description={a.indexDescription} current="/antagande">
      <h1>{a.indexTitle}</h1>
      <SwedishContentNotice show={rows.some((r) => shownInSwedish(r.name, r.nameEn))} />
      <p class="ds-paragraph">{a.indexLead}</p>
      <DataTable
        caption={a.indexCaption}
        rowHeaders
        columns={[
          { label: a.indexColumns.programme },
          { label: a.indexColumns.adoptedBy },
          { label: a.indexColumns.status },
          { label: a.indexColumns.when },
        ]}
        rows={rows.map((r) => [
          <a class="ds-link" href={localized(`/program/${r.slug}/antagande`)}>
            <ContentText sv={r.name} en={r.nameEn} /> <span class="meta">({r.slug})</span>
          </a>,
          r.adoptionRule === 'committee'
            ? a.committeeAdopted(r.status.adoptedCount > 0)
            : a.countOf(r.status.adoptedCount, r.status.requiredCount),
          <StatusTag kind={r.status.kind} label={t.common.statusLabel(r.status)} />,
          t.common.inForce(r.status),
        ])}
      />
    </Layout>
  );
}
