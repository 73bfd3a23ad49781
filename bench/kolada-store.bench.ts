/**
 * A Kolada-sized store (every municipality × 500 KPIs × 25 years × 3 genders) behind the real app:
 * the comparison query in-process, the indicator page and /healthz over HTTP, and the process's
 * memory peak. Runs as a child process of bench/run.ts; the store, the app and the HTTP server share
 * this process, the load generator runs in a child of its own (bench/load.ts).
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type pg from 'pg';
import { createContext, inTransaction, type AppContext } from '../src/app/context.js';
import { getComparison } from '../src/app/indicators/comparison.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { createDb, type Storage } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrations/index.js';
import { measureIndicatorPages, startApp, type IndicatorPageFigures } from './app-server.js';
import { openBenchSchema } from './postgres.js';
import {
  DEMO_COMPARISON_AREAS,
  DEMO_MEMBERS,
  GENDER_LIST,
  benchIndicator,
  childMain,
  municipalityCodes,
  peakRssBytes,
  phaseRecorder,
  progress,
  prng,
  rssSampler,
  seconds,
  statusFor,
  timeCalls,
  timed,
  valueFor,
  type CallTimes,
  type RssAtPhase,
} from './support.js';

export interface StoreInput {
  dialect: 'sqlite' | 'postgres';
  kpis: number;
  years: number;
  lastYear: number;
  comparisonCalls: number;
  comparisonYear: number;
  warmKeys: number;
  connections: number;
  loadSeconds: number;
  warmupSeconds: number;
  tmpDir: string;
}

export interface StoreResult extends IndicatorPageFigures {
  dialect: 'sqlite' | 'postgres';
  areas: number;
  kpis: number;
  years: number;
  rows: number;
  seedSeconds: number;
  generateSeconds: number;
  generateRowsPerSecond: number;
  dbSizeBytes: number;
  dbSizeNote: string;
  /** How the database plans the values query of loadIndicatorData (one line per step). */
  valuesQueryPlan: string[];
  comparison: CallTimes;
  /** RSS at the end of each phase, to see what the peak belongs to. */
  rssByPhase: RssAtPhase[];
  peakRssBytes: number | null;
  maxSampledRssBytes: number;
  rssSamples: number;
}

/** Rows per transaction when generating: large enough to amortise commits, small enough for the WAL. */
const KPIS_PER_TRANSACTION = 10;
const NOW = '2024-01-01T00:00:00Z';

const kpiKey = (i: number) => `B${String(i + 1).padStart(5, '0')}`;

interface Generated {
  rows: number;
  seconds: number;
  dbSizeBytes: number;
  dbSizeNote: string;
  plan: string[];
}

interface Shape {
  kpiIds: number[];
  areaCodes: string[];
  years: number[];
  importId: number;
}

/** The loadIndicatorData values query for the members and comparison areas (no year range). */
const valuesQuery = (placeholder: (i: number) => string) =>
  `select area_code, year, gender, value, status from indicator_values where indicator_id = ${placeholder(0)} ` +
  `and area_code in (${[...DEMO_MEMBERS, ...DEMO_COMPARISON_AREAS].map((_, i) => placeholder(i + 1)).join(', ')}) ` +
  'order by area_code, year, gender';
const valuesParams = (kpiId: number) => [kpiId, ...DEMO_MEMBERS, ...DEMO_COMPARISON_AREAS];

