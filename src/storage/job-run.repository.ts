import type { Kysely, Selectable, Transaction } from 'kysely';
import type { JobName, JobOutcome, JobRun } from '../domain/jobs/job-run.js';
import type { Database, JobRunTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface JobRunStart {
  job: JobName;
  startedAt: string;
  instanceId: string;
  /** '' for a run on the schedule. */
  requestedBy?: string;
}

export interface JobRunEnd {
  finishedAt: string;
  outcome: JobOutcome;
  message: string;
  durationMs: number;
}

const toRun = (r: Selectable<JobRunTable>): JobRun => ({
  id: r.id,
  job: r.job as JobName,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  outcome: r.outcome as JobOutcome | null,
  message: r.message,
  instanceId: r.instance_id,
  durationMs: r.duration_ms,
  requestedBy: r.requested_by,
});

/** The runs of the scheduled jobs: one row each, written when it starts and completed when it ends. */
export const jobRunRepository = (db: Db) => ({
  async start(run: JobRunStart): Promise<number> {
    const row = await db
      .insertInto('job_runs')
      .values({
        job: run.job,
        started_at: run.startedAt,
        instance_id: run.instanceId,
        requested_by: run.requestedBy ?? '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async finish(id: number, end: JobRunEnd): Promise<void> {
    await db
      .updateTable('job_runs')
      .set({
        finished_at: end.finishedAt,
        outcome: end.outcome,
        message: end.message,
        duration_ms: Math.round(end.durationMs),
      })
      .where('id', '=', id)
      .execute();
  },

  /** The job's latest runs, newest first; only those with `outcome` when given. */
  async recent(job: JobName, limit: number, outcome?: JobOutcome): Promise<JobRun[]> {
    let query = db.selectFrom('job_runs').selectAll().where('job', '=', job);
    if (outcome) query = query.where('outcome', '=', outcome);
    const rows = await query.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toRun);
  },

  /** Runs that ended before `before` (finished, any outcome); returns how many were removed. */
  async removeFinishedBefore(before: string): Promise<number> {
    const result = await db
      .deleteFrom('job_runs')
      .where('finished_at', 'is not', null)
      .where('finished_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
});

export type JobRunRepository = ReturnType<typeof jobRunRepository>;
