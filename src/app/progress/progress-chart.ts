/**
 * The chart of a goal's indicator on the public progress pages: on Swedish pages the goal page's own
 * chart (goalIndicatorSvg), in another language the same lines with the page's words for the title,
 * description and legend. Cached per data version and language. The chart renderer's axis title and
 * number format are Swedish in every language (src/charts/); the table under the chart is the page's.
 */
import { chartCache, chartCacheKey } from '../../charts/chart-cache.js';
import { seriesChartSvg, type ChartSeries } from '../../charts/series-chart.js';
import { areaRole, goalIndicatorSvg } from '../indicators/indicator-charts.js';
import type { GoalIndicatorView } from '../indicators/goal-targets.js';

/** A chart's words in the page's language. */
export interface ProgressChartTexts {
  /** The language, for the cache. */
  locale: string;
  title: string;
  description: string;
  /** Legend labels. */
  measured: string;
  comparison: string | null;
  targetPath: string;
  trend: string;
}

/** The goal page's chart when `texts` is null (Swedish), else the same chart in the texts' words. */
export function progressChartSvg(
  view: GoalIndicatorView,
  idPrefix: string,
  texts: ProgressChartTexts | null,
): Promise<string> {
  if (texts === null) return goalIndicatorSvg(view, idPrefix);
  const { link, evaluation } = view;
  const key = chartCacheKey('progress', texts.locale, view.versionKey, link.id, idPrefix);
  return chartCache.get(key, () => {
    const series: ChartSeries[] = [{ label: texts.measured, kind: 'group', points: view.series }];
    if (view.comparison && texts.comparison !== null)
      series.push({ label: texts.comparison, kind: areaRole(link.comparisonAreaCode ?? ''), points: view.comparison });
    if (link.targetKind === 'absolute' && evaluation.path.length > 0)
      series.push({ label: texts.targetPath, kind: 'target', points: evaluation.path });
    if (link.targetKind === 'absolute' && evaluation.latest && evaluation.projection)
      series.push({
        label: texts.trend,
        kind: 'projection',
        points: [{ year: evaluation.latest.year, value: evaluation.latest.value }, evaluation.projection],
      });
    return seriesChartSvg({
      idPrefix,
      title: texts.title,
      description: texts.description,
      unit: view.indicator.unit,
      decimals: view.indicator.decimals,
      series,
    });
  });
}
