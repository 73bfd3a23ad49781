import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDecision } from '../../src/app/adoption/record-decision.js';
import { createContext, type AppContext } from '../../src/app/context.js';
import { seedDemo } from '../../src/seed/seed-demo.js';
import { backupDatabase, BackupError, restoreDatabase, type DatabaseTarget } from '../../src/storage/backup/index.js';
import { contentFingerprint, type ContentFingerprint } from '../../src/storage/backup/content-fingerprint.js';
import { describePostgres, findPostgresTool, libpqEnvironment } from '../../src/storage/backup/postgres-backup.js';
import { createDb, type Storage } from '../../src/storage/database.js';
import type { DialectName } from '../../src/storage/dialect/dialect.js';
import { programmesAndAdoption } from '../../src/storage/migrations/0001_programmes_and_adoption.js';
import { migrateToLatest } from '../../src/storage/migrations/index.js';
import { TEST_NOW, openTestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';

/**
 * `samverkan backup` and `samverkan restore` on both databases: a restore brings back exactly the content
 * the backup was taken from (equal content fingerprints), refuses what is not a backup, and changes
 * nothing when it refuses. SQLite runs on a file in a temporary directory, PostgreSQL in the test schema.
 */

interface Target {
  target: DatabaseTarget;
  open: () => Storage;
}

/** A demo database the test can back up, change, "stop" (close, as the server is stopped) and restore. */
interface Demo {
  dir: string;
  target: DatabaseTarget;
  storage: Storage;
  ctx: AppContext;
  /** Runs `work` with the database closed on SQLite (a restore wants the server stopped), then reopens it. */
  whileStopped: <T>(work: () => Promise<T>) => Promise<T>;
  /** The demo's database emptied (PostgreSQL: its schema dropped), or on SQLite a new file beside it. */
  emptyTarget: () => Promise<Target>;
  /** Another, new database of the same kind (PostgreSQL: a new schema), unrelated to the demo. */
  freshTarget: () => Promise<Target>;
  close: () => Promise<void>;
}

async function openDemo(dialect: DialectName): Promise<Demo> {
  const dir = await mkdtemp(join(tmpdir(), 'samverkan-backup-'));
  if (dialect === 'sqlite') {
    const newFile = (): Target => {
      const fresh = join(dir, 'ny', `${randomBytes(4).toString('hex')}.sqlite`);
      return { target: { url: fresh }, open: () => createDb(fresh) };
    };
    const url = join(dir, 'data', 'samverkan.sqlite');
    const storage = createDb(url);
    await migrateToLatest(storage);
    await seedDemo(createContext(storage, () => TEST_NOW));
    const demo: Demo = {
      dir,
      target: { url },
      storage,
      ctx: createContext(storage, () => TEST_NOW),
      async whileStopped(work) {
        await demo.storage.db.destroy();
        try {
          return await work();
        } finally {
          demo.storage = createDb(url);
          demo.ctx = createContext(demo.storage, () => TEST_NOW);
        }
      },
      emptyTarget: async () => newFile(),
      freshTarget: async () => newFile(),
      async close() {
        await demo.storage.db.destroy();
        await rm(dir, { recursive: true, force: true });
      },
    };
    return demo;
  }
  const t = await openTestContext('postgres');
  const schema = t.storage.schema!;
  const target = { url: t.storage.url, schema };
  const freshSchemas: string[] = [];
  return {
    dir,
    target,
    storage: t.storage,
    ctx: t.ctx,
    // The pool's idle connections hold no locks; pg_restore's transaction does the rest.
    whileStopped: (work) => work(),
    emptyTarget: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(t.storage.db);
      await sql`create schema ${sql.id(schema)}`.execute(t.storage.db);
      return { target, open: () => createDb(t.storage.url, { schema, max: 2 }) };
    },
    freshTarget: async () => {
      const fresh = `${schema}_${freshSchemas.length}`;
      freshSchemas.push(fresh);
      await sql`create schema ${sql.id(fresh)}`.execute(t.storage.db);
      return {
        target: { url: t.storage.url, schema: fresh },
        open: () => createDb(t.storage.url, { schema: fresh, max: 2 }),
      };
    },
    async close() {
      for (const fresh of freshSchemas) await sql`drop schema ${sql.id(fresh)} cascade`.execute(t.storage.db);
      await t.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const decision = (paragraph: string) => ({
  memberCode: '0127',
  bodyKind: 'board',
  datePrecision: 'exact',
  date: '2026-11-20',
  paragraph,
  outcome: 'adopted',
  note: 'Antaget utan ändringar.',
  source: `Botkyrka kommunstyrelses protokoll 2026-11-20 ${paragraph}`,
});

const sha256Of = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

const changedTables = (a: ContentFingerprint, b: ContentFingerprint): string[] =>
  a.tables.filter((t) => b.tables.find((u) => u.table === t.table)?.sha256 !== t.sha256).map((t) => t.table);

describe.each(testDialects)('backup and restore on %s', (dialect) => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await openDemo(dialect);
    await recordDecision(demo.ctx, 'sup-2023', decision('§ 101'));
  });
  afterAll(() => demo.close());

  it('restores exactly the content the backup was taken from', async () => {
    const atBackup = await contentFingerprint(demo.storage);
    expect(atBackup.tables.map((t) => t.table)).toContain('decisions');
    expect(atBackup.tables.find((t) => t.table === 'decisions')!.rows).toBeGreaterThan(10);

    const file = join(demo.dir, `round-trip.${dialect === 'sqlite' ? 'sqlite' : 'dump'}`);
    const backup = await backupDatabase(demo.target, file);
    expect(backup.kind).toBe(dialect);
    expect(backup.bytes).toBeGreaterThan(1000);
    expect(backup.sha256).toBe(await sha256Of(file));
    await expect(backupDatabase(demo.target, file)).rejects.toThrow(/finns redan.*--force/);

    await recordDecision(demo.ctx, 'sup-2023', decision('§ 102'));
    const changed = await contentFingerprint(demo.storage);
    expect(changed.sha256).not.toBe(atBackup.sha256);
    expect(changedTables(atBackup, changed)).toContain('decisions');

    // The database has data: without --force nothing happens.
    await expect(demo.whileStopped(() => restoreDatabase(demo.target, file))).rejects.toThrow(
      /innehåller redan uppgifter.*--force.*Ingenting har ändrats/,
    );
    expect(await contentFingerprint(demo.storage)).toEqual(changed);

    const restored = await demo.whileStopped(() =>
      restoreDatabase(demo.target, file, { force: true, expectedSha256: backup.sha256 }),
    );
    expect(restored).toMatchObject({ kind: dialect, migrated: [], sha256: backup.sha256, bytes: backup.bytes });
    expect(await contentFingerprint(demo.storage)).toEqual(atBackup);
    // And the restored database works: the application can record the next decision.
    await recordDecision(demo.ctx, 'sup-2023', decision('§ 103'));
  });

  it('restores into an empty database with an equal fingerprint', async () => {
    const file = join(demo.dir, `to-empty.${dialect === 'sqlite' ? 'sqlite' : 'dump'}`);
    const source = await contentFingerprint(demo.storage);
    await backupDatabase(demo.target, file);
    const empty = await demo.emptyTarget();
    const result = await restoreDatabase(empty.target, file);
    expect(result.migrated).toEqual([]);
    const storage = empty.open();
    try {
      expect(await contentFingerprint(storage)).toEqual(source);
    } finally {
      await storage.db.destroy();
    }
  });

  it('brings an older backup up to date with the migrations', async () => {
    const latest = (
      await sql<{ name: string }>`select name from kysely_migration order by name`.execute(demo.storage.db)
    ).rows.map((r) => r.name);
    const fresh = await demo.freshTarget();
    const old = fresh.open();
    try {
      // A database as the first release left it: only the first migration, one cooperation.
      const first = '0001_programmes_and_adoption';
      const migrator = new Migrator({
        db: old.db,
        provider: { getMigrations: async () => ({ [first]: programmesAndAdoption(old.dialect) }) },
        ...(old.schema ? { migrationTableSchema: old.schema } : {}),
      });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      await sql`insert into collaborations (slug, name, created_at)
                values ('gammal', 'Gammal samverkan', ${TEST_NOW.toISOString()})`.execute(old.db);
    } finally {
      await old.db.destroy();
    }
    const file = join(demo.dir, `old.${dialect === 'sqlite' ? 'sqlite' : 'dump'}`);
    await backupDatabase(fresh.target, file);

    const result = await restoreDatabase(fresh.target, file, { force: true });
    expect(result.migrated).toEqual(latest.filter((name) => name !== '0001_programmes_and_adoption'));
    const storage = fresh.open();
    try {
      expect(await storage.db.selectFrom('collaborations').select('slug').execute()).toEqual([{ slug: 'gammal' }]);
      expect(await migrateToLatest(storage)).toEqual([]);
    } finally {
      await storage.db.destroy();
    }
  });

  it('refuses a file that is not a backup of the right kind, and changes nothing', async () => {
    const before = await contentFingerprint(demo.storage);
    const refused = async (file: string, pattern: RegExp, options: { expectedSha256?: string } = {}) => {
      const attempt = demo.whileStopped(() => restoreDatabase(demo.target, file, { force: true, ...options }));
      await expect(attempt).rejects.toBeInstanceOf(BackupError);
      await expect(attempt).rejects.toThrow(pattern);
      expect(await contentFingerprint(demo.storage)).toEqual(before);
    };

    const text = join(demo.dir, 'protokoll.txt');
    await writeFile(text, 'Kommunstyrelsens protokoll 2026-11-20\n');
    await refused(text, /ingen säkerhetskopia från samverkan backup.*Ingenting har ändrats/);

    const plainSql = join(demo.dir, 'dump.sql');
    await writeFile(plainSql, '--\n-- PostgreSQL database dump\n--\n');
    await refused(plainSql, /SQL-dump i textformat/);

    await refused(join(demo.dir, 'finns-inte.dump'), /kan inte läsas/);

    // A backup of the other kind of database.
    const otherKind = join(demo.dir, 'other-kind');
    await writeFile(
      otherKind,
      dialect === 'sqlite' ? Buffer.from('PGDMP\u0001\u000e\u0000') : Buffer.from('SQLite format 3\u0000xxxx'),
    );
    await refused(otherKind, /säkerhetskopia av en .*-databas, men DATABASE_URL pekar på/);

    // A real backup, cut short: the header is right, the rest is not.
    const whole = join(demo.dir, `whole.${dialect}`);
    const backup = await backupDatabase(demo.target, whole);
    const truncated = join(demo.dir, `truncated.${dialect}`);
    await writeFile(truncated, (await readFile(whole)).subarray(0, Math.floor(backup.bytes / 3)));
    await refused(truncated, dialect === 'sqlite' ? /skadad|kan inte läsas|ingen samverkan-databas/ : /kan inte läsas/);

    // The right file, but not the one the operator meant.
    await refused(whole, /SHA-256 är .*inte den väntade/, { expectedSha256: '0'.repeat(64) });
  });
});

