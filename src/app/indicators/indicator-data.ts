import { notFound } from '../../domain/errors.js';
import { groupFigures, type GroupFigure } from '../../domain/indicators/group-figures.js';
import type { Gender, Indicator, IndicatorValue } from '../../domain/indicators/indicator.js';
import type { Collaboration } from '../../domain/collaboration.js';
import { currentCollaboration } from '../collaboration.js';
import { readRepos, type AppContext, type Repositories } from '../context.js';

export interface NamedArea {
  code: string;
  name: string;
}

/**
 * One indicator's values for the cooperation's members and its comparison areas (region, nation),
 * with the group figures per year and gender. What the indicator page, the comparison page, the
 * goal targets and the API read.
 */
export interface IndicatorData {
  indicator: Indicator;
  /** Changes whenever a value behind these figures changes (the indicator's and its weight's): for caches. */
  versionKey: string;
  collaboration: Collaboration;
  members: NamedArea[];
  /** Region and nation, as the cooperation compares itself (e.g. 0001 Region Stockholm, 0000 Riket). */
  comparisonAreas: NamedArea[];
  /** Years with any value, ascending. */
  years: number[];
  /** Genders with any value: T first. */
  genders: Gender[];
  value(areaCode: string, year: number, gender: Gender): IndicatorValue | undefined;
  groupFigures(year: number, gender: Gender): GroupFigure[];
}

export const indexKey = (areaCode: string, year: number, gender: Gender) => `${areaCode}|${year}|${gender}`;

const indexed = (values: IndicatorValue[]) => new Map(values.map((v) => [indexKey(v.areaCode, v.year, v.gender), v]));

export async function findIndicator(repos: Repositories, key: string): Promise<Indicator> {
  const indicator = /^[A-Za-z0-9_-]{1,64}$/.test(key) ? await repos.indicators.byKey(key) : undefined;
  if (!indicator) throw notFound('Nyckeltalet');
  return indicator;
}

/**
 * What an indicator's figures depend on, without its values: the definition, its weight, the
 * members and comparison areas, and a key that changes whenever any of those values change.
 */
export interface IndicatorHead {
  indicator: Indicator;
  weight: Indicator | undefined;
  collaboration: Collaboration;
  members: NamedArea[];
  comparisonAreas: NamedArea[];
  versionKey: string;
}

/** A few small reads: enough to tell whether cached figures are still current. */
export async function loadIndicatorHead(ctx: AppContext, key: string): Promise<IndicatorHead> {
  const repos = readRepos(ctx);
  const indicator = await findIndicator(repos, key);
  const collaboration = await currentCollaboration(repos);
  const [members, comparison, weight] = await Promise.all([
    repos.collaboration.members(collaboration.id),
    repos.collaboration.comparisonAreas(collaboration.id),
    indicator.weightKey ? repos.indicators.byKey(indicator.weightKey) : Promise.resolve(undefined),
  ]);
  const memberCodes = members.map((m) => m.code);
  return {
    indicator,
    weight,
    collaboration,
    members: members.map((m) => ({ code: m.code, name: m.name })),
    comparisonAreas: comparison.map((a) => ({ code: a.code, name: a.name })),
    versionKey: `${indicator.id}.${indicator.dataVersion}.${weight?.dataVersion ?? 0}.${memberCodes.join(',')}`,
  };
}

/** Reads an indicator's values (optionally within years) for members and comparison areas. */
export async function loadIndicatorData(
  ctx: AppContext,
  key: string,
  range: { from?: number; to?: number } = {},
): Promise<IndicatorData> {
  return withValues(ctx, await loadIndicatorHead(ctx, key), range);
}

/** The head's indicator with its values (and its weight's, for the weighted mean). */
export async function withValues(
  ctx: AppContext,
  head: IndicatorHead,
  range: { from?: number; to?: number } = {},
): Promise<IndicatorData> {
  const repos = readRepos(ctx);
  const { indicator, weight, collaboration, members, comparisonAreas } = head;
  const memberCodes = members.map((m) => m.code);
  const areaCodes = [...memberCodes, ...comparisonAreas.map((a) => a.code)];
  const [values, weights] = await Promise.all([
    repos.indicators.values(indicator.id, { areaCodes, ...range }),
    weight ? repos.indicators.values(weight.id, { areaCodes: memberCodes, ...range }) : Promise.resolve([]),
  ]);
  const byKey = indexed(values);
  const weightByKey = indexed(weights);
  const years = [...new Set(values.map((v) => v.year))].sort((a, b) => a - b);
  const present = new Set(values.map((v) => v.gender));
  const genders = (['T', 'K', 'M'] as const).filter((g) => present.has(g));

  const figures = new Map<string, GroupFigure[]>();
  return {
    indicator,
    versionKey: head.versionKey,
    collaboration,
    members,
    comparisonAreas,
    years,
    genders,
    value: (areaCode, year, gender) => byKey.get(indexKey(areaCode, year, gender)),
    groupFigures(year, gender) {
      const k = `${year}|${gender}`;
      let f = figures.get(k);
      if (!f) {
        const valueOf = (map: Map<string, IndicatorValue>, code: string) =>
          map.get(indexKey(code, year, gender))?.value ?? null;
        f = groupFigures({
          aggregation: indicator.aggregation,
          memberCodes,
          values: new Map(memberCodes.map((c) => [c, valueOf(byKey, c)])),
          ...(weight ? { weights: new Map(memberCodes.map((c) => [c, valueOf(weightByKey, c)])) } : {}),
        });
        figures.set(k, f);
      }
      return f;
    },
  };
}

/** The name of a members' group, e.g. "Södertörnskommunerna" from Kolada's "Södertörnskommunerna (ovägt medel)". */
export const groupName = (c: Collaboration): string => c.koladaGroupTitle.replace(/\s*\(.*\)\s*$/, '').trim() || c.name;
