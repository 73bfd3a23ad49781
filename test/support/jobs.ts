/**
 * The scheduled jobs in tests: their configuration for a test database, a log whose lines the test can
 * read, and waiting until a run has ended.
 */
import { vi } from 'vitest';
import { readRepos, type AppContext } from '../../src/app/context.js';
import type { JobName, JobRun } from '../../src/domain/jobs/job-run.js';
import { createLogger, type Logger } from '../../src/http/logging.js';
import type { JobsConfig } from '../../src/jobs/start-jobs.js';
import type { TestStorage } from './databases.js';

/** JOBS=on against `storage`, with Kolada at `koladaUrl` (the replay server) and the default schedules. */
export const jobsConfig = (storage: TestStorage, overrides: Partial<JobsConfig> = {}): JobsConfig => ({
  JOBS: 'on',
  DATABASE_URL: storage.url,
  KOLADA_SYNC_SCHEDULE: '15 3 * * *',
  KOLADA_BASE_URL: 'http://127.0.0.1:9/v3',
  PUBLIC_URL: 'https://samverkan.test',
  HOST: '127.0.0.1',
  PORT: 3000,
  ...overrides,
});

export interface CapturedLogger {
  logger: Logger;
  /** The lines written so far, parsed. */
  lines(): Record<string, unknown>[];
}

export function capturedLogger(): CapturedLogger {
  let text = '';
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void (text += line) } });
  return {
    logger,
    lines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** The job's runs that have ended, newest first. */
export const finishedRuns = async (ctx: AppContext, job: JobName): Promise<JobRun[]> =>
  (await readRepos(ctx).jobRuns.recent(job, 50)).filter((run) => run.finishedAt !== null);

/** Waits (up to `timeout` ms) until the job has `count` ended runs, and returns them, newest first. */
export async function untilFinished(ctx: AppContext, job: JobName, count = 1, timeout = 20_000): Promise<JobRun[]> {
  return vi.waitFor(
    async () => {
      const runs = await finishedRuns(ctx, job);
      if (runs.length < count) throw new Error(`${job}: ${runs.length} av ${count} körningar klara`);
      return runs;
    },
    { timeout, interval: 100 },
  );
}
