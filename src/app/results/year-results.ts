/**
 * What the chief networks' plans of one year achieved, per focus area and goal of the programme they
 * serve: the activities with their latest report in the year's rounds, the roll-ups (src/domain/plans/
 * rollup.ts) and, beside them, the goals' indicator verdicts — never combined into one figure.
 *
 * Only the plans the reader may see count (maySeePlan: the public sees adopted plans only), so the
 * pages list the plans behind the figures. Plans of one year normally serve one programme; when they
 * serve several, the figures are grouped per programme.
 */
import type { ActivityReport, FollowUpRound } from '../../domain/plans/follow-up.js';
import type { Activity, Plan } from '../../domain/plans/plan.js';
import {
  rollUp,
  rollupStatusOf,
  type Rollup,
  type RollupActivity,
  type RollupStatus,
} from '../../domain/plans/rollup.js';
import type { FocusArea, Goal, Programme } from '../../domain/programme/programme.js';
import type { Network } from '../../domain/collaboration.js';
import { currentCollaboration } from '../collaboration.js';
import { readRepos, today, type AppContext, type Repositories } from '../context.js';
import { goalIndicatorViews, type GoalIndicatorView } from '../indicators/goal-targets.js';
import { activityViews, maySeePlan, type ActivityView } from '../plans/get-plan.js';

/** An activity of the year with what the roll-ups count. */
export interface ResultActivity {
  view: ActivityView;
  plan: Plan;
  network: Network;
  /** Its latest report in the year's rounds; null when it has none. */
  latest: ActivityReport | null;
  /** The round of that report. */
  latestRound: FollowUpRound | null;
  status: RollupStatus;
}

export interface GoalResult {
  goal: Goal;
  focusArea: FocusArea;
  rollup: Rollup;
  /** The activities serving the goal, in the roll-up's order. */
  activities: ResultActivity[];
  /** The goal's indicators with their verdicts (empty when not asked for or none are linked). */
  indicators: GoalIndicatorView[];
  /** Whether an activity behind the figures comes from an example plan. */
  includesExamples: boolean;
}

export interface FocusAreaResult {
  focusArea: FocusArea;
  /** Each activity once, however many of the area's goals it serves. */
  rollup: Rollup;
  activities: ResultActivity[];
  goals: GoalResult[];
  includesExamples: boolean;
}

export interface ProgrammeResults {
  programme: Programme;
  /** The plans of the year serving this programme that the reader may see. */
  plans: Plan[];
  focusAreas: FocusAreaResult[];
  /** Over all the programme's activities of the year, each once. */
  rollup: Rollup;
  activities: ResultActivity[];
  includesExamples: boolean;
}

export interface YearResults {
  year: number;
  programmes: ProgrammeResults[];
  /** Every plan behind the figures, with its network. */
  plans: { plan: Plan; network: Network }[];
  /** The follow-up rounds of the year, in deadline order. */
  rounds: FollowUpRound[];
  /** Whether any plan behind the figures is an example: every page and export says so. */
  includesExamples: boolean;
  /** Years with plans the reader may see, newest first (for links between years). */
  years: number[];
  /** The day the figures were put together (today in Sweden). */
  preparedOn: string;
}

export interface YearResultsOptions {
  /** Evaluate the goals' indicators too (the roll-up page and the annual report show them). */
  indicators?: boolean;
}

const toRollupActivity = (a: ResultActivity): RollupActivity => ({
  id: a.view.activity.id,
  weight: a.view.activity.weight,
  goalIds: a.view.activity.goalIds,
  latest: a.latest && { status: a.latest.status, progress: a.latest.progress },
});

/** The figures over `activities` (each once) with the activities in the same order. */
function figuresOf(activities: readonly ResultActivity[]): { rollup: Rollup; activities: ResultActivity[] } {
  const rollup = rollUp(activities.map(toRollupActivity));
  const byId = new Map(activities.map((a) => [a.view.activity.id, a]));
  return { rollup, activities: rollup.activityIds.map((id) => byId.get(id)!) };
}

