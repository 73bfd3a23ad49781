import { EXAMPLE_FIGURES_NOTICE } from '../../domain/plans/example-notices.js';
/**
 * The annual report draft (årsredovisning) as a table to download: one row per goal and activity
 * (a goal without activities gets one row saying so), with the goal's roll-up and its indicator
 * verdicts in their own columns — never merged with the activities' progress. The lines above the
 * table say what the file is: the year, that it is a draft, the source, and whether it builds on
 * example plans.
 */
import { VERDICT_LABELS_SV } from '../../domain/indicators/target-verdict.js';
import { PLAN_KIND_LABELS, PLAN_STATE_LABELS } from '../../domain/plans/plan.js';
import { coveragePercent, ROLLUP_STATUS_LONG_LABELS } from '../../domain/plans/rollup.js';
import type { ExportColumn, ExportRow } from '../../exports/table.js';
import type { GoalIndicatorView } from '../indicators/goal-targets.js';
import type { ResultActivity, YearResults } from './year-results.js';

export const FORMULA_TEXT =
  'Viktat framsteg P = Σ wᵢ·pᵢ / Σ wᵢ över de rapporterade aktiviteterna (normaliserade vikter nᵢ = wᵢ / Σ wⱼ, ' +
  'som summerar till 1); täckningsgrad T = Σ w(rapporterade) / Σ w(alla). En aktivitet utan rapport räknas ' +
  'inte som 0 procent utan sänker täckningsgraden. Nyckeltalens bedömningar räknas aldrig in i P.';

export const annualReportTitle = (year: number) => `Årsredovisning ${year} – utkast`;

/** "Nyckeltal: Inte i fas; …" — each indicator's verdict in words, one after the other. */
export const verdictsText = (views: readonly GoalIndicatorView[]): string =>
  views.map((v) => `${v.indicator.title} (${v.measuredName}): ${VERDICT_LABELS_SV[v.evaluation.verdict]}`).join('; ');

export interface AnnualReportTable {
  sheetName: string;
  /** Lines to put above the table. */
  preamble: string[];
  columns: ExportColumn[];
  rows: ExportRow[];
}

/** One decimal, as the pages show progress. */
const round1 = (x: number) => Math.round(x * 10) / 10;

export function annualReportTable(results: YearResults, sourceUrl: string): AnnualReportTable {
  const several = results.programmes.length > 1;
  const indicatorSources = [
    ...new Set(
      results.programmes.flatMap((p) =>
        p.focusAreas.flatMap((a) => a.goals.flatMap((g) => g.indicators.map((v) => v.indicator.source))),
      ),
    ),
  ];
  const preamble = [
    annualReportTitle(results.year),
    `Utkast sammanställt ${results.preparedOn} ur chefsnätverkens planer och uppföljningsrapporter; inte granskat eller antaget.`,
    `Källa: samverkans planer för ${results.year} (${results.plans.length} st) och uppföljningsomgångarna ` +
      `${results.rounds.map((r) => r.name).join(', ') || '(inga)'}, ${sourceUrl}` +
      (indicatorSources.length ? `. Nyckeltalens värden: ${indicatorSources.join('; ')}.` : '.'),
    ...(results.includesExamples ? [EXAMPLE_FIGURES_NOTICE] : []),
    FORMULA_TEXT,
  ];
  const columns: ExportColumn[] = [
    ...(several ? [{ key: 'programme', header: 'Program' }] : []),
    { key: 'focusArea', header: 'Fokusområde' },
    { key: 'goal', header: 'Mål' },
    { key: 'activity', header: 'Aktivitet' },
    { key: 'carriedOver', header: 'Överförd från år' },
    { key: 'network', header: 'Nätverk' },
    { key: 'plan', header: 'Plan' },
    { key: 'planState', header: 'Planens läge' },
    { key: 'example', header: 'Exempel' },
    { key: 'status', header: 'Status' },
    { key: 'progress', header: 'Framsteg (%)' },
    { key: 'round', header: 'Rapporterad i omgång' },
    { key: 'comment', header: 'Kommentar' },
    { key: 'weight', header: 'Vikt' },
    { key: 'normalisedWeight', header: 'Normaliserad vikt i målet' },
    { key: 'goalProgress', header: 'Målets viktade framsteg P (%)' },
    { key: 'goalCoverage', header: 'Målets täckningsgrad T (%)' },
    { key: 'goalActivities', header: 'Målets aktiviteter (antal)' },
    { key: 'verdicts', header: 'Nyckeltalens bedömning (räknas inte in i P)' },
  ];
  const rows: ExportRow[] = [];
  for (const p of results.programmes)
    for (const area of p.focusAreas)
      for (const g of area.goals) {
        const goalColumns: ExportRow = {
          ...(several ? { programme: p.programme.name } : {}),
          focusArea: area.focusArea.name,
          goal: g.goal.title,
          goalProgress: g.rollup.progress === null ? null : round1(g.rollup.progress),
          goalCoverage: g.rollup.coverage === null ? null : coveragePercent(g.rollup.coverage),
          goalActivities: g.rollup.total,
          verdicts: verdictsText(g.indicators),
        };
        if (g.activities.length === 0) rows.push({ ...goalColumns, activity: '(inga aktiviteter i årets planer)' });
        for (const a of g.activities) rows.push({ ...goalColumns, ...activityColumns(a, g.rollup.normalisedWeights) });
      }
  return { sheetName: `Årsredovisning ${results.year}`, preamble, columns, rows };
}

function activityColumns(a: ResultActivity, normalised: ReadonlyMap<number, number>): ExportRow {
  const { activity } = a.view;
  const n = normalised.get(activity.id);
  return {
    activity: activity.title,
    carriedOver: a.view.carriedOverFrom?.year ?? null,
    network: a.network.name,
    plan: a.plan.kind === 'action' ? `${a.plan.title} (${PLAN_KIND_LABELS.action.toLowerCase()})` : a.plan.title,
    planState: PLAN_STATE_LABELS[a.plan.state],
    example: a.plan.isExample ? 'Exempel' : '',
    status: ROLLUP_STATUS_LONG_LABELS[a.status],
    progress: a.latest?.progress ?? null,
    round: a.latestRound?.name ?? '',
    comment: a.latest?.comment ?? '',
    weight: activity.weight,
    normalisedWeight: n === undefined ? null : Math.round(n * 10_000) / 10_000,
  };
}
