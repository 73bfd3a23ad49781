/**
 * Table layouts for indicator_values compared on a slice of the Kolada-scale store: the table as the
 * migrations make it, without its year index, hash-partitioned by indicator, and range-partitioned by
 * year. Each is loaded with the same rows by COPY in a schema of its own, then asked the store's two
 * questions over random KPIs, then dropped.
 */
import type pg from 'pg';
import { copyLines } from '../src/storage/dialect/postgres-copy.js';
import {
  benchClient,
  kpiChunks,
  kpiRows,
  tableSize,
  valueLines,
  VALUE_COLUMNS,
  type Shape,
  type TableSize,
} from './kolada-full-data.js';
import { DEMO_COMPARISON_AREAS, DEMO_MEMBERS, percentile, prng, progress, seconds, type CallTimes } from './support.js';

export interface Layout {
  name: string;
  description: string;
  /** Statements creating indicator_values in the current schema. */
  ddl: string[];
}

const COLUMNS = `indicator_id integer not null, area_code text not null, year integer not null, gender text not null,
  value double precision, status text, import_id integer not null`;
const PRIMARY_KEY = 'constraint indicator_values_pk primary key (indicator_id, area_code, year, gender)';
const YEAR_INDEX = 'create index indicator_values_year_idx on indicator_values (indicator_id, year, gender)';
const HASH_PARTITIONS = 16;

export function layouts(years: readonly number[]): Layout[] {
  const first = years[0]!;
  const last = years.at(-1)!;
  const spans: [number, number][] = [];
  for (let from = first; from <= last; from += 5) spans.push([from, Math.min(from + 5, last + 1)]);
  return [
    {
      name: 'plain',
      description: 'one table, primary key + (indicator_id, year, gender): as migration 0006 makes it',
      ddl: [`create table indicator_values (${COLUMNS}, ${PRIMARY_KEY})`, YEAR_INDEX],
    },
    {
      name: 'plain, key only',
      description: 'one table, primary key only (no year index)',
      ddl: [`create table indicator_values (${COLUMNS}, ${PRIMARY_KEY})`],
    },
    {
      name: `hash ${HASH_PARTITIONS} by KPI`,
      description: `partitioned by hash(indicator_id) into ${HASH_PARTITIONS}, same two indexes`,
      ddl: [
        `create table indicator_values (${COLUMNS}, ${PRIMARY_KEY}) partition by hash (indicator_id)`,
        ...Array.from(
          { length: HASH_PARTITIONS },
          (_, i) =>
            `create table indicator_values_h${i} partition of indicator_values for values with (modulus ${HASH_PARTITIONS}, remainder ${i})`,
        ),
        YEAR_INDEX,
      ],
    },
    {
      name: `range ${spans.length} by year`,
      description: `partitioned by range(year) into ${spans.length} spans of 5 years, same two indexes`,
      ddl: [
        `create table indicator_values (${COLUMNS}, ${PRIMARY_KEY}) partition by range (year)`,
        ...spans.map(
          ([from, to]) =>
            `create table indicator_values_y${from} partition of indicator_values for values from (${from}) to (${to})`,
        ),
        YEAR_INDEX,
      ],
    },
  ];
}

export interface LayoutResult {
  name: string;
  description: string;
  rows: number;
  loadSeconds: number;
  loadRowsPerSecond: number;
  analyzeSeconds: number;
  size: TableSize;
  /** The page's read: one KPI, the demo's 8 members + 2 comparison areas, every year and gender. */
  pageQuery: CallTimes;
  /** The comparison: one KPI, one year, gender T, every member of the largest group. */
  groupQuery: CallTimes;
  /** The same for the demo's group (8 members). */
  demoGroupQuery: CallTimes;
  groupPlan: string[];
}

export const PAGE_QUERY =
  'select area_code, year, gender, value, status from indicator_values where indicator_id = $1 ' +
  'and area_code = any($2::text[]) order by area_code, year, gender';
export const GROUP_QUERY =
  'select area_code, value, status from indicator_values where indicator_id = $1 and year = $2 and gender = $3 ' +
  'and area_code = any($4::text[]) order by area_code';

/** Times `calls` calls of `query` with parameters from `params()` after a warm-up, in ms. */
export async function timeQuery(
  client: pg.Client,
  query: string,
  params: () => unknown[],
  calls: number,
  expectRows?: number,
): Promise<CallTimes> {
  for (let i = 0; i < Math.min(20, calls); i++) await client.query(query, params());
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const p = params();
    const start = process.hrtime.bigint();
    const result = await client.query(query, p);
    samples.push(seconds(start) * 1000);
    if (expectRows !== undefined && result.rowCount !== expectRows)
      throw new Error(`${query} returned ${result.rowCount} rows, expected ${expectRows}.`);
  }
  return callTimes(samples);
}

