import { Hono } from 'hono';
import type { AppContext } from '../app/context.js';
import { publicPaths } from '../app/public-paths.js';
import { hasEnglishVersion } from './i18n/english-pages.js';
import { localized } from './i18n/locale.js';
import { siteOrigin } from './site-address.js';

const xmlEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A page's entries in the sitemap: its Swedish address, and when it has an English version that one
 * too, each naming both languages (and Swedish as the default) with `xhtml:link` alternates.
 */
function sitemapEntries(origin: string, path: string): string[] {
  const at = (address: string) => xmlEscape(`${origin}${address}`);
  if (!hasEnglishVersion(path)) return [`  <url><loc>${at(path)}</loc></url>`];
  const [sv, en] = [localized(path, 'sv'), localized(path, 'en')];
  const alternates = [
    `    <xhtml:link rel="alternate" hreflang="sv" href="${at(sv)}"/>`,
    `    <xhtml:link rel="alternate" hreflang="en" href="${at(en)}"/>`,
    `    <xhtml:link rel="alternate" hreflang="x-default" href="${at(sv)}"/>`,
  ];
  return [sv, en].map((address) => [`  <url><loc>${at(address)}</loc>`, ...alternates, '  </url>'].join('\n'));
}

/**
 * For search engines: `robots.txt` (everything public may be indexed; sign-in, accounts and the API are
 * not pages) and `sitemap.xml` (the public pages in Swedish and English, with absolute addresses on
 * PUBLIC_URL; without one, on the origin the visitor used, https behind a trusted TLS proxy).
 */
export function findabilityRoutes(ctx: AppContext): Hono {
  const web = new Hono();

  web.get('/robots.txt', (c) =>
    c.text(
      [
        'User-agent: *',
        'Disallow: /logga-in',
        'Disallow: /konto',
        'Disallow: /api/',
        `Sitemap: ${siteOrigin(c)}/sitemap.xml`,
        '',
      ].join('\n'),
      200,
      { 'Cache-Control': 'public, max-age=3600' },
    ),
  );

  web.get('/sitemap.xml', async (c) => {
    const origin = siteOrigin(c);
    const urls = (await publicPaths(ctx)).flatMap((path) => sitemapEntries(origin, path));
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
      ...urls,
      '</urlset>',
      '',
    ].join('\n');
    return c.body(xml, 200, {
      'Content-Type': 'application/xml; charset=UTF-8',
      'Cache-Control': 'public, max-age=3600',
    });
  });

  return web;
}
