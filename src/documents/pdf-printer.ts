/**
 * Documents as PDF: the document's own HTML page (render-html.tsx, stylesheet inlined) printed by the
 * system's Chromium through playwright-core. Chromium derives the PDF's structure from the DOM (`tagged`),
 * its bookmarks from the headings (`outline`), its title from <title> and its language from <html lang>.
 *
 * One browser per printer, launched on the first print and reused; each job gets a browser context of its
 * own, closed afterwards. At most `concurrency` jobs print at once, the rest wait in order, and beyond
 * `queueLimit` waiting a job is refused at once (PdfBusyError) rather than left to time out. A browser that
 * crashes or disconnects is replaced by the next job. Without Chromium the printer says so
 * (PdfUnavailableError) and the document stays available as HTML and Word.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Browser, BrowserContext } from 'playwright-core';
import type { DocumentModel } from './document-model.js';
import { renderDocumentHtml } from './render-html.js';

/**
 * Chromium's flags on these machines (the tests' browser uses the same): headless, no sandbox (the service
 * may run as root in a container), nothing phoning home.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class PdfUnavailableError extends Error {
  constructor() {
    super('PDF kan inte skapas på den här servern: Chromium saknas. Dokumentet finns som HTML och Word.');
    this.name = 'PdfUnavailableError';
  }
}

export class PdfBusyError extends Error {
  constructor() {
    super('Många PDF:er skapas just nu. Försök igen om en stund.');
    this.name = 'PdfBusyError';
  }
}

export class PdfTimeoutError extends Error {
  constructor(seconds: number) {
    super(`PDF:en tog för lång tid att skapa (mer än ${seconds} sekunder). Försök igen om en stund.`);
    this.name = 'PdfTimeoutError';
  }
}

/** Chromium failed (would not start, crashed twice, …): the original error is the cause, for the log. */
export class PdfPrintError extends Error {
  constructor(cause: unknown) {
    super('PDF:en kunde inte skapas. Försök igen om en stund; dokumentet finns också som HTML och Word.', { cause });
    this.name = 'PdfPrintError';
  }
}

export interface PdfPrinterOptions {
  /** Chromium's executable (config CHROMIUM_PATH); null when the server has none. */
  executablePath: string | null;
  /**
   * Jobs printing at once. Default: half the machine's cores, at least one. A print keeps about a core
   * busy, and the pages need the rest: on two cores two jobs at once made a page's p99 seven times its
   * unloaded value and finished a burst no sooner than one at a time (npm run bench, documents).
   */
  concurrency?: number;
  /** A job's longest time once it has started printing, in milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** Jobs allowed to wait for a free slot; one more is refused with PdfBusyError. Default 20. */
  queueLimit?: number;
}

export interface PdfPrinterStats {
  /** Jobs waiting for a slot. */
  queued: number;
  /** Jobs printing now. */
  running: number;
  /** PDFs delivered. */
  printed: number;
  /** Jobs that started and failed (PdfTimeoutError, PdfPrintError; not refusals for a full queue). */
  failed: number;
  /** Browsers launched to replace one that had crashed, disconnected or been closed. */
  restarts: number;
}

export interface PdfPrinter {
  /**
   * The document as a tagged A4 PDF. Rejects with PdfUnavailableError (no Chromium), PdfBusyError (queue
   * full), PdfTimeoutError or PdfPrintError (Chromium failed; the cause says how), all with Swedish messages.
   */
  print(doc: DocumentModel): Promise<Buffer>;
  /** Whether this server can print at all (Chromium configured and present). */
  available(): boolean;
  stats(): PdfPrinterStats;
  /** Refuses waiting jobs and closes the browser; printing after this fails. */
  close(): Promise<void>;
  /** For tests: the browser in use, if one is running (to close it underneath the printer); optional for fakes. */
  browserForTests?(): Browser | undefined;
}

/** Where the page count goes in the rendered HTML until the count is known. */
const PAGE_COUNT_TOKEN = '§§SIDOR§§';
/** Prints of a job at most: a stated count that was wrong is corrected and printed again. */
const MAX_PASSES = 3;
/**
 * The text area of an A4 page in CSS pixels (96 per inch) with document.css's @page margins (22 + 20 mm
 * across, 22 + 20 mm down): 168 × 255 mm. The page is laid out at this width to estimate the page count.
 */
const A4_TEXT_AREA_PX = { width: Math.round((168 / 25.4) * 96), height: Math.floor((255 / 25.4) * 96) };

/**
 * Runs in the page: the pages the laid-out body fills, counted between forced page breaks. A string, so
 * that no compiler's helpers (esbuild's __name) end up in code the browser runs.
 */
