/** The three jobs, their schedules and what each needs from the configuration. */
import type { JobName } from '../domain/jobs/job-run.js';
import type { KoladaClientOptions } from '../imports/kolada/kolada-client.js';
import { clearExpiredJob } from './clear-expired.job.js';
import type { JobDefinition } from './job.js';
import { syncFollowedKoladaKpis } from './kolada-sync.job.js';
import { remindAboutLateReports } from './late-report-reminders.job.js';

/** Nightly at 03:15, weekday mornings at 07:00, and five past every hour (Swedish time). */
export const DEFAULT_SCHEDULES: Record<JobName, string> = {
  'kolada-sync': '15 3 * * *',
  'late-report-reminders': '0 7 * * 1-5',
  'clear-expired': '5 * * * *',
};

export interface JobSettings {
  /** Each job's cron expression; null: only run by hand ("Kör nu"). */
  schedules: Record<JobName, string | null>;
  /** How Kolada is asked (KOLADA_BASE_URL; tests add their own waiting). */
  kolada: KoladaClientOptions;
  /** The service's address, for the links in the reminders. */
  publicUrl: string;
}

const MINUTES = 60;

export function jobDefinitions(settings: JobSettings): JobDefinition[] {
  return [
    {
      name: 'kolada-sync',
      cron: settings.schedules['kolada-sync'],
      expireInSeconds: 120 * MINUTES,
      run: (ctx) => syncFollowedKoladaKpis(ctx, settings.kolada),
    },
    {
      name: 'late-report-reminders',
      cron: settings.schedules['late-report-reminders'],
      expireInSeconds: 30 * MINUTES,
      run: (ctx) => remindAboutLateReports(ctx, settings.publicUrl),
    },
    {
      name: 'clear-expired',
      cron: settings.schedules['clear-expired'],
      expireInSeconds: 15 * MINUTES,
      run: (ctx) => clearExpiredJob(ctx),
    },
  ];
}
