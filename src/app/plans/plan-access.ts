/**
 * What every write on a plan shares: the plan loaded and the right checked for its network, the
 * draft-only rule, the programme's goals for the activity checks, and the accounts that may own an
 * activity (those with a role in the plan's network).
 */
import { DomainError } from '../../domain/errors.js';
import type { ProgrammeGoals } from '../../domain/plans/plan-rules.js';
import type { Plan } from '../../domain/plans/plan.js';
import type { Programme } from '../../domain/programme/programme.js';
import { authorize } from '../auth/authorize.js';
import type { AppContext, Repositories } from '../context.js';
import { loadPlan } from './get-plan.js';

export const planNotADraft = (plan: Pick<Plan, 'state'>): DomainError =>
  new DomainError(
    'not_a_draft',
    plan.state === 'submitted'
      ? 'Planen är inlämnad till samarbetskommittén och kan inte ändras. Kommittén kan återremittera den till utkast.'
      : 'Planen är antagen och kan inte ändras. Skapa nästa års plan från den i stället.',
  );

/** Someone saved `what` ("Planen", "Aktiviteten") since the person opened the form: nothing was saved. */
const changedMeanwhile = (what: string): DomainError =>
  new DomainError(
    'conflict',
    `${what} har ändrats av någon annan sedan du öppnade sidan. Dina ändringar har inte sparats. Jämför med de senaste uppgifterna och försök igen.`,
  );

export const planConflict = (): DomainError => changedMeanwhile('Planen');
export const activityConflict = (): DomainError => changedMeanwhile('Aktiviteten');

export const activityRemovalConflict = (): DomainError =>
  new DomainError(
    'conflict',
    'Aktiviteten har ändrats av någon annan sedan du öppnade sidan och har inte tagits bort. Se hur den ser ut nu och ta bort den igen om den ska bort.',
  );

/** The plan, if the acting person may edit its network's plans (403 otherwise) and it is a draft (409). */
export async function loadDraftToEdit(ctx: AppContext, repos: Repositories, planId: number): Promise<Plan> {
  const plan = await loadPlan(repos, planId);
  authorize(ctx, 'edit_plan', { networkId: plan.networkId });
  if (plan.state !== 'draft') throw planNotADraft(plan);
  return plan;
}

export function programmeGoals(programme: Pick<Programme, 'focusAreas'>): ProgrammeGoals {
  const goalIds = new Set<number>();
  const strategyGoal = new Map<number, number>();
  for (const area of programme.focusAreas)
    for (const goal of area.goals) {
      goalIds.add(goal.id);
      for (const s of goal.strategies) strategyGoal.set(s.id, goal.id);
    }
  return { goalIds, strategyGoal };
}

/** An account that may own an activity of the network's plans: active, with a role in the network. */
export interface OwnerAccount {
  id: number;
  name: string;
}

export async function networkAccounts(repos: Repositories, networkId: number): Promise<OwnerAccount[]> {
  const users = await repos.users.list();
  return users
    .filter(
      (u) =>
        u.status === 'active' &&
        u.grants.some((g) => (g.role === 'network_lead' || g.role === 'network_member') && g.networkId === networkId),
    )
    .map((u) => ({ id: u.id, name: u.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
