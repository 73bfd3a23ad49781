/**
 * Pieces the roll-up, drill-down, annual report and goal pages share: the status tag (words first,
 * colour only repeating them), the example notice, the formula, figures as links to the activities
 * behind them, and the Swedish formats of progress, coverage and weights.
 */
import type { Child } from 'hono/jsx';
import type { GoalIndicatorView } from '../../app/indicators/goal-targets.js';
import type { ResultActivity } from '../../app/results/year-results.js';
import type { Verdict } from '../../domain/indicators/target-verdict.js';
import type { Plan } from '../../domain/plans/plan.js';
import {
  coverageText,
  progressText,
  ROLLUP_STATUSES,
  type Rollup,
  type RollupStatus,
} from '../../domain/plans/rollup.js';
import { SwedishData } from '../components/content-text.js';
import { DataTable } from '../components/data-table.js';
import { formatNumber } from '../format.js';
import { ExampleTag } from '../components/example-marking.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';

/** Where the activities behind a figure are listed. */
export interface DrillDownTarget {
  goalId?: number;
  focusAreaId?: number;
  status?: RollupStatus;
}

/** The pages' addresses in the current page's language (Swedish outside a request). */
export const rollupPath = (year: number) => localized(`/uppfoljning/${year}/maluppfyllelse`);
export const annualReportPath = (year: number) => localized(`/uppfoljning/${year}/arsredovisning`);
/** The Excel file has a Swedish address only. */
export const annualReportXlsxPath = (year: number) => `/uppfoljning/${year}/arsredovisning.xlsx`;

export function drillDownPath(year: number, target: DrillDownTarget = {}): string {
  const query = new URLSearchParams();
  if (target.goalId !== undefined) query.set('mal', String(target.goalId));
  if (target.focusAreaId !== undefined) query.set('omrade', String(target.focusAreaId));
  if (target.status !== undefined) query.set('status', target.status);
  const text = query.toString();
  return localized(`/uppfoljning/${year}/aktiviteter${text ? `?${text}` : ''}`);
}

export { coverageText, progressText };

export const weightText = (weight: number) => formatNumber(weight);

export const normalisedWeightText = (n: number) => formatNumber(n, { decimals: 3 });

/** "gula aktiviteter" / "gul aktivitet" for a count. */
const countWords = (n: number, status?: RollupStatus): string => {
  const t = texts().results;
  const [one, many] = status ? t.statusWords[status] : t.activityWords;
  return n === 1 ? one : many;
};

/** "3 gula aktiviteter". */
export const countText = (n: number, status?: RollupStatus): string => `${formatNumber(n)} ${countWords(n, status)}`;

/** A figure as a link to the activities behind it; the hidden text says what the figure is of. */
function FigureLink({ href, text, context }: { href: string; text: string; context: string }) {
  return (
    <a class="ds-link figure-link" href={href}>
      {text}
      <span class="ds-sr-only">{` – ${context}`}</span>
    </a>
  );
}

/** Column headings; "Ej rapporterad" may break (soft hyphen) so the roll-up table fits a laptop. */
export const figureColumns = () => {
  const t = texts().results;
  return [
    ...ROLLUP_STATUSES.map((s) => ({
      label: s === 'not_reported' ? t.notReportedColumn : t.status[s],
      numeric: true,
    })),
    { label: t.total, numeric: true },
    { label: t.progressColumn, numeric: true },
    { label: t.coverageColumn, numeric: true },
  ];
};

/**
 * The figures of a roll-up as table cells, each a link to exactly the activities behind it: the count
 * of each status, the total, and the weighted progress and coverage (both over all the activities).
 */
export function figureCells(year: number, target: DrillDownTarget, rollup: Rollup, of: string): Child[] {
  const t = texts().results;
  const all = drillDownPath(year, target);
  return [
    ...ROLLUP_STATUSES.map((status) => (
      <FigureLink
        href={drillDownPath(year, { ...target, status })}
        text={formatNumber(rollup.counts[status])}
        context={t.figureFor(countWords(rollup.counts[status], status), of)}
      />
    )),
    <FigureLink href={all} text={formatNumber(rollup.total)} context={t.figureTotal(countWords(rollup.total), of)} />,
    rollup.progress === null ? (
      <FigureLink href={all} text="–" context={t.noProgressFor(of)} />
    ) : (
      <FigureLink href={all} text={progressText(rollup.progress)} context={t.progressFor(of)} />
    ),
    rollup.coverage === null ? (
      <FigureLink href={all} text="–" context={t.noCoverageFor(of)} />
    ) : (
      <FigureLink href={all} text={coverageText(rollup.coverage)} context={t.coverageFor(of)} />
    ),
  ];
}

