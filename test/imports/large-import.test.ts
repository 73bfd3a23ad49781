/**
 * A large import (every municipality and region × three indicators × four years × three genders): on
 * PostgreSQL it is COPYed into a staging table and merged with one statement, on SQLite written in
 * batches; on both the counts, the data versions, the import list and the audit trail are the same,
 * and a failure half-way (a row refused at the merge, an error after it) leaves everything as it was.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, readRepos, type AppContext } from '../../src/app/context.js';
import { importValues, type ValueImport } from '../../src/app/indicators/import-values.js';
import type { Gender, IndicatorValue, ValueKey, ValueRow } from '../../src/domain/indicators/indicator.js';
import { shippedAreas } from '../../src/seed/kolada-catalogue-files.js';
import { COPY_MIN_ROWS } from '../../src/storage/indicator.repository.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';

const KEYS = ['STOR-A', 'STOR-B', 'STOR-C'];
const YEARS = [2019, 2020, 2021, 2022];
const GENDERS: Gender[] = ['T', 'K', 'M'];
const AREAS = shippedAreas().map((a) => a.code);
/** A status with every character COPY's text format must escape. */
const AWKWARD_STATUS = 'rad\tmed\\tecken\r\noch radbrytning';

function valueOf(k: number, area: string, year: number, g: number): number | null {
  const n = (k * 7919 + Number(area) * 31 + year * 17 + g * 3) % 2003;
  return n % 97 === 0 ? null : n / 10;
}

/** Every area × year × gender of the three indicators: 11 232 rows. */
function firstRows(): ValueRow[] {
  const rows: ValueRow[] = [];
  KEYS.forEach((indicatorKey, k) => {
    for (const areaCode of AREAS)
      for (const year of YEARS)
        GENDERS.forEach((gender, g) => {
          const value = valueOf(k, areaCode, year, g);
          rows.push({ indicatorKey, areaCode, year, gender, value, status: value === null ? 'Missing' : null });
        });
  });
  rows[5] = { ...rows[5]!, status: AWKWARD_STATUS };
  return rows;
}

const byKey = (a: IndicatorValue, b: IndicatorValue) =>
  a.areaCode.localeCompare(b.areaCode) || a.year - b.year || a.gender.localeCompare(b.gender);

