import type { Member } from '../../domain/adoption/decision.js';
import { allows } from '../../domain/auth/policies.js';
import { notFound } from '../../domain/errors.js';
import type { ActivityReport, FollowUpRound } from '../../domain/plans/follow-up.js';
import type { Activity, Plan, PlanDecision } from '../../domain/plans/plan.js';
import type { Programme } from '../../domain/programme/programme.js';
import type { Network } from '../../domain/collaboration.js';
import { currentCollaboration } from '../collaboration.js';
import { readRepos, type AppContext, type Repositories } from '../context.js';

/** A goal as an activity names it: with its focus area, for lists and links (/mal/{id}). */
export interface GoalRef {
  id: number;
  title: string;
  focusAreaId: number;
  focusAreaName: string;
  /** English texts of the goal and its focus area; '' when none is stored. */
  titleEn?: string;
  focusAreaNameEn?: string;
}

export interface ActivityView {
  activity: Activity;
  goals: GoalRef[];
  strategies: { id: number; goalId: number; text: string; textEn?: string }[];
  members: Member[];
  /** Every report on the activity, oldest round first. */
  reports: ActivityReport[];
  /** The report of the latest round reported; null when none. */
  latest: ActivityReport | null;
  /** The activity it was carried over from, with that plan's year. */
  carriedOverFrom: { activityId: number; planId: number; year: number } | null;
}

export interface PlanView {
  plan: Plan;
  network: Network;
  programme: Programme;
  /** For an action plan: its operational plan. */
  parent: Plan | null;
  /** For an operational plan: its action plans the reader may see. */
  actionPlans: Plan[];
  activities: ActivityView[];
  decisions: PlanDecision[];
  /** The follow-up rounds of the plan's year, in deadline order. */
  rounds: FollowUpRound[];
  /** What the acting person may do with this plan. */
  may: { edit: boolean; submit: boolean; decide: boolean; report: boolean };
}

/** Whether the acting person may see the plan: adopted plans are public; the rest are internal. */
export const maySeePlan = (ctx: AppContext, plan: Pick<Plan, 'state'>): boolean =>
  plan.state === 'adopted' || allows(ctx.principal, 'read_internal');

/** What `principal` may do with the plan, from the policies and the plan's state. */
export function planPermissions(ctx: AppContext, plan: Plan): PlanView['may'] {
  const scope = { networkId: plan.networkId };
  return {
    edit: plan.state === 'draft' && allows(ctx.principal, 'edit_plan', scope),
    submit: plan.state === 'draft' && allows(ctx.principal, 'submit_plan', scope),
    decide: plan.state === 'submitted' && allows(ctx.principal, 'record_committee_decision'),
    report: plan.state !== 'draft' && allows(ctx.principal, 'report_follow_up', scope),
  };
}

/** The plan (any state) or not found; no visibility check — use cases that write check their policy. */
export async function loadPlan(repos: Repositories, id: number): Promise<Plan> {
  const plan = Number.isSafeInteger(id) ? await repos.plans.planById(id) : undefined;
  if (!plan) throw notFound('Planen');
  return plan;
}

/** Goal references of a programme keyed by goal id. */
export function goalRefs(programme: Programme): Map<number, GoalRef> {
  return new Map(
    programme.focusAreas.flatMap((a) =>
      a.goals.map(
        (g) =>
          [
            g.id,
            {
              id: g.id,
              title: g.title,
              focusAreaId: a.id,
              focusAreaName: a.name,
              titleEn: g.titleEn ?? '',
              focusAreaNameEn: a.nameEn ?? '',
            },
          ] as const,
      ),
    ),
  );
}

/**
 * The activities with their goals, strategies, members and reports. `rounds` orders the reports; the
 * latest is the one of the last round (by deadline) that has a report.
 */
export async function activityViews(
  repos: Repositories,
  activities: readonly Activity[],
  programmes: ReadonlyMap<number, Programme>,
  plansById: ReadonlyMap<number, Plan>,
  members: readonly Member[],
): Promise<ActivityView[]> {
  const reports = await repos.followUp.reportsFor(activities.map((a) => a.id));
  const carriedIds = activities.flatMap((a) => (a.carriedOverFromActivityId ? [a.carriedOverFromActivityId] : []));
  // Where carried-over activities came from: two queries however many there are.
  const sourcePlanIds = await repos.plans.planIdsOfActivities(carriedIds);
  const otherPlans = await repos.plans.plansByIds(
    [...new Set(sourcePlanIds.values())].filter((id) => !plansById.has(id)),
  );
  const yearOfPlan = new Map([...plansById.values(), ...otherPlans].map((p) => [p.id, p.year]));
  const sources = new Map<number, { planId: number; year: number }>();
  for (const [activityId, planId] of sourcePlanIds) {
    const year = yearOfPlan.get(planId);
    if (year !== undefined) sources.set(activityId, { planId, year });
  }
  const memberById = new Map(members.map((m) => [m.id, m]));
  return activities.map((activity) => {
    const plan = plansById.get(activity.planId);
    const programme = plan && programmes.get(plan.programmeId);
    const refs = programme ? goalRefs(programme) : new Map<number, GoalRef>();
    const strategyText = new Map(
      (programme?.focusAreas ?? []).flatMap((a) =>
        a.goals.flatMap((g) =>
          g.strategies.map((s) => [s.id, { id: s.id, goalId: g.id, text: s.text, textEn: s.textEn ?? '' }] as const),
        ),
      ),
    );
    const own = reports.filter((r) => r.activityId === activity.id);
    const from = activity.carriedOverFromActivityId;
    const source = from ? sources.get(from) : undefined;
    return {
      activity,
      goals: activity.goalIds.flatMap((id) => refs.get(id) ?? []),
      strategies: activity.strategyIds.flatMap((id) => strategyText.get(id) ?? []),
      members: activity.memberIds.flatMap((id) => memberById.get(id) ?? []),
      reports: own,
      latest: own.at(-1) ?? null,
      carriedOverFrom: from && source ? { activityId: from, ...source } : null,
    };
  });
}

/** One plan with everything its page, the API and the exports show. Hidden plans are not found. */
export async function getPlan(ctx: AppContext, id: number): Promise<PlanView> {
  const repos = readRepos(ctx);
  const plan = await loadPlan(repos, id);
  if (!maySeePlan(ctx, plan)) throw notFound('Planen');
  const collaboration = await currentCollaboration(repos);
  const [networks, members, programme, parent, children, decisions, rounds, activities] = await Promise.all([
    repos.collaboration.networks(collaboration.id),
    repos.collaboration.members(collaboration.id),
    repos.programmes.get(plan.programmeId),
    plan.parentPlanId ? repos.plans.planById(plan.parentPlanId) : Promise.resolve(undefined),
    repos.plans.actionPlansOf(plan.id),
    repos.plans.decisionsOf([plan.id]),
    repos.followUp.rounds(collaboration.id, plan.year),
    repos.plans.activitiesOf([plan.id]),
  ]);
  if (!programme) throw notFound('Programmet');
  const network = networks.find((n) => n.id === plan.networkId);
  if (!network) throw notFound('Nätverket');
  return {
    plan,
    network,
    programme,
    parent: parent ?? null,
    actionPlans: children.filter((p) => maySeePlan(ctx, p)),
    activities: await activityViews(
      repos,
      activities,
      new Map([[programme.id, programme]]),
      new Map([[plan.id, plan]]),
      members,
    ),
    decisions,
    rounds,
    may: planPermissions(ctx, plan),
  };
}
