import { allows } from '../../domain/auth/policies.js';
import type { GoalIndicator } from '../../domain/indicators/goal-indicator.js';
import { GROUP_FIGURE_LABELS_SV } from '../../domain/indicators/group-figures.js';
import type { Indicator } from '../../domain/indicators/indicator.js';
import type { Collaboration } from '../../domain/collaboration.js';
import { evaluateTarget, type TargetEvaluation, type TargetSpec } from '../../domain/indicators/target-verdict.js';
import { readRepos, type AppContext } from '../context.js';
import { groupName, loadIndicatorData, type IndicatorData } from './indicator-data.js';

export interface YearValue {
  year: number;
  value: number | null;
}

/** An indicator on a goal: what is measured, against what, and the verdict. */
export interface GoalIndicatorView {
  link: GoalIndicator;
  indicator: Indicator;
  collaboration: Collaboration;
  /** The data version behind the figures (see IndicatorData.versionKey), for caches. */
  versionKey: string;
  /** e.g. "Södertörnskommunerna (befolkningsviktat medelvärde)". */
  measuredName: string;
  comparisonName: string | null;
  series: YearValue[];
  comparison: YearValue[] | null;
  evaluation: TargetEvaluation;
}

/** The measured series of a link: a group figure of the members, or one area's values (totals, T). */
function measuredSeries(data: IndicatorData, link: GoalIndicator): YearValue[] {
  return data.years.map((year) => {
    if (link.measure === 'area') return { year, value: data.value(link.areaCode ?? '', year, 'T')?.value ?? null };
    const figure = data.groupFigures(year, 'T').find((f) => f.kind === link.measure);
    return { year, value: figure?.value ?? null };
  });
}

function measuredName(data: IndicatorData, link: GoalIndicator): string {
  if (link.measure === 'area') {
    const area = [...data.members, ...data.comparisonAreas].find((a) => a.code === link.areaCode);
    return area?.name ?? link.areaCode ?? '';
  }
  return `${groupName(data.collaboration)} (${GROUP_FIGURE_LABELS_SV[link.measure].toLowerCase()})`;
}

const targetSpec = (link: GoalIndicator, comparisonName: string): TargetSpec =>
  link.targetKind === 'relative'
    ? {
        kind: 'relative',
        baseYear: link.baseYear,
        targetYear: link.targetYear,
        direction: link.direction,
        comparisonName,
      }
    : {
        kind: 'absolute',
        baseYear: link.baseYear,
        baseValue: link.baseValue,
        targetYear: link.targetYear,
        targetValue: link.targetValue ?? 0,
        direction: link.direction,
      };

/** The indicators linked to each of the goals, evaluated against their targets; keyed by goal id. */
export async function goalIndicatorViews(
  ctx: AppContext,
  goalIds: readonly number[],
): Promise<Map<number, GoalIndicatorView[]>> {
  const repos = readRepos(ctx);
  const links = await repos.goalIndicators.forGoals(goalIds);
  const dataByIndicator = new Map<number, IndicatorData>();
  const views = new Map<number, GoalIndicatorView[]>();
  for (const link of links) {
    let data = dataByIndicator.get(link.indicatorId);
    if (!data) {
      const indicator = (await repos.indicators.byId(link.indicatorId))!;
      data = await loadIndicatorData(ctx, indicator.key);
      dataByIndicator.set(link.indicatorId, data);
    }
    const series = measuredSeries(data, link);
    const comparisonArea = data.comparisonAreas.find((a) => a.code === link.comparisonAreaCode);
    const comparisonName = comparisonArea?.name ?? null;
    const comparison = link.comparisonAreaCode
      ? data.years.map((year) => ({ year, value: data.value(link.comparisonAreaCode!, year, 'T')?.value ?? null }))
      : null;
    const name = measuredName(data, link);
    const evaluation = evaluateTarget({
      target: targetSpec(link, comparisonName ?? link.comparisonAreaCode ?? ''),
      series,
      ...(comparison ? { comparison } : {}),
      unit: data.indicator.unit,
      decimals: data.indicator.decimals,
      measuredName: name,
    });
    const view: GoalIndicatorView = {
      link,
      indicator: data.indicator,
      collaboration: data.collaboration,
      versionKey: data.versionKey,
      measuredName: name,
      comparisonName,
      series,
      comparison,
      evaluation,
    };
    views.set(link.goalId, [...(views.get(link.goalId) ?? []), view]);
  }
  return views;
}

export interface GoalUsingIndicator {
  goalId: number;
  goalTitle: string;
  /** The goal's and the programme's English texts; '' when none is stored. */
  goalTitleEn: string;
  programme: { slug: string; name: string; nameEn: string };
  view: GoalIndicatorView;
}

/** The goals that follow an indicator, with their verdicts; drafts only for the cooperation's own people. */
export async function goalsUsingIndicator(ctx: AppContext, indicatorId: number): Promise<GoalUsingIndicator[]> {
  const repos = readRepos(ctx);
  const links = await repos.goalIndicators.forIndicator(indicatorId);
  const goals = await repos.programmes.goalsWithProgramme([...new Set(links.map((l) => l.goalId))]);
  const seesDrafts = allows(ctx.principal, 'read_internal');
  const result: GoalUsingIndicator[] = [];
  const views = await goalIndicatorViews(
    ctx,
    goals.map((g) => g.goalId),
  );
  for (const goal of goals) {
    const programme = await repos.programmes.summary(goal.programmeId);
    if (!programme || (programme.state === 'draft' && !seesDrafts)) continue;
    for (const view of views.get(goal.goalId) ?? []) {
      if (view.indicator.id !== indicatorId) continue;
      result.push({
        goalId: goal.goalId,
        goalTitle: goal.title,
        goalTitleEn: goal.titleEn,
        programme: { slug: programme.slug, name: programme.name, nameEn: programme.nameEn ?? '' },
        view,
      });
    }
  }
  return result;
}

/**
 * A short text that changes whenever the goals following an indicator change: links added or removed,
 * or a programme changing state (a draft's goals are not public). For page caches.
 */
export async function goalLinksState(ctx: AppContext, indicatorId: number): Promise<string> {
  const repos = readRepos(ctx);
  const links = await repos.goalIndicators.forIndicator(indicatorId);
  if (links.length === 0) return '';
  const goals = await repos.programmes.goalsWithProgramme([...new Set(links.map((l) => l.goalId))]);
  const states = await Promise.all(
    [...new Set(goals.map((g) => g.programmeId))].map(
      async (id) => `${id}:${(await repos.programmes.summary(id))?.state}`,
    ),
  );
  return [...links.map((l) => `${l.id}@${l.goalId}`), ...states].join(',');
}
