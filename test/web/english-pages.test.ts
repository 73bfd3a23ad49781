/**
 * The English version of every public page template in Chromium, on both databases: lang="en", zero axe
 * violations (WCAG 2.1 A/AA), no sideways scroll at 320 px, and the language switch reached and followed
 * with the keyboard alone — to the same page in Swedish and back.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { publicPaths } from '../../src/app/public-paths.js';
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

describe.each(testDialects)('English pages in Chromium on %s', (dialect) => {
  let t: TestApp;
  let server: RunningServer;
  let browser: Browser;
  let visitor: BrowserContext;
  let admin: BrowserContext;
  let goalId: number;
  let planId: number;
  let activityGoalId: number;

  beforeAll(async () => {
    t = await openTestApp(dialect);
    const repos = readRepos(t.ctx);
    goalId = (await repos.goalIndicators.forIndicator((await repos.indicators.byKey(EDUCATION))!.id))[0]!.goalId;
    const collaborationId = (await repos.collaboration.first())!.id;
    const plan = (await repos.plans.plans({ collaborationId, year: 2026 })).find(
      (p) => p.kind === 'operational' && p.state === 'adopted',
    )!;
    planId = plan.id;
    activityGoalId = (await repos.plans.activitiesOf([plan.id]))[0]!.goalIds[0]!;
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

  const visit = async (path: string, status = 200, as: BrowserContext = visitor): Promise<Page> => {
    const page = await tab(as);
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status(), path).toBe(status);
    return page;
  };

  /** Every public page template's English version, with its heading (or part of it). */
  const templates = (): [string, string, number][] => [
    ['/en', 'Södertörnssamarbetet', 200],
    ['/en/program', 'Development programmes', 200],
    ['/en/program/sup-2035', 'Södertörns utvecklingsprogram 2035', 200],
    ['/en/antagande', 'Adoption', 200],
    ['/en/program/sup-2035/antagande', 'Adoption: Södertörns utvecklingsprogram 2035', 200],
    ['/en/versioner', 'Versions', 200],
    ['/en/versioner/jamfor?fran=sup-2035&till=sup-2035-rev-2021', 'Changes from', 200],
    [`/en/mal/${goalId}`, 'Höj utbildningsnivån på Södertörn', 200],
    ['/en/nyckeltal', 'Key indicators', 200],
    ['/en/nyckeltal?q=eftergymnasial', 'Key indicators', 200],
    [`/en/nyckeltal/${EDUCATION}`, 'Andel 25–64 år', 200],
    [`/en/nyckeltal/${EDUCATION}/jamforelse?ar=2014`, 'comparison', 200],
    ['/en/planer', 'Plans', 200],
    [`/en/planer/${planId}`, 'Verksamhetsplan', 200],
    ['/en/uppfoljning', 'Follow-up', 200],
    ['/en/uppfoljning/2026/maluppfyllelse', 'Goal attainment 2026', 200],
    [`/en/uppfoljning/2026/aktiviteter?mal=${activityGoalId}&status=green`, 'Activities 2026', 200],
    ['/en/uppfoljning/2026/arsredovisning', 'Annual report 2026 – draft', 200],
    ['/en/om', 'About the service', 200],
    ['/en/tillganglighet', 'Accessibility statement', 200],
    ['/en/finns-inte', 'Page not found', 404],
    ['/en/program/finns-inte', 'Page not found', 404],
  ];

  it('every public page template in English has its heading, lang="en" and zero axe violations', async () => {
    for (const [path, heading, status] of templates()) {
      const page = await visit(path, status);
      expect(await page.locator('h1').innerText(), path).toContain(heading);
      expect(await page.getAttribute('html', 'lang'), path).toBe('en');
      await expectNoAxeViolations(page);
    }
  }, 240_000);

  it('the outward pages (progress, events, consultation, open data) pass axe in English too', async () => {
    const paths = await publicPaths(t.ctx);
    const outward = [
      '/framsteg',
      paths.find((p) => p.startsWith('/framsteg/') && p.includes('/mal/')),
      '/evenemang',
      paths.find((p) => p.startsWith('/evenemang/')),
      paths.find((p) => /^\/program\/[^/]+\/samrad$/.test(p)),
      '/oppna-data',
    ].filter((p): p is string => p !== undefined);
    for (const path of outward) {
      const page = await visit(`/en${path}`);
      expect(await page.getAttribute('html', 'lang'), path).toBe('en');
      expect(await page.locator('a.site-language').getAttribute('href'), path).toBe(path);
      await expectNoAxeViolations(page);
    }
  }, 120_000);

  it('reflows at 320 px on the English pages with the widest tables', async () => {
    const page = await tab(visitor);
    await page.setViewportSize({ width: 320, height: 800 });
    for (const path of ['/en', `/en/nyckeltal/${EDUCATION}`, '/en/uppfoljning/2026/maluppfyllelse']) {
      await page.goto(`${server.url}${path}`);
      await expectNoHorizontalScroll(page);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('signed in, the English pages show who is signed in in English and pass axe', async () => {
    for (const path of ['/en/program/sup-2035', '/en/program/sup-2023/antagande', `/en/planer/${planId}`]) {
      const page = await visit(path, 200, admin);
      expect(await page.locator('.site-account button').innerText(), path).toBe('Sign out');
      await expectNoAxeViolations(page);
    }
  });

  it('reaches the language switch by keyboard, and follows it to the same page in Swedish and back', async () => {
    const page = await visit('/program/sup-2035');
    let focused: { text: string | null; lang: string | null; href: string | null } | null = null;
    for (let presses = 0; presses < 30; presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const el = document.activeElement;
        return {
          text: el?.textContent ?? null,
          lang: el?.getAttribute('lang') ?? null,
          href: el?.getAttribute('href') ?? null,
        };
      });
      if (focused.text === 'English') break;
    }
    expect(focused).toEqual({ text: 'English', lang: 'en', href: '/en/program/sup-2035' });
    // The focus is visible on it.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await Promise.all([page.waitForURL(`${server.url}/en/program/sup-2035`), page.keyboard.press('Enter')]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    const back = page.locator('a.site-language');
    expect(await back.innerText()).toBe('Svenska');
    expect(await back.getAttribute('lang')).toBe('sv');
    await back.focus();
    await Promise.all([page.waitForURL(`${server.url}/program/sup-2035`), page.keyboard.press('Enter')]);
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
  });

  it('keeps the chosen language while the visitor moves around, by the links alone', async () => {
    const page = await visit('/en');
    await Promise.all([
      page.waitForURL(`${server.url}/en/program`),
      page.locator('nav.site-nav a', { hasText: 'Programmes' }).click(),
    ]);
    await Promise.all([
      page.waitForURL(`${server.url}/en/program/sup-2035`),
      page.locator('main a', { hasText: 'Södertörns utvecklingsprogram 2035 (sup-2035)' }).first().click(),
    ]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // The programme's own texts are Swedish, marked so, and the page says so in English.
    expect(await page.locator('h1').getAttribute('lang')).toBe('sv');
    expect(await page.locator('.content-language-notice').innerText()).toContain('is written in Swedish');
  });
});
