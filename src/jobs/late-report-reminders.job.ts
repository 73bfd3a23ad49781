/** The weekday reminders about late reports: what the secretariat's button on /uppfoljning/sena does. */
import type { AppContext } from '../app/context.js';
import { sendReminders } from '../app/follow-up/reminders.js';
import { formatNumber } from '../domain/format-sv.js';
import type { JobResult } from './job.js';

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${formatNumber(n)} ${many}`);

export const NO_MAILER = 'E-post är inte inställd (SMTP_URL saknas), så inga påminnelser kunde skickas.';

/** Sends the day's reminders; without e-mail the run is skipped, and mails the server refused make it a failure. */
export async function remindAboutLateReports(ctx: AppContext, baseUrl: string): Promise<JobResult> {
  if (!ctx.mailer) return { outcome: 'skipped', message: NO_MAILER };
  const result = await sendReminders(ctx, ctx.mailer, { baseUrl });
  const parts = [`${count(result.sent.length, 'påminnelse skickades', 'påminnelser skickades')}`];
  if (result.remindedToday.length > 0)
    parts.push(`${count(result.remindedToday.length, 'sen rapport', 'sena rapporter')} hade redan fått en i dag`);
  if (result.noRecipient.length > 0)
    parts.push(`${count(result.noRecipient.length, 'sen rapport', 'sena rapporter')} hade ingen att skicka till`);
  if (result.failed.length === 0) return { outcome: 'ok', message: `${parts.join('; ')}.` };
  const refused = result.failed.map((f) => `${f.recipients.join(', ')}: ${f.error}`).join('; ');
  parts.push(`${count(result.failed.length, 'kunde', 'kunde')} inte skickas (${refused})`);
  return { outcome: 'failed', message: `${parts.join('; ')}.` };
}
