import { Hono } from 'hono';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccessibleSvg } from '../../src/charts/accessible-svg.js';
import { chartCacheKey, createChartCache } from '../../src/charts/chart-cache.js';
import {
  BACKGROUND,
  COMPARISON_STYLES,
  DATA_COLOURS,
  MEMBER_COLOURS,
  MEMBER_LINE_WIDTH,
  contrastRatio,
} from '../../src/charts/palette.js';
import { rankingChartSvg, type RankingChartInput } from '../../src/charts/ranking-chart.js';
import { seriesChartSvg, type ChartSeries, type SeriesChartInput } from '../../src/charts/series-chart.js';
import { renderVegaLite } from '../../src/charts/vega-render.js';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  launchBrowser,
  startServer,
  type RunningServer,
} from '../support/browser.js';

const NBSP = '\u00a0';
const MEMBERS = ['Botkyrka', 'Haninge', 'Huddinge', 'Nykvarn', 'Nynäshamn', 'Salem', 'Södertälje', 'Tyresö'];

function years(first: number, values: (number | null)[]): { year: number; value: number | null }[] {
  return values.map((value, index) => ({ year: first + index, value }));
}

function seriesInput(overrides: Partial<SeriesChartInput> = {}): SeriesChartInput {
  return {
    idPrefix: 'serie',
    title: 'Andel med eftergymnasial utbildning',
    description: 'Linjediagram 2010–2014 för medlemskommunerna, gruppen och riket.',
    unit: 'procent',
    decimals: 1,
    series: [
      { label: 'Botkyrka', kind: 'member', points: years(2010, [40, 41.5, 42, 43, 44]) },
      { label: 'Södertörn', kind: 'group', points: years(2010, [45, 46, 47, 48, 49]) },
      { label: 'Riket', kind: 'nation', points: years(2010, [50, 51, 52, 53, 54]) },
    ],
    ...overrides,
  };
}

/** Eight members, the group, the region and the nation over 15 years: the largest chart the pages draw. */
function fullSeriesInput(idPrefix = 'full'): SeriesChartInput {
  const series: ChartSeries[] = [
    ...MEMBERS.map((label, index) => ({
      label,
      kind: 'member' as const,
      points: years(
        2010,
        Array.from({ length: 15 }, (_, year) => 30 + index * 2 + year * 0.8),
      ),
    })),
    {
      label: 'Södertörn',
      kind: 'group',
      points: years(
        2010,
        Array.from({ length: 15 }, (_, y) => 38 + y),
      ),
    },
    {
      label: 'Stockholms län',
      kind: 'region',
      points: years(
        2010,
        Array.from({ length: 15 }, (_, y) => 45 + y),
      ),
    },
    {
      label: 'Riket',
      kind: 'nation',
      points: years(
        2010,
        Array.from({ length: 15 }, (_, y) => 40 + y),
      ),
    },
  ];
  return { ...seriesInput({ idPrefix }), series };
}

function rankingInput(overrides: Partial<RankingChartInput> = {}): RankingChartInput {
  return {
    idPrefix: 'rank',
    title: 'Kostnad per invånare 2024',
    description: 'Stapeldiagram, högst först.',
    unit: 'kronor',
    decimals: 1,
    bars: [
      { label: 'Huddinge', value: 1234.5, kind: 'member' },
      { label: 'Södertörn', value: 1100, kind: 'group' },
      { label: 'Salem', value: null, kind: 'member' },
      { label: 'Botkyrka', value: 900.25, kind: 'member' },
      { label: 'Riket', value: 850, kind: 'nation' },
    ],
    ...overrides,
  };
}

// --- Reading the SVG -------------------------------------------------------------------------------

