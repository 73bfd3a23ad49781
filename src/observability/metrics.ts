/**
 * The process's Prometheus metrics (prom-client), outside the HTTP layer so that the app layer (scheduled
 * jobs) can record into them without importing the web server. `/metrics` (src/http/operations.ts) reads
 * this registry together with what the HTTP app itself measures.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Every metric of ours starts with this. */
export const METRIC_PREFIX = 'samverkan_';

/** Process-wide metrics: Node's own (memory, CPU, event loop, garbage collection) and scheduled jobs. */
export const processMetrics = new Registry();

const jobRuns = new Counter({
  name: `${METRIC_PREFIX}job_runs_total`,
  help: 'Körningar av schemalagda jobb, per jobb och utfall (ok, failed, skipped).',
  labelNames: ['job', 'outcome'] as const,
  registers: [processMetrics],
});

const jobDuration = new Histogram({
  name: `${METRIC_PREFIX}job_duration_seconds`,
  help: 'Hur länge de schemalagda jobbens körningar tog, i sekunder.',
  labelNames: ['job', 'outcome'] as const,
  buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
  registers: [processMetrics],
});

export type JobOutcome = 'ok' | 'failed' | 'skipped';

/** One run of a scheduled job: its name, how it ended and how long it took. */
export function recordJobRun(job: string, outcome: JobOutcome, seconds: number): void {
  jobRuns.inc({ job, outcome });
  jobDuration.observe({ job, outcome }, Number.isFinite(seconds) && seconds >= 0 ? seconds : 0);
}

let defaultMetricsOn = false;

/**
 * Starts Node's default metrics (process memory, CPU, event loop lag, GC) once per process: only where
 * `/metrics` is served, as the event-loop monitor and the GC observer run from then on.
 */
export function collectProcessMetrics(): void {
  if (defaultMetricsOn) return;
  defaultMetricsOn = true;
  collectDefaultMetrics({ register: processMetrics });
}
