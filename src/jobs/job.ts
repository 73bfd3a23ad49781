import type { AppContext } from '../app/context.js';
import type { JobName, JobOutcome } from '../domain/jobs/job-run.js';

/** What a run did: its outcome and, in Swedish, what it did or why not. */
export interface JobResult {
  outcome: JobOutcome;
  message: string;
}

/** A job as the schedulers run it. */
export interface JobDefinition {
  name: JobName;
  /** Its cron expression in Swedish time (see schedule.ts); null: not on a schedule, only "Kör nu". */
  cron: string | null;
  /** How long a run may take; longer, and it counts as abandoned (and pg-boss lets it go). */
  expireInSeconds: number;
  /** Does the work as the system; throwing makes the run a failure. */
  run(ctx: AppContext): Promise<JobResult>;
}
