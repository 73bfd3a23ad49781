/**
 * Import throughput: the real `importValues` (checks, then one transaction of batched upserts) against
 * the same driver's plain insert rate for the same rows into the same, freshly migrated table.
 * Runs as a child process of bench/run.ts.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type pg from 'pg';
import { createContext, inTransaction, type AppContext } from '../src/app/context.js';
import { importValues, type ImportSummary } from '../src/app/indicators/import-values.js';
import type { ValueRow } from '../src/domain/indicators/indicator.js';
import { shippedAreas } from '../src/seed/kolada-catalogue-files.js';
import { batches } from '../src/storage/batches.js';
import { createDb, type Storage } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrations/index.js';
import { openBenchSchema } from './postgres.js';
import { benchIndicator, childMain, importRows, municipalityCodes, progress, timed } from './support.js';

export interface ImportInput {
  rows: number;
  runs: number;
  dialects: ('sqlite' | 'postgres')[];
  tmpDir: string;
}

export interface ImportResult {
  dialect: 'sqlite' | 'postgres';
  rows: number;
  indicators: number;
  rawMethod: string;
  /** rows/s of each run, in run order (the first is the warm-up). */
  importRuns: number[];
  reimportRuns: number[];
  rawRuns: number[];
  importBest: number;
  reimportBest: number;
  rawBest: number;
  ratio: number;
  /**
   * SQLite only, for information: the same ratio from CPU time instead of wall-clock time (steadier
   * when other work shares the machine; on PostgreSQL the server's CPU is another process's).
   */
  cpuRatio?: number;
  /** SQLite only, for information: a prepared 500-row INSERT reused, in one transaction. */
  rawBatchRuns?: number[];
  rawBatchBest?: number;
}

const INDICATORS = 10;
/** The repository's batch (VALUE_BATCH in src/storage/indicator.repository.ts); the raw multi-row paths use the same. */
const BATCH = 500;
const COLUMNS = '(indicator_id, area_code, year, gender, value, status, import_id)';

const indicatorKeys = Array.from({ length: INDICATORS }, (_, i) => `BENCH${String(i + 1).padStart(2, '0')}`);

/** Kolada's areas and the benchmark's indicators, as an import finds them; returns key → id. */
async function prepare(ctx: AppContext): Promise<Map<string, number>> {
  return inTransaction(ctx, async (repos) => {
    await repos.catalogue.upsertAreas(shippedAreas());
    const ids = new Map<string, number>();
    for (const key of indicatorKeys)
      ids.set(key, await repos.indicators.upsert(benchIndicator(key, key), '2024-01-01T00:00:00Z'));
    return ids;
  });
}

function expectSummary(summary: ImportSummary, changed: number, what: string): void {
  if (summary.rowsChanged !== changed)
    throw new Error(`${what}: expected ${changed} changed rows, importValues reported ${summary.rowsChanged}.`);
}

/** Rows per wall-clock second and per CPU second. */
interface Rate {
  wall: number;
  cpu: number;
}
const rate = (rows: number, t: { seconds: number; cpuSeconds: number }): Rate => ({
  wall: rows / t.seconds,
  cpu: rows / t.cpuSeconds,
});

/** First import into empty tables, then the same rows again (must change nothing); rows/s of each. */
async function importOnce(storage: Storage, rows: readonly ValueRow[]): Promise<{ first: Rate; again: Rate }> {
  const ctx = createContext(storage);
  await prepare(ctx);
  const input = { kind: 'csv' as const, sourceName: 'bench.csv', sha256: null, rows };
  const first = await timed(() => importValues(ctx, input));
  expectSummary(first.result, rows.length, 'First import');
  const again = await timed(() => importValues(ctx, input));
  expectSummary(again.result, 0, 'Re-import');
  return { first: rate(rows.length, first), again: rate(rows.length, again) };
}

// --- SQLite ---------------------------------------------------------------------------------------

const removeSqlite = (file: string) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
};

async function sqliteImport(file: string, rows: readonly ValueRow[]) {
  const storage = createDb(file);
  try {
    await migrateToLatest(storage);
    return await importOnce(storage, rows);
  } finally {
    await storage.db.destroy();
    removeSqlite(file);
  }
}

/**
 * better-sqlite3's plain path: one prepared single-row INSERT reused inside one transaction (`single`,
 * the reference of the ratio), or, for information, a prepared 500-row INSERT reused (`batch`).
 */
