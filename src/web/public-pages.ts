import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { dataVersion } from '../app/audit/data-version.js';
import { today, type AppContext } from '../app/context.js';
import { chartCacheKey, createChartCache } from '../charts/chart-cache.js';
import { publicPage } from './render.js';

/**
 * Whole pages for visitors who are not signed in, as bytes: per database (a process serving two, as the
 * tests do, must not send one database's page for the other's at the same data version).
 */
const pageCaches = new WeakMap<object, ReturnType<typeof createChartCache<Uint8Array>>>();
const pageCacheOf = (ctx: AppContext) => {
  let cache = pageCaches.get(ctx.storage.db);
  if (!cache) pageCaches.set(ctx.storage.db, (cache = createChartCache<Uint8Array>({ maxEntries: 200 })));
  return cache;
};

/**
 * Sends the page at this address (path and query) as the public sees it, kept until any recorded data
 * changes or the day does (see dataVersion); signed-in people get it rendered for them (see publicPage).
 */
export const pageForThePublic =
  (ctx: AppContext) =>
  async (c: Context, render: () => Promise<JSX.Element>): Promise<Response> => {
    const { pathname, search } = new URL(c.req.url);
    return publicPage(
      c,
      pageCacheOf(ctx),
      chartCacheKey(pathname + search, await dataVersion(ctx), today(ctx)),
      render,
    );
  };
