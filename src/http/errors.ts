import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { securityEvent } from '../app/auth/security-log.js';
import { DomainError } from '../domain/errors.js';
import { renderErrorPage } from '../web/pages/error.page.js';
import { withCsrfFields } from '../web/render.js';
import { statusOf } from './error-mapping.js';
import { loggedPath, logUnexpectedError } from './logging.js';
import { CsrfTokenRefused } from './session.js';

const page = (c: Context, props: Parameters<typeof renderErrorPage>[0]) =>
  withCsrfFields(renderErrorPage(props), c.var.signedIn?.csrfToken);

const wantsJson = (c: Context): boolean => c.req.path.startsWith('/api/') || c.req.path === '/healthz';

/** JSON error body of the API: a stable code, a Swedish message, and the field problems if any. */
export const errorBody = (code: string, message: string, problems: { field: string; message: string }[] = []) => ({
  error: { code, message, ...(problems.length ? { problems } : {}) },
});

export function handleNotFound(c: Context) {
  if (wantsJson(c)) return c.json(errorBody('not_found', 'Adressen finns inte.'), 404);
  return c.html(page(c, { status: 404 }), 404);
}

/**
 * The one place errors become responses. Domain errors keep their Swedish message; anything
 * else is a 500 with a correlation id — never a stack trace or SQL in the body.
 */
export function handleError(error: Error, c: Context) {
  if (error instanceof DomainError) {
    const status = statusOf[error.code];
    if (error instanceof CsrfTokenRefused) csrfRefused(c, 'token');
    else if (status === 401 || status === 403) accessDenied(c, status);
    // A signed-out visitor who opens an editing page is sent to sign in, and back afterwards.
    if (error.code === 'unauthenticated' && c.req.method === 'GET' && !wantsJson(c)) {
      return c.redirect(`/logga-in?till=${encodeURIComponent(c.req.path)}`, 303);
    }
    if (wantsJson(c)) return c.json(errorBody(error.code, error.message, error.problems), status);
    return c.html(page(c, { status, message: error.message }), status);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    // The one 403 Hono raises here is the Origin check of cross-site form posts.
    if (status === 403) csrfRefused(c, 'origin');
    if (status === 403 && !wantsJson(c))
      return c.html(
        renderErrorPage({
          status,
          message: 'Förfrågan kom inte från den här webbplatsens formulär och har inte utförts.',
        }),
        403,
      );
    if (wantsJson(c)) return c.json(errorBody('http_error', error.message || 'Förfrågan kunde inte utföras.'), status);
    return error.getResponse();
  }
  const correlationId = c.var.requestId ?? 'okänd';
  logUnexpectedError(c, error);
  if (wantsJson(c))
    return c.json(
      {
        ...errorBody('internal_error', 'Ett oväntat fel inträffade. Ange felkoden om du kontaktar oss.'),
        correlationId,
      },
      500,
    );
  return c.html(page(c, { status: 500, correlationId }), 500);
}

/** Who was refused what: the account (if signed in), the route pattern and the path; never the request's contents. */
const refusal = (c: Context) => ({
  method: c.req.method,
  route: c.req.routePath,
  path: loggedPath(c.req.path),
  userId: c.var.signedIn?.user.id,
});

function accessDenied(c: Context, status: 401 | 403) {
  securityEvent('access.denied', { status, ...refusal(c) });
}

function csrfRefused(c: Context, reason: 'token' | 'origin') {
  securityEvent('csrf.refused', { reason, status: 403, ...refusal(c) });
}
