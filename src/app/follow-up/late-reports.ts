import { allows } from '../../domain/auth/policies.js';
import { forbidden } from '../../domain/errors.js';
import { daysLate, expectsReport, isPastDue } from '../../domain/plans/follow-up-rules.js';
import type { FollowUpRound } from '../../domain/plans/follow-up.js';
import type { Activity, Plan } from '../../domain/plans/plan.js';
import type { Network } from '../../domain/collaboration.js';
import { authorize } from '../auth/authorize.js';
import { currentCollaboration } from '../collaboration.js';
import { readRepos, today, type AppContext } from '../context.js';

/** One missing report whose round's deadline has passed. */
export interface LateReport {
  network: Network;
  plan: Pick<Plan, 'id' | 'title' | 'year' | 'isExample' | 'networkId'>;
  activity: Pick<Activity, 'id' | 'title' | 'ownerName' | 'ownerUserId' | 'position'>;
  round: FollowUpRound;
  daysLate: number;
  /** When the last reminder about it was sent (ISO timestamp); null when none. */
  lastReminderAt: string | null;
}

export interface LateReportList {
  today: string;
  items: LateReport[];
  /** The networks the list covers: all for the secretariat, their own for a network's lead. */
  networks: Network[];
  /** Some listed plan is an invented example: the page must say so. */
  includesExamples: boolean;
}

/**
 * The networks whose late reports the acting person may see: the secretariat all, a network's lead
 * their own. Refuses (401/403) those who may see none, or asked for a network not theirs.
 */
export async function lateReportNetworks(ctx: AppContext, networkId?: number): Promise<Network[]> {
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const all = await repos.collaboration.networks(collaboration.id);
  const allowed = all.filter((n) => allows(ctx.principal, 'see_late_reports', { networkId: n.id }));
  if (networkId === undefined) {
    if (allowed.length === 0) authorize(ctx, 'see_late_reports', { networkId: null });
    return allowed;
  }
  authorize(ctx, 'see_late_reports', { networkId });
  const one = allowed.filter((n) => n.id === networkId);
  if (one.length === 0) throw forbidden();
  return one;
}

/**
 * The reports missing today: for every round whose deadline has passed, the activities of that year's
 * submitted and adopted plans that had started by the end of the round's period and have no report for
 * it. Oldest deadline first, then network, plan and the activity's place in the plan.
 */
export async function lateReports(
  ctx: AppContext,
  options: { networkId?: number; year?: number } = {},
): Promise<LateReportList> {
  const networks = await lateReportNetworks(ctx, options.networkId);
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const now = today(ctx);
  const rounds = (await repos.followUp.rounds(collaboration.id, options.year)).filter((r) => isPastDue(r, now));
  const years = [...new Set(rounds.map((r) => r.year))];
  const networkIds = new Set(networks.map((n) => n.id));
  const plans = (
    await Promise.all(
      years.map((year) =>
        repos.plans.plans({ collaborationId: collaboration.id, year, states: ['submitted', 'adopted'] }),
      ),
    )
  )
    .flat()
    .filter((p) => networkIds.has(p.networkId));
  const activities = await repos.plans.activitiesOf(plans.map((p) => p.id));
  const [reports, reminders] = await Promise.all([
    repos.followUp.reportsFor(activities.map((a) => a.id)),
    repos.followUp.remindersFor(rounds.map((r) => r.id)),
  ]);
  const reported = new Set(reports.map((r) => `${r.roundId}:${r.activityId}`));
  const lastReminder = new Map<string, string>();
  for (const r of reminders) {
    const key = `${r.roundId}:${r.activityId}`;
    const seen = lastReminder.get(key);
    if (!seen || r.sentAt > seen) lastReminder.set(key, r.sentAt);
  }
  const planById = new Map(plans.map((p) => [p.id, p]));
  const networkById = new Map(networks.map((n) => [n.id, n]));
  const networkOrder = new Map(networks.map((n, i) => [n.id, i]));

  const items: LateReport[] = [];
  for (const round of rounds) {
    for (const activity of activities) {
      const plan = planById.get(activity.planId)!;
      if (plan.year !== round.year || !expectsReport(round, activity)) continue;
      const key = `${round.id}:${activity.id}`;
      if (reported.has(key)) continue;
      items.push({
        network: networkById.get(plan.networkId)!,
        plan: { id: plan.id, title: plan.title, year: plan.year, isExample: plan.isExample, networkId: plan.networkId },
        activity: {
          id: activity.id,
          title: activity.title,
          ownerName: activity.ownerName,
          ownerUserId: activity.ownerUserId,
          position: activity.position,
        },
        round,
        daysLate: daysLate(round, now),
        lastReminderAt: lastReminder.get(key) ?? null,
      });
    }
  }
  items.sort(
    (a, b) =>
      a.round.dueDate.localeCompare(b.round.dueDate) ||
      a.round.id - b.round.id ||
      networkOrder.get(a.network.id)! - networkOrder.get(b.network.id)! ||
      a.plan.id - b.plan.id ||
      a.activity.position - b.activity.position,
  );
  return { today: now, items, networks, includesExamples: items.some((i) => i.plan.isExample) };
}
