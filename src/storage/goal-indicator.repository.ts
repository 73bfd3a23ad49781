import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Direction, GoalIndicator, Measure } from '../domain/indicators/goal-indicator.js';
import type { Database, GoalIndicatorTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

const toGoalIndicator = (r: Selectable<GoalIndicatorTable>): GoalIndicator => ({
  id: r.id,
  goalId: r.goal_id,
  indicatorId: r.indicator_id,
  measure: r.measure as Measure,
  areaCode: r.area_code,
  targetKind: r.target_kind as GoalIndicator['targetKind'],
  direction: r.direction as Direction,
  baseYear: Number(r.base_year),
  baseValue: r.base_value === null ? null : Number(r.base_value),
  targetYear: Number(r.target_year),
  targetValue: r.target_value === null ? null : Number(r.target_value),
  comparisonAreaCode: r.comparison_area_code,
  note: r.note,
  source: r.source,
});

/** Indicators linked to programme goals, with their targets. */
export const goalIndicatorRepository = (db: Db) => ({
  async insert(g: Omit<GoalIndicator, 'id'>, now: string): Promise<GoalIndicator> {
    const row = await db
      .insertInto('goal_indicators')
      .values({
        goal_id: g.goalId,
        indicator_id: g.indicatorId,
        measure: g.measure,
        area_code: g.areaCode,
        target_kind: g.targetKind,
        direction: g.direction,
        base_year: g.baseYear,
        base_value: g.baseValue,
        target_year: g.targetYear,
        target_value: g.targetValue,
        comparison_area_code: g.comparisonAreaCode,
        note: g.note,
        source: g.source,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toGoalIndicator(row);
  },

  async byId(id: number): Promise<GoalIndicator | undefined> {
    const row = await db.selectFrom('goal_indicators').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toGoalIndicator(row);
  },

  /** Removes one link; the audit trail keeps what it was. Returns whether it existed. */
  async remove(id: number): Promise<boolean> {
    const result = await db.deleteFrom('goal_indicators').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },

  async forGoals(goalIds: readonly number[]): Promise<GoalIndicator[]> {
    if (goalIds.length === 0) return [];
    const rows = await db
      .selectFrom('goal_indicators')
      .selectAll()
      .where('goal_id', 'in', goalIds)
      .orderBy('goal_id')
      .orderBy('id')
      .execute();
    return rows.map(toGoalIndicator);
  },

  async forIndicator(indicatorId: number): Promise<GoalIndicator[]> {
    const rows = await db
      .selectFrom('goal_indicators')
      .selectAll()
      .where('indicator_id', '=', indicatorId)
      .orderBy('id')
      .execute();
    return rows.map(toGoalIndicator);
  },
});

export type GoalIndicatorRepository = ReturnType<typeof goalIndicatorRepository>;