describe.runIf(testDialects.includes('postgres'))('restore on postgres: structure newer than the backup', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await openDemo('postgres');
  });
  afterAll(() => demo.close());

  it('refuses when the database has tables the backup lacks, and changes nothing', async () => {
    const file = join(demo.dir, 'before-new-table.dump');
    await backupDatabase(demo.target, file);
    // As if a later migration had added a table after the backup was taken.
    await sql`create table later_table (id integer primary key)`.execute(demo.storage.db);
    await sql`insert into later_table values (1)`.execute(demo.storage.db);
    const before = await contentFingerprint(demo.storage);
    await expect(restoreDatabase(demo.target, file, { force: true })).rejects.toThrow(
      /tabeller som säkerhetskopian saknar \(later_table\).*Ingenting har ändrats/,
    );
    expect(await contentFingerprint(demo.storage)).toEqual(before);
  });
});

describe.runIf(testDialects.includes('sqlite'))('backup on sqlite while the server is serving', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await openDemo('sqlite');
  });
  afterAll(() => demo.close());

  it('takes a complete, consistent copy while another process keeps writing', async () => {
    const db = demo.storage.db as unknown as Kysely<unknown>;
    await sql`create table backup_ticks (id integer primary key, at_ms integer not null, filler text not null)`.execute(
      db,
    );
    // About 20 MB, so a backup takes long enough for the writer to commit during it.
    await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 20000)
              insert into backup_ticks (at_ms, filler) select 0, printf('%.1000c', 'x') from n`.execute(db);

    const writer = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import Database from 'better-sqlite3';
         const db = new Database(process.argv[1]);
         db.pragma('journal_mode = WAL');
         db.pragma('busy_timeout = 5000');
         db.pragma('synchronous = NORMAL');
         const insert = db.prepare('insert into backup_ticks (at_ms, filler) values (?, ?)');
         const filler = 'y'.repeat(1000);
         for (let n = 1; ; n++) {
           insert.run(Date.now(), filler);
           if (n === 100) process.stdout.write('skriver\\n');
           if (n % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
         }`,
        demo.target.url,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise<void>((resolve) => writer.on('exit', () => resolve()));
    try {
      await new Promise<void>((resolve, reject) => {
        writer.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('skriver') && resolve());
        writer.on('exit', (code) => reject(new Error(`skrivaren avslutades (${String(code)})`)));
      });

      const count = async () =>
        (await sql<{ n: number }>`select count(*) as n from backup_ticks`.execute(db)).rows[0]!.n;
      const backups: { file: string; countBefore: number; start: number; end: number }[] = [];
      for (let i = 0; i < 3; i++) {
        const file = join(demo.dir, `live-${i}.sqlite`);
        const countBefore = await count();
        const start = Date.now();
        await backupDatabase(demo.target, file);
        backups.push({ file, countBefore, start, end: Date.now() });
      }
      writer.kill('SIGTERM');
      await exited;

      let writtenDuringBackups = 0;
      for (const b of backups) {
        const copy = new SQLite(b.file, { readonly: true, fileMustExist: true });
        try {
          expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
          expect(copy.pragma('foreign_key_check')).toEqual([]);
          const { n, last, newest } = copy
            .prepare('select count(*) as n, max(id) as last, max(at_ms) as newest from backup_ticks')
            .get() as { n: number; last: number; newest: number };
          // One moment's snapshot: no row missing before the newest one, nothing from after the backup ended.
          expect(n).toBe(last);
          expect(n).toBeGreaterThanOrEqual(b.countBefore);
          expect(newest).toBeLessThanOrEqual(b.end);
          expect((copy.prepare('select count(*) as n from decisions').get() as { n: number }).n).toBeGreaterThan(10);
        } finally {
          copy.close();
        }
        writtenDuringBackups += (
          await sql<{
            n: number;
          }>`select count(*) as n from backup_ticks where at_ms between ${b.start} and ${b.end}`.execute(db)
        ).rows[0]!.n;
      }
      // The writer was not held up: it committed rows while the copies were being taken.
      expect(writtenDuringBackups).toBeGreaterThan(0);
    } finally {
      writer.kill('SIGKILL');
    }
  });

  it('refuses to restore while another connection has the database open, and changes nothing', async () => {
    const file = join(demo.dir, 'open.sqlite');
    await backupDatabase(demo.target, file);
    await recordDecision(demo.ctx, 'sup-2023', decision('§ 104'));
    const before = await contentFingerprint(demo.storage);
    // demo.storage stays open, as a running server's would.
    await expect(restoreDatabase(demo.target, file, { force: true })).rejects.toThrow(
      /används av en annan process.*Stoppa servern/,
    );
    expect(await contentFingerprint(demo.storage)).toEqual(before);
  });
});

