import { DomainError, validationFailed } from '../../domain/errors.js';
import type { ActivityReport } from '../../domain/plans/follow-up.js';
import { carriedDates, isUnfinished, keepInProgramme, planYearProblem } from '../../domain/plans/plan-rules.js';
import { activityAddedSummary, planCreatedSummary } from '../../domain/plans/plan-summary-sv.js';
import type { Activity, Plan } from '../../domain/plans/plan.js';
import { authorize } from '../auth/authorize.js';
import { recordEvent, type ChangeToRecord } from '../audit/record-event.js';
import { inTransaction, readRepos, timestamp, today, type AppContext, type Repositories } from '../context.js';
import { loadPlan } from './get-plan.js';
import { networkAccounts, programmeGoals } from './plan-access.js';
import { programmeForPlans } from './plan-programme.js';
import { activitySnapshot, planNames, planSnapshot, type PlanNames } from './plan-snapshots.js';

/** The operational plan a plan belongs to: itself, or an action plan's parent. */
async function operationalOf(repos: Repositories, plan: Plan): Promise<Plan> {
  return plan.kind === 'operational' || plan.parentPlanId === null ? plan : loadPlan(repos, plan.parentPlanId);
}

/** The network's operational plan for the year after `plan`'s, if one exists (the copy is then refused). */
export async function nextYearPlanOf(ctx: AppContext, planId: number): Promise<Plan | undefined> {
  const repos = readRepos(ctx);
  const plan = await operationalOf(repos, await loadPlan(repos, planId));
  const next = await repos.plans.plans({
    collaborationId: plan.collaborationId,
    networkId: plan.networkId,
    year: plan.year + 1,
  });
  return next.find((p) => p.kind === 'operational');
}

/** A title that names the year names the new one: "Verksamhetsplan 2026" → "Verksamhetsplan 2027". */
const nextYearTitle = (title: string, year: number) =>
  title.replace(new RegExp(`\\b${year}\\b`, 'g'), String(year + 1));

/** The report of the latest round (by deadline) for each activity. */
function latestReports(reports: readonly ActivityReport[]): Map<number, ActivityReport> {
  const latest = new Map<number, ActivityReport>();
  for (const r of reports) latest.set(r.activityId, r);
  return latest;
}

/**
 * Next year's draft from a plan of year Y (edit_plan for its network): the network's operational plan
 * for Y+1 and a copy of each of its action plans, each with its unfinished activities carried over —
 * unfinished means the latest report says under 100 per cent, or there is no report. A carried activity
 * keeps its fields and marks where it came from; its dates move into the new year (CARRIED_DATES_RULE);
 * goals and strategies the programme for new plans does not have are dropped, and an activity left
 * without a goal is still carried, for the network to choose its goals (the plan cannot be submitted
 * until it has). Copies of examples are examples. Refused when the network already has a plan for Y+1.
 */
export async function copyPlanToNextYear(ctx: AppContext, planId: number): Promise<Plan> {
  try {
    return await copyInTransaction(ctx, planId);
  } catch (error) {
    // Someone created next year's operational plan between the check and the insert.
    if (ctx.storage.dialect.isUniqueViolation(error))
      throw new DomainError(
        'conflict',
        'Nätverket har redan en verksamhetsplan för nästa år. Öppna den och fortsätt där.',
      );
    throw error;
  }
}

async function copyInTransaction(ctx: AppContext, planId: number): Promise<Plan> {
  const target = await programmeForPlans(ctx);
  return inTransaction(ctx, async (repos) => {
    const source = await operationalOf(repos, await loadPlan(repos, planId));
    authorize(ctx, 'edit_plan', { networkId: source.networkId });
    const year = source.year + 1;
    const wrongYear = planYearProblem(year, today(ctx));
    if (wrongYear)
      throw validationFailed([
        { field: 'form', message: `Nästa års plan kan inte skapas: ${wrongYear.toLowerCase()}` },
      ]);
    const existing = (
      await repos.plans.plans({ collaborationId: source.collaborationId, networkId: source.networkId, year })
    ).find((p) => p.kind === 'operational');
    if (existing)
      throw new DomainError(
        'conflict',
        `Nätverket har redan en verksamhetsplan för ${year}: ”${existing.title}”. Öppna den och fortsätt där.`,
      );
    if (!target) throw new DomainError('validation_failed', 'Det finns inget program med mål som planerna kan följa.');
    const goals = programmeGoals(target.programme);
    const networks = await repos.collaboration.networks(source.collaborationId);
    const networkName = networks.find((n) => n.id === source.networkId)?.name ?? '';
    const accounts = new Set((await networkAccounts(repos, source.networkId)).map((a) => a.id));
    const actionPlans = await repos.plans.actionPlansOf(source.id);
    const activities = await repos.plans.activitiesOf([source.id, ...actionPlans.map((p) => p.id)]);
    const latest = latestReports(await repos.followUp.reportsFor(activities.map((a) => a.id)));
    const now = timestamp(ctx);
    const events: ChangeToRecord[] = [];

    const copyPlan = async (from: Plan, parentPlanId: number | null): Promise<Plan> => {
      const plan = await repos.plans.insertPlan(
        {
          collaborationId: from.collaborationId,
          networkId: from.networkId,
          year,
          kind: from.kind,
          title: nextYearTitle(from.title, from.year),
          parentPlanId,
          programmeId: target.programme.id,
          state: 'draft',
          summary: from.summary,
          isExample: from.isExample,
          copiedFromPlanId: from.id,
        },
        now,
      );
      const names = await planNames(repos, plan);
      events.push({
        action: 'plan.created',
        entityType: 'plan',
        entityId: plan.id,
        summary: planCreatedSummary(plan, networkName, from.year),
        before: null,
        after: planSnapshot(plan, names),
      });
      for (const a of activities.filter((x) => x.planId === from.id && isUnfinished(latest.get(x.id))))
        await carry(a, plan, names);
      return plan;
    };

    const carry = async (a: Activity, plan: Plan, names: PlanNames) => {
      const kept = keepInProgramme(a.goalIds, a.strategyIds, goals);
      const carried = await repos.plans.insertActivity(
        {
          planId: plan.id,
          title: a.title,
          description: a.description,
          ...kept,
          ownerName: a.ownerName,
          ownerUserId: a.ownerUserId !== null && accounts.has(a.ownerUserId) ? a.ownerUserId : null,
          memberIds: a.memberIds,
          ...carriedDates(a.startDate, a.endDate, year),
          budgetKr: a.budgetKr,
          weight: a.weight,
          climateEffect: a.climateEffect,
          climateJustification: a.climateJustification,
          dimension: a.dimension,
          carriedOverFromActivityId: a.id,
        },
        now,
      );
      events.push({
        action: 'activity.added',
        entityType: 'activity',
        entityId: carried.id,
        summary: activityAddedSummary(carried, plan, source.year),
        before: null,
        after: activitySnapshot(carried, names),
      });
    };

    const operational = await copyPlan(source, null);
    for (const action of actionPlans) await copyPlan(action, operational.id);
    // Last: on PostgreSQL the audit chain's lock is then held only until commit.
    for (const event of events) await recordEvent(ctx, repos, event);
    return operational;
  });
}
