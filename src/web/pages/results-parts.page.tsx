/**
 * Pieces the roll-up, drill-down, annual report and goal pages share: the status tag (words first,
 * colour only repeating them), the example notice, the formula, figures as links to the activities
 * behind them, and the Swedish formats of progress, coverage and weights.
 */
import type { Child } from 'hono/jsx';
import type { GoalIndicatorView } from '../../app/indicators/goal-targets.js';
import type { ResultActivity } from '../../app/results/year-results.js';
import { VERDICT_LABELS_SV, type Verdict } from '../../domain/indicators/target-verdict.js';
import { PLAN_STATE_LABELS, type Plan } from '../../domain/plans/plan.js';
import {
  coverageText,
  progressText,
  ROLLUP_STATUS_LABELS,
  ROLLUP_STATUSES,
  type Rollup,
  type RollupStatus,
} from '../../domain/plans/rollup.js';
import { DataTable } from '../components/data-table.js';
import { formatNumber } from '../format.js';
import { ExampleTag } from '../components/example-marking.js';

/** Where the activities behind a figure are listed. */
export interface DrillDownTarget {
  goalId?: number;
  focusAreaId?: number;
  status?: RollupStatus;
}

export const rollupPath = (year: number) => `/uppfoljning/${year}/maluppfyllelse`;
export const annualReportPath = (year: number) => `/uppfoljning/${year}/arsredovisning`;
export const annualReportXlsxPath = (year: number) => `/uppfoljning/${year}/arsredovisning.xlsx`;

export function drillDownPath(year: number, target: DrillDownTarget = {}): string {
  const query = new URLSearchParams();
  if (target.goalId !== undefined) query.set('mal', String(target.goalId));
  if (target.focusAreaId !== undefined) query.set('omrade', String(target.focusAreaId));
  if (target.status !== undefined) query.set('status', target.status);
  const text = query.toString();
  return `/uppfoljning/${year}/aktiviteter${text ? `?${text}` : ''}`;
}

export { coverageText, progressText };

export const weightText = (weight: number) => formatNumber(weight);

export const normalisedWeightText = (n: number) => formatNumber(n, { decimals: 3 });

const STATUS_WORDS: Record<RollupStatus, [string, string]> = {
  green: ['grön aktivitet', 'gröna aktiviteter'],
  yellow: ['gul aktivitet', 'gula aktiviteter'],
  red: ['röd aktivitet', 'röda aktiviteter'],
  not_reported: ['aktivitet utan rapport', 'aktiviteter utan rapport'],
};

