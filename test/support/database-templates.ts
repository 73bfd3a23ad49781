/**
 * The databases every test starts from, built once per run by the global setup (test/support/global-setup.ts)
 * and copied for each test database: migrated and empty, and with the real Södertörn demo loaded (at
 * TEST_NOW). A copy costs milliseconds; migrating and seeding cost about a second on PostgreSQL.
 *
 * PostgreSQL: template databases on the test server, copied with CREATE DATABASE … TEMPLATE; the tables
 * live in schema `samverkan`, as in a deployment with a schema of its own. Each test database being a
 * database of its own, dropping it never disturbs another test file's queries (Kysely's introspection
 * reads every schema of a database, so dropping a schema in a shared database did).
 * SQLite: serialized databases in a temporary directory, opened as in-memory copies.
 *
 * No vitest import here: the global setup runs in vitest's main process.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { seedDemo } from '../../src/seed/seed-demo.js';
import { createDb, type Storage } from '../../src/storage/database.js';
import { openSqliteDatabase, sqliteDialect } from '../../src/storage/dialect/sqlite.js';
import { migrateToLatest } from '../../src/storage/migrations/index.js';
import { createTestContext } from './test-context.js';

/** The PostgreSQL server the tests use; every test database is a new database on it. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The schema the tables of a PostgreSQL test database are in. */
export const TEST_SCHEMA = 'samverkan';

export type TemplateKind = 'migrated' | 'demo';

export interface DatabaseTemplates {
  /** Files holding serialized SQLite databases. */
  sqlite: { dir: string; files: Record<TemplateKind, string> };
  /** Template databases, and the name prefix of every database this run creates; null without PostgreSQL. */
  postgres: { databases: Record<TemplateKind, string>; prefix: string } | null;
}

/** TEST_POSTGRES_URL pointing at database `name` on the same server. */
export function databaseUrl(name: string): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs statements on the server's test database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function postgresReachable(): Promise<boolean> {
  try {
    await onServer((c) => c.query('select 1'));
    return true;
  } catch {
    return false;
  }
}

const RUN_PREFIX = 'samverkan_test_';
/** Databases of runs that started longer ago than this are leftovers of runs that were killed. */
const STALE_AFTER_MS = 6 * 3600_000;

/** Opens database `name`, its tables in TEST_SCHEMA. */
export const openPostgresDatabase = (name: string, max = 4): Storage =>
  createDb(databaseUrl(name), { schema: TEST_SCHEMA, max });

/** Creates an empty database `name` with an empty TEST_SCHEMA and opens it. */
export async function createPostgresDatabase(name: string, max = 4): Promise<Storage> {
  await onServer((c) => c.query(`create database ${name}`));
  const storage = openPostgresDatabase(name, max);
  await storage.db.schema.createSchema(TEST_SCHEMA).execute();
  return storage;
}

async function buildSqliteTemplates(): Promise<DatabaseTemplates['sqlite']> {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-test-templates-'));
  const files = { migrated: join(dir, 'migrated.sqlite'), demo: join(dir, 'demo.sqlite') };
  const raw = new SQLite(':memory:');
  const storage: Storage = { db: openSqliteDatabase(raw), dialect: sqliteDialect };
  await migrateToLatest(storage);
  writeFileSync(files.migrated, raw.serialize());
  await seedDemo(createTestContext(storage));
  writeFileSync(files.demo, raw.serialize());
  await storage.db.destroy();
  return { dir, files };
}

async function buildPostgresTemplates(): Promise<NonNullable<DatabaseTemplates['postgres']>> {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const prefix = `${RUN_PREFIX}${stamp}_${randomBytes(3).toString('hex')}`;
  const databases = { migrated: `${prefix}_migrated`, demo: `${prefix}_demo` };
  await dropStalePostgresDatabases();
  const migrated = await createPostgresDatabase(databases.migrated, 2);
  await migrateToLatest(migrated);
  await migrated.db.destroy();
  // A template must have no connections while it is copied: each is closed before the next step.
  await onServer((c) => c.query(`create database ${databases.demo} template ${databases.migrated}`));
  const demo = openPostgresDatabase(databases.demo, 2);
  await seedDemo(createTestContext(demo));
  await demo.db.destroy();
  return { databases, prefix };
}

/** Builds the templates: SQLite always, PostgreSQL when `withPostgres`. */
export async function buildTemplates(withPostgres: boolean): Promise<DatabaseTemplates> {
  const [sqlite, postgres] = await Promise.all([
    buildSqliteTemplates(),
    withPostgres ? buildPostgresTemplates() : Promise.resolve(null),
  ]);
  return { sqlite, postgres };
}

/** Drops this run's templates and any test database of the run a killed worker left behind. */
export async function dropTemplates(templates: DatabaseTemplates): Promise<void> {
  rmSync(templates.sqlite.dir, { recursive: true, force: true });
  const { postgres } = templates;
  if (!postgres) return;
  await onServer(async (c) => {
    const { rows } = await c.query<{ name: string }>(
      `select datname as name from pg_database where starts_with(datname, $1)`,
      [postgres.prefix],
    );
    for (const { name } of rows) await c.query(`drop database if exists ${name} with (force)`);
  });
}

async function dropStalePostgresDatabases(): Promise<void> {
  await onServer(async (c) => {
    const { rows } = await c.query<{ name: string }>(
      `select datname as name from pg_database where starts_with(datname, $1)`,
      [RUN_PREFIX],
    );
    for (const { name } of rows) {
      const stamp = /^samverkan_test_(\d{14})_/.exec(name)?.[1];
      if (!stamp) continue;
      const started = Date.parse(
        `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:${stamp.slice(12, 14)}Z`,
      );
      if (Date.now() - started > STALE_AFTER_MS) await c.query(`drop database if exists ${name} with (force)`);
    }
  });
}
