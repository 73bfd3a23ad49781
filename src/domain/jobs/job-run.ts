/**
 * The scheduled jobs and what one run of them left behind: a row per run (job_runs), whichever
 * instance of the service ran it.
 */

/** The jobs there are; each name is also its pg-boss queue and its key in the addresses. */
export const JOB_NAMES = ['kolada-sync', 'late-report-reminders', 'clear-expired'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export const isJobName = (value: string): value is JobName => (JOB_NAMES as readonly string[]).includes(value);

/** ok: did its work; skipped: had nothing it could do (the message says why); failed: an error stopped it. */
export type JobOutcome = 'ok' | 'failed' | 'skipped';

export interface JobRun {
  id: number;
  job: JobName;
  /** ISO timestamps; `finishedAt` and `outcome` are null while the run is under way. */
  startedAt: string;
  finishedAt: string | null;
  outcome: JobOutcome | null;
  /** What the run did, or why it was skipped or failed, in Swedish. */
  message: string;
  /** Which instance of the service ran it (host and process). */
  instanceId: string;
  durationMs: number | null;
  /** The person who asked for the run with "Kör nu"; '' for a run on the schedule. */
  requestedBy: string;
}
