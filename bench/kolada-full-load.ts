/**
 * The data side of the kolada-full part, in a child process of its own (bench/kolada-full.bench.ts
 * starts it): the table layouts, the import path against a raw COPY, the whole store through the import
 * path, a re-import with changes, and the store's queries with and without the year index. The part's
 * own process then serves the store through the app, without this process's garbage in its memory.
 */
import type pg from 'pg';
import { createContext, inTransaction, type AppContext } from '../src/app/context.js';
import { importValues, type ImportSummary } from '../src/app/indicators/import-values.js';
import { indicatorFromKoladaKpi } from '../src/app/indicators/sync-kolada.js';
import type { ValueRow } from '../src/domain/indicators/indicator.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { shippedAreas } from '../src/seed/kolada-catalogue-files.js';
import { createDb, type Storage } from '../src/storage/database.js';
import { copyLines } from '../src/storage/dialect/postgres-copy.js';
import { migrateToLatest } from '../src/storage/migrations/index.js';
import type { KoladaFullInput } from './kolada-full.bench.js';
import {
  benchClient,
  benchShape,
  databaseUrl,
  kpiChunks,
  kpiRows,
  largestGroup,
  rowsPerKpi,
  serverSettings,
  tableSize,
  valueLines,
  VALUE_COLUMNS,
  type BenchKpi,
  type Shape,
  type TableSize,
} from './kolada-full-data.js';
import { GROUP_QUERY, measureLayouts, PAGE_QUERY, timeQuery, type LayoutResult } from './kolada-full-layouts.js';
import {
  DEMO_COMPARISON_AREAS,
  DEMO_MEMBERS,
  childMain,
  peakRssBytes,
  phaseRecorder,
  prng,
  progress,
  rssSampler,
  seconds,
  type CallTimes,
  type RssAtPhase,
} from './support.js';

export interface LoaderInput extends KoladaFullInput {
  database: string;
}

export interface RatioResult {
  rows: number;
  kpis: number;
  chunkRows: number;
  rawMethod: string;
  importMethod: string;
  /** rows/s of each run, in run order (the first of each side is the warm-up). */
  rawRuns: number[];
  importRuns: number[];
  rawBest: number;
  importBest: number;
  ratio: number;
}

/** The store's three reads, timed over the same random KPIs. */
export interface StoreQueries {
  /** The page's read: one KPI, the demo's members and comparison areas, every year and gender. */
  page: CallTimes;
  /** One KPI, one year, gender T, every member of the largest group. */
  group: CallTimes;
  /** The same for the demo's group (8 members). */
  demo: CallTimes;
}

export interface LoaderResult {
  server: Record<string, string>;
  areas: number;
  kpis: number;
  years: number;
  rows: number;
  layouts: LayoutResult[];
  ratio: RatioResult | null;
  load: { rows: number; imports: number; seconds: number; rowsPerSecond: number; vacuumAnalyzeSeconds: number };
  size: TableSize & { databaseBytes: number };
  update: { rows: number; changed: number; seconds: number; rowsPerSecond: number };
  group: { id: string; title: string; members: number };
  /** As migrated; then without the year index (dropped in a transaction that is rolled back); then as migrated again. */
  queries: { migrated: StoreQueries; keyOnly: StoreQueries; migratedAgain: StoreQueries };
  groupPlan: string[];
  groupPlanKeyOnly: string[];
  pageQueryPlan: string[];
  rssByPhase: RssAtPhase[];
  peakRssBytes: number | null;
  maxSampledRssBytes: number;
}

const NOW = '2024-01-01T00:00:00Z';

/** The bench's definition of a catalogue KPI: as following it makes it, but split by gender (3 genders each). */
const benchDefinition = (k: BenchKpi) => ({ ...indicatorFromKoladaKpi(k.kpi), byGender: true });

async function defineKpis(ctx: AppContext, kpis: readonly BenchKpi[]): Promise<Map<string, number>> {
  return inTransaction(ctx, async (repos) => {
    const ids = new Map<string, number>();
    for (const k of kpis) ids.set(k.kpi.id, await repos.indicators.upsert(benchDefinition(k), NOW));
    return ids;
  });
}

