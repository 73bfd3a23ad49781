import { actingAs, readRepos, type AppContext } from '../../src/app/context.js';
import { programmeForPlans } from '../../src/app/plans/plan-programme.js';
import type { Role } from '../../src/domain/auth/roles.js';
import type { FollowUpRound } from '../../src/domain/plans/follow-up.js';
import type { Activity, Plan, PlanState } from '../../src/domain/plans/plan.js';
import { goalsOf } from '../../src/domain/programme/programme.js';
import type { NewActivity } from '../../src/storage/plan.repository.js';

const NOW = '2026-01-10T09:00:00.000Z';

/** The demo networks by key (planeringschefer, …). */
export async function networkByKey(ctx: AppContext, key: string) {
  const repos = readRepos(ctx);
  const collaboration = (await repos.collaboration.first())!;
  const network = (await repos.collaboration.networks(collaboration.id)).find((n) => n.key === key);
  if (!network) throw new Error(`no network ${key}`);
  return network;
}

export async function networks(ctx: AppContext) {
  const repos = readRepos(ctx);
  const collaboration = (await repos.collaboration.first())!;
  return repos.collaboration.networks(collaboration.id);
}

/** A plan of `networkKey` for `year` in `state`, made directly with the repositories (no audit). */
export async function makePlan(
  ctx: AppContext,
  options: { networkKey: string; year: number; state?: PlanState; isExample?: boolean; title?: string },
): Promise<Plan> {
  const repos = readRepos(ctx);
  const collaboration = (await repos.collaboration.first())!;
  const network = await networkByKey(ctx, options.networkKey);
  const { programme } = (await programmeForPlans(ctx))!;
  return repos.plans.insertPlan(
    {
      collaborationId: collaboration.id,
      networkId: network.id,
      year: options.year,
      kind: 'operational',
      title: options.title ?? `Verksamhetsplan ${options.year} för ${network.name}`,
      parentPlanId: null,
      programmeId: programme.id,
      state: options.state ?? 'adopted',
      summary: 'Planens inriktning.',
      isExample: options.isExample ?? false,
      copiedFromPlanId: null,
    },
    NOW,
  );
}

/** An activity of `plan` serving the programme's first goal. */
export async function makeActivity(
  ctx: AppContext,
  plan: Plan,
  options: Partial<Pick<NewActivity, 'title' | 'ownerName' | 'ownerUserId' | 'startDate' | 'endDate'>> = {},
): Promise<Activity> {
  const repos = readRepos(ctx);
  const programme = (await repos.programmes.get(plan.programmeId))!;
  const goal = goalsOf(programme)[0]!;
  return repos.plans.insertActivity(
    {
      planId: plan.id,
      title: options.title ?? 'Gemensam bostadsförsörjningsanalys',
      description: 'Beskrivning',
      goalIds: [goal.id],
      strategyIds: [],
      ownerName: options.ownerName ?? 'Planeringschefen i Huddinge',
      ownerUserId: options.ownerUserId ?? null,
      memberIds: [],
      startDate: options.startDate ?? `${plan.year}-02-01`,
      endDate: options.endDate ?? `${plan.year}-11-30`,
      budgetKr: null,
      weight: 1,
      climateEffect: 'neutral',
      climateJustification: '',
      dimension: 'social',
      carriedOverFromActivityId: null,
    },
    NOW,
  );
}

/** A round of `year`, made directly with the repository. */
export async function makeRound(
  ctx: AppContext,
  year: number,
  round: Pick<FollowUpRound, 'name' | 'periodEnd' | 'dueDate'>,
): Promise<FollowUpRound> {
  const repos = readRepos(ctx);
  const collaboration = (await repos.collaboration.first())!;
  return repos.followUp.insertRound({ collaborationId: collaboration.id, year, ...round }, NOW);
}

let counter = 0;

/** An account with one role (scope by network id) and the context acting as it. */
export async function actAs(
  ctx: AppContext,
  role: Role,
  networkId: number | null = null,
  email?: string,
): Promise<{ ctx: AppContext; userId: number; name: string; email: string }> {
  const repos = readRepos(ctx);
  const n = ++counter;
  const address = email ?? `${role.replace(/_/g, '-')}-${n}-${Date.now()}@test.invalid`;
  const name = `Test ${role} ${n}`;
  const userId = await repos.users.insert({ email: address, name, passwordHash: null }, NOW);
  const grant = { role, memberId: null, networkId };
  await repos.users.grant(userId, grant);
  return {
    ctx: actingAs(ctx, { kind: 'user', userId, name }, { signedIn: true, grants: [grant] }),
    userId,
    name,
    email: address,
  };
}

/** Every audit event of an action, newest last. */
export async function eventsOf(ctx: AppContext, action: string) {
  const rows = await ctx.storage.db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', action)
    .orderBy('id')
    .execute();
  return rows;
}
