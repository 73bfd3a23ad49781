/**
 * The endpoints operations look at: `/healthz` (the process answers), `/readyz` (it can serve: database
 * reachable, migrations current, not shutting down) and `/metrics` (Prometheus, behind METRICS_TOKEN),
 * and the middleware that measures each request for `/metrics`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { securityEvent } from '../app/auth/security-log.js';
import type { PdfPrinter } from '../documents/pdf-printer.js';
import { collectProcessMetrics } from '../observability/metrics.js';
import { createServiceMetrics, type ServiceMetrics } from '../observability/service-metrics.js';
import type { Storage } from '../storage/database.js';
import { postgresPoolStats } from '../storage/dialect/postgres.js';
import { pendingMigrations } from '../storage/migrations/index.js';
import { databaseFailureOf } from './error-mapping.js';
import { errorBody } from './error-body.js';
import { loggedPath } from './logging.js';

export interface OperationsOptions {
  storage: Storage;
  /** METRICS_TOKEN: `/metrics` answers only a request carrying it as a bearer token; without it, 404. */
  metricsToken?: string;
  /** Aborted when the server begins to shut down: `/readyz` then answers 503, so no new work is sent here. */
  stopping?: AbortSignal;
  pdfPrinter?: PdfPrinter;
}

/** Longest wait for the database's answer before `/readyz` calls it unreachable. */
const READINESS_TIMEOUT_MS = 3000;

/** The service's metrics, when `/metrics` is served at all (a token is configured); else none are kept. */
export function serviceMetricsFor(options: OperationsOptions): ServiceMetrics | undefined {
  if (!options.metricsToken) return undefined;
  collectProcessMetrics();
  const { storage, pdfPrinter } = options;
  return createServiceMetrics({
    ...(storage.dialect.name === 'postgres' ? { databasePool: () => postgresPoolStats(storage.db) } : {}),
    ...(pdfPrinter ? { pdfQueue: () => pdfPrinter.stats() } : {}),
  });
}

/**
 * Measures every request for `/metrics`, labelled by the pattern of the route that answered (`/program/:slug`,
 * never the path with its ids, so the series stay few); a path no route matched counts as `(okänd)`.
 */
export function measureRequests(metrics: ServiceMetrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      metrics.requestAnswered(c.req.method, answeringRoute(c), c.res.status, (performance.now() - started) / 1000);
    }
  };
}

/** The pattern of the handler that answered; middleware patterns (`*`, `/api/*`) only when it was one of them. */
function answeringRoute(c: Context): string {
  const route = routePath(c);
  return c.res.status === 404 && route.endsWith('*') ? '(okänd)' : route || '(okänd)';
}

export function operationRoutes(options: OperationsOptions, metrics?: ServiceMetrics): Hono {
  const routes = new Hono();

  // Alive: answered by the process itself, without the database, as cheaply as anything can be.
  routes.get('/healthz', (c) => c.json({ status: 'ok' }));

  routes.get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store');
    if (options.stopping?.aborted) return notReady(c, 'Servern stängs av och tar inte emot nya förfrågningar.');
    const { storage } = options;
    let pending: string[];
    try {
      pending = await withTimeout(pendingMigrations(storage), READINESS_TIMEOUT_MS);
    } catch (error) {
      if (error instanceof ReadinessTimeout || databaseFailureOf(error)) {
        return notReady(c, 'Databasen går inte att nå.');
      }
      return notReady(c, 'Databasens migreringar kunde inte läsas: är databasen migrerad (samverkan migrate)?');
    }
    if (pending.length) {
      return notReady(c, `Databasen saknar ${pending.length} migrering(ar): ${pending.join(', ')}.`, { pending });
    }
    return c.json({ status: 'ready', database: storage.dialect.name });
  });

  routes.get('/metrics', async (c) => {
    if (!options.metricsToken || !metrics) return c.json(errorBody('not_found', 'Adressen finns inte.'), 404);
    c.header('Cache-Control', 'no-store');
    if (!bearerMatches(c.req.header('authorization'), options.metricsToken)) {
      securityEvent('access.denied', {
        status: 401,
        method: c.req.method,
        route: '/metrics',
        path: loggedPath(c.req.path),
      });
      c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      return c.json(errorBody('unauthenticated', 'Mätvärdena kräver rätt METRICS_TOKEN som Bearer-token.'), 401);
    }
    const { contentType, text } = await metrics.exposition();
    return c.body(text, 200, { 'Content-Type': contentType });
  });

  return routes;
}

const notReady = (c: Context, reason: string, details: object = {}) =>
  c.json({ status: 'not_ready', reason, ...details }, 503);

class ReadinessTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReadinessTimeout()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the Authorization header carries `token` as a bearer token, compared in constant time. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '')?.[1];
  // Hashes of equal length, so neither the comparison nor its time says how much of the token was right.
  return timingSafeEqual(digest(given ?? ''), digest(token)) && given !== undefined;
}
