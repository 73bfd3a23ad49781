/**
 * A goal's activities in the chief networks' plans, for the goal page: this year's if there are any, else
 * the newest earlier year's, else the first coming year's (next year's drafts do not hide this year's
 * follow-up), in plans the reader may see, with the goal's roll-up that year and the other years to link to.
 * The figures are the roll-up page's own (getYearResults), so the two pages always agree.
 */
import { currentCollaboration } from '../collaboration.js';
import { readRepos, today, type AppContext } from '../context.js';
import { maySeePlan } from '../plans/get-plan.js';
import { getYearResults, type GoalResult } from './year-results.js';

export interface GoalActivities {
  goalId: number;
  /** Years with activities serving the goal in plans the reader may see, newest first. */
  years: number[];
  /** The year shown (see above), whose figures `result` holds; null when there are none. */
  year: number | null;
  result: GoalResult | null;
  /** Whether an activity behind the figures comes from an example plan. */
  includesExamples: boolean;
}

export async function getGoalActivities(ctx: AppContext, goalId: number): Promise<GoalActivities> {
  const none: GoalActivities = { goalId, years: [], year: null, result: null, includesExamples: false };
  const repos = readRepos(ctx);
  const links = await repos.plans.activityIdsForGoals([goalId]);
  if (links.length === 0) return none;
  const collaboration = await currentCollaboration(repos);
  const plans = (await repos.plans.plans({ collaborationId: collaboration.id })).filter((p) => maySeePlan(ctx, p));
  const serving = new Set(links.map((l) => l.activityId));
  const activities = (await repos.plans.activitiesOf(plans.map((p) => p.id))).filter((a) => serving.has(a.id));
  const yearOfPlan = new Map(plans.map((p) => [p.id, p.year]));
  const years = [...new Set(activities.map((a) => yearOfPlan.get(a.planId)!))].sort((a, b) => b - a);
  const thisYear = Number(today(ctx).slice(0, 4));
  const year = years.find((y) => y <= thisYear) ?? years.at(-1);
  if (year === undefined) return none;
  const results = await getYearResults(ctx, year);
  const result =
    results.programmes.flatMap((p) => p.focusAreas.flatMap((a) => a.goals)).find((g) => g.goal.id === goalId) ?? null;
  return { goalId, years, year, result, includesExamples: result?.includesExamples ?? false };
}
