import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { currentSchema } from '../dialect/postgres.js';
import type { Storage } from '../database.js';

/**
 * A logical checksum of a database's content: every row of every application table, independent of
 * file layout, page order, free space or dump format. Two databases with the same fingerprint hold the
 * same records. Used by the backup round-trip tests and useful to an operator comparing a restore.
 *
 * Canonical form, so the same content gives the same hash on SQLite and PostgreSQL: tables by name;
 * each table's rows sorted in JavaScript by their values in column order (the primary key comes
 * first in every table, so this is primary-key order, without depending on a database collation);
 * each row as a JSON array of its values.
 */
export interface ContentFingerprint {
  /** SHA-256 over every table's name, row count and hash. */
  sha256: string;
  tables: TableFingerprint[];
}

export interface TableFingerprint {
  table: string;
  columns: string[];
  rows: number;
  sha256: string;
}

export interface TableInfo {
  name: string;
  columns: string[];
}

/** Kysely's bookkeeping tables (`kysely_migration`, `kysely_migration_lock`). */
const isKyselyTable = (name: string): boolean => name.startsWith('kysely_');

// Generic access to tables only known at run time.
type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

/**
 * The tables the migrations created, listed through Kysely's introspection: on PostgreSQL only those of the
 * schema the connection works in. Kysely's own tables are left out unless `withKyselyTables`.
 */
export async function applicationTables(
  storage: Storage,
  options: { withKyselyTables?: boolean } = {},
): Promise<TableInfo[]> {
  const db = storage.db as unknown as Kysely<unknown>;
  const schema = storage.dialect.name === 'postgres' ? await currentSchema(db) : undefined;
  if (schema === null) return [];
  const tables = await storage.db.introspection.getTables({ withInternalKyselyTables: true });
  return tables
    .filter((t) => !t.isView && (schema === undefined || t.schema === schema))
    .filter((t) => options.withKyselyTables || !isKyselyTable(t.name))
    .map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }))
    .sort((a, b) => compareText(a.name, b.name));
}

/** True when any application table holds a row. */
export async function hasApplicationData(storage: Storage): Promise<boolean> {
  const db = storage.db as unknown as AnyDb;
  for (const table of await applicationTables(storage)) {
    const row = await db
      .selectFrom(table.name)
      .select(sql<number>`1`.as('one'))
      .limit(1)
      .executeTakeFirst();
    if (row) return true;
  }
  return false;
}

export async function contentFingerprint(storage: Storage): Promise<ContentFingerprint> {
  const db = storage.db as unknown as AnyDb;
  const tables: TableFingerprint[] = [];
  for (const table of await applicationTables(storage)) {
    const rows = await db.selectFrom(table.name).selectAll().execute();
    const values = rows.map((row) => table.columns.map((column) => canonicalValue(row[column])));
    values.sort(compareRows);
    const hash = createHash('sha256');
    hash.update(`${JSON.stringify(table.columns)}\n`);
    for (const row of values) hash.update(`${JSON.stringify(row)}\n`);
    tables.push({ table: table.name, columns: table.columns, rows: values.length, sha256: hash.digest('hex') });
  }
  const total = createHash('sha256');
  for (const t of tables) total.update(`${t.table}\t${t.rows}\t${t.sha256}\n`);
  return { sha256: total.digest('hex'), tables };
}

type Canonical = null | number | string | boolean | { bytes: string };

/** Values as both drivers return them, made comparable: dates as ISO text, bytes as hex, big integers as text. */
function canonicalValue(value: unknown): Canonical {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString('hex') };
  return JSON.stringify(value);
}

const rank = (v: Canonical): number =>
  v === null ? 0 : typeof v === 'boolean' ? 1 : typeof v === 'number' ? 2 : typeof v === 'string' ? 3 : 4;

/** Code-unit order: the same on every machine and locale. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareValues(a: Canonical, b: Canonical): number {
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') return compareText(a.bytes, b.bytes);
  return 0;
}

function compareRows(a: Canonical[], b: Canonical[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareValues(a[i] ?? null, b[i] ?? null);
    if (c !== 0) return c;
  }
  return 0;
}
