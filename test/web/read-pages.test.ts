import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/app.js';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  launchBrowser,
  signIn,
  startServer,
  tab,
  type RunningServer,
} from '../support/browser.js';
import { testDialects } from '../support/databases.js';

/** Every read page template, with the real demo, in Chromium: content, axe, keyboard, 320 px. */
describe.each(testDialects)('read pages in Chromium on %s', (dialect) => {
  let t: TestApp;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let adminContext: BrowserContext;

  beforeAll(async () => {
    t = await openTestApp(dialect);
    server = await startServer(t.app);
    browser = await launchBrowser();
    context = await browser.newContext();
    adminContext = await browser.newContext();
    await signIn(adminContext, server.url, t.admin);
  });
  afterAll(async () => {
    await context?.close();
    await adminContext?.close();
    await browser?.close();
    await server?.close();
    await t?.close();
  });

  const visit = async (path: string, expectedStatus = 200, as: BrowserContext = context) => {
    const page = await tab(as);
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status(), path).toBe(expectedStatus);
    return page;
  };

  const templates: [string, string, number][] = [
    ['/', 'Södertörnssamarbetet', 200],
    ['/program', 'Utvecklingsprogram', 200],
    ['/program/sup-2035', 'Södertörns utvecklingsprogram 2035', 200],
    ['/program/sup-2013', 'Södertörns utvecklingsprogram', 200],
    ['/antagande', 'Antagande', 200],
    ['/program/sup-2035/antagande', 'Antagande: Södertörns utvecklingsprogram 2035', 200],
    ['/versioner', 'Versioner', 200],
    ['/versioner/jamfor?fran=sup-2035&till=sup-2035-rev-2021', 'Förändringar från', 200],
    ['/om', 'Om tjänsten', 200],
    ['/tillganglighet', 'Tillgänglighetsredogörelse', 200],
    ['/finns-inte', 'Sidan finns inte', 404],
    ['/program/finns-inte', 'Sidan finns inte', 404],
  ];

  it.each(templates)('%s has its heading, lang="sv", and zero axe violations', async (path, heading, status) => {
    const page = await visit(path, status);
    expect(await page.locator('h1').innerText()).toContain(heading);
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await page.locator('a[href="/tillganglighet"]').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
  });

  it('the start page names the programme in force and the eight members', async () => {
    const page = await visit('/');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Gällande program');
    expect(text).toContain('Södertörns utvecklingsprogram (2023)');
    for (const name of ['Botkyrka', 'Haninge', 'Huddinge', 'Nykvarn', 'Nynäshamn', 'Salem', 'Södertälje', 'Tyresö']) {
      expect(text).toContain(name);
    }
    await expectNoHorizontalScroll(page);
  });

  it('the adoption page answers which boards adopted and since when', async () => {
    const page = await visit('/program/sup-2035/antagande');
    const text = await page.locator('main').innerText();
    expect(text).toContain('8 av 8');
    expect(text).toContain('Gällde från senast 2019-10-11.');
    await expectNoHorizontalScroll(page);
  });

  it('the 2035 → 2021 comparison reads as a memo list', async () => {
    const page = await visit('/versioner/jamfor?fran=sup-2035&till=sup-2035-rev-2021');
    const lines = await page.locator('.diff-lines li').allInnerTexts();
    expect(lines).toContain('nytt fokusområde, Funktionell samordning, införs');
    expect(lines).toContain(
      'målet ”Leda omställningen till ett klimateffektivt samhälle” flyttas från Klimat till Funktionell samordning',
    );
  });

  it('the compare form works with the keyboard alone', async () => {
    const page = await visit('/versioner');
    await page.focus('#fran');
    await page.selectOption('#fran', 'sup-2013');
    await page.selectOption('#till', 'sup-2035');
    await page.locator('form[action="/versioner/jamfor"] button').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/jamfor/);
    expect(await page.locator('h1').innerText()).toContain('sup-2013');
  });

  it.each([
    ['/', 'Södertörnssamarbetet'],
    ['/program/sup-2035', 'Södertörns utvecklingsprogram 2035'],
    ['/program/sup-2023/antagande', 'Antagande'],
    ['/konto', 'Mitt konto'],
  ])('signed in, %s shows who is signed in and passes axe', async (path, heading) => {
    const page = await visit(path, 200, adminContext);
    expect(await page.locator('h1').innerText()).toContain(heading);
    expect(await page.locator('.site-account').innerText()).toContain('Logga ut');
    await expectNoAxeViolations(page);
  });

  it('signed out, the decision form is not offered and a post is refused', async () => {
    const page = await visit('/program/sup-2023/antagande');
    expect(await page.locator('#form').count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain('Logga in');
  });

  it('the sign-in form in its error state passes axe and keeps the e-mail', async () => {
    const page = await visit('/logga-in');
    await expectNoAxeViolations(page);
    await page.fill('#email', 'ingen@test.invalid');
    await page.fill('#password', 'fel lösenord här');
    await page.locator('#form button').click();
    await page.waitForLoadState();
    expect(await page.locator('#felsammanfattning').innerText()).toContain('Fel e-postadress eller lösenord');
    expect(await page.inputValue('#email')).toBe('ingen@test.invalid');
    expect(await page.inputValue('#password')).toBe('');
    await expectNoAxeViolations(page);
  });

  it('the decision form in its error state keeps the input and passes axe', async () => {
    const page = await visit('/program/sup-2023/antagande', 200, adminContext);
    await page.selectOption('#memberId', { label: 'Botkyrka (0127)' });
    await page.fill('#date', '2019-02-30');
    await page.fill('#paragraph', '§ 12');
    await page.locator('#form button').click();
    await page.waitForLoadState();
    expect(await page.locator('#felsammanfattning').innerText()).toContain('riktigt datum');
    expect(await page.inputValue('#date')).toBe('2019-02-30');
    expect(await page.inputValue('#paragraph')).toBe('§ 12');
    await expectNoAxeViolations(page);
  });

  it('the first Tab reaches the skip link', async () => {
    const page = await visit('/program/sup-2035');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Till huvudinnehållet');
  });
});