const importChunk = (ctx: AppContext, rows: ValueRow[], label: string): Promise<ImportSummary> =>
  importValues(ctx, { kind: 'kolada_api', sourceName: `bench: ${label}`, sha256: null, rows });

const chunkLabel = (chunk: readonly BenchKpi[]) => `${chunk[0]!.kpi.id}–${chunk.at(-1)!.kpi.id}`;

// --- 2. The import path against a raw COPY --------------------------------------------------------

async function measureRatio(database: string, shape: Shape, input: LoaderInput): Promise<RatioResult> {
  const perKpi = rowsPerKpi(shape);
  const sliceKpis = Math.min(shape.kpis.length, Math.max(1, Math.round(input.ratioRows / perKpi)));
  const slice: Shape = { ...shape, kpis: shape.kpis.slice(0, sliceKpis) };
  const admin = await benchClient(database);
  await admin.query('create schema ratio');
  const storage = createDb(databaseUrl(database), { schema: 'ratio', max: 2 });
  const raw = await benchClient(database, 'ratio');
  try {
    await migrateToLatest(storage);
    const ctx = createContext(storage);
    await inTransaction(ctx, (repos) => repos.catalogue.upsertAreas(shippedAreas()));
    const ids = await defineKpis(ctx, slice.kpis);
    const idOf = (key: string) => ids.get(key)!;
    const rows = slice.kpis.length * perKpi;
    progress(`kolada-full ratio: ${rows} rows (${slice.kpis.length} KPIs) per run, ${input.ratioRuns} runs per side`);

    const side = async (which: 'raw' | 'import'): Promise<number> => {
      await raw.query('truncate indicator_values');
      let busy = 0;
      for (const chunk of kpiChunks(slice.kpis, input.chunkKpis)) {
        const chunkRows = kpiRows(slice, chunk);
        const start = process.hrtime.bigint();
        if (which === 'raw') {
          const copied = await copyLines(raw, 'indicator_values', VALUE_COLUMNS, valueLines(chunkRows, idOf, 1));
          if (copied !== chunkRows.length) throw new Error(`Raw COPY took ${copied} of ${chunkRows.length} rows.`);
        } else {
          const summary = await importChunk(ctx, chunkRows, chunkLabel(chunk));
          if (summary.rowsChanged !== chunkRows.length)
            throw new Error(`importValues changed ${summary.rowsChanged} of ${chunkRows.length} rows.`);
        }
        busy += seconds(start);
      }
      const stored = await raw.query<{ n: number }>('select count(*)::int as n from indicator_values');
      if (stored.rows[0]!.n !== rows) throw new Error(`${which}: ${stored.rows[0]!.n} rows stored, expected ${rows}.`);
      return rows / busy;
    };

    const rawRuns: number[] = [];
    const importRuns: number[] = [];
    for (let run = 1; run <= input.ratioRuns; run++) {
      // Alternated, each run starting with the other side: drift of the machine falls on both.
      const order = run % 2 === 1 ? (['raw', 'import'] as const) : (['import', 'raw'] as const);
      for (const which of order) (which === 'raw' ? rawRuns : importRuns).push(await side(which));
      progress(
        `kolada-full ratio run ${run}/${input.ratioRuns}: raw COPY ${Math.round(rawRuns.at(-1)!)} rows/s, importValues ${Math.round(importRuns.at(-1)!)} rows/s`,
      );
    }
    const rawBest = Math.max(...rawRuns);
    const importBest = Math.max(...importRuns);
    return {
      rows,
      kpis: slice.kpis.length,
      chunkRows: input.chunkKpis * perKpi,
      rawMethod: `pg-copy-streams: COPY … FROM STDIN straight into the migrated indicator_values, one per ${input.chunkKpis} KPIs`,
      importMethod: `importValues per ${input.chunkKpis} KPIs: checks, COPY into a staging table, one INSERT … ON CONFLICT, import record, audit event`,
      rawRuns,
      importRuns,
      rawBest,
      importBest,
      ratio: importBest / rawBest,
    };
  } finally {
    await raw.end();
    await storage.db.destroy();
    await admin.query('drop schema ratio cascade');
    await admin.end();
  }
}

