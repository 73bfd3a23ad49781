import { readRepos, type AppContext } from '../context.js';
import { listPlans, type PlanList, type PlanListFilter } from './list-plans.js';
import { mayCreatePlans } from './plan-form-choices.js';

export interface PlanOverview extends PlanList {
  /** Number of activities per plan id. */
  activityCounts: Map<number, number>;
  /** Whether the acting person may write some network's plans ("Ny plan"). */
  mayCreate: boolean;
}

/** The plan list (/planer) with each plan's number of activities. */
export async function planOverview(ctx: AppContext, filter: PlanListFilter = {}): Promise<PlanOverview> {
  const list = await listPlans(ctx, filter);
  const activities = await readRepos(ctx).plans.activitiesOf(list.plans.map((p) => p.id));
  const activityCounts = new Map<number, number>();
  for (const a of activities) activityCounts.set(a.planId, (activityCounts.get(a.planId) ?? 0) + 1);
  return { ...list, activityCounts, mayCreate: await mayCreatePlans(ctx) };
}
