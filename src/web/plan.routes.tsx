import { Hono } from 'hono';
import type { AppContext } from '../app/context.js';

/** The chief networks' yearly plans and their activities. */
export function planRoutes(ctx: AppContext): Hono {
  void ctx;
  const web = new Hono();
  return web;
}
