/**
 * The open data page in Chromium on both databases, in Swedish and in English: zero axe violations
 * (WCAG 2.1 A/AA), no sideways scroll at 320 px, every file link reachable by keyboard and leading to its
 * file, and the ids the catalogue's IRIs end in (`#program`, `#program-csv`, `#kontakt` …) on the page.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/app.js';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  launchBrowser,
  startServer,
  tab,
  type RunningServer,
} from '../support/browser.js';
import { testDialects } from '../support/databases.js';

const DATASETS = ['program', 'beslut', 'nyckeltalsvarden', 'planer', 'uppfoljning', 'kommentarer'];

describe.each(testDialects)('the open data page in Chromium on %s', (dialect) => {
  let t: TestApp;
  let server: RunningServer;
  let browser: Browser;
  let visitor: BrowserContext;

  beforeAll(async () => {
    t = await openTestApp(dialect);
    [server, browser] = await Promise.all([startServer(t.app), launchBrowser()]);
    visitor = await browser.newContext();
  });
  afterAll(async () => {
    await visitor?.close();
    await browser?.close();
    await server?.close();
    await t?.close();
  });

  const visit = async (path: string) => {
    const page = await tab(visitor);
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status(), path).toBe(200);
    return page;
  };

  it.each([
    ['/oppna-data', 'sv', 'Öppna data', 'Ladda ner'],
    ['/en/oppna-data', 'en', 'Open data', 'Download'],
  ])(
    '%s: its heading, lang, every dataset with its three files, and zero axe violations',
    async (path, lang, heading, download) => {
      const page = await visit(path);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.locator('h1').innerText()).toBe(heading);
      expect(await page.getByText(`${download}:`).count()).toBe(DATASETS.length);
      for (const slug of DATASETS) {
        expect(await page.locator(`section#${slug} h3`).count(), slug).toBe(1);
        for (const format of ['csv', 'json', 'xlsx'])
          expect(await page.locator(`a#${slug}-${format}`).getAttribute('href')).toBe(`/oppna-data/${slug}.${format}`);
      }
      for (const id of ['utgivare', 'kontakt', 'api', 'nyckeltalsvarden-villkor', 'program-period'])
        expect(await page.locator(`#${id}`).count(), id).toBe(1);
      expect(await page.locator('a[href="/datasets/dcat"]').count()).toBe(1);
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
    },
  );

  it('reaches a file link by keyboard and follows it to the file', async () => {
    const page = await visit('/oppna-data');
    const link = page.locator('a#beslut-json');
    // Tab from the top until the link has focus: the page has no keyboard trap before it.
    let focused = false;
    for (let i = 0; i < 80 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await link.evaluate((el) => el === document.activeElement);
    }
    expect(focused).toBe(true);
    const [response] = await Promise.all([
      page.waitForResponse(/\/oppna-data\/beslut\.json$/),
      page.waitForURL(/\/oppna-data\/beslut\.json$/),
      page.keyboard.press('Enter'),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
  });

  it('is linked from every page', async () => {
    const page = await visit('/program');
    const link = page.locator('a[href="/oppna-data"]');
    expect(await link.count()).toBeGreaterThan(0);
    await link.first().click();
    expect(await page.locator('h1').innerText()).toBe('Öppna data');
  });
});
