/**
 * What GET requests read of the cooperation (and its programmes) is read once per version of the data,
 * however many use cases and requests ask (src/app/shared-reads.ts); a change, made through any database
 * handle, is seen by the next request; requests that may change something (POST) read afresh every time.
 */
import { Hono } from 'hono';
import { contextStorage } from 'hono/context-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCollaboration } from '../../src/app/collaboration.js';
import { createDraft } from '../../src/app/programmes/create-draft.js';
import { readRepos } from '../../src/app/context.js';
import { createApp } from '../../src/compose-app.js';
import { requestScopedContext } from '../../src/http/session.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { counting } from '../support/counting-queries.js';
import { testDialects } from '../support/databases.js';
import { sessionFor } from '../support/sessions.js';

describe.each(testDialects)('reads shared within a request on %s', (dialect) => {
  let t: TestContext;
  let cookie: string;

  beforeAll(async () => {
    t = await openTestContext(dialect);
    cookie = (await sessionFor(t.ctx, 'admin')).cookie;
  });
  afterAll(() => t?.close());

  it('reads the cooperation and its programmes once while nothing changes, and again after a change', async () => {
    const { ctx, countOf } = counting(t.ctx);
    const app = createApp(ctx);
    const get = async (path: string) => {
      const res = await app.request(`http://localhost${path}`, { headers: { Cookie: cookie } });
      expect(res.status, path).toBe(200);
      return res.text();
    };
    // The key-indicator conference pack asks for the cooperation and its members in every section.
    await get('/nyckeltalskonferensen/2026/dokument');
    expect(countOf('collaborations')).toBe(1);
    expect(countOf('members')).toBe(1);
    // The next pages, on the same version of the data, read neither again; each reads the version.
    const versions = countOf('audit_events');
    await get('/nyckeltalskonferensen/2026/dokument');
    await get('/planer/1');
    expect(countOf('collaborations')).toBe(1);
    expect(countOf('members')).toBe(1);
    expect(countOf('audit_events')).toBe(versions + 2);

    // A change made elsewhere (another database handle, as another instance) is seen at once.
    const programmesRead = countOf('programmes');
    expect(await get('/program')).not.toContain('Läsprov');
    const { slug } = await createDraft(t.ctx, { from: 'sup-2035', name: 'Läsprov' });
    expect(await get('/program')).toContain('Läsprov');
    expect(countOf('programmes')).toBeGreaterThan(programmesRead);
    expect(countOf('collaborations')).toBe(2);
    await get(`/program/${slug}/redigera`);
    expect(countOf('collaborations')).toBe(2);
  });

  it('reads the yearly plans and their activities once while nothing changes', async () => {
    const { ctx, countOf } = counting(t.ctx);
    const app = createApp(ctx);
    const pages = async () => {
      for (const path of ['/framsteg', '/planer/1']) {
        const res = await app.request(`http://localhost${path}`, { headers: { Cookie: cookie } });
        expect(res.status, path).toBe(200);
      }
    };
    await pages();
    const activities = countOf('plan_activities');
    const plans = countOf('plans');
    expect(activities).toBeGreaterThan(0);
    await pages();
    expect(countOf('plan_activities')).toBe(activities);
    expect(countOf('plans')).toBe(plans);
  });

  it('reads an indicator’s values once within a request, and again in the next', async () => {
    const { ctx: base, countOf } = counting(t.ctx);
    const ctx = requestScopedContext(base);
    const app = new Hono().use(contextStorage());
    app.get('/:n', async (c) => {
      const repos = readRepos(ctx);
      const indicator = (await repos.indicators.list())[0]!;
      const first = await repos.indicators.values(indicator.id, { from: 2010 });
      const again = await repos.indicators.values(indicator.id, { from: 2010 });
      expect(again).toEqual(first);
      expect(again).not.toBe(first);
      return c.text('ok');
    });
    await app.request('/a');
    expect(countOf('indicator_values')).toBe(1);
    await app.request('/b');
    expect(countOf('indicator_values')).toBe(2);
  });

  it('gives every request the same records, which none may change', async () => {
    const seen: unknown[] = [];
    const ctx = requestScopedContext(t.ctx);
    const probe = new Hono().use(contextStorage());
    probe.get('/:n', async (c) => {
      const repos = readRepos(ctx);
      const collaboration = await currentCollaboration(repos);
      const members = await repos.collaboration.members(collaboration.id);
      seen.push(collaboration);
      expect(Object.isFrozen(collaboration)).toBe(true);
      expect(Object.isFrozen(members[0])).toBe(true);
      // The list is the caller's own: sorting it changes nobody else's.
      expect(Object.isFrozen(members)).toBe(false);
      members.reverse();
      expect(() => {
        (collaboration as { name: string }).name = 'Något annat';
      }).toThrow(TypeError);
      return c.text(members[0]!.name);
    });
    const first = await (await probe.request('/a')).text();
    const second = await (await probe.request('/b')).text();
    expect(second).toBe(first);
    expect(seen[0]).toBe(seen[1]);
  });

  it('shares reads within a GET request only', async () => {
    const ctx = requestScopedContext(t.ctx);
    const seen: Record<string, unknown> = {};
    const app = new Hono().use(contextStorage());
    app.on(['GET', 'POST'], '/:name', async (c) => {
      const first = readRepos(ctx);
      seen[`${c.req.method} ${c.req.param('name')}`] = ctx.readScope;
      expect(readRepos(ctx)).toBe(first);
      await currentCollaboration(first);
      return c.text('ok');
    });
    await app.request('/a');
    await app.request('/b');
    await app.request('/c', { method: 'POST' });
    expect(seen['GET a']).toBeDefined();
    expect(seen['GET b']).toBeDefined();
    expect(seen['GET a']).not.toBe(seen['GET b']);
    expect(seen['POST c']).toBeUndefined();
    // Outside a request: the base context's, none.
    expect(ctx.readScope).toBeUndefined();
  });
});
