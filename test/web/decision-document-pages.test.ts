/**
 * Reading a board's decision from its document, in Chromium on the real app: a member's officer uploads
 * a minutes extract printed to PDF (a text layer), and the same page as a scanned image (read by OCR in
 * Swedish); each is read, repaired and its fields extracted into the decision form, which the officer
 * checks and confirms. The upload page and the review page have zero axe violations (WCAG 2.1 A/AA),
 * and the confirmed decision keeps the document as its source. The minutes are an invented example
 * (test/fixtures/documents/README.md).
 */
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readRepos } from '../../src/app/context.js';
import { closeDocumentReaders } from '../../src/documents/reading/close-readers.js';
import type { TestApp } from '../support/app.js';
import { expectAccessible, submitExpecting, type RunningServer } from '../support/browser.js';
import { openBrowserApp, signedInTab, type BrowserApp } from '../support/browser-app.js';
import { testDialects } from '../support/databases.js';
import type { TestSession } from '../support/sessions.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/documents/${name}`, import.meta.url));

describe.each(testDialects)('decisions read from documents in Chromium on %s', (dialect) => {
  let b: BrowserApp;
  let t: TestApp;
  let server: RunningServer;
  let botkyrka: TestSession;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    b = await openBrowserApp(dialect);
    ({ t, server } = b);
    botkyrka = await t.session('member_officer', { member: '0127' });
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await closeDocumentReaders();
  });
  beforeEach(async () => {
    ({ context, page } = await signedInTab(b, botkyrka));
  });
  afterEach(() => context.close());

  /** Uploads `file` from the upload page and lands on its review page; returns the document's id. */
  async function upload(file: string): Promise<number> {
    const res = await page.goto(`${server.url}/antagande/dokument`);
    expect(res?.status()).toBe(200);
    await expectAccessible(page);
    await page.setInputFiles('#fil', fixture(file));
    await submitExpecting(page, page.getByRole('button', { name: 'Läs in' }), 303);
    await page.waitForURL(/\/antagande\/dokument\/\d+$/);
    return Number(/(\d+)$/.exec(page.url())![1]);
  }

  /** Confirms the decision as the form now stands and checks what was recorded. */
  async function confirmAndCheck(id: number) {
    await submitExpecting(page, page.getByRole('button', { name: 'Bekräfta och registrera beslutet' }), 303);
    await page.waitForURL(new RegExp(`/antagande/dokument/${id}$`));
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Beslutet är bekräftat och registrerat med dokumentet som källa.',
    );
    await expectAccessible(page);
    const document = (await readRepos(t.ctx).decisionDocuments.byId(id))!;
    expect(document.decisionId).not.toBeNull();
    const decisions = await t.ctx.storage.db
      .selectFrom('decisions')
      .innerJoin('members', 'members.id', 'decisions.member_id')
      .select(['members.code', 'decisions.decided_on', 'decisions.paragraph', 'decisions.outcome', 'decisions.source'])
      .where('decisions.id', '=', document.decisionId!)
      .execute();
    expect(decisions).toEqual([
      {
        code: '0127',
        decided_on: '2025-11-17',
        paragraph: '§ 142',
        outcome: 'adopted',
        source: expect.stringContaining(document.sha256),
      },
    ]);
    return document;
  }

  it('a minutes extract printed to PDF: read from its text layer and confirmed', { timeout: 120_000 }, async () => {
    const id = await upload('protokollsutdrag.pdf');
    await expectAccessible(page);
    await expect(page.inputValue('#date')).resolves.toBe('2025-11-17');
    await expect(page.inputValue('#paragraph')).resolves.toBe('§ 142');
    await expect(page.locator('#memberId option:checked').textContent()).resolves.toBe('Botkyrka (0127)');
    await expect(page.isChecked('#kind')).resolves.toBe(true);
    await expect(page.isChecked('#outcome')).resolves.toBe(true);
    await expect(page.locator('#programme option:checked').textContent()).resolves.toMatch(
      /^Södertörns utvecklingsprogram 2035 \(sup-2035/,
    );
    const document = await confirmAndCheck(id);
    expect(document).toMatchObject({ readMethod: 'text-layer', mediaType: 'application/pdf', pages: 1 });
    // The adoption page links the decision to its document, and stays accessible with the link.
    await page.getByRole('link', { name: /^Se antagandet av / }).click();
    await page.waitForURL(/\/program\/sup-2035[^/]*\/antagande$/);
    await expect(page.locator(`a[href="/antagande/dokument/${id}/fil"]`).textContent()).resolves.toBe(
      'protokollsutdrag.pdf',
    );
    await expectAccessible(page);
  });

  it('the same page scanned: read by OCR, repaired, and confirmed', { timeout: 180_000 }, async () => {
    const id = await upload('protokollsutdrag-skannad.png');
    await expectAccessible(page);
    const document = (await readRepos(t.ctx).decisionDocuments.byId(id))!;
    expect(document).toMatchObject({ readMethod: 'ocr', mediaType: 'image/png' });
    // What OCR read is shown beside the repaired text; the form is filled in from the repaired text.
    await expect(page.getByRole('region', { name: 'Texten som den lästes' }).textContent()).resolves.toContain(
      'Botkyrka',
    );
    await expect(page.inputValue('#date')).resolves.toBe('2025-11-17');
    await expect(page.locator('#memberId option:checked').textContent()).resolves.toBe('Botkyrka (0127)');
    // The paragraph's sign came out of OCR as "&": after the header's label "Paragraf" the number is read all the same.
    await expect(page.inputValue('#paragraph')).resolves.toBe('§ 142');
    await expect(page.locator('#programme option:checked').textContent()).resolves.toMatch(
      /^Södertörns utvecklingsprogram 2035 \(sup-2035/,
    );
    await expect(page.isChecked('#kind')).resolves.toBe(true);
    await expect(page.isChecked('#outcome')).resolves.toBe(true);
    await confirmAndCheck(id);
  });
});
