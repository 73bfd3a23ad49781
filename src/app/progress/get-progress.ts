/**
 * Public progress: for the published programmes, per focus area and goal, what the goal's indicators
 * say (verdict, trend, latest value) and, shown apart and never combined with them, how the activities
 * serving the goal in the networks' adopted plans are going (their roll-up). What residents read at
 * /framsteg.
 *
 * Always as the public sees it, whoever asks: drafts of programmes and plans are never shown, so the
 * pages are the same for everyone. The figures are the existing use cases' own (goalIndicatorViews for
 * the verdicts, getYearResults for the roll-ups), so these pages agree with the goal and roll-up pages.
 * Reads are batched over the whole page: one read of each kind for all its goals (plans, activities,
 * indicator links, value dates), and the year results once per year shown (normally one).
 */
import { PUBLIC_PRINCIPAL } from '../../domain/auth/policies.js';
import { todayInSweden } from '../../domain/dates.js';
import { notFound } from '../../domain/errors.js';
import type { Rollup } from '../../domain/plans/rollup.js';
import type { ProgrammeStatus } from '../../domain/programme/programme-status.js';
import type { ProgrammeSummary, Strategy } from '../../domain/programme/programme.js';
import { trendDirection, type TrendDirection } from '../../domain/progress/trend-direction.js';
import type { OutlineFocusArea } from '../../storage/progress.repository.js';
import { currentCollaboration } from '../collaboration.js';
import { actingAs, readRepos, today, type AppContext } from '../context.js';
import { goalIndicatorViews, type GoalIndicatorView } from '../indicators/goal-targets.js';
import { maySeePlan } from '../plans/get-plan.js';
import { listProgrammes, type ProgrammeListItem } from '../programmes/list-programmes.js';
import { resolveProgrammeId } from '../programmes/get-programme.js';
import { getYearResults, type ResultActivity, type YearResults } from '../results/year-results.js';

/** A focus area and its goals, as much as the progress pages show of them. */
export type FocusAreaShape = Pick<OutlineFocusArea, 'id' | 'name' | 'description'> &
  Partial<Pick<OutlineFocusArea, 'nameEn' | 'descriptionEn'>> & { goals: readonly GoalShape[] };
export type GoalShape = Pick<OutlineFocusArea['goals'][number], 'id' | 'title' | 'description'> &
  Partial<Pick<OutlineFocusArea['goals'][number], 'titleEn' | 'descriptionEn'>>;

export interface YearValuePoint {
  year: number;
  value: number;
}

/** One indicator of a goal: the verdict against its target, which way it is heading, the latest value. */
export interface IndicatorProgress {
  view: GoalIndicatorView;
  trend: TrendDirection;
  /** The measured series' latest value; null when it has none. */
  latest: YearValuePoint | null;
  /** The comparison area's value in the same year (targets relative to an area); null otherwise. */
  comparisonLatest: YearValuePoint | null;
  /** When the indicator's values last changed (a date in Sweden); null when it has none. */
  valuesChangedOn: string | null;
}

/** The activities serving a goal (or any goal of a focus area) in one year's adopted plans. */
export interface ActivityProgress {
  /** This year's if there are any, else the newest earlier year's, else the first coming year's; null: none. */
  year: number | null;
  /** Every year with such activities, newest first. */
  years: number[];
  /** Their roll-up that year (src/domain/plans/rollup.ts); null when there are none. */
  rollup: Rollup | null;
  /** In the roll-up's order. */
  activities: ResultActivity[];
  /** Whether an activity behind the figures comes from an invented example plan. */
  includesExamples: boolean;
  /** The latest report on the activities shown (a date in Sweden); null when none is reported. */
  reportedOn: string | null;
}

export interface GoalProgress {
  goal: GoalShape;
  indicators: IndicatorProgress[];
  activities: ActivityProgress;
  /** The latest of the indicators' value dates and the activities' report dates; null when neither. */
  updatedOn: string | null;
}

export interface FocusAreaProgress {
  focusArea: Omit<FocusAreaShape, 'goals'>;
  goals: GoalProgress[];
  /** The area's activities, each once however many of its goals it serves. */
  activities: ActivityProgress;
  updatedOn: string | null;
}

