import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ActivityReport, FollowUpRound, Reminder, ReportStatus } from '../domain/plans/follow-up.js';
import type { ClimateEffect } from '../domain/plans/plan.js';
import type { ActivityReportTable, Database, FollowUpRoundTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type NewRound = Omit<FollowUpRound, 'id'>;
/** A report to store; the climate assessment may be left out (not assessed). */
export type NewReport = Omit<ActivityReport, 'id' | 'climateEffect'> & { climateEffect?: ClimateEffect | null };

const toRound = (r: Selectable<FollowUpRoundTable>): FollowUpRound => ({
  id: r.id,
  collaborationId: r.collaboration_id,
  year: Number(r.year),
  name: r.name,
  periodEnd: r.period_end,
  dueDate: r.due_date,
});

const toReport = (r: Selectable<ActivityReportTable>): ActivityReport => ({
  id: r.id,
  activityId: r.activity_id,
  roundId: r.round_id,
  status: r.status as ReportStatus,
  progress: Number(r.progress),
  comment: r.comment,
  climateEffect: r.climate_effect as ClimateEffect | null,
  reportedByUserId: r.reported_by_user_id,
  reportedByName: r.reported_by_name,
  reportedAt: r.reported_at,
});

/** Follow-up rounds per plan year, the reports on activities and the reminders sent. */
export const followUpRepository = (db: Db) => ({
  /** The rounds of a year (or all years), in deadline order. */
  async rounds(collaborationId: number, year?: number): Promise<FollowUpRound[]> {
    let q = db.selectFrom('follow_up_rounds').selectAll().where('collaboration_id', '=', collaborationId);
    if (year !== undefined) q = q.where('year', '=', year);
    const rows = await q.orderBy('year').orderBy('due_date').orderBy('id').execute();
    return rows.map(toRound);
  },

  async roundById(id: number): Promise<FollowUpRound | undefined> {
    const row = await db.selectFrom('follow_up_rounds').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRound(row);
  },

  async insertRound(r: NewRound, now: string): Promise<FollowUpRound> {
    const row = await db
      .insertInto('follow_up_rounds')
      .values({
        collaboration_id: r.collaborationId,
        year: r.year,
        name: r.name,
        period_end: r.periodEnd,
        due_date: r.dueDate,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRound(row);
  },

  async updateRound(id: number, r: Pick<FollowUpRound, 'name' | 'periodEnd' | 'dueDate'>): Promise<void> {
    await db
      .updateTable('follow_up_rounds')
      .set({ name: r.name, period_end: r.periodEnd, due_date: r.dueDate })
      .where('id', '=', id)
      .execute();
  },

  /** Removes a round that has no reports (the caller checks); its reminders go with it. */
  async removeRound(id: number): Promise<void> {
    await db.deleteFrom('follow_up_reminders').where('round_id', '=', id).execute();
    await db.deleteFrom('follow_up_rounds').where('id', '=', id).execute();
  },

  async reportCount(roundId: number): Promise<number> {
    const row = await db
      .selectFrom('activity_reports')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('round_id', '=', roundId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  async report(activityId: number, roundId: number): Promise<ActivityReport | undefined> {
    const row = await db
      .selectFrom('activity_reports')
      .selectAll()
      .where('activity_id', '=', activityId)
      .where('round_id', '=', roundId)
      .executeTakeFirst();
    return row && toReport(row);
  },

  /** Stores the activity's report for the round, replacing an earlier one for the same round. */
  async saveReport(r: NewReport): Promise<ActivityReport> {
    const values = {
      status: r.status,
      progress: r.progress,
      comment: r.comment,
      climate_effect: r.climateEffect ?? null,
      reported_by_user_id: r.reportedByUserId,
      reported_by_name: r.reportedByName,
      reported_at: r.reportedAt,
    };
    const row = await db
      .insertInto('activity_reports')
      .values({ ...values, activity_id: r.activityId, round_id: r.roundId })
      .onConflict((oc) => oc.columns(['activity_id', 'round_id']).doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    return toReport(row);
  },

  /** All reports on the activities, oldest round first. */
  async reportsFor(activityIds: readonly number[]): Promise<ActivityReport[]> {
    if (activityIds.length === 0) return [];
    const rows = await db
      .selectFrom('activity_reports')
      .innerJoin('follow_up_rounds', 'follow_up_rounds.id', 'activity_reports.round_id')
      .selectAll('activity_reports')
      .where('activity_reports.activity_id', 'in', [...activityIds])
      .orderBy('follow_up_rounds.due_date')
      .orderBy('activity_reports.id')
      .execute();
    return rows.map(toReport);
  },

  async insertReminder(r: Omit<Reminder, 'id'>): Promise<Reminder> {
    const row = await db
      .insertInto('follow_up_reminders')
      .values({ round_id: r.roundId, activity_id: r.activityId, recipient: r.recipient, sent_at: r.sentAt })
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      id: row.id,
      roundId: row.round_id,
      activityId: row.activity_id,
      recipient: row.recipient,
      sentAt: row.sent_at,
    };
  },

  async remindersFor(roundIds: readonly number[]): Promise<Reminder[]> {
    if (roundIds.length === 0) return [];
    const rows = await db
      .selectFrom('follow_up_reminders')
      .selectAll()
      .where('round_id', 'in', [...roundIds])
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      roundId: row.round_id,
      activityId: row.activity_id,
      recipient: row.recipient,
      sentAt: row.sent_at,
    }));
  },
});

export type FollowUpRepository = ReturnType<typeof followUpRepository>;
