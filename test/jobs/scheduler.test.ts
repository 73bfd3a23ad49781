/**
 * The scheduled jobs as the instances run them. SQLite: each job on its schedule in process, every run
 * recorded. PostgreSQL: two instances over the same database, pg-boss's clock driven by hand (a TestClock,
 * which the database's job_now() follows too) across the real default schedules — 03:15 for Kolada, 07:00
 * on a weekday for the reminders, five past the hour for the clearing — and each due job runs exactly
 * once. On both: a failing job is recorded as failed and logged as `job.failed`; the Kolada job fetches
 * from the replay server the values of the KPIs already followed.
 */
import { sql } from 'kysely';
import { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos, type AppContext } from '../../src/app/context.js';
import { connectKolada, followKoladaKpis, syncKoladaCatalogue } from '../../src/app/indicators/sync-kolada.js';
import type { JobName } from '../../src/domain/jobs/job-run.js';
import { jobsRuntimeOf } from '../../src/jobs/jobs-runtime.js';
import { NO_MAILER } from '../../src/jobs/late-report-reminders.job.js';
import { pgBossSchema } from '../../src/jobs/pg-boss-scheduler.js';
import { startJobs, type RunningJobs } from '../../src/jobs/start-jobs.js';
import { createDb, type Storage } from '../../src/storage/database.js';
import { createTestContext, openTestContext, type TestContext } from '../support/context.js';
import { TEST_SCHEMA } from '../support/database-templates.js';
import { testDialects } from '../support/databases.js';
import { capturedLogger, finishedRuns, jobsConfig, untilFinished, type CapturedLogger } from '../support/jobs.js';
import { startKoladaReplayServer, type KoladaReplayServer } from '../support/kolada-replay-server.js';

const noWait = { sleep: async () => undefined, maxRetries: 1 };

/** Kolada's catalogue from the replay server, N00945 followed, and a new value at Kolada for Huddinge. */
async function followN00945(ctx: AppContext, server: KoladaReplayServer): Promise<void> {
  await syncKoladaCatalogue(ctx, connectKolada({ baseUrl: server.url, ...noWait }));
  await followKoladaKpis(ctx, ['N00945']);
  server.setUpdates({
    at: '2026-05-05',
    updated: [{ kpi: 'N00945', area: '0126', year: 2020, gender: 'T', value: 42.5 }],
  });
}

async function huddinge2020(ctx: AppContext) {
  const repos = readRepos(ctx);
  const indicator = (await repos.indicators.byKey('N00945'))!;
  return (await repos.indicators.values(indicator.id)).find((v) => v.areaCode === '0126' && v.year === 2020);
}

const KOLADA_OK = /^1 nyckeltal: \d+ värden lästa, 1 nya eller ändrade, 0 borttagna, 1 anrop till Kolada\.$/;

