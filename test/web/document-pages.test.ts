/**
 * The documents as pages of their own and the memo pages in Chromium on the real app, on both databases:
 * zero axe violations (WCAG 2.1 A/AA) on the programme document, a member's memo, the annual report and
 * the key-indicator conference pack, and on the memo overview and a member's form (also with its error
 * summary); every text in a landmark; the first Tab on a document reaches its tools and the contents
 * links move the keyboard on to their sections; the memo form filled and saved by keyboard alone; no
 * sideways scroll at 320 px; the tools left out of print; and the links to the documents on the
 * programme, adoption, annual report and indicator pages, each leading to its document.
 */
import type { AxeResults, RunOptions } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  annualReportDocumentPath,
  conferencePackPath,
  memoDocumentPath,
  memoPath,
  memosPath,
  programmeDocumentPath,
} from '../../src/web/document-paths.js';
import { postForm, type TestApp } from '../support/app.js';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  submitExpecting,
  tab,
  type RunningServer,
} from '../support/browser.js';
import { openBrowserApp, signedInTab, type BrowserApp } from '../support/browser-app.js';
import { testDialects } from '../support/databases.js';

const PROGRAMME = 'sup-2035';
const PROPOSAL = 'sup-2035-proposal';
const HANINGE = '0136';
/** The demo's year of example plans; the test clock is in November 2026. */
const REPORT_YEAR = 2026;
const CONFERENCE_YEAR = 2015;
const THIS_YEAR = 2026;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The four documents as pages, each with (part of) its heading. */
const DOCUMENTS: readonly { path: string; heading: string }[] = [
  { path: programmeDocumentPath(PROGRAMME), heading: 'Södertörns utvecklingsprogram' },
  { path: memoDocumentPath(PROPOSAL, HANINGE), heading: 'Södertörns utvecklingsprogram' },
  { path: annualReportDocumentPath(REPORT_YEAR), heading: `Årsredovisning ${REPORT_YEAR}` },
  { path: conferencePackPath(CONFERENCE_YEAR), heading: `Nyckeltalskonferensen ${CONFERENCE_YEAR}` },
];

/** axe's landmark rules beyond WCAG's tags (best practice): every text in a landmark, one <main>. */
const LANDMARK_RULES = ['region', 'landmark-one-main', 'landmark-unique', 'landmark-no-duplicate-main'];

/** Runs only `rules` of axe (loaded into the page by expectNoAxeViolations) and lists what fails. */
async function axeRuleViolations(page: Page, rules: readonly string[]): Promise<string[]> {
  const options: RunOptions = { runOnly: { type: 'rule', values: [...rules] }, resultTypes: ['violations'] };
  const violations = await page.evaluate(
    (options) =>
      (window as unknown as { axe: { run: (c: Document, o: RunOptions) => Promise<AxeResults> } }).axe
        .run(document, options)
        .then((results) => results.violations),
    options,
  );
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** The element that has focus: its tag, id, href and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return {
      tag: a?.tagName.toLowerCase() ?? '',
      id: a?.id ?? '',
      href: a?.getAttribute('href') ?? '',
      text: a?.textContent?.trim() ?? '',
      inTools: Boolean(a?.closest('nav.document-tools')),
    };
  });

