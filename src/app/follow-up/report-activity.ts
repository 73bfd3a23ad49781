import { z } from 'zod';
import type { Snapshot } from '../../domain/audit/snapshots.js';
import { DomainError, notFound, validationFailed, type FieldProblem } from '../../domain/errors.js';
import { commentRequired, parseProgress, roundTitle } from '../../domain/plans/follow-up-rules.js';
import {
  REPORT_STATUSES,
  REPORT_STATUS_SHORT,
  type ActivityReport,
  type FollowUpRound,
  type ReportStatus,
} from '../../domain/plans/follow-up.js';
import { CLIMATE_EFFECT_LABELS, type Activity, type ClimateEffect, type Plan } from '../../domain/plans/plan.js';
import type { Network } from '../../domain/collaboration.js';
import { actorLabel } from '../../domain/auth/actor.js';
import { authorize } from '../auth/authorize.js';
import { recordEvent } from '../audit/record-event.js';
import { currentCollaboration } from '../collaboration.js';
import { inTransaction, readRepos, timestamp, type AppContext } from '../context.js';
import { optionalText, requiredId } from '../input.js';
import { inFieldOrder, parseEachField } from '../indicators/define-indicator.js';
import { loadPlan } from '../plans/get-plan.js';

const CLIMATE_EFFECTS = Object.keys(CLIMATE_EFFECT_LABELS) as [ClimateEffect, ...ClimateEffect[]];

export const PROGRESS_MESSAGE =
  'Skriv hur stor del av aktiviteten som är genomförd, i hela procent från 0 till 100, till exempel 40.';

export const COMMENT_REQUIRED_MESSAGE =
  'Skriv en kommentar: vid gul eller röd status ska du berätta vad som avviker och vad ni gör åt det.';

/** A report as the form and the API send it; numbers may come as text ("40", "40 %"). */
export const reportInput = z.object({
  roundId: requiredId('Uppföljningsomgången'),
  status: z.enum(REPORT_STATUSES as [ReportStatus, ...ReportStatus[]], {
    error: 'Välj status: grön, gul eller röd.',
  }),
  progress: z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v),
    z.unknown().transform((v, ctx) => {
      const n = parseProgress(v);
      if (n === null) {
        ctx.addIssue({ code: 'custom', message: PROGRESS_MESSAGE });
        return z.NEVER;
      }
      return n;
    }),
  ),
  comment: optionalText(4000, 'Kommentaren'),
  /** Optional: the owner's assessment of the climate effect so far; empty is not assessed (null). */
  climateEffect: z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? null : v),
    z.enum(CLIMATE_EFFECTS, { error: 'Välj en klimateffekt i listan, eller Inte bedömd.' }).nullable(),
  ),
});
export type ReportInput = z.output<typeof reportInput>;

const draftNotFollowedUp = () =>
  new DomainError(
    'conflict',
    'Planen är ett utkast. Aktiviteter följs upp först när planen har lämnats in till samarbetskommittén.',
  );

/** A report as the audit trail keeps it: the activity and round named, the status as its code. */
export const reportSnapshot = (report: ActivityReport, activity: Activity, round: FollowUpRound): Snapshot => ({
  activity: activity.title,
  round: roundTitle(round),
  status: report.status,
  progress: report.progress,
  comment: report.comment,
  climateEffect: report.climateEffect,
});

/** Who reports: the signed-in person (or the token's owner); the system names itself. */
function reporter(ctx: AppContext): { userId: number | null; name: string } {
  const actor = ctx.actor;
  if (actor.kind === 'user' || actor.kind === 'token') return { userId: actor.userId, name: actor.name };
  return { userId: null, name: actorLabel(actor) };
}

/**
 * The owner's report on an activity for one follow-up round: status (green/yellow/red), progress in whole
 * per cent and a comment (required unless green). The plan's network reports (report_follow_up); a draft
 * plan is not followed up, and the round must be one of the plan's year. A later report for the same
 * round replaces the earlier one; the audit trail keeps both.
 */
