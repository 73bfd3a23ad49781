/**
 * The API-token pages in Chromium on the real app: axe finds no WCAG 2.1 A/AA violation on the token
 * page, its error state or the page that shows a new token once; both reflow at 320 px; the token is
 * shown once and never again.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestApp } from '../support/app.js';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  type RunningServer,
  submitExpecting,
} from '../support/browser.js';
import { openBrowserApp, signedInTab, type BrowserApp } from '../support/browser-app.js';
import { testDialects } from '../support/databases.js';
import type { TestSession } from '../support/sessions.js';

describe.each(testDialects)('API-token pages in Chromium (%s)', (dialect) => {
  let b: BrowserApp;
  let t: TestApp;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let officer: TestSession;

  beforeAll(async () => {
    b = await openBrowserApp(dialect);
    ({ t, server } = b);
    officer = await t.session('member_officer', { member: '0127' });
  });
  afterAll(() => b?.close());
  beforeEach(async () => {
    ({ context, page } = await signedInTab(b, officer));
  });
  afterEach(() => context.close());

  const submit = (button: string, status: number) =>
    submitExpecting(page, page.getByRole('button', { name: button }), status);

  it('token page, its error state, the shown-once page and revocation', { timeout: 90_000 }, async () => {
    await page.goto(`${server.url}/konto`);
    await page.getByRole('link', { name: 'API-nycklar' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('API-nycklar');
    await expectNoAxeViolations(page);

    // Error state: no name; the chosen role is kept.
    await submit('Skapa API-nyckel', 422);
    await expect(page.locator('#felsammanfattning a[href="#name"]').textContent()).resolves.toBe(
      'Skriv ett namn på nyckeln.',
    );
    await expect(page.title()).resolves.toMatch(/^Fel: /);
    await expect(page.locator('#name').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectNoAxeViolations(page);

    // Created: shown once, in the answer to the form.
    await page.fill('#name', 'Ärendehanteringssystemet i Botkyrka');
    await page.selectOption('#grant', { label: 'Handläggare för medlemskommun (Botkyrka)' });
    await submit('Skapa API-nyckel', 201);
    const token = await page.locator('#token').inputValue();
    expect(token).toMatch(/^sv_[A-Za-z0-9_-]{43}$/);
    await expect(page.locator('main').textContent()).resolves.toContain('Den visas inte igen.');
    await expect(page.getByLabel('API-nyckel', { exact: true }).inputValue()).resolves.toBe(token);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.setViewportSize({ width: 1280, height: 720 });

    // Never again: the list shows the token's name, not the token; a reload of the list neither.
    await page.getByRole('link', { name: 'Till API-nycklarna' }).click();
    const html = await page.content();
    expect(html).not.toContain(token);
    expect(html).toContain('Ärendehanteringssystemet i Botkyrka');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.setViewportSize({ width: 1280, height: 720 });

    // The token works until it is revoked here.
    const call = () =>
      fetch(`${server.url}/api/v1/programmes`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status);
    await expect(call()).resolves.toBe(200);
    await submit('Återkalla Ärendehanteringssystemet i Botkyrka', 303);
    await expect(page.getByRole('status').textContent()).resolves.toContain('är återkallad');
    await expect(page.content()).resolves.not.toContain(token);
    await expectNoAxeViolations(page);
    await expect(call()).resolves.toBe(401);
  });
});
