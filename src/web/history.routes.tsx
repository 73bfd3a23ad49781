import { Hono } from 'hono';
import { getProgrammeHistory } from '../app/audit/get-history.js';
import type { AppContext } from '../app/context.js';
import { HistoryPage } from './pages/history.page.js';
import { html } from './render.js';

/** The audit trail as pages: what changed in a record, when and by whom. */
export function historyRoutes(ctx: AppContext): Hono {
  const web = new Hono();
  web.get('/historik/program/:slug', async (c) =>
    html(c, <HistoryPage history={await getProgrammeHistory(ctx, c.req.param('slug'))} />),
  );
  return web;
}
