import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StorageDialect } from '../dialect/dialect.js';

/**
 * One row per run of a scheduled job (Kolada's nightly sync, the late-report reminders, clearing what
 * has expired), whichever instance ran it: when it started and finished, how it went (ok, failed or
 * skipped; null while it runs), what it did or why not, the instance, and who asked when it was run by
 * hand. The secretariat's jobs page reads it. Forward-only.
 */
export const jobRuns = (dialect: StorageDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const text = 'text' as const;
    await db.schema
      .createTable('job_runs')
      .addColumn('id', 'integer', dialect.idColumn)
      .addColumn('job', text, (c) => c.notNull())
      .addColumn('started_at', text, (c) => c.notNull())
      .addColumn('finished_at', text)
      .addColumn('outcome', text)
      .addColumn('message', text, (c) => c.notNull().defaultTo(''))
      .addColumn('instance_id', text, (c) => c.notNull())
      .addColumn('duration_ms', 'integer')
      .addColumn('requested_by', text, (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.createIndex('job_runs_job_started_idx').on('job_runs').columns(['job', 'started_at']).execute();
  },
});
