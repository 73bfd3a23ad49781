/**
 * Plans, activities, follow-up rounds, reports and acting people for the tests of plans, follow-up and
 * results, made directly with the repositories (no audit), in the demo collaboration.
 */
import { expect } from 'vitest';
import { actingAs, readRepos, type AppContext } from '../../src/app/context.js';
import { programmeForPlans } from '../../src/app/plans/plan-programme.js';
import { getProgramme } from '../../src/app/programmes/get-programme.js';
import type { Role } from '../../src/domain/auth/roles.js';
import { DomainError } from '../../src/domain/errors.js';
import type { ActivityReport, FollowUpRound, ReportStatus } from '../../src/domain/plans/follow-up.js';
import type { Activity, Plan, PlanKind, PlanState } from '../../src/domain/plans/plan.js';
import { goalsOf, type Goal } from '../../src/domain/programme/programme.js';
import type { NewActivity } from '../../src/storage/plan.repository.js';

/**
 * When the fixtures say they made things: before the test clock (TEST_NOW), so that a change the app
 * makes later shows as a new `updatedAt` (a stale edit is then told apart from a fresh one).
 */
const NOW = '2026-01-10T09:00:00.000Z';

/** The id of the demo collaboration (the only one). */
async function collaborationId(ctx: AppContext): Promise<number> {
  return (await readRepos(ctx).collaboration.first())!.id;
}

/** Every network of the demo collaboration (cooperations included), in the repository's order. */
export async function networks(ctx: AppContext) {
  return readRepos(ctx).collaboration.networks(await collaborationId(ctx));
}

/** A demo network by key (planeringschefer, klimatstrateger, …); throws when there is none. */
export async function networkByKey(ctx: AppContext, key: string) {
  const network = (await networks(ctx)).find((n) => n.key === key);
  if (!network) throw new Error(`no network ${key}`);
  return network;
}

/** The member municipalities of the demo collaboration. */
export async function members(ctx: AppContext) {
  return readRepos(ctx).collaboration.members(await collaborationId(ctx));
}

/** The goals of the programme new plans serve (sup-2035-rev-2021 in the demo). */
export async function planGoals(ctx: AppContext): Promise<Goal[]> {
  return goalsOf((await programmeForPlans(ctx))!.programme);
}

/** A goal of an older programme (sup-2013), which new plans do not serve. */
export async function oldProgrammeGoal(ctx: AppContext): Promise<Goal> {
  return goalsOf((await getProgramme(ctx, 'sup-2013')).programme)[0]!;
}

/** What makePlan needs (network and year) and what it may be told instead of its defaults. */
export interface PlanOptions {
  networkKey: string;
  year: number;
  /** `adopted` unless told. */
  state?: PlanState;
  /** `operational` unless told. */
  kind?: PlanKind;
  /** The operational plan an action plan belongs to. */
  parent?: Plan;
  isExample?: boolean;
  /** `Verksamhetsplan {year} för {network}` unless told. */
  title?: string;
  summary?: string;
  /** Another programme than the one new plans serve. */
  programmeId?: number;
}

/** A plan of a network for a year, adopted and operational unless told, in the programme new plans serve. */
export async function makePlan(ctx: AppContext, options: PlanOptions): Promise<Plan> {
  const repos = readRepos(ctx);
  const network = await networkByKey(ctx, options.networkKey);
  const { programme } = (await programmeForPlans(ctx))!;
  return repos.plans.insertPlan(
    {
      collaborationId: await collaborationId(ctx),
      networkId: network.id,
      year: options.year,
      kind: options.kind ?? 'operational',
      title: options.title ?? `Verksamhetsplan ${options.year} för ${network.name}`,
      parentPlanId: options.parent?.id ?? null,
      programmeId: options.programmeId ?? programme.id,
      state: options.state ?? 'adopted',
      summary: options.summary ?? 'Planens inriktning.',
      isExample: options.isExample ?? false,
      copiedFromPlanId: null,
    },
    NOW,
  );
}

/**
 * An activity of `plan`, running February to November of its year, with the fields in `change` instead of
 * the defaults. Unless told its goals, it serves the first goal of the plan's programme and that goal's
 * first strategy; told its goals, it has no strategy unless told that too.
 */
