import type { AdoptionOverview } from '../../app/adoption/get-adoption.js';
import type { Decision } from '../../domain/adoption/decision.js';
import type { FieldProblem } from '../../domain/errors.js';
import type { Body } from '../../storage/collaboration.repository.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { DataTable } from '../components/data-table.js';
import { DecisionFields } from '../components/decision-fields.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { RadioGroup } from '../components/fieldset.js';
import { Select } from '../components/form-field.js';
import { StatusTag } from '../components/status-tag.js';
import { Layout } from '../layout.js';
import { ProgrammeDocuments } from './programme-facts.js';
import {
  BODY_KIND_LABELS,
  decisionDateText,
  inForceText,
  OUTCOME_LABELS,
  STANDING_LABELS,
  statusLabel,
} from '../present.js';

export interface AdoptionPageProps {
  overview: AdoptionOverview;
  bodies: Body[];
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
  const body = bodies.find((b) => b.id === d.bodyId)?.name ?? BODY_KIND_LABELS[d.bodyKind];
  return [`${OUTCOME_LABELS[d.outcome]} ${decisionDateText(d.decided)}`, d.paragraph, `(${body})`]
    .filter(Boolean)
    .join(' ');
};

function DecisionCell({ decisions, bodies }: { decisions: Decision[]; bodies: Body[] }) {
  if (decisions.length === 0) return <>–</>;
  return (
    <ul class="plain-list">
      {decisions.map((d) => (
        <li>
          {decisionText(d, bodies)}
          {d.note && <span class="meta"> {d.note}</span>}
        </li>
      ))}
    </ul>
  );
}

function DecisionForm({ overview, form, rights }: Pick<AdoptionPageProps, 'overview' | 'form' | 'rights'>) {
  const members = overview.members.filter((m) => rights.memberIds.includes(m.member.id));
  const values = form?.values ?? { bodyKind: 'board', datePrecision: 'exact', outcome: 'adopted' };
  const problems = form?.problems ?? [];
  const err = (field: string) => errorFor(problems, field);
  return (
    <section aria-labelledby="registrera-rubrik" class="panel">
      <h2 class="ds-heading" data-size="md" id="registrera-rubrik">
        Registrera ett beslut
      </h2>
      <ErrorSummary errors={problems} />
      <form id="form" method="post" action={`/program/${overview.programme.slug}/beslut`} novalidate>
        <Select
          id="memberId"
          label="Kommun"
          hint={
            rights.committee
              ? 'Den kommun vars kommunstyrelse fattade beslutet. Lämna tomt för ett beslut i samarbetskommittén.'
              : 'Den kommun vars kommunstyrelse fattade beslutet.'
          }
          placeholder={rights.committee ? 'Ingen kommun (samarbetskommitténs beslut)' : undefined}
          options={members.map((m) => ({
            value: String(m.member.id),
            label: `${m.member.name} (${m.member.code})`,
          }))}
          value={values.memberId}
          error={err('memberId') ?? err('memberCode')}
        />
        <RadioGroup
          id="bodyKind"
          legend="Organ som beslutade"
          options={[
            { value: 'board', label: 'Kommunstyrelsen' },
            { value: 'committee', label: 'Samarbetskommittén' },
          ]}
          value={values.bodyKind}
          error={err('bodyKind')}
        />
        <DecisionFields
          values={values}
          problems={problems}
          outcomeLabels={OUTCOME_LABELS}
          example={{ date: '2019-10-11', paragraph: '§ 78' }}
        />
        <Button>Registrera beslutet</Button>
      </form>
    </section>
  );
}