describe.runIf(testDialects.includes('sqlite'))('scheduled jobs in process on sqlite', () => {
  let t: TestContext;
  let server: KoladaReplayServer;
  let log: CapturedLogger;
  let jobs: RunningJobs | undefined;

  beforeAll(async () => {
    t = await openTestContext('sqlite');
    server = await startKoladaReplayServer();
    await followN00945(t.ctx, server);
    log = capturedLogger();
  });
  afterAll(async () => {
    await jobs?.stop();
    await server?.close();
    await t?.close();
  });

  it('runs each job on its schedule and records every run', async () => {
    const everySecond = '* * * * * *';
    jobs = await startJobs(t.ctx, {
      logger: log.logger,
      config: jobsConfig(t.storage, { KOLADA_SYNC_SCHEDULE: everySecond, KOLADA_BASE_URL: server.url }),
      schedules: { 'late-report-reminders': everySecond, 'clear-expired': everySecond },
      instanceId: 'en-instans',
      kolada: noWait,
    });
    const [kolada] = await untilFinished(t.ctx, 'kolada-sync');
    const [reminders] = await untilFinished(t.ctx, 'late-report-reminders');
    const [clearing] = await untilFinished(t.ctx, 'clear-expired');
    await jobs.stop();
    jobs = undefined;

    expect(kolada).toMatchObject({ outcome: 'ok', instanceId: 'en-instans', requestedBy: '' });
    expect(kolada!.message).toMatch(KOLADA_OK);
    expect(await huddinge2020(t.ctx)).toMatchObject({ value: 42.5 });
    expect(reminders).toMatchObject({ outcome: 'skipped', message: NO_MAILER });
    expect(clearing).toMatchObject({ outcome: 'ok', message: 'Inget hade gått ut.' });
    const finished = log.lines().filter((l) => l.event === 'job.finished');
    expect(new Set(finished.map((l) => l.job))).toEqual(
      new Set<JobName>(['kolada-sync', 'late-report-reminders', 'clear-expired']),
    );
    expect(log.lines().filter((l) => l.event === 'job.failed')).toEqual([]);

    // Stopped: nothing runs any more, and nothing is left half-recorded.
    const counts = async () =>
      Promise.all(
        (['kolada-sync', 'late-report-reminders', 'clear-expired'] as const).map((j) => finishedRuns(t.ctx, j)),
      );
    const before = (await counts()).map((r) => r.length);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await counts()).map((r) => r.length)).toEqual(before);
    expect(
      await t.ctx.storage.db.selectFrom('job_runs').where('finished_at', 'is', null).selectAll().execute(),
    ).toEqual([]);
  });

  it('records a failing job as failed and logs it', async () => {
    jobs = await startJobs(t.ctx, {
      logger: log.logger,
      config: jobsConfig(t.storage, { KOLADA_SYNC_SCHEDULE: 'off', KOLADA_BASE_URL: server.url }),
      schedules: { 'late-report-reminders': null, 'clear-expired': null },
      instanceId: 'en-instans',
      kolada: noWait,
    });
    const before = (await finishedRuns(t.ctx, 'kolada-sync')).length;
    server.failNext(2, 500);
    expect(await jobsRuntimeOf(t.ctx.storage)!.runNow('kolada-sync', 'Test Testsson')).toBe('queued');
    const [failed] = await untilFinished(t.ctx, 'kolada-sync', before + 1);
    expect(failed).toMatchObject({ outcome: 'failed', requestedBy: 'Test Testsson', instanceId: 'en-instans' });
    expect(failed!.message).toMatch(/500/);
    const line = log.lines().find((l) => l.event === 'job.failed');
    expect(line).toMatchObject({ level: 'error', job: 'kolada-sync', instanceId: 'en-instans', runId: failed!.id });
    // The sync itself recorded the failed fetch in the import list, as a sync from the command line does.
    expect((await readRepos(t.ctx).indicators.recentImports(1))[0]).toMatchObject({ status: 'failed' });
  });
});

