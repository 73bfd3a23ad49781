import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DecisionDate, DecisionOutcome } from '../domain/adoption/decision.js';
import type {
  Activity,
  ClimateEffect,
  Plan,
  PlanDecision,
  PlanKind,
  PlanState,
  SustainabilityDimension,
} from '../domain/plans/plan.js';
import type { Database, PlanActivityTable, PlanDecisionTable, PlanTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type NewPlan = Omit<Plan, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type NewActivity = Omit<Activity, 'id' | 'position' | 'version' | 'createdAt' | 'updatedAt'>;
export type ActivityChange = Omit<NewActivity, 'planId' | 'carriedOverFromActivityId'>;
export type NewPlanDecision = Omit<PlanDecision, 'id' | 'recordedAt'>;

export interface PlanFilter {
  collaborationId: number;
  networkId?: number;
  year?: number;
  states?: readonly PlanState[];
}

const toPlan = (r: Selectable<PlanTable>): Plan => ({
  id: r.id,
  collaborationId: r.collaboration_id,
  networkId: r.network_id,
  year: Number(r.year),
  kind: r.kind as PlanKind,
  title: r.title,
  parentPlanId: r.parent_plan_id,
  programmeId: r.programme_id,
  state: r.state as PlanState,
  summary: r.summary,
  isExample: Number(r.is_example) === 1,
  copiedFromPlanId: r.copied_from_plan_id,
  version: Number(r.version),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

type ActivityLinks = Pick<Activity, 'goalIds' | 'strategyIds' | 'memberIds'>;

const toActivity = (r: Selectable<PlanActivityTable>, links: ActivityLinks): Activity => ({
  id: r.id,
  planId: r.plan_id,
  position: Number(r.position),
  title: r.title,
  description: r.description,
  ...links,
  ownerName: r.owner_name,
  ownerUserId: r.owner_user_id,
  startDate: r.start_date,
  endDate: r.end_date,
  budgetKr: r.budget_kr === null ? null : Number(r.budget_kr),
  weight: Number(r.weight),
  climateEffect: r.climate_effect as ClimateEffect,
  climateJustification: r.climate_justification,
  dimension: r.dimension as SustainabilityDimension,
  carriedOverFromActivityId: r.carried_over_from_activity_id,
  version: Number(r.version),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toDecisionDate = (r: Selectable<PlanDecisionTable>): DecisionDate =>
  r.date_precision === 'unknown' || r.decided_on === null
    ? { precision: 'unknown' }
    : { precision: r.date_precision as 'exact' | 'on_or_before', date: r.decided_on };

const toPlanDecision = (r: Selectable<PlanDecisionTable>): PlanDecision => ({
  id: r.id,
  planId: r.plan_id,
  decided: toDecisionDate(r),
  paragraph: r.paragraph,
  outcome: r.outcome as DecisionOutcome,
  note: r.note,
  source: r.source,
  recordedAt: r.recorded_at,
});

const activityColumns = (a: ActivityChange, now: string) => ({
  title: a.title,
  description: a.description,
  owner_name: a.ownerName,
  owner_user_id: a.ownerUserId,
  start_date: a.startDate,
  end_date: a.endDate,
  budget_kr: a.budgetKr,
  weight: a.weight,
  climate_effect: a.climateEffect,
  climate_justification: a.climateJustification,
  dimension: a.dimension,
  updated_at: now,
});

/** Plans, their activities (with goals, strategies and members) and the committee's decisions on them. */
export const planRepository = (db: Db) => {
  async function writeLinks(activityId: number, a: ActivityLinks): Promise<void> {
    await db.deleteFrom('activity_goals').where('activity_id', '=', activityId).execute();
    await db.deleteFrom('activity_strategies').where('activity_id', '=', activityId).execute();
    await db.deleteFrom('activity_members').where('activity_id', '=', activityId).execute();
    if (a.goalIds.length)
      await db
        .insertInto('activity_goals')
        .values(a.goalIds.map((goal_id) => ({ activity_id: activityId, goal_id })))
        .execute();
    if (a.strategyIds.length)
      await db
        .insertInto('activity_strategies')
        .values(a.strategyIds.map((strategy_id) => ({ activity_id: activityId, strategy_id })))
        .execute();
    if (a.memberIds.length)
      await db
        .insertInto('activity_members')
        .values(a.memberIds.map((member_id) => ({ activity_id: activityId, member_id })))
        .execute();
  }

  /** Sets `columns` and bumps the version if the activity is at `expectedVersion`; false otherwise. */
  async function bumpActivity(
    id: number,
    expectedVersion: number,
    columns: Partial<ReturnType<typeof activityColumns>>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('plan_activities')
      .set((eb) => ({ ...columns, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async function withLinks(rows: Selectable<PlanActivityTable>[]): Promise<Activity[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [goals, strategies, members] = await Promise.all([
      db.selectFrom('activity_goals').selectAll().where('activity_id', 'in', ids).orderBy('goal_id').execute(),
      db.selectFrom('activity_strategies').selectAll().where('activity_id', 'in', ids).orderBy('strategy_id').execute(),
      db.selectFrom('activity_members').selectAll().where('activity_id', 'in', ids).orderBy('member_id').execute(),
    ]);
    const group = <T extends { activity_id: number }>(list: T[], pick: (t: T) => number) => {
      const map = new Map<number, number[]>();
      for (const t of list) map.set(t.activity_id, [...(map.get(t.activity_id) ?? []), pick(t)]);
      return map;
    };
    const g = group(goals, (x) => x.goal_id);
    const s = group(strategies, (x) => x.strategy_id);
    const m = group(members, (x) => x.member_id);
    return rows.map((r) =>
      toActivity(r, { goalIds: g.get(r.id) ?? [], strategyIds: s.get(r.id) ?? [], memberIds: m.get(r.id) ?? [] }),
    );
  }

  return {
    async insertPlan(p: NewPlan, now: string): Promise<Plan> {
      const row = await db
        .insertInto('plans')
        .values({
          collaboration_id: p.collaborationId,
          network_id: p.networkId,
          year: p.year,
          kind: p.kind,
          title: p.title,
          parent_plan_id: p.parentPlanId,
          programme_id: p.programmeId,
          state: p.state,
          summary: p.summary,
          is_example: p.isExample ? 1 : 0,
          copied_from_plan_id: p.copiedFromPlanId,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toPlan(row);
    },

    async planById(id: number): Promise<Plan | undefined> {
      const row = await db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toPlan(row);
    },

    /** By year, network, kind (operational first) and id. */
    async plans(filter: PlanFilter): Promise<Plan[]> {
      let q = db.selectFrom('plans').selectAll().where('collaboration_id', '=', filter.collaborationId);
      if (filter.networkId !== undefined) q = q.where('network_id', '=', filter.networkId);
      if (filter.year !== undefined) q = q.where('year', '=', filter.year);
      if (filter.states) {
        if (filter.states.length === 0) return [];
        q = q.where('state', 'in', [...filter.states]);
      }
      const rows = await q
        .orderBy('year', 'desc')
        .orderBy('network_id')
        .orderBy('kind', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toPlan);
    },

    async plansByIds(ids: readonly number[]): Promise<Plan[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('plans')
        .selectAll()
        .where('id', 'in', [...ids])
        .orderBy('id')
        .execute();
      return rows.map(toPlan);
    },

    /** The plan each activity belongs to, by activity id. */
    async planIdsOfActivities(activityIds: readonly number[]): Promise<Map<number, number>> {
      if (activityIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('plan_activities')
        .select(['id', 'plan_id'])
        .where('id', 'in', [...activityIds])
        .execute();
      return new Map(rows.map((r) => [r.id, r.plan_id]));
    },

    async actionPlansOf(planId: number): Promise<Plan[]> {
      const rows = await db
        .selectFrom('plans')
        .selectAll()
        .where('parent_plan_id', '=', planId)
        .orderBy('id')
        .execute();
      return rows.map(toPlan);
    },

    /** Sets the title and summary if the plan is still at `expectedVersion`; false when someone else changed it. */
    async updatePlan(
      id: number,
      change: Pick<Plan, 'title' | 'summary'>,
      expectedVersion: number,
      now: string,
    ): Promise<boolean> {
      const result = await db
        .updateTable('plans')
        .set((eb) => ({
          title: change.title,
          summary: change.summary,
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Moves the plan from `from` to `to`; false when it was not in `from` (someone else moved it). */
    async changeState(id: number, from: PlanState, to: PlanState, now: string): Promise<boolean> {
      const result = await db
        .updateTable('plans')
        .set((eb) => ({ state: to, version: eb('version', '+', 1), updated_at: now }))
        .where('id', '=', id)
        .where('state', '=', from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Bumps the plan's version (its activities changed). */
    async touch(id: number, now: string): Promise<void> {
      await db
        .updateTable('plans')
        .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
        .where('id', '=', id)
        .execute();
    },

    async insertActivity(a: NewActivity, now: string): Promise<Activity> {
      const last = await db
        .selectFrom('plan_activities')
        .select((eb) => eb.fn.max('position').as('max'))
        .where('plan_id', '=', a.planId)
        .executeTakeFirst();
      const row = await db
        .insertInto('plan_activities')
        .values({
          ...activityColumns(a, now),
          plan_id: a.planId,
          position: Number(last?.max ?? 0) + 1,
          carried_over_from_activity_id: a.carriedOverFromActivityId,
          created_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeLinks(row.id, a);
      return toActivity(row, { goalIds: [...a.goalIds], strategyIds: [...a.strategyIds], memberIds: [...a.memberIds] });
    },

    /**
     * Changes the activity if it is still at `expectedVersion` (bumping it); false, and nothing changed,
     * when someone else changed or removed it since.
     */
    async updateActivity(id: number, a: ActivityChange, expectedVersion: number, now: string): Promise<boolean> {
      if (!(await bumpActivity(id, expectedVersion, activityColumns(a, now)))) return false;
      await writeLinks(id, a);
      return true;
    },

    /**
     * Removes an activity with its links if it is still at `expectedVersion`, and remembers which plan it
     * was in (the plan's history lists it from the audit trail); false, and nothing removed, when someone
     * else changed or removed it since. The caller makes sure it has no reports (drafts have none).
     */
    async removeActivity(
      { id, planId }: Pick<Activity, 'id' | 'planId'>,
      expectedVersion: number,
      now: string,
    ): Promise<boolean> {
      // Claiming the row first also makes a concurrent change wait for this transaction.
      if (!(await bumpActivity(id, expectedVersion, { updated_at: now }))) return false;
      await writeLinks(id, { goalIds: [], strategyIds: [], memberIds: [] });
      await db.deleteFrom('follow_up_reminders').where('activity_id', '=', id).execute();
      await db.deleteFrom('plan_activities').where('id', '=', id).execute();
      await db.insertInto('removed_activities').values({ activity_id: id, plan_id: planId, removed_at: now }).execute();
      return true;
    },

    /** The ids of the activities removed from the plan, in the order they were removed. */
    async removedActivityIdsOf(planId: number): Promise<number[]> {
      const rows = await db
        .selectFrom('removed_activities')
        .select('activity_id')
        .where('plan_id', '=', planId)
        .orderBy('removed_at')
        .orderBy('activity_id')
        .execute();
      return rows.map((r) => r.activity_id);
    },

    /** The ids of the activities (in any plan) carried over from any of `activityIds`. */
    async activityIdsCarriedOverFrom(activityIds: readonly number[]): Promise<number[]> {
      if (activityIds.length === 0) return [];
      const rows = await db
        .selectFrom('plan_activities')
        .select('id')
        .where('carried_over_from_activity_id', 'in', [...activityIds])
        .orderBy('id')
        .execute();
      return rows.map((r) => r.id);
    },

    async activityById(id: number): Promise<Activity | undefined> {
      const rows = await db.selectFrom('plan_activities').selectAll().where('id', '=', id).execute();
      return (await withLinks(rows))[0];
    },

    /** The activities of the plans, in plan order then position. */
    async activitiesOf(planIds: readonly number[]): Promise<Activity[]> {
      if (planIds.length === 0) return [];
      const rows = await db
        .selectFrom('plan_activities')
        .selectAll()
        .where('plan_id', 'in', [...planIds])
        .orderBy('plan_id')
        .orderBy('position')
        .orderBy('id')
        .execute();
      const order = new Map(planIds.map((id, i) => [id, i]));
      return (await withLinks(rows)).sort(
        (a, b) => (order.get(a.planId) ?? 0) - (order.get(b.planId) ?? 0) || a.position - b.position,
      );
    },

    /** Activities (of any plan) that serve one of the goals. */
    async activityIdsForGoals(goalIds: readonly number[]): Promise<{ activityId: number; goalId: number }[]> {
      if (goalIds.length === 0) return [];
      const rows = await db
        .selectFrom('activity_goals')
        .selectAll()
        .where('goal_id', 'in', [...goalIds])
        .orderBy('activity_id')
        .execute();
      return rows.map((r) => ({ activityId: r.activity_id, goalId: r.goal_id }));
    },

    async insertDecision(d: NewPlanDecision, recordedAt: string): Promise<PlanDecision> {
      const row = await db
        .insertInto('plan_decisions')
        .values({
          plan_id: d.planId,
          decided_on: d.decided.precision === 'unknown' ? null : d.decided.date,
          date_precision: d.decided.precision,
          paragraph: d.paragraph,
          outcome: d.outcome,
          note: d.note,
          source: d.source,
          recorded_at: recordedAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toPlanDecision(row);
    },

    /** In recording order. */
    async decisionsOf(planIds: readonly number[]): Promise<PlanDecision[]> {
      if (planIds.length === 0) return [];
      const rows = await db
        .selectFrom('plan_decisions')
        .selectAll()
        .where('plan_id', 'in', [...planIds])
        .orderBy('id')
        .execute();
      return rows.map(toPlanDecision);
    },
  };
};

export type PlanRepository = ReturnType<typeof planRepository>;
