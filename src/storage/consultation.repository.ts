import type { Kysely, Selectable, Transaction } from 'kysely';
import type {
  Answer,
  AnswerOutcome,
  AnswerStatus,
  CommentReport,
  CommentStatus,
  Consultation,
  ConsultationComment,
  ModerationAction,
  ModerationEntry,
  PartKind,
  PartRef,
  ReportReason,
  Theme,
} from '../domain/consultation/consultation.js';
import type { ConsultationAnswerTable, ConsultationCommentTable, ConsultationTable, Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

const toConsultation = (r: Selectable<ConsultationTable>): Consultation => ({
  id: r.id,
  programmeId: r.programme_id,
  startDate: r.start_date,
  endDate: r.end_date,
  responsible: r.responsible,
  description: r.description,
  reportsToHide: r.reports_to_hide,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toComment = (r: Selectable<ConsultationCommentTable>): ConsultationComment => ({
  id: r.id,
  consultationId: r.consultation_id,
  part: { kind: r.part_kind as PartKind, id: r.part_id },
  displayName: r.display_name,
  email: r.email,
  body: r.body,
  status: r.status as CommentStatus,
  themeId: r.theme_id,
  reportCount: Number(r.report_count),
  createdAt: r.created_at,
  confirmedAt: r.confirmed_at,
  hiddenAt: r.hidden_at,
  hiddenReason: r.hidden_reason,
});

const toAnswer = (r: Selectable<ConsultationAnswerTable>): Answer => ({
  id: r.id,
  consultationId: r.consultation_id,
  commentId: r.comment_id,
  themeId: r.theme_id,
  body: r.body,
  outcome: r.outcome as AnswerOutcome,
  status: r.status as AnswerStatus,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  publishedAt: r.published_at,
});

export interface ConsultationSettings {
  startDate: string;
  endDate: string;
  responsible: string;
  description: string;
  reportsToHide: number;
}

const settingColumns = (s: ConsultationSettings) => ({
  start_date: s.startDate,
  end_date: s.endDate,
  responsible: s.responsible,
  description: s.description,
  reports_to_hide: s.reportsToHide,
});

export interface NewComment {
  consultationId: number;
  part: PartRef;
  displayName: string;
  email: string;
  body: string;
  tokenHash: string;
  expiresAt: string;
}

/** A comment removed because it was never confirmed (see removeUnconfirmedExpired). */
export interface UnconfirmedCommentRemoved {
  id: number;
  consultationId: number;
  createdAt: string;
}

export interface AnswerFields {
  body: string;
  outcome: AnswerOutcome;
  status: AnswerStatus;
}

/** Consultations with their comments, reports, moderation, themes, answers and flood counts. */
export const consultationRepository = (db: Db) => ({
  async byProgramme(programmeId: number): Promise<Consultation | undefined> {
    const row = await db
      .selectFrom('consultations')
      .selectAll()
      .where('programme_id', '=', programmeId)
      .executeTakeFirst();
    return row && toConsultation(row);
  },

  async byId(id: number): Promise<Consultation | undefined> {
    const row = await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toConsultation(row);
  },

  async list(): Promise<Consultation[]> {
    const rows = await db.selectFrom('consultations').selectAll().orderBy('id').execute();
    return rows.map(toConsultation);
  },

  /** The new consultation; undefined when the version has one already (nothing stored). */
  async insert(programmeId: number, settings: ConsultationSettings, at: string): Promise<Consultation | undefined> {
    const row = await db
      .insertInto('consultations')
      .values({ programme_id: programmeId, ...settingColumns(settings), created_at: at, updated_at: at })
      .onConflict((oc) => oc.column('programme_id').doNothing())
      .returningAll()
      .executeTakeFirst();
    return row && toConsultation(row);
  },

  /** Saves over `expectedVersion`; undefined when it changed since (nothing saved). */
  async update(
    id: number,
    settings: ConsultationSettings,
    expectedVersion: number,
    at: string,
  ): Promise<Consultation | undefined> {
    const row = await db
      .updateTable('consultations')
      .set((eb) => ({ ...settingColumns(settings), updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
    return row && toConsultation(row);
  },

  async insertComment(c: NewComment, at: string): Promise<ConsultationComment> {
    const row = await db
      .insertInto('consultation_comments')
      .values({
        consultation_id: c.consultationId,
        part_kind: c.part.kind,
        part_id: c.part.id,
        display_name: c.displayName,
        email: c.email,
        body: c.body,
        status: 'unconfirmed',
        confirm_token_hash: c.tokenHash,
        confirm_expires_at: c.expiresAt,
        created_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toComment(row);
  },

  async comment(id: number): Promise<ConsultationComment | undefined> {
    const row = await db.selectFrom('consultation_comments').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toComment(row);
  },

  /** The unconfirmed comment a confirmation link is for, while the link is usable. */
  async commentByToken(tokenHash: string, now: string): Promise<ConsultationComment | undefined> {
    const row = await db
      .selectFrom('consultation_comments')
      .selectAll()
      .where('confirm_token_hash', '=', tokenHash)
      .where('status', '=', 'unconfirmed')
      .where('confirm_expires_at', '>', now)
      .executeTakeFirst();
    return row && toComment(row);
  },

  /** Publishes the comment of a usable link and spends the link; undefined when the link is not usable. */
  async confirm(tokenHash: string, now: string): Promise<ConsultationComment | undefined> {
    const row = await db
      .updateTable('consultation_comments')
      .set({ status: 'published', confirmed_at: now, confirm_token_hash: null })
      .where('confirm_token_hash', '=', tokenHash)
      .where('status', '=', 'unconfirmed')
      .where('confirm_expires_at', '>', now)
      .returningAll()
      .executeTakeFirst();
    return row && toComment(row);
  },

  /** The comments of a consultation in the order they came; only those in `statuses` when given. */
  async comments(consultationId: number, statuses?: readonly CommentStatus[]): Promise<ConsultationComment[]> {
    let query = db.selectFrom('consultation_comments').selectAll().where('consultation_id', '=', consultationId);
    if (statuses) query = query.where('status', 'in', [...statuses]);
    const rows = await query.orderBy('id').execute();
    return rows.map(toComment);
  },

  /** One more report on a comment; returns the comment with its new count. */
  async countReport(commentId: number): Promise<ConsultationComment> {
    const row = await db
      .updateTable('consultation_comments')
      .set((eb) => ({ report_count: eb('report_count', '+', 1) }))
      .where('id', '=', commentId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toComment(row);
  },

  /** Hides a comment with the reason its author is told; a moderator's look resets the report count. */
  async hide(commentId: number, reason: string, at: string, resetReports: boolean): Promise<ConsultationComment> {
    const row = await db
      .updateTable('consultation_comments')
      .set({ status: 'hidden', hidden_at: at, hidden_reason: reason, ...(resetReports ? { report_count: 0 } : {}) })
      .where('id', '=', commentId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toComment(row);
  },

  async restore(commentId: number): Promise<ConsultationComment> {
    const row = await db
      .updateTable('consultation_comments')
      .set({ status: 'published', hidden_at: null, hidden_reason: '', report_count: 0 })
      .where('id', '=', commentId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toComment(row);
  },

  async setTheme(commentIds: readonly number[], themeId: number | null): Promise<void> {
    if (commentIds.length === 0) return;
    await db
      .updateTable('consultation_comments')
      .set({ theme_id: themeId })
      .where('id', 'in', [...commentIds])
      .execute();
  },

  /** Stores a report; false when this address has reported the comment before (nothing stored). */
  async insertReport(
    r: { commentId: number; reason: ReportReason; details: string; reporterHash: string },
    at: string,
  ): Promise<boolean> {
    const row = await db
      .insertInto('consultation_reports')
      .values({
        comment_id: r.commentId,
        reason: r.reason,
        details: r.details,
        reporter_hash: r.reporterHash,
        created_at: at,
      })
      .onConflict((oc) => oc.columns(['comment_id', 'reporter_hash']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  },

  async reportsFor(commentIds: readonly number[]): Promise<CommentReport[]> {
    if (commentIds.length === 0) return [];
    const rows = await db
      .selectFrom('consultation_reports')
      .select(['id', 'comment_id', 'reason', 'details', 'created_at'])
      .where('comment_id', 'in', [...commentIds])
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      commentId: r.comment_id,
      reason: r.reason as ReportReason,
      details: r.details,
      createdAt: r.created_at,
    }));
  },

  async insertModeration(
    m: { commentId: number; action: ModerationAction; reason: string; actorName: string },
    at: string,
  ): Promise<void> {
    await db
      .insertInto('consultation_moderations')
      .values({ comment_id: m.commentId, action: m.action, reason: m.reason, actor_name: m.actorName, created_at: at })
      .execute();
  },

  async moderationsFor(commentIds: readonly number[]): Promise<ModerationEntry[]> {
    if (commentIds.length === 0) return [];
    const rows = await db
      .selectFrom('consultation_moderations')
      .selectAll()
      .where('comment_id', 'in', [...commentIds])
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      commentId: r.comment_id,
      action: r.action as ModerationAction,
      reason: r.reason,
      actorName: r.actor_name,
      createdAt: r.created_at,
    }));
  },

  async insertTheme(consultationId: number, title: string, at: string): Promise<Theme> {
    const row = await db
      .insertInto('consultation_themes')
      .values({ consultation_id: consultationId, title, created_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { id: row.id, consultationId: row.consultation_id, title: row.title, createdAt: row.created_at };
  },

  async themes(consultationId: number): Promise<Theme[]> {
    const rows = await db
      .selectFrom('consultation_themes')
      .selectAll()
      .where('consultation_id', '=', consultationId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, consultationId: r.consultation_id, title: r.title, createdAt: r.created_at }));
  },

  async answers(consultationId: number): Promise<Answer[]> {
    const rows = await db
      .selectFrom('consultation_answers')
      .selectAll()
      .where('consultation_id', '=', consultationId)
      .orderBy('id')
      .execute();
    return rows.map(toAnswer);
  },

  /** The first answer to a comment or theme; undefined when someone answered it first (nothing stored). */
  async insertAnswer(
    consultationId: number,
    subject: { commentId: number } | { themeId: number },
    fields: AnswerFields,
    at: string,
  ): Promise<Answer | undefined> {
    const column = 'commentId' in subject ? 'comment_id' : 'theme_id';
    const row = await db
      .insertInto('consultation_answers')
      .values({
        consultation_id: consultationId,
        comment_id: 'commentId' in subject ? subject.commentId : null,
        theme_id: 'themeId' in subject ? subject.themeId : null,
        body: fields.body,
        outcome: fields.outcome,
        status: fields.status,
        created_at: at,
        updated_at: at,
        published_at: fields.status === 'published' ? at : null,
      })
      .onConflict((oc) => oc.column(column).doNothing())
      .returningAll()
      .executeTakeFirst();
    return row && toAnswer(row);
  },

  /** Saves over `expectedVersion`; undefined when it changed since. Publishing keeps the first publication date. */
  async updateAnswer(
    id: number,
    fields: AnswerFields,
    expectedVersion: number,
    at: string,
  ): Promise<Answer | undefined> {
    const row = await db
      .updateTable('consultation_answers')
      .set((eb) => ({
        body: fields.body,
        outcome: fields.outcome,
        status: fields.status,
        updated_at: at,
        version: eb('version', '+', 1),
        published_at:
          fields.status === 'published' ? eb.fn.coalesce('published_at', eb.val(at)) : eb.val<string | null>(null),
      }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
    return row && toAnswer(row);
  },

  async recordAttempt(keys: readonly string[], at: string): Promise<void> {
    if (keys.length === 0) return;
    await db
      .insertInto('consultation_attempts')
      .values(keys.map((key) => ({ key, occurred_at: at })))
      .execute();
  },

  async attemptsSince(key: string, since: string): Promise<number> {
    const row = await db
      .selectFrom('consultation_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', '=', key)
      .where('occurred_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Attempts older than any window: nothing counts them any more. Returns how many were removed. */
  async pruneAttempts(before: string): Promise<number> {
    const result = await db.deleteFrom('consultation_attempts').where('occurred_at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  /**
   * Removes the comments never confirmed whose link has expired (they can never be published) and
   * returns them. One that a report, moderation or answer points at is kept.
   */
  async removeUnconfirmedExpired(now: string): Promise<UnconfirmedCommentRemoved[]> {
    return db
      .deleteFrom('consultation_comments')
      .where('status', '=', 'unconfirmed')
      .where('confirm_expires_at', '<=', now)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('consultation_reports as r')
              .select('r.id')
              .whereRef('r.comment_id', '=', 'consultation_comments.id')
              .union(
                selectFrom('consultation_moderations as m')
                  .select('m.id')
                  .whereRef('m.comment_id', '=', 'consultation_comments.id'),
              )
              .union(
                selectFrom('consultation_answers as a')
                  .select('a.id')
                  .whereRef('a.comment_id', '=', 'consultation_comments.id'),
              ),
          ),
        ),
      )
      .returning(['id', 'consultation_id as consultationId', 'created_at as createdAt'])
      .execute();
  },
});

export type ConsultationRepository = ReturnType<typeof consultationRepository>;
