/**
 * The jobs' schedules: cron expressions in Swedish time. pg-boss (cron-parser) evaluates them on
 * PostgreSQL and croner in process on SQLite; both read five fields (minute hour day month weekday),
 * or six with seconds first, with weekday 0 or 7 for Sunday.
 */
import { Cron } from 'croner';

/** Every schedule is read in this zone, summer and winter time included. */
export const JOBS_TIME_ZONE = 'Europe/Stockholm';

const cronOptions = { timezone: JOBS_TIME_ZONE, mode: '5-or-6-parts' } as const;

/** Null when `expression` is a schedule the jobs can run on; otherwise why not, in Swedish. */
export function cronProblem(expression: string): string | null {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5 && fields.length !== 6) {
    return 'ska vara ett cron-uttryck med fem fält (minut timme dag månad veckodag), till exempel 15 3 * * *, eller off';
  }
  try {
    const cron = new Cron(expression, { ...cronOptions, paused: true });
    const next = cron.nextRun();
    cron.stop();
    return next === null ? 'inträffar aldrig' : null;
  } catch (error) {
    return `är inget giltigt cron-uttryck (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** When the schedule fires next after `after`; null if never. */
export function nextRunAfter(expression: string, after: Date): Date | null {
  const cron = new Cron(expression, { ...cronOptions, paused: true });
  try {
    return cron.nextRun(after);
  } finally {
    cron.stop();
  }
}

/** Runs `work` on the schedule in this process; a run still going when the next is due is not overlapped. */
export function everyTimeOf(expression: string, work: () => Promise<unknown>): { stop(): void } {
  const cron = new Cron(expression, { ...cronOptions, protect: true, catch: true }, async () => {
    await work();
  });
  return { stop: () => cron.stop() };
}
