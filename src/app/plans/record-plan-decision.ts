import { todayInSweden } from '../../domain/dates.js';
import { validationFailed } from '../../domain/errors.js';
import { planDecisionSummary } from '../../domain/plans/plan-summary-sv.js';
import type { PlanDecision } from '../../domain/plans/plan.js';
import { checkDate } from '../adoption/record-decision.js';
import { authorize } from '../auth/authorize.js';
import { recordEvent } from '../audit/record-event.js';
import { inTransaction, timestamp, type AppContext } from '../context.js';
import { inFieldOrder, parseEachField } from '../indicators/define-indicator.js';
import { loadPlan } from './get-plan.js';
import { planConflict } from './plan-access.js';
import { notSubmitted } from './plan-form-choices.js';
import { planDecisionInput, type PlanDecisionInput } from './plan-input.js';
import { planDecisionSnapshot, planNames, planSnapshot } from './plan-snapshots.js';

/**
 * The committee's decision on a submitted plan, recorded by the secretariat (record_committee_decision):
 * adopted makes the plan adopted (and public); rejected or referred back returns it to draft. The date
 * follows the same rules as decisions on programmes (checkDate). Decisions are append-only records.
 */
export async function recordPlanDecision(ctx: AppContext, planId: number, raw: unknown): Promise<PlanDecision> {
  authorize(ctx, 'record_committee_decision');
  return inTransaction(ctx, async (repos) => {
    const plan = await loadPlan(repos, planId);
    if (plan.state !== 'submitted') throw notSubmitted(plan);
    const { values, problems } = parseEachField(planDecisionInput, raw);
    const dated =
      values.datePrecision !== undefined
        ? checkDate({ datePrecision: values.datePrecision, date: values.date ?? '' }, todayInSweden(ctx.now()))
        : undefined;
    problems.push(...(dated?.problems ?? []));
    if (problems.length > 0 || !dated) throw validationFailed(inFieldOrder(planDecisionInput, problems));
    const input = values as PlanDecisionInput;
    const decision = await repos.plans.insertDecision(
      {
        planId: plan.id,
        decided: dated.decided,
        paragraph: input.paragraph,
        outcome: input.outcome,
        note: input.note,
        source: input.source,
      },
      timestamp(ctx),
    );
    const to = input.outcome === 'adopted' ? 'adopted' : 'draft';
    if (!(await repos.plans.changeState(plan.id, 'submitted', to, timestamp(ctx)))) throw planConflict();
    const after = (await repos.plans.planById(plan.id))!;
    const names = await planNames(repos, plan);
    await recordEvent(ctx, repos, {
      action: 'plan_decision.recorded',
      entityType: 'plan_decision',
      entityId: decision.id,
      summary: planDecisionSummary(plan, decision),
      before: null,
      after: planDecisionSnapshot(decision),
    });
    await recordEvent(ctx, repos, {
      action: 'plan.updated',
      entityType: 'plan',
      entityId: plan.id,
      summary: planDecisionSummary(plan, decision),
      before: planSnapshot(plan, names),
      after: planSnapshot(after, names),
    });
    return decision;
  });
}
