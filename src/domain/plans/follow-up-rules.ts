/**
 * The rules of the follow-up, pure: how progress is written, which rounds are standard, when a round's
 * dates make sense, which activities a round expects a report from, and when a missing report is late.
 */
import { isIsoDate, type IsoDate } from '../dates.js';
import type { FollowUpRound, ReportStatus } from './follow-up.js';
import type { Activity } from './plan.js';

/**
 * Progress as people write it: "40", "40 %", "40%", or a number. Whole per cent 0–100; anything else is
 * null (the caller names the problem).
 */
export function parseProgress(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 100 ? value : null;
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d{1,3})\s*(%|procent)?\s*$/i.exec(value.replace(/\u00a0/g, ' '));
  if (!m) return null;
  const n = Number(m[1]);
  return n <= 100 ? n : null;
}

/** A report needs a comment unless all goes to plan (green). */
export const commentRequired = (status: ReportStatus): boolean => status !== 'green';

export interface StandardRound {
  name: string;
  periodEnd: IsoDate;
  dueDate: IsoDate;
}

/** The usual rounds of plan year `year`: two tertials and the annual follow-up (due in January). */
export function standardRounds(year: number): StandardRound[] {
  const y = String(year).padStart(4, '0');
  const next = String(year + 1).padStart(4, '0');
  return [
    { name: 'Tertial 1', periodEnd: `${y}-04-30`, dueDate: `${y}-05-15` },
    { name: 'Tertial 2', periodEnd: `${y}-08-31`, dueDate: `${y}-09-15` },
    { name: 'Årsuppföljning', periodEnd: `${y}-12-31`, dueDate: `${next}-01-31` },
  ];
}

export interface RoundDatesProblem {
  field: 'periodEnd' | 'dueDate';
  message: string;
}

/**
 * What is wrong with a round's dates for plan year `year`: real ISO dates, the period ends within the
 * year, the deadline is not before the period ends. The annual deadline may fall in the next year, but
 * not later than that.
 */
export function roundDateProblems(year: number, periodEnd: string, dueDate: string): RoundDatesProblem[] {
  const problems: RoundDatesProblem[] = [];
  const example = `${year}-04-30`;
  const periodOk = isIsoDate(periodEnd);
  const dueOk = isIsoDate(dueDate);
  if (periodEnd === '')
    problems.push({ field: 'periodEnd', message: `Skriv sista dagen perioden gäller, till exempel ${example}.` });
  else if (!periodOk)
    problems.push({
      field: 'periodEnd',
      message: `Periodens slut ska vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel ${example}.`,
    });
  else if (!periodEnd.startsWith(`${year}-`))
    problems.push({ field: 'periodEnd', message: `Perioden ska sluta under planåret ${year}.` });
  if (dueDate === '')
    problems.push({ field: 'dueDate', message: `Skriv sista dag för rapport, till exempel ${year}-05-15.` });
  else if (!dueOk)
    problems.push({
      field: 'dueDate',
      message: `Sista dag för rapport ska vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel ${year}-05-15.`,
    });
  else if (periodOk && dueDate < periodEnd)
    problems.push({
      field: 'dueDate',
      message: `Sista dag för rapport kan inte vara före periodens slut (${periodEnd}).`,
    });
  else if (dueDate > `${year + 1}-12-31` || dueDate < `${year}-01-01`)
    problems.push({
      field: 'dueDate',
      message: `Sista dag för rapport ska ligga under planåret ${year} eller året efter.`,
    });
  return problems;
}

/** A round's name with its year, as lists and e-mails name it: "Tertial 1 2026". */
export const roundTitle = (round: Pick<FollowUpRound, 'name' | 'year'>): string =>
  round.name.includes(String(round.year)) ? round.name : `${round.name} ${round.year}`;

/** Whether the round expects a report on the activity: it had started by the end of the round's period. */
export const expectsReport = (round: Pick<FollowUpRound, 'periodEnd'>, activity: Pick<Activity, 'startDate'>) =>
  activity.startDate <= round.periodEnd;

/** A round's deadline has passed: reports still missing are late (the due date itself is still on time). */
export const isPastDue = (round: Pick<FollowUpRound, 'dueDate'>, today: IsoDate): boolean => today > round.dueDate;

/** Whole days between two ISO dates (`to` − `from`). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** How many days late a missing report is today (0 on the due date or before). */
export const daysLate = (round: Pick<FollowUpRound, 'dueDate'>, today: IsoDate): number =>
  Math.max(0, daysBetween(round.dueDate, today));
