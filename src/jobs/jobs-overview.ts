/**
 * The scheduled jobs as the secretariat sees them (/admin/jobb): what each does, its schedule in words,
 * its last run, its next run and its recent failures; and "Kör nu", which has one run done soon.
 */
import { recordEvent } from '../app/audit/record-event.js';
import { authorize } from '../app/auth/authorize.js';
import { inTransaction, readRepos, type AppContext } from '../app/context.js';
import { actorLabel } from '../domain/auth/actor.js';
import { DomainError, notFound } from '../domain/errors.js';
import { isJobName, JOB_NAMES, type JobName, type JobRun } from '../domain/jobs/job-run.js';
import { jobsRuntimeOf, type JobsRuntime, type RunRequest } from './jobs-runtime.js';
import { JOB_TEXTS, scheduleInWords } from './jobs-sv.js';
import { nextRunAfter } from './schedule.js';

/** How many runs, and failures, the page lists per job. */
export const RECENT_RUNS = 5;

export interface JobStatus {
  name: JobName;
  title: string;
  description: string;
  /** null when this instance does not run the jobs (JOBS=off) or the job is off its schedule. */
  cron: string | null;
  scheduleText: string;
  /** ISO; null when not on a schedule here. */
  nextRunAt: string | null;
  lastRun: JobRun | null;
  /** The last run started and never ended within the job's time: its instance stopped under way. */
  lastRunAbandoned: boolean;
  recentRuns: JobRun[];
  recentFailures: JobRun[];
}

export interface JobsOverview {
  /** How the jobs run here: pg-boss, in process, or not at all (JOBS=off). */
  mode: JobsRuntime['mode'] | 'off';
  instanceId: string | null;
  jobs: JobStatus[];
}

const OFF_HERE = 'Körs inte av den här instansen (JOBS=off).';

export async function jobsOverview(ctx: AppContext): Promise<JobsOverview> {
  authorize(ctx, 'manage_jobs');
  const runtime = jobsRuntimeOf(ctx.storage);
  const repos = readRepos(ctx);
  const now = ctx.now();
  const jobs = await Promise.all(
    JOB_NAMES.map(async (name): Promise<JobStatus> => {
      const definition = runtime?.definitions.find((d) => d.name === name);
      const cron = definition?.cron ?? null;
      const [recentRuns, recentFailures] = await Promise.all([
        repos.jobRuns.recent(name, RECENT_RUNS),
        repos.jobRuns.recent(name, RECENT_RUNS, 'failed'),
      ]);
      const lastRun = recentRuns[0] ?? null;
      const expireMs = (definition?.expireInSeconds ?? 3600) * 1000;
      return {
        name,
        ...JOB_TEXTS[name],
        cron,
        scheduleText: runtime ? scheduleInWords(cron) : OFF_HERE,
        nextRunAt: cron === null ? null : (nextRunAfter(cron, now)?.toISOString() ?? null),
        lastRun,
        lastRunAbandoned:
          lastRun !== null && lastRun.outcome === null && now.getTime() - Date.parse(lastRun.startedAt) > expireMs,
        recentRuns,
        recentFailures,
      };
    }),
  );
  return { mode: runtime?.mode ?? 'off', instanceId: runtime?.instanceId ?? null, jobs };
}

/**
 * Has `name` run once, soon (on PostgreSQL on whichever instance fetches it first), and records who
 * asked. Refused when this instance runs no jobs. `already` when a run of it waits or goes already:
 * nothing more is queued then, and nothing recorded.
 */
export async function requestJobRun(ctx: AppContext, name: string): Promise<RunRequest> {
  authorize(ctx, 'manage_jobs');
  if (!isJobName(name)) throw notFound('Jobbet');
  const runtime = jobsRuntimeOf(ctx.storage);
  if (!runtime) {
    throw new DomainError('conflict', 'Den här instansen kör inga schemalagda jobb (JOBS=off), så inget kördes.');
  }
  const requestedBy = actorLabel(ctx.actor);
  const request = await runtime.runNow(name, requestedBy);
  if (request === 'queued') {
    await inTransaction(ctx, (repos) =>
      recordEvent(ctx, repos, {
        action: 'job.run_requested',
        entityType: 'job',
        entityId: name,
        summary: `Begärde en körning nu av jobbet ”${JOB_TEXTS[name].title}”.`,
        before: null,
        // Who asked is the event's actor; no name in the hashed snapshot (it must outlive erasing a person).
        after: { job: name },
      }),
    );
  }
  return request;
}
