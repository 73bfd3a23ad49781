/**
 * The issue's whole cycle in Chromium, in Swedish, on the demo: a member of the planning chiefs' network
 * reports a round on this year's plan, sees the goal's roll-up change on the goal page, and writes next
 * year's plan from this year's (unfinished activities carried over and marked). A member of another
 * network can do none of it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import type { Activity, Plan } from '../../src/domain/plans/plan.js';
import { openTestApp, postForm, type TestApp } from '../support/app.js';
import { expectNoAxeViolations, launchBrowser, signIn, startServer, type RunningServer } from '../support/browser.js';
import { testDialects } from '../support/databases.js';
import type { TestSession } from '../support/sessions.js';

describe.each(testDialects)('the plan cycle in Chromium (%s)', (dialect) => {
  let t: TestApp;
  let browser: Browser;
  let server: RunningServer;
  let plan: Plan;
  /** The demo activity whose tertial-2 report is missing (late). */
  let late: Activity;
  let goalId: number;
  let tertial2Id: number;
  let member: TestSession;
  let foreigner: TestSession;

  beforeAll(async () => {
    t = await openTestApp(dialect);
    [browser, server] = await Promise.all([launchBrowser(), startServer(t.app)]);
    const repos = readRepos(t.ctx);
    const collaborationId = (await repos.collaboration.first())!.id;
    const network = (await repos.collaboration.networks(collaborationId)).find((n) => n.key === 'planeringschefer')!;
    plan = (await repos.plans.plans({ collaborationId, networkId: network.id, year: 2026 })).find(
      (p) => p.kind === 'operational',
    )!;
    const tertial2 = (await repos.followUp.rounds(collaborationId, 2026)).find((r) => r.name === 'Tertial 2')!;
    tertial2Id = tertial2.id;
    const activities = await repos.plans.activitiesOf([plan.id]);
    const reports = await repos.followUp.reportsFor(activities.map((a) => a.id));
    late = activities.find((a) => !reports.some((r) => r.activityId === a.id && r.roundId === tertial2.id))!;
    goalId = late.goalIds[0]!;
    member = await t.session('network_member', { network: 'planeringschefer' });
    foreigner = await t.session('network_member', { network: 'klimatstrateger' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
  });

  async function pageAs(session: TestSession): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.newContext();
    await signIn(context, server.url, session);
    return { page: await context.newPage(), context };
  }

  /** The goal page's roll-up row for 2026: counts by status, progress and coverage, as shown. */
  const goalFigures = (page: Page) =>
    page.locator('table:has(caption:has-text("viktade framsteg 2026")) tbody tr').first().innerText();

  it(
    'a member reports a round, sees the goal roll-up change, and writes next year’s plan',
    { timeout: 180_000 },
    async () => {
      const { page, context } = await pageAs(member);
      try {
        await page.goto(`${server.url}/mal/${goalId}`);
        expect(await page.locator('h2#aktiviteter-i-planerna').innerText()).toBe(
          'Aktiviteter i chefsnätverkens planer',
        );
        const before = await goalFigures(page);

        // The plan page, and its report link for the late activity.
        await page.goto(`${server.url}/planer`);
        await page.getByRole('link', { name: plan.title }).click();
        expect(await page.locator('h1').innerText()).toBe(plan.title);
        await page.locator(`a[href="/planer/${plan.id}/aktiviteter/${late.id}/rapport"]`).first().click();
        expect(await page.locator('h1').innerText()).toContain('Rapportera');
        await page.locator('#roundId').selectOption(String(tertial2Id));
        await page.getByLabel('Röd – avviker från plan').check();
        await page.locator('#progress').fill('5');
        await page.locator('#comment').fill('Försenat: upphandlingen har överklagats.');
        await expectNoAxeViolations(page);
        await Promise.all([
          page.waitForURL(new RegExp(`/planer/${plan.id}\\?sparat=rapport`)),
          page.locator('main form button[type="submit"]').click(),
        ]);
        expect(await page.locator('main').innerText()).toContain('Försenat: upphandlingen har överklagats.');

        // The goal's roll-up has changed: one more red report, a different weighted progress.
        await page.goto(`${server.url}/mal/${goalId}`);
        const after = await goalFigures(page);
        expect(after).not.toEqual(before);
        const activityRow = page.locator(
          `table:has(caption:has-text("som tjänar målet")) tr:has-text("${late.title}")`,
        );
        expect(await activityRow.innerText()).toContain('Röd');
        expect(await activityRow.innerText()).toContain('5\u00a0%');
        await expectNoAxeViolations(page);

        // Next year's plan from this year's: the unfinished activities come along, marked.
        await page.goto(`${server.url}/planer/${plan.id}`);
        await Promise.all([
          page.waitForURL(/\/planer\/\d+\?sparat=kopierad/),
          page.getByRole('button', { name: 'Skapa nästa års plan från denna' }).click(),
        ]);
        expect(await page.locator('h1').innerText()).toContain('2027');
        expect(await page.locator('main').innerText()).toContain('Utkast');
        expect(await page.locator('main').innerText()).toContain('Överförd från 2026');
        expect(await page.locator('main').innerText()).toContain(late.title);
        await expectNoAxeViolations(page);
      } finally {
        await context.close();
      }
    },
  );

  it('a member of another network neither reports nor copies the plan', { timeout: 120_000 }, async () => {
    const { page, context } = await pageAs(foreigner);
    try {
      await page.goto(`${server.url}/planer/${plan.id}`);
      expect(await page.locator('h1').innerText()).toBe(plan.title);
      expect(await page.locator('main a:has-text("Rapportera")').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Skapa nästa års plan från denna' }).count()).toBe(0);
      const form = await page.goto(`${server.url}/planer/${plan.id}/aktiviteter/${late.id}/rapport`);
      expect(form?.status()).toBe(403);
      expect(await page.locator('main').innerText()).toContain('Du har inte behörighet');
    } finally {
      await context.close();
    }
    const before = await readRepos(t.ctx).followUp.reportsFor([late.id]);
    const refused = await postForm(
      t.app,
      `/planer/${plan.id}/aktiviteter/${late.id}/rapport`,
      { roundId: String(before[0]!.roundId), status: 'green', progress: '100', comment: '' },
      foreigner,
    );
    expect(refused.status).toBe(403);
    expect(await readRepos(t.ctx).followUp.reportsFor([late.id])).toEqual(before);
    expect((await postForm(t.app, `/planer/${plan.id}/kopiera`, {}, foreigner)).status).toBe(403);
  });
});
