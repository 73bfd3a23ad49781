import type { MiddlewareHandler } from 'hono';
import { authorize } from '../app/auth/authorize.js';
import type { AppContext } from '../app/context.js';
import type { Policy } from '../domain/auth/policies.js';

/** Route-level guard: the route names its policy; 401/403 are answered by the one error handler. */
export const requirePolicy =
  (ctx: AppContext, policy: Policy): MiddlewareHandler =>
  async (_c, next) => {
    authorize(ctx, policy);
    await next();
  };
