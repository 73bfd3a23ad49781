/**
 * Colours and line styles shared by the charts. Every colour that draws data (a line, a point, a bar)
 * reaches at least 3:1 against the white chart background (WCAG 1.4.11); the tests check it with
 * `contrastRatio`, so a colour changed here cannot silently fall below.
 */

export type SeriesKind = 'member' | 'group' | 'region' | 'nation' | 'target' | 'projection';
export type ComparisonKind = Exclude<SeriesKind, 'member'>;

/** The chart background. Charts draw their own white rectangle, so contrast is measured against it. */
export const BACKGROUND = '#ffffff';

/**
 * Member municipalities: Paul Tol's "muted" colour-blind-safe scheme, with the light hues darkened
 * just enough to reach 3:1 on white (sand, cyan, teal, olive). Indigo is left out: it is too close
 * to the near-black comparison lines. Thin lines in these colours stay in the background while the
 * comparison lines carry the emphasis.
 */
export const MEMBER_COLOURS: readonly string[] = [
  '#cc6677', // rose
  '#6293ab', // cyan, darkened
  '#988d52', // sand, darkened
  '#3f9c8d', // teal, darkened
  '#aa4499', // purple
  '#117733', // green
  '#919130', // olive, darkened
  '#882255', // wine
];

/** Point shapes for members, so that members differ by more than colour where markers are drawn. */
export const MEMBER_SHAPES: readonly string[] = [
  'circle',
  'square',
  'triangle-up',
  'diamond',
  'triangle-down',
  'cross',
  'triangle-right',
  'triangle-left',
];

export interface LineStyle {
  colour: string;
  /** SVG dash array in px; an empty array is a solid line. */
  dash: number[];
  width: number;
  shape: string;
}

/** Member lines are thin and solid; what tells them apart is colour, point shape and the legend. */
export const MEMBER_LINE_WIDTH = 1.75;

/**
 * Comparison lines: dark neutrals (the target a dark red) so that they stand out from the member
 * palette, and each with its own dash pattern and width, so they are told apart without colour.
 */
export const COMPARISON_STYLES: Readonly<Record<ComparisonKind, LineStyle>> = {
  group: { colour: '#111111', dash: [], width: 4, shape: 'circle' },
  region: { colour: '#3d3d3d', dash: [12, 5], width: 2.5, shape: 'square' },
  nation: { colour: '#5c5c5c', dash: [3, 3], width: 2.5, shape: 'diamond' },
  target: { colour: '#b2182b', dash: [14, 4, 3, 4], width: 2.5, shape: 'cross' },
  projection: { colour: '#5c5c5c', dash: [6, 4], width: 2.5, shape: 'triangle-up' },
};

/** The style of the `memberIndex`-th member line (cycling after eight: the legend still tells them apart). */
export function memberStyle(memberIndex: number): LineStyle {
  return {
    colour: MEMBER_COLOURS[memberIndex % MEMBER_COLOURS.length]!,
    dash: [],
    width: MEMBER_LINE_WIDTH,
    shape: MEMBER_SHAPES[memberIndex % MEMBER_SHAPES.length]!,
  };
}

/** Bars: members in a blue, comparison bars in near-black (and set apart by their label as well). */
export const MEMBER_BAR_COLOUR = '#4a7fb0';
export const COMPARISON_BAR_COLOUR = '#2b2b2b';

/** Axis lines and ticks: graphical objects needed to read the chart, so also at least 3:1. */
export const AXIS_COLOUR = '#6e6e6e';
/** Grid lines are a reading aid only (not required to understand the chart), so they may be faint. */
export const GRID_COLOUR = '#e2e2e2';
export const TEXT_COLOUR = '#1a1a1a';

/** Every colour that must reach 3:1 against the background; the tests iterate over it. */
export const DATA_COLOURS: readonly string[] = [
  ...MEMBER_COLOURS,
  ...Object.values(COMPARISON_STYLES).map((style) => style.colour),
  MEMBER_BAR_COLOUR,
  COMPARISON_BAR_COLOUR,
  AXIS_COLOUR,
  TEXT_COLOUR,
];

/** WCAG 2.1 contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Ogiltig färg: ${hex}`);
  const [r, g, b] = match
    .slice(1)
    .map((part) => parseInt(part, 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
