/**
 * Horizontal bar chart ranking the members and the comparisons (group, region, nation) on one
 * indicator for one year, rendered on the server to an accessible SVG.
 *
 * Promises: bars keep the caller's order (the caller ranks); each bar ends in its value in Swedish
 * format; a missing value is the word "saknas" at the axis, never a zero-length bar; comparison bars
 * differ from member bars by colour and by a bold, italic label, so not by colour alone.
 */
import type { TopLevelSpec } from 'vega-lite';
import { makeAccessibleSvg } from './accessible-svg.js';
import { uniqueLabels } from './labels.js';
import { COMPARISON_BAR_COLOUR, MEMBER_BAR_COLOUR } from './palette.js';
import { BASE_CONFIG, numberFormat, renderVegaLite } from './vega-render.js';

export type RankingBarKind = 'member' | 'group' | 'region' | 'nation';

export interface RankingChartInput {
  /** Unique on the page: prefixes the SVG's ids. */
  idPrefix: string;
  title: string;
  description: string;
  /** The x axis title, e.g. "procent". */
  unit: string;
  decimals: number;
  /** In the order they are to be drawn, top to bottom. */
  bars: { label: string; value: number | null; kind: RankingBarKind }[];
}

/** Shown instead of a bar when there is no value. */
export const MISSING_VALUE_TEXT = 'saknas';

const PLOT_WIDTH = 380;
const BAR_STEP = 28;
/** Rough width of one character of a value label at 14 px, to leave room for the label after the longest bar. */
const CHARACTER_WIDTH = 8.5;

export async function rankingChartSvg(input: RankingChartInput): Promise<string> {
  const svg = await renderVegaLite(rankingChartSpec(input));
  return makeAccessibleSvg(svg, input);
}

/** The Vega-Lite spec (exported for tests and for debugging a chart in the Vega editor). */
export function rankingChartSpec(input: RankingChartInput): TopLevelSpec {
  const labels = uniqueLabels(input.bars.map((bar) => bar.label));
  const values = input.bars.map((bar, index) => ({
    label: labels[index]!,
    value: bar.value !== null && Number.isFinite(bar.value) ? bar.value : null,
    group: bar.kind === 'member' ? 'member' : 'comparison',
  }));
  const comparisonLabels = values.filter((row) => row.group === 'comparison').map((row) => row.label);
  const format = numberFormat(input.decimals);
  const x = {
    field: 'value',
    type: 'quantitative',
    title: input.unit,
    scale: { domain: xDomain(values, input.decimals), nice: false, zero: true },
    axis: { format, tickCount: 5 },
    stack: null,
  } as const;
  const isComparisonLabel = `indexof(${JSON.stringify(comparisonLabels)}, datum.value) >= 0`;

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: PLOT_WIDTH,
    height: { step: BAR_STEP },
    config: BASE_CONFIG,
    data: { values },
    encoding: {
      y: {
        field: 'label',
        type: 'nominal',
        // The caller's order, not Vega-Lite's alphabetical default. An explicit domain, because the
        // union of the layers' labels would put the bars without a value last.
        sort: null,
        scale: { domain: labels },
        title: null,
        axis: {
          labelLimit: 300,
          labelFontWeight: { condition: { test: isComparisonLabel, value: 'bold' }, value: 'normal' },
          labelFontStyle: { condition: { test: isComparisonLabel, value: 'italic' }, value: 'normal' },
          ticks: false,
        },
      },
    },
    layer: [
      {
        transform: [{ filter: 'isValid(datum.value)' }],
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          x,
          color: {
            field: 'group',
            type: 'nominal',
            scale: { domain: ['member', 'comparison'], range: [MEMBER_BAR_COLOUR, COMPARISON_BAR_COLOUR] },
            legend: null,
          },
        },
      },
      {
        // The value after the end of a positive bar…
        transform: [{ filter: 'isValid(datum.value) && datum.value >= 0' }],
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4 },
        encoding: { x, text: { field: 'value', type: 'quantitative', format } },
      },
      {
        // …and before the end of a negative one.
        transform: [{ filter: 'isValid(datum.value) && datum.value < 0' }],
        mark: { type: 'text', align: 'right', baseline: 'middle', dx: -4 },
        encoding: { x, text: { field: 'value', type: 'quantitative', format } },
      },
      {
        // x is not the value field here: Vega-Lite would filter out the very rows without a value.
        transform: [{ filter: '!isValid(datum.value)' }],
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontStyle: 'italic' },
        encoding: { x: { datum: 0 }, text: { value: MISSING_VALUE_TEXT } },
      },
    ],
  };
}

/**
 * Zero and every value, widened so that the value label after the longest bar (at either end)
 * still fits inside the plot.
 */
function xDomain(rows: { value: number | null }[], decimals: number): [number, number] {
  const numbers = rows.map((row) => row.value).filter((value): value is number => value !== null);
  const low = Math.min(0, ...numbers);
  const high = Math.max(0, ...numbers);
  if (low === high) return [0, 1];
  // Digits, separators, decimals and a minus sign of the longest value, at about 8.5 px each.
  const longest = Math.max(...numbers.map((value) => Math.round(Math.abs(value)).toString().length));
  const labelChars = longest + Math.floor((longest - 1) / 3) + (decimals > 0 ? decimals + 1 : 0) + 1;
  const labelShare = Math.min(0.4, (labelChars * CHARACTER_WIDTH + 8) / PLOT_WIDTH);
  const span = high - low;
  const pad = (span * labelShare) / (1 - labelShare);
  return [low < 0 ? low - pad : 0, high > 0 ? high + pad : 0];
}
