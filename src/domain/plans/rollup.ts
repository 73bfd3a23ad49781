/**
 * Roll-ups of the plans' activities per goal and per focus area: how many activities are green,
 * yellow, red or not reported, and their progress weighted with normalised weights. Pure.
 *
 * The rules, stated on the pages that show the figures:
 * - An activity counts once in each goal it serves (fully in each: its weight is not split), and
 *   once in a focus area however many of the area's goals it serves.
 * - Weighted progress P = Σ wᵢ·pᵢ / Σ wᵢ over the REPORTED activities, i.e. Σ nᵢ·pᵢ with the
 *   normalised weights nᵢ = wᵢ / Σ wⱼ (j over the reported activities), which sum to 1.
 * - Coverage T = Σ w(reported) / Σ w(all): how much of the weight P speaks for. An activity without a
 *   report is therefore never counted as 0 per cent and never silently dropped: it lowers T instead.
 * - With nothing reported P is null (not 0); with no activities T is null as well.
 */
import { formatNumber } from '../format-sv.js';
import type { ReportStatus } from './follow-up.js';

/** A report status, or none in the year's rounds. */
export type RollupStatus = ReportStatus | 'not_reported';

export const ROLLUP_STATUSES: readonly RollupStatus[] = ['green', 'yellow', 'red', 'not_reported'];

/** Column headings and tags: the words carry the status, colour only repeats it. */
export const ROLLUP_STATUS_LABELS: Record<RollupStatus, string> = {
  green: 'Grön',
  yellow: 'Gul',
  red: 'Röd',
  not_reported: 'Ej rapporterad',
};

/** The long form, with what the colour means. */
export const ROLLUP_STATUS_LONG_LABELS: Record<RollupStatus, string> = {
  green: 'Grön – enligt plan',
  yellow: 'Gul – risk för avvikelse',
  red: 'Röd – avviker från plan',
  not_reported: 'Ej rapporterad i årets omgångar',
};

/** One activity as a roll-up sees it. */
export interface RollupActivity {
  id: number;
  /** Relative weight, > 0. */
  weight: number;
  /** The goals it serves. */
  goalIds: readonly number[];
  /** Its latest report in the year's rounds; null when it has none. */
  latest: { status: ReportStatus; progress: number } | null;
}

export interface Rollup {
  /** The distinct activities behind the figures, in input order. */
  activityIds: number[];
  counts: Record<RollupStatus, number>;
  /** The number of distinct activities: the counts sum to it. */
  total: number;
  /** Σ w over all the activities. */
  weightTotal: number;
  /** Σ w over the reported activities. */
  weightReported: number;
  /** Weighted progress in per cent (0–100); null when no activity is reported. */
  progress: number | null;
  /** Σ w(reported) / Σ w(all), 0–1; null when there are no activities. */
  coverage: number | null;
  /** nᵢ = wᵢ / Σ wⱼ for each reported activity (by id); unreported activities have none. */
  normalisedWeights: Map<number, number>;
}

/**
 * Coverage (0–1) as per cent with one decimal, for display. Rounding never hides a missing report or
 * a report: below 1 it never gives 100, above 0 never 0.
 */
export function coveragePercent(coverage: number): number {
  const percent = Math.round(coverage * 1000) / 10;
  if (coverage < 1 && percent >= 100) return 99.9;
  if (coverage > 0 && percent <= 0) return 0.1;
  return percent;
}

/** The status an activity counts under. */
export const rollupStatusOf = (a: Pick<RollupActivity, 'latest'>): RollupStatus => a.latest?.status ?? 'not_reported';

function checkWeight(a: RollupActivity): void {
  if (!Number.isFinite(a.weight) || a.weight <= 0)
    throw new RangeError(`Aktivitet ${a.id}: vikten måste vara ett positivt tal, inte ${a.weight}.`);
  if (a.latest && (!Number.isFinite(a.latest.progress) || a.latest.progress < 0 || a.latest.progress > 100))
    throw new RangeError(`Aktivitet ${a.id}: framsteget måste vara 0–100 procent, inte ${a.latest.progress}.`);
}

