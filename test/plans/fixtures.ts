/** Plans, activities, rounds, reports and acting people for the plan tests, made directly with the repositories. */
import { actingAs, readRepos, type AppContext } from '../../src/app/context.js';
import { programmeForPlans } from '../../src/app/plans/plan-programme.js';
import { getProgramme } from '../../src/app/programmes/get-programme.js';
import type { Role } from '../../src/domain/auth/roles.js';
import type { ActivityReport, FollowUpRound } from '../../src/domain/plans/follow-up.js';
import type { Activity, Plan, PlanKind, PlanState } from '../../src/domain/plans/plan.js';
import { goalsOf, type Goal } from '../../src/domain/programme/programme.js';
import type { NewActivity } from '../../src/storage/plan.repository.js';

const NOW = '2026-01-10T09:00:00.000Z';

export async function networkByKey(ctx: AppContext, key: string) {
  const repos = readRepos(ctx);
  const collaboration = (await repos.collaboration.first())!;
  const network = (await repos.collaboration.networks(collaboration.id)).find((n) => n.key === key);
  if (!network) throw new Error(`no network ${key}`);
  return network;
}

export async function members(ctx: AppContext) {
  const repos = readRepos(ctx);
  return repos.collaboration.members((await repos.collaboration.first())!.id);
}

/** The goals of the programme new plans serve (sup-2035-rev-2021 in the demo). */
export async function planGoals(ctx: AppContext): Promise<Goal[]> {
  return goalsOf((await programmeForPlans(ctx))!.programme);
}

/** A goal of an older programme (sup-2013), which new plans do not serve. */
export async function oldProgrammeGoal(ctx: AppContext): Promise<Goal> {
  return goalsOf((await getProgramme(ctx, 'sup-2013')).programme)[0]!;
}

export async function makePlan(
  ctx: AppContext,
  options: {
    networkKey: string;
    year: number;
    state?: PlanState;
    kind?: PlanKind;
    parent?: Plan;
    isExample?: boolean;
    title?: string;
  },
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
      kind: options.kind ?? 'operational',
      title: options.title ?? `Verksamhetsplan ${options.year} för ${network.name}`,
      parentPlanId: options.parent?.id ?? null,
      programmeId: programme.id,
      state: options.state ?? 'adopted',
      summary: 'Planens inriktning.',
      isExample: options.isExample ?? false,
      copiedFromPlanId: null,
    },
    NOW,
  );
}

export async function makeActivity(ctx: AppContext, plan: Plan, change: Partial<NewActivity> = {}): Promise<Activity> {
  const goal = (await planGoals(ctx))[0]!;
  return readRepos(ctx).plans.insertActivity(
    {
      planId: plan.id,
      title: 'Gemensam analys',
      description: 'Beskrivning',
      goalIds: [goal.id],
      strategyIds: goal.strategies.slice(0, 1).map((s) => s.id),
      ownerName: 'Nätverkets ordförande',
      ownerUserId: null,
      memberIds: [],
      startDate: `${plan.year}-02-01`,
      endDate: `${plan.year}-11-30`,
      budgetKr: 250_000,
      weight: 1,
      climateEffect: 'neutral',
      climateJustification: '',
      dimension: 'social',
      carriedOverFromActivityId: null,
      ...change,
    },
    NOW,
  );
}

let roundCounter = 0;

/** A round of `year` with a name of its own (the demo has the standard ones). */
export async function makeRound(ctx: AppContext, year: number, dueDate: string): Promise<FollowUpRound> {
  const repos = readRepos(ctx);
  const collaboration = (await repos.collaboration.first())!;
  return repos.followUp.insertRound(
    { collaborationId: collaboration.id, year, name: `Testomgång ${++roundCounter}`, periodEnd: dueDate, dueDate },
    NOW,
  );
}

export function report(
  ctx: AppContext,
  activity: Activity,
  round: FollowUpRound,
  progress: number,
): Promise<ActivityReport> {
  return readRepos(ctx).followUp.saveReport({
    activityId: activity.id,
    roundId: round.id,
    status: progress >= 100 ? 'green' : 'yellow',
    progress,
    comment: progress >= 100 ? '' : 'Pågår.',
    reportedByUserId: null,
    reportedByName: 'Test',
    reportedAt: NOW,
  });
}

let counter = 0;

/** An account with one role (scoped to a network by key) and the context acting as it. */
export async function actAs(
  ctx: AppContext,
  role: Role,
  networkKey?: string,
): Promise<{ ctx: AppContext; userId: number; name: string }> {
  const repos = readRepos(ctx);
  const networkId = networkKey ? (await networkByKey(ctx, networkKey)).id : null;
  const n = ++counter;
  const name = `Test ${role} ${n}`;
  const userId = await repos.users.insert(
    { email: `plan-${role.replace(/_/g, '-')}-${n}-${Date.now()}@test.invalid`, name, passwordHash: null },
    NOW,
  );
  const grant = { role, memberId: null, networkId };
  await repos.users.grant(userId, grant);
  return {
    ctx: actingAs(ctx, { kind: 'user', userId, name }, { signedIn: true, grants: [grant] }),
    userId,
    name,
  };
}

/** Every audit event of an action, oldest first. */
export function eventsOf(ctx: AppContext, action: string) {
  return ctx.storage.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; problems: { field: string; message: string }[] }> {
  const error = await promise.then(
    () => {
      throw new Error('väntade ett fel');
    },
    (e: unknown) => e,
  );
  return error as { code: string; message: string; problems: { field: string; message: string }[] };
}
