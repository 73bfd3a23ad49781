/**
 * The rules of the chief networks' plans that need no storage: which years a plan may be written for,
 * when an activity is unfinished, how a carried-over activity's dates move into the new year, and the
 * checks of an activity against its plan's programme. Messages are Swedish, one per field.
 */
import type { IsoDate } from '../dates.js';
import { endOfYear, isIsoDate, startOfYear } from '../dates.js';
import type { FieldProblem } from '../errors.js';
import type { ActivityReport } from './follow-up.js';
import type { ClimateEffect } from './plan.js';

/** A plan is written for last year (late), this year, or one of the two next years. */
export function planYearRange(today: IsoDate): { first: number; last: number } {
  const year = Number(today.slice(0, 4));
  return { first: year - 1, last: year + 2 };
}

export function planYearProblem(year: number, today: IsoDate): string | undefined {
  const { first, last } = planYearRange(today);
  if (year < first || year > last) return `Året ska vara mellan ${first} och ${last}.`;
  return undefined;
}

/** Unfinished: the latest report (by round deadline) says less than 100 per cent, or there is no report. */
export const isUnfinished = (latest: Pick<ActivityReport, 'progress'> | null | undefined): boolean =>
  !latest || latest.progress < 100;

/** The rule for carried-over dates, as the copy page states it. */
export const CARRIED_DATES_RULE =
  'En överförd aktivitet börjar tidigast den 1 januari det nya året. Slutade den före det nya året får den ' +
  'slutdatumet 31 december det nya året; annars behåller den sitt slutdatum.';

/** Moves an unfinished activity's period into `newYear` (see CARRIED_DATES_RULE). */
export function carriedDates(
  startDate: IsoDate,
  endDate: IsoDate,
  newYear: number,
): { startDate: IsoDate; endDate: IsoDate } {
  const first = startOfYear(newYear);
  return {
    startDate: startDate < first ? first : startDate,
    endDate: endDate < first ? endOfYear(newYear) : endDate,
  };
}

/** The goals of a programme with their strategies, as the checks need them. */
export interface ProgrammeGoals {
  goalIds: ReadonlySet<number>;
  /** strategy id → the goal it belongs to */
  strategyGoal: ReadonlyMap<number, number>;
}

/** Keeps only goals of the programme and strategies of the kept goals (a copy into a new programme). */
export function keepInProgramme(
  goalIds: readonly number[],
  strategyIds: readonly number[],
  programme: ProgrammeGoals,
): { goalIds: number[]; strategyIds: number[] } {
  const goals = goalIds.filter((id) => programme.goalIds.has(id));
  const strategies = strategyIds.filter((id) => {
    const goal = programme.strategyGoal.get(id);
    return goal !== undefined && goals.includes(goal);
  });
  return { goalIds: goals, strategyIds: strategies };
}

export interface ActivityFacts {
  goalIds: readonly number[];
  strategyIds: readonly number[];
  startDate: string;
  endDate: string;
  climateEffect: ClimateEffect;
  climateJustification: string;
}

/**
 * The checks that look past a single field: goals of the plan's programme (at least one), strategies of
 * the chosen goals, real dates in order that touch the plan's year, and a justification of a climate
 * effect that is stated (reduces or increases). Neutral and unknown need none.
 */
export function activityProblems(a: ActivityFacts, programme: ProgrammeGoals, planYear: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (a.goalIds.length === 0)
    problems.push({ field: 'goalIds', message: 'Välj minst ett mål i programmet som aktiviteten bidrar till.' });
  else if (a.goalIds.some((id) => !programme.goalIds.has(id)))
    problems.push({ field: 'goalIds', message: 'Välj bara mål i det program planen följer.' });
  const chosen = new Set(a.goalIds);
  if (
    a.strategyIds.some((id) => {
      const goal = programme.strategyGoal.get(id);
      return goal === undefined || !chosen.has(goal);
    })
  )
    problems.push({ field: 'strategyIds', message: 'Välj bara strategier som hör till de valda målen.' });
  const example = `till exempel ${planYear}-03-01`;
  const startOk = isIsoDate(a.startDate);
  const endOk = isIsoDate(a.endDate);
  if (a.startDate === '') problems.push({ field: 'startDate', message: `Skriv startdatumet, ${example}.` });
  else if (!startOk)
    problems.push({ field: 'startDate', message: `Startdatumet ska vara ett riktigt datum ÅÅÅÅ-MM-DD, ${example}.` });
  if (a.endDate === '')
    problems.push({ field: 'endDate', message: `Skriv slutdatumet, till exempel ${planYear}-12-31.` });
  else if (!endOk)
    problems.push({
      field: 'endDate',
      message: `Slutdatumet ska vara ett riktigt datum ÅÅÅÅ-MM-DD, till exempel ${planYear}-12-31.`,
    });
  if (startOk && endOk) {
    if (a.startDate > a.endDate)
      problems.push({ field: 'endDate', message: 'Slutdatumet kan inte vara före startdatumet.' });
    else if (a.endDate < startOfYear(planYear) || a.startDate > endOfYear(planYear))
      problems.push({
        field: 'startDate',
        message: `Aktiviteten ska pågå åtminstone en del av planens år, ${planYear}.`,
      });
  }
  if ((a.climateEffect === 'reduces' || a.climateEffect === 'increases') && a.climateJustification === '')
    problems.push({
      field: 'climateJustification',
      message:
        a.climateEffect === 'reduces'
          ? 'Motivera varför aktiviteten minskar klimatpåverkan.'
          : 'Motivera varför aktiviteten ökar klimatpåverkan.',
    });
  return problems;
}

/** Budget as people write it: "1 250 000", "1250000 kr"; whole kronor, not negative. Empty is no budget. */
export function parseKronor(text: string): number | null | 'invalid' {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/kr$/i, '');
  if (cleaned === '') return null;
  if (!/^\d{1,15}$/.test(cleaned)) return 'invalid';
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : 'invalid';
}

/** A weight as people write it: "1", "1,5", "0.5"; empty is the default 1. */
export function parseWeight(text: string): number | 'invalid' {
  const cleaned = text.trim().replace(',', '.');
  if (cleaned === '') return 1;
  if (!/^\d{1,3}(\.\d{1,3})?$/.test(cleaned)) return 'invalid';
  const value = Number(cleaned);
  return value > 0 ? value : 'invalid';
}