// --- 3. The whole store ---------------------------------------------------------------------------

async function loadStore(ctx: AppContext, shape: Shape, input: LoaderInput, sample: () => void) {
  const total = shape.kpis.length * rowsPerKpi(shape);
  let rows = 0;
  let imports = 0;
  let reported = 0;
  const start = process.hrtime.bigint();
  for (const chunk of kpiChunks(shape.kpis, input.chunkKpis)) {
    const chunkRows = kpiRows(shape, chunk);
    const summary = await importChunk(ctx, chunkRows, chunkLabel(chunk));
    if (summary.rowsChanged !== chunkRows.length)
      throw new Error(`importValues changed ${summary.rowsChanged} of ${chunkRows.length} rows.`);
    rows += chunkRows.length;
    imports++;
    sample();
    const done = Math.floor((rows / total) * 20);
    if (done > reported) {
      reported = done;
      const elapsed = seconds(start);
      progress(
        `kolada-full load: ${rows} of ${total} rows (${done * 5} %), ${Math.round(rows / elapsed)} rows/s, ${Math.round(elapsed)} s`,
      );
    }
  }
  return { rows, imports, seconds: seconds(start) };
}

/** Every tenth value of a chunk of KPIs in the middle changed: what a sync of revised figures does. */
async function measureUpdate(ctx: AppContext, shape: Shape, chunkKpis: number) {
  const middle = Math.floor(shape.kpis.length / 2);
  const chunk = shape.kpis.slice(middle, middle + chunkKpis);
  const rows = kpiRows(shape, chunk).map((r, i) =>
    i % 10 === 0 ? { ...r, value: (r.value ?? 0) + 0.05, status: null } : r,
  );
  const changed = Math.ceil(rows.length / 10);
  const start = process.hrtime.bigint();
  const summary = await importChunk(ctx, rows, `ändringar ${chunkLabel(chunk)}`);
  const elapsed = seconds(start);
  if (summary.rowsChanged !== changed)
    throw new Error(`Re-import changed ${summary.rowsChanged}, expected ${changed}.`);
  return { rows: rows.length, changed, seconds: elapsed, rowsPerSecond: rows.length / elapsed };
}

// --- 5. The store's queries ---------------------------------------------------------------------

async function storeQueries(
  client: pg.Client,
  shape: Shape,
  group: readonly string[],
  input: LoaderInput,
): Promise<
  Omit<LoaderResult['queries'], never> & { plans: { group: string[]; groupKeyOnly: string[]; page: string[] } }
