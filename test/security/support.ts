import type { Hono } from 'hono';
import { addUser } from '../../src/app/auth/users.js';
import type { AppContext } from '../../src/app/context.js';
import { createApp } from '../../src/compose-app.js';
import { createLogger } from '../../src/http/logging.js';
import type { DialectName } from '../../src/storage/dialect/dialect.js';
import { createTestContext, TEST_NOW } from '../support/context.js';
import { openTestStorage } from '../support/databases.js';

/** A password the rules accept (four words; not common; not the e-mail). */
export const GOOD_PASSWORD = 'korrekt häst batteri zebra';

/** Where the app's log lines go in these tests: every line, as written. */
export interface CapturedLog {
  write(line: string): void;
  text(): string;
  lines(): Record<string, unknown>[];
  events(): Record<string, unknown>[];
}

export function captureLog(): CapturedLog {
  let text = '';
  return {
    write: (line) => {
      text += line;
    },
    text: () => text,
    lines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    events() {
      return this.lines().filter((l) => typeof l.event === 'string' && l.event !== 'request');
    },
  };
}

/**
 * The real app on a fresh demo database with a clock the test moves, and its log captured.
 * `app` trusts no proxy (the default); `proxied` is the same app behind TRUST_PROXY=true.
 * Neither adds a cookie by itself: every request here says who it is.
 */
export interface SecurityApp {
  ctx: AppContext;
  app: Hono;
  proxied: Hono;
  log: CapturedLog;
  /** Moves the clock forward. */
  advance: (ms: number) => void;
  /** A new account with a password; returns its e-mail. */
  user: (options?: { role?: string; password?: string; local?: string }) => Promise<string>;
  close: () => Promise<void>;
}

let counter = 0;

export async function openSecurityApp(dialect: DialectName): Promise<SecurityApp> {
  // The demo as seeded at TEST_NOW, where the clock starts.
  const storage = await openTestStorage(dialect, { content: 'demo' });
  let now = TEST_NOW.getTime();
  const ctx = createTestContext(storage, () => new Date(now));
  const log = captureLog();
  const logger = createLogger({ level: 'info', destination: log });
  return {
    ctx,
    app: createApp(ctx, { logger }),
    proxied: createApp(ctx, { logger, trustProxy: true }),
    log,
    advance: (ms) => {
      now += ms;
    },
    user: async ({ role = 'reader', password = GOOD_PASSWORD, local } = {}) => {
      const email = `${local ?? `person-${++counter}`}@kommun.test`;
      await addUser(ctx, { email, name: `Person ${counter}`, role, password });
      return email;
    },
    close: storage.close,
  };
}

export interface Visit {
  /** `http://localhost` by default; `https://localhost` for a request that arrived over TLS. */
  base?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

const originOf = (base: string) => new URL(base).origin;

/** A GET as a browser sends it. */
export const get = (app: Hono, path: string, { base = 'http://localhost', cookie, headers = {} }: Visit = {}) =>
  Promise.resolve(app.request(`${base}${path}`, { headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers } }));

/** A form post as a same-site browser sends it (Origin of the base); fields as given, nothing added. */
export const post = (
  app: Hono,
  path: string,
  fields: Record<string, string>,
  { base = 'http://localhost', cookie, headers = {} }: Visit = {},
) =>
  Promise.resolve(
    app.request(`${base}${path}`, {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: originOf(base),
        ...(cookie ? { Cookie: cookie } : {}),
        ...headers,
      },
    }),
  );

/** Signs in through the form. */
export const signIn = (app: Hono, email: string, password: string, visit: Visit & { csrf?: string } = {}) =>
  post(app, '/logga-in', { email, password, ...(visit.csrf ? { _csrf: visit.csrf } : {}) }, visit);

/** The cookies a response sets, by name: value and attributes as sent. */
export function setCookies(res: Response): Map<string, { value: string; attributes: string[] }> {
  const cookies = new Map<string, { value: string; attributes: string[] }>();
  for (const header of res.headers.getSetCookie()) {
    const [pair, ...attributes] = header.split(';').map((p) => p.trim());
    const at = pair!.indexOf('=');
    cookies.set(pair!.slice(0, at), { value: pair!.slice(at + 1), attributes });
  }
  return cookies;
}

/** The Cookie header for a response's session cookie (either name). */
export function sessionCookie(res: Response): string {
  const cookies = setCookies(res);
  for (const name of ['samverkan', '__Host-samverkan']) {
    const cookie = cookies.get(name);
    if (cookie?.value) return `${name}=${cookie.value}`;
  }
  throw new Error(`Inget sessionscookie i svaret (status ${res.status}).`);
}

/** Signs in and returns the session's Cookie header and CSRF token (read from the account page). */
export async function signedIn(app: Hono, email: string, password = GOOD_PASSWORD, visit: Visit = {}) {
  const res = await signIn(app, email, password, visit);
  if (res.status !== 303) throw new Error(`Inloggningen misslyckades: ${res.status}`);
  const cookie = sessionCookie(res);
  return { cookie, token: cookie.split('=')[1]!, csrf: await csrfOf(app, cookie, visit) };
}

/** The CSRF token the account page's forms carry. */
export async function csrfOf(app: Hono, cookie: string, visit: Visit = {}): Promise<string> {
  const page = await (await get(app, '/konto', { ...visit, cookie })).text();
  const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!token) throw new Error('Kontosidan saknar CSRF-fält.');
  return token;
}

/** Whether a cookie still opens the account page (signed out: a redirect to the sign-in form). */
export async function isSignedIn(app: Hono, cookie: string, visit: Visit = {}): Promise<boolean> {
  const res = await get(app, '/konto', { ...visit, cookie });
  if (res.status === 200) return true;
  if (res.status === 303 && res.headers.get('location')?.startsWith('/logga-in')) return false;
  throw new Error(`Oväntat svar från /konto: ${res.status}`);
}

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