/** "gula aktiviteter" / "gul aktivitet" for a count. */
const countWords = (n: number, status?: RollupStatus): string => {
  const [one, many] = status ? STATUS_WORDS[status] : ['aktivitet', 'aktiviteter'];
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
export const FIGURE_COLUMNS = [
  ...ROLLUP_STATUSES.map((s) => ({
    label: s === 'not_reported' ? 'Ej rappor\u00adterad' : ROLLUP_STATUS_LABELS[s],
    numeric: true,
  })),
  { label: 'Totalt', numeric: true },
  { label: 'Framsteg P', numeric: true },
  { label: 'Täckning T', numeric: true },
];

/**
 * The figures of a roll-up as table cells, each a link to exactly the activities behind it: the count
 * of each status, the total, and the weighted progress and coverage (both over all the activities).
 */
export function figureCells(year: number, target: DrillDownTarget, rollup: Rollup, of: string): Child[] {
  const all = drillDownPath(year, target);
  return [
    ...ROLLUP_STATUSES.map((status) => (
      <FigureLink
        href={drillDownPath(year, { ...target, status })}
        text={formatNumber(rollup.counts[status])}
        context={`${countWords(rollup.counts[status], status)} för ${of}`}
      />
    )),
    <FigureLink
      href={all}
      text={formatNumber(rollup.total)}
      context={`${countWords(rollup.total)} för ${of}, totalt`}
    />,
    rollup.progress === null ? (
      <FigureLink href={all} text="–" context={`inget viktat framsteg för ${of}: ingen aktivitet är rapporterad`} />
    ) : (
      <FigureLink
        href={all}
        text={progressText(rollup.progress)}
        context={`viktat framsteg för ${of}, över de rapporterade aktiviteterna`}
      />
    ),
    rollup.coverage === null ? (
      <FigureLink href={all} text="–" context={`ingen täckningsgrad för ${of}: inga aktiviteter`} />
    ) : (
      <FigureLink
        href={all}
        text={coverageText(rollup.coverage)}
        context={`täckningsgrad för ${of}: andelen av vikten som är rapporterad`}
      />
    ),
  ];
}

/** The formula in words and symbols. */
export function FormulaExplanation({ headingId = 'sa-raknas-det' }: { headingId?: string }) {
  return (
    <section class="panel formula" aria-labelledby={headingId}>
      <h2 id={headingId}>Så räknas siffrorna</h2>
      <p class="ds-paragraph">
        Varje aktivitet räknas med sin senaste rapport i årets uppföljningsomgångar: grön, gul eller röd, och ett
        framsteg <var>p</var> i procent. Aktiviteter utan rapport räknas som ”Ej rapporterad”. En aktivitet som tjänar
        två mål räknas fullt i båda målen, men bara en gång i ett fokusområde.
      </p>
      <p class="ds-paragraph formula__symbols">
        Viktat framsteg{' '}
        <span class="formula__expr">
          <var>P</var> = Σ <var>w</var>
          <sub>i</sub>·<var>p</var>
          <sub>i</sub> / Σ <var>w</var>
          <sub>i</sub> = Σ <var>n</var>
          <sub>i</sub>·<var>p</var>
          <sub>i</sub>
        </span>
        , där <var>w</var>
        <sub>i</sub> är aktivitetens vikt i planen och de normaliserade vikterna{' '}
        <span class="formula__expr">
          <var>n</var>
          <sub>i</sub> = <var>w</var>
          <sub>i</sub> / Σ <var>w</var>
          <sub>j</sub>
        </span>{' '}
        summerar till 1. Summorna går över de <strong>rapporterade</strong> aktiviteterna.
      </p>
      <p class="ds-paragraph formula__symbols">
        Täckningsgrad{' '}
        <span class="formula__expr">
          <var>T</var> = Σ <var>w</var>(rapporterade) / Σ <var>w</var>(alla)
        </span>
        : hur stor del av vikten <var>P</var> bygger på. En aktivitet utan rapport räknas alltså aldrig som 0 procent
        och tas aldrig bort i tysthet – den sänker täckningsgraden. Finns ingen rapport alls visas inget <var>P</var>{' '}
        (–).
      </p>
      <p class="ds-paragraph">
        Målens nyckeltal bedöms för sig (mot målbanan och trenden) och visas bredvid. Nyckeltalens bedömning och
        aktiviteternas framsteg räknas aldrig ihop till ett tal.
      </p>
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
  if (views.length === 0) return <span class="meta">Inga nyckeltal kopplade</span>;
  return (
    <ul class="plain-list verdicts">
      {views.map((v) => (
        <li>
          <strong class={VERDICT_CLASS[v.evaluation.verdict]}>{VERDICT_LABELS_SV[v.evaluation.verdict]}</strong>
          {': '}
          {links ? (
            <a class="ds-link" href={`/nyckeltal/${v.indicator.key}`}>
              {v.indicator.title}
            </a>
          ) : (
            v.indicator.title
          )}{' '}
          <span class="meta">({v.measuredName})</span>
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
      Överförd från {from.year}
    </span>
  ) : null;
}

/** The activity's title linking to its plan, with its markers. */
export function ActivityTitle({ a, link = true }: { a: ResultActivity; link?: boolean }) {
  const { activity } = a.view;
  return (
    <>
      {link ? (
        <a class="ds-link" href={`/planer/${a.plan.id}#aktivitet-${activity.id}`} data-activity-id={activity.id}>
          {activity.title}
        </a>
      ) : (
        <span data-activity-id={activity.id}>{activity.title}</span>
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
  return (
    <DataTable
      caption={`Planer för ${year} som siffrorna bygger på`}
      columns={[{ label: 'Plan' }, { label: 'Nätverk' }, { label: 'Läge' }]}
      rows={plans.map(({ plan, network }) => [
        <>
          <a class="ds-link" href={`/planer/${plan.id}`}>
            {plan.title}
          </a>
          {plan.isExample && (
            <>
              {' '}
              <ExampleTag />
            </>
          )}
        </>,
        network.name,
        PLAN_STATE_LABELS[plan.state],
      ])}
      empty="Inga planer"
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
  const others = years.filter((y) => y !== year);
  if (others.length === 0) return null;
  return (
    <nav class="year-links" aria-label="Andra år">
      <span>Andra år: </span>
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
