/**
 * Which GET routes the routes part measures and with what path: Hono's own list of the app's routes
 * (`app.routes`), the routes left out with their reasons, and a fixed table of path parameter values
 * filled from the demo and the records bench/routes-data.ts makes. A route the table has no value for
 * stops the run, so a new route is never skipped unnoticed. Also the store the routes are measured on
 * (bench/routes.bench.ts, bench/profile-routes.ts).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { sql } from 'kysely';
import { createContext, type AppContext } from '../src/app/context.js';
import { createApp } from '../src/compose-app.js';
import { staticFiles } from '../src/web/static-files.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { createDb, type Storage } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrations/index.js';
import { openBenchSchema } from './postgres.js';
import { prepareRouteData, type RouteData } from './routes-data.js';

export type RouteKind = 'page' | 'api' | 'file' | 'document';

/** What a browser sends; the public's responses are compressed (src/http/compression.ts). */
export const PUBLIC_HEADERS = { 'accept-encoding': 'gzip, deflate' };

/**
 * Routes not measured, each with its reason. Every other GET route is measured; one this list does
 * not name and the parameter table cannot fill stops the run.
 */
export function exclusions(app: Hono): { test: (route: string) => boolean; reason: string }[] {
  const assets = new Set(staticFiles().routes.map((r) => r.path));
  // A guard registered for GET and POST (`web.on(['GET', 'POST'], path, requirePolicy(…))`) where only
  // a form posts: every GET handler of the path takes `next`, none answers.
  const handlers = new Map<string, number[]>();
  for (const r of app.routes)
    if (r.method === 'GET') handlers.set(r.path, [...(handlers.get(r.path) ?? []), r.handler.length]);
  const guardsOnly = new Set([...handlers].filter(([, lengths]) => lengths.every((n) => n >= 2)).map(([path]) => path));
  return [
    {
      test: (r) => guardsOnly.has(r),
      reason: 'only a guard (requirePolicy) for GET and POST; a form posts here, GET answers 404',
    },
    { test: (r) => assets.has(r), reason: 'static file (compressed once at start, sent from memory)' },
    { test: (r) => r === '/healthz', reason: 'the baseline: measured between the routes' },
    { test: (r) => r === '/readyz' || r === '/metrics', reason: 'operations endpoint, not a page' },
    { test: (r) => r.endsWith('.pdf'), reason: 'prints a PDF with Chromium (the documents part measures PDFs)' },
    { test: (r) => r === '/logga-in/lank/:token', reason: 'one-time sign-in link: the first GET uses it up (303)' },
    {
      test: (r) => r === '/en' || r.startsWith('/en/'),
      reason: "the Swedish route's own handler with English texts (englishRoutes); measured in Swedish",
    },
  ];
}

/**
 * Path parameter values by route: the first rule whose pattern matches the route and names the
 * parameter gives its value, else `defaults`. Parameters that mean different things on different
 * routes (`:id`, `:itemId`, a draft's `:slug`) have no default.
 */
