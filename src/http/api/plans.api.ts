import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../app/context.js';
import { defaultHook } from './request.js';

/** The chief networks' plans with their activities and latest reports; owners post reports. */
export function plansApi(ctx: AppContext): OpenAPIHono {
  void ctx;
  const api = new OpenAPIHono({ defaultHook });
  return api;
}
