/**
 * Line chart of an indicator over the years: one line per member municipality and per comparison
 * (the group, the region, the nation, a target, a projection), rendered on the server to an
 * accessible SVG.
 *
 * Promises: a missing value (null) leaves a gap in its line and gets no point; it is never drawn as
 * zero. Comparison lines differ from members and from each other without colour (width and dash
 * pattern), members by colour and point shape; the legend lists every line with its style.
 */
import type { TopLevelSpec } from 'vega-lite';
import { makeAccessibleSvg } from './accessible-svg.js';
import { uniqueLabels } from './labels.js';
import { COMPARISON_STYLES, memberStyle, type LineStyle, type SeriesKind } from './palette.js';
import { BASE_CONFIG, numberFormat, renderVegaLite } from './vega-render.js';

export interface SeriesChartInput {
  /** Unique on the page: prefixes the SVG's ids. */
  idPrefix: string;
  title: string;
  description: string;
  /** The y axis title, e.g. "procent". */
  unit: string;
  decimals: number;
  /** Start the y axis at zero (default: fit the axis to the values). */
  yZero?: boolean;
  series: ChartSeries[];
}

export interface ChartSeries {
  label: string;
  kind: SeriesKind;
  points: { year: number; value: number | null }[];
}

/** The plotting area; the SVG grows by the axes and the legend, and scales to its container. */
const PLOT_WIDTH = 440;
const PLOT_HEIGHT = 260;

export async function seriesChartSvg(input: SeriesChartInput): Promise<string> {
  const svg = await renderVegaLite(seriesChartSpec(input));
  return makeAccessibleSvg(svg, input);
}

/** The Vega-Lite spec (exported for tests and for debugging a chart in the Vega editor). */
export function seriesChartSpec(input: SeriesChartInput): TopLevelSpec {
  const labels = uniqueLabels(input.series.map((series) => series.label));
  let memberIndex = 0;
  const seen = new Map<SeriesKind, number>();
  const styles: LineStyle[] = input.series.map((series) => {
    if (series.kind === 'member') return memberStyle(memberIndex++);
    // A second line of the same kind (e.g. the weighted beside the unweighted group mean) gets its own
    // dash pattern and point shape, so the two are still told apart without colour.
    const repeat = seen.get(series.kind) ?? 0;
    seen.set(series.kind, repeat + 1);
    const style = COMPARISON_STYLES[series.kind];
    return repeat === 0 ? style : { ...style, dash: [10, 4], shape: 'triangle-down' };
  });

  const values = input.series.flatMap((series, index) =>
    series.points.map((point) => ({
      series: labels[index]!,
      shape: styles[index]!.shape,
      year: point.year,
      // Non-finite numbers are no more a value than null is.
      value: point.value !== null && Number.isFinite(point.value) ? point.value : null,
    })),
  );
  if (!values.some((row) => row.value !== null)) return noValuesSpec();
  const years = allYears(values.map((row) => row.year));

  // One domain, in the caller's order, for every channel: Vega-Lite then merges them into one legend.
  const seriesField = { field: 'series', type: 'nominal', title: null, sort: labels } as const;
  const legend = {
    orient: 'bottom',
    direction: 'vertical',
    columns: 2,
    symbolType: 'stroke',
    symbolSize: 500,
    symbolStrokeWidth: 2.5,
    labelLimit: 420,
    columnPadding: 24,
  } as const;
  const format = numberFormat(input.decimals);

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    config: BASE_CONFIG,
    data: { values },
    encoding: {
      x: {
        field: 'year',
        type: 'ordinal',
        title: 'År',
        // Every year from the first to the last, so a year without any value keeps its place.
        scale: { domain: years },
        axis: { labelAngle: 0, labelOverlap: 'parity', grid: true },
      },
      y: {
        field: 'value',
        type: 'quantitative',
        title: input.unit,
        scale: { zero: input.yZero ?? false, nice: true },
        axis: { format, tickCount: 6 },
      },
      color: {
        ...seriesField,
        scale: { domain: labels, range: styles.map((style) => style.colour) },
        legend,
      },
    },
    layer: [
      {
        // A null value breaks the line (two segments), with no point at zero or anywhere else.
        mark: { type: 'line', invalid: 'break-paths-filter-domains', strokeJoin: 'round' },
        encoding: {
          strokeDash: {
            ...seriesField,
            scale: { domain: labels, range: styles.map((style) => (style.dash.length > 0 ? style.dash : [1, 0])) },
            legend,
          },
          strokeWidth: {
            ...seriesField,
            // Ordinal, not Vega-Lite's default point scale, which would interpolate between the widths.
            scale: { type: 'ordinal', domain: labels, range: styles.map((style) => style.width) },
            legend,
          },
        },
      },
      {
        // Points mark each value, so that a value between two gaps (no line to draw) is still seen.
        transform: [{ filter: 'isValid(datum.value) && isFinite(datum.value)' }],
        mark: { type: 'point', filled: true, size: 36, opacity: 1 },
        encoding: {
          // The shape name itself is the value (no scale), so that the shape stays out of the line legend.
          shape: { field: 'shape', type: 'nominal', scale: null, legend: null },
        },
      },
    ],
  };
}

/** Shown instead of lines when no series has a single value (Vega cannot draw axes without a domain). */
export const NO_VALUES_TEXT = 'Inga värden att visa';

function noValuesSpec(): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: PLOT_WIDTH,
    height: 60,
    config: BASE_CONFIG,
    data: { values: [{}] },
    mark: { type: 'text', text: NO_VALUES_TEXT, fontStyle: 'italic', align: 'center', baseline: 'middle' },
    encoding: { x: { value: PLOT_WIDTH / 2 }, y: { value: 30 } },
  };
}

function allYears(years: number[]): number[] {
  const integers = years.filter((year) => Number.isInteger(year));
  if (integers.length === 0) return [];
  const first = Math.min(...integers);
  const last = Math.max(...integers);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}
