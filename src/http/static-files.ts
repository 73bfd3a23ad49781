import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { STYLESHEETS } from '../web/layout.js';

/**
 * The stylesheets the pages link, read once at start into memory. A fixed list, so no request
 * path ever reaches the file system.
 */
export function staticFiles(): Hono {
  const files = new Map(STYLESHEETS.map((s) => [s.href.replace(/^\/static\//, ''), readFileSync(s.file, 'utf8')]));
  const app = new Hono();
  app.get('/:name', (c) => {
    const body = files.get(c.req.param('name'));
    if (body === undefined) return c.notFound();
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(body, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  return app;
}
