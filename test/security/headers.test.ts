import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HSTS } from '../../src/http/security-headers.js';
import { testDialects } from '../support/databases.js';
import { get, openSecurityApp, post, signedIn, type SecurityApp, type Visit } from './support.js';

/** The headers every HTML page must carry (ASVS 14.4), checked on one response. */
function expectHardened(res: Response, what: string) {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp, `${what}: CSP`).toContain("default-src 'self'");
  expect(csp, `${what}: CSP`).toContain("script-src 'self'");
  expect(csp, `${what}: CSP`).toContain("frame-ancestors 'none'");
  expect(csp, `${what}: CSP`).not.toContain('unsafe-inline');
  expect(csp, `${what}: CSP`).not.toContain('unsafe-eval');
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(res.headers.get('x-frame-options'), what).toBe('DENY');
}

const isHtml = (res: Response) => (res.headers.get('content-type') ?? '').startsWith('text/html');

/**
 * Visits every page reachable by links from the start page (signed out, or as `visit`'s session)
 * and calls `check` on each HTML response (at most 150 of them); returns the paths of those pages.
 */
async function crawl(t: SecurityApp, visit: Visit, check: (res: Response, path: string) => void): Promise<Set<string>> {
  const seen = new Set<string>(['/', '/logga-in', '/konto', '/program/nytt', '/finns-inte']);
  const queue = [...seen];
  const pages = new Set<string>();
  while (queue.length && pages.size < 150) {
    const path = queue.shift()!;
    const res = await get(t.app, path, visit);
    if (!isHtml(res)) continue;
    pages.add(path);
    check(res, path);
    for (const [, href] of (await res.text()).matchAll(/href="(\/[^"#]*)"/g)) {
      const link = href!.replaceAll('&amp;', '&');
      if (link.startsWith('/static/') || link.startsWith('/api/') || seen.has(link)) continue;
      seen.add(link);
      queue.push(link);
    }
  }
  return pages;
}

describe.each(testDialects)('security headers on %s', (dialect) => {
  let t: SecurityApp;
  let admin: Awaited<ReturnType<typeof signedIn>>;

  beforeAll(async () => {
    t = await openSecurityApp(dialect);
    t.app.get('/kaos', () => {
      throw new Error('kaos');
    });
    admin = await signedIn(t.app, await t.user({ role: 'admin' }));
  });
  afterAll(() => t.close());

  // Up to 300 pages (150 signed out, 150 signed in) rendered one after another: longer than one page test.
  it(
    'on every page reachable signed out and signed in: CSP, nosniff, referrer policy, charset',
    { timeout: 120_000 },
    async () => {
      const check = (res: Response, path: string) => {
        expectHardened(res, path);
        expect(res.headers.get('content-type'), path).toBe('text/html; charset=UTF-8');
      };
      const publicPages = await crawl(t, {}, check);
      const editorPages = await crawl(t, { cookie: admin.cookie }, check);
      expect(publicPages.size).toBeGreaterThan(10);
      // The editor reaches pages the public does not.
      expect([...editorPages].filter((path) => !publicPages.has(path))).not.toEqual([]);
    },
  );

  it('on error pages too: 401, 403, 404, 413, 422 and 500', async () => {
    const responses: [string, Response][] = [
      ['401', await post(t.app, '/program/nytt', { name: 'X' })],
      ['403 csrf', await post(t.app, '/program/nytt', { name: 'X' }, { cookie: admin.cookie })],
      ['403 origin', await post(t.app, '/program/nytt', {}, { headers: { Origin: 'https://annan.example' } })],
      ['404', await get(t.app, '/finns/inte')],
      ['413', await post(t.app, '/logga-in', { email: 'x'.repeat(2 * 1024 * 1024), password: 'y' })],
      ['422', await post(t.app, '/konto/losenord', { password: 'kort', _csrf: admin.csrf }, { cookie: admin.cookie })],
      ['500', await get(t.app, '/kaos')],
    ];
    for (const [what, res] of responses) {
      expect(res.status, what).toBe(Number(what.slice(0, 3)));
      expect(isHtml(res), what).toBe(true);
      expect(res.headers.get('content-type'), what).toBe('text/html; charset=UTF-8');
      expectHardened(res, what);
    }
  });

  it('nosniff on every other response too', async () => {
    for (const path of ['/static/site.css', '/healthz', '/api/v1/programmes']) {
      const res = await get(t.app, path);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  describe('HSTS', () => {
    const hsts = (res: Response) => res.headers.get('strict-transport-security');

    it('only when the request arrived over HTTPS', async () => {
      expect(hsts(await get(t.app, '/'))).toBeNull();
      expect(hsts(await get(t.app, '/', { base: 'https://localhost' }))).toBe(HSTS);
      expect(HSTS).toBe('max-age=31536000; includeSubDomains');
      // Error answers over HTTPS carry it as well.
      expect(hsts(await get(t.app, '/finns-inte', { base: 'https://localhost' }))).toBe(HSTS);
      expect(hsts(await get(t.app, '/kaos', { base: 'https://localhost' }))).toBe(HSTS);
    });

    it('from X-Forwarded-Proto only behind a trusted proxy (TRUST_PROXY)', async () => {
      const forwarded = (proto: string) => ({ headers: { 'X-Forwarded-Proto': proto } });
      expect(hsts(await get(t.app, '/', forwarded('https')))).toBeNull();
      expect(hsts(await get(t.proxied, '/', forwarded('https')))).toBe(HSTS);
      expect(hsts(await get(t.proxied, '/', forwarded('http')))).toBeNull();
      expect(hsts(await get(t.proxied, '/'))).toBeNull();
      // The proxy's own value is the last one: a client's claim in front of it does not count.
      expect(hsts(await get(t.proxied, '/', forwarded('https, http')))).toBeNull();
    });

    it('behind a trusted TLS proxy, same-site forms still pass the Origin check', async () => {
      const res = await post(
        t.proxied,
        '/logga-in',
        { email: 'ingen@kommun.test', password: 'fel fel fel fel' },
        { headers: { 'X-Forwarded-Proto': 'https', Origin: 'https://localhost' } },
      );
      expect(res.status).toBe(401); // refused sign-in, not a refused form
      const crossSite = await post(
        t.proxied,
        '/logga-in',
        { email: 'ingen@kommun.test', password: 'fel fel fel fel' },
        { headers: { 'X-Forwarded-Proto': 'https', Origin: 'https://annan.example' } },
      );
      expect(crossSite.status).toBe(403);
    });
  });
});
