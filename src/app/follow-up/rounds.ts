import { z } from 'zod';
import { allows } from '../../domain/auth/policies.js';
import type { Snapshot } from '../../domain/audit/snapshots.js';
import { DomainError, notFound, validationFailed, type FieldProblem } from '../../domain/errors.js';
import {
  expectsReport,
  isPastDue,
  roundDateProblems,
  roundTitle,
  standardRounds,
} from '../../domain/plans/follow-up-rules.js';
import type { FollowUpRound } from '../../domain/plans/follow-up.js';
import type { Plan } from '../../domain/plans/plan.js';
import { authorize } from '../auth/authorize.js';
import { recordEvent } from '../audit/record-event.js';
import { currentCollaboration } from '../collaboration.js';
import { inTransaction, readRepos, timestamp, today, type AppContext, type Repositories } from '../context.js';
import { optionalText, requiredText } from '../input.js';
import { inFieldOrder, parseEachField } from '../indicators/define-indicator.js';
import { maySeePlan } from '../plans/get-plan.js';

/** Plan years the follow-up can be configured for. */
export const ROUND_YEAR_MIN = 2000;
export const ROUND_YEAR_MAX = 2100;

/** A round as a form sends it; the year comes from the page (new) or the round (edit). */
export const roundInput = z.object({
  name: requiredText(100, 'Namnet på omgången'),
  periodEnd: optionalText(10, 'Periodens slut'),
  dueDate: optionalText(10, 'Sista dag för rapport'),
});
export type RoundInput = z.output<typeof roundInput>;

/** A round as the audit trail keeps it. */
export const roundSnapshot = (r: Pick<FollowUpRound, 'year' | 'name' | 'periodEnd' | 'dueDate'>): Snapshot => ({
  year: r.year,
  name: r.name,
  periodEnd: r.periodEnd,
  dueDate: r.dueDate,
});

/** A plan year from a form or the address; outside the range it is no plan year. */
export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < ROUND_YEAR_MIN || year > ROUND_YEAR_MAX)
    throw validationFailed([
      { field: 'year', message: `Året ska vara ett planår mellan ${ROUND_YEAR_MIN} och ${ROUND_YEAR_MAX}.` },
    ]);
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('sv') === b.trim().toLocaleLowerCase('sv');

/** The rounds of a plan year, in deadline order. Deadlines are not secret: anyone may see them. */
export async function listRounds(ctx: AppContext, year: number): Promise<FollowUpRound[]> {
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  return repos.followUp.rounds(collaboration.id, year);
}

/** The round of this cooperation, or not found. */
export async function loadRound(repos: Repositories, id: number): Promise<FollowUpRound> {
  const round = Number.isSafeInteger(id) ? await repos.followUp.roundById(id) : undefined;
  const collaboration = await currentCollaboration(repos);
  if (!round || round.collaborationId !== collaboration.id) throw notFound('Uppföljningsomgången');
  return round;
}

/** The round with how many reports it has, for the edit and remove pages. */
export async function getRound(ctx: AppContext, id: number): Promise<{ round: FollowUpRound; reportCount: number }> {
  authorize(ctx, 'manage_follow_up');
  const repos = readRepos(ctx);
  const round = await loadRound(repos, id);
  return { round, reportCount: await repos.followUp.reportCount(round.id) };
}

/** Every problem with a round's fields for `year`; `except` is the round being edited. */
async function checkRound(repos: Repositories, year: number, raw: unknown, except: number | null): Promise<RoundInput> {
  const { values, problems } = parseEachField(roundInput, raw);
  const dated: FieldProblem[] = roundDateProblems(year, values.periodEnd ?? '', values.dueDate ?? '');
  problems.push(...dated.filter((p) => !problems.some((q) => q.field === p.field)));
  if (values.name !== undefined) {
    const collaboration = await currentCollaboration(repos);
    const taken = (await repos.followUp.rounds(collaboration.id, year)).find(
      (r) => r.id !== except && sameName(r.name, values.name!),
    );
    if (taken)
      problems.push({
        field: 'name',
        message: `Det finns redan en omgång som heter ”${taken.name}” för ${year}. Välj ett annat namn.`,
      });
  }
  if (problems.length > 0) throw validationFailed(inFieldOrder(roundInput, problems));
  return values as RoundInput;
}

