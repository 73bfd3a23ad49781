import { allows, allowsSomewhere, type Policy, type PolicyScope } from '../../domain/auth/policies.js';
import { forbidden, unauthenticated } from '../../domain/errors.js';
import type { AppContext } from '../context.js';

/** Throws 401 for the public and 403 for the signed-in without the right; the one check use cases call. */
export function authorize(ctx: AppContext, policy: Policy, scope: PolicyScope = {}): void {
  if (allows(ctx.principal, policy, scope)) return;
  throw ctx.principal.signedIn ? forbidden() : unauthenticated();
}

/**
 * The check a write route makes before it reads the request: 401 for the public, 403 for a signed-in
 * person none of whose roles allows any of `policies` for any member or network. Whether the change
 * is allowed for the record it names is still the use case's `authorize`.
 */
export function authorizeSomewhere(ctx: AppContext, policies: readonly Policy[]): void {
  if (policies.some((policy) => allowsSomewhere(ctx.principal, policy))) return;
  throw ctx.principal.signedIn ? forbidden() : unauthenticated();
}
