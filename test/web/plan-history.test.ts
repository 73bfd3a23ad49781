/**
 * A plan's change history in Chromium: reachable from the plan page, a removed activity marked as
 * removed, the changed fields behind a disclosure opened by keyboard; zero axe violations (WCAG 2.1 AA)
 * with every disclosure open, no sideways scroll at 320 px.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestApp } from '../support/app.js';
import { expectNoAxeViolations, expectNoHorizontalScroll, type RunningServer } from '../support/browser.js';
import { openBrowserApp, signedInTab, type BrowserApp } from '../support/browser-app.js';
import { testDialects } from '../support/databases.js';
import { makePlanWithHistory, type PlanWithHistory } from '../support/plan-history.js';

describe.each(testDialects)('plan history in Chromium (%s)', (dialect) => {
  let b: BrowserApp;
  let t: TestApp;
  let h: PlanWithHistory;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    b = await openBrowserApp(dialect);
    ({ t, server } = b);
    h = await makePlanWithHistory(t.ctx);
  }, 120_000);
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

  it('is linked from the plan page', async () => {
    await open(`/planer/${h.plan.id}`);
    await Promise.all([
      page.waitForURL(`**/historik/plan/${h.plan.id}`),
      page.getByRole('link', { name: 'Ändringshistorik' }).click(),
    ]);
    expect(await page.locator('h1').innerText()).toBe('Ändringshistorik: Klimatplan 2027 för Södertörn');
  });

  it('marks the removed activity and opens an edit’s before and after by keyboard', async () => {
    await open(`/historik/plan/${h.plan.id}`);
    const entries = page.locator('.history > li');
    expect(await entries.count()).toBe(11);
    const removed = entries.nth(6);
    expect(await removed.locator('.history-entry__summary').innerText()).toBe(
      'Tog bort aktiviteten ”Solcellskartläggning” ur planen ”Klimatplan 2027”.',
    );
    expect(await removed.locator('.history-entry__subject').innerText()).toContain('Borttagen ur planen');

    const edit = entries.nth(8);
    const changes = edit.locator('dl.changes');
    expect(await changes.isVisible()).toBe(false);
    await edit.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await changes.isVisible()).toBe(true);
    expect(await changes.locator('dt').allInnerTexts()).toEqual(['Namn', 'Budget (kr)']);
  });

  it('has zero axe violations with every disclosure open, and reflows at 320 px', async () => {
    await open(`/historik/plan/${h.plan.id}`);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });

  it('answers 404 for a plan that does not exist', async () => {
    await open('/historik/plan/999999', 404);
    await expectNoAxeViolations(page);
  });
});
