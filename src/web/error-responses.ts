import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { securityEvent } from '../app/auth/security-log.js';
import { DomainError } from '../domain/errors.js';
import { renderErrorPage } from './pages/error.page.js';
import { withCsrfFields } from './render.js';
import { errorBody, wantsJson } from '../http/error-body.js';
import { databaseFailureOf, statusOf, type DatabaseFailure } from '../http/error-mapping.js';
import { createLogger, loggedPath, logUnexpectedError, type Logger } from '../http/logging.js';
import { CsrfTokenRefused } from '../http/session.js';

const page = (c: Context, props: Parameters<typeof renderErrorPage>[0]) =>
  withCsrfFields(renderErrorPage(props), c.var.signedIn?.csrfToken);

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
  const failure = databaseFailureOf(error);
  if (failure) return databaseFailed(c, failure, error);
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

/**
 * The database cannot serve now, or the disk is full: 503 with Retry-After and a message saying what
 * happened and whether anything was saved. Not the service's fault in the code, so a warning in the log
 * (with the driver's code), never a 500 with a stack trace.
 */
const DATABASE_FAILURES: Record<DatabaseFailure, { code: string; message: string; retryAfterSeconds: number }> = {
  unavailable: {
    code: 'database_unavailable',
    message: 'Databasen går inte att nå just nu. Försök igen om en stund; det du skickade kan behöva skickas igen.',
    retryAfterSeconds: 5,
  },
  disk_full: {
    code: 'disk_full',
    message:
      'Serverns disk är full, så ingenting sparades. Det som redan fanns är oförändrat. Försök igen senare och kontakta förvaltningen om felet kvarstår.',
    retryAfterSeconds: 60,
  },
};

let fallbackLog: Logger | undefined;

function databaseFailed(c: Context, failure: DatabaseFailure, error: Error) {
  const { code, message, retryAfterSeconds } = DATABASE_FAILURES[failure];
  const log = c.var.log ?? (fallbackLog ??= createLogger({ level: 'warn' }));
  const driverCode = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  log.warn(
    {
      event: failure === 'disk_full' ? 'database.disk_full' : 'database.unavailable',
      method: c.req.method,
      path: loggedPath(c.req.path),
      error: { type: error.name, code: driverCode, message: error.message },
    },
    failure === 'disk_full' ? 'Disken är full: skrivningen avbröts' : 'Databasen går inte att nå',
  );
  c.header('Retry-After', String(retryAfterSeconds));
  c.header('Cache-Control', 'no-store');
  if (wantsJson(c)) return c.json(errorBody(code, message), 503);
  return c.html(page(c, { status: 503, message }), 503);
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
