import { readRepos, type AppContext } from './context.js';
import { listProgrammes } from './programmes/list-programmes.js';
import { progressPaths } from './progress/get-progress.js';
import { eventPaths } from './events/get-events.js';
import { consultationPublicPaths } from './consultation/get-consultation.js';

/**
 * The addresses of the pages anyone may read, for the sitemap: the start page, every programme that is
 * not a draft with its adoption and its document, the lists, and every indicator's page. The same for
 * whoever asks: drafts are left out even when a signed-in person requests the sitemap.
 */
export async function publicPaths(ctx: AppContext): Promise<string[]> {
  const [programmes, indicators] = await Promise.all([listProgrammes(ctx), readRepos(ctx).indicators.list()]);
  const published = programmes.filter((i) => i.programme.state !== 'draft').map((i) => i.programme.slug);
  return [
    '/',
    '/program',
    ...published.flatMap((slug) => [`/program/${slug}`, `/program/${slug}/antagande`, `/program/${slug}/dokument`]),
    '/antagande',
    '/versioner',
    '/nyckeltal',
    ...indicators.map((i) => `/nyckeltal/${encodeURIComponent(i.key)}`),
    ...(await progressPaths(ctx)),
    ...(await eventPaths(ctx)),
    ...(await consultationPublicPaths(ctx)),
    '/oppna-data',
    '/om',
    '/tillganglighet',
  ];
}
