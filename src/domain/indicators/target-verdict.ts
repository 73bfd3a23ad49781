/**
 * Is a key indicator's target within reach? The verdict, with one Swedish sentence that says why.
 *
 * The rules, as they can be told to a politician:
 *
 * - Målbanan (the target path) is a straight line from the base year's value to the target value in
 *   the target year: where we should be each year if we improve evenly.
 * - Two tests: (1) is the latest value on or better than the path for its year, and (2) does the
 *   trend — a straight line through the values from the base year to the latest (least squares, as
 *   a spreadsheet's trendline) — reach the target in the target year? "On or better" means at least
 *   as high when higher is better, at most as high when lower is better.
 * - Both hold: "I fas". One holds: "Risk att målet inte nås". Neither: "Inte i fas".
 * - Once the latest value is from the target year or later, only that value counts: it meets the
 *   target ("I fas") or not ("Inte i fas").
 * - With only the base year measured there is no trend yet; the path alone decides.
 * - No value from the base year onwards (or no base value): "Underlag saknas".
 *
 * A relative target ("as high as Riket by 2025") is judged on the difference measured − comparison,
 * in the years where both have a value: the target is a difference of 0 in the target year, the
 * path runs from the base year's difference to 0, and the same two tests apply to the difference.
 *
 * Nulls are missing values and are left out, never read as 0. Values equal up to floating-point
 * rounding count as meeting.
 */
import { formatDifference, formatValue, isShareUnit } from '../format-sv.js';
import { linearTrend, type YearValue } from './trend.js';

export type Direction = 'higher' | 'lower';

export type TargetSpec =
  | {
      kind: 'absolute';
      baseYear: number;
      /** Null: the measured series' own value in the base year. */
      baseValue: number | null;
      targetYear: number;
      targetValue: number;
      direction: Direction;
    }
  | {
      /** At least as high as the comparison area (`higher`), or at most as high (`lower`), by the target year. */
      kind: 'relative';
      baseYear: number;
      targetYear: number;
      direction: Direction;
      /** The comparison area as a sentence names it, e.g. `Riket`. */
      comparisonName: string;
    };

export type Verdict = 'on_track' | 'at_risk' | 'off_track' | 'no_data';

export const VERDICT_LABELS_SV: Readonly<Record<Verdict, string>> = {
  on_track: 'I fas',
  at_risk: 'Risk att målet inte nås',
  off_track: 'Inte i fas',
  no_data: 'Underlag saknas',
};

export interface YearPoint {
  year: number;
  value: number;
}

export interface TargetEvaluation {
  verdict: Verdict;
  /** One Swedish sentence explaining the verdict with the figures. */
  sentence: string;
  /**
   * Absolute targets: the target path, one point a year from the base year to the target year, in
   * the measured quantity. Relative targets: the comparison series' own values in those years (the
   * target is to reach them). Empty when there is no base value.
   */
  path: YearPoint[];
  /** The latest measured value, and where the path says it should be (in the measured quantity). */
  latest: { year: number; value: number; expected: number | null } | null;
  /**
   * The trend's value in the target year (relative targets: the projected difference); null when the
   * latest value is from the target year or later, or there is no trend.
   */
  projection: YearPoint | null;
  /** Relative targets: the difference measured − comparison in the base year, latest year and projected. */
  gap?: { base: number | null; latest: number | null; projected: number | null };
}

export interface TargetInput {
  target: TargetSpec;
  /** The measured series, one entry per year. */
  series: readonly YearValue[];
  /** The comparison area's series; needed for relative targets. */
  comparison?: readonly YearValue[];
  /** The indicator's unit (`procent`, `antal`, `kr` …). */
  unit: string;
  /** Decimals shown. */
  decimals: number;
  /** The measured area as a sentence names it, e.g. `Södertörn (befolkningsviktat)`. */
  measuredName: string;
}

/** On or better than `reference`; values equal up to floating-point rounding count as meeting. */
function meets(value: number, reference: number, direction: Direction): boolean {
  const tolerance = 1e-9 * Math.max(1, Math.abs(value), Math.abs(reference));
  return direction === 'higher' ? value >= reference - tolerance : value <= reference + tolerance;
}

/** Year → value for the years with a value; a year given twice is a caller's error. */
function knownValues(series: readonly YearValue[], what: string): Map<number, number> {
  const seen = new Set<number>();
  const values = new Map<number, number>();
  for (const { year, value } of series) {
    if (seen.has(year)) throw new RangeError(`evaluateTarget: ${what} har året ${year} två gånger`);
    seen.add(year);
    if (value !== null && Number.isFinite(value)) values.set(year, value);
  }
  return values;
}