/** p50/p99/mean/max of samples in ms. */
function callTimes(samples: readonly number[]): CallTimes {
  return {
    calls: samples.length,
    p50Ms: percentile(samples, 50),
    p99Ms: percentile(samples, 99),
    meanMs: samples.reduce((a, b) => a + b, 0) / samples.length,
    maxMs: Math.max(...samples),
  };
}

type QueryKind = 'page' | 'group' | 'demo';

/**
 * Loads `shape` (ids 1…n by KPI position) into every layout, each in a schema `layout_<i>` of database
 * `database`, with COPY, one transaction per chunk of KPIs; then asks each the queries; then drops them.
 * Interleaved: each chunk goes into every layout in turn (starting with another layout each time), and
 * each round of queries asks every layout the same KPI, so the machine's drift (other work on it, the
 * server's caches) falls on all layouts alike.
 */
export async function measureLayouts(
  database: string,
  shape: Shape,
  options: { chunkKpis: number; calls: number; group: string[]; comparisonYear: number },
): Promise<LayoutResult[]> {
  const all = layouts(shape.years);
  const admin = await benchClient(database);
  const clients: pg.Client[] = [];
  try {
    for (const [i, layout] of all.entries()) {
      await admin.query(`create schema layout_${i}`);
      const client = await benchClient(database, `layout_${i}`);
      clients.push(client);
      for (const statement of layout.ddl) await client.query(statement);
    }
    const ids = new Map(shape.kpis.map((k) => [k.kpi.id, k.index + 1]));
    const busy = all.map(() => 0);
    const rows = all.map(() => 0);
    const chunks = [...kpiChunks(shape.kpis, options.chunkKpis)];
    for (const [c, chunk] of chunks.entries()) {
      const chunkRows = kpiRows(shape, chunk);
      for (let j = 0; j < all.length; j++) {
        const i = (c + j) % all.length;
        const start = process.hrtime.bigint();
        rows[i]! += await copyLines(
          clients[i]!,
          'indicator_values',
          VALUE_COLUMNS,
          valueLines(chunkRows, (k) => ids.get(k)!, 1),
        );
        busy[i]! += seconds(start);
      }
      if ((c + 1) % Math.max(1, Math.floor(chunks.length / 5)) === 0)
        progress(`kolada-full layouts: ${c + 1} of ${chunks.length} chunks in each of ${all.length} layouts`);
    }
    const analyze: number[] = [];
    for (const client of clients) {
      const start = process.hrtime.bigint();
      await client.query('vacuum (analyze) indicator_values');
      analyze.push(seconds(start));
    }
    progress(`kolada-full layouts: loaded; ${options.calls} rounds of queries`);
    const demoAreas = [...DEMO_MEMBERS, ...DEMO_COMPARISON_AREAS];
    const year = options.comparisonYear;
    const queries: [QueryKind, string, (kpi: number) => unknown[], number][] = [
      ['page', PAGE_QUERY, (kpi) => [kpi, demoAreas], demoAreas.length * shape.years.length * 3],
      ['group', GROUP_QUERY, (kpi) => [kpi, year, 'T', options.group], options.group.length],
      ['demo', GROUP_QUERY, (kpi) => [kpi, year, 'T', DEMO_MEMBERS], DEMO_MEMBERS.length],
    ];
    const samples = all.map(() => ({ page: [] as number[], group: [] as number[], demo: [] as number[] }));
    const random = prng(7);
    const warmup = Math.min(20, options.calls);
    for (let round = 0; round < warmup + options.calls; round++) {
      const kpi = 1 + Math.floor(random() * shape.kpis.length);
      for (const [kind, text, params, expected] of queries)
        for (let j = 0; j < all.length; j++) {
          const i = (round + j) % all.length;
          const start = process.hrtime.bigint();
          const result = await clients[i]!.query(text, params(kpi));
          const ms = seconds(start) * 1000;
          if (result.rowCount !== expected)
            throw new Error(`${all[i]!.name}: ${kind} query returned ${result.rowCount} rows, expected ${expected}.`);
          if (round >= warmup) samples[i]![kind].push(ms);
        }
    }
    const results: LayoutResult[] = [];
    for (const [i, layout] of all.entries()) {
      const plan = await clients[i]!.query<{ 'QUERY PLAN': string }>(`explain ${GROUP_QUERY}`, [
        1,
        year,
        'T',
        options.group,
      ]);
      results.push({
        name: layout.name,
        description: layout.description,
        rows: rows[i]!,
        loadSeconds: busy[i]!,
        loadRowsPerSecond: rows[i]! / busy[i]!,
        analyzeSeconds: analyze[i]!,
        size: await tableSize(clients[i]!, 'indicator_values'),
        pageQuery: callTimes(samples[i]!.page),
        groupQuery: callTimes(samples[i]!.group),
        demoGroupQuery: callTimes(samples[i]!.demo),
        groupPlan: plan.rows.map((r) => r['QUERY PLAN']),
      });
    }
    return results;
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    for (let i = 0; i < all.length; i++) await admin.query(`drop schema if exists layout_${i} cascade`);
    await admin.end();
  }
}