> {
  const ids = new Map(
    (await client.query<{ key: string; id: number }>('select key, id from indicators')).rows.map((r) => [r.key, r.id]),
  );
  const random = prng(99);
  const kpiId = () => ids.get(shape.kpis[Math.floor(random() * shape.kpis.length)]!.kpi.id)!;
  const demoAreas = [...DEMO_MEMBERS, ...DEMO_COMPARISON_AREAS];
  const year = input.comparisonYear;
  const calls = input.comparisonCalls;
  const block = async (): Promise<StoreQueries> => ({
    page: await timeQuery(
      client,
      PAGE_QUERY,
      () => [kpiId(), demoAreas],
      calls,
      demoAreas.length * shape.years.length * 3,
    ),
    group: await timeQuery(client, GROUP_QUERY, () => [kpiId(), year, 'T', group], calls, group.length),
    demo: await timeQuery(client, GROUP_QUERY, () => [kpiId(), year, 'T', DEMO_MEMBERS], calls, DEMO_MEMBERS.length),
  });
  const explain = async (text: string, params: unknown[]) =>
    (await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${text}`, params)).rows.map(
      (r) => r['QUERY PLAN'],
    );
  const migrated = await block();
  const groupPlan = await explain(GROUP_QUERY, [kpiId(), year, 'T', group]);
  const pagePlan = await explain(PAGE_QUERY, [kpiId(), demoAreas]);
  // Without the year index: dropped inside a transaction that is rolled back (the table is locked meanwhile).
  await client.query('begin');
  let keyOnly: StoreQueries;
  let groupKeyOnly: string[];
  try {
    await client.query('drop index indicator_values_year_idx');
    keyOnly = await block();
    groupKeyOnly = await explain(GROUP_QUERY, [kpiId(), year, 'T', group]);
  } finally {
    await client.query('rollback');
  }
  const migratedAgain = await block();
  return { migrated, keyOnly, migratedAgain, plans: { group: groupPlan, groupKeyOnly, page: pagePlan } };
}

async function loadKoladaStore(input: LoaderInput): Promise<LoaderResult> {
  const memory = rssSampler();
  const { phases: rssByPhase, phase } = phaseRecorder();
  phase('modules loaded');
  const years = Array.from({ length: input.years }, (_, i) => input.lastYear - input.years + 1 + i);
  const shape = benchShape(input.areas, input.kpis, years);
  const group = largestGroup(shape.areaCodes);
  const client = await benchClient(input.database);
  let storage: Storage | undefined;
  try {
    const server = await serverSettings(client);
    let layouts: LayoutResult[] = [];
    if (input.layoutKpis > 0) {
      const slice: Shape = { ...shape, kpis: shape.kpis.slice(0, input.layoutKpis) };
      layouts = await measureLayouts(input.database, slice, {
        chunkKpis: input.chunkKpis,
        calls: input.comparisonCalls,
        group: group.members,
        comparisonYear: input.comparisonYear,
      });
      phase('layouts compared');
    }

    const ratio = input.ratioRuns > 0 ? await measureRatio(input.database, shape, input) : null;
    phase('import rate measured');

    storage = createDb(databaseUrl(input.database), { max: 2 });
    await migrateToLatest(storage);
    const ctx = createContext(storage);
    if (!(await seedDemo(ctx))) throw new Error('seedDemo did not seed an empty database.');
    await defineKpis(ctx, shape.kpis);
    phase('demo and KPIs seeded');
    progress(`kolada-full: loading the store through importValues, ${input.chunkKpis} KPIs per import`);
    const loaded = await loadStore(ctx, shape, input, memory.sample);
    phase('store loaded');
    progress(`kolada-full: ${loaded.rows} rows in ${loaded.seconds.toFixed(0)} s; VACUUM (ANALYZE)`);
    await client.query(`set maintenance_work_mem = '512MB'`);
    const vacuumStart = process.hrtime.bigint();
    await client.query('vacuum (analyze) indicator_values');
    const vacuumAnalyzeSeconds = seconds(vacuumStart);
    const size = await tableSize(client, 'indicator_values');
    const databaseBytes = (
      await client.query<{ bytes: number }>('select pg_database_size(current_database())::float8 as bytes')
    ).rows[0]!.bytes;

    progress("kolada-full: a re-import with changes, then the store's queries");
    const update = await measureUpdate(ctx, shape, input.chunkKpis);
    const queries = await storeQueries(client, shape, group.members, input);
    phase('queries');
    const sampled = memory.stop();
    return {
      server,
      areas: shape.areaCodes.length,
      kpis: shape.kpis.length,
      years: years.length,
      rows: loaded.rows,
      layouts,
      ratio,
      load: { ...loaded, rowsPerSecond: loaded.rows / loaded.seconds, vacuumAnalyzeSeconds },
      size: { ...size, databaseBytes },
      update,
      group: { id: group.id, title: group.title, members: group.members.length },
      queries: { migrated: queries.migrated, keyOnly: queries.keyOnly, migratedAgain: queries.migratedAgain },
      groupPlan: queries.plans.group,
      groupPlanKeyOnly: queries.plans.groupKeyOnly,
      pageQueryPlan: queries.plans.page,
      rssByPhase,
      peakRssBytes: peakRssBytes(),
      maxSampledRssBytes: sampled.maxRssBytes,
    };
  } finally {
    await client.end();
    await storage?.db.destroy();
  }
}

childMain(loadKoladaStore);