describe.runIf(testDialects.includes('sqlite') && testDialects.includes('postgres'))('content fingerprint', () => {
  it('is the same for the same content on SQLite and PostgreSQL', async () => {
    const [a, b] = [await openTestContext('sqlite'), await openTestContext('postgres')];
    try {
      const [fa, fb] = [await contentFingerprint(a.storage), await contentFingerprint(b.storage)];
      expect(fa.tables.map((t) => t.table)).toEqual(fb.tables.map((t) => t.table));
      expect(fa).toEqual(fb);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('backup and restore: tools and connection details', () => {
  it('says how to install pg_dump when it is not on PATH', () => {
    expect(() => findPostgresTool('pg_dump', '/finns/inte')).toThrow(
      /pg_dump finns inte på PATH.*apt-get install postgresql-client/,
    );
  });

  it('passes the connection to pg_dump through the environment and never shows the password', () => {
    const url = 'postgres://samverkan:hemligt%40lösen@db.example.se:5433/produktion?sslmode=verify-full';
    expect(libpqEnvironment(url)).toEqual({
      PGHOST: 'db.example.se',
      PGPORT: '5433',
      PGUSER: 'samverkan',
      PGPASSWORD: 'hemligt@lösen',
      PGDATABASE: 'produktion',
      PGSSLMODE: 'verify-full',
    });
    const shown = describePostgres({ url, schema: 'kommun' });
    expect(shown).toBe(
      'PostgreSQL postgres://samverkan@db.example.se:5433/produktion?sslmode=verify-full, schemat kommun',
    );
    expect(shown).not.toContain('hemligt');
  });
});
