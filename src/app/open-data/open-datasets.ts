/**
 * The open datasets: each with a stable slug (its address is /oppna-data/<slug>.csv|.json|.xlsx), the EU
 * data themes it is filed under, its terms, and how its table is read. Everything here is public: drafts,
 * plans not yet adopted and names of people are never in a dataset, whoever asks.
 */
import { currentCollaboration } from '../collaboration.js';
import { readRepos, type AppContext } from '../context.js';
import { commentsDataset } from './comments-dataset.js';
import type { DatasetTable } from './dataset-table.js';
import { decisionsDataset } from './decisions-dataset.js';
import { indicatorValuesDataset } from './indicator-values-dataset.js';
import { followUpDataset, plansDataset } from './plans-dataset.js';
import { programmesDataset } from './programmes-dataset.js';
import type { DataTheme } from './vocabularies.js';

/**
 * The terms a dataset is offered on. `cc0`: the cooperation's own records (programmes, decisions, plans),
 * free for any use (CC0 1.0). `sources`: values that belong to their sources (Kolada, SCB …); each row
 * names its source and licence, and no licence of ours is claimed over them. `authors`: texts written by
 * the public (consultation comments), allmänna handlingar whose words remain their writers'; no licence is
 * claimed over them either.
 */
export type DatasetTerms = 'cc0' | 'sources' | 'authors';

export interface OpenDataset {
  /** Stable: the dataset's address and identifier. Never rename one that has been published. */
  slug: string;
  themes: readonly DataTheme[];
  terms: DatasetTerms;
  load: (ctx: AppContext) => Promise<DatasetTable>;
}

export const OPEN_DATASETS = [
  { slug: 'program', themes: ['GOVE', 'REGI'], terms: 'cc0', load: programmesDataset },
  { slug: 'beslut', themes: ['GOVE'], terms: 'cc0', load: decisionsDataset },
  { slug: 'nyckeltalsvarden', themes: ['REGI', 'SOCI'], terms: 'sources', load: indicatorValuesDataset },
  { slug: 'planer', themes: ['GOVE', 'REGI'], terms: 'cc0', load: plansDataset },
  { slug: 'uppfoljning', themes: ['GOVE'], terms: 'cc0', load: followUpDataset },
  // ---- Published consultation comments (the consultation module, src/app/consultation/): the commenters'
  // own texts, so no CC0 (see DatasetTerms); which terms to offer them on is the lead's to settle.
  { slug: 'kommentarer', themes: ['GOVE'], terms: 'authors', load: commentsDataset },
] as const satisfies readonly OpenDataset[];

export type PublishedDataset = (typeof OPEN_DATASETS)[number];
export type DatasetSlug = PublishedDataset['slug'];

export function findDataset(slug: string): PublishedDataset | undefined {
  return OPEN_DATASETS.find((d) => d.slug === slug);
}

/** Who publishes the data (the cooperation), and since when: the first programme that is not a draft. */
export async function openDataPublisher(
  ctx: AppContext,
): Promise<{ name: string; slug: string; issued: string | null }> {
  const repos = readRepos(ctx);
  const collaboration = await currentCollaboration(repos);
  const programmes = await repos.programmes.list(collaboration.id);
  const created = programmes
    .filter((p) => p.state !== 'draft')
    .map((p) => p.createdAt)
    .sort();
  return { name: collaboration.name, slug: collaboration.slug, issued: created[0] ?? null };
}
