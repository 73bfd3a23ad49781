/**
 * The jobs page in Chromium, with the jobs running: as it is before any run, with a failed run and one
 * under way listed, after "Kör nu" (the button posts the form with its security code, the page that
 * follows says the run is coming), and when "Kör nu" is refused — zero axe violations (WCAG 2.1 A/AA) and
 * no sideways scroll at 320 px on each.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { startJobs, type RunningJobs } from '../../src/jobs/start-jobs.js';
import { expectAccessible, submitExpecting } from '../support/browser.js';
import { openBrowserApp, signedInTab, type BrowserApp } from '../support/browser-app.js';
import { testDialects } from '../support/databases.js';
import { capturedLogger, jobsConfig, untilFinished } from '../support/jobs.js';

describe.each(testDialects)('the jobs page in Chromium (%s)', (dialect) => {
  let b: BrowserApp;
  let jobs: RunningJobs | undefined;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    b = await openBrowserApp(dialect);
    jobs = await startJobs(b.t.ctx, {
      logger: capturedLogger().logger,
      config: jobsConfig(b.t.storage, { KOLADA_SYNC_SCHEDULE: 'off' }),
      instanceId: 'webbläsarinstansen',
      pgBoss: { pollingIntervalSeconds: 0.5 },
    });
  }, 120_000);
  afterAll(async () => {
    await jobs?.stop();
    await b?.close();
  });
  beforeEach(async () => {
    ({ context, page } = await signedInTab(b, b.t.admin));
  });
  afterEach(() => context.close());

  const open = async (path = '/admin/jobb', status = 200) => {
    const res = await page.goto(`${b.server.url}${path}`);
    expect(res?.status()).toBe(status);
  };
  const main = () => page.locator('main');
  /** Its visible text is "Kör nu"; the job's name follows for screen readers. */
  const runNowButton = () => main().getByRole('button', { name: /^Kör nu\W+Rensa det som gått ut$/ });

  it('before any run', async () => {
    await open();
    expect(await main().getByRole('heading', { level: 1 }).innerText()).toBe('Schemalagda jobb');
    expect(await main().innerText()).toContain('Avstängt: körs bara när någon väljer Kör nu.');
    await expectAccessible(page);
  });

  it('with a failed run and one under way', async () => {
    const repos = readRepos(b.t.ctx);
    const failed = await repos.jobRuns.start({
      job: 'kolada-sync',
      startedAt: '2026-11-27T02:15:00.000Z',
      instanceId: 'värd-a:4711',
    });
    await repos.jobRuns.finish(failed, {
      finishedAt: '2026-11-27T02:15:31.000Z',
      outcome: 'failed',
      message: 'Koladas API kunde inte nås: https://api.kolada.se/v3/data/kpi/N00945 svarade 503.',
      durationMs: 31_000,
    });
    await repos.jobRuns.start({ job: 'late-report-reminders', startedAt: '2026-11-27T06:00:00.000Z', instanceId: 'b' });
    await open();
    expect(await main().innerText()).toContain('Misslyckades');
    expect(await main().innerText()).toContain('Pågår');
    await expectAccessible(page);
  });

  it('after "Kör nu", and once the run is done', async () => {
    await open();
    await submitExpecting(page, runNowButton(), 303);
    expect(new URL(page.url()).search).toBe('?begart=clear-expired');
    expect(await main().getByRole('status').innerText()).toContain('”Rensa det som gått ut” körs strax.');
    await expectAccessible(page);
    await untilFinished(b.t.ctx, 'clear-expired');
    await page.reload();
    expect(await main().innerText()).toContain('Klart');
    await expectAccessible(page);
  });

  it('when "Kör nu" is refused (no jobs on this instance)', async () => {
    await jobs!.stop();
    jobs = undefined;
    await open();
    await submitExpecting(page, runNowButton(), 409);
    expect(await main().getByRole('alert').innerText()).toContain('JOBS=off');
    await expectAccessible(page);
  });
});
