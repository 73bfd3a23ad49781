import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StorageDialect } from '../dialect/dialect.js';

/**
 * Consultations (samråd) on proposed programme versions: one per version, with its dates; the public's
 * comments per part of the programme (stored unconfirmed until the address is confirmed by a mailed link,
 * whose token is kept only as its SHA-256), the reports on them and the moderators' actions, the
 * secretariat's themes and answers, and the attempts counted against floods (keys hashed, so no client
 * address is stored). Nothing here is ever deleted by the service but expired attempts. Forward-only.
 */
export const consultations = (dialect: StorageDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const id = dialect.idColumn;
    const text = 'text' as const;

    await db.schema
      .createTable('consultations')
      .addColumn('id', 'integer', id)
      .addColumn('programme_id', 'integer', (c) => c.notNull().unique().references('programmes.id'))
      .addColumn('start_date', text, (c) => c.notNull())
      .addColumn('end_date', text, (c) => c.notNull())
      .addColumn('responsible', text, (c) => c.notNull())
      .addColumn('description', text, (c) => c.notNull().defaultTo(''))
      .addColumn('reports_to_hide', 'integer', (c) => c.notNull().defaultTo(3))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('consultation_themes')
      .addColumn('id', 'integer', id)
      .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id'))
      .addColumn('title', text, (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('consultation_comments')
      .addColumn('id', 'integer', id)
      .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id'))
      // focus_area, goal or strategy, and its id in the consulted (proposed, so fixed) version.
      .addColumn('part_kind', text, (c) => c.notNull())
      .addColumn('part_id', 'integer', (c) => c.notNull())
      .addColumn('display_name', text, (c) => c.notNull())
      .addColumn('email', text, (c) => c.notNull())
      .addColumn('body', text, (c) => c.notNull())
      // unconfirmed, published or hidden.
      .addColumn('status', text, (c) => c.notNull())
      .addColumn('theme_id', 'integer', (c) => c.references('consultation_themes.id'))
      .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
      // SHA-256 of the confirmation link's token; null once used.
      .addColumn('confirm_token_hash', text, (c) => c.unique())
      .addColumn('confirm_expires_at', text, (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('confirmed_at', text)
      .addColumn('hidden_at', text)
      .addColumn('hidden_reason', text, (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .createIndex('consultation_comments_consultation_idx')
      .on('consultation_comments')
      .columns(['consultation_id', 'status'])
      .execute();

    await db.schema
      .createTable('consultation_reports')
      .addColumn('id', 'integer', id)
      .addColumn('comment_id', 'integer', (c) => c.notNull().references('consultation_comments.id'))
      .addColumn('reason', text, (c) => c.notNull())
      .addColumn('details', text, (c) => c.notNull().defaultTo(''))
      // SHA-256 of the reporter's client address: one report per address and comment, no address kept.
      .addColumn('reporter_hash', text, (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('consultation_reports_once_idx')
      .on('consultation_reports')
      .columns(['comment_id', 'reporter_hash'])
      .unique()
      .execute();

    await db.schema
      .createTable('consultation_moderations')
      .addColumn('id', 'integer', id)
      .addColumn('comment_id', 'integer', (c) => c.notNull().references('consultation_comments.id'))
      // hidden, auto_hidden or restored.
      .addColumn('action', text, (c) => c.notNull())
      .addColumn('reason', text, (c) => c.notNull())
      .addColumn('actor_name', text, (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('consultation_moderations_comment_idx')
      .on('consultation_moderations')
      .column('comment_id')
      .execute();

    await db.schema
      .createTable('consultation_answers')
      .addColumn('id', 'integer', id)
      .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id'))
      .addColumn('comment_id', 'integer', (c) => c.unique().references('consultation_comments.id'))
      .addColumn('theme_id', 'integer', (c) => c.unique().references('consultation_themes.id'))
      .addColumn('body', text, (c) => c.notNull())
      .addColumn('outcome', text, (c) => c.notNull())
      // draft or published.
      .addColumn('status', text, (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull())
      .addColumn('published_at', text)
      .addCheckConstraint('consultation_answers_one_subject', sql`(comment_id is null) <> (theme_id is null)`)
      .execute();

    // Counted against floods: one row per comment or report sent, keyed by a hash of the address or e-mail.
    await db.schema
      .createTable('consultation_attempts')
      .addColumn('id', 'integer', id)
      .addColumn('key', text, (c) => c.notNull())
      .addColumn('occurred_at', text, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('consultation_attempts_key_idx')
      .on('consultation_attempts')
      .columns(['key', 'occurred_at'])
      .execute();
  },
});