/** Streams the rows into SQLite with one prepared statement, KPIS_PER_TRANSACTION KPIs per transaction. */
function generateSqlite(file: string, shape: Shape, sample: () => void): Generated {
  const db = new SQLite(file);
  try {
    // The pragmas the app's connection uses (src/storage/dialect/sqlite.ts).
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    const insert = db.prepare(
      'insert into indicator_values (indicator_id, area_code, year, gender, value, status, import_id) values (?, ?, ?, ?, ?, ?, ?)',
    );
    let rows = 0;
    const insertKpis = db.transaction((kpis: readonly number[]) => {
      for (const k of kpis) {
        const id = shape.kpiIds[k]!;
        for (const area of shape.areaCodes)
          for (const year of shape.years)
            for (let g = 0; g < GENDER_LIST.length; g++) {
              const value = valueFor(k, area, year, g);
              insert.run(id, area, year, GENDER_LIST[g], value, statusFor(value), shape.importId);
              rows++;
            }
      }
    });
    const start = process.hrtime.bigint();
    let reported = 0;
    for (let k = 0; k < shape.kpiIds.length; k += KPIS_PER_TRANSACTION) {
      const chunk = Array.from({ length: Math.min(KPIS_PER_TRANSACTION, shape.kpiIds.length - k) }, (_, i) => k + i);
      insertKpis(chunk);
      sample();
      const done = Math.floor(((k + chunk.length) / shape.kpiIds.length) * 10);
      if (done > reported) {
        reported = done;
        progress(`store sqlite: ${rows} rows (${done * 10} %), ${Math.round(rows / seconds(start))} rows/s`);
      }
    }
    // A real import bumps each indicator's data version (the charts' cache key); so does this one.
    const bump = db.prepare('update indicators set data_version = data_version + 1 where id = ?');
    db.transaction(() => shape.kpiIds.forEach((id) => bump.run(id)))();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const elapsed = seconds(start);
    const plan = (
      db.prepare(`explain query plan ${valuesQuery(() => '?')}`).all(...valuesParams(shape.kpiIds[0]!)) as {
        detail: string;
      }[]
    ).map((r) => r.detail);
    const size = (suffix: string) => {
      try {
        return statSync(file + suffix).size;
      } catch {
        return 0;
      }
    };
    return {
      rows,
      seconds: elapsed,
      dbSizeBytes: size('') + size('-wal'),
      dbSizeNote: 'database file + WAL after checkpoint',
      plan,
    };
  } finally {
    db.close();
  }
}

/** Rows per PostgreSQL statement: one KPI, sent as seven arrays (unnest), so parameters stay 7. */
async function generatePostgres(client: pg.Client, shape: Shape, sample: () => void): Promise<Generated> {
  const statement =
    'insert into indicator_values (indicator_id, area_code, year, gender, value, status, import_id) ' +
    'select * from unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::float8[], $6::text[], $7::int[])';
  let rows = 0;
  const start = process.hrtime.bigint();
  let reported = 0;
  for (let k = 0; k < shape.kpiIds.length; k += KPIS_PER_TRANSACTION) {
    await client.query('begin');
    for (let i = k; i < Math.min(k + KPIS_PER_TRANSACTION, shape.kpiIds.length); i++) {
      const cols: [number[], string[], number[], string[], (number | null)[], (string | null)[], number[]] = [
        [],
        [],
        [],
        [],
        [],
        [],
        [],
      ];
      for (const area of shape.areaCodes)
        for (const year of shape.years)
          for (let g = 0; g < GENDER_LIST.length; g++) {
            const value = valueFor(i, area, year, g);
            cols[0].push(shape.kpiIds[i]!);
            cols[1].push(area);
            cols[2].push(year);
            cols[3].push(GENDER_LIST[g]!);
            cols[4].push(value);
            cols[5].push(statusFor(value));
            cols[6].push(shape.importId);
          }
      await client.query(statement, cols);
      rows += cols[0].length;
    }
    await client.query('commit');
    sample();
    const done = Math.floor((Math.min(k + KPIS_PER_TRANSACTION, shape.kpiIds.length) / shape.kpiIds.length) * 10);
    if (done > reported) {
      reported = done;
      progress(`store postgres: ${rows} rows (${done * 10} %), ${Math.round(rows / seconds(start))} rows/s`);
    }
  }
  await client.query('update indicators set data_version = data_version + 1 where id = any($1::int[])', [shape.kpiIds]);
  // After a bulk load autovacuum analyses the table within a minute or so; done here at once so the
  // measurement does not depend on when that happens.
  await client.query('analyze indicator_values');
  const elapsed = seconds(start);
  const plan = (
    await client.query<{ 'QUERY PLAN': string }>(
      `explain ${valuesQuery((i) => `$${i + 1}`)}`,
      valuesParams(shape.kpiIds[0]!),
    )
  ).rows.map((r) => r['QUERY PLAN']);
  const size = await client.query<{ bytes: number }>(
    `select pg_total_relation_size('indicator_values')::float8 as bytes`,
  );
  return {
    rows,
    seconds: elapsed,
    dbSizeBytes: size.rows[0]!.bytes,
    dbSizeNote: 'pg_total_relation_size(indicator_values): table + indexes',
    plan,
  };
}

