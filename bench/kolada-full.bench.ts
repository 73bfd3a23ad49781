/**
 * The full Kolada scale on PostgreSQL (`npm run bench -- --only kolada-full`; never in CI): every area
 * × the whole KPI catalogue × 25 years × 3 genders (about 140 M values) in a database of its own,
 * dropped afterwards unless `--keep`. A child process (bench/kolada-full-load.ts) measures and loads:
 *
 *  1. table layouts (plain, without the year index, hash-partitioned by KPI, range-partitioned by year)
 *     on a slice, each loaded by COPY and asked the store's questions, interleaved, to choose by measurement;
 *  2. the import path's rate (importValues: checks, COPY into a staging table, one merge, the import
 *     record and its audit event) against a raw COPY of the same rows into the bare, freshly migrated
 *     indicator_values, on a slice of several million rows, runs alternated, chunk by chunk;
 *  3. the whole store loaded through the import path, then VACUUM (ANALYZE); its size;
 *  4. a sync-sized re-import with changes into the full store;
 *  5. the store's queries over random KPIs, with and without the year index;
 *
 * then this process, with the app: 6. getComparison over random KPIs, and `/nyckeltal/<key>` under
 * autocannon (10 connections) against /healthz. Runs as a child process of bench/run.ts.
 */
// Loaded at the start, while src/ is as the run began; the loading child has its own process and memory.
import { measureIndicatorPages, startApp, type IndicatorPageFigures } from './app-server.js';
import { createContext, type AppContext } from '../src/app/context.js';
import { getComparison } from '../src/app/indicators/comparison.js';
import { createDb, type Storage } from '../src/storage/database.js';
import {
  benchShape,
  createBenchDatabase,
  databaseUrl,
  dropBenchDatabase,
  rowsPerKpi,
  type Shape,
} from './kolada-full-data.js';
import type { LoaderInput, LoaderResult } from './kolada-full-load.js';
import {
  DEMO_COMPARISON_AREAS,
  DEMO_MEMBERS,
  childMain,
  peakRssBytes,
  phaseRecorder,
  prng,
  progress,
  rssSampler,
  runInChild,
  timeCalls,
  type CallTimes,
  type RssAtPhase,
} from './support.js';

export interface KoladaFullInput {
  /** Areas and KPIs of data/kolada (null: all of them). */
  areas: number | null;
  kpis: number | null;
  years: number;
  lastYear: number;
  /** KPIs per importValues call (and per COPY of the raw side). */
  chunkKpis: number;
  /** Rows of the slice the import rate is measured on, and runs per side (the first is the warm-up). */
  ratioRows: number;
  ratioRuns: number;
  /** KPIs of the slice the layouts are compared on (0: not compared); each layout gets comparisonCalls queries. */
  layoutKpis: number;
  comparisonCalls: number;
  comparisonYear: number;
  warmKeys: number;
  connections: number;
  loadSeconds: number;
  warmupSeconds: number;
  /** Keep the database afterwards (its name is in the result). */
  keep: boolean;
}

export interface KoladaFullResult extends IndicatorPageFigures {
  database: string;
  kept: boolean;
  /** What the loading child measured, with its own memory figures. */
  store: LoaderResult;
  comparison: CallTimes;
  /** Memory of this process: the app serving the full store. */
  rssByPhase: RssAtPhase[];
  peakRssBytes: number | null;
  maxSampledRssBytes: number;
}

// --- 5. and 6. Reading it ------------------------------------------------------------------------

async function measureComparison(ctx: AppContext, shape: Shape, input: KoladaFullInput): Promise<CallTimes> {
  const random = prng(42);
  const pick = () => shape.kpis[Math.floor(random() * shape.kpis.length)]!.kpi.id;
  return timeCalls(async () => {
    const c = await getComparison(ctx, pick(), { year: input.comparisonYear, gender: 'T' });
    if (c.members.length !== DEMO_MEMBERS.length || c.comparisonAreas.length !== DEMO_COMPARISON_AREAS.length)
      throw new Error(`getComparison returned ${c.members.length} members, ${c.comparisonAreas.length} areas.`);
  }, input.comparisonCalls);
}

async function measurePage(ctx: AppContext, shape: Shape, input: KoladaFullInput, phase: (name: string) => void) {
  const server = await startApp(ctx);
  const { url } = server;
  try {
    // Keys spread at random over the catalogue; each rendered once, so its figures are cached as in use.
    const random = prng(1234);
    const keys = new Set<string>();
    while (keys.size < Math.min(input.warmKeys, shape.kpis.length))
      keys.add(shape.kpis[Math.floor(random() * shape.kpis.length)]!.kpi.id);
    const paths = [...keys].map((key) => `/nyckeltal/${key}`);
    const settings = {
      url,
      connections: input.connections,
      seconds: input.loadSeconds,
      warmupSeconds: input.warmupSeconds,
    };
    return await measureIndicatorPages(settings, paths, 'kolada-full', phase);
  } finally {
    await server.close();
  }
}

async function koladaFull(input: KoladaFullInput): Promise<KoladaFullResult> {
  const database = await createBenchDatabase();
  let dropped = false;
  const drop = async () => {
    if (input.keep || dropped) return;
    dropped = true;
    await dropBenchDatabase(database);
  };
  // Ctrl-C (the whole process group) or a SIGTERM: the database goes too, unless kept.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      progress(`kolada-full: ${signal}; dropping ${database}`);
      void drop().finally(() => process.exit(1));
    });
  let storage: Storage | undefined;
  try {
    const years = Array.from({ length: input.years }, (_, i) => input.lastYear - input.years + 1 + i);
    if (!years.includes(input.comparisonYear)) throw new Error(`Year ${input.comparisonYear} is not generated.`);
    const shape = benchShape(input.areas, input.kpis, years);
    progress(
      `kolada-full: database ${database}; ${shape.areaCodes.length} areas × ${shape.kpis.length} KPIs × ${years.length} years × 3 = ${shape.kpis.length * rowsPerKpi(shape)} rows`,
    );
    const store = await runInChild<LoaderInput, LoaderResult>('./kolada-full-load.ts', { ...input, database });

    const memory = rssSampler();
    const { phases: rssByPhase, phase } = phaseRecorder();
    phase('modules loaded');
    storage = createDb(databaseUrl(database), { max: 4 });
    const ctx = createContext(storage);
    const comparison = await measureComparison(ctx, shape, input);
    phase('comparison');
    const http = await measurePage(ctx, shape, input, phase);
    const sampled = memory.stop();
    return {
      database,
      kept: input.keep,
      store,
      comparison,
      ...http,
      rssByPhase,
      peakRssBytes: peakRssBytes(),
      maxSampledRssBytes: sampled.maxRssBytes,
    };
  } finally {
    await storage?.db.destroy();
    await drop();
    if (input.keep) progress(`kolada-full: database ${database} kept (drop database ${database} with (force))`);
  }
}

childMain(koladaFull);