describe.each(testDialects)('documents and memo pages in Chromium on %s', (dialect) => {
  let b: BrowserApp;
  let t: TestApp;
  let server: RunningServer;
  let admin: BrowserContext;
  let officer: BrowserContext;
  let visitor: BrowserContext;

  beforeAll(async () => {
    b = await openBrowserApp(dialect);
    ({ t, server } = b);
    ({ context: admin } = await signedInTab(b, t.admin));
    ({ context: officer } = await signedInTab(b, await t.session('member_officer', { member: HANINGE })));
    visitor = await b.browser.newContext();
  }, 120_000);
  afterAll(async () => {
    await Promise.all([admin?.close(), officer?.close(), visitor?.close()]);
    await b?.close();
  });

  /** Goes to `path` in `as`'s tab and expects `status`. */
  async function visit(path: string, as: BrowserContext = visitor, status = 200): Promise<Page> {
    const page = await tab(as);
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status(), path).toBe(status);
    return page;
  }

  /** A page only people with a role may see: the public is sent to sign in, and back after. */
  async function expectSignInAsked(path: string): Promise<void> {
    const page = await tab(visitor);
    await page.goto(`${server.url}${path}`);
    const url = new URL(page.url());
    expect(url.pathname, path).toBe('/logga-in');
    expect(url.searchParams.get('till'), path).toBe(path);
  }

  /** Presses Tab until `matches` holds for the focused element; fails after `limit` presses. */
  async function tabTo(
    page: Page,
    description: string,
    matches: (el: Awaited<ReturnType<typeof focused>>) => boolean,
    limit = 80,
  ): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (matches(await focused(page))) return;
    }
    throw new Error(`Tab nådde aldrig ${description}`);
  }

  it(
    'the four documents: one <main>, the tools in a <nav>, zero axe violations at desktop width and at 320 px without sideways scroll',
    { timeout: 180_000 },
    async () => {
      for (const { path, heading } of DOCUMENTS) {
        // The memo needs a role; the others are public and look the same signed in.
        const page = await visit(path, admin);
        expect(await page.locator('h1').count(), path).toBe(1);
        expect(await page.locator('h1').innerText(), path).toContain(heading);
        expect(await page.locator('main').count(), path).toBe(1);
        expect(await page.locator('nav.document-tools[aria-label]').count(), path).toBe(1);
        await expectNoAxeViolations(page);
        expect(await axeRuleViolations(page, LANDMARK_RULES), path).toEqual([]);
        // At 320 px the wide tables scroll inside their own regions, which then must be reachable by keyboard.
        await expectNoHorizontalScroll(page);
        await expectNoAxeViolations(page);
        await page.setViewportSize({ width: 1280, height: 800 });
      }
      // The memo is internal: the public is asked to sign in.
      await expectSignInAsked(memoDocumentPath(PROPOSAL, HANINGE));
    },
  );

  it('a document’s first Tab reaches its tools, and the contents links move the keyboard to their sections', async () => {
    const page = await visit(programmeDocumentPath(PROGRAMME));
    await page.keyboard.press('Tab');
    const first = await focused(page);
    expect(first.inTools).toBe(true);
    expect(first.href).toBe(await page.locator('nav.document-tools a').first().getAttribute('href'));
    expect(first.href).toBe(programmeDocumentPath(PROGRAMME, 'docx'));

    const links = page.locator('nav.document-contents a');
    const targets = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(targets.length).toBeGreaterThan(2);
    let tabbedOn = 0;
    for (const [i, href] of targets.entries()) {
      if (i > 1 && i < targets.length - 1) continue; // the first two and the last (Källor)
      await page.goto(`${server.url}${programmeDocumentPath(PROGRAMME)}`);
      await tabTo(page, `innehållslänken ${href}`, (el) => el.href === href);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.hash === href);
      // Focus is on the section's heading, in view; the next Tab goes on from there, not from the top.
      expect((await focused(page)).id, href).toBe(href.slice(1));
      expect(await page.locator(href).evaluate((h) => h.getBoundingClientRect().top), href).toBeLessThan(800);
      // The first element after the heading that Tab can reach (a link, a table's scroll region), if any.
      const next = await page.evaluate((id) => {
        const target = document.getElementById(id)!;
        const tabbable = Array.from(document.querySelectorAll<HTMLElement>('a[href], [tabindex="0"]')).find(
          (el) => target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
        return tabbable ? (tabbable.getAttribute('href') ?? tabbable.getAttribute('aria-label')) : null;
      }, href.slice(1));
      if (next === null) continue;
      await page.keyboard.press('Tab');
      const after = await page.evaluate(() => {
        const a = document.activeElement;
        return a?.getAttribute('href') ?? a?.getAttribute('aria-label') ?? null;
      });
      expect(after, `Tab efter ${href}`).toBe(next);
      tabbedOn++;
    }
    expect(tabbedOn).toBeGreaterThan(0);
  });

  it('printing leaves out the tools, and the document with them', async () => {
    const page = await visit(conferencePackPath(CONFERENCE_YEAR));
    expect(await page.locator('nav.document-tools').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('nav.document-tools').isVisible()).toBe(false);
      expect(await page.locator('main h1').isVisible()).toBe(true);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it(
    'the memo overview and Haninge’s form, as its member officer and as the secretariat: zero axe violations, also with the error summary, and no sideways scroll',
    { timeout: 120_000 },
    async () => {
      for (const as of [officer, admin]) {
        const overview = await visit(memosPath(PROPOSAL), as);
        expect(await overview.locator('h1').innerText()).toContain('Tjänsteskrivelser om');
        expect(await overview.locator(`a[href="${memoPath(PROPOSAL, HANINGE)}"]`).count()).toBe(1);
        await expectNoAxeViolations(overview);
        await expectNoHorizontalScroll(overview);
        await overview.setViewportSize({ width: 1280, height: 800 });

        const form = await visit(memoPath(PROPOSAL, HANINGE), as);
        expect(await form.locator('h1').innerText()).toBe('Tjänsteskrivelse för Haninge');
        await expectNoAxeViolations(form);
        await expectNoHorizontalScroll(form);
        await form.setViewportSize({ width: 1280, height: 800 });

        await form.fill('#diarienummer', 'KS '.repeat(21));
        await submitExpecting(form, form.getByRole('button', { name: 'Spara' }), 422);
        expect(await form.title()).toMatch(/^Fel: /);
        expect(await form.locator('#felsammanfattning a[href="#diarienummer"]').count()).toBe(1);
        expect(await form.inputValue('#diarienummer')).toBe('KS '.repeat(21));
        await expectNoAxeViolations(form);
        await expectNoHorizontalScroll(form);
        await form.setViewportSize({ width: 1280, height: 800 });
      }
      // The public is asked to sign in first.
      await expectSignInAsked(memosPath(PROPOSAL));
      await expectSignInAsked(memoPath(PROPOSAL, HANINGE));
    },
  );

  it('the memo form is filled and saved by keyboard alone', { timeout: 60_000 }, async () => {
    const page = await visit(memoPath(PROPOSAL, HANINGE), officer);
    await tabTo(page, 'läget', (el) => el.tag === 'input' && el.id.startsWith('status'));
    // The radios: the arrow keys move the choice from Utkast to Klar.
    const checked = () => page.locator('input[name="status"]:checked').getAttribute('value');
    for (let i = 0; i < 3 && (await checked()) !== 'ready'; i++) await page.keyboard.press('ArrowDown');
    expect(await checked()).toBe('ready');
    await tabTo(page, 'diarienumret', (el) => el.id === 'diarienummer');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('KS 2019/124');
    await tabTo(page, 'förvaltningens bedömning', (el) => el.id === 'assessment');
    await page.keyboard.type('Förvaltningen tillstyrker förslaget.');
    await tabTo(page, 'knappen Spara', (el) => el.text === 'Spara');
    await Promise.all([page.waitForURL(/\?sparat=1$/), page.keyboard.press('Enter')]);
    expect(await page.getByRole('status').innerText()).toBe('Tjänsteskrivelsens texter är sparade.');
    expect(await page.inputValue('#diarienummer')).toBe('KS 2019/124');
    expect(await page.inputValue('#assessment')).toBe('Förvaltningen tillstyrker förslaget.');
    expect(await checked()).toBe('ready');
    await expectNoAxeViolations(page);
    // The saved texts are in the document.
    const doc = await visit(memoDocumentPath(PROPOSAL, HANINGE), officer);
    expect(await doc.locator('main').innerText()).toContain('Förvaltningen tillstyrker förslaget.');
  });

  /**
   * The links named `names` on the page, each once (so each name is distinct there); their hrefs, which
   * must be `hrefs`. The page (HTML) and Word links must answer 200. The test app has no PDF printer, so
   * in place of a PDF link the page must say that this server cannot make PDFs.
   */
  async function expectDocumentLinks(page: Page, as: BrowserContext, links: readonly [string, string][]) {
    for (const [name, href] of links) {
      const link = page.getByRole('link', { name, exact: true });
      if (href.endsWith('.pdf')) {
        expect(await link.count(), `${page.url()}: ${name}`).toBe(0);
        expect(await page.locator('main').innerText()).toContain(
          `${name}: kan inte skapas på den här servern (Chromium saknas).`,
        );
        continue;
      }
      expect(await link.count(), `${page.url()}: ${name}`).toBe(1);
      expect(await link.getAttribute('href'), name).toBe(href);
      const res = await as.request.get(`${server.url}${href}`);
      expect(res.status(), href).toBe(200);
      expect(res.headers()['content-type'], href).toContain(href.endsWith('.docx') ? DOCX : 'text/html');
    }
  }

  it('the programme page offers its document in three formats, and a proposal’s memos to those with a role', async () => {
    const formats = (slug: string): [string, string][] => [
      ['Programdokumentet som webbsida', programmeDocumentPath(slug)],
      ['Programdokumentet som Word-fil (DOCX)', programmeDocumentPath(slug, 'docx')],
      ['Programdokumentet som PDF', programmeDocumentPath(slug, 'pdf')],
    ];
    const memos = 'Tjänsteskrivelser till kommunstyrelserna';

    let page = await visit(`/program/${PROGRAMME}`);
    await expectDocumentLinks(page, visitor, formats(PROGRAMME));
    await page.getByRole('link', { name: 'Programdokumentet som webbsida' }).click();
    await page.waitForURL(`${server.url}${programmeDocumentPath(PROGRAMME)}`);
    expect(await page.locator('h1').innerText()).toContain('Södertörns utvecklingsprogram');

    // A draft has no memos (they are written once it is proposed); a proposed version has, for those with a role.
    const res = await postForm(t.app, '/program/nytt', { from: PROGRAMME, name: 'Utkast med dokument' });
    expect(res.status).toBe(303);
    const draft = (res.headers.get('location') ?? '').split('/')[2]!;
    page = await visit(`/program/${draft}`, admin);
    expect(await page.getByRole('link', { name: memos }).count()).toBe(0);
    await expectDocumentLinks(page, admin, formats(draft));
    page = await visit(`/program/${PROPOSAL}`, visitor);
    expect(await page.getByRole('link', { name: memos }).count()).toBe(0);
    await expectDocumentLinks(page, visitor, formats(PROPOSAL));
    page = await visit(`/program/${PROPOSAL}`, officer);
    await expectDocumentLinks(page, officer, [...formats(PROPOSAL), [memos, memosPath(PROPOSAL)]]);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: memos }).click();
    await page.waitForURL(`${server.url}${memosPath(PROPOSAL)}`);
    expect(await page.locator('h1').innerText()).toContain('Tjänsteskrivelser om');
  });

  it('the adoption page links to the programme document and, for a proposal, the memos', async () => {
    const memos: [string, string] = ['Tjänsteskrivelser till kommunstyrelserna', memosPath(PROPOSAL)];
    const page = await visit(`/program/${PROPOSAL}/antagande`, admin);
    await expectDocumentLinks(page, admin, [
      ['Programdokumentet som webbsida', programmeDocumentPath(PROPOSAL)],
      ['Programdokumentet som Word-fil (DOCX)', programmeDocumentPath(PROPOSAL, 'docx')],
      ['Programdokumentet som PDF', programmeDocumentPath(PROPOSAL, 'pdf')],
      memos,
    ]);
    await expectNoAxeViolations(page);
    const res = await admin.request.get(`${server.url}${memosPath(PROPOSAL)}`);
    expect(res.status()).toBe(200);
    // The public sees the document but not the memos.
    const publicPage = await visit(`/program/${PROPOSAL}/antagande`);
    expect(await publicPage.getByRole('link', { name: memos[0] }).count()).toBe(0);
    expect(await publicPage.getByRole('link', { name: 'Programdokumentet som webbsida' }).count()).toBe(1);
  });

  it('the annual report page offers the document beside the Excel file', async () => {
    const page = await visit(`/uppfoljning/${REPORT_YEAR}/arsredovisning`);
    expect(await page.getByRole('link', { name: 'Ladda ner som Excel' }).count()).toBe(1);
    await expectDocumentLinks(page, visitor, [
      ['Årsredovisningen som webbsida', annualReportDocumentPath(REPORT_YEAR)],
      ['Årsredovisningen som Word-fil (DOCX)', annualReportDocumentPath(REPORT_YEAR, 'docx')],
      ['Årsredovisningen som PDF', annualReportDocumentPath(REPORT_YEAR, 'pdf')],
    ]);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });

  it('the indicator list offers this year’s conference pack', { timeout: 60_000 }, async () => {
    const page = await visit('/nyckeltal');
    await expectDocumentLinks(page, visitor, [
      [`Konferensunderlaget ${THIS_YEAR} som webbsida`, conferencePackPath(THIS_YEAR)],
      [`Konferensunderlaget ${THIS_YEAR} som Word-fil (DOCX)`, conferencePackPath(THIS_YEAR, 'docx')],
      [`Konferensunderlaget ${THIS_YEAR} som PDF`, conferencePackPath(THIS_YEAR, 'pdf')],
    ]);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });
});