export interface ProgrammeProgress {
  programme: ProgrammeSummary;
  status: ProgrammeStatus;
  focusAreas: FocusAreaProgress[];
  updatedOn: string | null;
  includesExamples: boolean;
}

/** A version of the goal in another published programme. */
export interface RelatedGoal {
  goalId: number;
  title: string;
  programme: Pick<ProgrammeSummary, 'slug' | 'name' | 'nameEn'>;
}

export interface GoalProgressPage {
  programme: ProgrammeSummary;
  status: ProgrammeStatus;
  focusArea: FocusAreaProgress['focusArea'];
  goal: GoalProgress;
  strategies: Strategy[];
  /** The goals it continues, and those that continue it, in published programmes. */
  earlier: RelatedGoal[];
  later: RelatedGoal[];
}

const NO_ACTIVITIES: ActivityProgress = {
  year: null,
  years: [],
  rollup: null,
  activities: [],
  includesExamples: false,
  reportedOn: null,
};

/** The same context with the public's rights: what the public progress pages show is the same for all. */
const asThePublic = (ctx: AppContext): AppContext => actingAs(ctx, ctx.actor, PUBLIC_PRINCIPAL);

/** A stored moment (ISO timestamp) or date as the date in Sweden. */
const dateInSweden = (moment: string): string => (moment.length === 10 ? moment : todayInSweden(new Date(moment)));

const latestOf = (dates: readonly (string | null)[]): string | null =>
  dates.reduce<string | null>((latest, d) => (d !== null && (latest === null || d > latest) ? d : latest), null);

/** This year if it has activities, else the newest earlier year, else the first coming one. */
const chooseYear = (years: readonly number[], thisYear: number): number | null =>
  [...years].sort((a, b) => b - a).find((y) => y <= thisYear) ?? (years.length ? Math.min(...years) : null);

const lastKnown = (points: readonly { year: number; value: number | null }[]): YearValuePoint | null => {
  const point = [...points].reverse().find((p) => p.value !== null && Number.isFinite(p.value));
  return point ? { year: point.year, value: point.value! } : null;
};

function indicatorProgress(view: GoalIndicatorView, changedAt: Map<number, string>): IndicatorProgress {
  const { link } = view;
  const latest = lastKnown(view.series);
  const comparisonValue =
    latest && view.comparison ? view.comparison.find((p) => p.year === latest.year)?.value : undefined;
  const changed = changedAt.get(view.indicator.id);
  return {
    view,
    trend: trendDirection({
      kind: link.targetKind,
      direction: link.direction,
      baseYear: link.baseYear,
      baseValue: link.baseValue,
      series: view.series,
      comparison: view.comparison,
      decimals: view.indicator.decimals,
    }),
    latest,
    comparisonLatest:
      latest && comparisonValue !== undefined && comparisonValue !== null
        ? { year: latest.year, value: comparisonValue }
        : null,
    valuesChangedOn: changed ? dateInSweden(changed) : null,
  };
}

function activityProgress(
  year: number | null,
  years: number[],
  figures: { rollup: Rollup; activities: ResultActivity[] } | undefined,
): ActivityProgress {
  if (year === null || !figures || figures.rollup.total === 0) return { ...NO_ACTIVITIES, years };
  const reports = figures.activities.flatMap((a) => a.view.reports.map((r) => dateInSweden(r.reportedAt)));
  return {
    year,
    years,
    rollup: figures.rollup,
    activities: figures.activities,
    includesExamples: figures.activities.some((a) => a.plan.isExample),
    reportedOn: latestOf(reports),
  };
}

interface ProgrammeToAssemble {
  item: ProgrammeListItem;
  focusAreas: readonly FocusAreaShape[];
}

