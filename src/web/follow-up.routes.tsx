import { Hono } from 'hono';
import type { AppContext } from '../app/context.js';

/** Follow-up rounds, reports, late reports, reminders and the deadline calendar. */
export function followUpRoutes(ctx: AppContext): Hono {
  void ctx;
  const web = new Hono();
  return web;
}
