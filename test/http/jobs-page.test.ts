/**
 * /admin/jobb through the real app on both databases, with the jobs running (pg-boss on PostgreSQL, in
 * process on SQLite): each job with its schedule in words, next run, last run and failures; "Kör nu"
 * queues one run (Post/Redirect/Get, audited) that an instance runs; only the secretariat gets in; without
 * jobs on the instance "Kör nu" is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { startJobs, type RunningJobs } from '../../src/jobs/start-jobs.js';
import { ANONYMOUS_COOKIE, openTestApp, postForm, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';
import { capturedLogger, jobsConfig, untilFinished } from '../support/jobs.js';
import type { TestSession } from '../support/sessions.js';

/** The page's text without markup, entities decoded, white space as one space. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe.each(testDialects)('the jobs page on %s', (dialect) => {
  let t: TestApp;
  let officer: TestSession;
  let reader: TestSession;
  let jobs: RunningJobs | undefined;

  const get = (path: string, as?: TestSession | null) =>
    t.app.request(`http://localhost${path}`, {
      headers: { Cookie: as === undefined ? t.admin.cookie : as === null ? ANONYMOUS_COOKIE : as.cookie },
    });
  const pageText = async (path = '/admin/jobb') => {
    const res = await get(path);
    expect(res.status).toBe(200);
    return textOf(await res.text());
  };
  const requestEvents = async () =>
    (await readRepos(t.ctx).audit.list({ entityType: 'job', entityId: 'clear-expired' })).filter(
      (e) => e.action === 'job.run_requested',
    );

  beforeAll(async () => {
    t = await openTestApp(dialect);
    officer = await t.session('member_officer', { member: '0127' });
    reader = await t.session('reader');
    jobs = await startJobs(t.ctx, {
      logger: capturedLogger().logger,
      config: jobsConfig(t.storage),
      instanceId: 'webbinstansen',
      pgBoss: { pollingIntervalSeconds: 0.5 },
    });
  });
  afterAll(async () => {
    await jobs?.stop();
    await t?.close();
  });

  it('lists each job: what it does, its schedule in words, its next run, and that it has not run yet', async () => {
    const text = await pageText();
    expect(text).toContain('Schemalagda jobb');
    expect(text).toContain(dialect === 'postgres' ? 'pg-boss' : 'SQLite, en instans: webbinstansen');
    // The test clock is Friday 2026-11-27 11.00 in Stockholm.
    expect(text).toContain(
      'Hämta nyckeltal från Kolada Varje dag kl. 03.15 (svensk tid). Har inte körts än 2026-11-28 kl. 03.15',
    );
    expect(text).toContain(
      'Påminnelser om sena rapporter Vardagar (måndag–fredag) kl. 07.00 (svensk tid). Har inte körts än 2026-11-30 kl. 07.00',
    );
    expect(text).toContain(
      'Rensa det som gått ut Varje timme, 5 minuter över hel timme. Har inte körts än 2026-11-27 kl. 11.05',
    );
    expect(text).toContain('Hämtar de senaste värdena från Kolada för de nyckeltal som följs');
    expect(text).toContain('Inga misslyckade körningar finns kvar i listan.');
  });

  it('shows the last run and the recent failures with their messages and instance', async () => {
    const repos = readRepos(t.ctx);
    const id = await repos.jobRuns.start({
      job: 'kolada-sync',
      startedAt: '2026-11-27T02:15:00.000Z',
      instanceId: 'värd-a:4711',
    });
    await repos.jobRuns.finish(id, {
      finishedAt: '2026-11-27T02:15:12.000Z',
      outcome: 'failed',
      message: 'Koladas API kunde inte nås.',
      durationMs: 12_000,
    });
    const text = await pageText();
    expect(text).toContain(
      'Senaste körning 2026-11-27 kl. 03.15 Misslyckades på 12 s Koladas API kunde inte nås. Schemat, instans värd-a:4711',
    );
    expect(text).toContain(
      'Misslyckade körningar: Hämta nyckeltal från Kolada Startade Utfall Tid Vad som hände Startad av Instans ' +
        '2026-11-27 kl. 03.15 Misslyckades 12 s Koladas API kunde inte nås. Schemat värd-a:4711',
    );
  });

  it('"Kör nu" queues one run, which an instance runs and the page then shows; the request is audited', async () => {
    const res = await postForm(t.app, '/admin/jobb', { jobb: 'clear-expired' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/jobb?begart=clear-expired');
    const [run] = (await untilFinished(t.ctx, 'clear-expired')).filter((r) => r.requestedBy !== '');
    expect(run).toMatchObject({ outcome: 'ok', instanceId: 'webbinstansen' });
    expect(run!.requestedBy).toMatch(/^Test admin/);
    const text = await pageText('/admin/jobb?begart=clear-expired');
    expect(text).toContain('”Rensa det som gått ut” körs strax. Ladda om sidan för att se hur det gick.');
    expect(text).toContain(`Klart på`);
    expect(text).toContain(`Kör nu: ${run!.requestedBy}, instans webbinstansen`);
    const [event] = await requestEvents();
    expect(event).toMatchObject({
      actorKind: 'user',
      actorName: run!.requestedBy,
      summary: 'Begärde en körning nu av jobbet ”Rensa det som gått ut”.',
    });
  });

  it('is linked from an administrator’s account page, and not from a member officer’s', async () => {
    expect(await (await get('/konto')).text()).toContain('href="/admin/jobb"');
    expect(await (await get('/konto', officer)).text()).not.toContain('href="/admin/jobb"');
  });

  it('refuses anyone but the secretariat, and a post without the form’s security code', async () => {
    const runs = async () => (await readRepos(t.ctx).jobRuns.recent('clear-expired', 50)).length;
    const before = { runs: await runs(), events: (await requestEvents()).length };
    expect((await get('/admin/jobb', officer)).status).toBe(403);
    expect((await get('/admin/jobb', reader)).status).toBe(403);
    // Signed out, a page sends the visitor to sign in first.
    const signedOut = await get('/admin/jobb', null);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toMatch(/^\/logga-in/);
    expect((await postForm(t.app, '/admin/jobb', { jobb: 'clear-expired' }, officer)).status).toBe(403);
    expect((await postForm(t.app, '/admin/jobb', { jobb: 'clear-expired' }, null)).status).toBe(401);
    expect((await postForm(t.app, '/admin/jobb', { jobb: 'clear-expired', _csrf: 'fel' })).status).toBe(403);
    expect((await postForm(t.app, '/admin/jobb', { jobb: 'finns-inte' })).status).toBe(404);
    expect({ runs: await runs(), events: (await requestEvents()).length }).toEqual(before);
  });

  it('without jobs on this instance says so, and refuses "Kör nu"', async () => {
    await jobs!.stop();
    jobs = undefined;
    const text = await pageText();
    expect(text).toContain('Den här instansen kör inga schemalagda jobb (JOBS=off).');
    expect(text).toContain('Körs inte av den här instansen (JOBS=off).');
    const res = await postForm(t.app, '/admin/jobb', { jobb: 'clear-expired' });
    expect(res.status).toBe(409);
    expect(textOf(await res.text())).toContain(
      'Den här instansen kör inga schemalagda jobb (JOBS=off), så inget kördes.',
    );
  });
});
