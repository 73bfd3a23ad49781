/**
 * Plans, activities, rounds and reports for the results tests, made directly with the repositories
 * (as test/storage/plan.repository.test.ts does), in the programme plans serve.
 */
import { readRepos, type AppContext } from '../../src/app/context.js';
import { programmeForPlans } from '../../src/app/plans/plan-programme.js';
import type { ActivityReport, FollowUpRound, ReportStatus } from '../../src/domain/plans/follow-up.js';
import type { Activity, Plan, PlanState } from '../../src/domain/plans/plan.js';
import type { FocusArea, Goal, Programme } from '../../src/domain/programme/programme.js';

const NOW = '2026-11-27T10:00:00.000Z';

export interface ResultsFixture {
  ctx: AppContext;
  programme: Programme;
  /** A focus area with at least two goals, and its first two goals. */
  areaA: FocusArea;
  goalA1: Goal;
  goalA2: Goal;
  /** Another focus area and its first goal. */
  areaB: FocusArea;
  goalB1: Goal;
  networks: { id: number; key: string; name: string }[];
  plan(options: {
    year: number;
    network?: number;
    state?: PlanState;
    isExample?: boolean;
    title?: string;
    kind?: 'operational' | 'action';
    parentPlanId?: number | null;
    /** Another programme than the one plans serve today. */
    programmeId?: number;
  }): Promise<Plan>;
  activity(
    plan: Plan,
    options: { title: string; goalIds: number[]; weight?: number; carriedOverFromActivityId?: number | null },
  ): Promise<Activity>;
  round(year: number, name: string, dueDate: string): Promise<FollowUpRound>;
  report(
    activity: Activity,
    round: FollowUpRound,
    status: ReportStatus,
    progress: number,
    comment?: string,
  ): Promise<ActivityReport>;
}

export async function resultsFixture(ctx: AppContext): Promise<ResultsFixture> {
  const repos = readRepos(ctx);
  const collaboration = (await repos.collaboration.first())!;
  const networks = (await repos.collaboration.networks(collaboration.id)).filter((n) => n.kind === 'network');
  const { programme } = (await programmeForPlans(ctx))!;
  const areaA = programme.focusAreas.find((a) => a.goals.length >= 2)!;
  const areaB = programme.focusAreas.find((a) => a !== areaA && a.goals.length >= 1)!;
  let position = 0;
  return {
    ctx,
    programme,
    areaA,
    goalA1: areaA.goals[0]!,
    goalA2: areaA.goals[1]!,
    areaB,
    goalB1: areaB.goals[0]!,
    networks,
    plan: ({
      year,
      network = 0,
      state = 'adopted',
      isExample = false,
      title,
      kind = 'operational',
      parentPlanId = null,
      programmeId = programme.id,
    }) =>
      repos.plans.insertPlan(
        {
          collaborationId: collaboration.id,
          networkId: networks[network]!.id,
          year,
          kind,
          title: title ?? `Verksamhetsplan ${year} för ${networks[network]!.name}`,
          parentPlanId,
          programmeId,
          state,
          summary: '',
          isExample,
          copiedFromPlanId: null,
        },
        NOW,
      ),
    activity: (plan, { title, goalIds, weight = 1, carriedOverFromActivityId = null }) =>
      repos.plans.insertActivity(
        {
          planId: plan.id,
          title,
          description: `Beskrivning av ${title}`,
          goalIds,
          strategyIds: [],
          ownerName: 'Planeringschefen',
          ownerUserId: null,
          memberIds: [],
          startDate: `${plan.year}-01-15`,
          endDate: `${plan.year}-12-15`,
          budgetKr: null,
          weight,
          climateEffect: 'unknown',
          climateJustification: '',
          dimension: 'social',
          carriedOverFromActivityId,
        },
        NOW,
      ),
    round: (year, name, dueDate) =>
      repos.followUp.insertRound(
        { collaborationId: collaboration.id, year, name, periodEnd: `${dueDate.slice(0, 8)}01`, dueDate },
        NOW,
      ),
    report: (activity, round, status, progress, comment = status === 'green' ? '' : 'Försenad leverans') =>
      repos.followUp.saveReport({
        activityId: activity.id,
        roundId: round.id,
        status,
        progress,
        comment,
        reportedByUserId: null,
        reportedByName: `Testare ${++position}`,
        reportedAt: NOW,
      }),
  };
}
