/**
 * Starts the scheduled jobs of this instance: on PostgreSQL through pg-boss (each run once across the
 * instances), on SQLite in process. JOBS=off starts none. The jobs page finds them through
 * jobsRuntimeOf(storage).
 */
import { hostname } from 'node:os';
import type { AppContext } from '../app/context.js';
import type { Config } from '../config/env.js';
import { publicUrlOf } from '../config/oidc.js';
import type { JobName } from '../domain/jobs/job-run.js';
import type { Logger } from '../http/logging.js';
import type { KoladaClientOptions } from '../imports/kolada/kolada-client.js';
import { DEFAULT_SCHEDULES, jobDefinitions } from './job-definitions.js';
import { registerJobsRuntime, unregisterJobsRuntime, type JobsRuntime } from './jobs-runtime.js';
import { startInProcessScheduler } from './in-process-scheduler.js';
import { startPgBossScheduler, type PgBossTuning } from './pg-boss-scheduler.js';

export type JobsConfig = Pick<
  Config,
  'JOBS' | 'DATABASE_URL' | 'KOLADA_SYNC_SCHEDULE' | 'KOLADA_BASE_URL' | 'PUBLIC_URL' | 'HOST' | 'PORT'
>;

export interface StartJobsOptions {
  logger: Logger;
  config: JobsConfig;
  /** This instance's name in the list of runs; default host:process id. */
  instanceId?: string;
  /** Other schedules than the defaults (tests); null takes a job off its schedule. */
  schedules?: Partial<Record<JobName, string | null>>;
  /** Added to how Kolada is asked (tests: no waiting between retries). */
  kolada?: Omit<KoladaClientOptions, 'baseUrl'>;
  /** pg-boss's clock and intervals (tests). */
  pgBoss?: PgBossTuning;
  /** How long stop() waits for runs under way; default 10 seconds. */
  stopTimeoutMs?: number;
}

export interface RunningJobs {
  /** Takes no new runs, waits (a while) for those under way and lets go of the database. */
  stop(): Promise<void>;
}

export async function startJobs(ctx: AppContext, options: StartJobsOptions): Promise<RunningJobs> {
  const { logger, config } = options;
  if (config.JOBS === 'off') {
    logger.info({ event: 'jobs.off' }, 'Schemalagda jobb körs inte på den här instansen (JOBS=off).');
    return { stop: async () => undefined };
  }
  const instanceId = options.instanceId ?? `${hostname()}:${process.pid}`;
  const schedules = {
    ...DEFAULT_SCHEDULES,
    'kolada-sync': config.KOLADA_SYNC_SCHEDULE === 'off' ? null : config.KOLADA_SYNC_SCHEDULE,
    ...options.schedules,
  };
  const definitions = jobDefinitions({
    schedules,
    kolada: { ...options.kolada, baseUrl: config.KOLADA_BASE_URL },
    publicUrl: publicUrlOf(config),
  });
  const setting = { logger, instanceId };
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const runtime: JobsRuntime =
    ctx.storage.dialect.name === 'postgres'
      ? await startPgBossScheduler(ctx, definitions, setting, {
          databaseUrl: config.DATABASE_URL,
          stopTimeoutMs,
          ...(options.pgBoss ? { tuning: options.pgBoss } : {}),
        })
      : startInProcessScheduler(ctx, definitions, setting, stopTimeoutMs);
  registerJobsRuntime(ctx.storage, runtime);
  logger.info(
    { event: 'jobs.started', mode: runtime.mode, instanceId, schedules },
    `Schemalagda jobb startade (${runtime.mode === 'pg-boss' ? 'pg-boss' : 'i processen'}).`,
  );
  let stopping: Promise<void> | undefined;
  return {
    stop: () =>
      (stopping ??= (async () => {
        unregisterJobsRuntime(ctx.storage, runtime);
        await runtime.stop();
        logger.info({ event: 'jobs.stopped', instanceId }, 'Schemalagda jobb stoppade.');
      })()),
  };
}
