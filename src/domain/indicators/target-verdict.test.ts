import { describe, expect, it } from 'vitest';
import { differenceUnit, formatDifference, formatValue, isShareUnit } from '../format-sv.js';
import { evaluateTarget, VERDICT_LABELS_SV, type Direction, type TargetInput, type Verdict } from './target-verdict.js';
import type { YearValue } from './trend.js';

/** No-break space, as between a number and its unit. */
const _ = '\u00a0';

const series = (values: Record<number, number | null>): YearValue[] =>
  Object.entries(values).map(([year, value]) => ({ year: Number(year), value }));

/**
 * One table of cases for all four kinds of target. Written as an absolute, higher-is-better target
 * from 20 in 2014 to 31 in 2025 (the path rises by 1 a year); the other kinds are mirrored so that
 * each case must give the same verdict.
 */
const CASES: { name: string; values: Record<number, number | null>; verdict: Verdict }[] = [
  // Path 2018 = 24: 25 is ahead; the trend (1.25 a year) reaches 33.75 in 2025.
  { name: 'ahead of the path and the trend reaches the target', values: { 2014: 20, 2018: 25 }, verdict: 'on_track' },
  // Exactly on the path in 2018, but the trend flattens out to about 30.2 in 2025.
  { name: 'on the path but the trend falls short', values: { 2014: 20, 2015: 23, 2018: 24 }, verdict: 'at_risk' },
  // Behind the path in 2018 (23.5 < 24), but the trend (1.3 a year) reaches 33.6.
  {
    name: 'behind the path but the trend reaches the target',
    values: { 2014: 20, 2015: 20, 2016: 20, 2017: 26, 2018: 23.5 },
    verdict: 'at_risk',
  },
  // Behind the path, and 0.5 a year reaches only 25.5.
  { name: 'behind the path and the trend falls short', values: { 2014: 20, 2018: 22 }, verdict: 'off_track' },
  // Nulls are left out: the latest value is 2018's, and the trend has two points.
  {
    name: 'nulls are left out, not read as 0',
    values: { 2014: 20, 2015: null, 2018: 25, 2019: null },
    verdict: 'on_track',
  },
  { name: 'at the target year, meeting the target', values: { 2014: 20, 2020: 22, 2025: 31 }, verdict: 'on_track' },
  { name: 'past the target year, not meeting it', values: { 2014: 20, 2024: 35, 2026: 30.5 }, verdict: 'off_track' },
  { name: 'only values before the base year', values: { 2010: 20, 2013: 21 }, verdict: 'no_data' },
];

const comparisonAt = (year: number) => 25 + 0.5 * (year - 2014);

/** The same case as each kind of target: the quantity judged (value or difference) moves the same way. */
function variants(values: Record<number, number | null>): { name: string; input: TargetInput }[] {
  const common = { unit: 'procent', decimals: 1, measuredName: 'Södertörn (befolkningsviktat)' };
  const mapped = (f: (v: number, year: number) => number) =>
    series(values).map(({ year, value }) => ({ year, value: value === null ? null : f(value, year) }));
  const comparison = Object.keys(values).map((y) => ({ year: Number(y), value: comparisonAt(Number(y)) }));
  const absolute = (direction: Direction, targetValue: number, f: (v: number) => number): TargetInput => ({
    ...common,
    target: { kind: 'absolute', baseYear: 2014, baseValue: null, targetYear: 2025, targetValue, direction },
    series: mapped(f),
  });
  const relative = (direction: Direction, f: (v: number, year: number) => number): TargetInput => ({
    ...common,
    target: { kind: 'relative', baseYear: 2014, targetYear: 2025, direction, comparisonName: 'Riket' },
    series: mapped(f),
    comparison,
  });
  return [
    { name: 'absolute, higher is better', input: absolute('higher', 31, (v) => v) },
    { name: 'absolute, lower is better', input: absolute('lower', 9, (v) => 40 - v) },
    // Difference v − 31: from −11 in 2014 to 0 in 2025, as the absolute path from 20 to 31.
    { name: 'relative, at least as high', input: relative('higher', (v, y) => comparisonAt(y) + v - 31) },
    { name: 'relative, at most as high', input: relative('lower', (v, y) => comparisonAt(y) + 31 - v) },
  ];
}

describe('evaluateTarget: the verdicts', () => {
  for (const c of CASES) {
    for (const v of variants(c.values)) {
      it(`${c.verdict} when ${c.name} (${v.name})`, () => {
        const evaluation = evaluateTarget(v.input);
        expect(evaluation.verdict).toBe(c.verdict);
        expect(evaluation.sentence.startsWith(`${VERDICT_LABELS_SV[c.verdict]}: `)).toBe(true);
      });
    }
  }

  it('has the Swedish labels', () => {
    expect(VERDICT_LABELS_SV).toEqual({
      on_track: 'I fas',
      at_risk: 'Risk att målet inte nås',
      off_track: 'Inte i fas',
      no_data: 'Underlag saknas',
    });
  });
});

