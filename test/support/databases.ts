import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DialectName } from '../../src/storage/dialect/dialect.js';
import { createDb, type Storage } from '../../src/storage/database.js';
import { migrateToLatest, migrateUpTo } from '../../src/storage/migrations/index.js';

/** The PostgreSQL server the tests use; each test database is a fresh schema in it. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The databases every storage, HTTP and page test runs on. Without PostgreSQL a developer's
 * run covers SQLite only (and says so); under CI=true a missing PostgreSQL is a failure.
 */
export const testDialects: DialectName[] = await (async () => {
  if (process.env.TEST_DATABASES) return process.env.TEST_DATABASES.split(',') as DialectName[];
  if (await postgresReachable()) return ['sqlite', 'postgres'];
  if (process.env.CI === 'true') {
    throw new Error(`PostgreSQL svarar inte på ${TEST_POSTGRES_URL}; under CI=true får inga tester hoppas över.`);
  }
  console.warn(`PostgreSQL svarar inte på ${TEST_POSTGRES_URL}: testerna körs bara mot SQLite.`);
  return ['sqlite'];
})();

export interface TestStorage extends Storage {
  close: () => Promise<void>;
}

/**
 * A fresh, migrated, empty database: an in-memory SQLite file, or a new PostgreSQL schema. `upTo` stops
 * after that migration, for a test of what a later migration does to data already there.
 */
export async function openTestStorage(dialect: DialectName, options: { upTo?: string } = {}): Promise<TestStorage> {
  const migrate = (storage: Storage) =>
    options.upTo === undefined ? migrateToLatest(storage) : migrateUpTo(storage, options.upTo);
  if (dialect === 'sqlite') {
    const storage = createDb(':memory:');
    await migrate(storage);
    return { ...storage, close: () => storage.db.destroy() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const storage = createDb(TEST_POSTGRES_URL, { schema, max: 4 });
  await migrate(storage);
  return {
    ...storage,
    close: async () => {
      await storage.db.destroy();
      const cleanup = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}