export async function reportActivity(ctx: AppContext, activityId: number, raw: unknown): Promise<ActivityReport> {
  const repos = readRepos(ctx);
  const activity = Number.isSafeInteger(activityId) ? await repos.plans.activityById(activityId) : undefined;
  if (!activity) throw notFound('Aktiviteten');
  const plan = await loadPlan(repos, activity.planId);
  authorize(ctx, 'report_follow_up', { networkId: plan.networkId });
  if (plan.state === 'draft') throw draftNotFollowedUp();

  const parsed = parseEachField(reportInput, raw);
  const problems: FieldProblem[] = [...parsed.problems];
  const input = parsed.values;
  let round: FollowUpRound | undefined;
  if (input.roundId !== undefined) {
    const collaboration = await currentCollaboration(repos);
    round = await repos.followUp.roundById(input.roundId);
    if (!round || round.collaborationId !== collaboration.id)
      problems.push({ field: 'roundId', message: 'Omgången finns inte. Välj en uppföljningsomgång i listan.' });
    else if (round.year !== plan.year)
      problems.push({
        field: 'roundId',
        message: `Omgången ”${roundTitle(round)}” följer upp ${round.year}, men planen gäller ${plan.year}. Välj en omgång för ${plan.year}.`,
      });
  }
  if (input.status !== undefined && commentRequired(input.status) && input.comment === '')
    problems.push({ field: 'comment', message: COMMENT_REQUIRED_MESSAGE });
  if (problems.length > 0 || !round) throw validationFailed(inFieldOrder(reportInput, problems));
  // Every field parsed, or there would have been a problem.
  const { status, progress, comment, climateEffect } = input as ReportInput;
  const foundRound = round;
  const who = reporter(ctx);

  return inTransaction(ctx, async (tx) => {
    const earlier = await tx.followUp.report(activity.id, foundRound.id);
    const report = await tx.followUp.saveReport({
      activityId: activity.id,
      roundId: foundRound.id,
      status,
      progress,
      comment,
      climateEffect,
      reportedByUserId: who.userId,
      reportedByName: who.name,
      reportedAt: timestamp(ctx),
    });
    await recordEvent(ctx, tx, {
      action: 'activity_report.saved',
      entityType: 'activity_report',
      entityId: report.id,
      summary: `${earlier ? 'Ändrade rapporten' : 'Rapporterade'} för ”${activity.title}” (${roundTitle(foundRound)}): ${REPORT_STATUS_SHORT[status].toLowerCase()}, ${progress} % genomfört.`,
      before: earlier ? reportSnapshot(earlier, activity, foundRound) : null,
      after: reportSnapshot(report, activity, foundRound),
    });
    return report;
  });
}

/** What the report form shows: the activity in its plan, the rounds of the plan's year and earlier reports. */
export interface ReportForm {
  plan: Plan;
  network: Network;
  activity: Activity;
  rounds: FollowUpRound[];
  /** The activity's reports, oldest round first. */
  reports: ActivityReport[];
}

/**
 * The report form of activity `activityId` of plan `planId`, for those who may report on it (the plan's
 * network, or the secretariat); a draft plan is not followed up yet.
 */
export async function reportForm(ctx: AppContext, planId: number, activityId: number): Promise<ReportForm> {
  const repos = readRepos(ctx);
  const plan = await loadPlan(repos, planId);
  const activity = Number.isSafeInteger(activityId) ? await repos.plans.activityById(activityId) : undefined;
  if (!activity || activity.planId !== plan.id) throw notFound('Aktiviteten');
  authorize(ctx, 'report_follow_up', { networkId: plan.networkId });
  if (plan.state === 'draft') throw draftNotFollowedUp();
  const collaboration = await currentCollaboration(repos);
  const [networks, rounds, reports] = await Promise.all([
    repos.collaboration.networks(collaboration.id),
    repos.followUp.rounds(collaboration.id, plan.year),
    repos.followUp.reportsFor([activity.id]),
  ]);
  const network = networks.find((n) => n.id === plan.networkId);
  if (!network) throw notFound('Nätverket');
  return { plan, network, activity, rounds, reports };
}
