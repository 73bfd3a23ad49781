import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_STYLESHEET_FILE, DOCUMENT_STYLESHEET_HREF } from '../documents/render-html.js';
import { ICONS, STYLESHEETS } from '../web/layout.js';

/**
 * The stylesheets the pages and documents link and the site's icons, read once at start into memory. A fixed list
 * of paths, so no request path ever reaches the file system.
 */
export function staticFiles(): Hono {
  const stylesheets = [
    ...STYLESHEETS,
    { href: DOCUMENT_STYLESHEET_HREF, file: fileURLToPath(DOCUMENT_STYLESHEET_FILE) },
  ];
  const assets = [
    ...stylesheets.map((s) => ({ href: s.href, body: readFileSync(s.file, 'utf8'), type: 'text/css; charset=utf-8' })),
    ...ICONS.map((icon) => ({ href: icon.href, body: readFileSync(icon.file), type: icon.type })),
  ];
  const app = new Hono();
  for (const asset of assets) {
    app.get(asset.href, (c) => {
      c.header('Cache-Control', 'public, max-age=3600');
      return c.body(asset.body, 200, { 'Content-Type': asset.type });
    });
  }
  return app;
}
