import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantKey } from '../../src/app/auth/api-tokens.js';
import { createContext, readRepos } from '../../src/app/context.js';
import { createApp } from '../../src/compose-app.js';
import { contentFingerprint } from '../../src/storage/backup/content-fingerprint.js';
import { createDb } from '../../src/storage/database.js';
import { ANONYMOUS_COOKIE, openTestApp, postForm, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';
import { networkByKey, planGoals } from '../support/plans.js';
import type { TestSession } from '../support/sessions.js';

/**
 * Every write route refuses before it reads the request: 401 for the public and 403 for a signed-in
 * person none of whose roles could make that kind of change anywhere (a reader), even when the body is
 * empty or invalid (never 422 with the field problems), and nothing in the database changes. The routes
 * are read from the app itself, so a write route added later without a guard fails here. Who may write
 * which record is the role × route matrix's (role-route-matrix.test.ts).
 */

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'ALL']);

/** Every write route of an app (method and path pattern), API and web, once each. */
function writeRoutesOf(app: Hono): string[] {
  const routes = app.routes.filter((r) => !READ_METHODS.has(r.method)).map((r) => `${r.method} ${r.path}`);
  return [...new Set(routes)];
}

// The route table does not depend on the data: read from an app on an empty, unused database.
const WRITE_ROUTES = await (async () => {
  const storage = createDb(':memory:');
  try {
    return writeRoutesOf(createApp(createContext(storage)));
  } finally {
    await storage.db.destroy();
  }
})();

/**
 * Write routes meant for the public or for any signed-in person, with why. The signed_in ones must
 * still refuse the public (401) before reading the form.
 */
const EXCEPTIONS: Record<string, { policy: 'public' | 'signed_in'; reason: string }> = {
  'POST /logga-in': { policy: 'public', reason: 'signing in is what the public does to stop being the public' },
  'POST /logga-ut': { policy: 'public', reason: 'signing out ends whatever session the cookie names, if any' },
  'POST /konto/losenord': { policy: 'signed_in', reason: 'everyone with an account changes their own password' },
  'POST /konto/api-nycklar': { policy: 'signed_in', reason: 'everyone makes API keys with their own roles' },
  'POST /konto/api-nycklar/:id/aterkalla': { policy: 'signed_in', reason: 'everyone revokes their own API keys' },
  'POST /program/:slug/samrad/del/:part': { policy: 'public', reason: 'anyone may comment in a consultation' },
  'POST /samrad/bekrafta/:token': { policy: 'public', reason: 'a commenter confirms their address by the mailed link' },
  'POST /program/:slug/samrad/kommentarer/:id{[0-9]+}/anmal': {
    policy: 'public',
    reason: 'anyone may report a comment (BBS-lagen)',
  },
  // The same three forms sent from the consultation's English pages (src/web/i18n/english-pages.ts).
  'POST /en/program/:slug/samrad/del/:part': { policy: 'public', reason: 'commenting from the English page' },
  'POST /en/samrad/bekrafta/:token': { policy: 'public', reason: 'confirming from the English page' },
  'POST /en/program/:slug/samrad/kommentarer/:id{[0-9]+}/anmal': {
    policy: 'public',
    reason: 'reporting a comment from the English page',
  },
};

const GUARDED = WRITE_ROUTES.filter((route) => !(route in EXCEPTIONS));
const SIGNED_IN_ONLY = Object.keys(EXCEPTIONS).filter((route) => EXCEPTIONS[route]!.policy === 'signed_in');
const isApi = (route: string) => route.split(' ')[1]!.startsWith('/api/');

interface ErrorJson {
  error: { code: string; problems?: unknown[] };
}

