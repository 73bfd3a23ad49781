/** The text layer of real PDFs (Chromium's print of the invented minutes), and the PDFs refused. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { hasUsableText, MAX_PDF_PAGES, readPdfText } from './pdf-text.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/documents/${name}`, import.meta.url)));

async function refusal(bytes: Uint8Array, options?: Parameters<typeof readPdfText>[1]): Promise<DomainError> {
  try {
    await readPdfText(bytes, options);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('validation_failed');
    return error as DomainError;
  }
  throw new Error('The PDF was read, not refused.');
}

describe('PDF text layer', () => {
  it('reads the minutes extract: its §, date, Dnr and decision, on one A4 page', async () => {
    const bytes = fixture('protokollsutdrag.pdf');
    const copy = bytes.slice();
    const pages = await readPdfText(bytes);
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect(page!.number).toBe(1);
    expect(page!.width).toBeCloseTo(595, 0);
    expect(page!.height).toBeCloseTo(842, 0);
    expect(page!.text).toContain('Protokollsutdrag');
    expect(page!.text).toContain('§ 142');
    expect(page!.text).toContain('2025-11-17');
    expect(page!.text).toContain('Dnr KS/2025:0387');
    expect(page!.text).toMatch(/Södertörns\s+utvecklingsprogram 2035 godkänns/);
    expect(page!.text).toContain('Justerat 2025-11-20');
    expect(hasUsableText(page!.text)).toBe(true);
    // the caller's bytes are left as they were (pdf.js gets a copy)
    expect(bytes).toEqual(copy);
  });

  it('reads ten pages, each its own §', async () => {
    const pages = await readPdfText(fixture('tio-sidor.pdf'));
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    pages.forEach((page, i) => expect(page.text).toContain(`§ ${142 + i}`));
  });

  it('finds no usable text on the scanned page, and the text on the mixed PDF’s first page only', async () => {
    const [scan] = await readPdfText(fixture('protokollsutdrag-skannad.pdf'));
    expect(scan!.text.trim()).toBe('');
    expect(hasUsableText(scan!.text)).toBe(false);
    const mixed = await readPdfText(fixture('blandad.pdf'));
    expect(mixed.map((p) => hasUsableText(p.text))).toEqual([true, false]);
    expect(hasUsableText('Sida 3')).toBe(false);
  });

  it('refuses encrypted, empty, too long, malformed PDFs with Swedish messages', async () => {
    expect((await refusal(fixture('krypterad.pdf'))).message).toMatch(/^PDF-filen är krypterad och kräver lösenord/);
    expect((await refusal(fixture('noll-sidor.pdf'))).message).toBe('PDF-filen har inga sidor.');
    expect((await refusal(fixture('femhundra-sidor.pdf'))).message).toBe(
      `PDF-filen har 500 sidor; högst ${MAX_PDF_PAGES} kan läsas.`,
    );
    expect((await refusal(fixture('tio-sidor.pdf'), { maxPages: 5 })).message).toBe(
      'PDF-filen har 10 sidor; högst 5 kan läsas.',
    );
    expect((await refusal(fixture('trasig.pdf'))).message).toBe('PDF-filen är skadad och kan inte läsas.');
    const cut = fixture('protokollsutdrag.pdf').subarray(0, 2000);
    expect((await refusal(cut)).message).toBe('PDF-filen är skadad och kan inte läsas.');
  });

  it('stops a text bomb (3 million characters from 13 kB) at the text limit', async () => {
    const bomb = fixture('textbomb.pdf');
    expect(bomb.length).toBeLessThan(20_000);
    expect((await refusal(bomb)).message).toBe(
      'PDF-filen innehåller mer text än som kan läsas: över 1 000 000 tecken.',
    );
  });

  it('gives up after its time limit', async () => {
    const error = await refusal(fixture('tio-sidor.pdf'), { timeoutMs: 5 });
    expect(error.message).toMatch(/^PDF-filen tog för lång tid att läsa/);
    // and reads the same file normally afterwards
    expect(await readPdfText(fixture('tio-sidor.pdf'))).toHaveLength(10);
  });
});
