/**
 * PDF pages as greyscale PNG for OCR, with poppler's `pdftoppm -r <dpi> -gray -png`: run with execFile (no
 * shell), one page per run, each within RASTER_TIMEOUT_MS, into a temporary directory that is removed
 * afterwards (also when the caller stops early or fails). Pages are rendered at OCR_DPI (300), or lower
 * when the page is so large that 300 dpi would pass MAX_IMAGE_PIXELS or MAX_IMAGE_SIDE: a 200 × 200 inch page
 * (the largest PDF allows) comes out at 31 dpi, 6 200 × 6 200 pixels. At most MAX_OCR_PAGES pages per file.
 *
 * The pages are handed out one at a time (an async generator), so only one raster is held at once, and one
 * pdftoppm runs at a time in the process (further pages wait in order).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unreadable } from './file-type.js';
import { assertReadableSize, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, readImageSize } from './image-size.js';

const run = promisify(execFile);

export const OCR_DPI = 300;
/** The most pages of one PDF read by OCR: at about 2 s a page on two cores, 40 s. */
export const MAX_OCR_PAGES = 20;
export const RASTER_TIMEOUT_MS = 30_000;
const POINTS_PER_INCH = 72;

export interface PageBox {
  /** 1-based. */
  number: number;
  /** In PDF points (1/72 inch). */
  width: number;
  height: number;
}

export interface PageRaster {
  number: number;
  dpi: number;
  png: Buffer;
}

/**
 * The resolution a page of this size is rendered at: OCR_DPI, or the highest whole dpi below it at which the
 * raster (pdftoppm rounds each side up) stays within MAX_IMAGE_PIXELS and MAX_IMAGE_SIDE. At least 1.
 */
export function rasterDpi(widthPt: number, heightPt: number): number {
  const w = Math.max(widthPt, 1) / POINTS_PER_INCH;
  const h = Math.max(heightPt, 1) / POINTS_PER_INCH;
  const fits = (dpi: number) => {
    const pw = Math.ceil(w * dpi);
    const ph = Math.ceil(h * dpi);
    return pw <= MAX_IMAGE_SIDE && ph <= MAX_IMAGE_SIDE && pw * ph <= MAX_IMAGE_PIXELS;
  };
  let dpi = Math.min(
    OCR_DPI,
    Math.floor(Math.sqrt(MAX_IMAGE_PIXELS / (w * h))),
    Math.floor(MAX_IMAGE_SIDE / Math.max(w, h)),
  );
  while (dpi > 1 && !fits(dpi)) dpi--;
  return Math.max(dpi, 1);
}

/** One pdftoppm at a time in this process: concurrent uploads wait in order rather than share the cores. */
let rasterQueue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const result = rasterQueue.then(work, work);
  rasterQueue = result.catch(() => undefined);
  return result;
}

export class RasteriserMissingError extends Error {
  constructor(cause: unknown) {
    super('Sidor utan text kan inte läsas på den här servern: pdftoppm (poppler-utils) saknas.', { cause });
    this.name = 'RasteriserMissingError';
  }
}

/** Throws a Swedish `unreadable` error when more pages need OCR than MAX_OCR_PAGES. */
export function assertOcrPageCount(count: number): void {
  if (count > MAX_OCR_PAGES)
    throw unreadable(
      `PDF-filen har ${count} sidor utan text; högst ${MAX_OCR_PAGES} sidor kan läsas med textigenkänning (OCR).`,
    );
}

/**
 * The pages rendered one after another. The PDF is written once into a private temporary directory (mode
 * 0700 from mkdtemp), removed when the generator ends, throws, or is left with `break`.
 */
export async function* rasterisePdfPages(
  bytes: Uint8Array,
  pages: readonly PageBox[],
  options: { timeoutMs?: number; tmpRoot?: string } = {},
): AsyncGenerator<PageRaster> {
  assertOcrPageCount(pages.length);
  if (pages.length === 0) return;
  const timeout = options.timeoutMs ?? RASTER_TIMEOUT_MS;
  const dir = await mkdtemp(join(options.tmpRoot ?? tmpdir(), 'samverkan-ocr-'));
  try {
    const pdf = join(dir, 'input.pdf');
    await writeFile(pdf, bytes);
    for (const page of pages) {
      const dpi = rasterDpi(page.width, page.height);
      const prefix = join(dir, `page-${page.number}`);
      const args = ['-r', String(dpi), '-gray', '-png', '-f', String(page.number), '-l', String(page.number)];
      try {
        await oneAtATime(() =>
          run('pdftoppm', [...args, '-singlefile', pdf, prefix], {
            timeout,
            killSignal: 'SIGKILL',
            maxBuffer: 64 * 1024,
            windowsHide: true,
          }),
        );
      } catch (error) {
        const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string };
        if (e.code === 'ENOENT') throw new RasteriserMissingError(error);
        if (e.killed || e.signal === 'SIGKILL')
          throw unreadable(
            `Sidan ${page.number} i PDF-filen tog för lång tid att omvandla till bild för textigenkänning.`,
          );
        throw unreadable(`Sidan ${page.number} i PDF-filen kunde inte omvandlas till bild för textigenkänning.`);
      }
      const png = await readFile(`${prefix}.png`);
      await rm(`${prefix}.png`, { force: true });
      // pdftoppm's own output, checked all the same before it goes to OCR.
      assertReadableSize(readImageSize(png, 'image/png'));
      yield { number: page.number, dpi, png };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
