/**
 * Plans, activities and reports as public JSON (see plan-schemas.ts). Rules as in presenters.ts: camelCase,
 * ISO dates, programmes by slug; plans, activities, rounds and goals keep their numeric ids. Internal user
 * ids are never shown. An example plan carries its notice in every answer that shows it.
 */
import type { ActivityView, PlanView } from '../../app/plans/get-plan.js';
import type { Member } from '../../domain/adoption/decision.js';
import { roundTitle } from '../../domain/plans/follow-up-rules.js';
import { EXAMPLE_PLAN_NOTICE } from '../../domain/plans/example-notices.js';
import { REPORT_STATUS_LABELS, type ActivityReport, type FollowUpRound } from '../../domain/plans/follow-up.js';
import { PLAN_STATE_LABELS, type Plan } from '../../domain/plans/plan.js';
import type { ProgrammeSummary } from '../../domain/programme/programme.js';
import type { Network } from '../../domain/collaboration.js';
import type {
  ActivityJson,
  ActivityReportJson,
  PlanJson,
  PlanListJson,
  PlanSummaryJson,
  ReportSavedJson,
} from './plan-schemas.js';
import { presentDate } from './presenters.js';

/** The API's base path (where it is mounted) from a request path under `/plans`. */
export const apiBaseOf = (path: string): string => path.replace(/\/plans(\/.*)?$/, '');

export const exampleNoteOf = (plan: Pick<Plan, 'isExample'>): string | null =>
  plan.isExample ? EXAMPLE_PLAN_NOTICE : null;

const presentNetwork = (n: Pick<Network, 'key' | 'name'>) => ({ key: n.key, name: n.name });

const presentMember = (m: Member) => ({ code: m.code, name: m.name });

export const presentRound = (r: FollowUpRound) => ({
  id: r.id,
  year: r.year,
  name: r.name,
  periodEnd: r.periodEnd,
  dueDate: r.dueDate,
});

export function presentReport(report: ActivityReport, rounds: ReadonlyMap<number, FollowUpRound>): ActivityReportJson {
  const round = rounds.get(report.roundId);
  return {
    roundId: report.roundId,
    round: round ? roundTitle(round) : '',
    status: report.status,
    statusLabel: REPORT_STATUS_LABELS[report.status],
    progress: report.progress,
    comment: report.comment,
    climateEffect: report.climateEffect ?? null,
    reportedBy: report.reportedByName,
    reportedAt: report.reportedAt,
  };
}

/** The fields a plan has in the list and on its own. */
function planFields(
  plan: Plan,
  network: Pick<Network, 'key' | 'name'>,
  programme: Pick<ProgrammeSummary, 'slug' | 'name'>,
) {
  return {
    id: plan.id,
    network: presentNetwork(network),
    year: plan.year,
    kind: plan.kind,
    title: plan.title,
    state: plan.state,
    stateLabel: PLAN_STATE_LABELS[plan.state],
    isExample: plan.isExample,
    exampleNote: exampleNoteOf(plan),
    programme: { id: programme.slug, name: programme.name },
    parentPlanId: plan.parentPlanId,
  };
}

export interface PlanListData {
  plans: readonly Plan[];
  networks: readonly Network[];
  years: readonly number[];
  programmes: ReadonlyMap<number, Pick<ProgrammeSummary, 'slug' | 'name'>>;
  /** The activities' latest report status per plan (null: not reported yet), in any order. */
  latestByPlan: ReadonlyMap<number, readonly (ActivityReport['status'] | null)[]>;
}

export function presentPlanList(data: PlanListData, base: string): PlanListJson {
  const networks = new Map(data.networks.map((n) => [n.id, n]));
  return {
    plans: data.plans.map((plan): PlanSummaryJson => {
      const network = networks.get(plan.networkId);
      const programme = data.programmes.get(plan.programmeId);
      const latest = data.latestByPlan.get(plan.id) ?? [];
      const count = (s: ActivityReport['status'] | null) => latest.filter((x) => x === s).length;
      return {
        ...planFields(plan, network ?? { key: '', name: '' }, programme ?? { slug: '', name: '' }),
        counts: {
          activities: latest.length,
          byLatestStatus: {
            green: count('green'),
            yellow: count('yellow'),
            red: count('red'),
            notReported: count(null),
          },
        },
        links: { self: `${base}/plans/${plan.id}` },
      };
    }),
    years: [...data.years],
    networks: data.networks.map(presentNetwork),
  };
}

function presentActivity(view: ActivityView, rounds: ReadonlyMap<number, FollowUpRound>, base: string): ActivityJson {
  const a = view.activity;
  return {
    id: a.id,
    position: a.position,
    title: a.title,
    description: a.description,
    goals: view.goals.map((g) => ({
      id: g.id,
      title: g.title,
      focusArea: { id: g.focusAreaId, name: g.focusAreaName },
    })),
    strategies: view.strategies.map((s) => ({ id: s.id, goalId: s.goalId, text: s.text })),
    ownerName: a.ownerName,
    members: view.members.map(presentMember),
    startDate: a.startDate,
    endDate: a.endDate,
    budgetKr: a.budgetKr,
    weight: a.weight,
    climateEffect: a.climateEffect,
    climateJustification: a.climateJustification,
    dimension: a.dimension,
    carriedOverFrom: view.carriedOverFrom && { ...view.carriedOverFrom },
    latestReport: view.latest && presentReport(view.latest, rounds),
    links: { reports: `${base}/plans/${a.planId}/activities/${a.id}/reports` },
  };
}

/** One plan with its activities (each with its latest report), decisions and the year's rounds. */
export function presentPlan(view: PlanView, base: string): PlanJson {
  const { plan } = view;
  // Reports are only ever made for rounds of the plan's year (reportActivity refuses others).
  const rounds = new Map(view.rounds.map((r) => [r.id, r]));
  const ref = (p: Plan) => ({ id: p.id, title: p.title, state: p.state });
  return {
    ...planFields(plan, view.network, view.programme),
    summary: plan.summary,
    copiedFromPlanId: plan.copiedFromPlanId,
    parent: view.parent && ref(view.parent),
    actionPlans: view.actionPlans.map(ref),
    activities: view.activities.map((a) => presentActivity(a, rounds, base)),
    decisions: view.decisions.map((d) => ({
      decided: presentDate(d.decided),
      paragraph: d.paragraph,
      outcome: d.outcome,
      note: d.note,
      source: d.source,
    })),
    rounds: view.rounds.map(presentRound),
  };
}

export function presentReportSaved(
  plan: Plan,
  activity: { id: number; title: string },
  report: ActivityReport,
  round: FollowUpRound,
): ReportSavedJson {
  return {
    plan: { id: plan.id, title: plan.title, isExample: plan.isExample, exampleNote: exampleNoteOf(plan) },
    activity: { id: activity.id, title: activity.title },
    report: presentReport(report, new Map([[round.id, round]])),
  };
}
