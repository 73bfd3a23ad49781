/**
 * What the plan forms offer: the networks the person may write plans for, the years, the programme's
 * goals with their strategies grouped by focus area, the member municipalities and the network's
 * accounts. Each loader checks the same right as the use case that saves the form.
 */
import type { Member } from '../../domain/adoption/decision.js';
import { allows } from '../../domain/auth/policies.js';
import { planYearRange } from '../../domain/plans/plan-rules.js';
import type { Activity, Plan } from '../../domain/plans/plan.js';
import type { Programme } from '../../domain/programme/programme.js';
import type { Network } from '../../domain/collaboration.js';
import { authorize } from '../auth/authorize.js';
import { currentCollaboration } from '../collaboration.js';
import { readRepos, today, type AppContext } from '../context.js';
import { loadPlan, maySeePlan } from './get-plan.js';
import { loadDraftToEdit, networkAccounts, type OwnerAccount } from './plan-access.js';
import { programmeForPlans, type PlanProgramme } from './plan-programme.js';
import { DomainError, notFound } from '../../domain/errors.js';

export interface NewPlanChoices {
  networks: Network[];
  years: number[];
  /** The programme new plans serve; undefined when no programme has goals. */
  target: PlanProgramme | undefined;
  /** For a new action plan: the operational plan it belongs to. */
  parent: Plan | null;
}

/** The networks whose plans the acting person may write. */
export async function writableNetworks(ctx: AppContext): Promise<Network[]> {
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const networks = await repos.collaboration.networks(collaboration.id);
  return networks.filter((n) => allows(ctx.principal, 'edit_plan', { networkId: n.id }));
}

/** Whether the acting person may write any network's plans (the "Ny plan" button). */
export const mayCreatePlans = async (ctx: AppContext): Promise<boolean> => (await writableNetworks(ctx)).length > 0;

/** For /planer/ny, or for a new action plan under `parentPlanId` (edit_plan for its network). */
export async function newPlanChoices(ctx: AppContext, parentPlanId?: number): Promise<NewPlanChoices> {
  const networks = await writableNetworks(ctx);
  if (networks.length === 0) authorize(ctx, 'edit_plan', { networkId: null });
  let parent: Plan | null = null;
  if (parentPlanId !== undefined) {
    parent = await loadPlan(readRepos(ctx), parentPlanId);
    if (!maySeePlan(ctx, parent) || parent.kind !== 'operational') throw notFound('Verksamhetsplanen');
    authorize(ctx, 'edit_plan', { networkId: parent.networkId });
  }
  const { first, last } = planYearRange(today(ctx));
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return { networks, years, target: await programmeForPlans(ctx), parent };
}

export interface ActivityFormChoices {
  plan: Plan;
  network: Network;
  programme: Programme;
  members: Member[];
  accounts: OwnerAccount[];
  /** The activity being edited; undefined for a new one. */
  activity: Activity | undefined;
}

/** For the activity form of a draft plan (edit_plan for the plan's network). */
export async function activityFormChoices(
  ctx: AppContext,
  planId: number,
  activityId?: number,
): Promise<ActivityFormChoices> {
  const repos = readRepos(ctx);
  const plan = await loadDraftToEdit(ctx, repos, planId);
  const collaboration = await currentCollaboration(repos);
  const [networks, members, programme, accounts] = await Promise.all([
    repos.collaboration.networks(collaboration.id),
    repos.collaboration.members(collaboration.id),
    repos.programmes.get(plan.programmeId),
    networkAccounts(repos, plan.networkId),
  ]);
  const network = networks.find((n) => n.id === plan.networkId);
  if (!programme || !network) throw notFound('Planen');
  let activity: Activity | undefined;
  if (activityId !== undefined) {
    activity = await repos.plans.activityById(activityId);
    if (!activity || activity.planId !== plan.id) throw notFound('Aktiviteten');
  }
  return { plan, network, programme, members, accounts, activity };
}

/** For the decision form: the secretariat (record_committee_decision), on a submitted plan. */
export async function planDecisionChoices(ctx: AppContext, planId: number): Promise<Plan> {
  authorize(ctx, 'record_committee_decision');
  const plan = await loadPlan(readRepos(ctx), planId);
  if (plan.state !== 'submitted') throw notSubmitted(plan);
  return plan;
}

export const notSubmitted = (plan: Pick<Plan, 'state'>): DomainError =>
  new DomainError(
    'not_proposed',
    plan.state === 'draft'
      ? 'Planen är ett utkast. Den måste lämnas in till samarbetskommittén innan kommitténs beslut kan registreras.'
      : 'Planen är redan antagen. Ett nytt beslut kan registreras först när planen lämnats in igen.',
  );
