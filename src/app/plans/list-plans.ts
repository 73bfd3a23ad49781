import { allows } from '../../domain/auth/policies.js';
import type { Plan, PlanState } from '../../domain/plans/plan.js';
import type { Network } from '../../domain/collaboration.js';
import { currentCollaboration } from '../collaboration.js';
import { readRepos, type AppContext } from '../context.js';

export interface PlanListFilter {
  /** A network's key (e.g. `planeringschefer`). */
  network?: string;
  year?: number;
}

export interface PlanList {
  plans: Plan[];
  networks: Network[];
  /** The years that have plans the reader may see, newest first. */
  years: number[];
}

/** The plans the acting person may see (the public: adopted ones), newest year first. */
export async function listPlans(ctx: AppContext, filter: PlanListFilter = {}): Promise<PlanList> {
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const networks = await repos.collaboration.networks(collaboration.id);
  const network = filter.network === undefined ? undefined : networks.find((n) => n.key === filter.network);
  const states: readonly PlanState[] | undefined = allows(ctx.principal, 'read_internal') ? undefined : ['adopted'];
  const visible = await repos.plans.plans({ collaborationId: collaboration.id, ...(states ? { states } : {}) });
  const plans = visible.filter(
    (p) =>
      (filter.network === undefined || p.networkId === network?.id) &&
      (filter.year === undefined || p.year === filter.year),
  );
  const years = [...new Set(visible.map((p) => p.year))].sort((a, b) => b - a);
  return { plans, networks, years };
}
