/**
 * Test databases: each a fresh copy of a template the global setup built for this run (see
 * test/support/database-templates.ts), migrated and empty or with the demo loaded.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { inject } from 'vitest';
import type { Storage } from '../../src/storage/database.js';
import type { DialectName } from '../../src/storage/dialect/dialect.js';
import { openSqliteDatabase, sqliteDialect } from '../../src/storage/dialect/sqlite.js';
import { migrateUpTo } from '../../src/storage/migrations/index.js';
import {
  createPostgresDatabase,
  databaseUrl,
  onServer,
  openPostgresDatabase,
  type DatabaseTemplates,
  type TemplateKind,
} from './database-templates.js';

export { TEST_POSTGRES_URL } from './database-templates.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates;
  }
}

const templates = (): DatabaseTemplates => {
  const provided = inject('databaseTemplates');
  if (!provided) throw new Error('Testdatabaserna saknas: kör testerna med vitest.config.ts (npm test).');
  return provided;
};

/**
 * The databases every storage, HTTP and page test runs on. Without PostgreSQL a developer's
 * run covers SQLite only (the global setup says so); under CI=true a missing PostgreSQL fails the run.
 */
export const testDialects: DialectName[] = process.env.TEST_DATABASES
  ? (process.env.TEST_DATABASES.split(',') as DialectName[])
  : templates().postgres
    ? ['sqlite', 'postgres']
    : ['sqlite'];

export interface TestStorage extends Storage {
  /**
   * Where the database is: on PostgreSQL its URL (its tables in `schema`), for another connection, a
   * child process or pg_dump; on SQLite ':memory:', as the copy lives in this process only.
   */
  url: string;
  close: () => Promise<void>;
}

export interface TestStorageOptions {
  /** Migrated and empty (the default), or with the demo loaded at TEST_NOW. */
  content?: TemplateKind;
  /** Stops after this migration instead (an empty database migrated so far), for a test of a later one. */
  upTo?: string;
}

/** A fresh database of its own on `dialect`: an in-memory SQLite database, or a new PostgreSQL database. */
export async function openTestStorage(dialect: DialectName, options: TestStorageOptions = {}): Promise<TestStorage> {
  return dialect === 'sqlite' ? openSqliteCopy(options) : openPostgresCopy(options);
}

async function openSqliteCopy({ content = 'migrated', upTo }: TestStorageOptions): Promise<TestStorage> {
  const raw = upTo === undefined ? new SQLite(readFileSync(templates().sqlite.files[content])) : new SQLite(':memory:');
  const storage: Storage = { db: openSqliteDatabase(raw), dialect: sqliteDialect };
  if (upTo !== undefined) await migrateUpTo(storage, upTo);
  return { ...storage, url: ':memory:', close: () => storage.db.destroy() };
}

async function openPostgresCopy({ content = 'migrated', upTo }: TestStorageOptions): Promise<TestStorage> {
  const postgres = templates().postgres;
  if (!postgres) throw new Error('PostgreSQL används inte i den här körningen.');
  const name = `${postgres.prefix}_${randomBytes(6).toString('hex')}`;
  let storage: Storage;
  if (upTo === undefined) {
    await onServer((c) => c.query(`create database ${name} template ${postgres.databases[content]}`));
    storage = openPostgresDatabase(name);
  } else {
    storage = await createPostgresDatabase(name);
    await migrateUpTo(storage, upTo);
  }
  return {
    ...storage,
    url: databaseUrl(name),
    close: async () => {
      await storage.db.destroy();
      await onServer((c) => c.query(`drop database ${name} with (force)`));
    },
  };
}
