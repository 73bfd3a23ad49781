/**
 * Reading board documents end to end with the real fixtures (test/fixtures/documents/): the invented
 * minutes extract as a text PDF, as a scanned PNG, as an image-only PDF and as a mixed PDF; the bad files
 * refused with their Swedish messages; pasted text.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { closeOcr } from './ocr.js';
import { MAX_PASTED_CHARS, readDocumentFile, readPastedText } from './read-document.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/documents/${name}`, import.meta.url)));

afterAll(closeOcr);

/** OCR varies: most of the minutes' key words, compared without case and spacing. */
const KEY_WORDS = [
  'Protokollsutdrag',
  'Botkyrka kommun',
  'Kommunstyrelsen',
  '2025-11-17',
  'KS/2025:0387',
  'Södertörns utvecklingsprogram 2035',
  'godkänns',
  'Justerat 2025-11-20',
  'Ordförande',
  'Justerare',
];
const squeeze = (s: string) => s.toLowerCase().replace(/\s+/g, '');
const keyWordsFound = (text: string) => KEY_WORDS.filter((w) => squeeze(text).includes(squeeze(w)));

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await readDocumentFile(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('validation_failed');
    expect((error as DomainError).problems[0]?.field).toBe('file');
    return (error as DomainError).message;
  }
  throw new Error('The file was read, not refused.');
}

describe('readDocumentFile', () => {
  it('reads the minutes PDF from its text layer', async () => {
    const bytes = fixture('protokollsutdrag.pdf');
    const doc = await readDocumentFile(bytes);
    expect(doc).toMatchObject({
      pages: 1,
      method: 'text-layer',
      mediaType: 'application/pdf',
      size: bytes.length,
      ocrConfidence: null,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(doc.text).toMatch(/^Protokollsutdrag\n/);
    expect(doc.text).toContain('§ 142');
    expect(doc.text).toContain('Sammanträdesdatum 2025-11-17');
    expect(keyWordsFound(doc.text)).toEqual(KEY_WORDS);
  });

  it('reads ten pages, joined by blank lines', async () => {
    const doc = await readDocumentFile(fixture('tio-sidor.pdf'));
    expect(doc.pages).toBe(10);
    expect(doc.method).toBe('text-layer');
    expect(doc.text.split('\n\nProtokollsutdrag\n')).toHaveLength(10);
    expect(doc.text).toContain('§ 151');
  });

  it('reads the scanned page (PNG, 300 dpi) by OCR', async () => {
    const doc = await readDocumentFile(fixture('protokollsutdrag-skannad.png'));
    expect(doc).toMatchObject({ pages: 1, method: 'ocr', mediaType: 'image/png' });
    expect(keyWordsFound(doc.text).length).toBeGreaterThanOrEqual(8);
    expect(doc.text).toMatch(/142/);
    expect(doc.ocrConfidence).toBeGreaterThan(50);
  });

  it('reads the image-only PDF by rendering it and OCR', async () => {
    const doc = await readDocumentFile(fixture('protokollsutdrag-skannad.pdf'));
    expect(doc).toMatchObject({ pages: 1, method: 'ocr', mediaType: 'application/pdf' });
    expect(keyWordsFound(doc.text).length).toBeGreaterThanOrEqual(8);
    expect(doc.ocrConfidence).toBeGreaterThan(50);
  });

  it('reads a mixed PDF per page: the text layer where there is one, OCR elsewhere', async () => {
    const doc = await readDocumentFile(fixture('blandad.pdf'));
    expect(doc).toMatchObject({ pages: 2, method: 'ocr', mediaType: 'application/pdf' });
    const [first, second] = doc.text.split('\n\nProtokollsutdrag\n');
    expect(first).toContain('Paragraf § 142'); // the text layer, exact
    expect(second).toContain('Botkyrka kommun'); // OCR of the JPEG page
    expect(second).toContain('2025-11-17');
    expect(doc.ocrConfidence).toBeGreaterThan(50);
  });

  it('reads TIFF and JPEG images', async () => {
    for (const [name, mediaType] of [
      ['protokollsutdrag-topp.tif', 'image/tiff'],
      ['protokollsutdrag-topp.jpg', 'image/jpeg'],
    ] as const) {
      const doc = await readDocumentFile(fixture(name));
      expect(doc.mediaType).toBe(mediaType);
      expect(doc.text).toContain('Kommunstyrelsen');
    }
  });

  it('refuses bad files with clear Swedish messages', async () => {
    expect(await refusal(fixture('inte-en-pdf.docx'))).toBe('Filen är inte en PDF eller en bild (PNG, JPEG, TIFF).');
    expect(await refusal(fixture('krypterad.pdf'))).toBe(
      'PDF-filen är krypterad och kräver lösenord. Spara den utan lösenord och försök igen.',
    );
    expect(await refusal(fixture('noll-sidor.pdf'))).toBe('PDF-filen har inga sidor.');
    expect(await refusal(fixture('femhundra-sidor.pdf'))).toBe('PDF-filen har 500 sidor; högst 100 kan läsas.');
    expect(await refusal(fixture('trasig.pdf'))).toBe('PDF-filen är skadad och kan inte läsas.');
    expect(await refusal(fixture('bildbomb.png'))).toMatch(/^Bilden är för stor för att läsas: 50 000 × 50 000/);
    expect(await refusal(new Uint8Array())).toBe('Filen är tom.');
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    expect(await refusal(big)).toBe('Filen är större än 20 MB.');
  });
});

describe('readPastedText', () => {
  it('trims, removes control characters and keeps lines', () => {
    const doc = readPastedText('\uFEFF  Protokollsutdrag\r\n§ 142\u0000 Kommunstyrelsen\u0007\r\n\tgodkänns.  \n\n ');
    expect(doc.text).toBe('Protokollsutdrag\n§ 142 Kommunstyrelsen\n\tgodkänns.');
    const bytes = new TextEncoder().encode(doc.text);
    expect(doc).toMatchObject({
      pages: 1,
      method: 'pasted',
      mediaType: 'text/plain',
      size: bytes.length,
      ocrConfidence: null,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    // decomposed å (a + ring) becomes the one character
    expect(readPastedText('Södertörn a\u030A').text).toBe('Södertörn å');
  });

  it('refuses empty and too long text', () => {
    expect(() => readPastedText(' \n\t\u0000 ')).toThrow('Texten är tom.');
    expect(readPastedText('x'.repeat(MAX_PASTED_CHARS)).text).toHaveLength(MAX_PASTED_CHARS);
    expect(() => readPastedText('x'.repeat(MAX_PASTED_CHARS + 1))).toThrow(
      'Texten är för lång: 200 001 tecken; högst 200 000 kan läsas.',
    );
    expect(() => readPastedText('x'.repeat(MAX_PASTED_CHARS * 11))).toThrow(/^Texten är för lång/);
  });
});