describe.runIf(testDialects.includes('postgres'))('scheduled jobs on postgres with two instances', () => {
  let t: TestContext;
  let second: Storage;
  let server: KoladaReplayServer;
  let log: CapturedLogger;
  const clock = new TestClock('2026-11-30T02:14:55.000Z'); // Monday 03:14:55 in Stockholm (UTC+1)
  const instances: RunningJobs[] = [];

  /** Jobs pg-boss has created in the job's queue, all states: one per run asked for. */
  const queued = async (job: JobName) => {
    const table = sql.table(`${pgBossSchema(t.storage)}.job`);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${table} where name = ${job}`.execute(
      t.ctx.storage.db,
    );
    return rows[0]!.n;
  };

  beforeAll(async () => {
    t = await openTestContext('postgres');
    second = createDb(t.storage.url, { schema: TEST_SCHEMA, max: 4 });
    server = await startKoladaReplayServer();
    await followN00945(t.ctx, server);
    log = capturedLogger();
    const contexts = [t.ctx, createTestContext(second)];
    for (const [i, ctx] of contexts.entries()) {
      instances.push(
        await startJobs(ctx, {
          logger: log.logger,
          config: jobsConfig(t.storage, { KOLADA_BASE_URL: server.url }),
          instanceId: `instans-${i + 1}`,
          kolada: noWait,
          pgBoss: { clock, pollingIntervalSeconds: 5, cronMonitorIntervalSeconds: 10, cronWorkerIntervalSeconds: 5 },
        }),
      );
    }
  }, 60_000);
  afterAll(async () => {
    for (const jobs of instances) await jobs.stop();
    await second?.db.destroy();
    await server?.close();
    await t?.close();
  });

  /** Moves pg-boss's time to `from` and on by `ms`, firing its timers on the way. */
  const passTime = async (from: string, ms: number) => {
    await clock.setTime(from);
    await clock.tick(ms);
  };

  it('sends the nightly Kolada sync once at 03:15 and one instance runs it', async () => {
    expect(await queued('kolada-sync')).toBe(0);
    await clock.tick(25_000); // 03:14:55 → 03:15:20: a cron pass, the send and a poll
    const [run] = await untilFinished(t.ctx, 'kolada-sync');
    expect(run).toMatchObject({ outcome: 'ok', requestedBy: '' });
    expect(run!.message).toMatch(KOLADA_OK);
    expect(['instans-1', 'instans-2']).toContain(run!.instanceId);
    expect(await huddinge2020(t.ctx)).toMatchObject({ value: 42.5 });
    // Both instances' cron passes still see 03:15 as due for its minute: still one job, one run.
    await clock.tick(30_000);
    expect(await queued('kolada-sync')).toBe(1);
    expect(await finishedRuns(t.ctx, 'kolada-sync')).toHaveLength(1);
  });

  it('sends the reminders once at 07:00 on a weekday: skipped without e-mail, with the reason', async () => {
    await passTime('2026-11-30T05:59:55.000Z', 25_000);
    const [run] = await untilFinished(t.ctx, 'late-report-reminders');
    expect(run).toMatchObject({ outcome: 'skipped', message: NO_MAILER });
    await clock.tick(30_000);
    expect(await queued('late-report-reminders')).toBe(1);
    expect(await finishedRuns(t.ctx, 'late-report-reminders')).toHaveLength(1);
  });

  it('clears what has expired once at five past the hour', async () => {
    expect(await queued('clear-expired')).toBe(0);
    await passTime('2026-11-30T06:04:55.000Z', 25_000);
    const [run] = await untilFinished(t.ctx, 'clear-expired');
    expect(run).toMatchObject({ outcome: 'ok', message: 'Inget hade gått ut.' });
    await clock.tick(30_000);
    expect(await queued('clear-expired')).toBe(1);
    expect(await finishedRuns(t.ctx, 'clear-expired')).toHaveLength(1);
  });

  it('runs a job asked for with "Kör nu" once; a failing one is recorded as failed and logged', async () => {
    server.failNext(2, 500);
    const runtime = jobsRuntimeOf(second)!;
    expect(await runtime.runNow('kolada-sync', 'Test Testsson')).toBe('queued');
    // Asked again while it waits: the queue holds one, so nothing more is queued.
    expect(await jobsRuntimeOf(t.ctx.storage)!.runNow('kolada-sync', 'Test Testsson')).toBe('already');
    await clock.tick(6_000);
    const [failed] = await untilFinished(t.ctx, 'kolada-sync', 2);
    expect(failed).toMatchObject({ outcome: 'failed', requestedBy: 'Test Testsson' });
    expect(failed!.message).toMatch(/500/);
    expect(await queued('kolada-sync')).toBe(2);
    const line = log.lines().find((l) => l.event === 'job.failed');
    expect(line).toMatchObject({ level: 'error', job: 'kolada-sync', runId: failed!.id });
    expect(line!.instanceId).toBe(failed!.instanceId);
  });
});
