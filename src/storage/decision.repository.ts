import type { Kysely, Transaction } from 'kysely';
import type { BodyKind, Decision, DecisionDate, DecisionOutcome } from '../domain/adoption/decision.js';
import type { Database, DecisionRow } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type NewDecision = Omit<Decision, 'id' | 'recordedAt'>;

const toDecisionDate = (row: DecisionRow): DecisionDate =>
  row.date_precision === 'unknown' || row.decided_on === null
    ? { precision: 'unknown' }
    : { precision: row.date_precision as 'exact' | 'on_or_before', date: row.decided_on };

const toDecision = (row: DecisionRow): Decision => ({
  id: row.id,
  programmeId: row.programme_id,
  memberId: row.member_id,
  bodyId: row.body_id,
  bodyKind: row.body_kind as BodyKind,
  decided: toDecisionDate(row),
  paragraph: row.paragraph,
  outcome: row.outcome as DecisionOutcome,
  note: row.note,
  source: row.source,
  recordedAt: row.recorded_at,
});

/** Members' decisions on programmes. Append-only: decisions are public records. */
export const decisionRepository = (db: Db) => ({
  /** In recording order, which the status rule uses to order same-day decisions. */
  async forProgrammes(programmeIds: number[]): Promise<Decision[]> {
    if (programmeIds.length === 0) return [];
    const rows = await db
      .selectFrom('decisions')
      .selectAll()
      .where('programme_id', 'in', programmeIds)
      .orderBy('id')
      .execute();
    return rows.map(toDecision);
  },

  async byId(id: number): Promise<Decision | undefined> {
    const row = await db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toDecision(row);
  },

  async insert(decision: NewDecision, recordedAt: string): Promise<Decision> {
    const row = await db
      .insertInto('decisions')
      .values({
        programme_id: decision.programmeId,
        member_id: decision.memberId,
        body_id: decision.bodyId,
        body_kind: decision.bodyKind,
        decided_on: decision.decided.precision === 'unknown' ? null : decision.decided.date,
        date_precision: decision.decided.precision,
        paragraph: decision.paragraph,
        outcome: decision.outcome,
        note: decision.note,
        source: decision.source,
        recorded_at: recordedAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toDecision(row);
  },
});

export type DecisionRepository = ReturnType<typeof decisionRepository>;
