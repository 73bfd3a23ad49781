/**
 * The chief networks' plans at the scale of a large cooperation (bench/plans-data.ts) behind the real
 * app: getYearResults in-process, the roll-up page, a plan page and /healthz over HTTP as the public,
 * the annual report's workbook once, and the process's memory peak. Runs as a child process of
 * bench/run.ts; the store, the app and the HTTP server share this process, the load generator runs in
 * a child of its own (bench/load.ts).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { actingAs, createContext, type AppContext } from '../src/app/context.js';
import { getPlanPage } from '../src/app/plans/plan-page.js';
import { getYearResults, type YearResults } from '../src/app/results/year-results.js';
import { ANONYMOUS } from '../src/domain/auth/actor.js';
import { PUBLIC_PRINCIPAL } from '../src/domain/auth/policies.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { createDb, type Storage } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrations/index.js';
import { getOk, loadWithCpu, startApp, type ServerLoad } from './app-server.js';
import { ACTION_PLANS_PER_NETWORK_YEAR, generatePlans, type PlanData } from './plans-data.js';
import { openBenchSchema } from './postgres.js';
import {
  childMain,
  peakRssBytes,
  phaseRecorder,
  progress,
  rssSampler,
  timeCalls,
  timed,
  type CallTimes,
  type RssAtPhase,
} from './support.js';

export interface PlansInput {
  dialect: 'sqlite' | 'postgres';
  firstYear: number;
  /** The year measured: the demo's plan year, 2026. */
  lastYear: number;
  activitiesPerNetworkYear: number;
  yearResultsCalls: number;
  connections: number;
  loadSeconds: number;
  warmupSeconds: number;
  tmpDir: string;
}

export interface PageFigures {
  path: string;
  /** The first request (JIT, caches cold) and the next one. */
  firstMs: number;
  againMs: number;
  bytes: number;
}

