/**
 * The Swedish one-line summaries of the audit events on plans, their activities and the committee's
 * decisions on them: enough to recognise the change in the history without opening it.
 */
import type { DecisionDate, DecisionOutcome } from '../adoption/decision.js';
import { swedishList } from '../audit/audit-summary-sv.js';
import type { Activity, Plan } from './plan.js';

type PlanName = Pick<Plan, 'title' | 'year'>;

const OUTCOME_WORDS: Record<DecisionOutcome, string> = {
  adopted: 'antagen',
  rejected: 'avslagen – tillbaka som utkast',
  referred_back: 'återremitterad – tillbaka som utkast',
};

/** "Skapade planen ”Verksamhetsplan 2027” (Planeringschefer, 2027), kopierad från planen för 2026." */
export function planCreatedSummary(plan: PlanName, networkName: string, copiedFromYear?: number): string {
  const copied = copiedFromYear === undefined ? '' : `, kopierad från planen för ${copiedFromYear}`;
  return `Skapade planen ”${plan.title}” (${networkName}, ${plan.year})${copied}.`;
}

const PLAN_FIELD_WORDS: Record<string, string> = { title: 'namnet', summary: 'inledningen' };

export function planUpdatedSummary(plan: PlanName, changed: readonly string[]): string {
  const words = changed.map((k) => PLAN_FIELD_WORDS[k] ?? k);
  return words.length
    ? `Ändrade ${swedishList(words)} i planen ”${plan.title}”.`
    : `Sparade planen ”${plan.title}” utan ändringar.`;
}

export const planSubmittedSummary = (plan: PlanName): string =>
  `Lämnade in planen ”${plan.title}” till samarbetskommittén.`;

function dateWords(date: DecisionDate): string {
  if (date.precision === 'unknown') return 'datum okänt';
  return date.precision === 'exact' ? date.date : `senast ${date.date}`;
}

/** "Samarbetskommitténs beslut om planen ”X”: antagen, 2027-01-20, § 4." */
export function planDecisionSummary(
  plan: PlanName,
  d: { outcome: DecisionOutcome; decided: DecisionDate; paragraph: string },
): string {
  const details = [OUTCOME_WORDS[d.outcome], dateWords(d.decided), d.paragraph].filter(Boolean).join(', ');
  return `Samarbetskommitténs beslut om planen ”${plan.title}”: ${details}.`;
}

type ActivityName = Pick<Activity, 'title'>;

export const activityAddedSummary = (a: ActivityName, plan: PlanName, carriedFromYear?: number): string =>
  carriedFromYear === undefined
    ? `Lade till aktiviteten ”${a.title}” i planen ”${plan.title}”.`
    : `Förde över den ofullbordade aktiviteten ”${a.title}” från ${carriedFromYear} till planen ”${plan.title}”.`;

export const activityUpdatedSummary = (a: ActivityName, plan: PlanName): string =>
  `Ändrade aktiviteten ”${a.title}” i planen ”${plan.title}”.`;

export const activityRemovedSummary = (a: ActivityName, plan: PlanName): string =>
  `Tog bort aktiviteten ”${a.title}” ur planen ”${plan.title}”.`;
