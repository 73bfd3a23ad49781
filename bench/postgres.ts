/**
 * Fresh PostgreSQL schemas for the benchmarks, as test/support/databases.ts makes them for tests:
 * every run gets an empty, migrated schema of its own, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Storage } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrations/index.js';

export const BENCH_POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchSchema {
  schema: string;
  storage: Storage;
  /** A plain pg client on the same schema, for the driver's raw path. */
  client: () => Promise<pg.Client>;
  close: () => Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const postgresVersion = (): Promise<string> =>
  admin(async (c) => (await c.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]!.v);

/** A new migrated schema; `close` ends its connections and drops it with everything in it. */
export async function openBenchSchema(poolSize = 4): Promise<BenchSchema> {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create schema ${schema}`));
  const storage = createDb(BENCH_POSTGRES_URL, { schema, max: poolSize });
  const clients: pg.Client[] = [];
  try {
    await migrateToLatest(storage);
  } catch (error) {
    await storage.db.destroy();
    await admin((c) => c.query(`drop schema ${schema} cascade`));
    throw error;
  }
  return {
    schema,
    storage,
    client: async () => {
      const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL, options: `-c search_path=${schema}` });
      await client.connect();
      clients.push(client);
      return client;
    },
    close: async () => {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
      await storage.db.destroy();
      await admin((c) => c.query(`drop schema ${schema} cascade`));
    },
  };
}