/** The straight path from (baseYear, base) to (targetYear, target), and `target` after it. */
function pathAt(year: number, baseYear: number, base: number, targetYear: number, target: number): number {
  if (year >= targetYear) return target;
  return base + ((target - base) * (year - baseYear)) / (targetYear - baseYear);
}

interface Judgement {
  verdict: Exclude<Verdict, 'no_data'>;
  latestYear: number;
  latest: number;
  expected: number;
  /** Null when the latest value is at or past the target year, or there is no trend. */
  projected: number | null;
  pathMet: boolean;
}

/**
 * The two tests on one quantity (the measured value, or the difference for relative targets).
 * `values` holds the quantity from the base year on and includes the base year.
 */
function judge(
  values: ReadonlyMap<number, number>,
  baseYear: number,
  base: number,
  targetYear: number,
  target: number,
  direction: Direction,
): Judgement {
  const latestYear = Math.max(...values.keys());
  const latest = values.get(latestYear)!;
  const expected = pathAt(latestYear, baseYear, base, targetYear, target);
  const pathMet = meets(latest, expected, direction);
  if (latestYear >= targetYear) {
    return { verdict: pathMet ? 'on_track' : 'off_track', latestYear, latest, expected, projected: null, pathMet };
  }
  const trend = linearTrend([...values].map(([year, value]) => ({ year, value })));
  const projected = trend ? trend.valueAt(targetYear) : null;
  const trendMet = projected === null ? pathMet : meets(projected, target, direction);
  const verdict = pathMet && trendMet ? 'on_track' : pathMet || trendMet ? 'at_risk' : 'off_track';
  return { verdict, latestYear, latest, expected, projected, pathMet };
}

function assertTarget(target: TargetSpec): void {
  if (
    !Number.isInteger(target.baseYear) ||
    !Number.isInteger(target.targetYear) ||
    target.targetYear <= target.baseYear
  ) {
    throw new RangeError(
      `evaluateTarget: målåret ${target.targetYear} måste vara ett år efter basåret ${target.baseYear}`,
    );
  }
  if (target.kind === 'absolute' && (!Number.isFinite(target.targetValue) || !Number.isFinite(target.baseValue ?? 0))) {
    throw new RangeError(`evaluateTarget: målvärdet och basvärdet måste vara tal`);
  }
}

/** "Södertörn (befolkningsviktat)" → "Södertörn" for the second mention in a sentence. */
function shortName(name: string): string {
  return name.replace(/\s*\([^()]*\)\s*$/, '') || name;
}

/** Judge a target against the measured series (and the comparison series for relative targets). */
export function evaluateTarget(input: TargetInput): TargetEvaluation {
  assertTarget(input.target);
  return input.target.kind === 'absolute'
    ? evaluateAbsolute(input, input.target)
    : evaluateRelative(input, input.target);
}

function evaluateAbsolute(input: TargetInput, target: Extract<TargetSpec, { kind: 'absolute' }>): TargetEvaluation {
  const { baseYear, targetYear, targetValue, direction } = target;
  const fv = (v: number) => formatValue(v, input.unit, input.decimals);
  const series = knownValues(input.series, input.measuredName);
  const base = target.baseValue ?? series.get(baseYear) ?? null;
  const path = (): YearPoint[] => {
    if (base === null) return [];
    const points: YearPoint[] = [];
    for (let year = baseYear; year <= targetYear; year++) {
      points.push({ year, value: pathAt(year, baseYear, base, targetYear, targetValue) });
    }
    return points;
  };

  const noData = (sentence: string): TargetEvaluation => ({
    verdict: 'no_data',
    sentence: `${VERDICT_LABELS_SV.no_data}: ${sentence}`,
    path: path(),
    latest: null,
    projection: null,
  });

  if (base === null) return noData(`${input.measuredName} har inget värde för basåret ${baseYear}.`);
  const since = new Map([...series].filter(([year]) => year >= baseYear).sort(([a], [b]) => a - b));
  if (since.size === 0) return noData(`${input.measuredName} har inga värden från basåret ${baseYear} och framåt.`);
  // A base value stated in the target stands in for a base year the series lacks.
  if (!since.has(baseYear)) since.set(baseYear, base);

  const j = judge(since, baseYear, base, targetYear, targetValue, direction);
  const share = isShareUnit(input.unit);
  const head = `${VERDICT_LABELS_SV[j.verdict]}: ${j.latestYear} var ${share ? 'andelen' : 'värdet'} för ${input.measuredName} ${fv(j.latest)}`;
  let sentence: string;
  if (j.latestYear >= targetYear) {
    sentence = `${head} mot målet ${fv(targetValue)} för ${targetYear}.`;
  } else if (j.projected === null) {
    const againstBase = fv(j.latest) === fv(base) ? '' : ` mot basvärdet ${fv(base)}`;
    sentence = `${head}${againstBase}, och det finns ännu inga värden efter basåret att beräkna en trend på.`;
  } else {
    const relation = fv(j.latest) === fv(j.expected) ? 'i nivå med' : j.latest > j.expected ? 'över' : 'under';
    sentence =
      `${head}, ${relation} målbanans ${fv(j.expected)}, och med nuvarande trend blir ${share ? 'den' : 'det'} ` +
      `${fv(j.projected)} år ${targetYear} mot målet ${fv(targetValue)}.`;
  }
  return {
    verdict: j.verdict,
    sentence,
    path: path(),
    latest: { year: j.latestYear, value: j.latest, expected: j.expected },
    projection: j.projected === null ? null : { year: targetYear, value: j.projected },
  };
}

