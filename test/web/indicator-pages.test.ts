/**
 * Every key-indicator page template in Chromium with the real demo: the list and search, an
 * indicator with its chart and tables, the comparison of one year, a goal with its verdict, and
 * the upload form with its error and success states. Zero axe violations, keyboard, 320 px.
 */
import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { seedKoladaCatalogue } from '../../src/seed/seed-catalogue.js';
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

const EDUCATION = 'sm-eftergymnasial-3ar-25-64';

describe.each(testDialects)('key-indicator pages in Chromium on %s', (dialect) => {
  let t: TestApp;
  let server: RunningServer;
  let browser: Browser;
  let visitor: BrowserContext;
  let admin: BrowserContext;
  let goalId: number;

  beforeAll(async () => {
    t = await openTestApp(dialect);
    await seedKoladaCatalogue(t.ctx);
    const repos = readRepos(t.ctx);
    goalId = (await repos.goalIndicators.forIndicator((await repos.indicators.byKey(EDUCATION))!.id))[0]!.goalId;
    server = await startServer(t.app);
    browser = await launchBrowser();
    visitor = await browser.newContext();
    admin = await browser.newContext();
    await signIn(admin, server.url, t.admin);
  }, 120_000);
  afterAll(async () => {
    await visitor?.close();
    await admin?.close();
    await browser?.close();
    await server?.close();
    await t?.close();
  });

  const visit = async (path: string, as: BrowserContext = visitor) => {
    const page = await tab(as);
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status(), path).toBe(200);
    return page;
  };

  const templates = (): [string, string][] => [
    ['/nyckeltal', 'Nyckeltal'],
    ['/nyckeltal?q=eftergymnasial', 'Nyckeltal'],
    [`/nyckeltal/${EDUCATION}`, 'Andel 25–64 år med minst tre års eftergymnasial utbildning'],
    [`/nyckeltal/${EDUCATION}?kon=K`, 'Andel 25–64 år'],
    ['/nyckeltal/sm-folkmangd', 'Folkmängd 31 december'],
    [`/nyckeltal/${EDUCATION}/jamforelse?ar=2014`, 'jämförelse'],
    [`/mal/${goalId}`, 'Höj utbildningsnivån på Södertörn'],
  ];

  it(
    'every page has its heading, zero axe violations and no sideways scroll at 320 px',
    { timeout: 120_000 },
    async () => {
      for (const [path, heading] of templates()) {
        const page = await visit(path);
        expect(await page.locator('h1').innerText(), path).toContain(heading);
        await expectNoAxeViolations(page);
        await page.setViewportSize({ width: 320, height: 800 });
        await expectNoHorizontalScroll(page);
      }
    },
  );

  it('every chart is a figure with a caption, an accessible SVG and a table', { timeout: 60_000 }, async () => {
    for (const path of [`/nyckeltal/${EDUCATION}`, `/nyckeltal/${EDUCATION}/jamforelse?ar=2014`, `/mal/${goalId}`]) {
      const page = await visit(path);
      const figures = page.locator('figure.chart');
      expect(await figures.count(), path).toBeGreaterThan(0);
      for (let i = 0; i < (await figures.count()); i++) {
        const figure = figures.nth(i);
        expect(await figure.locator('figcaption').innerText()).not.toBe('');
        const svg = figure.locator('svg[role="img"]');
        expect(await svg.count()).toBe(1);
        expect(await svg.locator('title').count()).toBe(1);
        expect(await svg.locator('desc').count()).toBe(1);
        expect(await figure.locator('table caption').count()).toBe(1);
      }
    }
  });

  it('the goal page says the verdict in words', async () => {
    const page = await visit(`/mal/${goalId}`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Inte i fas');
    expect(text).toContain('för Riket');
  });

  it('search works from the keyboard and finds Kolada ids', { timeout: 60_000 }, async () => {
    const page = await visit('/nyckeltal');
    await page.focus('#q');
    await page.keyboard.type('N00945');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=N00945/);
    expect(await page.locator('main').innerText()).toContain('N00945');
  });

  it('upload form, its error state and its success state', { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-upload-'));
    const bad = join(dir, 'fel.csv');
    writeFileSync(bad, 'Nyckeltal;Kommun;År;Värde\nsm-folkmangd;Södertälj;2015;1\n');
    const good = join(dir, 'ratt.csv');
    writeFileSync(good, Buffer.from('Nyckeltal;Kommun;År;Värde\nsm-folkmangd;Södertälje;2015;"98 000"\n', 'latin1'));

    const page = await visit('/nyckeltal/importera', admin);
    await expectNoAxeViolations(page);
    await page.setInputFiles('#fil', bad);
    await page.click('main form[enctype] button[type="submit"]');
    await page.waitForSelector('.error-summary');
    expect(await page.locator('.error-summary').innerText()).toContain('Södertälj');
    await expectNoAxeViolations(page);
    await page.setInputFiles('#fil', good);
    await page.click('main form[enctype] button[type="submit"]');
    await page.waitForSelector('[role="status"]');
    expect(await page.locator('main').innerText()).toContain('Värdena är inlästa');
    await expectNoAxeViolations(page);
  });
});
