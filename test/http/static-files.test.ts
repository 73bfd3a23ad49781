/**
 * The stylesheets and icons: linked by fingerprinted addresses that are cached as immutable, and sent
 * compressed (Brotli or gzip) to a client that takes it, so a public page costs little to fetch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESIGNSYSTEMET_PARTS } from '../../src/web/static-assets.js';
import { openTestApp, ANONYMOUS_COOKIE, type TestApp } from '../support/app.js';

const require = createRequire(import.meta.url);

/** The budget of a public page before images: its HTML and its stylesheets as transferred. */
const PAGE_BUDGET_BYTES = 60 * 1024;

describe('static files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp('sqlite');
  });
  afterAll(() => t?.close());

  const get = (path: string, encoding?: string) =>
    t.app.request(`http://localhost${path}`, {
      headers: { Cookie: ANONYMOUS_COOKIE, ...(encoding === undefined ? {} : { 'Accept-Encoding': encoding }) },
    });
  const stylesheetsOf = (html: string) =>
    [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);

  it('links one stylesheet by its fingerprint, cached as immutable; the plain address still answers', async () => {
    const sheets = stylesheetsOf(await (await get('/')).text());
    expect(sheets).toHaveLength(1);
    for (const href of sheets) {
      expect(href).toMatch(/^\/static\/[a-z-]+\.[0-9a-f]{12}\.css$/);
      const res = await get(href);
      expect(res.status, href).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
      const plain = await get(href.replace(/\.[0-9a-f]{12}\.css$/, '.css'));
      expect(plain.headers.get('cache-control')).toBe('public, max-age=3600');
      expect(await plain.text()).toBe(await res.text());
    }
    expect((await get('/static/site.000000000000.css')).status).toBe(404);
  });

  it('sends Brotli or gzip to a client that takes it, the same bytes unpacked, and plain otherwise', async () => {
    const href = stylesheetsOf(await (await get('/')).text()).find((h) => h.includes('/site.'))!;
    const plain = Buffer.from(await (await get(href)).arrayBuffer());
    expect(plain.length).toBeGreaterThan(50_000);

    const br = await get(href, 'gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brotliDecompressSync(brBytes).equals(plain)).toBe(true);
    expect(brBytes.length).toBeLessThan(plain.length / 5);

    const gz = await get(href, 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(plain)).toBe(true);

    for (const refusing of ['identity', 'br;q=0, gzip;q=0', '']) {
      const res = await get(href, refusing);
      expect(res.headers.get('content-encoding'), refusing).toBeNull();
      expect(Buffer.from(await res.arrayBuffer()).equals(plain)).toBe(true);
    }
    // Icons that are already compressed (the .ico) are sent as they are.
    const ico = await get('/favicon.ico', 'br');
    expect(ico.headers.get('content-encoding')).toBeNull();
    expect(ico.headers.get('vary')).toBeNull();
  });

  it('keeps a public page within 60 KB as transferred (HTML gzipped, stylesheet in Brotli)', async () => {
    for (const path of ['/', '/program/sup-2035', '/nyckeltal', '/nyckeltal/sm-eftergymnasial-3ar-25-64']) {
      const page = await get(path, 'gzip, deflate, br');
      expect(page.headers.get('content-encoding'), path).toBe('gzip');
      expect(page.headers.get('vary'), path).toContain('Accept-Encoding');
      const packed = Buffer.from(await page.arrayBuffer());
      const html = gunzipSync(packed).toString('utf8');
      let bytes = packed.length;
      for (const href of stylesheetsOf(html)) bytes += (await (await get(href, 'br')).arrayBuffer()).byteLength;
      expect(bytes, path).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
    }
  });

  it('sends a signed-in person’s pages uncompressed: they carry the CSRF token (BREACH)', async () => {
    const res = await t.app.request('http://localhost/program/sup-2035', {
      headers: { Cookie: t.admin.cookie, 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toContain('Utnyttja den nya infrastrukturen');
  });

  it('sends only the parts of Designsystemet the templates use, each class used having its part', async () => {
    const available = new Set(
      readdirSync(dirname(require.resolve('@digdir/designsystemet-css/base.css')))
        .filter((f) => f.endsWith('.css') && f !== 'index.css')
        .map((f) => f.slice(0, -'.css'.length)),
    );
    const sent = new Set<string>([...DESIGNSYSTEMET_PARTS.base, ...DESIGNSYSTEMET_PARTS.components]);
    const used = new Set<string>();
    for (const file of readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f))) {
      for (const m of readFileSync(join('src', file), 'utf8').matchAll(/\bds-([a-z]+(?:-[a-z]+)*)/g)) {
        if (available.has(m[1]!)) used.add(m[1]!);
      }
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((part) => !sent.has(part))).toEqual([]);

    const css = await (await get(stylesheetsOf(await (await get('/')).text())[0]!)).text();
    expect(css.startsWith('@layer ds.theme, ds.base, ds.components;')).toBe(true);
    for (const part of ['.ds-error-summary', '.ds-breadcrumbs', '.ds-table', '.site-header'])
      expect(css).toContain(part);
    for (const unused of ['.ds-combobox', '.ds-dialog', '.ds-tabs']) expect(css).not.toContain(unused);
  });

  it('links the documents’ stylesheet by its fingerprint too', async () => {
    const html = await (await get('/program/sup-2035/dokument')).text();
    const [href] = stylesheetsOf(html);
    expect(href).toMatch(/^\/static\/document\.[0-9a-f]{12}\.css$/);
    expect((await get(href!)).status).toBe(200);
  });
});