export async function makeActivity(ctx: AppContext, plan: Plan, change: Partial<NewActivity> = {}): Promise<Activity> {
  const repos = readRepos(ctx);
  const goal = goalsOf((await repos.programmes.get(plan.programmeId))!)[0]!;
  return repos.plans.insertActivity(
    {
      planId: plan.id,
      title: 'Gemensam analys',
      description: 'Beskrivning',
      goalIds: [goal.id],
      strategyIds: change.goalIds ? [] : goal.strategies.slice(0, 1).map((s) => s.id),
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

/**
 * A follow-up round of `year` due on `dueDate`. Its period ends on the due date unless told; unnamed, it
 * gets a name of its own (`Testomgång n`), as the demo has the standard names.
 */
export async function makeRound(
  ctx: AppContext,
  year: number,
  round: { dueDate: string; name?: string; periodEnd?: string },
): Promise<FollowUpRound> {
  return readRepos(ctx).followUp.insertRound(
    {
      collaborationId: await collaborationId(ctx),
      year,
      name: round.name ?? `Testomgång ${++roundCounter}`,
      periodEnd: round.periodEnd ?? round.dueDate,
      dueDate: round.dueDate,
    },
    NOW,
  );
}

/**
 * Saves the report of `activity` in `round` at `progress` percent, by "Test". Its status is green at 100 and
 * yellow below unless told; its comment is empty when green and "Pågår." otherwise unless told.
 */
export function report(
  ctx: AppContext,
  activity: Activity,
  round: FollowUpRound,
  progress: number,
  options: { status?: ReportStatus; comment?: string } = {},
): Promise<ActivityReport> {
  const status = options.status ?? (progress >= 100 ? 'green' : 'yellow');
  return readRepos(ctx).followUp.saveReport({
    activityId: activity.id,
    roundId: round.id,
    status,
    progress,
    comment: options.comment ?? (status === 'green' ? '' : 'Pågår.'),
    reportedByUserId: null,
    reportedByName: 'Test',
    reportedAt: NOW,
  });
}

let accountCounter = 0;

/**
 * A new account with one role (scoped to the network `networkKey`, if given), e-mail `email` or one of its
 * own, and `ctx` acting as it.
 */
export async function actAs(
  ctx: AppContext,
  role: Role,
  networkKey?: string,
  email?: string,
): Promise<{ ctx: AppContext; userId: number; name: string; email: string }> {
  const repos = readRepos(ctx);
  const networkId = networkKey ? (await networkByKey(ctx, networkKey)).id : null;
  const n = ++accountCounter;
  const name = `Test ${role} ${n}`;
  const address = email ?? `plan-${role.replace(/_/g, '-')}-${n}-${Date.now()}@test.invalid`;
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

/** Every audit event of an action, oldest first. */
export function eventsOf(ctx: AppContext, action: string) {
  return ctx.storage.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();
}

/** The DomainError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** What resultsFixture gives: the goals the results tests look at, and makers bound to their context. */
export type ResultsFixture = Awaited<ReturnType<typeof resultsFixture>>;

/**
 * For the results tests: in the programme new plans serve, a focus area with two goals (A1, A2) and another
 * with one (B1); the networks (not cooperations); and makePlan, makeActivity, makeRound and report bound to
 * `ctx`, with the plan's network given by its place in `networks` (the first unless told).
 */
export async function resultsFixture(ctx: AppContext) {
  const inCollaboration = (await networks(ctx)).filter((n) => n.kind === 'network');
  const { programme } = (await programmeForPlans(ctx))!;
  const areaA = programme.focusAreas.find((a) => a.goals.length >= 2)!;
  const areaB = programme.focusAreas.find((a) => a !== areaA && a.goals.length >= 1)!;
  return {
    programme,
    areaA,
    goalA1: areaA.goals[0]!,
    goalA2: areaA.goals[1]!,
    areaB,
    goalB1: areaB.goals[0]!,
    networks: inCollaboration,
    plan: ({ network = 0, ...options }: Omit<PlanOptions, 'networkKey'> & { network?: number }): Promise<Plan> =>
      makePlan(ctx, { ...options, networkKey: inCollaboration[network]!.key }),
    activity: (plan: Plan, change: Partial<NewActivity>): Promise<Activity> => makeActivity(ctx, plan, change),
    round: (year: number, name: string, dueDate: string): Promise<FollowUpRound> =>
      makeRound(ctx, year, { name, dueDate }),
    report: (
      activity: Activity,
      round: FollowUpRound,
      status: ReportStatus,
      progress: number,
      comment?: string,
    ): Promise<ActivityReport> => report(ctx, activity, round, progress, { status, comment }),
  };
}
