/**
 * The plan pages in Chromium on the real app: zero axe violations (WCAG 2.1 A/AA) and no sideways
 * scroll at 320 px on every template and its error state — and, in Swedish, a network member writes
 * next year's plan from last year's while a member of another network is refused.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import type { Plan } from '../../src/domain/plans/plan.js';
import { openTestApp, type TestApp } from '../support/app.js';
import {
  launchBrowser,
  signIn,
  startServer,
  type RunningServer,
  submitExpecting,
  expectAccessible as expectPageAccessible,
  errorSummaryLinks,
} from '../support/browser.js';
import { testDialects } from '../support/databases.js';
import type { TestSession } from '../support/sessions.js';
import { makeActivity, makePlan, makeRound, oldProgrammeGoal, planGoals, report } from '../support/plans.js';

describe.each(testDialects)('plan pages in Chromium (%s)', (dialect) => {
  let t: TestApp;
  let browser: Browser;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    t = await openTestApp(dialect);
    [browser, server] = await Promise.all([launchBrowser(), startServer(t.app)]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
  });
  afterEach(() => context?.close());

  /** A fresh browser context signed in as `session` (signed out when null). */
  async function as(session: TestSession | null): Promise<void> {
    context = await browser.newContext();
    if (session) await signIn(context, server.url, session);
    page = await context.newPage();
  }

  async function open(path: string, status = 200): Promise<void> {
    const res = await page.goto(`${server.url}${path}`);
    expect(res?.status(), path).toBe(status);
  }

  const submit = (form: string, status: number) =>
    submitExpecting(page, page.locator(`main form${form} button[type="submit"]`).first(), status);

  const expectAccessible = () => expectPageAccessible(page);

  const summaryLinks = () => errorSummaryLinks(page);
  const mainText = () => page.locator('main').innerText();

  it('list, example plan and new-plan form with its error state', { timeout: 120_000 }, async () => {
    await as(null);
    await open('/planer');
    await expectAccessible();
    await as(t.admin);
    await open('/planer');
    await expectAccessible();
    // A plan marked as an example says so on its page.
    const example = await makePlan(t.ctx, { networkKey: 'etablering-sodertorn', year: 2025, isExample: true });
    await makeActivity(t.ctx, example);
    await open(`/planer/${example.id}`);
    await expect(mainText()).resolves.toContain(
      'Exempel: planen är påhittad för att visa tjänsten; den är inte samverkans verkliga plan.',
    );
    await expectAccessible();

    await Promise.all([
      page.waitForURL(/\/planer$/),
      page.getByRole('link', { name: 'Planer', exact: true }).first().click(),
    ]);
    await Promise.all([page.waitForURL(/\/planer\/ny$/), page.getByRole('link', { name: 'Ny plan' }).click()]);
    await expectAccessible();
    await page.selectOption('#year', '2027');
    await submit('', 422);
    expect(await summaryLinks()).toEqual(['#networkId', '#title']);
    await expect(page.inputValue('#year')).resolves.toBe('2027');
    await expectAccessible();
  });

  it('plan page, edit form with error and conflict, action plan form', { timeout: 120_000 }, async () => {
    const plan = await makePlan(t.ctx, { networkKey: 'naringslivschefer', year: 2027, state: 'draft' });
    await makeActivity(t.ctx, plan);
    await as(t.admin);
    await open(`/planer/${plan.id}`);
    await expectAccessible();

    await open(`/planer/${plan.id}/redigera`);
    await expectAccessible();
    await page.fill('#title', '');
    await submit('', 422);
    expect(await summaryLinks()).toEqual(['#title']);
    await expectAccessible();
    // Someone else saves first: nothing is saved, and the stored texts are shown.
    await readRepos(t.ctx).plans.updatePlan(
      plan.id,
      { title: 'Ändrad av någon annan', summary: '' },
      plan.version,
      '2026-11-27T10:00:00Z',
    );
    await page.fill('#title', 'Min rubrik');
    await submit('', 409);
    await expect(mainText()).resolves.toContain('Ändringen sparades inte');
    await expect(mainText()).resolves.toContain('Ändrad av någon annan');
    await expect(page.inputValue('#title')).resolves.toBe('Min rubrik');
    await expectAccessible();

    await open(`/planer/${plan.id}/handlingsplaner/ny`);
    await expectAccessible();
    await submit('', 422);
    expect(await summaryLinks()).toEqual(['#title']);
    await expectAccessible();
  });

  it(
    'activity form with its error state, the edit form and the removal with its refusal',
    { timeout: 120_000 },
    async () => {
      const plan = await makePlan(t.ctx, { networkKey: 'yh-natverket', year: 2027, state: 'draft' });
      await as(t.admin);
      await open(`/planer/${plan.id}/aktiviteter/ny`);
      await expectAccessible();
      await page.fill('#title', 'Kompetensråd');
      await page.fill('#budgetKr', 'tusen');
      await page.check('#climateEffect'); // reduces, without a justification
      await submit('', 422);
      expect(await summaryLinks()).toEqual([
        '#goalIds',
        '#ownerName',
        '#budgetKr',
        '#climateJustification',
        '#dimension',
      ]);
      await expect(page.inputValue('#title')).resolves.toBe('Kompetensråd');
      await expect(page.isChecked('#climateEffect')).resolves.toBe(true);
      await expectAccessible();
      await page.locator('#felsammanfattning a[href="#goalIds"]').click();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('goalIds');

      const activity = await makeActivity(t.ctx, plan, { title: 'Rapporterad aktivitet' });
      await open(`/planer/${plan.id}/aktiviteter/${activity.id}/redigera`);
      await expect(page.inputValue('#budgetKr')).resolves.toBe('250\u00a0000');
      await expectAccessible();
      // Someone else saves the activity first: the form comes back with what this person wrote (409).
      await readRepos(t.ctx).plans.updateActivity(
        activity.id,
        { ...activity, title: 'Omdöpt av en kollega' },
        activity.version,
        new Date().toISOString(),
      );
      await page.fill('#title', 'Mitt eget namn');
      await submit('', 409);
      expect(await summaryLinks()).toEqual(['#senast-sparat']);
      await expect(page.inputValue('#title')).resolves.toBe('Mitt eget namn');
      await expect(page.locator('#senast-sparat').innerText()).resolves.toContain('Omdöpt av en kollega');
      await expectAccessible();
      await open(`/planer/${plan.id}/aktiviteter/${activity.id}/ta-bort`);
      await expectAccessible();
      await report(t.ctx, activity, await makeRound(t.ctx, 2027, { dueDate: '2027-05-15' }), 20);
      await submit('', 409);
      await expect(mainText()).resolves.toContain('Aktiviteten togs inte bort');
      await expectAccessible();
    },
  );

  it(
    'submission refused, then submitted, and the decision form with its error state',
    { timeout: 120_000 },
    async () => {
      const plan = await makePlan(t.ctx, { networkKey: 'klimatstrateger', year: 2027, state: 'draft' });
      await as(t.admin);
      await open(`/planer/${plan.id}`);
      await submit(`[action="/planer/${plan.id}/lamna-in"]`, 422);
      await expect(mainText()).resolves.toContain('Planen lämnades inte in');
      await expectAccessible();
      await makeActivity(t.ctx, plan);
      await submit(`[action="/planer/${plan.id}/lamna-in"]`, 303);
      await expect(page.getByRole('status').textContent()).resolves.toBe('Planen är inlämnad till samarbetskommittén.');

      await Promise.all([
        page.waitForURL(/\/beslut$/),
        page.getByRole('link', { name: 'Registrera kommitténs beslut' }).click(),
      ]);
      await expectAccessible();
      await page.check('#outcome');
      await page.fill('#date', '2030-01-01');
      await submit('', 422);
      expect(await summaryLinks()).toEqual(['#date']);
      await expectAccessible();
      await page.fill('#date', '2026-11-20');
      await submit('', 303);
      await expect(mainText()).resolves.toContain('Antagen av samarbetskommittén');
    },
  );

  it(
    'a network member writes next year’s plan from last year’s; another network’s member is refused',
    { timeout: 180_000 },
    async () => {
      const source: Plan = await makePlan(t.ctx, {
        networkKey: 'planeringschefer',
        year: 2027,
        title: 'Verksamhetsplan 2027 för planeringscheferna',
      });
      const goals = await planGoals(t.ctx);
      const goingOn = await makeActivity(t.ctx, source, { title: 'Regional cykelplan' });
      const done = await makeActivity(t.ctx, source, { title: 'Stationsnära bebyggelse' });
      const orphan = await makeActivity(t.ctx, source, {
        title: 'Äldre tillgänglighetsmål',
        goalIds: [(await oldProgrammeGoal(t.ctx)).id],
        strategyIds: [],
      });
      const round = await makeRound(t.ctx, 2027, { dueDate: '2027-09-15' });
      await report(t.ctx, goingOn, round, 60);
      await report(t.ctx, done, round, 100);
      await report(t.ctx, orphan, round, 10);

      const member = await t.session('network_member', { network: 'planeringschefer' });
      await as(member);
      await open('/planer?natverk=planeringschefer&ar=2027');
      await Promise.all([
        page.waitForURL(new RegExp(`/planer/${source.id}$`)),
        page.getByRole('link', { name: 'Verksamhetsplan 2027 för planeringscheferna' }).click(),
      ]);
      await expect(mainText()).resolves.toContain('Skapar ett utkast för 2028');
      await submit(`[action="/planer/${source.id}/kopiera"]`, 303);
      await page.waitForURL(/\?sparat=kopierad$/);
      await expect(page.locator('h1').textContent()).resolves.toBe('Verksamhetsplan 2028 för planeringscheferna');
      const text = await mainText();
      expect(text).toContain('Nästa års plan är skapad som utkast.');
      expect(text).toContain('Regional cykelplan');
      expect(text).toContain('Äldre tillgänglighetsmål');
      expect(text).not.toContain('Stationsnära bebyggelse');
      await expect(page.getByRole('link', { name: 'Överförd från 2027' }).count()).resolves.toBe(2);
      await expectAccessible();
      const copyUrl = page.url().replace(/\?.*$/, '');

      // The activity whose goal the programme no longer has: choose one.
      await Promise.all([
        page.waitForURL(/\/redigera$/),
        page.getByRole('link', { name: 'Välj mål för Äldre tillgänglighetsmål' }).click(),
      ]);
      await expectAccessible();
      await page.check(`input[name="goalIds"][value="${goals[0]!.id}"]`);
      await submit('', 303);
      await expect(page.getByRole('status').textContent()).resolves.toBe('Aktiviteten är sparad.');
      await expect(page.getByRole('link', { name: /^Välj mål/ }).count()).resolves.toBe(0);

      // A new activity for the new year.
      await Promise.all([
        page.waitForURL(/\/aktiviteter\/ny$/),
        page.getByRole('link', { name: 'Lägg till aktivitet' }).click(),
      ]);
      await page.fill('#title', 'Gemensam mobilitetsanalys');
      await page.check(`input[name="goalIds"][value="${goals[0]!.id}"]`);
      await page.fill('#ownerName', 'Planeringschefen i Tyresö');
      await page.fill('#budgetKr', '450 000');
      await page.check('#climateEffect');
      await page.fill('#climateJustification', 'Färre bilresor.');
      await page.check('#dimension');
      await submit('', 303);
      await expect(page.getByRole('status').textContent()).resolves.toBe('Aktiviteten är tillagd.');
      await expect(mainText()).resolves.toContain('450\u00a0000\u00a0kr');

      // A member of another network sees the plan but cannot write it.
      const outsider = await t.session('network_member', { network: 'klimatstrateger' });
      await context.close();
      await as(outsider);
      await open(copyUrl.replace(server.url, ''));
      await expect(page.getByRole('link', { name: 'Lägg till aktivitet' }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: 'Skapa nästa års plan från denna' }).count()).resolves.toBe(0);
      await open(`${copyUrl.replace(server.url, '')}/aktiviteter/ny`, 403);
      await expect(mainText()).resolves.toContain('Du har inte behörighet att göra det här.');
      await expectAccessible();
    },
  );
});
