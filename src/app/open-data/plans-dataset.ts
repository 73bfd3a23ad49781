/**
 * The chief networks' plans that the cooperation committee has adopted, and their follow-up: the plans as
 * a row per activity (a plan without activities as one row of its own), and the follow-up as a row per
 * report. Drafts and plans not yet adopted are never included, whoever asks. Names of people are left
 * out (an activity's owner, who reported): the tables hold what the plans and reports say, not who.
 * Example plans (the demo's invented ones) are marked on every row and the dataset says so.
 */
import { EXAMPLE_PLAN_NOTICE } from '../../domain/plans/example-notices.js';
import { REPORT_STATUS_SHORT } from '../../domain/plans/follow-up.js';
import {
  CLIMATE_EFFECT_LABELS,
  DIMENSION_LABELS,
  PLAN_KIND_LABELS,
  PLAN_STATE_LABELS,
  type Plan,
} from '../../domain/plans/plan.js';
import type { Programme } from '../../domain/programme/programme.js';
import type { ExportRow } from '../../exports/table.js';
import { currentCollaboration } from '../collaboration.js';
import { readRepos, type AppContext } from '../context.js';
import { activityViews, type ActivityView } from '../plans/get-plan.js';
import { latest, yearSpan, yesNo, type DatasetTable } from './dataset-table.js';

const PLAN_COLUMNS = [
  { key: 'plan_id', header: 'Plan (id)' },
  { key: 'ar', header: 'År' },
  { key: 'natverk', header: 'Nätverk' },
  { key: 'plantyp', header: 'Plantyp' },
  { key: 'plan', header: 'Plan' },
  { key: 'overordnad_plan_id', header: 'Hör till plan (id)' },
  { key: 'program', header: 'Program (id)' },
  { key: 'planstatus', header: 'Planens status' },
  { key: 'antagen', header: 'Antagen' },
  { key: 'exempel', header: 'Påhittat exempel' },
];

const ACTIVITY_COLUMNS = [
  { key: 'aktivitet_id', header: 'Aktivitet (id)' },
  { key: 'aktivitet', header: 'Aktivitet' },
  { key: 'beskrivning', header: 'Beskrivning' },
  { key: 'mal_id', header: 'Mål (id)' },
  { key: 'mal', header: 'Mål' },
  { key: 'strategier', header: 'Strategier' },
  { key: 'medlemmar', header: 'Deltagande kommuner' },
  { key: 'startdatum', header: 'Startdatum' },
  { key: 'slutdatum', header: 'Slutdatum' },
  { key: 'budget_kr', header: 'Budget (kr)' },
  { key: 'vikt', header: 'Vikt' },
  { key: 'klimatpaverkan', header: 'Klimatpåverkan' },
  { key: 'klimatmotivering', header: 'Motivering av klimatpåverkan' },
  { key: 'hallbarhetsdimension', header: 'Hållbarhetsdimension' },
  { key: 'fortsatter_aktivitet_id', header: 'Fortsätter aktivitet (id)' },
  { key: 'senaste_omgang', header: 'Senaste uppföljning' },
  { key: 'senaste_status', header: 'Senaste status' },
  { key: 'senaste_andel_genomford', header: 'Senast genomfört (%)' },
];

const REPORT_COLUMNS = [
  { key: 'plan_id', header: 'Plan (id)' },
  { key: 'ar', header: 'År' },
  { key: 'natverk', header: 'Nätverk' },
  { key: 'plan', header: 'Plan' },
  { key: 'exempel', header: 'Påhittat exempel' },
  { key: 'aktivitet_id', header: 'Aktivitet (id)' },
  { key: 'aktivitet', header: 'Aktivitet' },
  { key: 'omgang', header: 'Uppföljning' },
  { key: 'period_slut', header: 'Perioden slutar' },
  { key: 'sista_dag', header: 'Sista dag för rapport' },
  { key: 'status', header: 'Status' },
  { key: 'andel_genomford', header: 'Genomfört (%)' },
  { key: 'kommentar', header: 'Kommentar' },
  { key: 'klimatpaverkan', header: 'Klimatpåverkan hittills' },
  { key: 'rapporterad', header: 'Rapporterad' },
];

interface PublicPlans {
  plans: Plan[];
  /** Per plan id, its activities with goals, strategies, members and reports. */
  activities: Map<number, ActivityView[]>;
  planRows: Map<number, ExportRow>;
  rounds: Map<number, { name: string; periodEnd: string; dueDate: string }>;
  decisionsRecordedAt: string[];
}