export function parameterRules(d: RouteData): [RegExp, Record<string, string>][] {
  const c = d.consultation;
  return [
    [/^\/program\/:slug\/(redigera|mal)/, { slug: d.draft.slug, goalId: d.draft.goalId }],
    [/^\/program\/:slug\/samrad\/svar\/teman\//, { slug: c.slug, id: c.themeId }],
    [/^\/program\/:slug\/samrad/, { slug: c.slug, part: c.part, id: c.commentId }],
    [/^\/samrad\/bekrafta\//, { token: c.pendingToken }],
    [/^\/program\/:slug\/tjansteskrivelser/, { slug: d.memo.slug, code: d.memo.code }],
    [/^\/planer\/:planId[^/]*\/beslut$/, { planId: d.draftPlan.submittedId }],
    [/^\/planer\/:planId[^/]*\/(redigera|handlingsplaner|aktiviteter\/(ny|[^/]+\/(redigera|ta-bort)))$/, d.draftPlan],
    [/^\/framsteg\//, { slug: d.progress.slug, goalId: d.progress.goalId }],
    [/^\/mal\/:goalId/, { goalId: d.indicatorGoal.goalId, linkId: d.indicatorGoal.linkId }],
    [/^\/api\/v1\/programmes\/:id\/memo$/, { id: d.memo.slug }],
    [/^\/api\/v1\/programmes\//, { id: 'sup-2035' }],
    [/^\/api\/v1\/indicators\//, { id: d.defaults.key! }],
    [/^\/api\/v1\/plans\//, { id: d.plan.planId }],
    [/^\/api\/v1\/conference-packs\//, { id: d.defaults.year! }],
    [/^\/oppna-data\//, { file: d.openDataFile }],
    [/^\/antagande\/dokument\/:id/, { id: d.decisionDocument.id }],
  ];
}

/** Query strings for routes whose page without one is an empty form rather than the page's work. */
const QUERIES: Record<string, string> = {
  '/versioner/jamfor': '?fran=sup-2035-proposal&till=sup-2035',
  '/api/v1/programmes/:id/diff': '?from=sup-2035-proposal',
  '/api/v1/programmes/:id/memo': '?member=0136',
};

/** `:name` with an optional pattern, which may hold braces of its own (`:year{[0-9]{4}}`). */
const PARAM = /:(\w+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g;

/** The path to request for `route`; throws when a parameter has no value. */
export function pathFor(route: string, rules: [RegExp, Record<string, string>][], defaults: Record<string, string>) {
  if (route.includes('*'))
    throw new Error(`Route ${route}: a wildcard GET route; give it a path in bench/routes-table.ts.`);
  const path = route.replace(PARAM, (_, name: string) => {
    const value = rules.find(([pattern, values]) => pattern.test(route) && name in values)?.[1][name] ?? defaults[name];
    if (value === undefined)
      throw new Error(
        `Route ${route}: no value for :${name}. Add one to parameterRules in bench/routes-table.ts (and the record it names to bench/routes-data.ts).`,
      );
    return encodeURIComponent(value);
  });
  return path + (QUERIES[route] ?? '');
}

/**
 * page, api, file (feeds, calendars, CSV, the open data files), or document: a Word or Excel file built
 * per request (docx, exceljs), measured with one connection (at ten, a request waits for the nine before
 * it past the load generator's timeout) and for information: the documents part has their targets.
 */
export const kindOf = (route: string): RouteKind =>
  /\.(docx|xlsx)$/.test(route)
    ? 'document'
    : route.startsWith('/api/')
      ? 'api'
      : /\.(csv|ics|xml|txt|json)$|^\/oppna-data\/:file$|dcat$/.test(route)
        ? 'file'
        : 'page';

/** The GET routes of the app, each once, in the app's order, split into measured and excluded. */
export function routesOf(app: Hono) {
  const rules = exclusions(app);
  const measured: string[] = [];
  const excluded: { route: string; reason: string }[] = [];
  for (const route of new Set(app.routes.filter((r) => r.method === 'GET').map((r) => r.path))) {
    const rule = rules.find((r) => r.test(route));
    if (rule) excluded.push({ route, reason: rule.reason });
    else measured.push(route);
  }
  return { measured, excluded };
}

/** A route measured: its pattern, the path requested and its kind. */
export interface RoutePath {
  route: string;
  path: string;
  kind: RouteKind;
}

export interface RoutesStore {
  ctx: AppContext;
  /** The app whose routes are listed (serve this one). */
  app: Hono;
  data: RouteData;
  routes: RoutePath[];
  excluded: { route: string; reason: string }[];
  close: () => Promise<void>;
}

/**
 * A fresh store (SQLite in `tmpDir`, or a PostgreSQL schema with production's pool of 10), migrated,
 * with the demo and the records the routes need; the app on it and the paths of its routes.
 */
export async function openRoutesStore(dialect: 'sqlite' | 'postgres', tmpDir: string): Promise<RoutesStore> {
  let storage: Storage;
  let close: () => Promise<void>;
  if (dialect === 'sqlite') {
    const file = join(tmpDir, `routes-${process.pid}.sqlite`);
    storage = createDb(file);
    await migrateToLatest(storage);
    close = async () => {
      await storage.db.destroy();
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    };
  } else {
    const bench = await openBenchSchema(10);
    storage = bench.storage;
    close = bench.close;
  }
  try {
    const ctx = createContext(storage);
    if (!(await seedDemo(ctx))) throw new Error('seedDemo did not seed an empty database.');
    const data = await prepareRouteData(ctx);
    if (dialect === 'sqlite' && process.env.BENCH_CHECKPOINT === '1')
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(storage.db);
    const app = createApp(ctx);
    const { measured, excluded } = routesOf(app);
    const rules = parameterRules(data);
    const routes = measured.map((route) => ({
      route,
      path: pathFor(route, rules, data.defaults),
      kind: kindOf(route),
    }));
    return { ctx, app, data, routes, excluded, close };
  } catch (error) {
    await close();
    throw error;
  }
}
