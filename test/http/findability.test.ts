/** robots.txt and sitemap.xml: what search engines are told, on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_COOKIE, openTestApp, postForm, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';

describe.each(testDialects)('robots.txt and sitemap.xml on %s', (dialect) => {
  let t: TestApp;
  let draft: string;
  beforeAll(async () => {
    t = await openTestApp(dialect);
    const res = await postForm(t.app, '/program/nytt', { from: 'sup-2035', name: 'Utkast som inte ska synas' });
    draft = res.headers.get('location')!.split('/')[2]!;
  });
  afterAll(() => t?.close());

  const get = (url: string, cookie = ANONYMOUS_COOKIE, headers: Record<string, string> = {}) =>
    t.app.request(url, { headers: { Cookie: cookie, ...headers } });

  it('lets everything public be indexed and names the sitemap by its absolute address', async () => {
    const res = await get('http://samverkan.example/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe(
      'User-agent: *\nDisallow: /logga-in\nDisallow: /konto\nDisallow: /api/\nSitemap: http://samverkan.example/sitemap.xml\n',
    );
  });

  it('lists the public pages, each answering 200 to the public, and never a draft, whoever asks', async () => {
    for (const cookie of [ANONYMOUS_COOKIE, t.admin.cookie]) {
      const res = await get('http://samverkan.example/sitemap.xml', cookie);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/xml; charset=UTF-8');
      const xml = await res.text();
      expect(xml).toMatch(
        /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9" xmlns:xhtml="http:\/\/www.w3.org\/1999\/xhtml">/,
      );
      const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
      expect(locs).toContain('http://samverkan.example/program/sup-2035');
      expect(locs).toContain('http://samverkan.example/program/sup-2035/dokument');
      expect(locs).toContain('http://samverkan.example/nyckeltal');
      // Every public page also in English, at /en/….
      expect(locs).toContain('http://samverkan.example/en/program/sup-2035');
      expect(locs).not.toContain('http://samverkan.example/en/program/sup-2035/dokument');
      expect(locs.some((l) => l.includes(draft))).toBe(false);
      expect(new Set(locs).size).toBe(locs.length);
      if (cookie !== ANONYMOUS_COOKIE) continue;
      for (const loc of locs) expect((await get(loc)).status, loc).toBe(200);
    }
  });
});