describe('evaluateTarget: absolute targets', () => {
  const target = {
    kind: 'absolute' as const,
    baseYear: 2014,
    baseValue: null,
    targetYear: 2025,
    targetValue: 31,
    direction: 'higher' as const,
  };
  const input = (values: Record<number, number | null>, over: Partial<typeof target> | object = {}): TargetInput => ({
    target: { ...target, ...over },
    series: series(values),
    unit: 'procent',
    decimals: 1,
    measuredName: 'Södertörn (befolkningsviktat)',
  });

  it('gives the path, the latest value against it and the projection, and says so in one sentence', () => {
    const evaluation = evaluateTarget(input({ 2013: 19, 2014: 20, 2015: 23, 2018: 24 }));
    expect(evaluation.path).toHaveLength(12);
    expect(evaluation.path[0]).toEqual({ year: 2014, value: 20 });
    expect(evaluation.path[4]).toEqual({ year: 2018, value: 24 });
    expect(evaluation.path.at(-1)).toEqual({ year: 2025, value: 31 });
    expect(evaluation.latest).toEqual({ year: 2018, value: 24, expected: 24 });
    expect(evaluation.projection!.year).toBe(2025);
    expect(evaluation.projection!.value).toBeCloseTo(67 / 3 + (11 / 13) * (28 / 3), 10);
    expect(evaluation.gap).toBeUndefined();
    expect(evaluation.sentence).toBe(
      `Risk att målet inte nås: 2018 var andelen för Södertörn (befolkningsviktat) 24,0${_}procent, i nivå med ` +
        `målbanans 24,0${_}procent, och med nuvarande trend blir den 30,2${_}procent år 2025 mot målet 31,0${_}procent.`,
    );
  });

  it('takes the base value from the target when it is given, and uses it where the series lacks the base year', () => {
    const evaluation = evaluateTarget(input({ 2018: 22 }, { baseValue: 16 }));
    expect(evaluation.path[4]).toEqual({ year: 2018, value: 16 + (15 * 4) / 11 });
    // Path 2018 ≈ 21.5 is met; the trend from (2014, 16) to (2018, 22) reaches 32.5.
    expect(evaluation.verdict).toBe('on_track');
    expect(evaluation.projection!.value).toBeCloseTo(32.5, 10);
  });

  it('judges a count where lower is better, with the unit left out for "antal"', () => {
    const evaluation = evaluateTarget({
      target: {
        kind: 'absolute',
        baseYear: 2020,
        baseValue: 1500,
        targetYear: 2030,
        targetValue: 1000,
        direction: 'lower',
      },
      series: series({ 2020: 1500, 2022: 1440, 2024: 1380 }),
      unit: 'antal',
      decimals: 0,
      measuredName: 'Södertörn',
    });
    // Path 2024 = 1300, so 1380 is behind; the trend (−30 a year) reaches 1200 in 2030.
    expect(evaluation.verdict).toBe('off_track');
    expect(evaluation.sentence).toBe(
      `Inte i fas: 2024 var värdet för Södertörn 1${_}380, över målbanans 1${_}300, och med nuvarande trend blir det ` +
        `1${_}200 år 2030 mot målet 1${_}000.`,
    );
  });

  it('judges the latest value against the target alone once the target year is reached', () => {
    const evaluation = evaluateTarget(input({ 2014: 20, 2024: 35, 2026: 30.5 }));
    expect(evaluation.verdict).toBe('off_track');
    expect(evaluation.latest).toEqual({ year: 2026, value: 30.5, expected: 31 });
    expect(evaluation.projection).toBeNull();
    expect(evaluation.sentence).toBe(
      `Inte i fas: 2026 var andelen för Södertörn (befolkningsviktat) 30,5${_}procent mot målet 31,0${_}procent för 2025.`,
    );
  });

  it('judges on the path alone when only the base year is measured', () => {
    const evaluation = evaluateTarget(input({ 2014: 20 }));
    expect(evaluation.verdict).toBe('on_track');
    expect(evaluation.projection).toBeNull();
    expect(evaluation.sentence).toBe(
      `I fas: 2014 var andelen för Södertörn (befolkningsviktat) 20,0${_}procent, och det finns ännu inga värden ` +
        'efter basåret att beräkna en trend på.',
    );
    expect(evaluateTarget(input({ 2014: 20 }, { baseValue: 21 })).verdict).toBe('off_track');
  });

  it('has no data without a base value or without values from the base year on', () => {
    const noBase = evaluateTarget(input({ 2015: 21, 2018: 25 }));
    expect(noBase).toEqual({
      verdict: 'no_data',
      sentence: 'Underlag saknas: Södertörn (befolkningsviktat) har inget värde för basåret 2014.',
      path: [],
      latest: null,
      projection: null,
    });
    const nothingSince = evaluateTarget(input({ 2012: 18, 2014: null }, { baseValue: 19 }));
    expect(nothingSince.verdict).toBe('no_data');
    expect(nothingSince.path).toHaveLength(12);
    expect(nothingSince.sentence).toBe(
      'Underlag saknas: Södertörn (befolkningsviktat) har inga värden från basåret 2014 och framåt.',
    );
  });

  it('refuses a target year not after the base year, and a year given twice', () => {
    expect(() => evaluateTarget(input({ 2014: 20 }, { targetYear: 2014 }))).toThrow(RangeError);
    expect(() =>
      evaluateTarget({
        ...input({}),
        series: [
          { year: 2014, value: 20 },
          { year: 2014, value: 21 },
        ],
      }),
    ).toThrow(RangeError);
  });
});

