/**
 * Generated plans for the plans part: on top of the demo, for every year and every demo network an
 * adopted operational plan and its action plans with a committee decision, activities serving goals of
 * the demo plans' programme, the year's standard follow-up rounds and a report per activity and round.
 * Written through the repositories, one transaction per year. Nothing here is stored for good: the
 * database is the benchmark's and is removed after the run.
 *
 * Every activity slot (year, network, position) draws from a generator seeded with those three
 * numbers, so the data of a year is the same whatever the first year is (the quick run measures the
 * same 2026 as the full run, with less history). As "copy to next year" does (src/app/plans/
 * copy-plan.ts), an activity left unfinished at the annual follow-up is carried over into the same
 * slot of the next year's plans.
 */
import { currentCollaboration } from '../src/app/collaboration.js';
import { inTransaction, readRepos, type AppContext, type Repositories } from '../src/app/context.js';
import type { Member } from '../src/domain/adoption/decision.js';
import { standardRounds } from '../src/domain/plans/follow-up-rules.js';
import type { FollowUpRound, ReportStatus } from '../src/domain/plans/follow-up.js';
import { carriedDates, isUnfinished } from '../src/domain/plans/plan-rules.js';
import type { Activity, ClimateEffect, Plan, SustainabilityDimension } from '../src/domain/plans/plan.js';
import { goalsOf, type Goal, type Programme } from '../src/domain/programme/programme.js';
import { DEMO_PLAN_YEAR } from '../src/seed/demo-plans.js';
import type { Network } from '../src/domain/collaboration.js';
import type { NewActivity } from '../src/storage/plan.repository.js';
import { hash32, prng } from './support.js';

export interface PlanDataShape {
  firstYear: number;
  lastYear: number;
  activitiesPerNetworkYear: number;
}

/** Action plans under each operational plan. */
export const ACTION_PLANS_PER_NETWORK_YEAR = 2;

export interface PlanData {
  networks: number;
  years: number;
  programme: { id: number; slug: string; goals: number };
  /** Generated here (the demo's own plans, activities and reports come on top). */
  plansCreated: number;
  activities: number;
  carriedOver: number;
  reports: number;
  roundsCreated: number;
  /** All of them in the database after generation, the demo's included. */
  totals: { plans: number; activities: number; reports: number; rounds: number };
  seconds: number;
}

const STATUSES: readonly ReportStatus[] = ['green', 'yellow', 'red'];
const CLIMATE: readonly ClimateEffect[] = ['reduces', 'neutral', 'increases', 'unknown'];
const DIMENSIONS: readonly SustainabilityDimension[] = ['ecological', 'social', 'economic'];
const WEIGHTS = [1, 1, 1, 1.5, 2] as const;
const FILLER =
  'Nätverket samordnar kommunernas arbete, tar fram ett gemensamt underlag och redovisar resultatet för ' +
  'samarbetskommittén. Genererad text för prestandamätningen (bench/), inte samverkans verkliga plan.';

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

/** Green 70 %, yellow 20 %, red 10 %. */
const status = (random: Random): ReportStatus => {
  const r = random();
  return r < 0.7 ? STATUSES[0]! : r < 0.9 ? STATUSES[1]! : STATUSES[2]!;
};

interface SlotDraw {
  goalCount: number;
  goalOrder: number[];
  strategyDraws: number[];
  memberCount: number;
  memberOrder: number[];
  startMonth: number;
  endMonth: number;
  budgetKr: number | null;
  weight: number;
  climateEffect: ClimateEffect;
  dimension: SustainabilityDimension;
  /** Per round: status and the share of the year's progress reached by then. */
  reports: { status: ReportStatus }[];
  /** Progress at the annual follow-up: 100 when green, less otherwise (unfinished). */
  finalProgress: number;
}

/** Everything random about one slot, drawn in a fixed order whatever is used. */
function drawSlot(year: number, network: number, slot: number, goals: number, members: number): SlotDraw {
  const random = prng(hash32(year, network, slot));
  const shuffled = (n: number) =>
    Array.from({ length: n }, (_, i) => [random(), i] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, i]) => i);
  const startMonth = between(random, 1, 6);
  const reports = [0, 1, 2].map(() => ({ status: status(random) }));
  const last = reports[2]!.status;
  return {
    goalCount: Math.min(goals, between(random, 1, 3)),
    goalOrder: shuffled(goals),
    strategyDraws: [random(), random(), random()],
    memberCount: between(random, 1, members),
    memberOrder: shuffled(members),
    startMonth,
    endMonth: between(random, startMonth + 3, 12),
    budgetKr: random() < 0.2 ? null : between(random, 10, 500) * 1000,
    weight: pick(random, WEIGHTS),
    climateEffect: pick(random, CLIMATE),
    dimension: pick(random, DIMENSIONS),
    reports,
    finalProgress: last === 'green' ? 100 : last === 'yellow' ? between(random, 60, 95) : between(random, 10, 70),
  };
}

