/**
 * A board document (minutes, a decision) as text: from an uploaded file or from pasted text.
 *
 * A file's type is judged by its first bytes (file-type.ts), at most 20 MB. A PDF is read from its text
 * layer page by page (pdf-text.ts); pages with (almost) no text are rendered at 300 dpi (rasterise-pdf.ts)
 * and read by OCR in Swedish (ocr.ts), so a mixed PDF is read per page. A PNG, JPEG or TIFF is checked for
 * its size in pixels from its header (image-size.ts) and read by OCR. Every bad file is refused with a
 * Swedish `validation_failed` error (HTTP 422) before anything else happens: this module only reads.
 *
 * The text: Unicode NFC, line ends `\n`, control characters other than line feed and tab removed, trimmed;
 * a PDF's pages joined by a blank line.
 */
import { createHash } from 'node:crypto';
import type { ReadMethod } from '../../domain/decision-documents/decision-document.js';
import { judgeFileType, unreadable, type DocumentFileType } from './file-type.js';
import { assertReadableSize, readImageSize } from './image-size.js';
import { recognise, type OcrResult } from './ocr.js';
import { hasUsableText, readPdfText } from './pdf-text.js';
import { rasterisePdfPages } from './rasterise-pdf.js';

export type DocumentMediaType = DocumentFileType | 'text/plain';

export interface DocumentText {
  text: string;
  pages: number;
  /** A PDF with any page read by OCR counts as `ocr` (and has an `ocrConfidence`). */
  method: ReadMethod;
  mediaType: DocumentMediaType;
  /** Of the file's bytes; of the cleaned text's UTF-8 bytes for pasted text. */
  sha256: string;
  /** Bytes: the file's, or the cleaned pasted text's in UTF-8. */
  size: number;
  /** OCR's mean confidence (0–100) over the pages it read, weighted by their text's length; null without OCR. */
  ocrConfidence: number | null;
}

export const MAX_PASTED_CHARS = 200_000;

const grouped = (n: number): string => n.toLocaleString('sv-SE').replace(/\s/g, ' ');

// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFEFF]/g;

/**
 * NFC, `\r\n` and `\r` to `\n`, form feeds to line breaks, other control characters (C0 but tab and line
 * feed, DEL, C1) and the byte-order mark removed, trailing spaces of lines dropped, trimmed.
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .replace(CONTROL, '')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Text pasted into the form or sent as text to the API. */
export function readPastedText(text: string): DocumentText {
  // A bound before the cleaning's work: control characters alone cannot make a text ten times too long short enough.
  if (text.length > MAX_PASTED_CHARS * 10)
    throw unreadable(`Texten är för lång; högst ${grouped(MAX_PASTED_CHARS)} tecken kan läsas.`, 'text');
  const cleaned = cleanText(text);
  if (cleaned.length === 0) throw unreadable('Texten är tom. Klistra in texten i beslutet eller protokollet.', 'text');
  if (cleaned.length > MAX_PASTED_CHARS)
    throw unreadable(
      `Texten är för lång: ${grouped(cleaned.length)} tecken; högst ${grouped(MAX_PASTED_CHARS)} kan läsas.`,
      'text',
    );
  const bytes = new TextEncoder().encode(cleaned);
  return {
    text: cleaned,
    pages: 1,
    method: 'pasted',
    mediaType: 'text/plain',
    sha256: sha256(bytes),
    size: bytes.length,
    ocrConfidence: null,
  };
}

/** Mean confidence weighted by each page's text length (a plain mean when no page found any text). */
function meanConfidence(results: readonly OcrResult[]): number | null {
  if (results.length === 0) return null;
  const weight = results.reduce((sum, r) => sum + r.text.trim().length, 0);
  const mean =
    weight > 0
      ? results.reduce((sum, r) => sum + r.confidence * r.text.trim().length, 0) / weight
      : results.reduce((sum, r) => sum + r.confidence, 0) / results.length;
  return Math.round(mean * 10) / 10;
}

const NO_TEXT = 'Ingen text hittades i filen. Kontrollera att det är rätt fil, eller klistra in texten.';

async function readPdf(bytes: Uint8Array): Promise<Omit<DocumentText, 'mediaType' | 'sha256' | 'size'>> {
  const pages = await readPdfText(bytes);
  const texts = pages.map((page) => (hasUsableText(page.text) ? cleanText(page.text) : null));
  const scanned = pages.filter((_, i) => texts[i] === null);
  const ocr: OcrResult[] = [];
  for await (const raster of rasterisePdfPages(bytes, scanned)) {
    const result = await recognise(raster.png);
    ocr.push(result);
    texts[raster.number - 1] = cleanText(result.text);
  }
  const text = texts.filter((t) => t).join('\n\n');
  if (!text) throw unreadable(NO_TEXT);
  return {
    text,
    pages: pages.length,
    method: ocr.length > 0 ? 'ocr' : 'text-layer',
    ocrConfidence: meanConfidence(ocr),
  };
}

async function readImage(
  bytes: Uint8Array,
  type: Exclude<DocumentFileType, 'application/pdf'>,
): Promise<Omit<DocumentText, 'mediaType' | 'sha256' | 'size'>> {
  assertReadableSize(readImageSize(bytes, type));
  const result = await recognise(bytes);
  const text = cleanText(result.text);
  if (!text)
    throw unreadable('Ingen text hittades i bilden. Kontrollera att det är rätt bild, eller klistra in texten.');
  return { text, pages: 1, method: 'ocr', ocrConfidence: meanConfidence([result]) };
}

/** An uploaded file (PDF, PNG, JPEG or TIFF, at most 20 MB) as text. */
export async function readDocumentFile(bytes: Uint8Array): Promise<DocumentText> {
  const mediaType = judgeFileType(bytes);
  const read = mediaType === 'application/pdf' ? await readPdf(bytes) : await readImage(bytes, mediaType);
  return { ...read, mediaType, sha256: sha256(bytes), size: bytes.length };
}
