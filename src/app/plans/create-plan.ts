import { allows } from '../../domain/auth/policies.js';
import { DomainError, validationFailed, type FieldProblem } from '../../domain/errors.js';
import { planYearProblem } from '../../domain/plans/plan-rules.js';
import { planCreatedSummary } from '../../domain/plans/plan-summary-sv.js';
import type { Plan } from '../../domain/plans/plan.js';
import { inFieldOrder, parseEachField } from '../indicators/define-indicator.js';
import { authorize } from '../auth/authorize.js';
import { recordEvent } from '../audit/record-event.js';
import { currentCollaboration } from '../collaboration.js';
import { inTransaction, readRepos, timestamp, today, type AppContext, type Repositories } from '../context.js';
import { planInput, type PlanInput } from './plan-input.js';
import { programmeForPlans } from './plan-programme.js';
import { planNames, planSnapshot } from './plan-snapshots.js';

/** The problem (and where to find the plan) when the network already has its operational plan for the year. */
export function operationalPlanTaken(year: number, networkName: string): FieldProblem {
  return {
    field: 'year',
    message: `${networkName} har redan en verksamhetsplan för ${year}. Varje nätverk har en verksamhetsplan per år: öppna den och lägg till en handlingsplan där i stället.`,
  };
}

const noProgramme = () =>
  new DomainError(
    'validation_failed',
    'Det finns inget program med mål som planerna kan följa. Registrera programmet och dess mål först.',
  );

async function checkParent(repos: Repositories, input: Partial<PlanInput>): Promise<FieldProblem[]> {
  if (input.kind !== 'action') return [];
  if (input.parentPlanId == null)
    return [{ field: 'parentPlanId', message: 'Välj verksamhetsplanen som handlingsplanen hör till.' }];
  const parent = await repos.plans.planById(input.parentPlanId);
  if (!parent || parent.kind !== 'operational' || parent.networkId !== input.networkId || parent.year !== input.year)
    return [
      {
        field: 'parentPlanId',
        message: 'En handlingsplan hör till verksamhetsplanen för samma nätverk och år. Välj den verksamhetsplanen.',
      },
    ];
  return [];
}

/**
 * A new draft plan for a network and year: an operational plan (one per network and year) or an action
 * plan under the network's operational plan of the same year. It serves the programme new plans follow
 * (programmeForPlans). The network's own people and the secretariat write plans (edit_plan).
 */
export async function createPlan(ctx: AppContext, raw: unknown): Promise<Plan> {
  const { values, problems } = parseEachField(planInput, raw);
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const networks = await repos.collaboration.networks(collaboration.id);
  const network = networks.find((n) => n.id === values.networkId);
  if (values.networkId !== undefined && !network)
    problems.push({ field: 'networkId', message: 'Nätverket finns inte. Välj ett nätverk i listan.' });
  // Whoever may not write the network's plans learns nothing more about the input; without a network
  // chosen, anyone who writes some network's plans is told to choose one.
  const mayWriteSome = networks.some((n) => allows(ctx.principal, 'edit_plan', { networkId: n.id }));
  if (network || !mayWriteSome) authorize(ctx, 'edit_plan', { networkId: network?.id ?? null });
  if (values.year !== undefined) {
    const wrongYear = planYearProblem(values.year, today(ctx));
    if (wrongYear) problems.push({ field: 'year', message: wrongYear });
  }
  if (values.kind === 'operational' && values.parentPlanId != null)
    problems.push({ field: 'parentPlanId', message: 'En verksamhetsplan hör inte till någon annan plan.' });
  problems.push(...(await checkParent(repos, values)));
  if (network && values.kind === 'operational' && values.year !== undefined) {
    const existing = await repos.plans.plans({
      collaborationId: collaboration.id,
      networkId: network.id,
      year: values.year,
    });
    if (existing.some((p) => p.kind === 'operational')) problems.push(operationalPlanTaken(values.year, network.name));
  }
  if (problems.length > 0) throw validationFailed(inFieldOrder(planInput, problems));
  const input = values as PlanInput;
  const target = await programmeForPlans(ctx);
  if (!target) throw noProgramme();
  const parent = input.parentPlanId ? await repos.plans.planById(input.parentPlanId) : undefined;
  try {
    return await inTransaction(ctx, async (tx) => {
      const plan = await tx.plans.insertPlan(
        {
          collaborationId: collaboration.id,
          networkId: input.networkId,
          year: input.year,
          kind: input.kind,
          title: input.title,
          parentPlanId: input.kind === 'action' ? input.parentPlanId : null,
          programmeId: parent?.programmeId ?? target.programme.id,
          state: 'draft',
          summary: input.summary,
          // An action plan under an invented example is invented too.
          isExample: parent?.isExample ?? false,
          copiedFromPlanId: null,
        },
        timestamp(ctx),
      );
      await recordEvent(ctx, tx, {
        action: 'plan.created',
        entityType: 'plan',
        entityId: plan.id,
        summary: planCreatedSummary(plan, network!.name),
        before: null,
        after: planSnapshot(plan, await planNames(tx, plan)),
      });
      return plan;
    });
  } catch (error) {
    // Someone created the operational plan between the check and the insert.
    if (ctx.storage.dialect.isUniqueViolation(error))
      throw validationFailed([operationalPlanTaken(input.year, network!.name)]);
    throw error;
  }
}