/** Verdicts and roll-ups for every goal of the programmes, read in one batch. */
async function assemble(
  publicCtx: AppContext,
  programmes: readonly ProgrammeToAssemble[],
): Promise<ProgrammeProgress[]> {
  const repos = readRepos(publicCtx);
  const programmeIds = new Set(programmes.map((p) => p.item.programme.id));
  const goalIds = programmes.flatMap((p) => p.focusAreas.flatMap((a) => a.goals.map((g) => g.id)));
  const collaboration = await currentCollaboration(repos);
  const [views, allPlans] = await Promise.all([
    goalIndicatorViews(publicCtx, goalIds),
    repos.plans.plans({ collaborationId: collaboration.id }),
  ]);
  // The adopted plans serving these programmes, and the years in which their activities serve each goal.
  const plans = allPlans.filter((p) => programmeIds.has(p.programmeId) && maySeePlan(publicCtx, p));
  const yearOfPlan = new Map(plans.map((p) => [p.id, p.year]));
  const activities = await repos.plans.activitiesOf(plans.map((p) => p.id));
  const goalYears = new Map<number, Set<number>>();
  for (const a of activities)
    for (const goalId of a.goalIds) {
      const years = goalYears.get(goalId) ?? new Set<number>();
      years.add(yearOfPlan.get(a.planId)!);
      goalYears.set(goalId, years);
    }
  const yearsOf = (ids: readonly number[]) =>
    [...new Set(ids.flatMap((id) => [...(goalYears.get(id) ?? [])]))].sort((a, b) => b - a);

  const thisYear = Number(today(publicCtx).slice(0, 4));
  const yearsShown = new Set(
    programmes.flatMap((p) => p.focusAreas.flatMap((a) => a.goals.map((g) => chooseYear(yearsOf([g.id]), thisYear)))),
  );
  for (const p of programmes)
    for (const a of p.focusAreas) yearsShown.add(chooseYear(yearsOf(a.goals.map((g) => g.id)), thisYear));
  const years = [...yearsShown].filter((y): y is number => y !== null);
  const indicatorIds = [...new Set([...views.values()].flat().map((v) => v.indicator.id))];
  const [yearResults, changedAt] = await Promise.all([
    Promise.all(years.map((y) => getYearResults(publicCtx, y))),
    repos.progress.valuesChangedAt(indicatorIds),
  ]);
  const resultsOf = new Map<number, YearResults>(yearResults.map((r) => [r.year, r]));
  const programmeResults = (year: number | null, programmeId: number) =>
    year === null ? undefined : resultsOf.get(year)?.programmes.find((r) => r.programme.id === programmeId);

  return programmes.map(({ item, focusAreas }) => {
    const id = item.programme.id;
    const areas = focusAreas.map((area): FocusAreaProgress => {
      const goals = area.goals.map((goal): GoalProgress => {
        const goalYearList = yearsOf([goal.id]);
        const year = chooseYear(goalYearList, thisYear);
        const figures = programmeResults(year, id)
          ?.focusAreas.find((a) => a.focusArea.id === area.id)
          ?.goals.find((g) => g.goal.id === goal.id);
        const indicators = (views.get(goal.id) ?? []).map((v) => indicatorProgress(v, changedAt));
        const activityFigures = activityProgress(year, goalYearList, figures);
        return {
          goal: {
            id: goal.id,
            title: goal.title,
            description: goal.description,
            titleEn: goal.titleEn,
            descriptionEn: goal.descriptionEn,
          },
          indicators,
          activities: activityFigures,
          updatedOn: latestOf([...indicators.map((i) => i.valuesChangedOn), activityFigures.reportedOn]),
        };
      });
      const areaYears = yearsOf(area.goals.map((g) => g.id));
      const areaYear = chooseYear(areaYears, thisYear);
      const figures = programmeResults(areaYear, id)?.focusAreas.find((a) => a.focusArea.id === area.id);
      const areaActivities = activityProgress(areaYear, areaYears, figures);
      return {
        focusArea: {
          id: area.id,
          name: area.name,
          description: area.description,
          nameEn: area.nameEn,
          descriptionEn: area.descriptionEn,
        },
        goals,
        activities: areaActivities,
        updatedOn: latestOf([...goals.map((g) => g.updatedOn), areaActivities.reportedOn]),
      };
    });
    return {
      programme: item.programme,
      status: item.status,
      focusAreas: areas,
      updatedOn: latestOf(areas.map((a) => a.updatedOn)),
      includesExamples: areas.some(
        (a) => a.activities.includesExamples || a.goals.some((g) => g.activities.includesExamples),
      ),
    };
  });
}

