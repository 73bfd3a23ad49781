/**
 * The draft-editing pages in Chromium on the real app: axe finds no WCAG 2.1 A/AA violation on any
 * page template or its error state, the editor reflows at 320 px, and a whole edit works by keyboard.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getProgramme } from '../../src/app/programmes/get-programme.js';
import { goalsOf } from '../../src/domain/programme/programme.js';
import { postForm, type TestApp } from '../support/app.js';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  type RunningServer,
  submitExpecting,
} from '../support/browser.js';
import { openBrowserApp, signedInTab, type BrowserApp } from '../support/browser-app.js';
import { testDialects } from '../support/databases.js';

describe.each(testDialects)('draft pages in Chromium (%s)', (dialect) => {
  let b: BrowserApp;
  let t: TestApp;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    b = await openBrowserApp(dialect);
    ({ t, server } = b);
  });
  afterAll(() => b?.close());
  beforeEach(async () => {
    ({ context, page } = await signedInTab(b, t.admin));
  });
  afterEach(() => context.close());

  const programme = async (slug: string) => (await getProgramme(t.ctx, slug)).programme;

  /** A draft derived from sup-2035, created through the form. */
  async function derivedDraft(name: string): Promise<string> {
    const res = await postForm(t.app, '/program/nytt', { from: 'sup-2035', name });
    expect(res.status).toBe(303);
    return (res.headers.get('location') ?? '').split('/')[2]!;
  }

  /** Goes to `path` and expects the page to answer `status`. */
  async function open(path: string, status = 200): Promise<void> {
    const res = await page.goto(`${server.url}${path}`);
    expect(res?.status()).toBe(status);
  }

  const submit = (button: string, status: number) =>
    submitExpecting(page, page.getByRole('button', { name: button }), status);

  it('new-draft form and its error state', { timeout: 90_000 }, async () => {
    await open('/program/nytt');
    await expectNoAxeViolations(page);

    await page.fill('#name', 'x'.repeat(201));
    await submit('Skapa utkastet', 422);
    await expect(page.locator('#felsammanfattning a[href="#name"]').textContent()).resolves.toContain(
      'högst 200 tecken',
    );
    await expectNoAxeViolations(page);
  });

  it('editor, its error and conflict states, and no horizontal scroll at 320 px', { timeout: 90_000 }, async () => {
    const slug = await derivedDraft('Utkast för granskning');
    await open(`/program/${slug}/redigera`);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.fill('#name', '');
    await page.fill('#targetYear', 'tjugo');
    await page.fill('#validFromYear', '2023');
    await submit('Spara programmets uppgifter', 422);
    await expect(page.locator('#felsammanfattning a[href="#targetYear"]').count()).resolves.toBe(1);
    await expect(page.inputValue('#targetYear')).resolves.toBe('tjugo');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // Someone else saves while this page is open: the next save is refused and shows their version.
    await open(`/program/${slug}/redigera`);
    const p = await programme(slug);
    await postForm(t.app, `/program/${slug}/redigera`, {
      version: String(p.version),
      name: p.name,
      targetYear: String(p.targetYear ?? ''),
      validFromYear: String(p.validFromYear ?? ''),
      validToYear: String(p.validToYear ?? ''),
      vision: 'Kollegans vision',
      overarchingGoal: p.overarchingGoal,
      note: p.note,
    });
    await page.fill('#vision', 'Min vision');
    await submit('Spara programmets uppgifter', 409);
    await expect(page.inputValue('#vision')).resolves.toBe('Min vision');
    await expect(page.locator('#senast-sparat').textContent()).resolves.toContain('Kollegans vision');
    await expectNoAxeViolations(page);
  });

  it('goal form and its error state', { timeout: 90_000 }, async () => {
    const slug = await derivedDraft('Utkast för målformuläret');
    const goal = goalsOf(await programme(slug))[0]!;
    await open(`/program/${slug}/mal/${goal.id}`);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.fill('#title', '');
    await submit('Spara målet', 422);
    await expect(page.locator('#felsammanfattning a[href="#title"]').count()).resolves.toBe(1);
    await expectNoAxeViolations(page);

    await open(`/program/${slug}/mal/nytt?omrade=${goal.focusAreaId}`);
    await expect(page.inputValue('#focusAreaId')).resolves.toBe(String(goal.focusAreaId));
    await expectNoAxeViolations(page);
  });

  it('propose-refused page and the not-editable page', { timeout: 90_000 }, async () => {
    const slug = await derivedDraft('Ofullständigt utkast');
    await open(`/program/${slug}`);
    await submit('Föreslå programmet', 422);
    await expect(page.locator('h1').textContent()).resolves.toBe('Programmet kunde inte föreslås');
    const firstLink = await page.locator('#felsammanfattning a').first().getAttribute('href');
    expect(firstLink).toMatch(new RegExp(`^/program/${slug}/mal/\\d+#statement-\\d+$`));
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // A programme that is no longer a draft: its editor explains why and offers a new draft instead.
    await open('/program/sup-2035/redigera', 409);
    await expect(page.locator('h1').textContent()).resolves.toBe('Programmet kan inte redigeras');
    await expectNoAxeViolations(page);
  });

  it(
    'works by keyboard alone: create a derived draft, write a goal’s climate statement, save',
    { timeout: 90_000 },
    async () => {
      await open('/program/nytt');

      /** Presses Tab until `matches` holds for the focused element; fails after `limit` presses. */
      async function tabTo(
        description: string,
        matches: (el: { id: string; href: string; text: string }) => boolean,
        limit = 150,
      ) {
        for (let i = 0; i < limit; i++) {
          await page.keyboard.press('Tab');
          const el = await page.evaluate(() => {
            const a = document.activeElement as HTMLElement | null;
            return { id: a?.id ?? '', href: a?.getAttribute('href') ?? '', text: a?.textContent?.trim() ?? '' };
          });
          if (matches(el)) return;
        }
        throw new Error(`Tab nådde aldrig ${description}`);
      }

      await tabTo('utgångspunkten', (el) => el.id === 'from');
      for (let i = 0; i < 10 && (await page.inputValue('#from')) !== 'sup-2035'; i++)
        await page.keyboard.press('ArrowDown');
      await expect(page.inputValue('#from')).resolves.toBe('sup-2035');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Tangentbordsutkast');
      await tabTo('knappen Skapa utkastet', (el) => el.text === 'Skapa utkastet');
      await Promise.all([page.waitForURL(/\/redigera$/), page.keyboard.press('Enter')]);
      const slug = new URL(page.url()).pathname.split('/')[2]!;
      const draft = await programme(slug);
      expect(draft.name).toBe('Tangentbordsutkast');
      const goal = goalsOf(draft)[0]!;
      const climate = draft.perspectives.find((p) => p.name === 'Klimat')!;

      await tabTo('länken Redigera målet', (el) => el.href === `/program/${slug}/mal/${goal.id}`);
      await Promise.all([page.waitForURL(new RegExp(`/mal/${goal.id}$`)), page.keyboard.press('Enter')]);
      await tabTo('klimatredovisningen', (el) => el.id === `statement-${climate.id}`);
      await page.keyboard.type('Bättre kollektivtrafik minskar utsläppen från vägtrafiken.');
      await tabTo('knappen Spara målet', (el) => el.text === 'Spara målet');
      await Promise.all([page.waitForURL(/\/redigera\?sparat=mal/), page.keyboard.press('Enter')]);
      await expect(page.getByRole('status').textContent()).resolves.toBe('Målet är sparat.');

      const saved = goalsOf(await programme(slug)).find((g) => g.id === goal.id)!;
      expect(saved.statements[climate.id]).toBe('Bättre kollektivtrafik minskar utsläppen från vägtrafiken.');
      expect(saved.predecessorGoalIds).toEqual(goal.predecessorGoalIds);
      expect(saved.strategies).toHaveLength(goal.strategies.length);
    },
  );
});
