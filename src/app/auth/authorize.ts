import { allows, type Policy, type PolicyScope } from '../../domain/auth/policies.js';
import { forbidden, unauthenticated } from '../../domain/errors.js';
import type { AppContext } from '../context.js';

/** Throws 401 for the public and 403 for the signed-in without the right; the one check use cases call. */
export function authorize(ctx: AppContext, policy: Policy, scope: PolicyScope = {}): void {
  if (allows(ctx.principal, policy, scope)) return;
  throw ctx.principal.signedIn ? forbidden() : unauthenticated();
}
