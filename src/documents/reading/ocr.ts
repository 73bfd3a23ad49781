/**
 * OCR in Swedish with tesseract.js: one worker (a worker thread running tesseract's WebAssembly) per
 * process, created on the first job, with the Swedish model from the `@tesseract.js-data/swe` package read
 * from node_modules (`langPath` a local directory: nothing is downloaded, and with `cacheMethod: 'none'`
 * nothing is written). Jobs run one at a time, in order, through a queue: tesseract is single-threaded and
 * two at once would only share the same core and double the memory.
 *
 * A job that runs past OCR_TIMEOUT_MS is failed and the worker terminated (the next job starts a new one).
 * A worker idle for OCR_IDLE_MS is terminated, to give back its memory (about 100 MB); `closeOcr()` ends it
 * at once, for shutdown and tests (an open worker keeps the process alive).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Tesseract from 'tesseract.js';
import { unreadable } from './file-type.js';

// tesseract.js is CommonJS: its default export is the module object.
const { createWorker, OEM } = Tesseract;
type Worker = Tesseract.Worker;

export const OCR_TIMEOUT_MS = 120_000;
export const OCR_IDLE_MS = 5 * 60_000;

export interface OcrResult {
  text: string;
  /** tesseract's mean word confidence, 0–100. */
  confidence: number;
}

/** The directory holding swe.traineddata.gz (the "best_int" model: LSTM, integer weights). */
export function swedishLangPath(): string {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('@tesseract.js-data/swe/package.json')), '4.0.0_best_int');
  if (!existsSync(join(dir, 'swe.traineddata.gz')))
    throw new Error(`Den svenska OCR-modellen saknas: ${dir}/swe.traineddata.gz (paketet @tesseract.js-data/swe).`);
  return dir;
}

let worker: Promise<Worker> | null = null;
let queue: Promise<unknown> = Promise.resolve();
let idleTimer: NodeJS.Timeout | undefined;

function startWorker(): Promise<Worker> {
  const started = createWorker('swe', OEM.LSTM_ONLY, {
    langPath: swedishLangPath(),
    gzip: true,
    cacheMethod: 'none',
    // Without it tesseract.js rethrows a failed job's error in its message handler, where it is uncaught.
    errorHandler: () => undefined,
  });
  started.catch(() => {
    if (worker === started) worker = null;
  });
  return started;
}

async function terminate(current: Promise<Worker> | null): Promise<void> {
  if (!current) return;
  if (worker === current) worker = null;
  try {
    await (await current).terminate();
  } catch {
    // A worker that failed to start or has already gone: nothing to end.
  }
}

function enqueue<T>(job: () => Promise<T>): Promise<T> {
  const result = queue.then(job, job);
  queue = result.catch(() => undefined);
  return result;
}

/** The text on one image (PNG, JPEG or TIFF bytes), read in Swedish. */
export function recognise(image: Uint8Array, options: { timeoutMs?: number } = {}): Promise<OcrResult> {
  const timeoutMs = options.timeoutMs ?? OCR_TIMEOUT_MS;
  return enqueue(async () => {
    clearTimeout(idleTimer);
    worker ??= startWorker();
    const current = worker;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        void terminate(current);
        reject(unreadable('Textigenkänningen (OCR) tog för lång tid och avbröts.'));
      }, timeoutMs);
    });
    try {
      const job = (async () => {
        const w = await current; // a worker that cannot start (the model missing) fails as it is: a server fault
        try {
          const { data } = await w.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength));
          return { text: data.text, confidence: data.confidence };
        } catch {
          // tesseract.js rejects with a string ("Error: Error attempting to read image.").
          throw unreadable('Bilden kunde inte läsas av textigenkänningen (OCR). Filen kan vara skadad.');
        }
      })();
      job.catch(() => undefined);
      return await Promise.race([job, timeout]);
    } finally {
      clearTimeout(timer);
      idleTimer = setTimeout(() => void enqueue(() => terminate(worker)), OCR_IDLE_MS);
      idleTimer.unref();
    }
  });
}

/** Ends the worker once the jobs queued before it are done. */
export function closeOcr(): Promise<void> {
  clearTimeout(idleTimer);
  return enqueue(() => terminate(worker));
}