const isoDate = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

function newActivity(
  draw: SlotDraw,
  context: { year: number; slot: number; network: Network; plan: Plan; goals: readonly Goal[]; members: Member[] },
): NewActivity {
  const { year, slot, network, plan, goals, members } = context;
  const chosen = draw.goalOrder.slice(0, draw.goalCount).map((i) => goals[i]!);
  return {
    planId: plan.id,
    title: `Aktivitet ${slot + 1} ${year} för ${network.name}`,
    description: FILLER,
    goalIds: chosen.map((g) => g.id),
    // About half of the goals get one of their strategies.
    strategyIds: chosen.flatMap((g, i) =>
      g.strategies.length > 0 && draw.strategyDraws[i]! < 0.5
        ? [g.strategies[Math.floor(draw.strategyDraws[i]! * 2 * g.strategies.length)]!.id]
        : [],
    ),
    ownerName: `Samordnare ${(slot % 8) + 1}, ${network.name}`,
    ownerUserId: null,
    memberIds: draw.memberOrder.slice(0, draw.memberCount).map((i) => members[i]!.id),
    startDate: isoDate(year, draw.startMonth, 1),
    endDate: isoDate(year, draw.endMonth, 28),
    budgetKr: draw.budgetKr,
    weight: draw.weight,
    climateEffect: draw.climateEffect,
    climateJustification: 'Bedömningen är genererad för prestandamätningen.',
    dimension: draw.dimension,
    carriedOverFromActivityId: null,
  };
}

/** The carried copy of last year's unfinished activity, as copy-plan makes it (dates moved into the year). */
const carriedActivity = (from: Activity, plan: Plan, year: number): NewActivity => ({
  planId: plan.id,
  title: from.title,
  description: from.description,
  goalIds: from.goalIds,
  strategyIds: from.strategyIds,
  ownerName: from.ownerName,
  ownerUserId: from.ownerUserId,
  memberIds: from.memberIds,
  ...carriedDates(from.startDate, from.endDate, year),
  budgetKr: from.budgetKr,
  weight: from.weight,
  climateEffect: from.climateEffect,
  climateJustification: from.climateJustification,
  dimension: from.dimension,
  carriedOverFromActivityId: from.id,
});

/** The programme the demo's example plans serve (sup-2035-rev-2021 in the shipped demo). */
async function demoPlansProgramme(repos: Repositories, collaborationId: number): Promise<Programme> {
  const demo = await repos.plans.plans({ collaborationId, year: DEMO_PLAN_YEAR });
  const programme = demo[0] && (await repos.programmes.get(demo[0].programmeId));
  if (!programme || goalsOf(programme).length === 0)
    throw new Error(`The demo has no plans for ${DEMO_PLAN_YEAR} serving a programme with goals.`);
  return programme;
}

interface Counts {
  plansCreated: number;
  activities: number;
  carriedOver: number;
  reports: number;
  roundsCreated: number;
}

/** The year's rounds, the standard ones added when missing (the demo has those of 2026 and 2027). */
async function roundsOf(repos: Repositories, collaborationId: number, year: number, now: string, counts: Counts) {
  const existing = await repos.followUp.rounds(collaborationId, year);
  const rounds: FollowUpRound[] = [];
  for (const r of standardRounds(year)) {
    const found = existing.find((e) => e.name === r.name);
    if (found) rounds.push(found);
    else {
      rounds.push(await repos.followUp.insertRound({ collaborationId, year, ...r }, now));
      counts.roundsCreated++;
    }
  }
  return rounds;
}

/**
 * The network's adopted plans of the year: the operational plan (the demo's when it has one) first,
 * then the action plans, created when missing, each with an adopting decision.
 */