/** Each activity once (the first occurrence of an id), in input order. */
function distinct(activities: readonly RollupActivity[]): RollupActivity[] {
  const seen = new Set<number>();
  return activities.filter((a) => !seen.has(a.id) && seen.add(a.id));
}

/** nᵢ = wᵢ / Σ wⱼ over the given activities (by id); they sum to 1 (empty for no activities). */
export function normalisedWeights(activities: readonly Pick<RollupActivity, 'id' | 'weight'>[]): Map<number, number> {
  const sum = activities.reduce((s, a) => s + a.weight, 0);
  return new Map(activities.map((a) => [a.id, a.weight / sum]));
}

/** The figures over the distinct activities given (an id given twice counts once). */
export function rollUp(activities: readonly RollupActivity[]): Rollup {
  const list = distinct(activities);
  list.forEach(checkWeight);
  const counts: Record<RollupStatus, number> = { green: 0, yellow: 0, red: 0, not_reported: 0 };
  for (const a of list) counts[rollupStatusOf(a)] += 1;
  const reported = list.filter((a) => a.latest !== null);
  const weightTotal = list.reduce((s, a) => s + a.weight, 0);
  const weightReported = reported.reduce((s, a) => s + a.weight, 0);
  let progress: number | null = null;
  if (reported.length > 0) {
    const progresses = reported.map((a) => a.latest!.progress);
    const weighted = reported.reduce((s, a) => s + a.weight * a.latest!.progress, 0) / weightReported;
    // A weighted mean lies between the smallest and largest value; keep rounding errors from leaving it.
    progress = Math.min(Math.max(weighted, Math.min(...progresses)), Math.max(...progresses));
  }
  return {
    activityIds: list.map((a) => a.id),
    counts,
    total: list.length,
    weightTotal,
    weightReported,
    progress,
    coverage: list.length === 0 ? null : Math.min(1, weightReported / weightTotal),
    normalisedWeights: normalisedWeights(reported),
  };
}

/** The activities serving the goal (each once). */
export const activitiesOfGoal = (activities: readonly RollupActivity[], goalId: number): RollupActivity[] =>
  distinct(activities.filter((a) => a.goalIds.includes(goalId)));

/** The activities serving any goal of the focus area (each once), given each goal's focus area. */
export const activitiesOfFocusArea = (
  activities: readonly RollupActivity[],
  focusAreaOfGoal: ReadonlyMap<number, number>,
  focusAreaId: number,
): RollupActivity[] =>
  distinct(activities.filter((a) => a.goalIds.some((g) => focusAreaOfGoal.get(g) === focusAreaId)));

/** The roll-up of each goal (an activity counts fully in every goal it serves). */
export function rollUpByGoal(activities: readonly RollupActivity[], goalIds: readonly number[]): Map<number, Rollup> {
  return new Map(goalIds.map((g) => [g, rollUp(activitiesOfGoal(activities, g))]));
}

/** The roll-up of each focus area (an activity counts once however many of the area's goals it serves). */
export function rollUpByFocusArea(
  activities: readonly RollupActivity[],
  focusAreaOfGoal: ReadonlyMap<number, number>,
): Map<number, Rollup> {
  const areaIds = [...new Set(focusAreaOfGoal.values())];
  return new Map(areaIds.map((id) => [id, rollUp(activitiesOfFocusArea(activities, focusAreaOfGoal, id))]));
}

/** Weighted progress: one decimal and a per cent sign, "45,5 %". */
export const progressText = (progress: number) => `${formatNumber(progress, { decimals: 1 })}\u00a0%`;

/** Coverage as per cent with one decimal (see coveragePercent: rounding hides nothing). */
export const coverageText = (coverage: number) => `${formatNumber(coveragePercent(coverage), { decimals: 1 })}\u00a0%`;
