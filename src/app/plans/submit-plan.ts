import { authorize } from '../auth/authorize.js';
import { DomainError } from '../../domain/errors.js';
import { planSubmittedSummary } from '../../domain/plans/plan-summary-sv.js';
import type { Plan } from '../../domain/plans/plan.js';
import { recordEvent } from '../audit/record-event.js';
import { inTransaction, timestamp, type AppContext } from '../context.js';
import { loadPlan } from './get-plan.js';
import { planConflict, planNotADraft } from './plan-access.js';
import { planNames, planSnapshot } from './plan-snapshots.js';

const notReady = (message: string) => new DomainError('validation_failed', message, [{ field: 'form', message }]);

/**
 * The network lead (or the secretariat) hands a draft to the committee (submit_plan). A plan without
 * activities, or with an activity that serves no goal (carried over from a goal the programme no longer
 * has), is not ready and stays a draft.
 */
export async function submitPlan(ctx: AppContext, planId: number): Promise<Plan> {
  return inTransaction(ctx, async (repos) => {
    const plan = await loadPlan(repos, planId);
    authorize(ctx, 'submit_plan', { networkId: plan.networkId });
    if (plan.state !== 'draft') throw planNotADraft(plan);
    const activities = await repos.plans.activitiesOf([plan.id]);
    if (activities.length === 0)
      throw notReady('Planen har inga aktiviteter. Lägg till minst en aktivitet innan du lämnar in planen.');
    const withoutGoal = activities.filter((a) => a.goalIds.length === 0);
    if (withoutGoal.length > 0)
      throw notReady(
        `Välj mål för ${withoutGoal.map((a) => `”${a.title}”`).join(', ')} innan du lämnar in planen: varje aktivitet ska bidra till minst ett mål i programmet.`,
      );
    if (!(await repos.plans.changeState(plan.id, 'draft', 'submitted', timestamp(ctx)))) throw planConflict();
    const submitted = (await repos.plans.planById(plan.id))!;
    const names = await planNames(repos, plan);
    await recordEvent(ctx, repos, {
      action: 'plan.submitted',
      entityType: 'plan',
      entityId: plan.id,
      summary: planSubmittedSummary(plan),
      before: planSnapshot(plan, names),
      after: planSnapshot(submitted, names),
    });
    return submitted;
  });
}
