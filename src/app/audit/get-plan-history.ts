import type { EntityRef } from '../../storage/audit.repository.js';
import type { Snapshot } from '../../domain/audit/snapshots.js';
import type { Plan } from '../../domain/plans/plan.js';
import { authorize, authorizeSomewhere } from '../auth/authorize.js';
import { currentCollaboration } from '../collaboration.js';
import { readRepos, type AppContext } from '../context.js';
import { loadPlan } from '../plans/get-plan.js';
import { toHistoryEntry, type HistoryEntry, type HistoryNames } from './get-history.js';

/** The activity an event is about (itself, or a report on it). */
export interface HistoryActivity {
  id: number;
  /** The plan it is in: this plan, or next year's for an activity carried over from this one. */
  planId: number;
  /** As it is now, or as the audit trail last recorded it when it has been removed. */
  title: string;
  /** Removed from the plan since: it exists only in the audit trail. */
  removed: boolean;
}

export interface PlanHistoryEntry extends HistoryEntry {
  activity: HistoryActivity | null;
}

export interface PlanHistory {
  plan: Plan;
  /** Newest first. */
  entries: PlanHistoryEntry[];
  names: HistoryNames;
}

const ref = (entityType: EntityRef['entityType'], id: number): EntityRef => ({ entityType, entityId: String(id) });

/** Every id that `field` holds in the snapshots (a number, or null). */
function idsIn(entries: readonly HistoryEntry[], field: string): number[] {
  const ids = new Set<number>();
  for (const s of entries.flatMap((e) => [e.before, e.after])) if (typeof s?.[field] === 'number') ids.add(s[field]);
  return [...ids];
}

/**
 * The audit trail of a plan: its own events (created, changed, submitted, decided), the committee's
 * decisions on it, every event of its activities — those removed since included, found through the
 * plan's removed activities, since the trail names an activity's plan only by title — the reports on
 * them, and the carrying over of its unfinished activities into next year's plan.
 *
 * Who may read it (read_plan_history): those who may read a programme's history, and the plan's own
 * network, whatever the plan's state. Not the public: the trail names the people who made each change,
 * and it keeps a plan's draft texts and removed activities, which were never public even when the
 * adopted plan is.
 */
export async function getPlanHistory(ctx: AppContext, planId: number): Promise<PlanHistory> {
  authorizeSomewhere(ctx, ['read_plan_history']);
  const repos = readRepos(ctx);
  const plan = await loadPlan(repos, planId);
  authorize(ctx, 'read_plan_history', { networkId: plan.networkId });
  const [current, removedIds, decisions] = await Promise.all([
    repos.plans.activitiesOf([plan.id]),
    repos.plans.removedActivityIdsOf(plan.id),
    repos.plans.decisionsOf([plan.id]),
  ]);
  const ownIds = [...current.map((a) => a.id), ...removedIds];
  const [reports, carriedIds] = await Promise.all([
    repos.followUp.reportsFor(ownIds),
    repos.plans.activityIdsCarriedOverFrom(ownIds),
  ]);
  const carriedPlans = await repos.plans.planIdsOfActivities(carriedIds);
  const records = await repos.audit.list(
    ref('plan', plan.id),
    ...decisions.map((d) => ref('plan_decision', d.id)),
    ...ownIds.map((id) => ref('activity', id)),
    ...carriedIds.map((id) => ref('activity', id)),
    ...reports.map((r) => ref('activity_report', r.id)),
  );
  // Of a carried copy's history only its arrival in next year's plan belongs to this plan's.
  const carried = new Set(carriedIds.map(String));
  const entries = records
    .filter((r) => !(r.entityType === 'activity' && carried.has(r.entityId) && r.action !== 'activity.added'))
    .map(toHistoryEntry);

  // Each activity named as it is now, or as its last event left it (a removal keeps the whole activity).
  const titles = new Map<number, string>();
  const titleIn = (s: Snapshot | null) => (typeof s?.title === 'string' ? s.title : undefined);
  for (const e of entries)
    if (e.entityType === 'activity') {
      const title = titleIn(e.after) ?? titleIn(e.before);
      if (title !== undefined) titles.set(Number(e.entityId), title);
    }
  for (const a of current) titles.set(a.id, a.title);
  const removed = new Set(removedIds);
  const reportActivity = new Map(reports.map((r) => [String(r.id), r.activityId]));
  const activityOf = (e: HistoryEntry): HistoryActivity | null => {
    const id =
      e.entityType === 'activity'
        ? Number(e.entityId)
        : e.entityType === 'activity_report'
          ? reportActivity.get(e.entityId)
          : undefined;
    if (id === undefined) return null;
    return {
      id,
      planId: carriedPlans.get(id) ?? plan.id,
      title: titles.get(id) ?? `nr ${id}`,
      removed: removed.has(id),
    };
  };

  return {
    plan,
    entries: entries.map((e) => ({ ...e, activity: activityOf(e) })).reverse(),
    names: await planHistoryNames(ctx, entries),
  };
}

/** Names for the ids plan and activity events store: owners' accounts, plans copied from, activities carried. */
async function planHistoryNames(ctx: AppContext, entries: readonly HistoryEntry[]): Promise<HistoryNames> {
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const accountIds = idsIn(entries, 'ownerUserId');
  const sourceActivityIds = idsIn(entries, 'carriedOverFromActivityId');
  const [networks, members, accounts, plans, sourcePlans] = await Promise.all([
    repos.collaboration.networks(collaboration.id),
    repos.collaboration.members(collaboration.id),
    accountIds.length ? repos.users.list() : Promise.resolve([]),
    repos.plans.plansByIds(idsIn(entries, 'copiedFromPlanId')),
    repos.plans.planIdsOfActivities(sourceActivityIds),
  ]);
  const sourceActivities = await repos.plans.activitiesOf([...new Set(sourcePlans.values())]);
  return {
    programmes: new Map(),
    networks: new Map(networks.map((n) => [n.id, n.name])),
    members: new Map(members.map((m) => [m.id, m.name])),
    bodies: new Map(),
    focusAreas: new Map(),
    goals: new Map(),
    accounts: new Map(accounts.map((u) => [u.id, u.name])),
    plans: new Map(plans.map((p) => [p.id, `${p.title} (${p.year})`])),
    activities: new Map(sourceActivities.map((a) => [a.id, a.title])),
  };
}