const anyExample = (activities: readonly ResultActivity[]) => activities.some((a) => a.plan.isExample);

/** The years that have plans the reader may see, newest first. */
async function visibleYears(ctx: AppContext, repos: Repositories, collaborationId: number): Promise<number[]> {
  const plans = (await repos.plans.plans({ collaborationId })).filter((p) => maySeePlan(ctx, p));
  return [...new Set(plans.map((p) => p.year))].sort((a, b) => b - a);
}

/** The year's plans the reader may see, their activities and reports, rolled up per focus area and goal. */
export async function getYearResults(
  ctx: AppContext,
  year: number,
  options: YearResultsOptions = {},
): Promise<YearResults> {
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const [allPlans, networks, members, rounds, years] = await Promise.all([
    repos.plans.plans({ collaborationId: collaboration.id, year }),
    repos.collaboration.networks(collaboration.id),
    repos.collaboration.members(collaboration.id),
    repos.followUp.rounds(collaboration.id, year),
    visibleYears(ctx, repos, collaboration.id),
  ]);
  const plans = allPlans.filter((p) => maySeePlan(ctx, p));
  const networkById = new Map(networks.map((n) => [n.id, n]));
  const programmes = new Map<number, Programme>();
  for (const id of new Set(plans.map((p) => p.programmeId))) {
    const programme = await repos.programmes.get(id);
    if (programme) programmes.set(id, programme);
  }
  const plansById = new Map(plans.map((p) => [p.id, p]));
  const activities: Activity[] = await repos.plans.activitiesOf(plans.map((p) => p.id));
  const views = await activityViews(repos, activities, programmes, plansById, members);
  const roundById = new Map(rounds.map((r) => [r.id, r]));
  const resultActivities: ResultActivity[] = views.flatMap((view) => {
    const plan = plansById.get(view.activity.planId);
    const network = plan && networkById.get(plan.networkId);
    if (!plan || !network) return [];
    // Reports come oldest round first; only this year's rounds count (a report belongs to one round).
    const latest = view.reports.filter((r) => roundById.has(r.roundId)).at(-1) ?? null;
    const result = {
      view,
      plan,
      network,
      latest,
      latestRound: latest ? roundById.get(latest.roundId)! : null,
    };
    return [{ ...result, status: rollupStatusOf(result) }];
  });

  const goalIds = [...programmes.values()].flatMap((p) => p.focusAreas.flatMap((a) => a.goals.map((g) => g.id)));
  const indicators = options.indicators
    ? await goalIndicatorViews(ctx, goalIds)
    : new Map<number, GoalIndicatorView[]>();

  const results: ProgrammeResults[] = [...programmes.values()].map((programme) => {
    const own = resultActivities.filter((a) => a.plan.programmeId === programme.id);
    const focusAreas = programme.focusAreas.map((focusArea): FocusAreaResult => {
      const goals = focusArea.goals.map((goal): GoalResult => {
        const figures = figuresOf(own.filter((a) => a.view.activity.goalIds.includes(goal.id)));
        return {
          goal,
          focusArea,
          ...figures,
          indicators: indicators.get(goal.id) ?? [],
          includesExamples: anyExample(figures.activities),
        };
      });
      const areaGoalIds = new Set(focusArea.goals.map((g) => g.id));
      const figures = figuresOf(own.filter((a) => a.view.activity.goalIds.some((g) => areaGoalIds.has(g))));
      return { focusArea, ...figures, goals, includesExamples: anyExample(figures.activities) };
    });
    const programmePlans = plans.filter((p) => p.programmeId === programme.id);
    return {
      programme,
      plans: programmePlans,
      focusAreas,
      ...figuresOf(own),
      includesExamples: programmePlans.some((p) => p.isExample),
    };
  });

  return {
    year,
    programmes: results,
    plans: plans.flatMap((plan) => {
      const network = networkById.get(plan.networkId);
      return network ? [{ plan, network }] : [];
    }),
    rounds,
    includesExamples: plans.some((p) => p.isExample),
    years,
    preparedOn: today(ctx),
  };
}
