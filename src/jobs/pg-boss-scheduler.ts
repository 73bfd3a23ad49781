/**
 * The jobs on PostgreSQL, where several instances may serve: pg-boss keeps one queue per job in its
 * own schema, and its schedules send each due run once however many instances are up (they agree
 * through the database). The queues are `stately`: at most one run of a job waits and one runs, on
 * whichever instance fetched it. "Kör nu" sends a run to the queue.
 */
import { PgBoss, type ConstructorOptions } from 'pg-boss';
import type { AppContext } from '../app/context.js';
import type { Storage } from '../storage/database.js';
import type { JobDefinition } from './job.js';
import type { JobsRuntime } from './jobs-runtime.js';
import { createLocalRunner } from './local-runner.js';
import type { RunSetting } from './run-job.js';
import { JOBS_TIME_ZONE } from './schedule.js';
import { untilIdleOr } from './stop.js';

/** What a test may change: pg-boss's clock and how often it looks (the defaults suit a deployment). */
export type PgBossTuning = Pick<
  ConstructorOptions,
  'clock' | 'cronMonitorIntervalSeconds' | 'cronWorkerIntervalSeconds'
> & {
  /** How often each instance looks for a run to do; default 2 seconds. */
  pollingIntervalSeconds?: number;
};

/**
 * pg-boss's schema: its own beside the application's — `pgboss`, or `<schema>_pgboss` when the
 * application's tables are in a schema of their own (as in the tests), so that two databases' or
 * schemas' jobs never meet.
 */
export const pgBossSchema = (storage: Pick<Storage, 'schema'>): string =>
  storage.schema ? `${storage.schema}_pgboss` : 'pgboss';

interface JobData {
  requestedBy?: string;
}

export async function startPgBossScheduler(
  ctx: AppContext,
  definitions: readonly JobDefinition[],
  setting: RunSetting,
  options: { databaseUrl: string; stopTimeoutMs: number; tuning?: PgBossTuning },
): Promise<JobsRuntime> {
  const { pollingIntervalSeconds = 2, ...tuning } = options.tuning ?? {};
  const runner = createLocalRunner(ctx, definitions, setting);
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: pgBossSchema(ctx.storage),
    max: 4,
    application_name: 'samverkan-jobs',
    instanceName: setting.instanceId,
    ...tuning,
  });
  boss.on('error', (error: Error) => {
    setting.logger.error(
      { event: 'jobs.error', instanceId: setting.instanceId, error: { type: error.name, message: error.message } },
      `Jobbköns fel (pg-boss): ${error.message}`,
    );
  });
  await boss.start();
  try {
    for (const job of definitions) {
      const queue = { retryLimit: 0, expireInSeconds: job.expireInSeconds };
      await boss.createQueue(job.name, { ...queue, policy: 'stately' });
      await boss.updateQueue(job.name, queue);
      if (job.cron === null) await boss.unschedule(job.name);
      else await boss.schedule(job.name, job.cron, null, { tz: JOBS_TIME_ZONE });
      await boss.work<JobData | null>(job.name, { pollingIntervalSeconds }, async ([task]) => {
        await runner.run(job.name, task?.data?.requestedBy ?? '');
      });
    }
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }
  return {
    mode: 'pg-boss',
    instanceId: setting.instanceId,
    definitions,
    runNow: async (name, requestedBy) => ((await boss.send(name, { requestedBy })) === null ? 'already' : 'queued'),
    async stop() {
      await boss.stop({ graceful: true, timeout: options.stopTimeoutMs });
      await untilIdleOr(runner, options.stopTimeoutMs);
    },
  };
}
