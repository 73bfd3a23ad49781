import type { MiddlewareHandler } from 'hono';
import { resolveApiToken } from '../app/auth/api-tokens.js';
import type { AppContext } from '../app/context.js';
import { errorBody } from './error-body.js';

/** RFC 6750: every 401 of the API names the scheme it accepts. */
export const WWW_AUTHENTICATE = 'Bearer realm="samverkan"';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * `Authorization: Bearer sv_…` on the JSON API (mount on /api/*, after the sessions middleware).
 * A valid token signs the request in as its owner with only the token's grant, unless a session
 * already did; a header that is not a valid, unrevoked token is answered 401 at once, before any
 * route runs, so a revoked integration learns it on its next call.
 */
export function apiTokens(ctx: AppContext): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const bearer = BEARER.exec(header)?.[1];
      const signedIn = bearer ? await resolveApiToken(ctx, bearer) : null;
      if (!signedIn) {
        c.header('WWW-Authenticate', `${WWW_AUTHENTICATE}, error="invalid_token"`);
        return c.json(errorBody('unauthenticated', 'API-nyckeln är ogiltig eller återkallad.'), 401);
      }
      if (!c.var.signedIn) c.set('signedIn', signedIn);
    }
    await next();
    if (c.res.status === 401 && !c.res.headers.has('WWW-Authenticate')) {
      c.res.headers.set('WWW-Authenticate', WWW_AUTHENTICATE);
    }
  };
}
