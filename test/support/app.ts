import type { Hono } from 'hono';
import type { PdfPrinter } from '../../src/documents/pdf-printer.js';
import { createApp } from '../../src/compose-app.js';
import type { DialectName } from '../../src/storage/dialect/dialect.js';
import { openTestContext, type TestContext } from './context.js';
import { sessionFor, type TestSession } from './sessions.js';

export interface TestApp extends TestContext {
  /**
   * The real app. Requests without a Cookie header are sent as the secretariat's administrator
   * (most tests are about what an editor does); pass `as(null)` / a session to `postForm`, or a
   * Cookie header, to act as someone else — the role × route tests do.
   */
  app: Hono;
  admin: TestSession;
  /** A new account with `role` (and scope) and its session. */
  session: (role: string, scope?: { member?: string; network?: string }) => Promise<TestSession>;
}

const defaultSessions = new WeakMap<Hono, TestSession>();

/**
 * The real HTTP app on a fresh database (demo loaded unless `seed: false`). Call it with `app.request()`.
 * `pdfPrinter` prints the documents' PDFs (the caller closes it); without one the app has no Chromium.
 */
export async function openTestApp(
  dialect: DialectName,
  options: { seed?: boolean; now?: Date; pdfPrinter?: PdfPrinter } = {},
): Promise<TestApp> {
  const { pdfPrinter, ...contextOptions } = options;
  const t = await openTestContext(dialect, contextOptions);
  const app = createApp(t.ctx, { pdfPrinter });
  const admin = await sessionFor(t.ctx, 'admin');
  const request = app.request.bind(app);
  app.request = ((input: Parameters<Hono['request']>[0], init?: RequestInit, ...rest: unknown[]) => {
    const headers = new Headers(init?.headers);
    if (!headers.has('Cookie')) headers.set('Cookie', admin.cookie);
    return (request as (...a: unknown[]) => ReturnType<Hono['request']>)(input, { ...init, headers }, ...rest);
  }) as Hono['request'];
  defaultSessions.set(app, admin);
  return { ...t, app, admin, session: (role, scope) => sessionFor(t.ctx, role, scope) };
}

/** The Cookie header of nobody signed in. */
export const ANONYMOUS_COOKIE = 'samverkan=';

/**
 * Posts a form the way a browser on the same site does: same-origin Origin, the session's cookie
 * and its CSRF token. `as` defaults to the test app's administrator; `null` posts signed out.
 */
export function postForm(
  app: Hono,
  path: string,
  fields: Record<string, string | string[]>,
  as: TestSession | null = defaultSessions.get(app) ?? null,
): Promise<Response> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  if (as && !('_csrf' in fields)) body.append('_csrf', as.csrf);
  return Promise.resolve(
    app.request(`http://localhost${path}`, {
      method: 'POST',
      body,
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'http://localhost',
        Cookie: as ? as.cookie : ANONYMOUS_COOKIE,
      },
    }),
  );
}

/**
 * Posts a multipart form (a file upload) the way a browser on the same site does: same-origin Origin, the
 * session's cookie and its CSRF token. Text fields are strings; a file is its name and bytes.
 */
export function postMultipart(
  app: Hono,
  path: string,
  fields: Record<string, string | { name: string; bytes: Uint8Array; type?: string }>,
  as: TestSession | null = defaultSessions.get(app) ?? null,
): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields))
    form.append(
      k,
      typeof v === 'string' ? v : new File([Buffer.from(v.bytes)], v.name, v.type ? { type: v.type } : {}),
    );
  if (as && !('_csrf' in fields)) form.append('_csrf', as.csrf);
  return Promise.resolve(
    app.request(`http://localhost${path}`, {
      method: 'POST',
      body: form,
      headers: { Origin: 'http://localhost', Cookie: as ? as.cookie : ANONYMOUS_COOKIE },
    }),
  );
}
