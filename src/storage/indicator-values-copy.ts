/**
 * Large imports on PostgreSQL: the values are COPYed into a temporary staging table and merged into
 * indicator_values with one INSERT … ON CONFLICT … DO UPDATE, inside the caller's transaction. As the
 * batched upserts of the repository: a new value is inserted, a value whose value or status differs is
 * updated, an identical one is left alone; only rows inserted or updated are counted.
 */
import { sql, type Kysely } from 'kysely';
import type { ValueKey } from '../domain/indicators/indicator.js';
import { copyClientOf, copyField, copyLines } from './dialect/postgres-copy.js';
import type { StoredValue } from './indicator.repository.js';
import type { Database } from './schema.js';

/** One indicator's part of an import: values to store and keys its source reports deleted. */
export interface IndicatorValuesToWrite {
  indicatorId: number;
  values: readonly StoredValue[];
  deleted: readonly Omit<ValueKey, 'indicatorKey'>[];
}

/** Per indicator id: rows inserted or updated, and rows deleted. */
export type WrittenCounts = Map<number, { changed: number; deleted: number }>;

const STAGING = 'pg_temp.indicator_values_staging';
const STAGED_COLUMNS = ['indicator_id', 'area_code', 'year', 'gender', 'value', 'status'] as const;

function* stagedLines(groups: readonly IndicatorValuesToWrite[]): Generator<string> {
  for (const { indicatorId, values } of groups) {
    const id = String(indicatorId);
    for (const v of values)
      yield `${id}\t${copyField(v.areaCode)}\t${v.year}\t${copyField(v.gender)}\t${copyField(v.value)}\t${copyField(v.status)}\n`;
  }
}

function addCounts(counts: WrittenCounts, rows: { indicator_id: number; n: number }[], kind: 'changed' | 'deleted') {
  for (const r of rows) {
    const id = Number(r.indicator_id);
    const entry = counts.get(id) ?? { changed: 0, deleted: 0 };
    entry[kind] += Number(r.n);
    counts.set(id, entry);
  }
}

/**
 * Writes the groups' values through COPY and one merge, then deletes the reported keys with one
 * statement; `trx` must be a transaction on PostgreSQL. The staging table lives until commit (or
 * rollback) and only in this session.
 */
export async function writeValuesByCopy(
  trx: Kysely<Database>,
  groups: readonly IndicatorValuesToWrite[],
  importId: number,
): Promise<WrittenCounts> {
  // Outside a transaction each statement could run on another connection of the pool.
  if (!trx.isTransaction) throw new Error('indicator_values: COPY och sammanslagning kräver en transaktion');
  const counts: WrittenCounts = new Map();
  const client = await copyClientOf(trx);
  // The merge's RETURNING rows are counted in memory rather than spilled to a temporary file.
  await sql`set local work_mem = '64MB'`.execute(trx);
  await sql`drop table if exists pg_temp.indicator_values_staging`.execute(trx);
  await sql`create temporary table indicator_values_staging (
      indicator_id integer not null,
      area_code text not null,
      year integer not null,
      gender text not null,
      value double precision,
      status text
    ) on commit drop`.execute(trx);
  const staged = await copyLines(client, STAGING, STAGED_COLUMNS, stagedLines(groups));
  if (staged > 0) {
    const merged = await sql<{ indicator_id: number; n: number }>`
      with merged as (
        insert into indicator_values as v (indicator_id, area_code, year, gender, value, status, import_id)
        select indicator_id, area_code, year, gender, value, status, ${importId}::integer
        from pg_temp.indicator_values_staging
        on conflict (indicator_id, area_code, year, gender) do update
        set value = excluded.value, status = excluded.status, import_id = excluded.import_id
        where v.value is distinct from excluded.value or v.status is distinct from excluded.status
        returning v.indicator_id
      )
      select indicator_id, count(*)::integer as n from merged group by indicator_id`.execute(trx);
    addCounts(counts, merged.rows, 'changed');
  }
  const deleted = groups.flatMap((g) => g.deleted.map((k) => ({ indicatorId: g.indicatorId, ...k })));
  if (deleted.length > 0) {
    const removed = await sql<{ indicator_id: number; n: number }>`
      with removed as (
        delete from indicator_values as v
        using unnest(
          ${deleted.map((d) => d.indicatorId)}::integer[], ${deleted.map((d) => d.areaCode)}::text[],
          ${deleted.map((d) => d.year)}::integer[], ${deleted.map((d) => d.gender)}::text[]
        ) as d (indicator_id, area_code, year, gender)
        where v.indicator_id = d.indicator_id and v.area_code = d.area_code and v.year = d.year
          and v.gender = d.gender
        returning v.indicator_id
      )
      select indicator_id, count(*)::integer as n from removed group by indicator_id`.execute(trx);
    addCounts(counts, removed.rows, 'deleted');
  }
  return counts;
}