describe.each(testDialects)('writes refused before validation on %s', (dialect) => {
  let t: TestApp;
  let reader: TestSession;
  let readerKey: string;
  /** Path parameters by name: real ids and slugs of the demo (the guard must not need them). */
  let params: Record<string, string>;

  beforeAll(async () => {
    t = await openTestApp(dialect);
    reader = await t.session('reader');
    const repos = readRepos(t.ctx);
    const user = (await repos.users.byEmail(reader.email))!;
    const created = await postForm(
      t.app,
      '/konto/api-nycklar',
      { name: 'Läsarens nyckel', grant: grantKey(user.grants[0]!) },
      reader,
    );
    readerKey = /sv_[A-Za-z0-9_-]{43}/.exec(await created.text())![0];
    // The first use of a key records when it was used; done here, so the requests below change nothing.
    await api('GET', '/api/v1/programmes', { key: readerKey });

    const collaborationId = (await repos.collaboration.first())!.id;
    const planeringschefer = await networkByKey(t.ctx, 'planeringschefer');
    const plan = (await repos.plans.plans({ collaborationId, year: 2026, networkId: planeringschefer.id })).find(
      (p) => p.kind === 'operational',
    )!;
    const link = await t.storage.db
      .selectFrom('goal_indicators')
      .select(['id', 'goal_id'])
      .orderBy('id')
      .executeTakeFirst();
    params = {
      slug: 'sup-2035',
      planId: String(plan.id),
      activityId: String((await repos.plans.activitiesOf([plan.id]))[0]!.id),
      roundId: String((await repos.followUp.rounds(collaborationId, 2026))[0]!.id),
      goalId: String(link?.goal_id ?? (await planGoals(t.ctx))[0]!.id),
      linkId: String(link?.id ?? 1),
    };
  });
  afterAll(() => t.close());

  /**
   * The path of a route pattern with its parameters filled: with the demo's records, or with ids and slugs
   * no record has (the refusal must not depend on the record, nor tell the public whether it exists). On the
   * API those are not even valid ids, so a guard that ran after the path validators would answer 422.
   */
  const pathOf = (route: string, records: 'demo' | 'missing') => {
    const pattern = route.split(' ')[1]!;
    return pattern.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => {
      if (records === 'missing') return name === 'slug' || pattern.startsWith('/api/') ? 'finns-inte' : '999999999';
      if (name === 'id' && pattern.startsWith('/api/v1/programmes/')) return params.slug!;
      if (name === 'id' && pattern.startsWith('/api/v1/plans/')) return params.planId!;
      return params[name] ?? '1';
    });
  };

  /** A request with the JSON body `{}`: as the public, with a session's cookie or with an API key. */
  function api(method: string, path: string, as: { cookie?: string; key?: string } = {}) {
    return Promise.resolve(
      t.app.request(`http://localhost${path}`, {
        method,
        ...(method === 'GET' ? {} : { body: '{}' }),
        headers: {
          'Content-Type': 'application/json',
          Cookie: as.cookie ?? ANONYMOUS_COOKIE,
          ...(as.key ? { Authorization: `Bearer ${as.key}` } : {}),
        },
      }),
    );
  }

  /** An empty form, as a same-site browser posts it; a session's form carries its CSRF token. */
  const emptyForm = (method: string, path: string, as: TestSession | null) => {
    if (method !== 'POST')
      throw new Error(`${method} ${path}: the web has only form posts; teach this test ${method}.`);
    return postForm(t.app, path, {}, as);
  };

  /** Who sends the invalid request (to the API, to the web), and what they must be answered. */
  interface Sender {
    who: string;
    status: 401 | 403;
    api: (method: string, path: string) => Promise<Response>;
    web?: (method: string, path: string) => Promise<Response>;
  }
  const PUBLIC: Sender = {
    who: 'the public',
    status: 401,
    api: (method, path) => api(method, path),
    web: (method, path) => emptyForm(method, path, null),
  };
  const READER: Sender[] = [
    {
      who: 'a reader',
      status: 403,
      api: (method, path) => api(method, path, { cookie: reader.cookie }),
      web: (method, path) => emptyForm(method, path, reader),
    },
    { who: 'a reader’s API key', status: 403, api: (method, path) => api(method, path, { key: readerKey }) },
  ];

  /**
   * Sends each request with the demo's records and with missing ones, checks every answer (all of them
   * reported, not only the first wrong one), and that the database is the same afterwards, row for row.
   */
  async function expectRefusedBeforeReading(route: string, senders: Sender[]) {
    const method = route.split(' ')[0]!;
    const before = await contentFingerprint(t.storage);
    for (const sender of senders) {
      const send = isApi(route) ? sender.api : sender.web;
      if (!send) continue;
      for (const records of ['demo', 'missing'] as const) {
        const path = pathOf(route, records);
        const res = await send(method, path);
        const body = await res.text();
        const what = `${method} ${path} as ${sender.who}: ${body.slice(0, 200)}`;
        expect.soft(res.status, what).toBe(sender.status);
        if (isApi(route)) {
          const json = JSON.parse(body) as ErrorJson;
          expect.soft(json.error.code, what).toBe(sender.status === 401 ? 'unauthenticated' : 'forbidden');
          expect.soft(json.error.problems, what).toBeUndefined();
        } else {
          expect
            .soft(body, what)
            .toContain(
              sender.status === 401
                ? 'Du behöver logga in för att göra det här.'
                : 'Du har inte behörighet att göra det här.',
            );
        }
      }
    }
    expect(await contentFingerprint(t.storage)).toEqual(before);
  }

  it('finds the write routes of the API and the web, and every exception is one of them', () => {
    expect(GUARDED.filter(isApi).length).toBeGreaterThanOrEqual(2);
    expect(GUARDED.filter((r) => !isApi(r)).length).toBeGreaterThanOrEqual(30);
    for (const route of Object.keys(EXCEPTIONS)) expect(WRITE_ROUTES, route).toContain(route);
  });

  it.each(GUARDED)('%s refuses the public (401) and a reader (403) before reading the body', (route) =>
    expectRefusedBeforeReading(route, [PUBLIC, ...READER]),
  );

  it.each(SIGNED_IN_ONLY)('%s (any signed-in person’s) refuses the public with 401', (route) =>
    expectRefusedBeforeReading(route, [PUBLIC]),
  );
});