async function plansOf(
  repos: Repositories,
  base: { collaborationId: number; programmeId: number; year: number; network: Network; now: string },
  lastYears: readonly Plan[] | undefined,
  counts: Counts,
): Promise<Plan[]> {
  const { collaborationId, programmeId, year, network, now } = base;
  const existing = await repos.plans.plans({ collaborationId, networkId: network.id, year });
  const create = async (index: number, parent: Plan | null): Promise<Plan> => {
    const kind = parent ? 'action' : 'operational';
    const plan = await repos.plans.insertPlan(
      {
        collaborationId,
        networkId: network.id,
        year,
        kind,
        title: parent
          ? `Handlingsplan ${index} ${year} för ${network.name}`
          : `Verksamhetsplan ${year} för ${network.name}`,
        parentPlanId: parent?.id ?? null,
        programmeId,
        state: 'adopted',
        summary: `${FILLER}\n\n${FILLER}`,
        isExample: false,
        copiedFromPlanId: lastYears?.[index]?.id ?? null,
      },
      now,
    );
    await repos.plans.insertDecision(
      {
        planId: plan.id,
        decided: { precision: 'exact', date: isoDate(year, 1, 22) },
        paragraph: `§ ${network.id * 3 + index}`,
        outcome: 'adopted',
        note: '',
        source: 'bench',
      },
      now,
    );
    counts.plansCreated++;
    return plan;
  };
  const operational = existing.find((p) => p.kind === 'operational') ?? (await create(0, null));
  const actions = existing.filter((p) => p.parentPlanId === operational.id);
  while (actions.length < ACTION_PLANS_PER_NETWORK_YEAR) actions.push(await create(actions.length + 1, operational));
  return [operational, ...actions.slice(0, ACTION_PLANS_PER_NETWORK_YEAR)];
}

/** The plan of a slot: the operational plan takes half the slots, the action plans share the rest. */
const planIndexOf = (slot: number) => Math.max(0, (slot % (ACTION_PLANS_PER_NETWORK_YEAR + 2)) - 1);

/** Writes the plans of every year and network; `sample` is called after each year's transaction. */
export async function generatePlans(ctx: AppContext, shape: PlanDataShape, sample: () => void): Promise<PlanData> {
  const start = process.hrtime.bigint();
  const repos = readRepos(ctx);
  const collaborationId = (await currentCollaboration(repos)).id;
  const programme = await demoPlansProgramme(repos, collaborationId);
  const goals = goalsOf(programme);
  const networks = await repos.collaboration.networks(collaborationId);
  const members = await repos.collaboration.members(collaborationId);
  const now = ctx.now().toISOString();
  const counts: Counts = { plansCreated: 0, activities: 0, carriedOver: 0, reports: 0, roundsCreated: 0 };
  // Last year's plans and slots per network: what the next year copies and carries over.
  let previous = new Map<number, { plans: Plan[]; slots: { activity: Activity; unfinished: boolean }[] }>();

  for (let year = shape.firstYear; year <= shape.lastYear; year++) {
    previous = await inTransaction(ctx, async (trx) => {
      const rounds = await roundsOf(trx, collaborationId, year, now, counts);
      const next = new Map<number, { plans: Plan[]; slots: { activity: Activity; unfinished: boolean }[] }>();
      for (const network of networks) {
        const last = previous.get(network.id);
        const base = { collaborationId, programmeId: programme.id, year, network, now };
        const plans = await plansOf(trx, base, last?.plans, counts);
        const slots: { activity: Activity; unfinished: boolean }[] = [];
        for (let slot = 0; slot < shape.activitiesPerNetworkYear; slot++) {
          const draw = drawSlot(year, network.id, slot, goals.length, members.length);
          const plan = plans[planIndexOf(slot)]!;
          const from = last?.slots[slot];
          const activity = await trx.plans.insertActivity(
            from?.unfinished
              ? carriedActivity(from.activity, plan, year)
              : newActivity(draw, { year, slot, network, plan, goals, members }),
            now,
          );
          counts.activities++;
          if (from?.unfinished) counts.carriedOver++;
          for (const [i, round] of rounds.entries()) {
            const { status } = draw.reports[i]!;
            await trx.followUp.saveReport({
              activityId: activity.id,
              roundId: round.id,
              status,
              progress: Math.round((draw.finalProgress * (i + 1)) / rounds.length),
              comment: status === 'green' ? '' : 'Genererad kommentar: arbetet är försenat (bench).',
              reportedByUserId: null,
              reportedByName: 'bench',
              reportedAt: `${round.dueDate}T07:00:00.000Z`,
            });
            counts.reports++;
          }
          slots.push({ activity, unfinished: isUnfinished({ progress: draw.finalProgress }) });
        }
        next.set(network.id, { plans, slots });
      }
      return next;
    });
    sample();
  }

  const all = await repos.plans.plans({ collaborationId });
  const activities = await repos.plans.activitiesOf(all.map((p) => p.id));
  const reports = await repos.followUp.reportsFor(activities.map((a) => a.id));
  return {
    networks: networks.length,
    years: shape.lastYear - shape.firstYear + 1,
    programme: { id: programme.id, slug: programme.slug, goals: goals.length },
    ...counts,
    totals: {
      plans: all.length,
      activities: activities.length,
      reports: reports.length,
      rounds: (await repos.followUp.rounds(collaborationId)).length,
    },
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
  };
}