const estimatePagesScript = (pageHeight: number): string => `(() => {
  const ends = Array.from(document.querySelectorAll('.document-page-break'), (el) => el.getBoundingClientRect().top + window.scrollY);
  ends.push(document.documentElement.scrollHeight);
  let pages = 0;
  let start = 0;
  for (const end of ends) {
    pages += Math.max(1, Math.ceil((end - start) / ${pageHeight}));
    start = end;
  }
  return pages;
})()`;
/** Chromium's start, shared by the jobs waiting for it (each still bounded by its own timeout). */
const LAUNCH_TIMEOUT_MS = 60_000;
/** How long a timed-out job's context may take to close before the whole browser is taken down. */
const CLOSE_GRACE_MS = 5_000;

export function createPdfPrinter(options: PdfPrinterOptions): PdfPrinter {
  const { executablePath } = options;
  const concurrency = Math.max(1, options.concurrency ?? Math.floor(availableParallelism() / 2));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const queueLimit = Math.max(0, options.queueLimit ?? 20);

  const counts = { printed: 0, failed: 0, restarts: 0 };
  let running = 0;
  const waiting: { start: () => void; refuse: (error: Error) => void }[] = [];
  let closed = false;

  let browserPromise: Promise<Browser> | undefined;
  let currentBrowser: Browser | undefined;
  let launchedBefore = false;

  const available = (): boolean => executablePath !== null && existsSync(executablePath);

  /** The running browser, launched when there is none (first job, or after a crash). */
  function browser(): Promise<Browser> {
    if (browserPromise) return browserPromise;
    // playwright-core is loaded with the first print: it is some 55 MB of memory in every process
    // that never prints (no Chromium, or no PDF asked for yet).
    const launching: Promise<Browser> = import('playwright-core')
      .then(({ chromium }) =>
        chromium.launch({ executablePath: executablePath!, args: CHROMIUM_ARGS, timeout: LAUNCH_TIMEOUT_MS }),
      )
      .then(
        (launched) => {
          if (launchedBefore) counts.restarts++;
          launchedBefore = true;
          currentBrowser = launched;
          launched.on('disconnected', () => {
            if (browserPromise === launching) browserPromise = undefined;
            if (currentBrowser === launched) currentBrowser = undefined;
          });
          if (closed) void launched.close();
          return launched;
        },
        (error: unknown) => {
          if (browserPromise === launching) browserPromise = undefined;
          throw error;
        },
      );
    browserPromise = launching;
    return launching;
  }

  /** A slot to print in: at once when one is free, else in turn (FIFO); refused when too many wait. */
  function acquire(): Promise<void> {
    if (running < concurrency) {
      running++;
      return Promise.resolve();
    }
    if (waiting.length >= queueLimit) return Promise.reject(new PdfBusyError());
    return new Promise((start, refuse) => waiting.push({ start, refuse }));
  }

  /** Hands the slot to the next waiting job, or frees it. */
  function release(): void {
    const next = waiting.shift();
    if (next) next.start();
    else running--;
  }

  /**
   * One job in one context. The first page states the page count, which is known only once printed: the
   * count is first estimated from the laid-out page (its height in print layout at the A4 text width,
   * page by page between forced breaks), the real print states it, and should the printed count differ,
   * the number is set in the page and it is printed once more (at most MAX_PASSES prints).
   */
  async function printIn(context: BrowserContext, html: string): Promise<Buffer> {
    const page = await context.newPage();
    await page.setViewportSize(A4_TEXT_AREA_PX);
    await page.emulateMedia({ media: 'print' });
    await page.setContent(
      html.replace(PAGE_COUNT_TOKEN, () => '9'),
      { waitUntil: 'load' },
    );
    const state = (count: number) =>
      page.evaluate((text) => {
        for (const el of document.querySelectorAll('[data-page-count]')) el.textContent = text;
      }, String(count));
    let stated = Number(await page.evaluate(estimatePagesScript(A4_TEXT_AREA_PX.height)));
    await state(stated);
    for (let pass = 1; ; pass++) {
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: false,
        preferCSSPageSize: true,
      });
      const counted = countPdfPages(pdf);
      if (counted === stated || pass >= MAX_PASSES) return pdf;
      await state((stated = counted));
    }
  }

  /**
   * One attempt in a context of its own, bounded by the timeout. On a timeout the caller gets
   * PdfTimeoutError at once and the context is closed; `track` gets the work's end, which frees the slot.
   */
  async function attempt(html: string, track: (work: Promise<unknown>) => void, used: { browser?: Browser }) {
    let context: BrowserContext | undefined;
    let timedOut = false;
    const work = (async () => {
      const b = (used.browser = await browser());
      const c = (context = await b.newContext({ offline: true }));
      try {
        if (timedOut) throw new PdfTimeoutError(timeoutMs / 1000);
        return await printIn(c, html);
      } finally {
        await c.close().catch(() => undefined);
      }
    })();
    track(work);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new PdfTimeoutError(timeoutMs / 1000));
        void context?.close().catch(() => undefined);
        // A Chromium that cannot even close a context is hung: take it down; the next job launches anew.
        const grace = setTimeout(() => void used.browser?.close().catch(() => undefined), CLOSE_GRACE_MS);
        grace.unref();
        void work.catch(() => undefined).finally(() => clearTimeout(grace));
      }, timeoutMs);
    });
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function print(doc: DocumentModel): Promise<Buffer> {
    if (!available()) throw new PdfUnavailableError();
    if (closed) throw new Error('PDF-skrivaren är stängd.');
    await acquire();
    // The slot is held until every attempt has really stopped, so a hung one still counts against concurrency.
    const works: Promise<unknown>[] = [];
    try {
      const html = renderDocumentHtml(doc, { styles: 'inline', pageCountToken: PAGE_COUNT_TOKEN });
      const used: { browser?: Browser } = {};
      let pdf: Buffer;
      try {
        pdf = await attempt(html, (w) => works.push(w), used);
      } catch (error) {
        // The browser went away under the job (another job crashed it, or it was closed): once more, anew.
        const browserWentAway = used.browser !== undefined && !used.browser.isConnected();
        if (closed || error instanceof PdfTimeoutError || !browserWentAway) throw error;
        pdf = await attempt(html, (w) => works.push(w), {});
      }
      counts.printed++;
      return withDocumentInfo(pdf, doc);
    } catch (error) {
      counts.failed++;
      throw error instanceof PdfTimeoutError ? error : new PdfPrintError(error);
    } finally {
      void Promise.allSettled(works).then(release);
    }
  }

  return {
    print,
    available,
    stats: () => ({ queued: waiting.length, running, ...counts }),
    browserForTests: () => currentBrowser,
    async close() {
      closed = true;
      for (const w of waiting.splice(0)) w.refuse(new Error('PDF-skrivaren är stängd.'));
      const b = await browserPromise?.catch(() => undefined);
      await b?.close().catch(() => undefined);
      browserPromise = undefined;
      currentBrowser = undefined;
    },
  };
}