describe('evaluateTarget: relative targets, with real figures', () => {
  // Share of 25–64-year-olds with ≥ 3 years of post-secondary education, percent (SCB).
  const RIKET = series({ 2000: 16.24, 2014: 25.81 });
  const target = {
    kind: 'relative' as const,
    baseYear: 2000,
    targetYear: 2025,
    direction: 'higher' as const,
    comparisonName: 'Riket',
  };
  const input = (measuredName: string, values: Record<number, number | null>): TargetInput => ({
    target,
    series: series(values),
    comparison: RIKET,
    unit: 'procent',
    decimals: 1,
    measuredName,
  });

  it('Haninge is far below Riket and falling behind: off track', () => {
    const evaluation = evaluateTarget(input('Haninge', { 2000: 10.96, 2014: 16.69 }));
    expect(evaluation.verdict).toBe('off_track');
    expect(evaluation.sentence).toBe(
      `Inte i fas: 2014 var andelen för Haninge 16,7${_}procent mot 25,8${_}procent för Riket; skillnaden har ökat ` +
        `sedan 2000 och med nuvarande trend är Haninge 12,1${_}procentenheter under Riket år 2025.`,
    );
    expect(evaluation.gap!.base).toBeCloseTo(-5.28, 10);
    expect(evaluation.gap!.latest).toBeCloseTo(-9.12, 10);
    expect(evaluation.gap!.projected).toBeCloseTo(-9.12 - (3.84 / 14) * 11, 10);
    expect(evaluation.projection).toEqual({ year: 2025, value: evaluation.gap!.projected });
    // The path is Riket's own values; Haninge should have been 5.28 · 11/25 below Riket in 2014.
    expect(evaluation.path).toEqual([
      { year: 2000, value: 16.24 },
      { year: 2014, value: 25.81 },
    ]);
    expect(evaluation.latest!.expected).toBeCloseTo(25.81 - (5.28 * 11) / 25, 10);
  });

  it('Huddinge is above Riket and pulling away: on track', () => {
    const evaluation = evaluateTarget(input('Huddinge', { 2000: 16.54, 2014: 26.62 }));
    expect(evaluation.verdict).toBe('on_track');
    expect(evaluation.sentence).toBe(
      `I fas: 2014 var andelen för Huddinge 26,6${_}procent mot 25,8${_}procent för Riket; skillnaden har ökat ` +
        `sedan 2000 och med nuvarande trend är Huddinge 1,2${_}procentenheter över Riket år 2025.`,
    );
  });

  it('names the measured area in full first and without its parenthesis after', () => {
    // Södertörn-like figures: 0.6 below Riket in 2000, 4.8 below in 2014.
    const evaluation = evaluateTarget(input('Södertörn (befolkningsviktat)', { 2000: 15.6, 2014: 21.0 }));
    expect(evaluation.sentence).toBe(
      `Inte i fas: 2014 var andelen för Södertörn (befolkningsviktat) 21,0${_}procent mot 25,8${_}procent för Riket; ` +
        `skillnaden har ökat sedan 2000 och med nuvarande trend är Södertörn 8,1${_}procentenheter under Riket år 2025.`,
    );
  });

  it('says when the measured area has passed the comparison, and when a good trend is behind the path', () => {
    const passed = evaluateTarget(input('Huddinge', { 2000: 15.24, 2014: 26.81 }));
    expect(passed.verdict).toBe('on_track');
    expect(passed.sentence).toContain(
      'Huddinge har gått från att ligga under till att ligga över Riket sedan 2000 och med nuvarande trend är Huddinge',
    );
    // Riket 2000–2014, a measured area 6 below that closes in slowly, then a jump in the last year.
    const behind = evaluateTarget({
      ...input('Botkyrka', {}),
      target: { ...target, baseYear: 2010, targetYear: 2020 },
      series: series({ 2010: 14, 2011: 14, 2012: 14, 2013: 14, 2014: 17 }),
      comparison: series({ 2010: 20, 2011: 20, 2012: 20, 2013: 20, 2014: 20 }),
    });
    // Gap −3 in 2014 against the path's −3.6 — ahead; the trend of the gap (+0.6 a year) reaches −0.6: at risk.
    expect(behind.verdict).toBe('at_risk');
    expect(behind.sentence).toBe(
      `Risk att målet inte nås: 2014 var andelen för Botkyrka 17,0${_}procent mot 20,0${_}procent för Riket; ` +
        `skillnaden har minskat sedan 2010 och med nuvarande trend är Botkyrka 0,6${_}procentenheter under Riket år 2020.`,
    );
    const lagging = evaluateTarget({
      ...input('Botkyrka', {}),
      target: { ...target, baseYear: 2010, targetYear: 2020 },
      series: series({ 2010: 14, 2011: 19, 2012: 19, 2013: 19, 2014: 16 }),
      comparison: series({ 2010: 20, 2011: 20, 2012: 20, 2013: 20, 2014: 20 }),
    });
    // Gap −4 in 2014 against the path's −3.6 — behind; the trend of the gap (+0.4 a year) reaches +0.6.
    expect(lagging.verdict).toBe('at_risk');
    expect(lagging.sentence).toBe(
      `Risk att målet inte nås: 2014 var andelen för Botkyrka 16,0${_}procent mot 20,0${_}procent för Riket; ` +
        `skillnaden har minskat sedan 2010 och med nuvarande trend är Botkyrka 0,6${_}procentenheter över Riket ` +
        'år 2020, men Botkyrka ligger efter målbanan för 2014.',
    );
  });

  it('uses only the years where both areas have a value', () => {
    const evaluation = evaluateTarget(input('Haninge', { 2000: 10.96, 2014: 16.69, 2015: 17.2, 2016: null }));
    expect(evaluation.latest!.year).toBe(2014);
    expect(evaluation.verdict).toBe('off_track');
  });

  it('judges the latest difference alone once the target year is reached', () => {
    const evaluation = evaluateTarget({
      ...input('Huddinge', { 2000: 16.54, 2026: 30.1 }),
      comparison: series({ 2000: 16.24, 2026: 30.4 }),
    });
    expect(evaluation.verdict).toBe('off_track');
    expect(evaluation.latest).toEqual({ year: 2026, value: 30.1, expected: 30.4 });
    expect(evaluation.projection).toBeNull();
    expect(evaluation.sentence).toBe(
      `Inte i fas: 2026 var andelen för Huddinge 30,1${_}procent mot 30,4${_}procent för Riket, och målet var att ` +
        'senast 2025 ligga minst lika högt som Riket.',
    );
  });

  it('has no data without both values in the base year', () => {
    const evaluation = evaluateTarget(input('Nykvarn', { 2000: null, 2014: 20 }));
    expect(evaluation).toEqual({
      verdict: 'no_data',
      sentence: 'Underlag saknas: det finns inte värden för både Nykvarn och Riket för basåret 2000.',
      path: [
        { year: 2000, value: 16.24 },
        { year: 2014, value: 25.81 },
      ],
      latest: null,
      projection: null,
      gap: { base: null, latest: null, projected: null },
    });
    expect(evaluateTarget({ ...input('Nykvarn', { 2000: 10 }), comparison: undefined }).verdict).toBe('no_data');
  });
});

describe('Swedish value formats for the sentences', () => {
  it('writes values with their unit and differences of shares in procentenheter', () => {
    expect(formatValue(12.5, 'procent', 1)).toBe(`12,5${_}procent`);
    expect(formatValue(1234, 'invånare', 0)).toBe(`1${_}234${_}invånare`);
    expect(formatValue(1234, 'antal', 0)).toBe(`1${_}234`);
    expect(formatValue(7.25, '%', 1)).toBe(`7,3${_}%`);
    expect(formatDifference(-4.06, 'procent', 1)).toBe(`4,1${_}procentenheter`);
    expect(formatDifference(-1200, 'kr', 0)).toBe(`1${_}200${_}kr`);
    expect(differenceUnit('promille')).toBe('promilleenheter');
    expect(isShareUnit('procent')).toBe(true);
    expect(isShareUnit('kr/inv')).toBe(false);
  });
});
