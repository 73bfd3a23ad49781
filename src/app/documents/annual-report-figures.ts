/**
 * A goal's indicator as a document figure: the chart of the measured series, the comparison area or
 * the target path and the trend to the target year (as the goal page draws it), with the table of the
 * same figures, which it never replaces.
 *
 * The chart is drawn as src/web/indicator-charts.ts `goalIndicatorSvg` draws it; use cases may not
 * import src/web, so the few lines that choose the series are repeated here. Cached per data version.
 */
import type { Block, TableBlock } from '../../documents/document-model.js';
import { chartCache, chartCacheKey } from '../../charts/chart-cache.js';
import { seriesChartSvg, type ChartSeries } from '../../charts/series-chart.js';
import { formatNumber } from '../../domain/format-sv.js';
import type { GroupFigureKind } from '../../domain/indicators/group-figures.js';
import { groupName } from '../indicators/indicator-data.js';
import type { GoalIndicatorView } from '../indicators/goal-targets.js';

/** Short enough for a legend line; the caption and the table say it in full. */
const SHORT_FIGURE_NAMES: Record<GroupFigureKind, string> = {
  unweighted_mean: 'ovägt',
  weighted_mean: 'viktat',
  sum: 'summa',
};

const role = (code: string): 'region' | 'nation' => (code === '0000' ? 'nation' : 'region');

/** A value with the indicator's decimals, or "saknas": a missing value is never shown as 0. */
export const indicatorValueText = (value: number | null | undefined, decimals: number): string =>
  value === null || value === undefined ? 'saknas' : formatNumber(value, { decimals });

function goalIndicatorChart(view: GoalIndicatorView, idPrefix: string): Promise<string> {
  const { link, evaluation } = view;
  const key = chartCacheKey('document-goal', view.versionKey, link.id, idPrefix);
  return chartCache.get(key, () => {
    const measured =
      link.measure === 'area'
        ? view.measuredName
        : `${groupName(view.collaboration)} (${SHORT_FIGURE_NAMES[link.measure]})`;
    const series: ChartSeries[] = [{ label: measured, kind: 'group', points: view.series }];
    if (view.comparison && view.comparisonName)
      series.push({ label: view.comparisonName, kind: role(link.comparisonAreaCode ?? ''), points: view.comparison });
    if (link.targetKind === 'absolute' && evaluation.path.length > 0)
      series.push({ label: `Målbana till ${link.targetYear}`, kind: 'target', points: evaluation.path });
    if (link.targetKind === 'absolute' && evaluation.latest && evaluation.projection)
      series.push({
        label: `Trend till ${link.targetYear}`,
        kind: 'projection',
        points: [{ year: evaluation.latest.year, value: evaluation.latest.value }, evaluation.projection],
      });
    return seriesChartSvg({
      idPrefix,
      title: `${view.indicator.title}: ${view.measuredName}${view.comparisonName ? ` och ${view.comparisonName}` : ''}`,
      description: `Linjediagram över åren. ${evaluation.sentence} Samma siffror finns i tabellen under diagrammet.`,
      unit: view.indicator.unit,
      decimals: view.indicator.decimals,
      series,
    });
  });
}

/** The figures behind the chart, one row per year: measured, comparison area or target path. */
export function goalIndicatorTable(view: GoalIndicatorView): TableBlock {
  const { indicator, evaluation, link } = view;
  const d = indicator.decimals;
  const comparison = new Map((view.comparison ?? []).map((p) => [p.year, p.value]));
  const path = new Map(evaluation.path.map((p) => [p.year, p.value]));
  const withComparison = view.comparisonName !== null && view.comparison !== null;
  const withPath = link.targetKind === 'absolute';
  const head = [
    'År',
    view.measuredName,
    ...(withComparison ? [view.comparisonName!] : []),
    ...(withPath ? ['Målbana'] : []),
  ];
  return {
    kind: 'table',
    caption: `${indicator.title} per år (${indicator.unit})`,
    head,
    rows: view.series.map((p) => [
      String(p.year),
      indicatorValueText(p.value, d),
      ...(withComparison ? [indicatorValueText(comparison.get(p.year), d)] : []),
      ...(withPath ? [indicatorValueText(path.get(p.year), d)] : []),
    ]),
    numericColumns: head.slice(1).map((_, i) => i + 1),
    rowHeaders: true,
  };
}

/** The figure of a goal's indicator; `idPrefix` must be unique in the document. */
export async function goalIndicatorFigure(view: GoalIndicatorView, idPrefix: string): Promise<Block> {
  return {
    kind: 'figure',
    svg: await goalIndicatorChart(view, idPrefix),
    alt: `${view.evaluation.sentence} Samma siffror finns i tabellen.`,
    caption: `${view.indicator.title}: ${view.measuredName} per år (${view.indicator.unit}).`,
    table: goalIndicatorTable(view),
  };
}