function evaluateRelative(input: TargetInput, target: Extract<TargetSpec, { kind: 'relative' }>): TargetEvaluation {
  const { baseYear, targetYear, direction, comparisonName } = target;
  const fv = (v: number) => formatValue(v, input.unit, input.decimals);
  const fd = (d: number) => formatDifference(d, input.unit, input.decimals);
  const measured = knownValues(input.series, input.measuredName);
  const comparison = knownValues(input.comparison ?? [], comparisonName);

  const gaps = new Map<number, number>();
  for (const [year, value] of [...measured].sort(([a], [b]) => a - b)) {
    const c = comparison.get(year);
    if (year >= baseYear && c !== undefined) gaps.set(year, value - c);
  }
  const path = [...comparison]
    .filter(([year]) => year >= baseYear && year <= targetYear)
    .sort(([a], [b]) => a - b)
    .map(([year, value]) => ({ year, value }));

  const baseGap = gaps.get(baseYear);
  if (baseGap === undefined) {
    return {
      verdict: 'no_data',
      sentence: `${VERDICT_LABELS_SV.no_data}: det finns inte värden för både ${input.measuredName} och ${comparisonName} för basåret ${baseYear}.`,
      path,
      latest: null,
      projection: null,
      gap: { base: null, latest: null, projected: null },
    };
  }

  const j = judge(gaps, baseYear, baseGap, targetYear, 0, direction);
  const latestValue = measured.get(j.latestYear)!;
  const latestComparison = comparison.get(j.latestYear)!;
  const short = shortName(input.measuredName);
  const head =
    `${VERDICT_LABELS_SV[j.verdict]}: ${j.latestYear} var ${isShareUnit(input.unit) ? 'andelen' : 'värdet'} för ` +
    `${input.measuredName} ${fv(latestValue)} mot ${fv(latestComparison)} för ${comparisonName}`;

  let sentence: string;
  if (j.latestYear >= targetYear) {
    const aim = direction === 'higher' ? 'minst lika högt som' : 'inte högre än';
    sentence = `${head}, och målet var att senast ${targetYear} ligga ${aim} ${comparisonName}.`;
  } else if (j.projected === null) {
    sentence = `${head}, och det finns ännu inga värden efter basåret att beräkna en trend på.`;
  } else {
    const side = (gap: number) => (fd(gap) === fd(0) ? 0 : Math.sign(gap));
    const [sideThen, sideNow] = [side(baseGap), side(j.latest)];
    const position = (s: number) => (s < 0 ? 'under' : 'över');
    const change =
      sideThen * sideNow < 0
        ? `${short} har gått från att ligga ${position(sideThen)} till att ligga ${position(sideNow)} ${comparisonName} sedan ${baseYear}`
        : fd(baseGap) === fd(j.latest)
          ? `skillnaden är lika stor som år ${baseYear}`
          : `skillnaden har ${Math.abs(j.latest) > Math.abs(baseGap) ? 'ökat' : 'minskat'} sedan ${baseYear}`;
    const projected =
      side(j.projected) === 0
        ? `i nivå med ${comparisonName}`
        : `${fd(j.projected)} ${position(j.projected)} ${comparisonName}`;
    // The one verdict the figures alone do not explain: a good trend, but behind the path.
    const behind =
      j.verdict === 'at_risk' && !j.pathMet ? `, men ${short} ligger efter målbanan för ${j.latestYear}` : '';
    sentence = `${head}; ${change} och med nuvarande trend är ${short} ${projected} år ${targetYear}${behind}.`;
  }
  return {
    verdict: j.verdict,
    sentence,
    path,
    latest: { year: j.latestYear, value: latestValue, expected: latestComparison + j.expected },
    projection: j.projected === null ? null : { year: targetYear, value: j.projected },
    gap: { base: baseGap, latest: j.latest, projected: j.projected },
  };
}
