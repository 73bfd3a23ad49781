/**
 * Renders a Vega-Lite spec to an SVG string on the server, with the Swedish number locale and the
 * shared look of the charts. The SVG is raw Vega output; `makeAccessibleSvg` turns it into what a page
 * may embed.
 */
import type { Locale } from 'vega';
import type { Config, TopLevelSpec } from 'vega-lite';
import { AXIS_COLOUR, BACKGROUND, GRID_COLOUR, TEXT_COLOUR } from './palette.js';

/**
 * d3's sv-SE number locale: decimal comma and a no-break space between thousands (so "1 234,5" never
 * wraps). Given to Vega through `config.locale`, which Vega-Lite passes on to the Vega spec and the
 * View applies to that view alone: `format()` in axes and text marks uses it, and no process-wide
 * default (`vega.formatLocale`) is changed.
 */
export const SWEDISH_NUMBER_LOCALE: NonNullable<Locale['number']> = {
  decimal: ',',
  thousands: '\u00a0',
  grouping: [3],
  currency: ['', '\u00a0kr'],
  // Typographic minus, as d3's own sv-SE locale.
  minus: '\u2212',
};

/** d3 format of a value with a fixed number of decimals and thousands grouping, e.g. 1234.5 → "1 234,5". */
export function numberFormat(decimals: number): string {
  const places = Number.isInteger(decimals) && decimals >= 0 && decimals <= 10 ? decimals : 0;
  return `,.${places}f`;
}

const FONT = 'system-ui, sans-serif';

/** The look shared by all charts; font sizes are larger than Vega's default as the SVG scales down on phones. */
export const BASE_CONFIG: Config = {
  locale: { number: SWEDISH_NUMBER_LOCALE },
  // Vega-Lite's own ARIA output (English descriptions on every mark) is switched off: the chart is one
  // image, described by its title and description; the page is to give the numbers as a table.
  aria: false,
  background: BACKGROUND,
  font: FONT,
  view: { stroke: null },
  axis: {
    labelFontSize: 14,
    titleFontSize: 14,
    labelColor: TEXT_COLOUR,
    titleColor: TEXT_COLOUR,
    domainColor: AXIS_COLOUR,
    tickColor: AXIS_COLOUR,
    gridColor: GRID_COLOUR,
    titleFontWeight: 'normal',
  },
  legend: {
    labelFontSize: 14,
    titleFontSize: 14,
    labelColor: TEXT_COLOUR,
    titleColor: TEXT_COLOUR,
    labelLimit: 260,
  },
  text: { font: FONT, fontSize: 14, color: TEXT_COLOUR },
};

/** Vega-Lite and Vega warnings during a render are programming errors in a spec: collected, then thrown. */
class CollectingLogger {
  readonly warnings: string[] = [];
  // Vega's Warn level: info and debug messages are not wanted.
  private currentLevel = 2;
  level(level?: number): number | this {
    if (level === undefined) return this.currentLevel;
    this.currentLevel = level;
    return this;
  }
  error(...args: readonly unknown[]): this {
    this.warnings.push(args.map(String).join(' '));
    return this;
  }
  warn(...args: readonly unknown[]): this {
    this.warnings.push(args.map(String).join(' '));
    return this;
  }
  info(): this {
    return this;
  }
  debug(): this {
    return this;
  }
}

export class ChartRenderError extends Error {}

/**
 * Vega and Vega-Lite, loaded with the first chart drawn (some 30 MB of memory): a process that draws
 * none (the CLI, a server that has not yet been asked for a chart) does not hold them.
 */
let vega:
  | Promise<{
      compile: typeof import('vega-lite').compile;
      parse: typeof import('vega').parse;
      View: typeof import('vega').View;
    }>
  | undefined;
const loadVega = () =>
  (vega ??= Promise.all([import('vega'), import('vega-lite')]).then(([v, vl]) => ({
    compile: vl.compile,
    parse: v.parse,
    View: v.View,
  })));

/**
 * Compiles and renders `spec` to raw SVG. Rejects if Vega-Lite or Vega warns, so that a spec mistake
 * (a misspelt channel, an ignored property) shows in the tests instead of as a subtly wrong chart.
 */
export async function renderVegaLite(spec: TopLevelSpec): Promise<string> {
  const { compile, parse, View } = await loadVega();
  const logger = new CollectingLogger();
  const vegaSpec = compile(spec, { logger }).spec;
  const view = new View(parse(vegaSpec), { renderer: 'none', logger });
  try {
    const svg = await view.toSVG();
    if (logger.warnings.length > 0) {
      throw new ChartRenderError(`Diagrammet ritades med varningar: ${logger.warnings.join('; ')}`);
    }
    return svg;
  } finally {
    view.finalize();
  }
}
