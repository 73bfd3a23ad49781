import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { getProgramme } from '../../src/app/programmes/get-programme.js';
import { createApp } from '../../src/compose-app.js';
import { databaseFailureOf } from '../../src/http/error-mapping.js';
import { createLogger } from '../../src/http/logging.js';
import { createDb, type Storage } from '../../src/storage/database.js';
import { postForm } from '../support/app.js';
import { createTestContext, openTestContext } from '../support/context.js';
import { TEST_POSTGRES_URL, testDialects } from '../support/databases.js';
import { sessionFor, type TestSession } from '../support/sessions.js';
import { captureLog, type CapturedLog } from '../security/support.js';

/**
 * A database that cannot serve (PostgreSQL down or restarting, SQLite busy or failing to write) and a full
 * disk: 503 with Retry-After and a message saying so, a warning in the log rather than a 500, and on a full
 * disk nothing saved and the database intact.
 */

const UNAVAILABLE =
  'Databasen går inte att nå just nu. Försök igen om en stund; det du skickade kan behöva skickas igen.';

const driverError = (code: string, message = 'fel') => Object.assign(new Error(message), { code });

describe('which driver errors mean the database cannot serve', () => {
  it.each([
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'],
    ['ECONNRESET', 'read ECONNRESET'],
    ['57P01', 'terminating connection due to administrator command'],
    ['57P02', 'terminating connection due to crash of another server process'],
    ['57P03', 'the database system is starting up'],
    ['08006', 'connection failure'],
    ['08001', 'sqlclient unable to establish sqlconnection'],
    ['SQLITE_BUSY', 'database is locked'],
    ['SQLITE_BUSY_SNAPSHOT', 'database is locked'],
    ['SQLITE_IOERR_WRITE', 'disk I/O error'],
  ])('%s: unavailable', (code, message) => {
    expect(databaseFailureOf(driverError(code, message))).toBe('unavailable');
  });

  it('pg’s own words for a connection lost, without a code', () => {
    expect(databaseFailureOf(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(databaseFailureOf(new Error('Connection terminated'))).toBe('unavailable');
  });

  it('a full disk, on SQLite and on PostgreSQL', () => {
    expect(databaseFailureOf(driverError('SQLITE_FULL', 'database or disk is full'))).toBe('disk_full');
    expect(databaseFailureOf(driverError('53100', 'could not extend file'))).toBe('disk_full');
  });

  it('also when wrapped as the cause of another error', () => {
    const wrapped = new Error('Migreringen misslyckades', { cause: driverError('57P01') });
    expect(databaseFailureOf(wrapped)).toBe('unavailable');
    const full = new Error('Inläsningen misslyckades', { cause: driverError('SQLITE_FULL') });
    expect(databaseFailureOf(full)).toBe('disk_full');
  });

  it('not another service’s connection refused, which comes wrapped (fetch to Kolada or the OIDC provider)', () => {
    const fetchFailed = new TypeError('fetch failed', { cause: driverError('ECONNREFUSED') });
    expect(databaseFailureOf(fetchFailed)).toBeUndefined();
  });

  it('not the errors that are the request’s or the code’s', () => {
    for (const error of [
      driverError('23505', 'duplicate key value violates unique constraint'),
      driverError('42P01', 'relation "x" does not exist'),
      driverError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed'),
      driverError('SQLITE_ERROR', 'no such table: x'),
      new TypeError('Cannot read properties of undefined'),
    ]) {
      expect(databaseFailureOf(error), error.message).toBeUndefined();
    }
  });
});

/** A TCP port on this machine that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.runIf(testDialects.includes('postgres'))('PostgreSQL unreachable', () => {
  let storage: Storage;
  let app: Hono;
  let log: CapturedLog;

  beforeAll(async () => {
    const url = new URL(TEST_POSTGRES_URL);
    url.port = String(await closedPort());
    url.hostname = '127.0.0.1';
    storage = createDb(url.toString());
    log = captureLog();
    app = createApp(createTestContext(storage), { logger: createLogger({ level: 'info', destination: log }) });
  });
  afterAll(() => storage.db.destroy());

  it('a page answers 503 with Retry-After and says what happened, in Swedish', async () => {
    const res = await app.request('/program/sup-2035');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('Tjänsten kan inte svara just nu');
    expect(html).toContain(UNAVAILABLE);
    expect(html).not.toContain('ECONNREFUSED');
  });

  it('the API answers 503 with Retry-After and a JSON error', async () => {
    const res = await app.request('/api/v1/programmes');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toEqual({ error: { code: 'database_unavailable', message: UNAVAILABLE } });
  });

  it('is logged as a warning naming the driver’s code, not as an unexpected error', () => {
    const lines = log.lines();
    const warnings = lines.filter((l) => l.event === 'database.unavailable');
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    for (const w of warnings) {
      expect(w.level).toBe('warn');
      expect((w.error as { code?: string }).code).toBe('ECONNREFUSED');
      expect(w).not.toHaveProperty('error.stack');
    }
    expect(lines.filter((l) => l.event === 'request.failed')).toEqual([]);
  });

  it('/healthz still answers (the process is alive); /readyz says the database cannot be reached', async () => {
    expect((await app.request('/healthz')).status).toBe(200);
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'not_ready', reason: 'Databasen går inte att nå.' });
  });
});

describe('SQLite with a full disk', () => {
  let dir: string;
  let storage: Storage;
  let app: Hono;
  let admin: TestSession;
  let ctx: AppContext;
  let log: CapturedLog;

  const count = async (table: string) =>
    (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(storage.db)).rows[0]!.n;
  const pragma = async (statement: string) => (await sql.raw(`pragma ${statement}`).execute(storage.db)).rows;

  beforeAll(async () => {
    // The demo database as a file of its own (WAL, as the service runs it).
    dir = mkdtempSync(join(tmpdir(), 'samverkan-disk-full-'));
    const file = join(dir, 'samverkan.sqlite');
    const demo = await openTestContext('sqlite');
    await sql`vacuum into ${file}`.execute(demo.storage.db);
    await demo.close();
    storage = createDb(file);
    ctx = createTestContext(storage);
    log = captureLog();
    app = createApp(ctx, { logger: createLogger({ level: 'info', destination: log }) });
    admin = await sessionFor(ctx, 'admin');
  });
  afterAll(async () => {
    await storage.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a write that needs more room answers 503 saying nothing was saved, and the database stays intact', async () => {
    // A draft to edit, made while there is room.
    const created = await postForm(app, '/program/nytt', { name: 'Nytt utvecklingsprogram', from: 'sup-2023' }, admin);
    expect(created.status).toBe(303);
    const slug = /^\/program\/([^/]+)\/redigera$/.exec(created.headers.get('location')!)![1]!;
    const saved = async () => (await getProgramme(ctx, slug)).programme;
    const before = {
      programme: await saved(),
      audit: await count('audit_events'),
      programmes: await count('programmes'),
    };

    // No page more than the file has now: the next write that needs a new page fails as on a full disk.
    const [{ page_count: pages }] = (await pragma('page_count')) as [{ page_count: number }];
    await pragma(`max_page_count = ${pages}`);

    // Three long texts (and the audit event that records them): more than the pages' free room.
    const long = (word: string) => `${word} `.repeat(Math.floor(3900 / (word.length + 1))).trim();
    const fields = {
      name: before.programme.name,
      targetYear: String(before.programme.targetYear ?? ''),
      validFromYear: String(before.programme.validFromYear ?? ''),
      validToYear: String(before.programme.validToYear ?? ''),
      vision: long('Vision'),
      overarchingGoal: long('Mål'),
      note: long('Anteckning'),
      version: String(before.programme.version),
    };
    const res = await postForm(app, `/program/${slug}/redigera`, fields, admin);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(await res.text()).toContain(
      'Serverns disk är full, så ingenting sparades. Det som redan fanns är oförändrat.',
    );
    const warning = log.lines().find((l) => l.event === 'database.disk_full');
    expect(warning).toMatchObject({ level: 'warn', error: { code: 'SQLITE_FULL' } });
    expect(log.lines().filter((l) => l.event === 'request.failed')).toEqual([]);

    // The transaction rolled back: the file is sound and holds what it held.
    expect(await pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(await saved()).toEqual(before.programme);
    expect(await count('audit_events')).toBe(before.audit);
    expect(await count('programmes')).toBe(before.programmes);
    expect((await app.request('/program/sup-2023')).status).toBe(200);

    // Room again: the same form saves.
    await pragma(`max_page_count = ${pages * 4}`);
    const again = await postForm(app, `/program/${slug}/redigera`, fields, admin);
    expect(again.status).toBe(303);
    expect((await saved()).vision).toBe(fields.vision);
    expect(await count('audit_events')).toBe(before.audit + 1);
    expect(await pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});
