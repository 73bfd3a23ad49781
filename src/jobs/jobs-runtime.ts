/**
 * The jobs this process runs, found from the storage they run against: the jobs page asks it for the
 * schedules and to run a job now, without the web layer holding the scheduler.
 */
import type { JobName } from '../domain/jobs/job-run.js';
import type { Storage } from '../storage/database.js';
import type { JobDefinition } from './job.js';

/** queued: it will run once, on some instance; already: a run of it is waiting or going already. */
export type RunRequest = 'queued' | 'already';

export interface JobsRuntime {
  /** pg-boss on PostgreSQL (once across the instances), in process on SQLite. */
  mode: 'pg-boss' | 'in-process';
  instanceId: string;
  definitions: readonly JobDefinition[];
  /** Has the job run once, soon; `requestedBy` names who asked. */
  runNow(name: JobName, requestedBy: string): Promise<RunRequest>;
  stop(): Promise<void>;
}

const runtimes = new WeakMap<Storage, JobsRuntime>();

export function registerJobsRuntime(storage: Storage, runtime: JobsRuntime): void {
  if (runtimes.has(storage)) throw new Error('Jobben körs redan mot den här databasen i den här processen.');
  runtimes.set(storage, runtime);
}

export function unregisterJobsRuntime(storage: Storage, runtime: JobsRuntime): void {
  if (runtimes.get(storage) === runtime) runtimes.delete(storage);
}

/** The jobs running against `storage` in this process; undefined when none (JOBS=off). */
export const jobsRuntimeOf = (storage: Storage): JobsRuntime | undefined => runtimes.get(storage);