interface Element {
  name: string;
  attributes: Record<string, string>;
  /** Text directly inside the element (XML entities decoded). */
  text: string;
  /** Names of the enclosing elements' `class` attributes, innermost last. */
  ancestorClasses: string[];
}

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([A-Za-z][\w:.-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Parses the SVG into its elements in document order, and fails on markup that is not well-formed. */
function elements(svg: string): Element[] {
  const result: Element[] = [];
  const stack: Element[] = [];
  let consumed = 0;
  for (const match of svg.matchAll(TOKEN)) {
    expect(match.index, `unparsed markup at ${consumed}: ${svg.slice(consumed, consumed + 80)}`).toBe(consumed);
    consumed = match.index + match[0].length;
    const [, closing, name, rawAttributes, selfClosing, text] = match;
    if (text !== undefined) {
      if (stack.length > 0) stack.at(-1)!.text += decode(text);
      else expect(text.trim()).toBe('');
      continue;
    }
    if (!name) continue;
    if (closing) {
      expect(stack.pop()?.name, `</${name}> closes the wrong element`).toBe(name);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const attribute of (rawAttributes ?? '').matchAll(/([^\s=>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      expect(attributes[attribute[1]!], `duplicate attribute ${attribute[1]} on <${name}>`).toBeUndefined();
      attributes[attribute[1]!] = decode(attribute[2] ?? attribute[3] ?? '');
    }
    const element: Element = {
      name,
      attributes,
      text: '',
      ancestorClasses: stack.map((parent) => parent.attributes.class ?? ''),
    };
    result.push(element);
    if (!selfClosing) stack.push(element);
  }
  expect(consumed).toBe(svg.length);
  expect(stack.map((element) => element.name)).toEqual([]);
  return result;
}

function texts(svg: string): string[] {
  return elements(svg)
    .filter((element) => element.name === 'text')
    .map((element) => element.text);
}

/** The `<path>` elements of one kind of Vega mark, e.g. `mark-line`, `mark-symbol`, `mark-rect`. */
function markPaths(svg: string, markClass: string): Element[] {
  return elements(svg).filter(
    (element) =>
      element.name === 'path' &&
      element.attributes.class === undefined &&
      element.ancestorClasses.at(-1)?.split(' ').includes(markClass) === true &&
      element.ancestorClasses.at(-1)?.includes('role-mark') === true,
  );
}

/** What every chart must be to be embedded under the CSP and pass axe. */
function expectAccessibleSvg(svg: string, input: { idPrefix: string; title: string; description: string }): void {
  const all = elements(svg);
  const [root, title, desc] = all;
  expect(root?.name).toBe('svg');
  expect(root?.attributes).toMatchObject({
    role: 'img',
    'aria-labelledby': `${input.idPrefix}-title ${input.idPrefix}-desc`,
    focusable: 'false',
  });
  expect(root?.attributes.viewBox).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
  expect(root?.attributes.width).toBeUndefined();
  expect(root?.attributes.height).toBeUndefined();
  expect(title).toMatchObject({ name: 'title', text: input.title, attributes: { id: `${input.idPrefix}-title` } });
  expect(desc).toMatchObject({ name: 'desc', text: input.description, attributes: { id: `${input.idPrefix}-desc` } });

  // Strict CSP: no inline style of any kind, no script, nothing loaded from elsewhere.
  expect(svg).not.toMatch(/\sstyle\s*=/i);
  expect(svg).not.toMatch(/<style/i);
  expect(svg).not.toMatch(/<script/i);
  for (const element of all) {
    for (const [name, value] of Object.entries(element.attributes)) {
      expect(name.toLowerCase().startsWith('on'), `event handler ${name}`).toBe(false);
      if (/href$/i.test(name)) expect(value.startsWith('#'), `${name}="${value}"`).toBe(true);
      if (value.includes('url(')) expect(value).toMatch(new RegExp(`^url\\(#${input.idPrefix}-`));
    }
  }

  // One image to assistive technology: none of Vega's own roles, labels or role descriptions remain.
  for (const element of all.slice(1)) {
    expect(element.attributes.role, `role on <${element.name}>`).toBeUndefined();
    expect(element.attributes['aria-roledescription']).toBeUndefined();
    expect(element.attributes['aria-label']).toBeUndefined();
  }
  expect(all[3]).toMatchObject({ name: 'g', attributes: { 'aria-hidden': 'true' } });

  const ids = all.map((element) => element.attributes.id).filter((id): id is string => id !== undefined);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id.startsWith(`${input.idPrefix}-`), id).toBe(true);
}

/** Number of subpaths (`M` commands) in a path: a line with one gap has two. */
function subpaths(path: Element): number {
  return (path.attributes.d!.match(/M/g) ?? []).length;
}

// --- Series chart ------------------------------------------------------------------------------------

describe('seriesChartSvg', () => {
  it('is one accessible image with the given title and description, escaped', async () => {
    const input = seriesInput({
      title: 'Andel <script>alert("x")</script> & mer',
      description: "Beskrivning med <b>taggar</b> och 'citat'",
    });
    const svg = await seriesChartSvg(input);
    expectAccessibleSvg(svg, input);
    expect(svg).toContain('Andel &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; mer');
  });

  it('gives two charts on one page distinct ids', async () => {
    const [first, second] = await Promise.all([
      seriesChartSvg(seriesInput({ idPrefix: 'diagram-1' })),
      seriesChartSvg(seriesInput({ idPrefix: 'diagram-2' })),
    ]);
    const ids = elements(first! + second!)
      .map((element) => element.attributes.id)
      .filter(Boolean);
    expect(ids).toEqual(['diagram-1-title', 'diagram-1-desc', 'diagram-2-title', 'diagram-2-desc']);
  });

  it('leaves a gap for a missing value instead of drawing it as zero', async () => {
    const input = seriesInput({
      series: [{ label: 'Botkyrka', kind: 'member', points: years(2010, [120, 125, null, 130, 140]) }],
    });
    const svg = await seriesChartSvg(input);
    const [line, ...otherLines] = markPaths(svg, 'mark-line');
    expect(otherLines).toEqual([]);
    // Two segments, 2010–2011 and 2013–2014, and a point for each of the four values only.
    expect(subpaths(line!)).toBe(2);
    expect(markPaths(svg, 'mark-symbol')).toHaveLength(4);
    // A zero would also have pulled the y axis down to 0.
    expect(texts(svg)).not.toContain('0,0');
  });

  it('marks a single value between gaps with a point', async () => {
    const svg = await seriesChartSvg(
      seriesInput({ series: [{ label: 'Salem', kind: 'member', points: years(2010, [null, 5, null]) }] }),
    );
    expect(markPaths(svg, 'mark-symbol')).toHaveLength(1);
  });

  it('says that there are no values instead of failing when no series has one', async () => {
    for (const series of [[], [{ label: 'Salem', kind: 'member' as const, points: years(2010, [null, null]) }]]) {
      const input = seriesInput({ series });
      const svg = await seriesChartSvg(input);
      expectAccessibleSvg(svg, input);
      expect(texts(svg)).toEqual(['Inga värden att visa']);
      expect(markPaths(svg, 'mark-line')).toEqual([]);
    }
  });

  it('writes years as years and values in Swedish format, with Swedish axis titles', async () => {
    const input = seriesInput({
      unit: 'kronor per invånare',
      series: [{ label: 'Huddinge', kind: 'member', points: years(2000, [1234.5, 1500, 2100.25, 2400]) }],
    });
    const labels = texts(await seriesChartSvg(input));
    expect(labels).toEqual(expect.arrayContaining(['2000', '2001', '2002', '2003', 'År', 'kronor per invånare']));
    const grouped = labels.filter((label) => new RegExp(`^\\d{1,3}${NBSP}\\d{3},\\d$`).test(label));
    expect(grouped.length).toBeGreaterThan(1);
    expect(labels.filter((label) => /\d[.]\d|\d,\d{3}\b|\d \d/.test(label))).toEqual([]);
  });

  it('keeps the place of a year without any value on the axis', async () => {
    const input = seriesInput({
      series: [
        {
          label: 'Nykvarn',
          kind: 'member',
          points: [
            { year: 2010, value: 1 },
            { year: 2013, value: 2 },
          ],
        },
      ],
    });
    expect(texts(await seriesChartSvg(input))).toEqual(expect.arrayContaining(['2010', '2011', '2012', '2013']));
  });

  it('tells the comparison lines apart without colour, and from the members', async () => {
    const input = seriesInput({
      series: [
        { label: 'Botkyrka', kind: 'member', points: years(2010, [1, 2]) },
        { label: 'Haninge', kind: 'member', points: years(2010, [2, 3]) },
        { label: 'Södertörn', kind: 'group', points: years(2010, [3, 4]) },
        { label: 'Stockholms län', kind: 'region', points: years(2010, [4, 5]) },
        { label: 'Riket', kind: 'nation', points: years(2010, [5, 6]) },
        { label: 'Mål', kind: 'target', points: years(2010, [6, 7]) },
        { label: 'Prognos', kind: 'projection', points: years(2010, [7, 8]) },
      ],
    });
    const svg = await seriesChartSvg(input);
    const lines = markPaths(svg, 'mark-line');
    expect(lines).toHaveLength(7);
    const look = (line: Element): string =>
      `${line.attributes['stroke-width']} ${line.attributes['stroke-dasharray'] ?? 'solid'}`;
    // Everything but the two members (same width and solid, told apart by colour and point shape).
    const comparisonLooks = lines.slice(2).map(look);
    expect(new Set(comparisonLooks).size).toBe(5);
    expect(comparisonLooks).not.toContain(look(lines[0]!));
    expect(lines.slice(0, 2).map((line) => line.attributes['stroke-width'])).toEqual([
      String(MEMBER_LINE_WIDTH),
      String(MEMBER_LINE_WIDTH),
    ]);
    expect(Number(lines[2]!.attributes['stroke-width'])).toBeGreaterThan(MEMBER_LINE_WIDTH * 2);
    // The legend lists every line by name, with the same line styles (laid out in two columns, so
    // its document order is not the lines' order).
    const labels = texts(svg);
    for (const series of input.series) expect(labels).toContain(series.label);
    const legendSymbols = markPathsOf(svg, 'role-legend-symbol').map(look);
    expect(legendSymbols.sort()).toEqual(lines.map(look).sort());
  });

  it('draws every line and point in a colour with at least 3:1 contrast against the background', async () => {
    const svg = await seriesChartSvg(fullSeriesInput());
    const used = new Set(
      [...markPaths(svg, 'mark-line'), ...markPaths(svg, 'mark-symbol')].flatMap((path) =>
        [path.attributes.stroke, path.attributes.fill].filter(
          (colour): colour is string => colour !== undefined && colour !== 'none',
        ),
      ),
    );
    expect(used.size).toBe(11);
    for (const colour of used) expect(contrastRatio(colour, BACKGROUND), colour).toBeGreaterThanOrEqual(3);
  });

  it('renders eight members and three comparisons within a viewBox that scales', async () => {
    const input = fullSeriesInput();
    const svg = await seriesChartSvg(input);
    expectAccessibleSvg(svg, input);
    expect(markPaths(svg, 'mark-line')).toHaveLength(11);
    expect(markPaths(svg, 'mark-symbol')).toHaveLength(11 * 15);
  });

  it('escapes a series label in the legend', async () => {
    const svg = await seriesChartSvg(
      seriesInput({ series: [{ label: '<b>Tyresö</b> & Co', kind: 'member', points: years(2010, [1, 2]) }] }),
    );
    expect(texts(svg)).toContain('<b>Tyresö</b> & Co');
    expect(svg).not.toContain('<b>');
  });
});

function markPathsOf(svg: string, groupClass: string): Element[] {
  return elements(svg).filter(
    (element) => element.name === 'path' && element.ancestorClasses.at(-1)?.split(' ').includes(groupClass) === true,
  );
}

// --- Ranking chart -----------------------------------------------------------------------------------

describe('rankingChartSvg', () => {
  it('is one accessible image', async () => {
    const input = rankingInput({ title: 'Rangordning <script>', description: 'Staplar & värden' });
    expectAccessibleSvg(await rankingChartSvg(input), input);
  });

  it('shows "saknas" for a missing value and draws no bar for it', async () => {
    const input = rankingInput();
    const svg = await rankingChartSvg(input);
    expect(texts(svg)).toContain('saknas');
    expect(markPaths(svg, 'mark-rect')).toHaveLength(4);
  });

  it('ends each bar in its value in Swedish format, and keeps the given order', async () => {
    const labels = texts(await rankingChartSvg(rankingInput()));
    expect(labels).toEqual(expect.arrayContaining([`1${NBSP}234,5`, `1${NBSP}100,0`, '900,3', '850,0']));
    const order = labels.filter((label) => ['Huddinge', 'Södertörn', 'Salem', 'Botkyrka', 'Riket'].includes(label));
    expect(order).toEqual(['Huddinge', 'Södertörn', 'Salem', 'Botkyrka', 'Riket']);
  });

  it('writes a negative value with a minus sign before the end of its bar', async () => {
    const input = rankingInput({
      bars: [
        { label: 'Nykvarn', value: 12, kind: 'member' },
        { label: 'Salem', value: -3.25, kind: 'member' },
      ],
    });
    const svg = await rankingChartSvg(input);
    const negative = elements(svg).find((element) => element.name === 'text' && element.text === '\u22123,3');
    expect(negative?.attributes['text-anchor']).toBe('end');
  });

  it('sets comparison bars apart by colour and by a bold, italic label', async () => {
    const svg = await rankingChartSvg(rankingInput());
    const all = elements(svg);
    const label = (text: string): Element | undefined =>
      all.find((element) => element.name === 'text' && element.text === text);
    expect(label('Södertörn')?.attributes).toMatchObject({ 'font-weight': 'bold', 'font-style': 'italic' });
    expect(label('Riket')?.attributes).toMatchObject({ 'font-weight': 'bold', 'font-style': 'italic' });
    expect(label('Huddinge')?.attributes).toMatchObject({ 'font-weight': 'normal', 'font-style': 'normal' });
    const fills = markPaths(svg, 'mark-rect').map((bar) => bar.attributes.fill);
    expect(fills[0]).not.toBe(fills[1]);
    expect(fills[0]).toBe(fills[2]);
    expect(fills[1]).toBe(fills[3]);
  });
});

// --- Post-processing ---------------------------------------------------------------------------------

describe('makeAccessibleSvg', () => {
  const options = { idPrefix: 'k', title: 'T', description: 'D' };

  it('turns style attributes into presentation attributes and drops what CSP or axe would reject', () => {
    const raw =
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" style="background: red" role="graphics-document" aria-roledescription="visualization">' +
      '<style>path { fill: red }</style><script>alert(1)</script>' +
      '<defs><clipPath id="clip1"><rect width="10" height="10"/></clipPath></defs>' +
      '<g role="graphics-object" aria-label="Linje" clip-path="url(#clip1)" onclick="alert(1)">' +
      '<path d="M0,0L1,1" stroke="#000" style="stroke: #333; mix-blend-mode: multiply; stroke-width: 2 !important"/>' +
      '<a xlink:href="https://example.org/"><text>Länk</text></a><use href="#clip1"/>' +
      '<rect fill="url(https://example.org/x.svg#p)" width="1" height="1"/></g></svg>';
    const svg = makeAccessibleSvg(raw, options);
    expectAccessibleSvg(svg, options);
    expect(svg).toContain('viewBox="0 0 200 100"');
    expect(svg).toContain('<path d="M0,0L1,1" stroke="#333" stroke-width="2"/>');
    expect(svg).toContain('<clipPath id="k-clip1">');
    expect(svg).toContain('<g clip-path="url(#k-clip1)">');
    expect(svg).toContain('<use href="#k-clip1"/>');
    expect(svg).toContain('<rect width="1" height="1"/>');
    expect(svg).not.toMatch(/example\.org|mix-blend|alert|<\?xml/);
  });

  it('removes the style Vega writes for a blend mode', async () => {
    const raw = await renderVegaLite({
      data: { values: [{ a: 1 }] },
      mark: { type: 'point', blend: 'multiply' },
      encoding: { x: { field: 'a', type: 'quantitative' } },
    });
    expect(raw).toContain('style="mix-blend-mode: multiply;"');
    const svg = makeAccessibleSvg(raw, options);
    expectAccessibleSvg(svg, options);
  });

  it('prefixes the clip path ids Vega writes, so two charts on a page do not clash', async () => {
    const raw = await renderVegaLite({
      data: { values: [{ a: 1, b: 2 }] },
      mark: { type: 'point', clip: true },
      encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' } },
    });
    const rawIds = [...raw.matchAll(/id="([^"]+)"/g)].map((match) => match[1]);
    expect(rawIds.length).toBeGreaterThan(0);
    const page = makeAccessibleSvg(raw, { ...options, idPrefix: 'a' }) + makeAccessibleSvg(raw, options);
    const all = elements(page);
    const ids = all.map((element) => element.attributes.id).filter((id): id is string => id !== undefined);
    expect(new Set(ids).size).toBe(ids.length);
    const references = all.flatMap((element) =>
      Object.values(element.attributes).flatMap((value) => [...value.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]!)),
    );
    expect(references.length).toBe(2);
    for (const reference of references) expect(ids).toContain(reference);
  });

  it('refuses an id prefix that is not a valid id start or would break out of the attribute', () => {
    const svg = '<svg viewBox="0 0 1 1"></svg>';
    for (const idPrefix of ['', '1diagram', 'a"b', 'a b', 'a<b']) {
      expect(() => makeAccessibleSvg(svg, { ...options, idPrefix })).toThrow(/id-prefix/);
    }
  });

  it('drops control characters that XML does not allow', () => {
    const svg = makeAccessibleSvg('<svg viewBox="0 0 1 1"></svg>', { ...options, title: 'A\u0000B\u001fC' });
    expect(elements(svg)[1]?.text).toBe('ABC');
  });
});

// --- Colours -----------------------------------------------------------------------------------------

describe('palette', () => {
  it('has at least 3:1 contrast against white for every colour that draws data', () => {
    for (const colour of DATA_COLOURS) {
      expect(contrastRatio(colour, BACKGROUND), colour).toBeGreaterThanOrEqual(3);
    }
    expect(DATA_COLOURS).toEqual(expect.arrayContaining([...MEMBER_COLOURS, COMPARISON_STYLES.group.colour]));
  });

  it('computes contrast as WCAG defines it', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
  });
});

// --- Cache -------------------------------------------------------------------------------------------

describe('createChartCache', () => {
  function deferred(): { promise: Promise<string>; resolve: (svg: string) => void; reject: (e: Error) => void } {
    let resolve!: (svg: string) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<string>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    return { promise, resolve, reject };
  }

  it('renders once for ten concurrent requests of the same key', async () => {
    const cache = createChartCache();
    const pending = deferred();
    let renders = 0;
    const render = (): Promise<string> => {
      renders++;
      return pending.promise;
    };
    const requests = Array.from({ length: 10 }, () => cache.get('k', render));
    expect(cache.size).toBe(0);
    pending.resolve('<svg/>');
    expect(await Promise.all(requests)).toEqual(Array(10).fill('<svg/>'));
    expect(renders).toBe(1);
    expect(await cache.get('k', render)).toBe('<svg/>');
    expect(renders).toBe(1);
    expect(cache.size).toBe(1);
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const cache = createChartCache({ maxEntries: 2 });
    const rendered: string[] = [];
    const render = (key: string) => (): Promise<string> => {
      rendered.push(key);
      return Promise.resolve(`svg ${key}`);
    };
    await cache.get('a', render('a'));
    await cache.get('b', render('b'));
    await cache.get('a', render('a')); // a is now more recent than b
    await cache.get('c', render('c')); // evicts b
    expect(cache.size).toBe(2);
    expect(await cache.get('a', render('a'))).toBe('svg a');
    expect(await cache.get('c', render('c'))).toBe('svg c');
    expect(rendered).toEqual(['a', 'b', 'c']);
    expect(await cache.get('b', render('b'))).toBe('svg b');
    expect(rendered).toEqual(['a', 'b', 'c', 'b']);
  });

  it('does not cache a failed render: all waiters get the error and the next request retries', async () => {
    const cache = createChartCache();
    const pending = deferred();
    const failing = Array.from({ length: 3 }, () => cache.get('k', () => pending.promise));
    pending.reject(new Error('trasig'));
    for (const request of failing) await expect(request).rejects.toThrow('trasig');
    expect(cache.size).toBe(0);
    await expect(
      cache.get('k', () => {
        throw new Error('synkront fel');
      }),
    ).rejects.toThrow('synkront fel');
    expect(await cache.get('k', () => Promise.resolve('<svg/>'))).toBe('<svg/>');
    expect(cache.size).toBe(1);
  });

  it('empties on clear and does not store a render that was running then', async () => {
    const cache = createChartCache();
    await cache.get('a', () => Promise.resolve('a'));
    const pending = deferred();
    const running = cache.get('b', () => pending.promise);
    cache.clear();
    pending.resolve('b');
    expect(await running).toBe('b');
    expect(cache.size).toBe(0);
  });

  it('rejects a maxEntries that is not a positive integer', () => {
    expect(() => createChartCache({ maxEntries: 0 })).toThrow(RangeError);
    expect(() => createChartCache({ maxEntries: 1.5 })).toThrow(RangeError);
  });

  it('builds keys whose parts cannot run into each other', () => {
    expect(chartCacheKey('serie', 12, 3, 'a,b')).not.toBe(chartCacheKey('serie', 12, 3, 'a', 'b'));
    expect(chartCacheKey('serie', 12, 3)).toBe(chartCacheKey('serie', 12, 3));
    expect(chartCacheKey('serie', 12, 3)).not.toBe(chartCacheKey('serie', 12, 4));
  });
});

// --- In a browser, under the pages' CSP ----------------------------------------------------------------

describe('charts in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    const [series, ranking] = await Promise.all([
      seriesChartSvg(fullSeriesInput('diagram-serie')),
      rankingChartSvg(rankingInput({ idPrefix: 'diagram-rang' })),
    ]);
    const app = new Hono();
    app.get('/', (c) => {
      c.header('Content-Security-Policy', "default-src 'none'; style-src 'self'; img-src 'self'");
      return c.html(
        '<!doctype html><html lang="sv"><head><meta charset="utf-8">' +
          '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Diagram</title>' +
          '<link rel="stylesheet" href="/diagram.css"></head><body><main><h1>Diagram</h1>' +
          `<figure>${series}</figure><figure>${ranking}</figure></main></body></html>`,
      );
    });
    app.get('/diagram.css', (c) => {
      c.header('Content-Type', 'text/css');
      return c.body('body { margin: 0 } figure { margin: 0 } figure svg { display: block; width: 100%; height: auto }');
    });
    [browser, server] = await Promise.all([launchBrowser(), startServer(app)]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('embeds two charts under a strict CSP, passes axe and does not scroll sideways at 320 px', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
    });
    expect((await page.goto(`${server.url}/`))?.status()).toBe(200);
    // The page's CSP allows no script, so axe cannot load as a script.
    await expectNoAxeViolations(page, { load: 'devtools' });
    const names = await page.evaluate(() =>
      Array.from(document.querySelectorAll('svg')).map((svg) => {
        const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
        return ids.map((id) => document.getElementById(id)?.textContent).join(' | ');
      }),
    );
    expect(names).toEqual([
      'Andel med eftergymnasial utbildning | Linjediagram 2010–2014 för medlemskommunerna, gruppen och riket.',
      'Kostnad per invånare 2024 | Stapeldiagram, högst först.',
    ]);
    await expectNoHorizontalScroll(page);
    const width = await page.evaluate(() => document.querySelector('svg')!.getBoundingClientRect().width);
    expect(width).toBe(320);
    expect(cspErrors).toEqual([]);
    await context.close();
  });
});
