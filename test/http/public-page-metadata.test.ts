/**
 * What a visitor who is not signed in meets on every page reachable from the start page: a meta
 * description that says what that page shows, internal links that lead somewhere, the site icon,
 * and sources cited in Swedish as the documents they are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_COOKIE, openTestApp, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';

interface Visited {
  path: string;
  status: number;
  contentType: string;
  html: string;
  /** The page the link was found on. */
  from: string;
}

/** Same shape of address, e.g. /program/:x/antagande: enough pages of each kind, not every goal and key. */
const shapeOf = (path: string) => {
  const [pathname, query = ''] = path.split('?');
  const params = [...new URLSearchParams(query).keys()].sort().join('&');
  return `${pathname!.replace(/\/[^/]*\d[^/]*/g, '/:x')}?${params}`;
};

const decode = (href: string) => href.replace(/&amp;/g, '&');

const PAGES_PER_SHAPE = 2;
const MAX_PAGES = 300;

/** Breadth-first from `/`, as the public: every internal link, at most PAGES_PER_SHAPE pages of each shape. */
async function crawl(t: TestApp): Promise<Visited[]> {
  const visited = new Map<string, Visited>();
  const perShape = new Map<string, number>();
  const queue: { path: string; from: string }[] = [{ path: '/', from: '(start)' }];
  while (queue.length && visited.size < MAX_PAGES) {
    const { path, from } = queue.shift()!;
    if (visited.has(path)) continue;
    const shape = shapeOf(path);
    if ((perShape.get(shape) ?? 0) >= PAGES_PER_SHAPE) continue;
    perShape.set(shape, (perShape.get(shape) ?? 0) + 1);
    const response = await t.app.request(`http://localhost${path}`, { headers: { Cookie: ANONYMOUS_COOKIE } });
    const contentType = response.headers.get('content-type') ?? '';
    const html = contentType.startsWith('text/html') ? await response.text() : '';
    if (!html) await response.body?.cancel();
    visited.set(path, { path, status: response.status, contentType, html, from });
    for (const [, href] of html.matchAll(/<a\b[^>]*\shref="(\/[^"]*)"/g)) {
      const target = decode(href!).split('#')[0]!;
      if (target && !target.startsWith('//') && !visited.has(target)) queue.push({ path: target, from: path });
    }
  }
  return [...visited.values()];
}

const descriptionOf = (html: string) => [...html.matchAll(/<meta name="description" content="([^"]*)"\/>/g)];

describe.each(testDialects)('public pages on %s', (dialect) => {
  let t: TestApp;
  let pages: Visited[];

  beforeAll(async () => {
    t = await openTestApp(dialect);
    pages = await crawl(t);
  });
  afterAll(() => t?.close());

  const htmlPages = () => pages.filter((p) => p.status === 200 && p.html);

  it('reaches the public side of the site from the start page', () => {
    const paths = htmlPages().map((p) => p.path);
    for (const expected of ['/', '/program', '/antagande', '/versioner', '/nyckeltal', '/planer', '/om'])
      expect(paths).toContain(expected);
    expect(paths.some((p) => /^\/program\/sup-[\d-]+$/.test(p))).toBe(true);
    expect(paths.some((p) => /^\/mal\/\d+$/.test(p))).toBe(true);
    expect(paths.some((p) => /^\/nyckeltal\/sm-/.test(p))).toBe(true);
    expect(paths.some((p) => /^\/planer\/\d+$/.test(p))).toBe(true);
    expect(paths.some((p) => /^\/uppfoljning\/\d{4}\/maluppfyllelse$/.test(p))).toBe(true);
    expect(htmlPages().length).toBeGreaterThan(25);
  });

  it('every page has one meta description of its own that says what it shows', () => {
    const start = descriptionOf(pages.find((p) => p.path === '/')!.html)[0]?.[1];
    const missing: string[] = [];
    for (const page of htmlPages()) {
      const found = descriptionOf(page.html);
      const content = found[0]?.[1] ?? '';
      if (found.length !== 1 || content.length < 50 || content.length > 320 || (page.path !== '/' && content === start))
        missing.push(`${page.path}: ${found.length} description(s), "${content}"`);
    }
    expect(missing).toEqual([]);
  });

  it('names what a page is about in its description', () => {
    const about = (path: string) => descriptionOf(pages.find((p) => p.path === path)!.html)[0]![1];
    expect(about('/')).toContain('Södertörnssamarbetet');
    for (const shape of [/^\/program\/sup-[\d-]+$/, /^\/mal\/\d+$/, /^\/nyckeltal\/sm-/, /^\/planer\/\d+$/]) {
      const page = htmlPages().find((p) => shape.test(p.path))!;
      const heading = /<h1[^>]*>([^<]+)<\/h1>/.exec(page.html)![1]!;
      expect(descriptionOf(page.html)[0]![1], page.path).toContain(heading);
    }
  });

  it('has no broken internal links', () => {
    const broken = pages.filter((p) => p.status >= 400).map((p) => `${p.path} (${p.status}, linked from ${p.from})`);
    expect(broken).toEqual([]);
  });

  it('serves the site icon where browsers look for it', async () => {
    const ico = await t.app.request('http://localhost/favicon.ico');
    expect(ico.status).toBe(200);
    expect(ico.headers.get('content-type')).toBe('image/x-icon');
    // An ICO file: reserved 0, type 1 (icon), then the number of images.
    const bytes = new Uint8Array(await ico.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0]);
    const svg = await t.app.request('http://localhost/static/favicon.svg');
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg /);
  });

  it('cites the adoption memo as the document it is, in Swedish', () => {
    const start = pages.find((p) => p.path === '/')!.html;
    expect(start).toContain(
      'Källa: Tjänsteskrivelse ”Södertörns utvecklingsprogram 2035”, kommunstyrelseförvaltningens förslag till ' +
        'kommunledningsutskottet för beslut i kommunstyrelsen',
    );
    for (const page of htmlPages()) expect(page.html, page.path).not.toMatch(/shared\/memo|OCR text|adoption memo/);
  });
});