/** Which boards have adopted, which remain, and since when the programme is in force. */
export function AdoptionPage({ overview, bodies, form, recorded, rights, pdfAvailable }: AdoptionPageProps) {
  const { programme, status } = overview;
  const adopted = overview.members.filter((m) => m.standing === 'adopted');
  const remaining = overview.members.filter((m) => m.standing !== 'adopted');
  const title = `Antagande: ${programme.name}`;
  return (
    <Layout
      title={title}
      description={`Vilka kommunstyrelser som har antagit ${programme.name}, vilka som återstår och när programmet började gälla, med datum, paragraf och källa för varje beslut.`}
      current="/antagande"
    >
      <Breadcrumbs
        items={[
          { href: '/', label: 'Start' },
          { href: '/antagande', label: 'Antagande' },
          { href: `/program/${programme.slug}`, label: programme.name },
        ]}
        current="Antagande"
      />
      <h1>{title}</h1>
      {recorded && (
        <p class="ds-alert" data-color="success" role="status">
          Beslutet är registrerat.
        </p>
      )}
      <p class="ds-paragraph lead">
        <StatusTag kind={status.kind} label={statusLabel(status)} /> {inForceText(status)}
      </p>
      {programme.adoptionRule === 'all_members' ? (
        <p class="ds-paragraph">
          Registrerade beslut om att anta programmet: {adopted.length} av {overview.members.length} medlemmar.
          {(status.kind === 'proposed' || status.kind === 'adopting') &&
            remaining.length > 0 &&
            ` Återstår: ${remaining.map((m) => m.member.name).join(', ')}.`}{' '}
          Programmet gäller från den dag den sista kommunstyrelsen antog det, eller från giltighetsperiodens början om
          den är senare.
        </p>
      ) : (
        <p class="ds-paragraph">Den här versionen beslutas av samarbetskommittén.</p>
      )}
      <DataTable
        caption="Medlemmarnas beslut"
        rowHeaders
        columns={[{ label: 'Kommun' }, { label: 'Ställning' }, { label: 'Beslut' }]}
        rows={overview.members.map((m) => [
          `${m.member.name} (${m.member.code})`,
          STANDING_LABELS[m.standing],
          <DecisionCell decisions={m.decisions} bodies={bodies} />,
        ])}
      />
      {overview.otherDecisions.length > 0 && (
        <DataTable
          caption="Övriga beslut"
          columns={[{ label: 'Organ' }, { label: 'Beslut' }, { label: 'Anteckning' }, { label: 'Källa' }]}
          rows={overview.otherDecisions.map((d) => [
            bodies.find((b) => b.id === d.bodyId)?.name ?? BODY_KIND_LABELS[d.bodyKind],
            `${OUTCOME_LABELS[d.outcome]} ${decisionDateText(d.decided)} ${d.paragraph}`.trim(),
            d.note || '–',
            d.source || '–',
          ])}
        />
      )}
      {overview.decisions.length > 0 && (
        <details class="sources">
          <summary>Källor för besluten</summary>
          <ul class="ds-list">
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
        <p class="ds-paragraph">Programmet är ett utkast. Beslut kan registreras när det har föreslagits.</p>
      ) : rights.memberIds.length > 0 || rights.committee ? (
        <DecisionForm overview={overview} form={form} rights={rights} />
      ) : rights.signedIn ? (
        <p class="ds-paragraph">Beslut registreras av medlemskommunernas handläggare och samverkans sekretariat.</p>
      ) : (
        <p class="ds-paragraph">
          <a class="ds-link" href={`/logga-in?till=/program/${programme.slug}/antagande`}>
            Logga in
          </a>{' '}
          för att registrera ett beslut.
        </p>
      )}
    </Layout>
  );
}

export interface AdoptionOverviewRow {
  slug: string;
  name: string;
  status: AdoptionOverview['status'];
  adoptionRule: 'all_members' | 'committee';
}

/** All proposed programmes: how far each has come in adoption. */
export function AdoptionIndexPage({ rows }: { rows: AdoptionOverviewRow[] }) {
  return (
    <Layout
      title="Antagande"
      description="Antagandet av varje utvecklingsprogram: hur många av medlemmarnas kommunstyrelser som har antagit det och sedan när det gäller."
      current="/antagande"
    >
      <h1>Antagande</h1>
      <p class="ds-paragraph">
        Ett utvecklingsprogram gäller först när varje medlemskommuns kommunstyrelse har antagit det. Välj ett program
        för att se medlemmarnas beslut och registrera nya.
      </p>
      <DataTable
        caption="Programmens antagande"
        rowHeaders
        columns={[{ label: 'Program' }, { label: 'Antaget av' }, { label: 'Status' }, { label: 'När' }]}
        rows={rows.map((r) => [
          <a class="ds-link" href={`/program/${r.slug}/antagande`}>
            {r.name} <span class="meta">({r.slug})</span>
          </a>,
          r.adoptionRule === 'committee'
            ? `Samarbetskommittén: ${r.status.adoptedCount ? 'antaget' : 'inte antaget'}`
            : `${r.status.adoptedCount} av ${r.status.requiredCount}`,
          <StatusTag kind={r.status.kind} label={statusLabel(r.status)} />,
          inForceText(r.status),
        ])}
      />
    </Layout>
  );
}
