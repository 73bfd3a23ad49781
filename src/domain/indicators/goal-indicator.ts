/**
 * An indicator linked to a programme goal: whose value is measured, and the target for the
 * goal's target year — an absolute value, or "as high (low) as" a comparison area.
 */

/** Whose value is followed: a group figure of the cooperation's members, or one area. */
export type Measure = 'unweighted_mean' | 'weighted_mean' | 'sum' | 'area';

export type { Direction } from './target-verdict.js';
import type { Direction } from './target-verdict.js';

export interface GoalIndicator {
  id: number;
  goalId: number;
  indicatorId: number;
  measure: Measure;
  /** The area followed when `measure` is `area`. */
  areaCode: string | null;
  targetKind: 'absolute' | 'relative';
  direction: Direction;
  baseYear: number;
  /** The base value as decided; null means "the measured value in the base year". */
  baseValue: number | null;
  targetYear: number;
  /** Absolute targets only. */
  targetValue: number | null;
  /** Relative targets only: the area to equal or pass (e.g. `0000` Riket). */
  comparisonAreaCode: string | null;
  note: string;
  /** Where the target comes from (e.g. the programme text). */
  source: string;
}