/** The adopted plans with everything the two tables show. */
async function publicPlans(ctx: AppContext): Promise<PublicPlans> {
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const [plans, networks, members, rounds] = await Promise.all([
    repos.plans.plans({ collaborationId: collaboration.id, states: ['adopted'] }),
    repos.collaboration.networks(collaboration.id),
    repos.collaboration.members(collaboration.id),
    repos.followUp.rounds(collaboration.id),
  ]);
  const planIds = plans.map((p) => p.id);
  const [activities, decisions] = await Promise.all([
    repos.plans.activitiesOf(planIds),
    repos.plans.decisionsOf(planIds),
  ]);
  const programmeIds = [...new Set(plans.map((p) => p.programmeId))];
  const programmes = new Map(
    (await Promise.all(programmeIds.map((id) => repos.programmes.get(id))))
      .filter((p): p is Programme => p !== undefined)
      .map((p) => [p.id, p]),
  );
  const views = await activityViews(repos, activities, programmes, new Map(plans.map((p) => [p.id, p])), members);
  const byPlan = new Map<number, ActivityView[]>(plans.map((p) => [p.id, []]));
  for (const view of views) byPlan.get(view.activity.planId)?.push(view);

  const networkName = new Map(networks.map((n) => [n.id, n.name]));
  const planRows = new Map<number, ExportRow>(
    plans.map((plan) => {
      const adopted = decisions
        .filter((d) => d.planId === plan.id && d.outcome === 'adopted')
        .map((d) => (d.decided.precision === 'unknown' ? '' : d.decided.date))
        .at(-1);
      return [
        plan.id,
        {
          plan_id: plan.id,
          ar: plan.year,
          natverk: networkName.get(plan.networkId) ?? null,
          plantyp: PLAN_KIND_LABELS[plan.kind],
          plan: plan.title,
          overordnad_plan_id: plan.parentPlanId,
          program: programmes.get(plan.programmeId)?.slug ?? null,
          planstatus: PLAN_STATE_LABELS[plan.state],
          antagen: adopted || null,
          exempel: yesNo(plan.isExample),
        },
      ];
    }),
  );
  return {
    plans,
    activities: byPlan,
    planRows,
    rounds: new Map(rounds.map((r) => [r.id, r])),
    decisionsRecordedAt: decisions.map((d) => d.recordedAt),
  };
}

const examplesNotice = (plans: readonly Plan[]): string[] =>
  plans.some((p) => p.isExample) ? [EXAMPLE_PLAN_NOTICE] : [];

/** The adopted plans, a row per activity. */
export async function plansDataset(ctx: AppContext): Promise<DatasetTable> {
  const data = await publicPlans(ctx);
  const rows = data.plans.flatMap((plan): ExportRow[] => {
    const planRow = data.planRows.get(plan.id)!;
    const activities = data.activities.get(plan.id) ?? [];
    if (activities.length === 0) return [planRow];
    return activities.map(({ activity: a, goals, strategies, members, latest: report }) => {
      const round = report ? data.rounds.get(report.roundId) : undefined;
      return {
        ...planRow,
        aktivitet_id: a.id,
        aktivitet: a.title,
        beskrivning: a.description,
        mal_id: goals.map((g) => `mal-${g.id}`).join(' '),
        mal: goals.map((g) => g.title).join(' | '),
        strategier: strategies.map((s) => s.text).join(' | '),
        medlemmar: members.map((m) => m.name).join(', '),
        startdatum: a.startDate,
        slutdatum: a.endDate,
        budget_kr: a.budgetKr,
        vikt: a.weight,
        klimatpaverkan: CLIMATE_EFFECT_LABELS[a.climateEffect],
        klimatmotivering: a.climateJustification,
        hallbarhetsdimension: DIMENSION_LABELS[a.dimension],
        fortsatter_aktivitet_id: a.carriedOverFromActivityId,
        senaste_omgang: round ? `${round.name} ${plan.year}` : null,
        senaste_status: report ? REPORT_STATUS_SHORT[report.status] : null,
        senaste_andel_genomford: report?.progress ?? null,
      };
    });
  });
  const views = [...data.activities.values()].flat();
  return {
    columns: [...PLAN_COLUMNS, ...ACTIVITY_COLUMNS],
    rows,
    modified: latest([
      ...data.plans.map((p) => p.updatedAt),
      ...views.map((v) => v.activity.updatedAt),
      ...data.decisionsRecordedAt,
    ]),
    temporal: yearSpan(data.plans.map((p) => p.year)),
    notices: examplesNotice(data.plans),
  };
}

/** The follow-up of the adopted plans, a row per report (the latest for each activity and round). */
export async function followUpDataset(ctx: AppContext): Promise<DatasetTable> {
  const data = await publicPlans(ctx);
  const rows = data.plans.flatMap((plan) => {
    const planRow = data.planRows.get(plan.id)!;
    return (data.activities.get(plan.id) ?? []).flatMap(({ activity, reports }) =>
      reports.map((report) => {
        const round = data.rounds.get(report.roundId);
        return {
          plan_id: planRow.plan_id,
          ar: planRow.ar,
          natverk: planRow.natverk,
          plan: planRow.plan,
          exempel: planRow.exempel,
          aktivitet_id: activity.id,
          aktivitet: activity.title,
          omgang: round?.name ?? null,
          period_slut: round?.periodEnd ?? null,
          sista_dag: round?.dueDate ?? null,
          status: REPORT_STATUS_SHORT[report.status],
          andel_genomford: report.progress,
          kommentar: report.comment,
          klimatpaverkan: report.climateEffect ? CLIMATE_EFFECT_LABELS[report.climateEffect] : null,
          rapporterad: report.reportedAt,
        };
      }),
    );
  });
  const reported = [...data.activities.values()].flat().flatMap((v) => v.reports);
  const plansReported = data.plans.filter((p) => (data.activities.get(p.id) ?? []).some((v) => v.reports.length));
  return {
    columns: REPORT_COLUMNS,
    rows,
    modified: latest(reported.map((r) => r.reportedAt)),
    temporal: yearSpan(plansReported.map((p) => p.year)),
    notices: examplesNotice(plansReported),
  };
}
