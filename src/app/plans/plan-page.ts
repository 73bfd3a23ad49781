import { allows } from '../../domain/auth/policies.js';
import type { Plan } from '../../domain/plans/plan.js';
import { readRepos, type AppContext } from '../context.js';
import { getPlan, maySeePlan, type PlanView } from './get-plan.js';
import { programmeForPlans, type PlanProgramme } from './plan-programme.js';

export interface PlanPage {
  view: PlanView;
  /** The programme new plans serve, for the note when the programme in force has no goals. */
  target: PlanProgramme | undefined;
  /** The plan this one was copied from, if the reader may see it. */
  copiedFrom: Plan | null;
  /** The network's operational plan for the next year, if there is one the reader may see. */
  nextYear: Plan | null;
  /** "Skapa nästa års plan från denna" and "Ny handlingsplan": operational plans, edit_plan for the network. */
  mayCopy: boolean;
  mayAddActionPlan: boolean;
  /** The link to the plan's change history: for those who may read it (read_plan_history). */
  mayReadHistory: boolean;
}

/** The plan page: the plan view and what its lifecycle actions need. */
export async function getPlanPage(ctx: AppContext, planId: number): Promise<PlanPage> {
  const view = await getPlan(ctx, planId);
  const repos = readRepos(ctx);
  const { plan } = view;
  const [target, source, next] = await Promise.all([
    programmeForPlans(ctx),
    plan.copiedFromPlanId ? repos.plans.planById(plan.copiedFromPlanId) : Promise.resolve(undefined),
    repos.plans.plans({ collaborationId: plan.collaborationId, networkId: plan.networkId, year: plan.year + 1 }),
  ]);
  const nextYear = next.find((p) => p.kind === 'operational' && maySeePlan(ctx, p)) ?? null;
  const writes = plan.kind === 'operational' && allows(ctx.principal, 'edit_plan', { networkId: plan.networkId });
  return {
    view,
    target,
    copiedFrom: source && maySeePlan(ctx, source) ? source : null,
    nextYear,
    mayCopy: writes,
    mayAddActionPlan: writes,
    mayReadHistory: allows(ctx.principal, 'read_plan_history', { networkId: plan.networkId }),
  };
}