export interface PlansResult {
  dialect: 'sqlite' | 'postgres';
  year: number;
  seedSeconds: number;
  data: PlanData;
  /** What the measured year holds for the public. */
  measured: { plans: number; activities: number; planId: number; planActivities: number };
  /** getYearResults(ctx, year) as the public, and with { indicators: true } as the roll-up page calls it. */
  yearResults: CallTimes & { sqlStatements: number };
  yearResultsWithIndicators: CallTimes & { sqlStatements: number };
  /** SQL statements of one getPlanPage (what GET /planer/:id reads). */
  planPageSqlStatements: number;
  rollupPage: PageFigures;
  planPage: PageFigures;
  /** The annual report's workbook: the first download loads exceljs too. */
  xlsx: { path: string; firstMs: number; againMs: number; bytes: number };
  rollup: ServerLoad;
  plan: ServerLoad;
  healthz: ServerLoad;
  rssByPhase: RssAtPhase[];
  peakRssBytes: number | null;
  maxSampledRssBytes: number;
  rssSamples: number;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The context as the public sees it (no cookie), with a count of the SQL statements it runs. */
function publicCountingContext(ctx: AppContext): { ctx: AppContext; statements: () => number } {
  let statements = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => {
      statements++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const storage: Storage = { ...ctx.storage, db: ctx.storage.db.withPlugin(counter) };
  return { ctx: actingAs({ ...ctx, storage }, ANONYMOUS, PUBLIC_PRINCIPAL), statements: () => statements };
}

/** Times `call` and counts the SQL statements of one call. */
async function callFigures(
  counted: ReturnType<typeof publicCountingContext>,
  call: (ctx: AppContext) => Promise<unknown>,
  calls: number,
): Promise<CallTimes & { sqlStatements: number }> {
  const before = counted.statements();
  await call(counted.ctx);
  const sqlStatements = counted.statements() - before;
  return { ...(await timeCalls(() => call(counted.ctx), calls)), sqlStatements };
}

/** The year's operational plan with the most activities (as the public sees them): the plan page measured. */
function biggestOperationalPlan(results: YearResults): { id: number; activities: number } {
  const activities = results.programmes.flatMap((p) => p.activities);
  const counts = results.plans
    .filter(({ plan }) => plan.kind === 'operational')
    .map(({ plan }) => ({ id: plan.id, activities: activities.filter((a) => a.plan.id === plan.id).length }));
  const biggest = counts.sort((a, b) => b.activities - a.activities || a.id - b.id)[0];
  if (!biggest) throw new Error(`No operational plan of ${results.year} is public.`);
  return biggest;
}

async function pageFigures(url: string, path: string): Promise<PageFigures> {
  const first = await getOk(url + path);
  const again = await getOk(url + path);
  return { path, firstMs: first.ms, againMs: again.ms, bytes: again.bytes };
}

async function measureHttp(ctx: AppContext, input: PlansInput, planId: number, phase: (name: string) => void) {
  const server = await startApp(ctx);
  const { url } = server;
  try {
    const year = input.lastYear;
    const rollupPage = await pageFigures(url, `/uppfoljning/${year}/maluppfyllelse`);
    const planPage = await pageFigures(url, `/planer/${planId}`);
    const xlsxPath = `/uppfoljning/${year}/arsredovisning.xlsx`;
    const download = await getOk(url + xlsxPath);
    if (download.contentType !== XLSX_TYPE) throw new Error(`${xlsxPath} answered ${download.contentType}.`);
    const again = await getOk(url + xlsxPath);
    await getOk(`${url}/healthz`);
    phase('pages and workbook');
    const settings = {
      url,
      connections: input.connections,
      seconds: input.loadSeconds,
      warmupSeconds: input.warmupSeconds,
    };
    const label = `plans ${input.dialect}`;
    const rollup = await loadWithCpu(settings, [rollupPage.path], label);
    phase('roll-up page load');
    const plan = await loadWithCpu(settings, [planPage.path], label);
    phase('plan page load');
    const healthz = await loadWithCpu(settings, ['/healthz'], label);
    phase('/healthz load');
    return {
      rollupPage,
      planPage,
      xlsx: { path: xlsxPath, firstMs: download.ms, againMs: again.ms, bytes: download.bytes },
      rollup,
      plan,
      healthz,
    };
  } finally {
    await server.close();
  }
}

async function plansBench(input: PlansInput): Promise<PlansResult> {
  const memory = rssSampler();
  const { phases: rssByPhase, phase } = phaseRecorder();
  phase('modules loaded');
  let storage: Storage;
  let close: () => Promise<void>;
  if (input.dialect === 'sqlite') {
    const file = join(input.tmpDir, 'plans.sqlite');
    storage = createDb(file);
    await migrateToLatest(storage);
    close = async () => {
      await storage.db.destroy();
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    };
  } else {
    const bench = await openBenchSchema();
    storage = bench.storage;
    close = bench.close;
  }
  try {
    const ctx = createContext(storage);
    progress(`plans ${input.dialect}: seeding the demo`);
    const seeded = await timed(() => seedDemo(ctx));
    if (!seeded.result) throw new Error('seedDemo did not seed an empty database.');
    phase('demo seeded');
    progress(`plans ${input.dialect}: generating ${input.firstYear}–${input.lastYear}`);
    const data = await generatePlans(ctx, input, memory.sample);
    phase('plans generated');
    progress(
      `plans ${input.dialect}: ${data.activities} activities, ${data.reports} reports in ${data.seconds.toFixed(1)} s; getYearResults`,
    );

    const year = input.lastYear;
    const counted = publicCountingContext(ctx);
    const results = await getYearResults(counted.ctx, year);
    const expectedPlans = data.networks * (1 + ACTION_PLANS_PER_NETWORK_YEAR);
    if (results.plans.length !== expectedPlans)
      throw new Error(
        `getYearResults(${year}) shows ${results.plans.length} plans to the public, not ${expectedPlans}.`,
      );
    const activities = results.programmes.reduce((n, p) => n + p.activities.length, 0);
    const biggest = biggestOperationalPlan(results);
    const yearResults = await callFigures(counted, (c) => getYearResults(c, year), input.yearResultsCalls);
    const yearResultsWithIndicators = await callFigures(
      counted,
      (c) => getYearResults(c, year, { indicators: true }),
      input.yearResultsCalls,
    );
    const before = counted.statements();
    await getPlanPage(counted.ctx, biggest.id);
    const planPageSqlStatements = counted.statements() - before;
    phase('getYearResults calls');

    const http = await measureHttp(ctx, input, biggest.id, phase);
    const sampled = memory.stop();
    return {
      dialect: input.dialect,
      year,
      seedSeconds: seeded.seconds,
      data,
      measured: { plans: results.plans.length, activities, planId: biggest.id, planActivities: biggest.activities },
      yearResults,
      yearResultsWithIndicators,
      planPageSqlStatements,
      ...http,
      rssByPhase,
      peakRssBytes: peakRssBytes(),
      maxSampledRssBytes: sampled.maxRssBytes,
      rssSamples: sampled.samples,
    };
  } finally {
    await close();
  }
}

childMain(plansBench);
