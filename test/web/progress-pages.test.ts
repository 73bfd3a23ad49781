/**
 * The public progress pages in Chromium with the real demo, on both databases: every template (the
 * overview, a programme, a goal — with and without indicators and activities, in Swedish and English)
 * with zero axe violations and no sideways scroll at 320 px; the chart a figure with its table; and the
 * way from the main menu to the 2013 education goal and through it by keyboard alone.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { goalsOf } from '../../src/domain/programme/programme.js';
import { openBrowserApp, type BrowserApp } from '../support/browser-app.js';
import { expectNoAxeViolations, expectNoHorizontalScroll, tab } from '../support/browser.js';
import { testDialects } from '../support/databases.js';

const EDUCATION = 'sm-eftergymnasial-3ar-25-64';

/** Presses Tab until the focused element matches `test` (at most `limit` times); returns its text. */
async function tabTo(
  page: Page,
  test: (el: { tag: string; text: string; href: string | null }) => boolean,
  limit = 120,
) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName ?? '', text: a?.innerText ?? '', href: a?.getAttribute('href') ?? null };
    });
    if (test(el)) return el;
  }
  throw new Error('Tab nådde aldrig elementet');
}

describe.each(testDialects)('public progress pages in Chromium on %s', (dialect) => {
  let app: BrowserApp;
  let visitor: BrowserContext;
  let educationGoalId: number;
  let infrastructureGoalId: number;

  beforeAll(async () => {
    app = await openBrowserApp(dialect);
    const repos = readRepos(app.t.ctx);
    educationGoalId = (await repos.goalIndicators.forIndicator((await repos.indicators.byKey(EDUCATION))!.id))[0]!
      .goalId;
    const rev2021 = (await repos.programmes.get((await repos.programmes.idBySlug(1, 'sup-2035-rev-2021'))!))!;
    infrastructureGoalId = goalsOf(rev2021)[0]!.id;
    visitor = await app.browser.newContext();
  }, 120_000);
  afterAll(async () => {
    await visitor?.close();
    await app?.close();
  });

  const visit = async (path: string): Promise<Page> => {
    const page = await tab(visitor);
    const response = await page.goto(`${app.server.url}${path}`);
    expect(response?.status(), path).toBe(200);
    return page;
  };

  const templates = (): [string, string][] => [
    ['/framsteg', 'Framsteg'],
    ['/framsteg/sup-2013', 'Södertörns utvecklingsprogram'],
    ['/framsteg/sup-2035-rev-2021', 'Södertörns utvecklingsprogram 2035 (justerat)'],
    // A programme without goals in the service (the one in force).
    ['/framsteg/sup-2023', 'Södertörns utvecklingsprogram (2023)'],
    [`/framsteg/sup-2013/mal/${educationGoalId}`, 'Höj utbildningsnivån på Södertörn'],
    [`/framsteg/sup-2035-rev-2021/mal/${infrastructureGoalId}`, 'Stark infrastruktur'],
    ['/en/framsteg', 'Progress'],
    ['/en/framsteg/sup-2013', 'Södertörns utvecklingsprogram'],
    [`/en/framsteg/sup-2013/mal/${educationGoalId}`, 'Höj utbildningsnivån på Södertörn'],
    [`/en/framsteg/sup-2035-rev-2021/mal/${infrastructureGoalId}`, 'Stark infrastruktur'],
  ];

  it(
    'every template has its heading, zero axe violations and no sideways scroll at 320 px',
    { timeout: 180_000 },
    async () => {
      for (const [path, heading] of templates()) {
        const page = await visit(path);
        expect(await page.locator('h1').innerText(), path).toContain(heading);
        await expectNoAxeViolations(page);
        await expectNoHorizontalScroll(page);
      }
    },
  );

  it('the goal page draws each chart as a figure with a caption, an accessible SVG and a table', async () => {
    for (const path of [`/framsteg/sup-2013/mal/${educationGoalId}`, `/en/framsteg/sup-2013/mal/${educationGoalId}`]) {
      const page = await visit(path);
      const figure = page.locator('figure.chart');
      expect(await figure.count(), path).toBe(1);
      expect(await figure.locator('figcaption').innerText()).not.toBe('');
      const svg = figure.locator('svg[role="img"]');
      expect(await svg.locator('title').count()).toBe(1);
      expect(await svg.locator('desc').count()).toBe(1);
      expect(await figure.locator('table caption').count()).toBe(1);
    }
  });

  it(
    'leads from the main menu to the 2013 education goal and through it by keyboard alone',
    { timeout: 90_000 },
    async () => {
      const page = await visit('/');
      await tabTo(page, (el) => el.href === '/framsteg');
      await Promise.all([page.waitForURL(/\/framsteg$/), page.keyboard.press('Enter')]);
      await tabTo(page, (el) => el.href === `/framsteg/sup-2013/mal/${educationGoalId}`);
      await Promise.all([page.waitForURL(/\/mal\/\d+$/), page.keyboard.press('Enter')]);
      const main = await page.locator('main').innerText();
      expect(main).toContain('Inte i fas');
      expect(main).toContain('Går åt fel håll');
      expect(main).toMatch(/20,7.procent \(2014\)/);
      // The table's scroll region and the link onwards are reachable too.
      await tabTo(page, (el) => el.tag === 'DIV' && el.text.includes('2014'));
      const more = await tabTo(page, (el) => el.text.startsWith('Mer om nyckeltalet'));
      expect(more.href).toBe(`/nyckeltal/${EDUCATION}`);
      await Promise.all([page.waitForURL(new RegExp(`/nyckeltal/${EDUCATION}$`)), page.keyboard.press('Enter')]);
    },
  );
});
