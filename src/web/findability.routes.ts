import { Hono } from 'hono';
import type { AppContext } from '../app/context.js';
import { publicPaths } from '../app/public-paths.js';
import { publicOrigin } from '../http/proxy.js';

const xmlEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * For search engines: `robots.txt` (everything public may be indexed; sign-in, accounts and the API are
 * not pages) and `sitemap.xml` (the public pages, with absolute addresses on the origin the visitor
 * used, https behind a trusted TLS proxy).
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
        `Sitemap: ${publicOrigin(c)}/sitemap.xml`,
        '',
      ].join('\n'),
      200,
      { 'Cache-Control': 'public, max-age=3600' },
    ),
  );

  web.get('/sitemap.xml', async (c) => {
    const origin = publicOrigin(c);
    const urls = (await publicPaths(ctx)).map((path) => `  <url><loc>${xmlEscape(`${origin}${path}`)}</loc></url>`);
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
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
