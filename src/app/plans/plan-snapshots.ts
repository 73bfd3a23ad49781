/**
 * Plans, activities and the committee's decisions on plans as the audit trail keeps them: flat maps keyed
 * as the history page's field names (src/web/history-changes.ts). The history page cannot look these ids
 * up, so what a reader needs to recognise is kept by name — the network, programme, plan, goals,
 * strategies and municipalities (as the demo's example plans are recorded) — and the rest as stored.
 */
import type { Snapshot } from '../../domain/audit/snapshots.js';
import type { Activity, Plan, PlanDecision } from '../../domain/plans/plan.js';
import { goalsOf } from '../../domain/programme/programme.js';
import { currentCollaboration } from '../collaboration.js';
import type { Repositories } from '../context.js';

/** The names a plan's snapshots use. */
export interface PlanNames {
  network: string;
  programme: string;
  /** Titles of plans by id (the parent, the plan itself). */
  plans: ReadonlyMap<number, string>;
  goals: ReadonlyMap<number, string>;
  strategies: ReadonlyMap<number, string>;
  members: ReadonlyMap<number, string>;
}

const named = (names: ReadonlyMap<number, string>, id: number) => names.get(id) ?? `nr ${id}`;

/** Loads the names for snapshots of `plan` and its activities (and of plans of the same network and programme). */
export async function planNames(repos: Repositories, plan: Plan, extraPlans: readonly Plan[] = []): Promise<PlanNames> {
  const collaboration = await currentCollaboration(repos);
  const [networks, programme, members, parent] = await Promise.all([
    repos.collaboration.networks(collaboration.id),
    repos.programmes.get(plan.programmeId),
    repos.collaboration.members(collaboration.id),
    plan.parentPlanId ? repos.plans.planById(plan.parentPlanId) : Promise.resolve(undefined),
  ]);
  const goals = programme ? goalsOf(programme) : [];
  return {
    network: networks.find((n) => n.id === plan.networkId)?.name ?? `nr ${plan.networkId}`,
    programme: programme?.name ?? `nr ${plan.programmeId}`,
    plans: new Map([plan, ...(parent ? [parent] : []), ...extraPlans].map((p) => [p.id, p.title])),
    goals: new Map(goals.map((g) => [g.id, g.title])),
    strategies: new Map(goals.flatMap((g) => g.strategies.map((s) => [s.id, s.text] as const))),
    members: new Map(members.map((m) => [m.id, m.name])),
  };
}

export const planSnapshot = (p: Plan, names: PlanNames): Snapshot => ({
  network: names.network,
  year: p.year,
  kind: p.kind,
  title: p.title,
  parentPlanId: p.parentPlanId === null ? null : named(names.plans, p.parentPlanId),
  programme: names.programme,
  state: p.state,
  summary: p.summary,
  isExample: p.isExample ? 1 : 0,
  copiedFromPlanId: p.copiedFromPlanId,
});

export const activitySnapshot = (
  a: Omit<Activity, 'id' | 'position' | 'createdAt' | 'updatedAt'>,
  names: PlanNames,
): Snapshot => ({
  plan: named(names.plans, a.planId),
  title: a.title,
  description: a.description,
  goals: a.goalIds.map((id) => named(names.goals, id)),
  strategies: a.strategyIds.map((id) => named(names.strategies, id)),
  ownerName: a.ownerName,
  ownerUserId: a.ownerUserId,
  members: a.memberIds.map((id) => named(names.members, id)),
  startDate: a.startDate,
  endDate: a.endDate,
  budgetKr: a.budgetKr,
  weight: a.weight,
  climateEffect: a.climateEffect,
  climateJustification: a.climateJustification,
  dimension: a.dimension,
  carriedOverFromActivityId: a.carriedOverFromActivityId,
});

export const planDecisionSnapshot = (d: PlanDecision): Snapshot => ({
  datePrecision: d.decided.precision,
  decidedOn: d.decided.precision === 'unknown' ? null : d.decided.date,
  paragraph: d.paragraph,
  outcome: d.outcome,
  note: d.note,
  source: d.source,
});
