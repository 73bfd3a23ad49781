/**
 * The roll-up, the drill-down, the annual report and the goal page's activity section in Chromium:
 * zero axe violations and no sideways scroll at 320 px on both databases, every figure leading to
 * exactly the activities behind it, example plans marked, and the annual report ready to print.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import type { Activity } from '../../src/domain/plans/plan.js';
import { openTestApp, ANONYMOUS_COOKIE, type TestApp } from '../support/app.js';
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
import { resultsFixture, type ResultsFixture } from '../support/plans.js';

const EDUCATION = 'sm-eftergymnasial-3ar-25-64';
const YEAR = 2041;

describe.each(testDialects)('results pages in Chromium on %s', (dialect) => {
  let t: TestApp;
  let f: ResultsFixture;
  let server: RunningServer;
  let browser: Browser;
  let visitor: BrowserContext;
  let admin: BrowserContext;
  let a1: Activity, a2: Activity, a3: Activity, a4: Activity;
  let otherName: string;

  beforeAll(async () => {
    // The clock at the end of the fixture's year: the goal page shows the current year's activities.
    t = await openTestApp(dialect, { now: new Date(`${YEAR}-12-31T12:00:00Z`) });
    f = await resultsFixture(t.ctx);
    const repos = readRepos(t.ctx);
    // The demo's education target, followed on a goal the plans serve too: its verdict shows beside.
    const [link] = await repos.goalIndicators.forIndicator((await repos.indicators.byKey(EDUCATION))!.id);
    const { id: _id, ...copy } = link!;
    await repos.goalIndicators.insert({ ...copy, goalId: f.goalA1.id }, '2026-11-27T10:00:00.000Z');

    const previous = await f.plan({ year: YEAR - 1 });
    const earlier = await f.activity(previous, { title: 'Förstudie om lokaler', goalIds: [f.goalA1.id] });
    const adopted = await f.plan({ year: YEAR, isExample: true, title: `Verksamhetsplan ${YEAR} (exempel)` });
    a1 = await f.activity(adopted, { title: 'Gemensam analys', goalIds: [f.goalA1.id, f.goalA2.id], weight: 2 });
    a2 = await f.activity(adopted, { title: 'Nätverksträffar', goalIds: [f.goalA1.id] });
    a3 = await f.activity(adopted, {
      title: 'Lokalförsörjning',
      goalIds: [f.goalA1.id, f.goalB1.id],
      carriedOverFromActivityId: earlier.id,
    });
    const draft = await f.plan({ year: YEAR, network: 1, state: 'draft' });
    a4 = await f.activity(draft, { title: 'Utkastets aktivitet', goalIds: [f.goalA1.id], weight: 5 });
    const t1 = await f.round(YEAR, 'Tertial 1', `${YEAR}-05-15`);
    const t2 = await f.round(YEAR, 'Tertial 2', `${YEAR}-09-15`);
    await f.report(a1, t1, 'green', 80);
    await f.report(a1, t2, 'yellow', 60, 'Förseningar hos en leverantör');
    await f.report(a2, t1, 'red', 20, 'Ingen lokal');
    // A year whose only plan is real (not an example).
    const real = await f.plan({ year: 2044, network: 2 });
    await f.activity(real, { title: 'Verklig aktivitet', goalIds: [f.goalA2.id] });

    // A year whose plans serve two programmes: the pages group the figures per programme.
    const others = await Promise.all(
      (await repos.programmes.list((await repos.collaboration.first())!.id))
        .filter((p) => p.id !== f.programme.id)
        .map((p) => repos.programmes.get(p.id)),
    );
    const other = others.find((p) => p && p.focusAreas.some((a) => a.goals.length > 0))!;
    otherName = other.name;
    const both = [await f.plan({ year: 2046 }), await f.plan({ year: 2046, network: 1, programmeId: other.id })];
    await f.activity(both[0]!, { title: 'Nytt program', goalIds: [f.goalA2.id] });
    await f.activity(both[1]!, {
      title: 'Äldre program',
      goalIds: [other.focusAreas.find((a) => a.goals[0])!.goals[0]!.id],
    });

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

  const visit = async (path: string, as: BrowserContext = visitor): Promise<Page> => {
    const page = await tab(as);
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status(), path).toBe(200);
    return page;
  };

  /** The activity ids a drill-down page lists, in order. */
  const listed = async (page: Page): Promise<number[]> =>
    (await page
      .locator('table.drill-down tbody tr[data-activity-id]')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-activity-id'))))) as number[];

  const pages = (): [string, string][] => [
    [`/uppfoljning/${YEAR}/maluppfyllelse`, `Måluppfyllelse ${YEAR}`],
    [`/uppfoljning/${YEAR}/aktiviteter?mal=${f.goalA1.id}`, `Aktiviteter ${YEAR}: målet ${f.goalA1.title}`],
    [`/uppfoljning/${YEAR}/aktiviteter?mal=${f.goalA1.id}&status=red`, `Aktiviteter ${YEAR}`],
    [`/uppfoljning/${YEAR}/aktiviteter?omrade=${f.areaA.id}&status=not_reported`, `fokusområdet ${f.areaA.name}`],
    [`/uppfoljning/${YEAR}/aktiviteter`, `Aktiviteter ${YEAR}: alla mål`],
    [`/uppfoljning/${YEAR}/arsredovisning`, `Årsredovisning ${YEAR} – utkast`],
    [`/mal/${f.goalA1.id}`, f.goalA1.title],
    // The demo's own example plans, and a year without plans.
    ['/uppfoljning/2026/maluppfyllelse', 'Måluppfyllelse 2026'],
    ['/uppfoljning/2026/arsredovisning', 'Årsredovisning 2026 – utkast'],
    ['/uppfoljning/2039/maluppfyllelse', 'Måluppfyllelse 2039'],
    ['/uppfoljning/2046/maluppfyllelse', 'Måluppfyllelse 2046'],
    ['/uppfoljning/2046/arsredovisning', 'Årsredovisning 2046 – utkast'],
  ];

  it(
    'every page has its heading, zero axe violations and no sideways scroll at 320 px, signed out and in',
    { timeout: 240_000 },
    async () => {
      for (const as of [visitor, admin])
        for (const [path, heading] of pages()) {
          const page = await visit(path, as);
          expect(await page.locator('h1').innerText(), path).toContain(heading);
          await expectNoAxeViolations(page);
          await expectNoHorizontalScroll(page);
        }
    },
  );

  it(
    'the figures of a goal and its focus area lead to exactly the activities behind them',
    { timeout: 60_000 },
    async () => {
      const page = await visit(`/uppfoljning/${YEAR}/maluppfyllelse`);
      const goalRow = page.locator(`#omrade-${f.areaA.id} ~ div tr`, {
        has: page.locator(`a[href="/mal/${f.goalA1.id}"]`),
      });
      const links = goalRow.locator('a.figure-link');
      // Grön, Gul, Röd, Ej rapporterad, Totalt, P, T — for the public (the draft plan's a4 is not theirs).
      const expected = [
        [],
        [a1.id],
        [a2.id],
        [a3.id],
        [a1.id, a2.id, a3.id],
        [a1.id, a2.id, a3.id],
        [a1.id, a2.id, a3.id],
      ];
      expect(await links.count()).toBe(expected.length);
      const texts = (await links.allInnerTexts()).map((x) => x.split('–')[0]!.trim());
      // (2·60 + 1·20) / 3 = 46,7 %; coverage 3 of weight 4.
      expect(texts).toEqual(['0', '1', '1', '1', '3', '46,7\u00a0%', '75,0\u00a0%']);
      const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      for (const [i, href] of hrefs.entries()) {
        const target = await visit(href);
        expect((await listed(target)).sort(), `länk ${i}`).toEqual([...expected[i]!].sort());
      }
      // The area counts a1 (which serves two of its goals) once.
      await visit(`/uppfoljning/${YEAR}/maluppfyllelse`);
      const areaRow = page.locator(`#omrade-${f.areaA.id} ~ div tr`, { hasText: 'Hela fokusområdet' });
      const total = areaRow.locator('a.figure-link').nth(4);
      expect((await total.innerText()).split('–')[0]!.trim()).toBe('3');
      await total.click();
      await page.waitForURL(/omrade=/);
      expect((await listed(page)).sort()).toEqual([a1.id, a2.id, a3.id].sort());
      expect(await page.locator('main').innerText()).toContain('(2 · 60 + 1 · 20) / (2 + 1) = 46,7');
    },
  );

  it('signed in, the secretariat also counts the draft plan', async () => {
    const page = await visit(`/uppfoljning/${YEAR}/aktiviteter?mal=${f.goalA1.id}&status=not_reported`, admin);
    expect((await listed(page)).sort()).toEqual([a3.id, a4.id].sort());
  });

  it('every count on the roll-up equals the number of activities its link lists', { timeout: 120_000 }, async () => {
    for (const cookie of [ANONYMOUS_COOKIE, t.admin.cookie]) {
      const rollup = await (
        await t.app.request(`/uppfoljning/${YEAR}/maluppfyllelse`, { headers: { Cookie: cookie } })
      ).text();
      const figures = [...rollup.matchAll(/<a class="ds-link figure-link" href="([^"]+)">([^<]+)</g)];
      expect(figures.length).toBeGreaterThan(20);
      let checked = 0;
      for (const [, href, text] of figures) {
        if (!/^\d+$/.test(text!.trim())) continue; // P and T are checked above
        const target = await (
          await t.app.request(href!.replace(/&amp;/g, '&'), { headers: { Cookie: cookie } })
        ).text();
        expect((target.match(/<tr data-activity-id=/g) ?? []).length, href).toBe(Number(text));
        checked++;
      }
      expect(checked).toBeGreaterThan(20);
    }
  });

  it('says the figures build on example plans, and only then', async () => {
    for (const path of [
      `/uppfoljning/${YEAR}/maluppfyllelse`,
      `/uppfoljning/${YEAR}/aktiviteter?mal=${f.goalA1.id}`,
      `/uppfoljning/${YEAR}/arsredovisning`,
      `/mal/${f.goalA1.id}`,
      '/uppfoljning/2026/maluppfyllelse',
    ]) {
      const page = await visit(path);
      await expect(page.locator('.example-notice').first().isVisible(), path).resolves.toBe(true);
      expect(await page.locator('main').innerText(), path).toContain('uppgifterna bygger på påhittade exempelplaner');
    }
    const real = await visit('/uppfoljning/2044/maluppfyllelse');
    expect(await real.locator('main').innerText()).not.toContain('exempelplaner');
  });

  it('shows the status in words, and the verdict beside the activities without merging them', async () => {
    const page = await visit(`/uppfoljning/${YEAR}/maluppfyllelse`);
    const goalRow = page.locator('tr', { has: page.locator(`a[href="/mal/${f.goalA1.id}"]`) });
    expect(await goalRow.locator('.verdicts').innerText()).toContain('Inte i fas');
    expect(await page.locator('main').innerText()).toContain('räknas aldrig ihop');
    const drill = await visit(`/uppfoljning/${YEAR}/aktiviteter?mal=${f.goalA1.id}`);
    const tags = await drill.locator('table.drill-down .report-status').allInnerTexts();
    expect(tags).toEqual(['Gul', 'Röd', 'Ej rapporterad']);
  });

  it('the goal page lists this year’s activities beside the indicators, with links to other years', async () => {
    const page = await visit(`/mal/${f.goalA1.id}`);
    const section = page.locator('section.goal-activities');
    expect(await section.locator('h2').innerText()).toBe('Aktiviteter i chefsnätverkens planer');
    const text = await section.innerText();
    expect(text).toContain(`planerna för ${YEAR}`);
    for (const title of ['Gemensam analys', 'Nätverksträffar', 'Lokalförsörjning']) expect(text).toContain(title);
    expect(text).not.toContain('Utkastets aktivitet');
    expect(text).toContain(`Överförd från ${YEAR - 1}`);
    expect(await section.locator(`a[href="/uppfoljning/${YEAR - 1}/aktiviteter?mal=${f.goalA1.id}"]`).count()).toBe(1);
    const red = section.locator(`a[href="/uppfoljning/${YEAR}/aktiviteter?mal=${f.goalA1.id}&status=red"]`);
    expect((await red.innerText()).split('–')[0]!.trim()).toBe('1');
    // The indicator section is still there, with its own verdict.
    expect(await page.locator('main').innerText()).toContain('Nyckeltal och måluppfyllelse');
    await red.click();
    await page.waitForURL(/status=red/);
    expect(await listed(page)).toEqual([a2.id]);
  });

  it('the annual report prints without menu and footer, each focus area on a new page', async () => {
    const page = await visit(`/uppfoljning/${YEAR}/arsredovisning`);
    const main = await page.locator('main').innerText();
    expect(main).toContain('Utkast.');
    expect(main).toContain(`Överförd från ${YEAR - 1}`);
    expect(main).toContain('Förseningar hos en leverantör');
    expect(await page.locator(`#mal-${f.goalA1.id}`).locator('xpath=..').locator('.verdicts').innerText()).toContain(
      'Inte i fas',
    );
    expect(await page.locator('a[href$="/arsredovisning.xlsx"]').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site-header').isVisible()).toBe(false);
    expect(await page.locator('footer.site-footer').isVisible()).toBe(false);
    expect(await page.locator('a[href$="/arsredovisning.xlsx"]').isVisible()).toBe(false);
    const breaks = await page
      .locator('.report-area')
      .evaluateAll((areas) => areas.map((a) => getComputedStyle(a).breakBefore));
    expect(breaks.length).toBe(f.programme.focusAreas.length);
    expect(new Set(breaks)).toEqual(new Set(['page']));
  });

  it('groups the figures per programme when the plans serve several', async () => {
    const page = await visit('/uppfoljning/2046/maluppfyllelse');
    const headings = await page.locator('main h2').allInnerTexts();
    expect(headings).toContain(f.programme.name);
    expect(headings).toContain(otherName);
    expect(await page.locator(`section[aria-labelledby="program-${f.programme.id}"] h3`).first().innerText()).toBe(
      f.programme.focusAreas[0]!.name,
    );
  });

  it('answers a bad query with a message, and an unknown goal with 404', async () => {
    const bad = await t.app.request(`/uppfoljning/${YEAR}/aktiviteter?status=blue`);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('not_reported');
    expect((await t.app.request(`/uppfoljning/${YEAR}/aktiviteter?mal=999999`)).status).toBe(404);
    expect((await t.app.request(`/uppfoljning/${YEAR}/aktiviteter?mal=abc`)).status).toBe(404);
    expect((await t.app.request(`/uppfoljning/20411/maluppfyllelse`)).status).toBe(404);
  });
});
