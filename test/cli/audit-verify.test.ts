/**
 * `samverkan audit verify` end to end, as an administrator runs it: seed the demo through the CLI,
 * verify, try to alter a row in plain SQL (the trigger refuses), alter it behind the trigger's back,
 * and verify again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStorage, testDialects } from '../support/databases.js';
import { cli } from '../support/cli.js';

/** A plain SQL session on the database, as a DBA would have. */
interface RawSql {
  run: (statement: string) => Promise<void>;
  close: () => Promise<void>;
}

interface Target {
  url: string;
  raw: () => Promise<RawSql>;
  /** Statement that switches off the append-only guard. */
  disableTrigger: string;
  cleanup: () => Promise<void>;
}

async function target(dialect: string): Promise<Target> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-audit-'));
    const file = join(dir, 'demo.sqlite');
    return {
      url: file,
      raw: async () => {
        const db = new SQLite(file);
        return { run: async (s) => void db.exec(s), close: async () => void db.close() };
      },
      disableTrigger: 'drop trigger audit_events_no_update',
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  // An empty database of its own (migrated: `seed` below migrates it anyway), reached by URL as the CLI is.
  const storage = await openTestStorage('postgres');
  const url = new URL(storage.url);
  url.searchParams.set('options', `-c search_path=${storage.schema}`);
  return {
    url: url.toString(),
    raw: async () => {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      return { run: async (s) => void (await client.query(s)), close: () => client.end() };
    },
    disableTrigger: 'alter table audit_events disable trigger audit_events_no_update_or_delete',
    cleanup: () => storage.close(),
  };
}

describe.each(testDialects)('samverkan audit verify on %s', (dialect) => {
  let db: Target;
  beforeAll(async () => {
    db = await target(dialect);
    expect((await cli(db.url, 'seed')).stdout).toContain('Demodata inlästa.');
  });
  afterAll(() => db?.cleanup());

  it('passes on the seeded demo database and prints the head hash', async () => {
    const run = await cli(db.url, 'audit', 'verify');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    // The demo (74 events: 31 for the cooperation, programmes, decisions and indicators, 40 for the example
    // plans with their rounds and reports, 3 for the events the sources name) and the shipped Kolada
    // catalogue, which `seed` also loads (1).
    expect(run.stdout).toContain('Granskningsloggen är hel: 75 händelser.');
    expect(run.stdout).toMatch(/Senaste hash: [0-9a-f]{64}/);
  });

  it('fails, naming the row, after a row is altered by hand in SQL', async () => {
    const sql = await db.raw();
    try {
      await expect(sql.run(`update audit_events set summary = 'Inget beslut.' where id = 12`)).rejects.toThrow(
        /kan bara fyllas på/,
      );
      await sql.run(db.disableTrigger);
      await sql.run(`update audit_events set summary = 'Inget beslut.' where id = 12`);
    } finally {
      await sql.close();
    }
    const run = await cli(db.url, 'audit', 'verify');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('Granskningsloggen är bruten vid händelse 12:');
    expect(run.stdout).toBe('');
  });
});