/** Adds a follow-up round to plan year `year` (the secretariat). */
export async function addRound(ctx: AppContext, year: number, raw: unknown): Promise<FollowUpRound> {
  authorize(ctx, 'manage_follow_up');
  checkYear(year);
  const repos = readRepos(ctx);
  const input = await checkRound(repos, year, raw, null);
  const collaboration = await currentCollaboration(repos);
  return inTransaction(ctx, async (tx) => {
    const round = await tx.followUp.insertRound({ collaborationId: collaboration.id, year, ...input }, timestamp(ctx));
    await recordEvent(ctx, tx, {
      action: 'follow_up_round.created',
      entityType: 'follow_up_round',
      entityId: round.id,
      summary: `Lade till uppföljningsomgången ${roundTitle(round)} (sista dag för rapport ${round.dueDate}).`,
      before: null,
      after: roundSnapshot(round),
    });
    return round;
  });
}

/** Changes a round's name and dates; the year stays. */
export async function editRound(ctx: AppContext, id: number, raw: unknown): Promise<FollowUpRound> {
  authorize(ctx, 'manage_follow_up');
  const repos = readRepos(ctx);
  const before = await loadRound(repos, id);
  const input = await checkRound(repos, before.year, raw, before.id);
  return inTransaction(ctx, async (tx) => {
    await tx.followUp.updateRound(before.id, input);
    const after = { ...before, ...input };
    await recordEvent(ctx, tx, {
      action: 'follow_up_round.updated',
      entityType: 'follow_up_round',
      entityId: before.id,
      summary: `Ändrade uppföljningsomgången ${roundTitle(after)}.`,
      before: roundSnapshot(before),
      after: roundSnapshot(after),
    });
    return after;
  });
}

/** Removes a round without reports; a round with reports stays (the reports need it). */
export async function removeRound(ctx: AppContext, id: number): Promise<FollowUpRound> {
  authorize(ctx, 'manage_follow_up');
  return inTransaction(ctx, async (tx) => {
    const round = await loadRound(tx, id);
    const reports = await tx.followUp.reportCount(round.id);
    if (reports > 0)
      throw new DomainError(
        'conflict',
        `${roundTitle(round)} kan inte tas bort: ${reports === 1 ? '1 rapport har' : `${reports} rapporter har`} lämnats för omgången. Ändra namn eller datum i stället.`,
      );
    await tx.followUp.removeRound(round.id);
    await recordEvent(ctx, tx, {
      action: 'follow_up_round.removed',
      entityType: 'follow_up_round',
      entityId: round.id,
      summary: `Tog bort uppföljningsomgången ${roundTitle(round)}.`,
      before: roundSnapshot(round),
      after: null,
    });
    return round;
  });
}

/**
 * Adds the standard rounds of plan year `year` (Tertial 1, Tertial 2, Årsuppföljning) that it lacks by
 * name; those it has are left as they are.
 */
export async function addStandardRounds(
  ctx: AppContext,
  year: number,
): Promise<{ added: FollowUpRound[]; skipped: string[] }> {
  authorize(ctx, 'manage_follow_up');
  checkYear(year);
  return inTransaction(ctx, async (tx) => {
    const collaboration = await currentCollaboration(tx);
    const existing = await tx.followUp.rounds(collaboration.id, year);
    const added: FollowUpRound[] = [];
    const skipped: string[] = [];
    for (const standard of standardRounds(year)) {
      if (existing.some((r) => sameName(r.name, standard.name))) {
        skipped.push(standard.name);
        continue;
      }
      const round = await tx.followUp.insertRound(
        { collaborationId: collaboration.id, year, ...standard },
        timestamp(ctx),
      );
      added.push(round);
    }
    // The events last, one per round added.
    for (const round of added)
      await recordEvent(ctx, tx, {
        action: 'follow_up_round.created',
        entityType: 'follow_up_round',
        entityId: round.id,
        summary: `Lade till standardomgången ${roundTitle(round)} (sista dag för rapport ${round.dueDate}).`,
        before: null,
        after: roundSnapshot(round),
      });
    return { added, skipped };
  });
}

