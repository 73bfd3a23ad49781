import { CompiledQuery, type Kysely, type Selectable, type Transaction } from 'kysely';
import type {
  Aggregation,
  Gender,
  Indicator,
  IndicatorOrigin,
  IndicatorValue,
  ValueKey,
} from '../domain/indicators/indicator.js';
import type { ImportRecord } from '../domain/indicators/import-record.js';
import { batches } from './batches.js';
import type { DialectName } from './dialect/dialect.js';
import { writeValuesByCopy, type IndicatorValuesToWrite, type WrittenCounts } from './indicator-values-copy.js';
import type { Database, IndicatorTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type NewIndicator = Omit<Indicator, 'id' | 'dataVersion'>;

/** A value to store for an indicator already known by id. */
export type StoredValue = IndicatorValue;

const toIndicator = (r: Selectable<IndicatorTable>): Indicator => ({
  id: r.id,
  key: r.key,
  origin: r.origin as IndicatorOrigin,
  title: r.title,
  definition: r.definition,
  unit: r.unit,
  decimals: r.decimals,
  aggregation: r.aggregation as Aggregation,
  weightKey: r.weight_key,
  byGender: r.by_gender === 1,
  source: r.source,
  licence: r.licence,
  dataVersion: Number(r.data_version),
});

/** Both drivers cap bound parameters per statement; 7 columns × 500 rows stays well below. */
const VALUE_BATCH = 500;

/** The batch's parameters in the statement's order (row by row, column by column), without per-row arrays. */
function valueParameters(indicatorId: number, batch: readonly StoredValue[], importId: number): unknown[] {
  const parameters = new Array<unknown>(batch.length * 7);
  let i = 0;
  for (const v of batch) {
    parameters[i++] = indicatorId;
    parameters[i++] = v.areaCode;
    parameters[i++] = v.year;
    parameters[i++] = v.gender;
    parameters[i++] = v.value;
    parameters[i++] = v.status;
    parameters[i++] = importId;
  }
  return parameters;
}

/** Insert, or update when value or status differ: an identical value is left alone (and not counted). */
const upsertValues = (db: Db, indicatorId: number, batch: readonly StoredValue[], importId: number) =>
  db
    .insertInto('indicator_values')
    .values(
      batch.map((v) => ({
        indicator_id: indicatorId,
        area_code: v.areaCode,
        year: v.year,
        gender: v.gender,
        value: v.value,
        status: v.status,
        import_id: importId,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['indicator_id', 'area_code', 'year', 'gender'])
        .doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          status: eb.ref('excluded.status'),
          import_id: eb.ref('excluded.import_id'),
        }))
        .where((eb) =>
          eb.or([
            eb('indicator_values.value', 'is distinct from', eb.ref('excluded.value')),
            eb('indicator_values.status', 'is distinct from', eb.ref('excluded.status')),
          ]),
        ),
    );

const indicatorRow = (i: NewIndicator, now: string) => ({
  key: i.key,
  origin: i.origin,
  title: i.title,
  definition: i.definition,
  unit: i.unit,
  decimals: i.decimals,
  aggregation: i.aggregation,
  weight_key: i.weightKey,
  by_gender: i.byGender ? 1 : 0,
  source: i.source,
  licence: i.licence,
  created_at: now,
  updated_at: now,
});

/**
 * From this many rows (values and deletions) an import on PostgreSQL goes through COPY and one merge
 * (src/storage/indicator-values-copy.ts); below it, a temporary table costs more than the batches.
 */
export const COPY_MIN_ROWS = 1_000;

