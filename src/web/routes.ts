import { Hono } from 'hono';
import type { AppContext } from '../app/context.js';
import { draftRoutes } from './draft.routes.js';
import { readRoutes } from './read.routes.js';

/** All HTML pages. Draft routes first: `/program/nytt` must win over `/program/:slug`. */
export function webRoutes(ctx: AppContext): Hono {
  const web = new Hono();
  web.route('/', draftRoutes(ctx));
  web.route('/', readRoutes(ctx));
  return web;
}