export interface RoundProgress {
  round: FollowUpRound;
  /** Activities of the year's plans (that the reader may see) that the round expects a report from. */
  expected: number;
  /** Of those, how many have one. */
  reported: number;
  /** The deadline has passed (today, in Sweden). */
  pastDue: boolean;
}

export interface FollowUpOverview {
  year: number;
  today: string;
  rounds: RoundProgress[];
  /** Plans of the year counted (submitted and adopted; the public sees adopted ones only). */
  planCount: number;
  /** Some counted plan is an invented example: the page must say so. */
  includesExamples: boolean;
  /** manage: the rounds' set-up; seeLate: late reports of some network; internal: submitted plans too. */
  may: { manage: boolean; seeLate: boolean; internal: boolean };
  /** Years to choose among: those with rounds or plans, this year and the next, newest first. */
  years: number[];
}

/** Whether the acting person may see late reports for some network (admin, or a network's lead). */
export function maySeeLateReports(ctx: AppContext): boolean {
  return ctx.principal.grants.some((g) => allows(ctx.principal, 'see_late_reports', { networkId: g.networkId }));
}

/** The plans of `year` that are followed up (not drafts) and the reader may see. */
export async function followedPlans(ctx: AppContext, repos: Repositories, year?: number): Promise<Plan[]> {
  const collaboration = await currentCollaboration(repos);
  const plans = await repos.plans.plans({
    collaborationId: collaboration.id,
    ...(year === undefined ? {} : { year }),
    states: ['submitted', 'adopted'],
  });
  return plans.filter((p) => maySeePlan(ctx, p));
}

/** The hub: the year's rounds with their deadlines and how many reports are in of those expected. */
export async function followUpOverview(ctx: AppContext, year: number): Promise<FollowUpOverview> {
  checkYear(year);
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const [allRounds, allPlans] = await Promise.all([
    repos.followUp.rounds(collaboration.id),
    repos.plans.plans({ collaborationId: collaboration.id, states: ['submitted', 'adopted'] }),
  ]);
  const rounds = allRounds.filter((r) => r.year === year);
  const plans = allPlans.filter((p) => p.year === year && maySeePlan(ctx, p));
  const activities = await repos.plans.activitiesOf(plans.map((p) => p.id));
  const reports = await repos.followUp.reportsFor(activities.map((a) => a.id));
  const now = today(ctx);
  const thisYear = Number(now.slice(0, 4));
  const years = new Set([thisYear, thisYear + 1, year, ...allRounds.map((r) => r.year)]);
  for (const p of allPlans) if (maySeePlan(ctx, p)) years.add(p.year);
  return {
    year,
    years: [...years].sort((a, b) => b - a),
    today: now,
    rounds: rounds.map((round) => {
      const reportedIds = new Set(reports.filter((r) => r.roundId === round.id).map((r) => r.activityId));
      const expected = activities.filter((a) => expectsReport(round, a) || reportedIds.has(a.id));
      return {
        round,
        expected: expected.length,
        reported: expected.filter((a) => reportedIds.has(a.id)).length,
        pastDue: isPastDue(round, now),
      };
    }),
    planCount: plans.length,
    includesExamples: plans.some((p) => p.isExample),
    may: {
      manage: allows(ctx.principal, 'manage_follow_up'),
      seeLate: maySeeLateReports(ctx),
      internal: allows(ctx.principal, 'read_internal'),
    },
  };
}