describe.each(testDialects)('a large import on %s', (dialect) => {
  let t: TestContext;
  let ctx: AppContext;
  let ids: Map<string, number>;

  const repos = () => readRepos(ctx);
  const stored = async (key: string) => (await repos().indicators.values(ids.get(key)!)).sort(byKey);
  const storedAll = async () => Promise.all(KEYS.map(stored));
  const versions = async () => Promise.all(KEYS.map(async (key) => (await repos().indicators.byKey(key))!.dataVersion));
  const state = async () => ({
    values: await storedAll(),
    versions: await versions(),
    audit: await repos().audit.count(),
    imports: (await repos().indicators.recentImports(1000)).filter((i) => i.status !== 'failed'),
  });
  const csv = (rows: readonly ValueRow[], deleted: readonly ValueKey[] = []): ValueImport => ({
    kind: 'csv',
    sourceName: 'stor.csv',
    sha256: null,
    rows,
    deleted,
  });

  /** Statements that inserted into indicator_values, as PostgreSQL saw them (statement-level trigger). */
  const mergeStatements = async (): Promise<string[]> => {
    const { rows } = await sql<{ query: string }>`select query from insert_statements order by id`.execute(
      ctx.storage.db,
    );
    await sql`delete from insert_statements`.execute(ctx.storage.db);
    return rows.map((r) => r.query);
  };

  /** How many statements ever inserted into indicator_values, rolled back or not (PostgreSQL). */
  const mergesStarted = async (): Promise<number> => {
    if (dialect !== 'postgres') return 0;
    const { rows } = await sql<{ n: number }>`select last_value::integer as n from insert_statements_id_seq`.execute(
      ctx.storage.db,
    );
    return rows[0]!.n;
  };

  beforeAll(async () => {
    t = await openTestContext(dialect);
    ctx = t.ctx;
    ids = await inTransaction(ctx, async (tx) => {
      const map = new Map<string, number>();
      for (const key of KEYS)
        map.set(
          key,
          await tx.indicators.upsert(
            {
              key,
              origin: 'local',
              title: `Stort nyckeltal ${key}`,
              definition: '',
              unit: 'procent',
              decimals: 1,
              aggregation: 'mean',
              weightKey: null,
              byGender: true,
              source: 'Test',
              licence: 'CC0',
            },
            ctx.now().toISOString(),
          ),
        );
      return map;
    });
    if (dialect === 'postgres') {
      await sql`create table insert_statements (id serial primary key, query text not null)`.execute(ctx.storage.db);
      await sql`create function log_insert_statement() returns trigger language plpgsql as $$
        begin insert into insert_statements (query) values (current_query()); return null; end $$`.execute(
        ctx.storage.db,
      );
      await sql`create trigger log_insert_statement after insert on indicator_values
        for each statement execute function log_insert_statement()`.execute(ctx.storage.db);
    }
  });
  afterAll(() => t?.close());

  it('stores every row of a first import, counts them all, and records one event', async () => {
    const rows = firstRows();
    expect(rows.length).toBe(AREAS.length * KEYS.length * YEARS.length * GENDERS.length);
    expect(rows.length).toBeGreaterThanOrEqual(COPY_MIN_ROWS);
    const before = await state();
    const summary = await importValues(ctx, csv(rows));
    expect(summary).toEqual({
      importId: expect.any(Number),
      status: 'succeeded',
      rowsRead: rows.length,
      rowsChanged: rows.length,
      rowsDeleted: 0,
      indicatorKeys: KEYS,
    });
    const expected = KEYS.map((key) =>
      rows
        .filter((r) => r.indicatorKey === key)
        .map(({ areaCode, year, gender, value, status }) => ({ areaCode, year, gender, value, status }))
        .sort(byKey),
    );
    expect(await storedAll()).toEqual(expected);
    expect((await stored(KEYS[0]!)).find((v) => v.status === AWKWARD_STATUS)).toBeDefined();
    expect(await versions()).toEqual(before.versions.map((v) => v + 1));
    const [event] = await repos().audit.list({ entityType: 'indicator_import', entityId: String(summary.importId) });
    expect(event?.action).toBe('indicator_values.imported');
    expect(JSON.parse(event!.afterJson!)).toMatchObject({
      kind: 'csv',
      rowsRead: rows.length,
      rowsChanged: rows.length,
      rowsDeleted: 0,
      indicators: KEYS,
    });
    expect(await repos().audit.count()).toBe(before.audit + 1);
    if (dialect === 'postgres') {
      // COPY into the staging table, then one statement merged all 11 232 rows.
      const statements = await mergeStatements();
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/insert into indicator_values[\s\S]*from pg_temp\.indicator_values_staging/);
    }
  });

  it('counts only new and changed rows, deletes what the source deleted, and bumps only touched indicators', async () => {
    const rows = firstRows();
    const before = await state();
    // STOR-A: 40 values changed, 10 statuses changed; STOR-B: a new year for every area (T only);
    // STOR-C: unchanged, but 30 of its values reported deleted (and 5 keys that do not exist).
    const changed = rows.map((r, i) =>
      r.indicatorKey !== 'STOR-A'
        ? r
        : i % 100 === 1
          ? { ...r, value: (r.value ?? 0) + 1 }
          : i % 100 === 2 && r.status === null
            ? { ...r, status: 'Preliminärt' }
            : r,
    );
    const valueChanges = changed.filter((r, i) => r.value !== rows[i]!.value).length;
    const statusChanges = changed.filter((r, i) => r.status !== rows[i]!.status).length;
    const newYear: ValueRow[] = AREAS.map((areaCode) => ({
      indicatorKey: 'STOR-B',
      areaCode,
      year: 2023,
      gender: 'T',
      value: 1.5,
      status: null,
    }));
    const deleted: ValueKey[] = [
      ...AREAS.slice(0, 30).map((areaCode) => ({ indicatorKey: 'STOR-C', areaCode, year: 2020, gender: 'K' as const })),
      ...AREAS.slice(0, 5).map((areaCode) => ({ indicatorKey: 'STOR-C', areaCode, year: 2030, gender: 'T' as const })),
    ];
    const summary = await importValues(ctx, csv([...changed, ...newYear], deleted));
    expect(valueChanges + statusChanges).toBeGreaterThan(0);
    expect(summary).toMatchObject({
      status: 'succeeded',
      rowsRead: changed.length + newYear.length,
      rowsChanged: valueChanges + statusChanges + newYear.length,
      rowsDeleted: 30,
      indicatorKeys: KEYS,
    });
    expect(await versions()).toEqual(before.versions.map((v) => v + 1));
    expect((await stored('STOR-C')).length).toBe(before.values[2]!.length - 30);
    expect((await stored('STOR-B')).filter((v) => v.year === 2023)).toHaveLength(AREAS.length);
    const stillA = await stored('STOR-A');
    expect(stillA).toEqual(
      changed
        .filter((r) => r.indicatorKey === 'STOR-A')
        .map(({ areaCode, year, gender, value, status }) => ({ areaCode, year, gender, value, status }))
        .sort(byKey),
    );
    if (dialect === 'postgres') expect(await mergeStatements()).toHaveLength(1);

    // Only STOR-A changes now: the others keep their data version.
    const again = await importValues(ctx, csv(rows.filter((r) => r.indicatorKey === 'STOR-A')));
    expect(again).toMatchObject({
      status: 'succeeded',
      rowsChanged: valueChanges + statusChanges,
      indicatorKeys: ['STOR-A'],
    });
    const afterAgain = await versions();
    expect(afterAgain).toEqual([before.versions[0]! + 2, before.versions[1]! + 1, before.versions[2]! + 1]);
    if (dialect === 'postgres') await mergeStatements();
  });

  it('changes nothing when the same rows come again', async () => {
    const rows = firstRows().filter((r) => r.indicatorKey === 'STOR-A');
    const before = await state();
    const summary = await importValues(ctx, csv(rows));
    expect(summary).toMatchObject({ status: 'unchanged', rowsRead: rows.length, rowsChanged: 0, indicatorKeys: [] });
    const after = await state();
    expect({ ...after, imports: after.imports.slice(1) }).toEqual(before);
    expect(after.imports[0]).toMatchObject({ id: summary.importId, status: 'unchanged' });
    if (dialect === 'postgres') expect(await mergeStatements()).toHaveLength(1);
  });

  it('leaves everything as it was when a row is refused at the merge', async () => {
    // A rule of the database (a trigger) refuses one row near the end; the checks before writing pass.
    if (dialect === 'postgres') {
      await sql`create function refuse_2024() returns trigger language plpgsql as $$
        begin raise exception 'värdet för 2024 vägras'; end $$`.execute(ctx.storage.db);
      await sql`create trigger refuse_2024 before insert on indicator_values for each row
        when (new.year = 2024 and new.area_code = '2584') execute function refuse_2024()`.execute(ctx.storage.db);
    } else {
      await sql`create trigger refuse_2024 before insert on indicator_values
        when new.year = 2024 and new.area_code = '2584'
        begin select raise(abort, 'värdet för 2024 vägras'); end`.execute(ctx.storage.db);
    }
    try {
      const before = await state();
      const failedBefore = (await repos().indicators.recentImports(1000)).filter((i) => i.status === 'failed');
      // New values for every indicator first, then a new year: all valid, one refused by the trigger.
      const rows = [
        ...firstRows().map((r) => ({ ...r, value: (r.value ?? 0) + 100, status: null })),
        ...AREAS.map((areaCode) => ({
          indicatorKey: 'STOR-C',
          areaCode,
          year: 2024,
          gender: 'T' as const,
          value: 2,
          status: null,
        })),
      ];
      await expect(importValues(ctx, csv(rows))).rejects.toThrow(/värdet för 2024 vägras/);
      expect(await state()).toEqual(before);
      const failed = (await repos().indicators.recentImports(1000)).filter((i) => i.status === 'failed');
      expect(failed).toHaveLength(failedBefore.length + 1);
      expect(failed[0]).toMatchObject({
        sourceName: 'stor.csv',
        rowsRead: rows.length,
        rowsChanged: 0,
        message: 'Inläsningen avbröts av ett tekniskt fel.',
      });
    } finally {
      await sql`drop trigger refuse_2024${sql.raw(dialect === 'postgres' ? ' on indicator_values' : '')}`.execute(
        ctx.storage.db,
      );
    }
    if (dialect === 'postgres') await mergeStatements();
  });

  it('leaves everything as it was when an error follows the merge', async () => {
    // The merge succeeds; finishing the import record (after it, in the same transaction) fails.
    if (dialect === 'postgres') {
      await sql`create function refuse_finish() returns trigger language plpgsql as $$
        begin raise exception 'importen kan inte avslutas'; end $$`.execute(ctx.storage.db);
      await sql`create trigger refuse_finish before update on indicator_imports
        for each row execute function refuse_finish()`.execute(ctx.storage.db);
    } else {
      await sql`create trigger refuse_finish before update on indicator_imports
        begin select raise(abort, 'importen kan inte avslutas'); end`.execute(ctx.storage.db);
    }
    try {
      const before = await state();
      const startedBefore = await mergesStarted();
      const rows = firstRows().map((r) => ({ ...r, value: (r.value ?? 0) + 200, status: null }));
      await expect(importValues(ctx, csv(rows))).rejects.toThrow(/importen kan inte avslutas/);
      if (dialect === 'postgres') {
        // The merge ran (a sequence is not rolled back), and its log row went with the rollback.
        expect(await mergesStarted()).toBe(startedBefore + 1);
        expect(await mergeStatements()).toHaveLength(0);
      }
      expect(await state()).toEqual(before);
    } finally {
      await sql`drop trigger refuse_finish${sql.raw(dialect === 'postgres' ? ' on indicator_imports' : '')}`.execute(
        ctx.storage.db,
      );
    }
  });

  it('writes a small import in batches, not through COPY', async () => {
    const rows = firstRows()
      .filter((r) => r.indicatorKey === 'STOR-B')
      .slice(0, 600)
      .map((r) => ({ ...r, value: 7.77 })); // n / 10 never is
    expect(rows.length).toBeLessThan(COPY_MIN_ROWS);
    const summary = await importValues(ctx, csv(rows));
    expect(summary).toMatchObject({ status: 'succeeded', rowsChanged: rows.length, indicatorKeys: ['STOR-B'] });
    if (dialect === 'postgres') {
      const statements = await mergeStatements();
      expect(statements).toHaveLength(2); // 500 + 100 rows
      for (const s of statements) expect(s).not.toMatch(/indicator_values_staging/);
    }
  });
});