async function sqliteRaw(file: string, rows: readonly ValueRow[], mode: 'single' | 'batch'): Promise<Rate> {
  const storage = createDb(file);
  let ids: Map<string, number>;
  try {
    await migrateToLatest(storage);
    ids = await prepare(createContext(storage));
  } finally {
    await storage.db.destroy();
  }
  // The same pragmas as src/storage/dialect/sqlite.ts opens the app's connection with.
  const db = new SQLite(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    const statements = new Map<number, SQLite.Statement>();
    const statement = (count: number) => {
      let prepared = statements.get(count);
      if (!prepared) {
        const tuples = Array.from({ length: count }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
        statements.set(count, (prepared = db.prepare(`insert into indicator_values ${COLUMNS} values ${tuples}`)));
      }
      return prepared;
    };
    const insertAll = db.transaction((all: readonly ValueRow[]) => {
      if (mode === 'single') {
        const insert = statement(1);
        for (const r of all) insert.run(ids.get(r.indicatorKey)!, r.areaCode, r.year, r.gender, r.value, r.status, 1);
        return;
      }
      for (const batch of batches(all, BATCH)) {
        const params: unknown[] = [];
        for (const r of batch)
          params.push(ids.get(r.indicatorKey)!, r.areaCode, r.year, r.gender, r.value, r.status, 1);
        statement(batch.length).run(params);
      }
    });
    const time = await timed(() => insertAll(rows));
    const stored = db.prepare('select count(*) as n from indicator_values').get() as { n: number };
    if (stored.n !== rows.length) throw new Error(`Raw SQLite insert stored ${stored.n} of ${rows.length} rows.`);
    return rate(rows.length, time);
  } finally {
    db.close();
    removeSqlite(file);
  }
}

// --- PostgreSQL -----------------------------------------------------------------------------------

async function postgresImport(rows: readonly ValueRow[]) {
  const bench = await openBenchSchema();
  try {
    return await importOnce(bench.storage, rows);
  } finally {
    await bench.close();
  }
}

/** `insert … values ($1, …, $7), (…)` for `count` rows, as a multi-row statement of the repository. */
const multiRowInsert = (count: number) =>
  `insert into indicator_values ${COLUMNS} values ` +
  Array.from(
    { length: count },
    (_, r) => `(${Array.from({ length: 7 }, (_, c) => `$${r * 7 + c + 1}`).join(', ')})`,
  ).join(', ');

/** pg's plain path of the same shape as the import: parameterised 500-row INSERTs in one transaction. */
async function postgresRaw(rows: readonly ValueRow[]): Promise<Rate> {
  const bench = await openBenchSchema();
  try {
    const ids = await prepare(createContext(bench.storage));
    const client: pg.Client = await bench.client();
    const statements = new Map<number, string>();
    const time = await timed(async () => {
      await client.query('begin');
      for (const batch of batches(rows, BATCH)) {
        let text = statements.get(batch.length);
        if (!text) statements.set(batch.length, (text = multiRowInsert(batch.length)));
        const params: unknown[] = [];
        for (const r of batch)
          params.push(ids.get(r.indicatorKey)!, r.areaCode, r.year, r.gender, r.value, r.status, 1);
        await client.query(text, params);
      }
      await client.query('commit');
    });
    const stored = await client.query<{ n: number }>('select count(*)::int as n from indicator_values');
    if (stored.rows[0]!.n !== rows.length) throw new Error(`Raw pg insert stored ${stored.rows[0]!.n} rows.`);
    return rate(rows.length, time);
  } finally {
    await bench.close();
  }
}

// --- Both -----------------------------------------------------------------------------------------

async function importBench(input: ImportInput): Promise<ImportResult[]> {
  const rows = importRows(indicatorKeys, municipalityCodes(), input.rows);
  const results: ImportResult[] = [];
  for (const dialect of input.dialects) {
    const importRuns: number[] = [];
    const reimportRuns: number[] = [];
    const rawRuns: number[] = [];
    const rawBatchRuns: number[] = [];
    const importCpu: number[] = [];
    const rawCpu: number[] = [];
    // Alternating the sides spreads any drift of the machine (heat, other load) over both.
    for (let run = 1; run <= input.runs; run++) {
      const file = join(input.tmpDir, `import-${run}.sqlite`);
      const raw = dialect === 'sqlite' ? await sqliteRaw(file, rows, 'single') : await postgresRaw(rows);
      rawRuns.push(raw.wall);
      rawCpu.push(raw.cpu);
      if (dialect === 'sqlite') rawBatchRuns.push((await sqliteRaw(file, rows, 'batch')).wall);
      const imported = dialect === 'sqlite' ? await sqliteImport(file, rows) : await postgresImport(rows);
      importRuns.push(imported.first.wall);
      importCpu.push(imported.first.cpu);
      reimportRuns.push(imported.again.wall);
      progress(
        `import ${dialect} run ${run}/${input.runs}: raw ${Math.round(raw.wall)} rows/s, importValues ${Math.round(imported.first.wall)} rows/s, re-import ${Math.round(imported.again.wall)} rows/s`,
      );
    }
    const importBest = Math.max(...importRuns);
    const rawBest = Math.max(...rawRuns);
    results.push({
      dialect,
      rows: rows.length,
      indicators: INDICATORS,
      rawMethod:
        dialect === 'sqlite'
          ? 'better-sqlite3: prepared single-row INSERT, one transaction'
          : `pg: parameterised ${BATCH}-row INSERTs, one transaction`,
      importRuns,
      reimportRuns,
      rawRuns,
      importBest,
      reimportBest: Math.max(...reimportRuns),
      rawBest,
      ratio: importBest / rawBest,
      ...(dialect === 'sqlite'
        ? {
            cpuRatio: Math.max(...importCpu) / Math.max(...rawCpu),
            rawBatchRuns,
            rawBatchBest: Math.max(...rawBatchRuns),
          }
        : {}),
    });
  }
  return results;
}

childMain(importBench);
