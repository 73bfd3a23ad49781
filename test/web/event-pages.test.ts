/**
 * The event pages in Chromium on the real app, on both databases: zero axe violations (WCAG 2.1 A/AA) and
 * no sideways scroll at 320 px on the public list, the demo's Rådslaget 2019 and a documented event; the
 * new-event form filled and sent by keyboard alone, its error summary (a wrong date) leading to the field;
 * and the documentation page, also with the refusal of a recording without captions.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, type TestApp } from '../support/app.js';
import {
  errorSummaryLinks,
  expectAccessible,
  expectNoAxeViolations,
  submitExpecting,
  tab,
  type RunningServer,
} from '../support/browser.js';
import { openBrowserApp, signedInTab, type BrowserApp } from '../support/browser-app.js';
import { testDialects } from '../support/databases.js';

describe.each(testDialects)('event pages in Chromium on %s', (dialect) => {
  let b: BrowserApp;
  let t: TestApp;
  let server: RunningServer;
  let admin: BrowserContext;
  let visitor: BrowserContext;

  beforeAll(async () => {
    b = await openBrowserApp(dialect);
    ({ t, server } = b);
    ({ context: admin } = await signedInTab(b, t.admin));
    visitor = await b.browser.newContext();
  }, 120_000);
  afterAll(async () => {
    await Promise.all([admin?.close(), visitor?.close()]);
    await b?.close();
  });

  async function visit(path: string, as: BrowserContext = visitor, status = 200): Promise<Page> {
    const page = await tab(as);
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status(), path).toBe(status);
    return page;
  }

  it('the public list and the demo’s Rådslaget 2019, in Swedish and English: zero axe violations, no sideways scroll', async () => {
    for (const path of ['/evenemang', '/evenemang/radslaget-2019', '/en/evenemang', '/en/evenemang/radslaget-2019']) {
      const page = await visit(path);
      expect(await page.locator('h1').count(), path).toBe(1);
      await expectAccessible(page);
    }
    const page = await visit('/evenemang/radslaget-2019');
    expect(await page.locator('h1').innerText()).toBe('Rådslaget 2019');
    expect(await page.locator('main').innerText()).toContain('Salem');
  });

  it('the new-event form by keyboard: a wrong date leads to the field, then the event is saved', async () => {
    const page = await visit('/evenemang/nytt', admin);
    await expectAccessible(page);
    // Kind: the first radio, by keyboard.
    await page.locator('#kind').focus();
    await page.keyboard.press('Space');
    await page.locator('#date').focus();
    await page.keyboard.type('2027-02-30');
    await page.keyboard.press('Tab');
    await page.keyboard.type('09.00');
    await page.locator('#theme').focus();
    await page.keyboard.type('Kompetens');
    await page.locator('#publication-2').focus();
    await page.keyboard.press('Space');
    const save = page.getByRole('button', { name: 'Spara' });
    await save.focus();
    await submitExpecting(page, save, 422);
    expect(await errorSummaryLinks(page)).toEqual(['#date']);
    expect(await page.title()).toBe('Fel: Nytt evenemang – samverkan');
    await expectNoAxeViolations(page);
    await page.locator('#felsammanfattning a').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === '#date');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('date');
    expect(await page.locator('#theme').inputValue()).toBe('Kompetens');
    await page.locator('#date').fill('');
    await page.keyboard.type('2027-02-11');
    await submitExpecting(page, page.getByRole('button', { name: 'Spara' }), 303);
    expect(new URL(page.url()).pathname).toBe('/evenemang/radslaget-2027');
    expect(await page.locator('[role="status"]').innerText()).toBe('Evenemanget är sparat.');
    await expectAccessible(page);
  });

  it('the agenda form and the documentation page, with a recording refused without captions', async () => {
    const created = await postForm(t.app, '/evenemang/nytt', {
      kind: 'sodertornskonferensen',
      date: '2026-10-01',
      theme: 'Testkonferens',
      status: 'scheduled',
      publication: 'published',
      version: '0',
    });
    const slug = new URL(created.headers.get('location')!, server.url).pathname.split('/')[2]!;
    await postForm(t.app, `/evenemang/${slug}/dokumentation`, { summary: 'Två hundra deltagare.', version: '1' });
    await postForm(t.app, `/evenemang/${slug}/filer`, {
      fileName: 'Presentationer',
      fileUrl: 'https://sodertornskommunerna.se/p.pdf',
      fileFormat: 'pdf',
      fileSize: '2,4 MB',
    });
    await postForm(t.app, `/evenemang/${slug}/inspelningar`, {
      recordingTitle: 'Förmiddagen',
      recordingUrl: 'https://play.example.se/f',
    });
    await postForm(t.app, `/evenemang/${slug}/resultat`, {
      outcomeText: 'Ett beslut',
      outcomeUrl: '/program/sup-2035',
    });

    await expectAccessible(await visit(`/evenemang/${slug}/dagordning`, admin));
    const page = await visit(`/evenemang/${slug}/dokumentation`, admin);
    await expectAccessible(page);

    // Publishing the recording without captions: refused, said in Swedish beside the box, nothing saved.
    await page.getByLabel('Publicera inspelningen på evenemangets sida').first().check();
    await submitExpecting(page, page.getByRole('button', { name: 'Spara inspelningen ”Förmiddagen”' }), 422);
    const links = await errorSummaryLinks(page);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(/^#recording-\d+-captions$/);
    expect(await page.locator('#felsammanfattning').innerText()).toContain(
      'En inspelning kan publiceras först när den har undertexter.',
    );
    await expectNoAxeViolations(page);

    const publicPage = await visit(`/evenemang/${slug}`);
    expect(await publicPage.locator('main').innerText()).not.toContain('Förmiddagen');
    expect(await publicPage.locator('main').innerText()).toContain('Presentationer (PDF, 2,4 MB)');
    await expectAccessible(publicPage);
  });
});
