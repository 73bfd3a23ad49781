/**
 * The follow-up's Swedish texts that are not page markup: the reminder e-mail, the calendar's event
 * titles and the audit trail's summaries. Pure: the use cases fill them in.
 */
import type { IsoDate } from '../dates.js';
import { formatNumber } from '../format-sv.js';
import { daysBetween, roundTitle } from './follow-up-rules.js';
import { EXAMPLE_PLAN_NOTICE } from './example-notices.js';
import type { FollowUpRound } from './follow-up.js';

/** "1 dag", "12 dagar", "1 234 dagar". */
export const daysText = (n: number): string => (n === 1 ? '1 dag' : `${formatNumber(n)} dagar`);

/** The calendar event of a round's deadline: "Uppföljning: Tertial 1 2026 – sista dag för rapport". */
export const deadlineEventTitle = (round: Pick<FollowUpRound, 'name' | 'year'>): string =>
  `Uppföljning: ${roundTitle(round)} – sista dag för rapport`;

export const deadlineEventDescription = (
  round: Pick<FollowUpRound, 'name' | 'year' | 'periodEnd' | 'dueDate'>,
  collaborationName: string,
  link: string | null,
): string =>
  [
    `Sista dag för aktivitetsansvariga i ${collaborationName} att rapportera ${roundTitle(round)}.`,
    `Rapporten gäller läget till och med ${round.periodEnd}.`,
    link ? `Uppföljningen: ${link}` : null,
  ]
    .filter(Boolean)
    .join('\n');

export interface ReminderFacts {
  collaborationName: string;
  networkName: string;
  planTitle: string;
  planIsExample: boolean;
  activityTitle: string;
  ownerName: string;
  round: Pick<FollowUpRound, 'name' | 'year' | 'periodEnd' | 'dueDate'>;
  daysLate: number;
  /** Whom the mail is for: the activity's owner, or the network's leads (no owner account). */
  to: 'owner' | 'leads';
  /** The report form, as a full link when the address of the service is known, else its path. */
  reportLink: string;
}

/** The reminder about one missing report: subject and plain-text body, in Swedish. */
export function reminderMail(f: ReminderFacts): { subject: string; text: string } {
  const round = roundTitle(f.round);
  const subject = `${f.planIsExample ? '[Exempel] ' : ''}Påminnelse: rapport saknas för ”${f.activityTitle}” (${round})`;
  const greeting = f.to === 'owner' ? 'Hej!' : 'Hej nätverksledare!';
  const why =
    f.to === 'owner'
      ? `Du står som ansvarig för aktiviteten ”${f.activityTitle}” i ${f.planTitle} (${f.networkName}).`
      : `Aktiviteten ”${f.activityTitle}” i ${f.planTitle} (${f.networkName}) har ingen ansvarig med konto i tjänsten (ansvarig: ${f.ownerName}), så påminnelsen går till nätverkets ledare.`;
  const lines = [
    greeting,
    '',
    why,
    '',
    `Rapporten för ${round} saknas. Sista dag var ${f.round.dueDate} – det är ${daysText(f.daysLate)} sedan.`,
    `Rapporten gäller läget till och med ${f.round.periodEnd}: status (grön, gul eller röd), hur många procent som är genomfört och en kommentar.`,
    '',
    `Rapportera här: ${f.reportLink}`,
    '',
    ...(f.planIsExample ? [EXAMPLE_PLAN_NOTICE, ''] : []),
    'Med vänlig hälsning',
    `${f.collaborationName} – samverkans uppföljning`,
    '',
    'Det här är ett automatiskt meddelande. Frågor om uppföljningen besvaras av samverkans sekretariat.',
  ];
  return { subject, text: lines.join('\n') };
}

/** The audit summary of the reminders sent for one round. */
export const remindersSentSummary = (
  round: Pick<FollowUpRound, 'name' | 'year'>,
  activities: number,
  recipients: number,
) =>
  `Skickade påminnelser om ${activities === 1 ? '1 saknad rapport' : `${activities} saknade rapporter`} för ${roundTitle(round)} till ${recipients === 1 ? '1 mottagare' : `${recipients} mottagare`}.`;

/** "i dag", "1 dag sedan", "12 dagar sedan" – for the last reminder of a late report. */
export function agoText(date: IsoDate, today: IsoDate): string {
  const n = daysBetween(date, today);
  if (n <= 0) return 'i dag';
  return `${daysText(n)} sedan`;
}
