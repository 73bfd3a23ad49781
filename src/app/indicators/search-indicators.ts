import type { Indicator } from '../../domain/indicators/indicator.js';
import type { KoladaKpi } from '../../storage/kolada-catalogue.repository.js';
import { readRepos, type AppContext } from '../context.js';

export interface IndicatorSearch {
  query: string;
  /** Indicators we follow (with values here) matching the query; all of them for an empty query. */
  followed: Indicator[];
  /** Matches in Kolada's catalogue (metadata), with whether we follow them. */
  catalogue: (KoladaKpi & { followed: boolean })[];
  catalogueSize: number;
}

const LIMIT = 50;

const matches = (i: Indicator, words: string[]) => {
  const text = `${i.key} ${i.title} ${i.definition}`.toLocaleLowerCase('sv');
  return words.every((w) => text.includes(w));
};

/** Searches our indicators and Kolada's catalogue by id and words (every word must occur). */
export async function searchIndicators(ctx: AppContext, query: string): Promise<IndicatorSearch> {
  const repos = readRepos(ctx);
  const q = query.trim().slice(0, 200);
  const words = q.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
  const all = await repos.indicators.list();
  const followedKeys = new Set(all.map((i) => i.key));
  const [kpis, catalogueSize] = await Promise.all([
    q ? repos.catalogue.searchKpis(q, LIMIT) : Promise.resolve([]),
    repos.catalogue.kpiCount(),
  ]);
  return {
    query: q,
    followed: all.filter((i) => matches(i, words)),
    catalogue: kpis.map((k) => ({ ...k, followed: followedKeys.has(k.id) })),
    catalogueSize,
  };
}
