/**
 * A plan with a history for the history page's tests, made through the use cases so that every step is
 * in the audit trail: created, an activity added and changed, another added and removed, renamed,
 * submitted, adopted, reported on and carried into next year's plan. Beside it, another network's plan
 * with the same name at the time loses an activity of its own, which must not show in this history.
 */
import { readRepos, type AppContext } from '../../src/app/context.js';
import { addActivity, removeActivity, updateActivity } from '../../src/app/plans/edit-activities.js';
import { copyPlanToNextYear } from '../../src/app/plans/copy-plan.js';
import { createPlan } from '../../src/app/plans/create-plan.js';
import { recordPlanDecision } from '../../src/app/plans/record-plan-decision.js';
import { submitPlan } from '../../src/app/plans/submit-plan.js';
import { updatePlan } from '../../src/app/plans/update-plan.js';
import { reportActivity } from '../../src/app/follow-up/report-activity.js';
import type { Plan } from '../../src/domain/plans/plan.js';
import { actAs, networkByKey, planGoals } from './plans.js';

export interface PlanWithHistory {
  /** The plan as it is at the end: adopted, renamed. */
  plan: Plan;
  /** Next year's draft, copied from it. */
  nextYear: Plan;
  /** The activity that stays (renamed, budget 100 000 → 150 000, reported on, carried over). */
  keptId: number;
  /** The activity that was added and removed again. */
  removedId: number;
  /** The network member who wrote the plan, and the lead who submitted it. */
  memberName: string;
  leadName: string;
}

/** A valid activity form for a 2027 plan, as a browser sends it. */
async function activityForm(ctx: AppContext, title: string, budgetKr: string) {
  const goal = (await planGoals(ctx)).find((g) => g.strategies.length > 0)!;
  return {
    title,
    description: 'Underlag för nätverkets arbete.',
    goalIds: [String(goal.id)],
    strategyIds: [String(goal.strategies[0]!.id)],
    ownerName: 'Klimatstrategen i Huddinge',
    startDate: '2027-02-01',
    endDate: '2027-11-30',
    budgetKr,
    weight: '1',
    climateEffect: 'neutral',
    dimension: 'ecological',
  };
}

/** Klimatstrateger's plan for 2027, with the history described above. */
export async function makePlanWithHistory(ctx: AppContext): Promise<PlanWithHistory> {
  const repos = readRepos(ctx);
  const member = await actAs(ctx, 'network_member', 'klimatstrateger');
  const lead = await actAs(ctx, 'network_lead', 'klimatstrateger');
  const network = await networkByKey(ctx, 'klimatstrateger');
  const created = await createPlan(member.ctx, {
    networkId: String(network.id),
    year: '2027',
    kind: 'operational',
    title: 'Klimatplan 2027',
    summary: 'Inriktning för 2027.',
  });
  const kept = await addActivity(member.ctx, created.id, await activityForm(ctx, 'Klimatanalys', '100 000'));
  await updateActivity(member.ctx, created.id, kept.id, {
    ...(await activityForm(ctx, 'Klimatanalys för Södertörn', '150 000')),
    version: String(kept.version),
  });
  const removed = await addActivity(member.ctx, created.id, await activityForm(ctx, 'Solcellskartläggning', ''));
  await removeActivity(member.ctx, created.id, removed.id, { version: String(removed.version) });

  // Another network's plan, named the same, loses an activity of its own.
  const other = await networkByKey(ctx, 'planeringschefer');
  const foreign = await createPlan(ctx, {
    networkId: String(other.id),
    year: '2027',
    kind: 'operational',
    title: 'Klimatplan 2027',
  });
  const stray = await addActivity(ctx, foreign.id, await activityForm(ctx, 'Främmande aktivitet', ''));
  await removeActivity(ctx, foreign.id, stray.id, { version: String(stray.version) });

  const current = (await repos.plans.planById(created.id))!;
  await updatePlan(member.ctx, created.id, {
    title: 'Klimatplan 2027 för Södertörn',
    summary: current.summary,
    version: String(current.version),
  });
  await submitPlan(lead.ctx, created.id);
  await recordPlanDecision(ctx, created.id, {
    outcome: 'adopted',
    datePrecision: 'exact',
    date: '2026-11-20',
    paragraph: '§ 4',
  });
  const collaborationId = (await repos.collaboration.first())!.id;
  const round = (await repos.followUp.rounds(collaborationId, 2027))[0]!;
  await reportActivity(member.ctx, kept.id, {
    roundId: String(round.id),
    status: 'yellow',
    progress: '40',
    comment: 'Underlaget dröjer.',
  });
  const nextYear = await copyPlanToNextYear(member.ctx, created.id);
  return {
    plan: (await repos.plans.planById(created.id))!,
    nextYear,
    keptId: kept.id,
    removedId: removed.id,
    memberName: member.name,
    leadName: lead.name,
  };
}
