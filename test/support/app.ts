import type { Hono } from 'hono';
import { createApp } from '../../src/http/app.js';
import type { DialectName } from '../../src/storage/dialect/dialect.js';
import { openTestContext, type TestContext } from './context.js';

export interface TestApp extends TestContext {
  app: Hono;
}

/** The real HTTP app on a fresh database (demo loaded unless `seed: false`). Call it with `app.request()`. */
export async function openTestApp(
  dialect: DialectName,
  options: { seed?: boolean; now?: Date } = {},
): Promise<TestApp> {
  const t = await openTestContext(dialect, options);
  return { ...t, app: createApp(t.ctx) };
}

/** Posts a form the way a browser on the same site does (the CSRF check wants a same-origin Origin). */
export function postForm(app: Hono, path: string, fields: Record<string, string | string[]>): Promise<Response> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  return Promise.resolve(
    app.request(`http://localhost${path}`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
    }),
  );
}
