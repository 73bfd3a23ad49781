/**
 * Which way an indicator is heading, for the public progress pages' trend sign: towards its goal,
 * away from it, or neither. Pure.
 *
 * The rule, as the pages state it: the same straight trend line the verdict uses (least squares
 * through the values from the base year on, src/domain/indicators/trend.ts), read for its direction.
 * For a target "as high as Riket" the line runs through the difference between the measured values
 * and the comparison area's, so Södertörn rising more slowly than Riket is heading away from its goal.
 * A change over the years that rounds to nothing at the indicator's decimals is "steady"; fewer than
 * two years with values is "unknown". The verdict itself is never changed by this.
 */
import type { Direction } from '../indicators/target-verdict.js';
import { linearTrend, type YearValue } from '../indicators/trend.js';

export type TrendDirection = 'better' | 'worse' | 'steady' | 'unknown';

export interface TrendInput {
  kind: 'absolute' | 'relative';
  direction: Direction;
  baseYear: number;
  /** The decided base value of an absolute target (null: the measured value); stands in for a missing base year. */
  baseValue: number | null;
  /** The measured series. */
  series: readonly YearValue[];
  /** The comparison area's series (relative targets). */
  comparison?: readonly YearValue[] | null;
  decimals: number;
}

const known = (series: readonly YearValue[]) =>
  new Map(
    series
      .filter((p): p is { year: number; value: number } => p.value !== null && Number.isFinite(p.value))
      .map((p) => [p.year, p.value]),
  );

/** The quantity the verdict judges, from the base year on: the value, or the difference to the comparison. */
function judged(input: TrendInput): YearValue[] {
  const measured = known(input.series);
  if (input.kind === 'relative') {
    const comparison = known(input.comparison ?? []);
    return [...measured]
      .filter(([year]) => year >= input.baseYear && comparison.has(year))
      .map(([year, value]) => ({ year, value: value - comparison.get(year)! }));
  }
  const points = [...measured].filter(([year]) => year >= input.baseYear);
  if (input.baseValue !== null && !measured.has(input.baseYear) && points.length > 0)
    points.push([input.baseYear, input.baseValue]);
  return points.map(([year, value]) => ({ year, value }));
}

export function trendDirection(input: TrendInput): TrendDirection {
  const points = judged(input);
  const trend = linearTrend(points);
  if (!trend) return 'unknown';
  const years = points.map((p) => p.year);
  const change = trend.slope * (Math.max(...years) - Math.min(...years));
  // Half a unit of the last decimal shown: smaller changes cannot be seen in the figures either.
  if (Math.abs(change) < 0.5 * 10 ** -input.decimals) return 'steady';
  return change > 0 === (input.direction === 'higher') ? 'better' : 'worse';
}
