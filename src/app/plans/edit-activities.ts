import { DomainError, notFound, validationFailed, type FieldProblem } from '../../domain/errors.js';
import { activityProblems } from '../../domain/plans/plan-rules.js';
import {
  activityAddedSummary,
  activityRemovedSummary,
  activityUpdatedSummary,
} from '../../domain/plans/plan-summary-sv.js';
import type { Activity, Plan } from '../../domain/plans/plan.js';
import type { ActivityChange } from '../../storage/plan.repository.js';
import { recordEvent } from '../audit/record-event.js';
import { currentCollaboration } from '../collaboration.js';
import { inTransaction, timestamp, type AppContext, type Repositories } from '../context.js';
import { inFieldOrder, parseEachField } from '../indicators/define-indicator.js';
import { parseInput } from '../input.js';
import {
  activityConflict,
  activityRemovalConflict,
  loadDraftToEdit,
  networkAccounts,
  programmeGoals,
} from './plan-access.js';
import { activityInput, activityVersionInput, type ActivityInput } from './plan-input.js';
import { activitySnapshot, planNames } from './plan-snapshots.js';

/**
 * Reads an activity for `plan` and checks it against the plan's programme, the cooperation's members and
 * the network's accounts. Every problem is reported at once; participating municipalities outside the
 * cooperation make it a `foreign_member` error.
 */
async function checkedActivity(repos: Repositories, plan: Plan, raw: unknown): Promise<ActivityChange> {
  const { values, problems } = parseEachField(activityInput, raw);
  const [programme, collaboration] = await Promise.all([
    repos.programmes.get(plan.programmeId),
    currentCollaboration(repos),
  ]);
  if (!programme) throw notFound('Programmet');
  problems.push(
    ...activityProblems(
      {
        goalIds: values.goalIds ?? [],
        strategyIds: values.strategyIds ?? [],
        startDate: values.startDate ?? '',
        endDate: values.endDate ?? '',
        climateEffect: values.climateEffect ?? 'unknown',
        climateJustification: values.climateJustification ?? '',
      },
      programmeGoals(programme),
      plan.year,
    ).filter((p) => !problems.some((q) => q.field === p.field)),
  );
  if (values.ownerUserId != null) {
    const accounts = await networkAccounts(repos, plan.networkId);
    if (!accounts.some((a) => a.id === values.ownerUserId))
      problems.push({
        field: 'ownerUserId',
        message: 'Kontot har ingen roll i planens nätverk. Välj någon i nätverket, eller inget konto.',
      });
  }
  const members = await repos.collaboration.members(collaboration.id);
  const foreign = (values.memberIds ?? []).filter((id) => !members.some((m) => m.id === id));
  const foreignProblem: FieldProblem = {
    field: 'memberIds',
    message: `Bara medlemskommuner i ${collaboration.name} kan delta. Välj bland kommunerna i listan.`,
  };
  if (foreign.length > 0) problems.push(foreignProblem);
  if (problems.length > 0) {
    const ordered = inFieldOrder(activityInput, problems);
    if (foreign.length > 0)
      throw new DomainError(
        'foreign_member',
        `En eller flera deltagande kommuner är inte medlemmar i ${collaboration.name}.`,
        ordered,
      );
    throw validationFailed(ordered);
  }
  const input = values as ActivityInput;
  return {
    title: input.title,
    description: input.description,
    goalIds: sortedIds(input.goalIds),
    strategyIds: sortedIds(input.strategyIds),
    ownerName: input.ownerName,
    ownerUserId: input.ownerUserId,
    memberIds: sortedIds(input.memberIds),
    startDate: input.startDate,
    endDate: input.endDate,
    budgetKr: input.budgetKr,
    weight: input.weight,
    climateEffect: input.climateEffect,
    climateJustification: input.climateJustification,
    dimension: input.dimension,
  };
}

const sortedIds = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b);

/** The activity of the plan, or not found (an activity of another plan is not found here). */
async function activityOf(repos: Repositories, plan: Plan, activityId: number): Promise<Activity> {
  const activity = Number.isSafeInteger(activityId) ? await repos.plans.activityById(activityId) : undefined;
  if (!activity || activity.planId !== plan.id) throw notFound('Aktiviteten');
  return activity;
}