/** The demo, then the KPIs and the import they come from; returns what the generator needs. */
async function seedStore(ctx: AppContext, kpis: number, years: number[]): Promise<Shape> {
  if (!(await seedDemo(ctx))) throw new Error('seedDemo did not seed an empty database.');
  return inTransaction(ctx, async (repos) => {
    const kpiIds: number[] = [];
    for (let i = 0; i < kpis; i++)
      kpiIds.push(await repos.indicators.upsert(benchIndicator(kpiKey(i), `Genererat nyckeltal ${i + 1}`), NOW));
    const importId = await repos.indicators.insertImport({
      kind: 'kolada_file',
      sourceName: 'bench: genererade värden',
      sha256: null,
      status: 'succeeded',
      rowsRead: 0,
      rowsChanged: 0,
      rowsDeleted: 0,
      message: '',
      userId: null,
      startedAt: NOW,
      finishedAt: NOW,
    });
    const areaCodes = [...municipalityCodes(), ...DEMO_COMPARISON_AREAS].sort();
    const known = new Set((await repos.catalogue.areas()).map((a) => a.code));
    for (const code of areaCodes) if (!known.has(code)) throw new Error(`Area ${code} is not in the areas table.`);
    return { kpiIds, areaCodes, years, importId };
  });
}

async function measureComparison(ctx: AppContext, input: StoreInput): Promise<StoreResult['comparison']> {
  const random = prng(42);
  const pick = () => kpiKey(Math.floor(random() * input.kpis));
  const call = async () => {
    const c = await getComparison(ctx, pick(), { year: input.comparisonYear, gender: 'T' });
    if (c.members.length !== DEMO_MEMBERS.length || c.comparisonAreas.length !== DEMO_COMPARISON_AREAS.length)
      throw new Error(`getComparison returned ${c.members.length} members, ${c.comparisonAreas.length} areas.`);
  };
  return timeCalls(call, input.comparisonCalls);
}

async function measureHttp(ctx: AppContext, input: StoreInput, phase: (name: string) => void) {
  const server = await startApp(ctx);
  const { url } = server;
  try {
    // A fixed set of keys spread over the KPIs; each rendered once so its chart is in the cache.
    const step = Math.max(1, Math.floor(input.kpis / input.warmKeys));
    const paths = Array.from({ length: input.warmKeys }, (_, i) => `/nyckeltal/${kpiKey(i * step)}`);
    const settings = {
      url,
      connections: input.connections,
      seconds: input.loadSeconds,
      warmupSeconds: input.warmupSeconds,
    };
    return await measureIndicatorPages(settings, paths, `store ${input.dialect}`, phase);
  } finally {
    await server.close();
  }
}

async function storeBench(input: StoreInput): Promise<StoreResult> {
  const memory = rssSampler();
  const { phases: rssByPhase, phase } = phaseRecorder();
  phase('modules loaded');
  const years = Array.from({ length: input.years }, (_, i) => input.lastYear - input.years + 1 + i);
  if (!years.includes(input.comparisonYear)) throw new Error(`Year ${input.comparisonYear} is not generated.`);

  let storage: Storage;
  let generate: (shape: Shape) => Promise<Generated>;
  let close: () => Promise<void>;
  if (input.dialect === 'sqlite') {
    const file = join(input.tmpDir, 'kolada-store.sqlite');
    storage = createDb(file);
    await migrateToLatest(storage);
    generate = async (shape) => generateSqlite(file, shape, memory.sample);
    close = async () => {
      await storage.db.destroy();
      // 10.9 M rows are about a gigabyte: gone as soon as they have been measured.
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    };
  } else {
    const bench = await openBenchSchema();
    storage = bench.storage;
    generate = async (shape) => generatePostgres(await bench.client(), shape, memory.sample);
    close = bench.close;
  }
  try {
    const ctx = createContext(storage);
    progress(`store ${input.dialect}: seeding the demo and ${input.kpis} KPIs`);
    const seeded = await timed(() => seedStore(ctx, input.kpis, years));
    const shape = seeded.result;
    phase('demo and KPIs seeded');
    const generated = await generate(shape);
    phase('rows generated');
    const expected = shape.kpiIds.length * shape.areaCodes.length * years.length * GENDER_LIST.length;
    if (generated.rows !== expected) throw new Error(`Generated ${generated.rows} rows, expected ${expected}.`);
    progress(`store ${input.dialect}: ${generated.rows} rows in ${generated.seconds.toFixed(1)} s; comparison queries`);

    const comparison = await measureComparison(ctx, input);
    phase('comparison queries');
    const http = await measureHttp(ctx, input, phase);
    const sampled = memory.stop();
    return {
      dialect: input.dialect,
      areas: shape.areaCodes.length,
      kpis: input.kpis,
      years: years.length,
      rows: generated.rows,
      seedSeconds: seeded.seconds,
      generateSeconds: generated.seconds,
      generateRowsPerSecond: generated.rows / generated.seconds,
      dbSizeBytes: generated.dbSizeBytes,
      dbSizeNote: generated.dbSizeNote,
      valuesQueryPlan: generated.plan,
      comparison,
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

childMain(storeBench);
