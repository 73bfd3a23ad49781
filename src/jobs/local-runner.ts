/** Runs jobs in this process, one run of a job at a time, and knows which are still going. */
import type { AppContext } from '../app/context.js';
import type { JobName } from '../domain/jobs/job-run.js';
import type { JobDefinition } from './job.js';
import { runJob, type FinishedRun, type RunSetting } from './run-job.js';

export interface LocalRunner {
  /** Runs the job now and waits for it; undefined when a run of it is already going here. */
  run(name: JobName, requestedBy?: string): Promise<FinishedRun | undefined>;
  /** Starts a run without waiting for it; false when one is already going here. */
  start(name: JobName, requestedBy?: string): boolean;
  /** Resolves when no run is going. */
  idle(): Promise<void>;
}

export function createLocalRunner(
  ctx: AppContext,
  definitions: readonly JobDefinition[],
  setting: RunSetting,
): LocalRunner {
  const running = new Map<JobName, Promise<FinishedRun>>();
  const definition = (name: JobName) => {
    const found = definitions.find((d) => d.name === name);
    if (!found) throw new Error(`Okänt jobb: ${name}`);
    return found;
  };
  const begin = (name: JobName, requestedBy: string) => {
    if (running.has(name)) return undefined;
    const run = runJob(ctx, definition(name), setting, requestedBy).finally(() => running.delete(name));
    running.set(name, run);
    return run;
  };
  return {
    run: (name, requestedBy = '') => begin(name, requestedBy) ?? Promise.resolve(undefined),
    start: (name, requestedBy = '') => begin(name, requestedBy) !== undefined,
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
  };
}
