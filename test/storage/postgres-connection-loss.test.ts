/**
 * A PostgreSQL server that ends idle connections (a restart, pg_terminate_backend, a forced DROP DATABASE)
 * must not end the process: the pool drops the dead connection and the next query opens a new one.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onServer } from '../support/database-templates.js';
import { openTestStorage, testDialects, type TestStorage } from '../support/databases.js';

describe.runIf(testDialects.includes('postgres'))('a PostgreSQL pool whose idle connections are ended', () => {
  let storage: TestStorage;
  beforeAll(async () => {
    storage = await openTestStorage('postgres');
  });
  afterAll(() => storage?.close());

  it('survives the loss, warns, and answers the next query on a new connection', async () => {
    const database = new URL(storage.url).pathname.slice(1);
    const before = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(storage.db);
    const warned = new Promise<Error>((resolve) => {
      const listener = (warning: Error) => {
        if (warning.name !== 'DatabaseWarning') return;
        process.off('warning', listener);
        resolve(warning);
      };
      process.on('warning', listener);
    });
    const ended = await onServer((c) =>
      c.query<{ ended: boolean }>(
        `select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1`,
        [database],
      ),
    );
    expect(ended.rows.length).toBeGreaterThan(0);
    expect((await warned).message).toMatch(/^PostgreSQL avslutade en vilande anslutning: /);
    const after = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(storage.db);
    expect(after.rows[0]!.pid).not.toBe(before.rows[0]!.pid);
  });
});
