/**
 * The rows of the full Kolada-scale store: every area of data/kolada/munic.csv × the KPIs of
 * data/kolada/kpi_df.csv × years × the three genders, generated deterministically (bench/support.ts's
 * valueFor), a chunk of KPIs at a time so that no more than a chunk is ever in memory.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { ValueRow } from '../src/domain/indicators/indicator.js';
import { shippedAreas, shippedGroups, shippedKpis } from '../src/seed/kolada-catalogue-files.js';
import type { KoladaKpi } from '../src/storage/kolada-catalogue.repository.js';
import { copyField } from '../src/storage/dialect/postgres-copy.js';
import { BENCH_POSTGRES_URL } from './postgres.js';
import { DEMO_COMPARISON_AREAS, DEMO_MEMBERS, GENDER_LIST, statusFor, valueFor } from './support.js';

/** A KPI of the catalogue with its position (what its generated values are a function of). */
export interface BenchKpi {
  index: number;
  kpi: KoladaKpi;
}

export interface Shape {
  kpis: BenchKpi[];
  areaCodes: string[];
  years: number[];
}

/**
 * The catalogue's KPIs and areas, the first `kpis` and `areas` of them when given (the demo's members and
 * comparison areas are always among the areas, so its pages have values).
 */
export function benchShape(areas: number | null, kpis: number | null, years: number[]): Shape {
  const allKpis = shippedKpis();
  const allAreas = shippedAreas().map((a) => a.code);
  const wanted = new Set<string>([...DEMO_MEMBERS, ...DEMO_COMPARISON_AREAS]);
  const areaCodes =
    areas === null
      ? allAreas
      : [...wanted, ...allAreas.filter((c) => !wanted.has(c)).slice(0, Math.max(0, areas - wanted.size))].sort();
  const chosen = (kpis === null ? allKpis : allKpis.slice(0, kpis)).map((kpi, index) => ({ index, kpi }));
  return { kpis: chosen, areaCodes, years };
}

export const rowsPerKpi = (shape: Shape): number => shape.areaCodes.length * shape.years.length * GENDER_LIST.length;

/** The values of these KPIs, KPI by KPI, area by area, year by year, T, K, M: as a sync would bring them. */
export function kpiRows(shape: Shape, kpis: readonly BenchKpi[]): ValueRow[] {
  const rows: ValueRow[] = [];
  for (const { index, kpi } of kpis)
    for (const areaCode of shape.areaCodes)
      for (const year of shape.years)
        for (let g = 0; g < GENDER_LIST.length; g++) {
          const value = valueFor(index, areaCode, year, g);
          rows.push({ indicatorKey: kpi.id, areaCode, year, gender: GENDER_LIST[g]!, value, status: statusFor(value) });
        }
  return rows;
}

/** The KPIs in chunks of `size`. */
export function* kpiChunks(kpis: readonly BenchKpi[], size: number): Generator<BenchKpi[]> {
  for (let i = 0; i < kpis.length; i += size) yield kpis.slice(i, i + size);
}

/** COPY text of rows for indicator_values' seven columns, ids from `idOf`. */
export function* valueLines(
  rows: readonly ValueRow[],
  idOf: (key: string) => number,
  importId: number,
): Generator<string> {
  const tail = `\t${importId}\n`;
  for (const r of rows)
    yield `${idOf(r.indicatorKey)}\t${copyField(r.areaCode)}\t${r.year}\t${r.gender}\t${copyField(r.value)}\t${copyField(r.status)}${tail}`;
}

export const VALUE_COLUMNS = ['indicator_id', 'area_code', 'year', 'gender', 'value', 'status', 'import_id'] as const;

/** Kolada's largest municipality group (G2328, "Alla kommuner"), limited to the areas loaded. */
export function largestGroup(areaCodes: readonly string[]): { id: string; title: string; members: string[] } {
  const loaded = new Set(areaCodes);
  const groups = shippedGroups()
    .map((g) => ({ ...g, members: g.members.filter((m) => loaded.has(m)) }))
    .sort((a, b) => b.members.length - a.members.length || a.id.localeCompare(b.id));
  return groups[0]!;
}

