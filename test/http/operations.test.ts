import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { createApp } from '../../src/compose-app.js';
import { createLogger } from '../../src/http/logging.js';
import { recordJobRun } from '../../src/observability/metrics.js';
import { knownMigrations } from '../../src/storage/migrations/index.js';
import { createTestContext, openTestContext, type TestContext } from '../support/context.js';
import { openTestStorage, testDialects } from '../support/databases.js';
import { captureLog } from '../security/support.js';

/** `/healthz`, `/readyz` and `/metrics` on the real app and the demo database. */

const TOKEN = 'mätvärden-'.padEnd(40, 'x');
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('their settings', () => {
  it('METRICS_TOKEN: optional, at least 32 characters without spaces', () => {
    expect(loadConfig({}).METRICS_TOKEN).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: '' }).METRICS_TOKEN).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: TOKEN }).METRICS_TOKEN).toBe(TOKEN);
    expect(() => loadConfig({ METRICS_TOKEN: 'kort' })).toThrow(/METRICS_TOKEN: ska vara minst 32 tecken/);
    expect(() => loadConfig({ METRICS_TOKEN: `${TOKEN} ${TOKEN}` })).toThrow(
      /METRICS_TOKEN: får inte innehålla mellanslag/,
    );
  });

  it('SHUTDOWN_TIMEOUT_SECONDS: whole seconds, 10 unless set', () => {
    expect(loadConfig({}).SHUTDOWN_TIMEOUT_SECONDS).toBe(10);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_SECONDS: '30' }).SHUTDOWN_TIMEOUT_SECONDS).toBe(30);
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_SECONDS: 'tio' })).toThrow(/SHUTDOWN_TIMEOUT_SECONDS/);
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_SECONDS: '-1' })).toThrow(/SHUTDOWN_TIMEOUT_SECONDS/);
  });
});

describe.each(testDialects)('operations endpoints on %s', (dialect) => {
  let t: TestContext;
  let app: Hono;
  const log = captureLog();

  beforeAll(async () => {
    t = await openTestContext(dialect);
    app = createApp(t.ctx, { metricsToken: TOKEN, logger: createLogger({ level: 'info', destination: log }) });
  });
  afterAll(() => t.close());

  it('/healthz: the process is alive, as JSON that is never cached', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz: ready when the database answers and has every migration the code knows', async () => {
    const res = await app.request('/readyz');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ready', database: dialect });
  });

  it('/readyz: 503 naming the migration the database lacks', async () => {
    const names = knownMigrations(t.ctx.storage.dialect);
    const storage = await openTestStorage(dialect, { upTo: names.at(-2)! });
    try {
      const behind = createApp(createTestContext(storage));
      const res = await behind.request('/readyz');
      expect(res.status).toBe(503);
      const body = (await res.json()) as { status: string; reason: string; pending: string[] };
      expect(body.status).toBe('not_ready');
      expect(body.pending).toEqual([names.at(-1)]);
      expect(body.reason).toBe(`Databasen saknar 1 migrering(ar): ${names.at(-1)}.`);
      // Alive all the same: a process that only lacks a migration is not restarted for it.
      expect((await behind.request('/healthz')).status).toBe(200);
    } finally {
      await storage.close();
    }
  });

  it('/readyz: 503 once the server has begun to shut down, while pages are still answered', async () => {
    const stopping = new AbortController();
    const draining = createApp(t.ctx, { stopping: stopping.signal });
    expect((await draining.request('/readyz')).status).toBe(200);
    stopping.abort();
    const res = await draining.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: 'not_ready',
      reason: 'Servern stängs av och tar inte emot nya förfrågningar.',
    });
    expect((await draining.request('/program/sup-2035')).status).toBe(200);
  });

  it('/metrics: 404 when no METRICS_TOKEN is configured, whatever the request carries', async () => {
    const withoutToken = createApp(t.ctx);
    for (const headers of [{}, bearer(TOKEN)]) {
      const res = await withoutToken.request('/metrics', { headers });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Adressen finns inte.' } });
    }
  });

  it('/metrics: 401 without the token or with a wrong one, logged as a denial', async () => {
    for (const headers of [
      {},
      bearer(`${TOKEN}y`),
      bearer(TOKEN.slice(0, -1)),
      { Authorization: `Basic ${TOKEN}` },
      { Authorization: TOKEN },
    ]) {
      const res = await app.request('/metrics', { headers });
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      const body = (await res.json()) as { error: { code: string } };
      expect(body.error.code).toBe('unauthenticated');
    }
    const denials = log.events().filter((e) => e.event === 'access.denied' && e.route === '/metrics');
    expect(denials).toHaveLength(5);
    expect(log.text()).not.toContain(TOKEN.slice(0, 20));
  });

  it('/metrics: Prometheus text with requests per route pattern (never a raw path), the pool, the PDF queue, jobs and memory', async () => {
    const measured = createApp(t.ctx, { metricsToken: TOKEN });
    for (const path of ['/program/sup-2035', '/program/sup-2013', '/api/v1/programmes/sup-2035', '/finns-inte/4711']) {
      await measured.request(path);
    }
    await measured.request('/program/finns-inte');
    recordJobRun(`operations-test-${dialect}`, 'failed', 1.5);

    const res = await measured.request('/metrics', { headers: bearer(TOKEN) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    const sample = (name: string) =>
      new RegExp(`^${name.replace(/[{}()[\]/.*+?^$|\\]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1];

    expect(sample('samverkan_http_requests_total{method="GET",route="/program/:slug",status="200"}')).toBe('2');
    expect(sample('samverkan_http_requests_total{method="GET",route="/program/:slug",status="404"}')).toBe('1');
    expect(sample('samverkan_http_requests_total{method="GET",route="/api/v1/programmes/:id",status="200"}')).toBe('1');
    expect(sample('samverkan_http_requests_total{method="GET",route="(okänd)",status="404"}')).toBe('1');
    expect(
      sample('samverkan_http_request_duration_seconds_count{method="GET",route="/program/:slug",status="200"}'),
    ).toBe('2');
    expect(text).toMatch(
      /^samverkan_http_request_duration_seconds_bucket\{le="0\.025",method="GET",route="\/program\/:slug",status="200"\} \d+$/m,
    );
    const routes = new Set(Array.from(text.matchAll(/route="([^"]*)"/g), (m) => m[1]));
    expect([...routes].sort()).toEqual(['(okänd)', '/api/v1/programmes/:id', '/program/:slug']);

    expect(sample('samverkan_db_pool_connections')).toMatch(dialect === 'sqlite' ? /^1$/ : /^\d+$/);
    if (dialect === 'postgres') {
      expect(Number(sample('samverkan_db_pool_connections'))).toBeGreaterThan(0);
      expect(sample('samverkan_db_pool_idle_connections')).toMatch(/^\d+$/);
      // A live value: other work of the app's may be waiting for a connection at the moment of the scrape.
      expect(sample('samverkan_db_pool_waiting_clients')).toMatch(/^\d+$/);
    } else {
      expect(text).not.toContain('samverkan_db_pool_idle_connections');
    }
    expect(sample('samverkan_pdf_queue_length')).toBe('0');
    expect(sample(`samverkan_job_runs_total{job="operations-test-${dialect}",outcome="failed"}`)).toBe('1');
    expect(sample(`samverkan_job_duration_seconds_sum{job="operations-test-${dialect}",outcome="failed"}`)).toBe('1.5');
    expect(Number(sample('process_resident_memory_bytes'))).toBeGreaterThan(10_000_000);
    expect(Number(sample('nodejs_heap_size_used_bytes'))).toBeGreaterThan(0);
  });
});
