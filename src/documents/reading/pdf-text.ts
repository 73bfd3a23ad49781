/**
 * A PDF's pages and the text of each from its text layer, with pdf.js (unpdf's serverless build, which runs
 * in this thread). Refused with a Swedish message: a PDF that needs a password, that is malformed, that has
 * no pages or more than MAX_PDF_PAGES.
 *
 * PDF bombs: pdf.js decompresses a stream only when it is read, so the work is bounded by what is read:
 * at most MAX_PDF_PAGES pages; the text streamed page by page and refused once the document passes
 * MAX_PDF_TEXT_CHARS (the rest of that one page is still parsed, unkept: pdf.js cannot stop a page's stream
 * cleanly, so a 13 kB page of 3 million characters costs about 2–4 s before its refusal); and all of it within
 * PDF_TIMEOUT_MS, after which the document is destroyed (pdf.js yields to the event loop while it parses, so
 * the timer fires in the middle of a long page; one synchronous step can still run over it).
 */
import { getResolvedPDFJS } from 'unpdf';
import { DomainError } from '../../domain/errors.js';
import { unreadable } from './file-type.js';

export const MAX_PDF_PAGES = 100;
/** The most text read from one PDF: about 250 dense A4 pages, far beyond MAX_PDF_PAGES of real minutes. */
export const MAX_PDF_TEXT_CHARS = 1_000_000;
export const PDF_TIMEOUT_MS = 30_000;
/**
 * A page has a usable text layer when it holds at least this many letters or digits; one with fewer
 * (a scan, perhaps with a page number or an invisible stamp) is read by OCR instead.
 */
export const MIN_PAGE_TEXT_CHARS = 20;

export interface PdfPageText {
  /** 1-based. */
  number: number;
  /** The page's size in PDF points (1/72 inch), as shown (its crop box). */
  width: number;
  height: number;
  /** The text layer's text, lines ended by `\n`; empty for a page without one. */
  text: string;
}

export interface PdfTextOptions {
  maxPages?: number;
  maxTextChars?: number;
  timeoutMs?: number;
}

const grouped = (n: number): string => n.toLocaleString('sv-SE').replace(/\s/g, ' ');

/** Whether the page's text layer holds enough text to use instead of OCR. */
export function hasUsableText(text: string): boolean {
  const letters = text.match(/[\p{L}\p{N}]/gu);
  return (letters?.length ?? 0) >= MIN_PAGE_TEXT_CHARS;
}

function pdfError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException')
    return unreadable('PDF-filen är krypterad och kräver lösenord. Spara den utan lösenord och försök igen.');
  return unreadable('PDF-filen är skadad och kan inte läsas.');
}

interface TextChunk {
  items: ({ str?: string; hasEOL?: boolean } | object)[];
}

/** Each page's text from the text layer; throws a Swedish `unreadable` error for the PDFs it refuses. */
export async function readPdfText(bytes: Uint8Array, options: PdfTextOptions = {}): Promise<PdfPageText[]> {
  const maxPages = options.maxPages ?? MAX_PDF_PAGES;
  const maxTextChars = options.maxTextChars ?? MAX_PDF_TEXT_CHARS;
  const timeoutMs = options.timeoutMs ?? PDF_TIMEOUT_MS;
  const { getDocument } = await getResolvedPDFJS();
  const task = getDocument({
    // A copy: pdf.js may take over (detach) the buffer it is given, and the caller still needs the bytes.
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    disableFontFace: true,
    isOffscreenCanvasSupported: false,
    useWasm: false,
    verbosity: 0,
  });
  let cancelled = false;

  const read = async (): Promise<PdfPageText[]> => {
    const pdf = await task.promise;
    const count = pdf.numPages;
    if (count === 0) throw unreadable('PDF-filen har inga sidor.');
    if (count > maxPages)
      throw unreadable(`PDF-filen har ${grouped(count)} sidor; högst ${grouped(maxPages)} kan läsas.`);
    const pages: PdfPageText[] = [];
    let total = 0;
    for (let number = 1; number <= count && !cancelled; number++) {
      const page = await pdf.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const reader = page.streamTextContent().getReader() as ReadableStreamDefaultReader<TextChunk>;
      let text = '';
      let over = false;
      for (;;) {
        const { value, done } = await reader.read();
        if (done || cancelled) break;
        // Past the limit the rest of the page is still read, unkept, to its end (or the timeout): the stream
        // cannot be left half-read, as neither reader.cancel() (pdf.js then enqueues into the closed stream and
        // throws where nothing catches it) nor destroy() (it waits for the stream) stops it cleanly.
        if (over) continue;
        for (const item of value.items)
          if ('str' in item && typeof item.str === 'string') text += item.str + (item.hasEOL ? '\n' : '');
        over = total + text.length > maxTextChars;
      }
      if (over)
        throw unreadable(`PDF-filen innehåller mer text än som kan läsas: över ${grouped(maxTextChars)} tecken.`);
      total += text.length;
      page.cleanup();
      pages.push({ number, width: Math.abs(x1 - x0), height: Math.abs(y1 - y0), text });
    }
    return pages;
  };

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      cancelled = true;
      reject(
        unreadable(
          `PDF-filen tog för lång tid att läsa (mer än ${Math.ceil(timeoutMs / 1000)} sekunder) och kan inte användas.`,
        ),
      );
    }, timeoutMs);
  });
  const reading = read();
  reading.catch(() => undefined); // after a timeout its own rejection (the document destroyed) is not wanted
  try {
    return await Promise.race([reading, timeout]);
  } catch (error) {
    throw pdfError(error);
  } finally {
    clearTimeout(timer);
    cancelled = true;
    // Bounded: after a timeout in the middle of a page, destroy() may wait for that page's stream.
    const destroyed = task.destroy().catch(() => undefined);
    await Promise.race([destroyed, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  }
}