// --- A database of its own ------------------------------------------------------------------------

/** BENCH_POSTGRES_URL pointing at database `name` on the same server. */
export function databaseUrl(name: string): string {
  const url = new URL(BENCH_POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the benchmark's server; its name starts with `bench_kolada_`. */
export async function createBenchDatabase(): Promise<string> {
  const name = `bench_kolada_${randomBytes(5).toString('hex')}`;
  await onServer((c) => c.query(`create database ${name}`));
  return name;
}

export const dropBenchDatabase = (name: string): Promise<unknown> =>
  onServer((c) => c.query(`drop database if exists ${name} with (force)`));

/** A plain client on database `name` (search_path `schema` when given). */
export async function benchClient(name: string, schema?: string): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: databaseUrl(name),
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  await client.connect();
  return client;
}

/** The server settings that decide bulk-load and query speed, as the server reports them. */
export async function serverSettings(client: pg.Client): Promise<Record<string, string>> {
  const names = [
    'server_version',
    'shared_buffers',
    'work_mem',
    'maintenance_work_mem',
    'effective_cache_size',
    'max_wal_size',
    'checkpoint_timeout',
    'wal_level',
    'wal_compression',
    'synchronous_commit',
    'full_page_writes',
    'max_parallel_workers_per_gather',
    'max_parallel_maintenance_workers',
    'random_page_cost',
    'temp_buffers',
    'jit',
  ];
  const { rows } = await client.query<{ name: string; setting: string; unit: string | null }>(
    'select name, setting, unit from pg_settings where name = any($1::text[]) order by name',
    [names],
  );
  const human = (s: string, unit: string | null): string => {
    const blocks = unit === '8kB' ? 8192 : unit === 'kB' ? 1024 : unit === 'MB' ? 1024 * 1024 : null;
    if (blocks === null) return unit ? `${s} ${unit}` : s;
    const bytes = Number(s) * blocks;
    return bytes >= 1 << 30 ? `${bytes / (1 << 30)} GB` : `${bytes / (1 << 20)} MB`;
  };
  return Object.fromEntries(rows.map((r) => [r.name, human(r.setting, r.unit)]));
}

/** Sizes of a table, each of its indexes, and all together (partitions included). */
export interface TableSize {
  tableBytes: number;
  indexes: { name: string; bytes: number }[];
  totalBytes: number;
}

/** The relation itself and, when it is partitioned, its leaf partitions (pg_partition_tree lists no plain table). */
const LEAVES = `with tree as (select relid from pg_partition_tree($1::regclass) where isleaf)
  select relid from tree union all select $1::regclass where not exists (select from tree)`;

export async function tableSize(client: pg.Client, table: string): Promise<TableSize> {
  const sizes = await client.query<{ table_bytes: number; total_bytes: number }>(
    `select coalesce(sum(pg_table_size(relid)), 0)::float8 as table_bytes,
            coalesce(sum(pg_total_relation_size(relid)), 0)::float8 as total_bytes
     from (${LEAVES}) leaves`,
    [table],
  );
  const indexes = await client.query<{ name: string; oid: number }>(
    `select i.relname as name, i.oid::int as oid from pg_index x join pg_class i on i.oid = x.indexrelid
     where x.indrelid = $1::regclass order by i.relname`,
    [table],
  );
  const indexSizes: { name: string; bytes: number }[] = [];
  for (const index of indexes.rows) {
    const { rows } = await client.query<{ bytes: number }>(
      `select coalesce(sum(pg_relation_size(relid)), 0)::float8 as bytes from (${LEAVES}) leaves`,
      [index.oid],
    );
    indexSizes.push({ name: index.name, bytes: rows[0]!.bytes });
  }
  return { tableBytes: sizes.rows[0]!.table_bytes, indexes: indexSizes, totalBytes: sizes.rows[0]!.total_bytes };
}
