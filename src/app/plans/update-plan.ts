import { changedKeys } from '../../domain/audit/snapshots.js';
import { validationFailed } from '../../domain/errors.js';
import { planUpdatedSummary } from '../../domain/plans/plan-summary-sv.js';
import type { Plan } from '../../domain/plans/plan.js';
import { recordEvent } from '../audit/record-event.js';
import { inTransaction, timestamp, type AppContext } from '../context.js';
import { inFieldOrder, parseEachField } from '../indicators/define-indicator.js';
import { loadDraftToEdit, planConflict } from './plan-access.js';
import { planChangeInput, type PlanChangeInput } from './plan-input.js';
import { planNames, planSnapshot } from './plan-snapshots.js';

/**
 * A draft plan's name and introduction. The form carries the version it was rendered with: if someone
 * changed the plan (or its activities) since, nothing is saved and the person is told (conflict).
 */
export async function updatePlan(ctx: AppContext, planId: number, raw: unknown): Promise<Plan> {
  return inTransaction(ctx, async (repos) => {
    const plan = await loadDraftToEdit(ctx, repos, planId);
    const { values, problems } = parseEachField(planChangeInput, raw);
    if (problems.length > 0) throw validationFailed(inFieldOrder(planChangeInput, problems));
    const input = values as PlanChangeInput;
    if (!(await repos.plans.updatePlan(plan.id, input, input.version, timestamp(ctx)))) throw planConflict();
    const updated = (await repos.plans.planById(plan.id))!;
    const names = await planNames(repos, updated);
    const before = planSnapshot(plan, names);
    const after = planSnapshot(updated, names);
    await recordEvent(ctx, repos, {
      action: 'plan.updated',
      entityType: 'plan',
      entityId: plan.id,
      summary: planUpdatedSummary(updated, changedKeys(before, after)),
      before,
      after,
    });
    return updated;
  });
}
