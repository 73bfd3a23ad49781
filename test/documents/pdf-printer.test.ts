import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import {
  createPdfPrinter,
  PdfBusyError,
  PdfPrintError,
  PdfTimeoutError,
  PdfUnavailableError,
  type PdfPrinter,
} from '../../src/documents/pdf-printer.js';
import { CHROMIUM_PATH } from '../support/browser.js';
import { pdfFonts, pdfInfo, pdfText, pdfToPng } from '../support/pdf-reading.js';
import { longSampleDocument, sampleDocument } from '../support/sample-document.js';

/** A one-page document, for the tests of the queue and the browser's life, where the content does not matter. */
const shortDocument = (title: string) => sampleDocument({ title, blocks: [] });

const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH);
// Without Chromium the PDF tests are skipped on a developer's machine; under CI=true nothing may be skipped.
const describeWithChromium = HAVE_CHROMIUM || process.env.CI === 'true' ? describe : describe.skip;

/** The number on the first page's "Sida 1 (N)", which sits in the document's header facts. */
function statedPageCount(text: string): number | undefined {
  const firstPage = text.split('\f')[0]!;
  const match = /Sida\s+1 \((\d+)\)/.exec(firstPage);
  return match ? Number(match[1]) : undefined;
}

describe('PDF printer without Chromium', () => {
  it('is unavailable and says so in Swedish when there is no executable', async () => {
    for (const executablePath of [null, '/finns/inte/chromium']) {
      const printer = createPdfPrinter({ executablePath });
      expect(printer.available()).toBe(false);
      const error = await printer.print(sampleDocument()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PdfUnavailableError);
      expect((error as Error).message).toBe(
        'PDF kan inte skapas på den här servern: Chromium saknas. Dokumentet finns som HTML och Word.',
      );
      expect(printer.stats()).toEqual({ queued: 0, running: 0, printed: 0, failed: 0, restarts: 0 });
      await printer.close();
    }
  });

  it('reports a program that is not Chromium as a failed print, in Swedish, with the cause', async () => {
    const printer = createPdfPrinter({ executablePath: '/bin/false' });
    expect(printer.available()).toBe(true);
    const error = await printer.print(sampleDocument()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfPrintError);
    expect((error as Error).message).toMatch(/^PDF:en kunde inte skapas\./);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(printer.stats()).toMatchObject({ printed: 0, failed: 1 });
    await printer.close();
  });
});

describe('CHROMIUM_PATH', () => {
  it('defaults to the first Chromium found, and refuses a path that does not exist', () => {
    const found = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) =>
      existsSync(p),
    );
    expect(loadConfig({}).CHROMIUM_PATH).toBe(found ?? null);
    expect(loadConfig({ CHROMIUM_PATH: '' }).CHROMIUM_PATH).toBe(found ?? null);
    expect(loadConfig({ CHROMIUM_PATH: '/bin/sh' }).CHROMIUM_PATH).toBe('/bin/sh');
    expect(() => loadConfig({ CHROMIUM_PATH: '/finns/inte/chromium' })).toThrow(/CHROMIUM_PATH: finns inte/);
  });
});

