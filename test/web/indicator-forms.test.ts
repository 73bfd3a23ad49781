/**
 * The secretariat's indicator forms in Chromium on the real app: the new-indicator form and the
 * goal-link form with their error states, the goal page with its link and remove controls, and the
 * removal's confirmation — zero axe violations (WCAG 2.1 A/AA) and no sideways scroll at 320 px on
 * each — and linking then removing an indicator by keyboard alone.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { getProgramme } from '../../src/app/programmes/get-programme.js';
import { goalsOf } from '../../src/domain/programme/programme.js';
import { type TestApp } from '../support/app.js';
import {
  type RunningServer,
  submitExpecting,
  expectAccessible as expectPageAccessible,
  errorSummaryLinks,
} from '../support/browser.js';
import { openBrowserApp, signedInTab, type BrowserApp } from '../support/browser-app.js';
import { testDialects } from '../support/databases.js';

const EMPLOYMENT = 'sm-sysselsattningsgrad-20-64';
const EDUCATION = 'sm-eftergymnasial-3ar-25-64';

describe.each(testDialects)('indicator forms in Chromium on %s', (dialect) => {
  let b: BrowserApp;
  let t: TestApp;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  /** Goals of sup-2035-rev-2021 without indicators: one per test that links. */
  let goals: number[];

  beforeAll(async () => {
    b = await openBrowserApp(dialect);
    ({ t, server } = b);
    goals = goalsOf((await getProgramme(t.ctx, 'sup-2035-rev-2021')).programme).map((g) => g.id);
  }, 120_000);
  afterAll(() => b?.close());
  beforeEach(async () => {
    ({ context, page } = await signedInTab(b, t.admin));
  });
  afterEach(() => context.close());

  async function open(path: string, status = 200): Promise<void> {
    const res = await page.goto(`${server.url}${path}`);
    expect(res?.status(), path).toBe(status);
  }

  const submit = (button: string, status: number) =>
    submitExpecting(page, page.getByRole('button', { name: button }), status);

  const expectAccessible = () => expectPageAccessible(page);

  const summaryLinks = () => errorSummaryLinks(page);

  it('new-indicator form, its error state, and the new indicator’s page', { timeout: 120_000 }, async () => {
    await open('/nyckeltal');
    await Promise.all([
      page.waitForURL(/\/nyckeltal\/nytt$/),
      page.getByRole('link', { name: 'Nytt eget nyckeltal' }).click(),
    ]);
    await expectAccessible();

    await page.fill('#key', 'Fel Id');
    await page.fill('#title', 'Antal nyföretag');
    await submit('Lägg till nyckeltalet', 422);
    expect(await summaryLinks()).toEqual([
      '#key',
      '#definition',
      '#unit',
      '#aggregation',
      '#byGender',
      '#source',
      '#licence',
    ]);
    await expect(page.inputValue('#key')).resolves.toBe('Fel Id');
    await expect(page.inputValue('#title')).resolves.toBe('Antal nyföretag');
    await expectAccessible();

    // The error summary's link takes focus to the field.
    await page.locator('#felsammanfattning a[href="#unit"]').click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('unit');

    await page.fill('#key', 'nyforetag');
    await page.fill('#definition', 'Antal nyregistrerade företag under året, per kommun.');
    await page.fill('#unit', 'antal');
    await page.selectOption('#decimals', '0');
    await page.check('#aggregation-2');
    await page.check('#byGender-2');
    await page.fill('#source', 'Tillväxtanalys, Nystartade företag (www.tillvaxtanalys.se).');
    await page.fill('#licence', 'Fri användning med källhänvisning');
    await submit('Lägg till nyckeltalet', 303);
    await page.waitForURL(/\/nyckeltal\/nyforetag$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Antal nyföretag');
    await expectAccessible();
    expect(await readRepos(t.ctx).indicators.byKey('nyforetag')).toMatchObject({ aggregation: 'sum', decimals: 0 });
  });

  it(
    'link form and its error state; the goal page with its remove control; the confirmation',
    { timeout: 120_000 },
    async () => {
      const goal = goals[0]!;
      await open(`/mal/${goal}`);
      await Promise.all([
        page.waitForURL(new RegExp(`/mal/${goal}/nyckeltal/ny$`)),
        page.getByRole('link', { name: 'Koppla ett nyckeltal' }).click(),
      ]);
      await expectAccessible();

      await page.selectOption('#indicatorKey', EMPLOYMENT);
      await page.check('#measure-3'); // a sum of a share
      await page.check('#targetKind');
      await page.fill('#targetValue', 'åttio');
      await page.fill('#baseYear', '2040');
      await submit('Koppla nyckeltalet', 422);
      // Every problem at once, in the form's order: malformed fields and those the database refutes.
      expect(await summaryLinks()).toEqual(['#measure', '#targetValue', '#direction', '#targetYear']);
      await expect(page.inputValue('#targetValue')).resolves.toBe('åttio');
      await expect(page.isChecked('#measure-3')).resolves.toBe(true);
      await expectAccessible();

      await page.check('#measure-2');
      await page.fill('#targetValue', '80,5');
      await page.fill('#baseYear', '2005');
      await page.check('#direction');
      await submit('Koppla nyckeltalet', 303);
      await page.waitForURL(new RegExp(`/mal/${goal}\\?sparat=kopplat$`));
      await expect(page.getByRole('status').textContent()).resolves.toBe('Nyckeltalet är kopplat till målet.');
      await expect(page.locator('main').innerText()).resolves.toContain('mot målet 80,5');
      await expectAccessible();

      // The visible words start the link's name (WCAG 2.5.3); the hidden rest says which link it removes.
      const remove = page.getByRole('link', { name: /^Ta bort nyckeltalet från målet\W+Sysselsättningsgrad/ });
      await expect(remove.count()).resolves.toBe(1);
      await Promise.all([page.waitForURL(/\/ta-bort$/), remove.click()]);
      await expect(page.locator('h1').textContent()).resolves.toBe('Ta bort nyckeltalet från målet');
      await expectAccessible();
      await submit('Ta bort kopplingen', 303);
      await page.waitForURL(new RegExp(`/mal/${goal}\\?sparat=borttaget$`));
      await expect(page.getByRole('status').textContent()).resolves.toBe('Nyckeltalet är borttaget från målet.');
      expect(await readRepos(t.ctx).goalIndicators.forGoals([goal])).toEqual([]);
    },
  );

  it(
    'works by keyboard alone: link an indicator to a goal with a relative target, then remove it',
    { timeout: 120_000 },
    async () => {
      const goal = goals[1]!;
      await open(`/mal/${goal}`);

      /** Presses Tab until `matches` holds for the focused element; fails after `limit` presses. */
      async function tabTo(description: string, matches: (el: { id: string; text: string }) => boolean, limit = 150) {
        for (let i = 0; i < limit; i++) {
          await page.keyboard.press('Tab');
          const el = await page.evaluate(() => {
            const a = document.activeElement as HTMLElement | null;
            return { id: a?.id ?? '', text: a?.textContent?.trim() ?? '' };
          });
          if (matches(el)) return;
        }
        throw new Error(`Tab nådde aldrig ${description}`);
      }
      const tabToField = (id: string) => tabTo(`fältet ${id}`, (el) => el.id === id);
      /** Arrow keys through a select until it shows `value`. */
      async function choose(id: string, value: string) {
        await tabToField(id);
        for (let i = 0; i < 30 && (await page.inputValue(`#${id}`)) !== value; i++)
          await page.keyboard.press('ArrowDown');
        await expect(page.inputValue(`#${id}`)).resolves.toBe(value);
      }

      await tabTo('knappen Koppla ett nyckeltal', (el) => el.text === 'Koppla ett nyckeltal');
      await Promise.all([page.waitForURL(/\/nyckeltal\/ny$/), page.keyboard.press('Enter')]);

      await choose('indicatorKey', EDUCATION);
      await tabToField('measure');
      await page.keyboard.press('ArrowDown'); // the second choice: the population-weighted mean
      await expect(page.isChecked('#measure-2')).resolves.toBe(true);
      await tabToField('targetKind');
      await page.keyboard.press('ArrowDown'); // against another area
      await expect(page.isChecked('#targetKind-2')).resolves.toBe(true);
      await choose('comparisonAreaCode', '0000');
      await tabToField('direction');
      await page.keyboard.press('Space');
      await tabToField('baseYear');
      await page.keyboard.type('2005');
      await tabToField('targetYear');
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('2030');
      await tabTo('knappen Koppla nyckeltalet', (el) => el.text === 'Koppla nyckeltalet');
      await Promise.all([page.waitForURL(/\?sparat=kopplat$/), page.keyboard.press('Enter')]);
      await expect(page.getByRole('status').textContent()).resolves.toBe('Nyckeltalet är kopplat till målet.');
      const [link] = await readRepos(t.ctx).goalIndicators.forGoals([goal]);
      expect(link).toMatchObject({
        measure: 'weighted_mean',
        targetKind: 'relative',
        comparisonAreaCode: '0000',
        direction: 'higher',
        baseYear: 2005,
        targetYear: 2030,
      });

      await tabTo('länken Ta bort nyckeltalet', (el) => el.text.startsWith('Ta bort nyckeltalet från målet'));
      await Promise.all([page.waitForURL(/\/ta-bort$/), page.keyboard.press('Enter')]);
      await tabTo('knappen Ta bort kopplingen', (el) => el.text === 'Ta bort kopplingen');
      await Promise.all([page.waitForURL(/\?sparat=borttaget$/), page.keyboard.press('Enter')]);
      expect(await readRepos(t.ctx).goalIndicators.forGoals([goal])).toEqual([]);
    },
  );
});
