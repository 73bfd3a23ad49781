import type { MiddlewareHandler } from 'hono';
import { authorize, authorizeSomewhere } from '../app/auth/authorize.js';
import type { AppContext } from '../app/context.js';
import type { Policy } from '../domain/auth/policies.js';

/** Route-level guard: the route names its policy; 401/403 are answered by the one error handler. */
export const requirePolicy =
  (ctx: AppContext, policy: Policy): MiddlewareHandler =>
  async (_c, next) => {
    authorize(ctx, policy);
    await next();
  };

/**
 * Guard of a write route whose policy depends on the record (a member's decision, a network's plan):
 * refuses with 401/403 before the body is read or validated unless one of `policies` allows the
 * person something somewhere. The use case then authorises for the record itself.
 */
export const requireWriteAccess =
  (ctx: AppContext, ...policies: Policy[]): MiddlewareHandler =>
  async (_c, next) => {
    authorizeSomewhere(ctx, policies);
    await next();
  };
