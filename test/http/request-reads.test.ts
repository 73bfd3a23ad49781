/**
 * What one GET request reads of the cooperation (and its programmes) is read once, however many use cases
 * the page is made of (src/app/shared-reads.ts), and nothing read is kept beyond the request; requests
 * that may change something (POST) read afresh every time.
 */
import { Hono } from 'hono';
import { contextStorage } from 'hono/context-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCollaboration } from '../../src/app/collaboration.js';
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

  it('reads the cooperation and its members once per page, and again for the next page', async () => {
    const { ctx, countOf } = counting(t.ctx);
    const app = createApp(ctx);
    const get = async (path: string) => {
      const res = await app.request(`http://localhost${path}`, { headers: { Cookie: cookie } });
      expect(res.status, path).toBe(200);
    };
    // The key-indicator conference pack asks for the cooperation and its members in every section.
    await get('/nyckeltalskonferensen/2026/dokument');
    expect(countOf('collaborations')).toBe(1);
    expect(countOf('members')).toBe(1);
    await get('/nyckeltalskonferensen/2026/dokument');
    expect(countOf('collaborations')).toBe(2);
    // A plan's page is made of several use cases, each asking for the cooperation.
    await get('/planer/1');
    expect(countOf('collaborations')).toBe(3);
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