/** The formula in words and symbols. */
export function FormulaExplanation({ headingId = 'sa-raknas-det' }: { headingId?: string }) {
  const t = texts().results;
  return (
    <section class="panel formula" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.formulaHeading}</h2>
      <p class="ds-paragraph">
        {t.formulaIntro} <var>p</var> {t.formulaIntroAfter}
      </p>
      <p class="ds-paragraph formula__symbols">
        {t.weightedProgress}{' '}
        <span class="formula__expr">
          <var>P</var> = Σ <var>w</var>
          <sub>i</sub>·<var>p</var>
          <sub>i</sub> / Σ <var>w</var>
          <sub>i</sub> = Σ <var>n</var>
          <sub>i</sub>·<var>p</var>
          <sub>i</sub>
        </span>
        , {t.whereWeight} <var>w</var>
        <sub>i</sub> {t.isWeightAnd}{' '}
        <span class="formula__expr">
          <var>n</var>
          <sub>i</sub> = <var>w</var>
          <sub>i</sub> / Σ <var>w</var>
          <sub>j</sub>
        </span>{' '}
        {t.sumToOne} <strong>{t.reported}</strong> {t.activitiesDot}
      </p>
      <p class="ds-paragraph formula__symbols">
        {t.coverage}{' '}
        <span class="formula__expr">
          <var>T</var> = Σ <var>w</var>({t.reportedSub}) / Σ <var>w</var>({t.allSub})
        </span>
        {t.coverageExplained} <var>P</var> {t.coverageExplained2} <var>P</var> (–).
      </p>
      <p class="ds-paragraph">{t.formulaIndicators}</p>
    </section>
  );
}

const VERDICT_CLASS: Record<Verdict, string> = {
  on_track: 'verdict verdict--on-track',
  at_risk: 'verdict verdict--at-risk',
  off_track: 'verdict verdict--off-track',
  no_data: 'verdict verdict--no-data',
};

/** Each indicator's verdict in words with a link to the indicator; "Inga nyckeltal" when none. */
export function Verdicts({ views, links = true }: { views: readonly GoalIndicatorView[]; links?: boolean }) {
  const t = texts();
  if (views.length === 0) return <span class="meta">{t.results.noIndicators}</span>;
  return (
    <ul class="plain-list verdicts">
      {views.map((v) => (
        <li>
          <strong class={VERDICT_CLASS[v.evaluation.verdict]}>{t.common.verdict[v.evaluation.verdict]}</strong>
          {': '}
          {links ? (
            <a class="ds-link" href={localized(`/nyckeltal/${v.indicator.key}`)}>
              <SwedishData>{v.indicator.title}</SwedishData>
            </a>
          ) : (
            <SwedishData>{v.indicator.title}</SwedishData>
          )}{' '}
          <span class="meta">({t.indicators.measuredName(v)})</span>
        </li>
      ))}
    </ul>
  );
}

/** "Överförd från 2025" on an activity carried over from last year's plan. */
export function CarriedOver({ a }: { a: ResultActivity }) {
  const from = a.view.carriedOverFrom;
  return from ? (
    <span class="ds-tag carried-over" data-color="info">
      {texts().results.carriedOver(from.year)}
    </span>
  ) : null;
}

/** The activity's title linking to its plan, with its markers. */
export function ActivityTitle({ a, link = true }: { a: ResultActivity; link?: boolean }) {
  const { activity } = a.view;
  return (
    <>
      {link ? (
        <a
          class="ds-link"
          href={`${localized(`/planer/${a.plan.id}`)}#aktivitet-${activity.id}`}
          data-activity-id={activity.id}
        >
          <SwedishData>{activity.title}</SwedishData>
        </a>
      ) : (
        <span data-activity-id={activity.id}>
          <SwedishData>{activity.title}</SwedishData>
        </span>
      )}
      {(a.view.carriedOverFrom || a.plan.isExample) && (
        <span class="activity-markers">
          {' '}
          <CarriedOver a={a} />
          {a.plan.isExample && (
            <>
              {' '}
              <ExampleTag />
            </>
          )}
        </span>
      )}
    </>
  );
}

/** The plans behind the figures, with their state: the public sees adopted ones only. */
export function PlansIncluded({
  plans,
  year,
}: {
  plans: readonly { plan: Plan; network: { name: string } }[];
  year: number;
}) {
  const t = texts().results;
  return (
    <DataTable
      caption={t.plansCaption(year)}
      columns={[{ label: t.planColumns.plan }, { label: t.planColumns.network }, { label: t.planColumns.state }]}
      rows={plans.map(({ plan, network }) => [
        <>
          <a class="ds-link" href={localized(`/planer/${plan.id}`)}>
            <SwedishData>{plan.title}</SwedishData>
          </a>
          {plan.isExample && (
            <>
              {' '}
              <ExampleTag />
            </>
          )}
        </>,
        <SwedishData>{network.name}</SwedishData>,
        t.planState[plan.state],
      ])}
      empty={t.noPlans}
    />
  );
}

/** Links to the same page for the other years with plans. */
export function YearLinks({
  years,
  year,
  path,
}: {
  years: readonly number[];
  year: number;
  path: (y: number) => string;
}) {
  const t = texts().results;
  const others = years.filter((y) => y !== year);
  if (others.length === 0) return null;
  return (
    <nav class="year-links" aria-label={t.otherYears}>
      <span>{t.otherYearsColon}</span>
      <ul class="inline-list">
        {others.map((y) => (
          <li>
            <a class="ds-link" href={path(y)}>
              {y}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