describeWithChromium('PDF printer with the system Chromium', () => {
  let printer: PdfPrinter;

  beforeAll(() => {
    if (!HAVE_CHROMIUM)
      throw new Error(`Chromium saknas i ${CHROMIUM_PATH}; under CI=true får PDF-testerna inte hoppas över.`);
    printer = createPdfPrinter({ executablePath: CHROMIUM_PATH, concurrency: 2 });
  });
  afterAll(async () => {
    await printer?.close();
  });

  it('prints the sample as a tagged A4 PDF with its title, embedded fonts, Swedish text and page count', async () => {
    const doc = sampleDocument();
    expect(printer.available()).toBe(true);
    const pdf = await printer.print(doc);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const info = await pdfInfo(pdf);
    expect(info['Tagged']).toBe('yes');
    expect(info['Title']).toBe(doc.title);
    expect(info['Author']).toBe(doc.issuer);
    expect(info['Subject']).toBe(doc.documentType);
    const size = /^([\d.]+) x ([\d.]+) pts/.exec(info['Page size'] ?? '');
    expect(size, info['Page size']).not.toBeNull();
    // A4 is 595.28 × 841.89 pt; Chromium rounds the page to whole CSS pixels.
    expect(Math.abs(Number(size![1]) - 595.28)).toBeLessThan(1);
    expect(Math.abs(Number(size![2]) - 841.89)).toBeLessThan(1);
    expect(pdf.toString('latin1')).toContain('/Lang (sv)');

    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.emb)).toEqual([]);

    const text = await pdfText(pdf);
    const pages = Number(info['Pages']);
    expect(pages).toBeGreaterThanOrEqual(2); // the sample has a page break
    expect(statedPageCount(text)).toBe(pages);
    for (const word of ['Förslag', 'Södertälje', 'Källor', 'Innehåll', 'åtta']) expect(text).toContain(word);
    // The contents first (ending with Källor), then the sections in the document's order.
    let at = text.indexOf('Källor');
    expect(at).toBeGreaterThan(text.indexOf('Innehåll'));
    for (const heading of [
      'Förslag till beslut',
      'Sammanfattning',
      'Fokusområden och mål',
      'Mål 1: Öka företagandet',
      'Utfall',
      'Källor',
    ]) {
      const next = text.indexOf(heading, at + 1);
      expect(next, `${heading} efter position ${at}`).toBeGreaterThan(at);
      at = next;
    }
    for (const broken of ['undefined', 'NaN', '[object']) expect(text).not.toContain(broken);

    await pdfToPng(pdf, 1, '/tmp/sample-page1.png');
    expect(existsSync('/tmp/sample-page1.png')).toBe(true);
  });

  it('prints a long document with the right count on its first page', async () => {
    const pdf = await printer.print(longSampleDocument(10));
    const info = await pdfInfo(pdf);
    const pages = Number(info['Pages']);
    expect(pages).toBeGreaterThanOrEqual(8);
    const text = await pdfText(pdf);
    expect(statedPageCount(text)).toBe(pages);
    expect(text).toContain('Avsnitt 10: Ökad tillväxt i Södertörn');
    for (const broken of ['undefined', 'NaN', '[object']) expect(text).not.toContain(broken);
  });

  it('prints four at once, never more than two at a time', async () => {
    const before = printer.stats();
    const jobs = Array.from({ length: 4 }, (_, i) => printer.print(shortDocument(`Dokument ${i + 1}`)));
    expect(printer.stats()).toMatchObject({ running: 2, queued: 2 });
    let mostRunning = 0;
    const watch = setInterval(() => (mostRunning = Math.max(mostRunning, printer.stats().running)), 2);
    try {
      const pdfs = await Promise.all(jobs);
      for (const [i, pdf] of pdfs.entries()) expect((await pdfInfo(pdf))['Title']).toBe(`Dokument ${i + 1}`);
    } finally {
      clearInterval(watch);
    }
    expect(mostRunning).toBe(2);
    await expect.poll(() => printer.stats().running).toBe(0);
    expect(printer.stats()).toMatchObject({ queued: 0, printed: before.printed + 4, failed: before.failed });
  });

  it('launches a new browser when the one in use is closed underneath it', async () => {
    await printer.print(shortDocument('Efter omstart'));
    const { restarts } = printer.stats();
    await printer.browserForTests!()!.close();
    expect(printer.browserForTests!()).toBeUndefined();
    const pdf = await printer.print(shortDocument('Efter omstart'));
    expect((await pdfInfo(pdf))['Tagged']).toBe('yes');
    expect(printer.stats().restarts).toBe(restarts + 1);

    // Closed in the middle of a job: that job is run once more in a new browser.
    const job = printer.print(shortDocument('Efter omstart'));
    await expect.poll(() => printer.stats().running).toBe(1);
    await printer.browserForTests!()?.close();
    expect((await pdfInfo(await job))['Tagged']).toBe('yes');
    expect(printer.stats().restarts).toBe(restarts + 2);
  });

  it('refuses a job beyond the queue limit, and gives up on one that takes too long', async () => {
    const small = createPdfPrinter({ executablePath: CHROMIUM_PATH, concurrency: 1, queueLimit: 1 });
    try {
      const first = small.print(shortDocument('Kö'));
      const second = small.print(shortDocument('Kö'));
      const error = await small.print(shortDocument('Kö')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PdfBusyError);
      expect((error as Error).message).toBe('Många PDF:er skapas just nu. Försök igen om en stund.');
      await Promise.all([first, second]);
      expect(small.stats()).toMatchObject({ printed: 2, failed: 0 });
    } finally {
      await small.close();
    }

    const slow = createPdfPrinter({ executablePath: CHROMIUM_PATH, timeoutMs: 50 });
    try {
      await expect(slow.print(shortDocument('Långsam'))).rejects.toBeInstanceOf(PdfTimeoutError);
      expect(slow.stats()).toMatchObject({ printed: 0, failed: 1 });
      await expect.poll(() => slow.stats().running, { timeout: 10_000 }).toBe(0);
    } finally {
      await slow.close();
    }
  });
});
