import { Hono } from 'hono';
import { getProgrammeHistory } from '../app/audit/get-history.js';
import { getPlanHistory } from '../app/audit/get-plan-history.js';
import type { AppContext } from '../app/context.js';
import { HistoryPage } from './pages/history.page.js';
import { PlanHistoryPage } from './pages/plan-history.page.js';
import { html } from './render.js';
import { idParam } from './route-params.js';

/** The audit trail as pages: what changed in a record, when and by whom. */
export function historyRoutes(ctx: AppContext): Hono {
  const web = new Hono();
  web.get('/historik/program/:slug', async (c) =>
    html(c, <HistoryPage history={await getProgrammeHistory(ctx, c.req.param('slug'))} />),
  );
  web.get('/historik/plan/:planId{[0-9]+}', async (c) =>
    html(c, <PlanHistoryPage history={await getPlanHistory(ctx, idParam(c, 'planId', 'Planen'))} />),
  );
  return web;
}
