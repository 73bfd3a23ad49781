/**
 * The indicator charts of the pages and the documents: accessible SVG drawn by src/charts, cached per
 * data version. Each is shown with the table of the same figures, which it never replaces.
 */
import type { IndicatorData } from './indicator-data.js';
import { groupName } from './indicator-data.js';
import type { Comparison } from './comparison.js';
import type { GoalIndicatorView } from './goal-targets.js';
import { chartCache, chartCacheKey } from '../../charts/chart-cache.js';
import { rankingChartSvg } from '../../charts/ranking-chart.js';
import { seriesChartSvg, type ChartSeries } from '../../charts/series-chart.js';
import type { GroupFigureKind } from '../../domain/indicators/group-figures.js';
import type { Collaboration } from '../../domain/collaboration.js';
import { GENDER_LABELS_SV, type Gender } from '../../domain/indicators/indicator.js';

/** How a comparison area is drawn: Riket (0000) as the nation, any other as the region. */
export const areaRole = (code: string): 'region' | 'nation' => (code === '0000' ? 'nation' : 'region');

/** Short enough for a legend line; the caption and the table say it in full. */
const SHORT_FIGURE_NAMES: Record<GroupFigureKind, string> = {
  unweighted_mean: 'ovägt',
  weighted_mean: 'viktat',
  sum: 'summa',
};

/**
 * A chart's words in another language than Swedish (the web layer's catalogue gives them): its title and
 * description, and the short names of the group figures in the legend. Part of the cache key.
 */
export interface IndicatorChartWords {
  locale: string;
  title: string;
  description: string;
  shortFigure: Readonly<Record<GroupFigureKind, string>>;
}

/** The group's name with the kind of figure, short enough for a legend line. */
export const groupLabel = (
  collaboration: Collaboration,
  kind: GroupFigureKind,
  shortFigure: Readonly<Record<GroupFigureKind, string>> = SHORT_FIGURE_NAMES,
) => `${groupName(collaboration)} (${shortFigure[kind]})`;

/** The group figures as series: one per kind the indicator has (ovägt, viktat, or summa). */
export function groupSeries(
  data: IndicatorData,
  gender: Gender,
  shortFigure: Readonly<Record<GroupFigureKind, string>> = SHORT_FIGURE_NAMES,
): ChartSeries[] {
  const first = data.years[0];
  if (first === undefined) return [];
  return data.groupFigures(first, gender).map((f) => ({
    label: groupLabel(data.collaboration, f.kind, shortFigure),
    kind: 'group' as const,
    points: data.years.map((year) => ({
      year,
      value: data.groupFigures(year, gender).find((g) => g.kind === f.kind)?.value ?? null,
    })),
  }));
}

/**
 * Every member, the group figures, region and nation over the years; cached per data version (and
 * language: Swedish unless `words` are given).
 */
export function indicatorSeriesSvg(
  data: IndicatorData,
  gender: Gender,
  idPrefix: string,
  words?: IndicatorChartWords,
): Promise<string> {
  const key = chartCacheKey(
    'series',
    words?.locale ?? 'sv',
    data.versionKey,
    gender,
    idPrefix,
    data.years[0] ?? 0,
    data.years.at(-1) ?? 0,
  );
  return chartCache.get(key, () => {
    const area = (code: string, name: string, kind: ChartSeries['kind']): ChartSeries => ({
      label: name,
      kind,
      points: data.years.map((year) => ({ year, value: data.value(code, year, gender)?.value ?? null })),
    });
    const title = `${data.indicator.title}, ${GENDER_LABELS_SV[gender].toLowerCase()}, ${data.years[0]}–${data.years.at(-1)}`;
    return seriesChartSvg({
      idPrefix,
      title: words?.title ?? title,
      description:
        words?.description ??
        `Linjediagram med ett värde per år för var och en av ${data.members.length} medlemskommuner, gruppens värden och jämförelseområdena. Samma siffror finns i tabellen under diagrammet.`,
      unit: data.indicator.unit,
      decimals: data.indicator.decimals,
      series: [
        ...data.members.map((m) => area(m.code, m.name, 'member')),
        ...groupSeries(data, gender, words?.shortFigure),
        ...data.comparisonAreas.map((a) => area(a.code, a.name, areaRole(a.code))),
      ],
    });
  });
}

/** One year's members ranked, then the group figures, region and nation, as bars (Swedish unless `words`). */
export function comparisonSvg(comparison: Comparison, idPrefix: string, words?: IndicatorChartWords): Promise<string> {
  const { data, year, gender } = comparison;
  const key = chartCacheKey('ranking', words?.locale ?? 'sv', data.versionKey, year, gender, idPrefix);
  return chartCache.get(key, () =>
    rankingChartSvg({
      idPrefix,
      title:
        words?.title ??
        `${data.indicator.title} ${year}, ${GENDER_LABELS_SV[gender].toLowerCase()}: kommunerna i rangordning`,
      description:
        words?.description ??
        `Liggande stapeldiagram: medlemskommunerna från högst till lägst värde, därefter gruppens värden och jämförelseområdena. Samma siffror finns i tabellen under diagrammet.`,
      unit: data.indicator.unit,
      decimals: data.indicator.decimals,
      bars: [
        ...comparison.members.map((m) => ({ label: m.name, value: m.value, kind: 'member' as const })),
        ...comparison.groupFigures.map((f) => ({
          label: groupLabel(data.collaboration, f.kind, words?.shortFigure),
          value: f.value,
          kind: 'group' as const,
        })),
        ...comparison.comparisonAreas.map((a) => ({ label: a.name, value: a.value, kind: areaRole(a.code) })),
      ],
    }),
  );
}

/** A goal's indicator: the measured series, the comparison area or target path, and the trend to the target year. */
export function goalIndicatorSvg(view: GoalIndicatorView, idPrefix: string): Promise<string> {
  const { link, evaluation } = view;
  const key = chartCacheKey('goal', view.versionKey, link.id, idPrefix);
  return chartCache.get(key, () => {
    const measured = link.measure === 'area' ? view.measuredName : groupLabel(view.collaboration, link.measure);
    const series: ChartSeries[] = [{ label: measured, kind: 'group', points: view.series }];
    if (view.comparison && view.comparisonName)
      series.push({
        label: view.comparisonName,
        kind: areaRole(link.comparisonAreaCode ?? ''),
        points: view.comparison,
      });
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
