import { Hono } from 'hono';
import type { AppContext } from '../app/context.js';

/** Roll-ups per goal and focus area, and the annual report. */
export function resultsRoutes(ctx: AppContext): Hono {
  void ctx;
  const web = new Hono();
  return web;
}