/** A new activity in a draft plan (edit_plan for the plan's network). */
export async function addActivity(ctx: AppContext, planId: number, raw: unknown): Promise<Activity> {
  return inTransaction(ctx, async (repos) => {
    const plan = await loadDraftToEdit(ctx, repos, planId);
    const change = await checkedActivity(repos, plan, raw);
    const now = timestamp(ctx);
    const activity = await repos.plans.insertActivity(
      { ...change, planId: plan.id, carriedOverFromActivityId: null },
      now,
    );
    await repos.plans.touch(plan.id, now);
    await recordEvent(ctx, repos, {
      action: 'activity.added',
      entityType: 'activity',
      entityId: activity.id,
      summary: activityAddedSummary(activity, plan),
      before: null,
      after: activitySnapshot(activity, await planNames(repos, plan)),
    });
    return activity;
  });
}

/**
 * Changes an activity of a draft plan; it keeps its place and its carried-over mark. The form carries
 * the activity's version it was rendered with (`version`): if someone changed the activity since,
 * nothing is saved and the person is told (conflict), so the last save never silently wins.
 */
export async function updateActivity(
  ctx: AppContext,
  planId: number,
  activityId: number,
  raw: unknown,
): Promise<Activity> {
  return inTransaction(ctx, async (repos) => {
    const plan = await loadDraftToEdit(ctx, repos, planId);
    const before = await activityOf(repos, plan, activityId);
    const { version } = parseInput(activityVersionInput, raw);
    // Told first: the form then comes back with the saved values beside what the person wrote.
    if (before.version !== version) throw activityConflict();
    const change = await checkedActivity(repos, plan, raw);
    const now = timestamp(ctx);
    // The version check that counts: a save committed since the read above makes this one change nothing.
    if (!(await repos.plans.updateActivity(before.id, change, version, now))) throw activityConflict();
    await repos.plans.touch(plan.id, now);
    const after = (await repos.plans.activityById(before.id))!;
    const names = await planNames(repos, plan);
    await recordEvent(ctx, repos, {
      action: 'activity.updated',
      entityType: 'activity',
      entityId: before.id,
      summary: activityUpdatedSummary(after, plan),
      before: activitySnapshot(before, names),
      after: activitySnapshot(after, names),
    });
    return after;
  });
}

/**
 * Removes an activity from a draft plan (drafts are not followed up, so it has no reports). Like a
 * change, the removal names the version the person saw (`version`): an activity changed since is kept
 * (conflict), for the person to look at again.
 */
export async function removeActivity(ctx: AppContext, planId: number, activityId: number, raw: unknown): Promise<void> {
  await inTransaction(ctx, async (repos) => {
    const plan = await loadDraftToEdit(ctx, repos, planId);
    const activity = await activityOf(repos, plan, activityId);
    const { version } = parseInput(activityVersionInput, raw);
    if (activity.version !== version) throw activityRemovalConflict();
    const reports = await repos.followUp.reportsFor([activity.id]);
    if (reports.length > 0)
      throw new DomainError(
        'conflict',
        'Aktiviteten har rapporter från uppföljningen och kan inte tas bort. Ändra den i stället.',
      );
    const later = await repos.plans.plans({
      collaborationId: plan.collaborationId,
      networkId: plan.networkId,
      year: plan.year + 1,
    });
    const carried = (await repos.plans.activitiesOf(later.map((p) => p.id))).some(
      (a) => a.carriedOverFromActivityId === activity.id,
    );
    if (carried)
      throw new DomainError(
        'conflict',
        `Aktiviteten är överförd till planen för ${plan.year + 1} och kan inte tas bort här. Ändra den i stället.`,
      );
    const now = timestamp(ctx);
    if (!(await repos.plans.removeActivity(activity, version, now))) throw activityRemovalConflict();
    await repos.plans.touch(plan.id, now);
    await recordEvent(ctx, repos, {
      action: 'activity.removed',
      entityType: 'activity',
      entityId: activity.id,
      summary: activityRemovedSummary(activity, plan),
      before: activitySnapshot(activity, await planNames(repos, plan)),
      after: null,
    });
  });
}
