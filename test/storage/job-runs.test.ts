/**
 * Migration 0013 (job_runs) and the job-run repository on both databases: a run is written when it
 * starts (no outcome yet) and completed when it ends; the latest come first, failures can be asked for
 * alone, and only finished runs are ever cleared away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositories, type Repositories } from '../../src/app/context.js';
import { migrateToLatest } from '../../src/storage/migrations/index.js';
import { openTestStorage, testDialects, type TestStorage } from '../support/databases.js';

describe.each(testDialects)('job runs on %s', (dialect) => {
  let storage: TestStorage;
  let repos: Repositories;

  beforeAll(async () => {
    storage = await openTestStorage(dialect, { upTo: '0012_english_texts' });
    repos = repositories(storage.db, storage.dialect);
  });
  afterAll(() => storage?.close());

  it('migration 0013 adds the table, empty', async () => {
    expect(await migrateToLatest(storage)).toContain('0013_job_runs');
    expect(await storage.db.selectFrom('job_runs').selectAll().execute()).toEqual([]);
  });

  it('records a run when it starts and completes it when it ends', async () => {
    const id = await repos.jobRuns.start({
      job: 'kolada-sync',
      startedAt: '2026-11-27T02:15:00.000Z',
      instanceId: 'värd-1:100',
    });
    expect(await repos.jobRuns.recent('kolada-sync', 5)).toEqual([
      {
        id,
        job: 'kolada-sync',
        startedAt: '2026-11-27T02:15:00.000Z',
        finishedAt: null,
        outcome: null,
        message: '',
        instanceId: 'värd-1:100',
        durationMs: null,
        requestedBy: '',
      },
    ]);
    await repos.jobRuns.finish(id, {
      finishedAt: '2026-11-27T02:15:04.500Z',
      outcome: 'failed',
      message: 'Koladas API kunde inte nås.',
      durationMs: 4500.4,
    });
    expect((await repos.jobRuns.recent('kolada-sync', 5))[0]).toMatchObject({
      finishedAt: '2026-11-27T02:15:04.500Z',
      outcome: 'failed',
      message: 'Koladas API kunde inte nås.',
      durationMs: 4500,
    });
  });

  it('lists the latest first, per job, and the failures alone when asked', async () => {
    const run = async (job: 'kolada-sync' | 'clear-expired', startedAt: string, outcome: 'ok' | 'failed') => {
      const id = await repos.jobRuns.start({ job, startedAt, instanceId: 'värd-2:200', requestedBy: 'Anna Admin' });
      await repos.jobRuns.finish(id, { finishedAt: startedAt, outcome, message: outcome, durationMs: 1 });
      return id;
    };
    await run('kolada-sync', '2026-11-28T02:15:00.000Z', 'ok');
    await run('kolada-sync', '2026-11-29T02:15:00.000Z', 'failed');
    await run('clear-expired', '2026-11-29T03:05:00.000Z', 'ok');
    const recent = await repos.jobRuns.recent('kolada-sync', 2);
    expect(recent.map((r) => [r.startedAt, r.outcome, r.requestedBy])).toEqual([
      ['2026-11-29T02:15:00.000Z', 'failed', 'Anna Admin'],
      ['2026-11-28T02:15:00.000Z', 'ok', 'Anna Admin'],
    ]);
    const failures = await repos.jobRuns.recent('kolada-sync', 5, 'failed');
    expect(failures.map((r) => r.startedAt)).toEqual(['2026-11-29T02:15:00.000Z', '2026-11-27T02:15:00.000Z']);
    expect(await repos.jobRuns.recent('late-report-reminders', 5)).toEqual([]);
  });

  it('clears finished runs before a time, never one under way', async () => {
    await repos.jobRuns.start({ job: 'clear-expired', startedAt: '2026-01-01T00:00:00.000Z', instanceId: 'x' });
    expect(await repos.jobRuns.removeFinishedBefore('2026-11-29T00:00:00.000Z')).toBe(2);
    const left = await storage.db.selectFrom('job_runs').select(['started_at', 'finished_at']).orderBy('id').execute();
    expect(left).toEqual([
      { started_at: '2026-11-29T02:15:00.000Z', finished_at: '2026-11-29T02:15:00.000Z' },
      { started_at: '2026-11-29T03:05:00.000Z', finished_at: '2026-11-29T03:05:00.000Z' },
      { started_at: '2026-01-01T00:00:00.000Z', finished_at: null },
    ]);
  });
});
