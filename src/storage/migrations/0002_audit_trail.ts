import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StorageDialect } from '../dialect/dialect.js';

/**
 * The audit trail: one row per change, hash-chained (domain/audit/audit-chain.ts). Forward-only.
 *
 * Append-only twice over: the application has no code that updates or deletes a row, and triggers
 * refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) from anyone. A database administrator can
 * still drop the triggers; that is why the rows form a hash chain, which `samverkan audit verify`
 * checks.
 */
export const auditTrail = (dialect: StorageDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const text = 'text' as const;
    await db.schema
      .createTable('audit_events')
      // Not generated: the repository assigns last id + 1 under the chain lock, so the ids are the
      // chain's positions without gaps, and two appenders that read the same last row cannot both
      // insert (the primary key refuses the second) — the chain cannot fork.
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('occurred_at', text, (c) => c.notNull())
      .addColumn('actor_kind', text, (c) => c.notNull())
      .addColumn('actor_user_id', 'integer')
      .addColumn('actor_name', text, (c) => c.notNull())
      .addColumn('action', text, (c) => c.notNull())
      .addColumn('entity_type', text, (c) => c.notNull())
      .addColumn('entity_id', text, (c) => c.notNull())
      .addColumn('summary', text, (c) => c.notNull())
      .addColumn('before_json', text)
      .addColumn('after_json', text)
      .addColumn('prev_hash', text, (c) => c.notNull())
      .addColumn('hash', text, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('audit_events_entity_idx')
      .on('audit_events')
      .columns(['entity_type', 'entity_id'])
      .execute();
    for (const statement of dialect.appendOnlyTriggers('audit_events')) await sql.raw(statement).execute(db);
  },
});
