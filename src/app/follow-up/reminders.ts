import { todayInSweden } from '../../domain/dates.js';
import { reminderMail, remindersSentSummary } from '../../domain/plans/follow-up-summary-sv.js';
import type { FollowUpRound } from '../../domain/plans/follow-up.js';
import type { Mailer } from '../../mail/mailer.js';
import type { UserWithGrants } from '../../domain/auth/user.js';
import { recordEvent } from '../audit/record-event.js';
import { currentCollaboration } from '../collaboration.js';
import { inTransaction, readRepos, timestamp, type AppContext } from '../context.js';
import { lateReports, type LateReport } from './late-reports.js';

/** The report form of an activity for a round (the reminder links to it). */
export const reportPath = (planId: number, activityId: number, roundId?: number) =>
  `/planer/${planId}/aktiviteter/${activityId}/rapport${roundId === undefined ? '' : `?omgang=${roundId}`}`;

export interface ReminderOutcome {
  item: LateReport;
  /** The addresses the mail went (or was to go) to. */
  recipients: string[];
  /** The activity's owner (their account), or the network's leads (the owner has no account). */
  to: 'owner' | 'leads';
}

export interface ReminderResult {
  sent: ReminderOutcome[];
  /** Mails the server did not take: not recorded as sent, so the next run tries again. */
  failed: (ReminderOutcome & { error: string })[];
  /** Late reports with nobody to write to: no owner account and no active lead of the network. */
  noRecipient: LateReport[];
  /** Late reports already reminded about today: not sent twice on one day. */
  remindedToday: LateReport[];
}

export interface ReminderOptions {
  /** Only this network's late reports (a network's lead sends for their own). */
  networkId?: number;
  /** Only this plan year's rounds. */
  year?: number;
  /** The service's address (https://…), for a full link to the report form in the mail. */
  baseUrl?: string;
}

const activeEmails = (users: readonly UserWithGrants[]) =>
  users.filter((u) => u.status === 'active').map((u) => u.email);

/** Who gets the reminder: the owner's account, or else the network's leads. */
function recipientsOf(item: LateReport, users: readonly UserWithGrants[]): Omit<ReminderOutcome, 'item'> {
  const owner = item.activity.ownerUserId === null ? [] : users.filter((u) => u.id === item.activity.ownerUserId);
  const ownerEmails = activeEmails(owner);
  if (ownerEmails.length > 0) return { recipients: ownerEmails, to: 'owner' };
  const leads = users.filter((u) =>
    u.grants.some((g) => g.role === 'network_lead' && g.networkId === item.plan.networkId),
  );
  return { recipients: [...new Set(activeEmails(leads))].sort(), to: 'leads' };
}

/**
 * Sends one Swedish reminder per late report (see lateReports) to the activity's owner, or, when the
 * owner has no account, to the network's leads. What was sent is recorded per recipient, with one audit
 * event per round; a mail the server refused is reported and not recorded. Reports already reminded
 * about today are not reminded again. The secretariat sends for all networks, a lead for their own.
 */
export async function sendReminders(
  ctx: AppContext,
  mailer: Mailer,
  options: ReminderOptions = {},
): Promise<ReminderResult> {
  const late = await lateReports(ctx, {
    ...(options.networkId === undefined ? {} : { networkId: options.networkId }),
    ...(options.year === undefined ? {} : { year: options.year }),
  });
  const repos = readRepos(ctx);
  const [collaboration, users] = await Promise.all([currentCollaboration(repos), repos.users.list()]);
  const result: ReminderResult = { sent: [], failed: [], noRecipient: [], remindedToday: [] };
  const base = (options.baseUrl ?? '').replace(/\/+$/, '');

  for (const item of late.items) {
    if (item.lastReminderAt && todayInSweden(new Date(item.lastReminderAt)) === late.today) {
      result.remindedToday.push(item);
      continue;
    }
    const who = recipientsOf(item, users);
    if (who.recipients.length === 0) {
      result.noRecipient.push(item);
      continue;
    }
    const mail = reminderMail({
      collaborationName: collaboration.name,
      networkName: item.network.name,
      planTitle: item.plan.title,
      planIsExample: item.plan.isExample,
      activityTitle: item.activity.title,
      ownerName: item.activity.ownerName,
      round: item.round,
      daysLate: item.daysLate,
      to: who.to,
      reportLink: `${base}${reportPath(item.plan.id, item.activity.id, item.round.id)}`,
    });
    try {
      await mailer.send({ to: who.recipients, ...mail });
      result.sent.push({ item, ...who });
    } catch (error) {
      result.failed.push({ item, ...who, error: error instanceof Error ? error.message : String(error) });
    }
  }

  // What was sent is recorded per round: a reminder row per recipient, then the round's one event.
  const byRound = new Map<number, { round: FollowUpRound; sent: ReminderOutcome[] }>();
  for (const outcome of result.sent) {
    const entry = byRound.get(outcome.item.round.id) ?? { round: outcome.item.round, sent: [] };
    entry.sent.push(outcome);
    byRound.set(outcome.item.round.id, entry);
  }
  for (const { round, sent } of byRound.values()) {
    await inTransaction(ctx, async (tx) => {
      const sentAt = timestamp(ctx);
      for (const outcome of sent)
        for (const recipient of outcome.recipients)
          await tx.followUp.insertReminder({
            roundId: round.id,
            activityId: outcome.item.activity.id,
            recipient,
            sentAt,
          });
      const recipients = new Set(sent.flatMap((o) => o.recipients));
      await recordEvent(ctx, tx, {
        action: 'reminders.sent',
        entityType: 'follow_up_round',
        entityId: round.id,
        summary: remindersSentSummary(round, sent.length, recipients.size),
        before: null,
        // No addresses in the hashed trail: it must survive the pseudonymisation of a person.
        after: { activities: sent.map((o) => o.item.activity.title), recipients: recipients.size },
      });
    });
  }
  return result;
}
