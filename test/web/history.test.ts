/**
 * The change history page in Chromium: reachable from the programme page, lists what changed, when
 * and by whom, newest first, with readable before/after behind a disclosure; zero axe violations
 * (with every disclosure open, so its content is checked too), no sideways scroll at 320 px.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { updateGoal, updateProgrammeFields } from '../../src/app/programmes/change-draft.js';
import { createDraft } from '../../src/app/programmes/create-draft.js';
import { getProgramme } from '../../src/app/programmes/get-programme.js';
import { goalsOf } from '../../src/domain/programme/programme.js';
import { ANONYMOUS_COOKIE, type TestApp } from '../support/app.js';
import { expectNoAxeViolations, expectNoHorizontalScroll, type RunningServer } from '../support/browser.js';
import { openBrowserApp, signedInTab, type BrowserApp } from '../support/browser-app.js';
import { testDialects } from '../support/databases.js';

describe.each(testDialects)('change history in Chromium (%s)', (dialect) => {
  let b: BrowserApp;
  let t: TestApp;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let slug: string;

  beforeAll(async () => {
    b = await openBrowserApp(dialect);
    ({ t, server } = b);
    // A draft with a history: created from sup-2035, renamed with a new vision, one goal's strategies rewritten.
    slug = (await createDraft(t.ctx, { from: 'sup-2035', name: 'Historikprov' })).slug;
    let p = (await getProgramme(t.ctx, slug)).programme;
    await updateProgrammeFields(t.ctx, slug, p.version, {
      name: 'Historikprov 2039',
      targetYear: '2039',
      validFromYear: '2027',
      validToYear: '2030',
      vision: 'Södertörn är\nen hållbar region',
      overarchingGoal: p.overarchingGoal,
      note: '',
    });
    p = (await getProgramme(t.ctx, slug)).programme;
    const goal = goalsOf(p)[0]!;
    await updateGoal(t.ctx, slug, p.version, goal.id, {
      focusAreaId: String(goal.focusAreaId),
      title: goal.title,
      description: goal.description,
      networkId: goal.networkId === null ? '' : String(goal.networkId),
      strategies: 'Bygga ut spårtrafiken\nSamordna planeringen',
      predecessorGoalIds: goal.predecessorGoalIds.map(String),
      statements: Object.fromEntries(Object.entries(goal.statements)),
    });
  });
  afterAll(() => b?.close());
  // The history is not public: the browser is signed in as the secretariat's administrator.
  beforeEach(async () => {
    ({ context, page } = await signedInTab(b, t.admin));
  });
  afterEach(() => context.close());

  async function open(path: string, status = 200): Promise<void> {
    const res = await page.goto(`${server.url}${path}`);
    expect(res?.status()).toBe(status);
  }

  const openAllDetails = () =>
    page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

  it('is linked from the programme page', async () => {
    await open('/program/sup-2035');
    await Promise.all([
      page.waitForURL('**/historik/program/sup-2035'),
      page.getByRole('link', { name: 'Ändringshistorik' }).click(),
    ]);
    expect(await page.locator('h1').innerText()).toBe('Ändringshistorik: Södertörns utvecklingsprogram 2035');
  });

  it('lists what changed, when and by whom, newest first', async () => {
    await open(`/historik/program/${slug}`);
    const entries = page.locator('.history > li');
    expect(await entries.count()).toBe(3);
    const summaries = await page.locator('.history-entry__summary').allInnerTexts();
    expect(summaries[0]).toMatch(/^Utkastet ”Historikprov 2039”: ändrade målet ”.+”\.$/);
    expect(summaries[1]).toBe(
      'Utkastet ”Historikprov 2039”: ändrade namn, målår, giltighetens första år, giltighetens sista år och vision.',
    );
    expect(summaries[2]).toBe('Skapade utkastet ”Historikprov” utifrån ”Södertörns utvecklingsprogram 2035”.');
    const meta = await entries.first().locator('.meta').innerText();
    // TEST_NOW is 10:00 UTC on 27 November: 11.00 in Stockholm.
    expect(meta).toContain('2026-11-27 kl. 11.00');
    expect(meta).toContain('Systemet (samverkan)');
    expect(await entries.first().locator('time').getAttribute('datetime')).toBe('2026-11-27T10:00:00.000Z');
  });

  it('shows only the changed fields, before and after, behind a disclosure opened by keyboard', async () => {
    await open(`/historik/program/${slug}`);
    const fields = page.locator('.history > li').nth(1);
    const details = fields.locator('dl.changes');
    expect(await details.isVisible()).toBe(false);
    await fields.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await details.isVisible()).toBe(true);
    expect(await details.locator('dt').allInnerTexts()).toEqual([
      'Namn',
      'Målår',
      'Giltighetens första år',
      'Giltighetens sista år',
      'Vision',
    ]);
    const vision = await details.locator('dd').nth(4).innerText();
    expect(vision).toContain('Före:');
    expect(vision).toContain('Efter: Södertörn är\nen hållbar region');

    const goal = page.locator('.history > li').first();
    await goal.locator('summary').click();
    const strategies = goal.locator('dd').first();
    expect(await goal.locator('dt').first().innerText()).toMatch(/^Målet ”.+”: strategier$/);
    expect(await strategies.locator('li').allInnerTexts()).toContain('Bygga ut spårtrafiken');
  });

  it('has zero axe violations with every disclosure open, and reflows at 320 px', async () => {
    await open(`/historik/program/${slug}`);
    await openAllDetails();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });

  it('lists an adopted programme together with the decisions on it', async () => {
    await open('/historik/program/sup-2035');
    const summaries = await page.locator('.history-entry__summary').allInnerTexts();
    expect(summaries).toHaveLength(9);
    expect(summaries.at(-1)).toBe('Läste in programmet ”Södertörns utvecklingsprogram 2035” från demodata.');
    expect(summaries.filter((s) => s.startsWith('Registrerade beslut om'))).toHaveLength(8);
    expect(summaries).toContain(
      'Registrerade beslut om ”Södertörns utvecklingsprogram 2035”: Kommunstyrelsen i Botkyrka – antaget, senast 2019-10-11.',
    );
    await openAllDetails();
    expect(await page.locator('main').innerText()).toContain('Senast det datumet');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });

  it('is not shown to the public', async () => {
    const res = await t.app.request(`http://localhost/historik/program/${slug}`, {
      headers: { Cookie: ANONYMOUS_COOKIE },
    });
    expect(res.status).not.toBe(200);
    expect(await res.text()).not.toContain('Historikprov');
  });

  it('answers 404 for a programme that does not exist', async () => {
    await open('/historik/program/finns-inte', 404);
    await expectNoAxeViolations(page);
  });
});
