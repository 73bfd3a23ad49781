/**
 * The jobs on SQLite, where one instance serves: each job on its schedule in this process (croner,
 * Swedish time), never two runs of one job at a time. "Kör nu" starts a run here at once.
 */
import type { AppContext } from '../app/context.js';
import type { JobDefinition } from './job.js';
import type { JobsRuntime } from './jobs-runtime.js';
import { createLocalRunner } from './local-runner.js';
import type { RunSetting } from './run-job.js';
import { everyTimeOf } from './schedule.js';
import { untilIdleOr } from './stop.js';

export function startInProcessScheduler(
  ctx: AppContext,
  definitions: readonly JobDefinition[],
  setting: RunSetting,
  stopTimeoutMs: number,
): JobsRuntime {
  const runner = createLocalRunner(ctx, definitions, setting);
  const timers = definitions
    .filter((job): job is JobDefinition & { cron: string } => job.cron !== null)
    .map((job) => everyTimeOf(job.cron, () => runner.run(job.name)));
  return {
    mode: 'in-process',
    instanceId: setting.instanceId,
    definitions,
    runNow: async (name, requestedBy) => (runner.start(name, requestedBy) ? 'queued' : 'already'),
    async stop() {
      for (const timer of timers) timer.stop();
      await untilIdleOr(runner, stopTimeoutMs);
    },
  };
}
