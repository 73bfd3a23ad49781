import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { tryGetContext } from 'hono/context-storage';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { resolveSession, SESSION_ABSOLUTE_MS, type SignedIn } from '../app/auth/sessions.js';
import type { AppContext } from '../app/context.js';
import { ANONYMOUS } from '../domain/auth/actor.js';
import { PUBLIC_PRINCIPAL } from '../domain/auth/policies.js';
import { DomainError } from '../domain/errors.js';
import { isHttps } from './proxy.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** The signed-in person of this request, or null for the public. */
    signedIn: SignedIn | null;
  }
}

/**
 * Behind TLS (the URL's, or a trusted proxy's X-Forwarded-Proto) the cookie gets the __Host- prefix
 * and Secure: bound to this host, never sent in clear.
 */
const cookieName = (c: Context) => (isHttps(c) ? '__Host-samverkan' : 'samverkan');

export const sessionToken = (c: Context): string | undefined => getCookie(c, cookieName(c));

export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, cookieName(c), token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, cookieName(c), { path: '/', secure: isHttps(c) });
}

/**
 * One application context for the whole app whose actor and principal are those of the request
 * being served (Hono's context storage): route code passes `ctx` and every use case sees who acts.
 * Outside a request (CLI, seed) it is the base context's.
 */
export function requestScopedContext(base: AppContext): AppContext {
  // c.get, not c.var: Hono builds a new object of every variable on each read of c.var.
  const signedIn = () => tryGetContext()?.get('signedIn');
  return {
    storage: base.storage,
    now: base.now,
    ...(base.mailer ? { mailer: base.mailer } : {}),
    ...(base.passwordHashCost ? { passwordHashCost: base.passwordHashCost } : {}),
    get actor() {
      const current = tryGetContext();
      return current ? (current.get('signedIn')?.actor ?? ANONYMOUS) : base.actor;
    },
    get principal() {
      const current = tryGetContext();
      return current ? (signedIn()?.principal ?? PUBLIC_PRINCIPAL) : base.principal;
    },
    // A GET or HEAD request changes nothing: its use cases share what they read of the cooperation.
    get readScope() {
      const current = tryGetContext();
      if (!current) return base.readScope;
      const method = current.req.method;
      return method === 'GET' || method === 'HEAD' ? current : undefined;
    },
  };
}

/** A signed-in person's form without the session's CSRF token (403; logged as `csrf.refused`). */
export class CsrfTokenRefused extends DomainError {
  constructor() {
    super('forbidden', 'Formuläret hade en ogiltig eller gammal säkerhetskod. Ladda om sidan och försök igen.');
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();
/** Compares in constant time: how long the check takes tells nothing about the token. */
const sameToken = (given: unknown, expected: string) =>
  typeof given === 'string' && timingSafeEqual(digest(given), digest(expected));

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i;

/**
 * Resolves the session cookie, and for a signed-in person's form posts checks the per-session CSRF
 * token (the hidden `_csrf` field every form carries), on top of the Origin check.
 */
export function sessions(ctx: AppContext): MiddlewareHandler {
  return async (c, next) => {
    const signedIn = await resolveSession(ctx, sessionToken(c));
    c.set('signedIn', signedIn);
    if (!signedIn && sessionToken(c)) clearSessionCookie(c);
    if (signedIn && c.req.method === 'POST' && FORM_TYPES.test(c.req.header('content-type') ?? '')) {
      const body = await c.req.parseBody();
      if (!sameToken(body['_csrf'], signedIn.csrfToken)) throw new CsrfTokenRefused();
    }
    await next();
  };
}
