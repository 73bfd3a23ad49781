import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { dataVersion } from '../app/audit/data-version.js';
import { today, type AppContext } from '../app/context.js';
import { chartCacheKey, createChartCache } from '../charts/chart-cache.js';
import { publicPage } from './render.js';

/** Whole pages of plans and follow-up for visitors who are not signed in, as bytes. */
const pageCache = createChartCache<Uint8Array>({ maxEntries: 200 });

/**
 * Sends the page at this address (path and query) as the public sees it, kept until any recorded data
 * changes or the day does (see dataVersion); signed-in people get it rendered for them (see publicPage).
 */
export const pageForThePublic =
  (ctx: AppContext) =>
  async (c: Context, render: () => Promise<JSX.Element>): Promise<Response> => {
    const { pathname, search } = new URL(c.req.url);
    return publicPage(c, pageCache, chartCacheKey(pathname + search, await dataVersion(ctx), today(ctx)), render);
  };