/** The indicators we follow, their values, and the imports that brought them. */
export const indicatorRepository = (db: Db, dialect: DialectName = 'sqlite') => ({
  /** Creates the indicator, or updates its definition when the key exists; returns its id. */
  async upsert(i: NewIndicator, now: string): Promise<number> {
    const row = await db
      .insertInto('indicators')
      .values(indicatorRow(i, now))
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          definition: eb.ref('excluded.definition'),
          unit: eb.ref('excluded.unit'),
          decimals: eb.ref('excluded.decimals'),
          aggregation: eb.ref('excluded.aggregation'),
          weight_key: eb.ref('excluded.weight_key'),
          by_gender: eb.ref('excluded.by_gender'),
          source: eb.ref('excluded.source'),
          licence: eb.ref('excluded.licence'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /**
   * Creates a new indicator and returns its id. Unlike `upsert`, a taken key is an error (the
   * database's unique violation): a local definition must never overwrite another indicator.
   */
  async insert(i: NewIndicator, now: string): Promise<number> {
    const row = await db
      .insertInto('indicators')
      .values(indicatorRow(i, now))
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async byKey(key: string): Promise<Indicator | undefined> {
    const row = await db.selectFrom('indicators').selectAll().where('key', '=', key).executeTakeFirst();
    return row && toIndicator(row);
  },

  async byId(id: number): Promise<Indicator | undefined> {
    const row = await db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toIndicator(row);
  },

  async byKeys(keys: readonly string[]): Promise<Indicator[]> {
    if (keys.length === 0) return [];
    const rows = await db.selectFrom('indicators').selectAll().where('key', 'in', keys).orderBy('key').execute();
    return rows.map(toIndicator);
  },

  async list(): Promise<Indicator[]> {
    const rows = await db.selectFrom('indicators').selectAll().orderBy('title').execute();
    return rows.map(toIndicator);
  },

  /** Values of one indicator, optionally narrowed to areas, years and a gender; by area, year, gender. */
  async values(
    indicatorId: number,
    filter: { areaCodes?: readonly string[]; from?: number; to?: number; gender?: Gender; year?: number } = {},
  ): Promise<IndicatorValue[]> {
    let q = db
      .selectFrom('indicator_values')
      .select(['area_code', 'year', 'gender', 'value', 'status'])
      .where('indicator_id', '=', indicatorId);
    if (filter.areaCodes) {
      if (filter.areaCodes.length === 0) return [];
      q = q.where('area_code', 'in', filter.areaCodes);
    }
    if (filter.year !== undefined) q = q.where('year', '=', filter.year);
    if (filter.from !== undefined) q = q.where('year', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('year', '<=', filter.to);
    if (filter.gender) q = q.where('gender', '=', filter.gender);
    const rows = await q.orderBy('area_code').orderBy('year').orderBy('gender').execute();
    return rows.map((r) => ({
      areaCode: r.area_code,
      year: Number(r.year),
      gender: r.gender as Gender,
      value: r.value === null ? null : Number(r.value),
      status: r.status,
    }));
  },

  /** The years that have any value, newest first. */
  async years(indicatorId: number): Promise<number[]> {
    const rows = await db
      .selectFrom('indicator_values')
      .select('year')
      .distinct()
      .where('indicator_id', '=', indicatorId)
      .orderBy('year', 'desc')
      .execute();
    return rows.map((r) => Number(r.year));
  },

  /**
   * Stores the values (insert, or update when value or status differ) and returns how many rows
   * changed; an identical re-import changes nothing, which keeps imports idempotent.
   */
  async applyValues(indicatorId: number, values: readonly StoredValue[], importId: number): Promise<number> {
    // Building a 500-row statement through the query builder costs more than running it, so the
    // statement is built once per batch size and then run with each batch's parameters.
    const statements = new Map<number, CompiledQuery>();
    let changed = 0;
    for (const batch of batches(values, VALUE_BATCH)) {
      const parameters = valueParameters(indicatorId, batch, importId);
      let statement = statements.get(batch.length);
      if (!statement) {
        statement = upsertValues(db, indicatorId, batch, importId).compile();
        // The reuse relies on the builder's parameter order (row by row, column by column): check it once.
        if (JSON.stringify(statement.parameters) !== JSON.stringify(parameters))
          throw new Error('indicator_values: oväntad parameterordning i den byggda satsen');
        statements.set(batch.length, statement);
      }
      const result = await db.executeQuery(CompiledQuery.raw(statement.sql, parameters));
      changed += Number(result.numAffectedRows ?? 0);
    }
    return changed;
  },

  /**
   * Stores an import's values and removes the keys reported deleted; per indicator id, how many rows
   * changed and how many were deleted (indicators with neither are left out). Call inside a transaction:
   * on PostgreSQL a large import is copied into a staging table and merged with one statement, otherwise
   * it is written in batches.
   */
  async writeValues(groups: readonly IndicatorValuesToWrite[], importId: number): Promise<WrittenCounts> {
    const rows = groups.reduce((n, g) => n + g.values.length + g.deleted.length, 0);
    if (dialect === 'postgres' && rows >= COPY_MIN_ROWS) return writeValuesByCopy(db, groups, importId);
    const counts: WrittenCounts = new Map();
    for (const g of groups) {
      const changed = await this.applyValues(g.indicatorId, g.values, importId);
      const deleted = await this.deleteValues(g.indicatorId, g.deleted);
      if (changed + deleted > 0) counts.set(g.indicatorId, { changed, deleted });
    }
    return counts;
  },

  /** Removes values the source reports deleted; returns how many existed. */
  async deleteValues(indicatorId: number, keys: readonly Omit<ValueKey, 'indicatorKey'>[]): Promise<number> {
    let deleted = 0;
    for (const key of keys) {
      const result = await db
        .deleteFrom('indicator_values')
        .where('indicator_id', '=', indicatorId)
        .where('area_code', '=', key.areaCode)
        .where('year', '=', key.year)
        .where('gender', '=', key.gender)
        .executeTakeFirst();
      deleted += Number(result.numDeletedRows);
    }
    return deleted;
  },

  async bumpDataVersion(indicatorId: number, now: string): Promise<void> {
    await db
      .updateTable('indicators')
      .set((eb) => ({ data_version: eb('data_version', '+', 1), updated_at: now }))
      .where('id', '=', indicatorId)
      .execute();
  },

  async insertImport(r: Omit<ImportRecord, 'id'>): Promise<number> {
    const row = await db
      .insertInto('indicator_imports')
      .values({
        kind: r.kind,
        source_name: r.sourceName,
        sha256: r.sha256,
        status: r.status,
        rows_read: r.rowsRead,
        rows_changed: r.rowsChanged,
        rows_deleted: r.rowsDeleted,
        message: r.message,
        user_id: r.userId,
        started_at: r.startedAt,
        finished_at: r.finishedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async finishImport(
    id: number,
    r: Pick<ImportRecord, 'status' | 'rowsChanged' | 'rowsDeleted' | 'message' | 'finishedAt'>,
  ): Promise<void> {
    await db
      .updateTable('indicator_imports')
      .set({
        status: r.status,
        rows_changed: r.rowsChanged,
        rows_deleted: r.rowsDeleted,
        message: r.message,
        finished_at: r.finishedAt,
      })
      .where('id', '=', id)
      .execute();
  },

  async recentImports(limit: number): Promise<ImportRecord[]> {
    const rows = await db.selectFrom('indicator_imports').selectAll().orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      sourceName: r.source_name,
      sha256: r.sha256,
      status: r.status as ImportRecord['status'],
      rowsRead: r.rows_read,
      rowsChanged: r.rows_changed,
      rowsDeleted: r.rows_deleted,
      message: r.message,
      userId: r.user_id,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
    }));
  },
});

export type IndicatorRepository = ReturnType<typeof indicatorRepository>;