/**
 * Pages in a PDF as Chromium (Skia) writes it: one uncompressed `/Type /Page` dictionary per page (the
 * page-tree nodes are `/Type /Pages`).
 */
export function countPdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

/** A PDF text string: UTF-16BE with its byte-order mark, as hex, so any letter survives. */
const pdfText = (text: string): string => {
  const hex = Array.from(text, (c) => c.codePointAt(0)!)
    .flatMap((cp) => (cp > 0xffff ? [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)] : [cp]))
    .map((unit) => unit.toString(16).padStart(4, '0'))
    .join('');
  return `<FEFF${hex.toUpperCase()}>`;
};

/**
 * Chromium writes Title (from <title>) but no Author or Subject, and names its user agent as Creator.
 * This appends an incremental update (the PDF's standard way of amending a file: a new version of the
 * Info object, an xref section for it and a trailer pointing back at the original) with the document's
 * title, issuer as author, document type as subject and the service as creator. A file not laid out as
 * Skia writes it (a classic xref table and trailer) is returned unchanged.
 */
export function withDocumentInfo(pdf: Buffer, doc: Pick<DocumentModel, 'title' | 'issuer' | 'documentType'>): Buffer {
  const tail = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1');
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!trailer) return pdf;
  const size = /\/Size\s+(\d+)/.exec(trailer[1]!)?.[1];
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer[1]!)?.[1];
  const info = /\/Info\s+(\d+)\s+0\s+R/.exec(trailer[1]!)?.[1];
  if (!size || !root || !info) return pdf;
  const original = new RegExp(`(?:^|\\n)${info} 0 obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(pdf.toString('latin1'));
  const kept = (key: string) =>
    original ? new RegExp(`/${key}\\s*(\\([^)]*\\)|<[0-9A-Fa-f]*>)`).exec(original[1]!)?.[1] : undefined;
  const entries = [
    `/Title ${pdfText(doc.title)}`,
    `/Author ${pdfText(doc.issuer)}`,
    `/Subject ${pdfText(doc.documentType)}`,
    `/Creator ${pdfText('samverkan')}`,
    ...['Producer', 'CreationDate', 'ModDate'].flatMap((key) => {
      const value = kept(key);
      return value ? [`/${key} ${value}`] : [];
    }),
  ];
  const object = `\n${info} 0 obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const objectOffset = pdf.length + 1;
  const xrefOffset = pdf.length + object.length;
  const update =
    object +
    `xref\n0 1\n0000000000 65535 f \n${info} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${size}\n/Root ${root}\n/Info ${info} 0 R\n/Prev ${trailer[2]}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}
