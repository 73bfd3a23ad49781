/**
 * One run of a job, whatever started it (a schedule, pg-boss, "Kör nu"): recorded in job_runs when it
 * starts and when it ends, counted in the metrics, and logged — a failure as `job.failed`.
 */
import { SYSTEM_PRINCIPAL, actingAs, readRepos, type AppContext } from '../app/context.js';
import type { Actor } from '../domain/auth/actor.js';
import { DomainError } from '../domain/errors.js';
import type { JobOutcome } from '../domain/jobs/job-run.js';
import type { Logger } from '../http/logging.js';
import { recordJobRun } from '../observability/metrics.js';
import type { JobDefinition, JobResult } from './job.js';

/** Who the history names for what a job changes. */
export const JOBS_ACTOR: Actor = { kind: 'system', name: 'schemalagda jobb' };

/** The longest message kept for a run. */
const MESSAGE_MAX = 2000;

export interface RunSetting {
  logger: Logger;
  /** Which instance runs it (host and process), as the list shows. */
  instanceId: string;
}

export interface FinishedRun extends JobResult {
  runId: number | null;
  durationMs: number;
}

/** A failure in words for the list: a domain error's problems with it, another error's message. */
export function failureMessage(error: unknown): string {
  if (error instanceof DomainError) {
    return [error.message, ...error.problems.map((p) => p.message).filter((m) => m !== error.message)].join(' ');
  }
  return error instanceof Error ? error.message : String(error);
}

const clip = (text: string) => (text.length > MESSAGE_MAX ? `${text.slice(0, MESSAGE_MAX - 1)}…` : text);

/**
 * Runs `job` as the system and records the run. Never throws for the job's own failure: that is
 * recorded and logged. `requestedBy` names the person who chose "Kör nu" ('' for the schedule).
 */
export async function runJob(
  ctx: AppContext,
  job: JobDefinition,
  setting: RunSetting,
  requestedBy = '',
): Promise<FinishedRun> {
  const system = actingAs(ctx, JOBS_ACTOR, SYSTEM_PRINCIPAL);
  const { logger, instanceId } = setting;
  const repos = readRepos(system);
  const started = performance.now();
  let runId: number | null = null;
  let result: JobResult;
  let thrown = false;
  try {
    runId = await repos.jobRuns.start({
      job: job.name,
      startedAt: system.now().toISOString(),
      instanceId,
      requestedBy,
    });
    result = await job.run(system);
  } catch (error) {
    thrown = true;
    result = { outcome: 'failed', message: failureMessage(error) };
    logger.error(
      {
        event: 'job.failed',
        job: job.name,
        instanceId,
        runId,
        error: error instanceof Error ? { type: error.name, message: error.message, stack: error.stack } : error,
      },
      `Jobbet ${job.name} misslyckades: ${result.message}`,
    );
  }
  const durationMs = performance.now() - started;
  const message = clip(result.message);
  if (result.outcome === 'failed' && !thrown) {
    // A failure the job reported itself (mails the server refused) is logged the same way.
    logger.error(
      { event: 'job.failed', job: job.name, instanceId, runId },
      `Jobbet ${job.name} misslyckades: ${message}`,
    );
  }
  if (runId !== null) {
    try {
      await repos.jobRuns.finish(runId, {
        finishedAt: system.now().toISOString(),
        outcome: result.outcome,
        message,
        durationMs,
      });
    } catch (error) {
      logger.error(
        { event: 'job.failed', job: job.name, instanceId, runId, error: failureMessage(error) },
        `Körningen av jobbet ${job.name} kunde inte sparas: ${failureMessage(error)}`,
      );
    }
  }
  recordJobRun(job.name, result.outcome, durationMs / 1000);
  logFinished(logger, job, instanceId, result.outcome, message, durationMs);
  return { ...result, message, runId, durationMs };
}

function logFinished(
  logger: Logger,
  job: JobDefinition,
  instanceId: string,
  outcome: JobOutcome,
  message: string,
  durationMs: number,
): void {
  const line = { job: job.name, instanceId, outcome, durationMs: Math.round(durationMs), message };
  logger.info({ event: 'job.finished', ...line }, `Jobbet ${job.name}: ${message}`);
}
