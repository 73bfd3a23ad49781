/**
 * The owner's report on an activity for a follow-up round: the activity and its earlier reports, then
 * the round, the status (labelled, never colour alone), progress in per cent and a comment.
 */
import type { ReportForm } from '../../app/follow-up/report-activity.js';
import { roundTitle } from '../../domain/plans/follow-up-rules.js';
import { REPORT_STATUS_LABELS, REPORT_STATUSES } from '../../domain/plans/follow-up.js';
import { CLIMATE_EFFECT_LABELS, type ClimateEffect } from '../../domain/plans/plan.js';
import type { FieldProblem } from '../../domain/errors.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { DataTable } from '../components/data-table.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { RadioGroup } from '../components/fieldset.js';
import { describedBy, ErrorMessage, Hint, Select, TextArea } from '../components/form-field.js';
import { formatDate, formatDateTime } from '../format.js';
import { Layout } from '../layout.js';
import { activityAnchor, hubPath, percentText, planPath, reportFormPath } from './follow-up-parts.page.js';
import { ReportStatusTag } from '../components/report-status-tag.js';
import { ExampleNotice, ExampleTag } from '../components/example-marking.js';

export type ReportFormValues = Record<'roundId' | 'status' | 'progress' | 'comment' | 'climateEffect', string>;
export const EMPTY_REPORT_FORM: ReportFormValues = {
  roundId: '',
  status: '',
  progress: '',
  comment: '',
  climateEffect: '',
};

const STATUS_HINTS = {
  green: 'Aktiviteten går som planerat.',
  yellow: 'Något riskerar att försena eller ändra aktiviteten.',
  red: 'Aktiviteten avviker från planen och behöver åtgärdas.',
} as const;

/** The progress field: a number with its unit after it, described by hint and error. */
function ProgressField({ value, error }: { value: string; error: string | undefined }) {
  const hint = 'Hur stor del av aktiviteten som är genomförd, i hela procent från 0 till 100.';
  return (
    <div class={error ? 'ds-field field field--error' : 'ds-field field'}>
      <label class="ds-label" for="progress">
        Genomfört (procent)
      </label>
      <Hint id="progress" text={hint} />
      <span class="input-with-unit">
        <input
          class="ds-input"
          id="progress"
          name="progress"
          type="text"
          inputmode="numeric"
          size={4}
          value={value}
          aria-describedby={describedBy('progress', hint, error)}
          aria-invalid={error ? 'true' : undefined}
        />
        <span class="input-unit" aria-hidden="true">
          %
        </span>
      </span>
      <ErrorMessage id="progress" text={error} />
    </div>
  );
}

export interface ReportFormPageProps {
  form: ReportForm;
  values: ReportFormValues;
  problems?: FieldProblem[];
}

export function ReportFormPage({ form, values, problems = [] }: ReportFormPageProps) {
  const { plan, network, activity, rounds, reports } = form;
  const title = `Rapportera: ${activity.title}`;
  const err = (field: string) => errorFor(problems, field);
  const roundById = new Map(rounds.map((r) => [r.id, r]));
  const reportByRound = new Map(reports.map((r) => [r.roundId, r]));
  return (
    <Layout
      title={problems.length ? `Fel: ${title}` : title}
      description={`Rapportera hur aktiviteten ”${activity.title}” går i en uppföljningsomgång: status, hur stor del som är genomförd och kommentar.`}
      current="/planer"
    >
      <Breadcrumbs
        items={[
          { href: '/planer', label: 'Planer' },
          { href: planPath(plan.id), label: plan.title },
        ]}
        current="Rapport"
      />
      <h1>{title}</h1>
      {plan.isExample && <ExampleNotice of="plan" />}
      <dl class="facts">
        <dt>Plan</dt>
        <dd>
          <a class="ds-link" href={`${planPath(plan.id)}#${activityAnchor(activity.id)}`}>
            {plan.title}
          </a>
          {plan.isExample && (
            <>
              {' '}
              <ExampleTag />
            </>
          )}
        </dd>
        <dt>Nätverk</dt>
        <dd>{network.name}</dd>
        <dt>Ansvarig</dt>
        <dd>{activity.ownerName}</dd>
        <dt>Pågår</dt>
        <dd>
          {formatDate(activity.startDate)} – {formatDate(activity.endDate)}
        </dd>
      </dl>

      <h2>Tidigare rapporter</h2>
      <DataTable
        caption={`Rapporter för ”${activity.title}”`}
        rowHeaders
        columns={[
          { label: 'Omgång' },
          { label: 'Status' },
          { label: 'Genomfört', numeric: true },
          { label: 'Kommentar' },
          { label: 'Rapporterad' },
        ]}
        rows={reports.map((r) => {
          const round = roundById.get(r.roundId);
          return [
            round ? roundTitle(round) : `Omgång nr ${r.roundId}`,
            <ReportStatusTag status={r.status} />,
            percentText(r.progress),
            r.comment || '–',
            `${formatDateTime(r.reportedAt)} av ${r.reportedByName}`,
          ];
        })}
        empty="Inga rapporter ännu."
      />

      <h2>Ny rapport</h2>
      {rounds.length === 0 ? (
        <p class="ds-paragraph">
          Inga uppföljningsomgångar är inlagda för {plan.year}, så det finns inget att rapportera mot ännu.
          Sekretariatet lägger in omgångarna; de syns under{' '}
          <a class="ds-link" href={hubPath(plan.year)}>
            Uppföljning {plan.year}
          </a>
          .
        </p>
      ) : (
        <>
          <p class="ds-paragraph">
            En ny rapport för en omgång som redan har en ersätter den; den tidigare syns i historiken.
          </p>
          <ErrorSummary errors={problems} />
          <form method="post" action={reportFormPath(plan.id, activity.id)} novalidate>
            <Select
              id="roundId"
              label="Omgång"
              hint="Omgångarna för planåret, med sista dag för rapport."
              placeholder="Välj omgång"
              options={rounds.map((r) => {
                const earlier = reportByRound.get(r.id);
                return {
                  value: String(r.id),
                  label: `${roundTitle(r)} – sista dag ${formatDate(r.dueDate)}${earlier ? ' (rapporterad)' : ''}`,
                };
              })}
              value={values.roundId}
              error={err('roundId')}
            />
            <RadioGroup
              id="status"
              legend="Status"
              options={REPORT_STATUSES.map((s) => ({
                value: s,
                label: REPORT_STATUS_LABELS[s],
                hint: STATUS_HINTS[s],
              }))}
              value={values.status}
              error={err('status')}
            />
            <ProgressField value={values.progress} error={err('progress')} />
            <TextArea
              id="comment"
              label="Kommentar"
              hint="Krävs vid gul eller röd status: vad avviker, och vad gör ni åt det? Frivillig vid grön status."
              rows={5}
              value={values.comment}
              error={err('comment')}
            />
            <Select
              id="climateEffect"
              label="Klimateffekt hittills (valfritt)"
              hint={`I planen: ${CLIMATE_EFFECT_LABELS[activity.climateEffect].toLowerCase()}.`}
              placeholder="Inte bedömd i den här omgången"
              options={(Object.keys(CLIMATE_EFFECT_LABELS) as ClimateEffect[]).map((c) => ({
                value: c,
                label: CLIMATE_EFFECT_LABELS[c],
              }))}
              value={values.climateEffect}
              error={err('climateEffect')}
            />
            <Button>Spara rapporten</Button>
          </form>
        </>
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href={`${planPath(plan.id)}#${activityAnchor(activity.id)}`}>
          Tillbaka till planen utan att spara
        </a>
      </p>
    </Layout>
  );
}