/** The published programmes (not drafts), newest first. */
async function publishedProgrammes(publicCtx: AppContext): Promise<ProgrammeListItem[]> {
  return (await listProgrammes(publicCtx)).filter((i) => i.programme.state !== 'draft').reverse();
}

/** Every published programme, newest first, with each goal's verdicts and activities. */
export async function getProgressOverview(ctx: AppContext): Promise<ProgrammeProgress[]> {
  const publicCtx = asThePublic(ctx);
  const items = await publishedProgrammes(publicCtx);
  const outlines = await readRepos(publicCtx).progress.outlines(items.map((i) => i.programme.id));
  return assemble(
    publicCtx,
    items.map((item) => ({ item, focusAreas: outlines.get(item.programme.id) ?? [] })),
  );
}

/** A published programme by its slug; a draft or an unknown slug is not found. */
async function publishedProgramme(publicCtx: AppContext, slug: string) {
  const repos = readRepos(publicCtx);
  const id = slug.length <= 200 ? await resolveProgrammeId(repos, slug) : undefined;
  const published = await publishedProgrammes(publicCtx);
  const item = published.find((i) => i.programme.id === id);
  // Addressed by slug only: the number of a programme is no progress page of it.
  if (!item || item.programme.slug !== slug) throw notFound('Programmet');
  const programme = await repos.programmes.get(item.programme.id);
  if (!programme) throw notFound('Programmet');
  return { item, programme, published };
}

/** One published programme with each focus area's and goal's verdicts and activities. */
export async function getProgrammeProgress(ctx: AppContext, slug: string): Promise<ProgrammeProgress> {
  const publicCtx = asThePublic(ctx);
  const { item, programme } = await publishedProgramme(publicCtx, slug);
  const [progress] = await assemble(publicCtx, [{ item, focusAreas: programme.focusAreas }]);
  return progress!;
}

/** One goal of a published programme: its indicators, its activities, and its versions in other programmes. */
export async function getGoalProgress(ctx: AppContext, slug: string, goalId: number): Promise<GoalProgressPage> {
  const publicCtx = asThePublic(ctx);
  const { item, programme, published } = await publishedProgramme(publicCtx, slug);
  const area = programme.focusAreas.find((a) => a.goals.some((g) => g.id === goalId));
  const goal = area?.goals.find((g) => g.id === goalId);
  if (!area || !goal) throw notFound('Målet');
  const repos = readRepos(publicCtx);
  const [[progress], predecessors, successors] = await Promise.all([
    assemble(publicCtx, [{ item, focusAreas: [{ ...area, goals: [goal] }] }]),
    repos.programmes.goalsWithProgramme(goal.predecessorGoalIds),
    repos.programmes.successorGoals([goal.id]),
  ]);
  const publishedById = new Map(published.map((i) => [i.programme.id, i.programme]));
  const related = (goals: readonly { goalId: number; programmeId: number; title: string }[]): RelatedGoal[] =>
    goals.flatMap((g) => {
      const p = publishedById.get(g.programmeId);
      return p
        ? [{ goalId: g.goalId, title: g.title, programme: { slug: p.slug, name: p.name, nameEn: p.nameEn } }]
        : [];
    });
  const areaProgress = progress!.focusAreas[0]!;
  return {
    programme: item.programme,
    status: item.status,
    focusArea: areaProgress.focusArea,
    goal: areaProgress.goals[0]!,
    strategies: goal.strategies,
    earlier: related(predecessors),
    later: related(successors),
  };
}

/** The addresses of the public progress pages, for the sitemap: the overview, each published programme and goal. */
export async function progressPaths(ctx: AppContext): Promise<string[]> {
  const publicCtx = asThePublic(ctx);
  const items = await publishedProgrammes(publicCtx);
  const outlines = await readRepos(publicCtx).progress.outlines(items.map((i) => i.programme.id));
  const path = (slug: string) => `/framsteg/${encodeURIComponent(slug)}`;
  return [
    '/framsteg',
    ...items.flatMap(({ programme }) => [
      path(programme.slug),
      ...(outlines.get(programme.id) ?? []).flatMap((a) => a.goals.map((g) => `${path(programme.slug)}/mal/${g.id}`)),
    ]),
  ];
}
