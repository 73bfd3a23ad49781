/**
 * Reading board documents (src/documents/reading/): the 10-page text PDF from its text layer (p50/p99 over
 * runs), OCR of one A4 page scanned at 300 dpi (the fixture's PNG, 2 479 × 3 508 pixels, grey with dust):
 * the first run cold, with the tesseract.js worker's start, and the warm p50 against the target of 15 s on
 * two cores; the same page as an image-only PDF (pdftoppm at 300 dpi, then OCR); and the process's peak
 * memory while OCR runs: `process.memoryUsage().rss` sampled every 50 ms (the worker thread and its
 * WebAssembly memory are this process's), and VmHWM from /proc/self/status (the peak of the whole run so far).
 *
 * The fixtures are test/fixtures/documents/ (make-fixtures.ts). Runs in-process; directly:
 *
 *   node --import tsx bench/document-reading.bench.ts [--quick]
 *
 * prints the figures as JSON; run as a child of bench/run.ts (runInChild) it replies through childMain.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { closeOcr } from '../src/documents/reading/ocr.js';
import { readDocumentFile } from '../src/documents/reading/read-document.js';
import { rasterisePdfPages } from '../src/documents/reading/rasterise-pdf.js';
import { childMain, peakRssBytes, percentile, progress, rssSampler, timed } from './support.js';

export interface DocumentReadingInput {
  quick: boolean;
}

export interface Timings {
  runs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** This process's CPU (all threads) per run, median. */
  cpuP50Ms: number;
}

export interface DocumentReadingResult {
  cores: number;
  textPdf: Timings & { pages: number; characters: number };
  ocrPage: {
    widthPx: number;
    heightPx: number;
    dpi: number;
    /** The first OCR in the process: the worker's start (WebAssembly, the Swedish model) and the page. */
    coldMs: number;
    warm: Timings;
    confidence: number | null;
  };
  imagePdf: Timings & { rasterP50Ms: number; confidence: number | null };
  memory: {
    rssBeforeOcrBytes: number;
    /** The highest sampled RSS while the OCR phases ran. */
    peakRssDuringOcrBytes: number;
    /** peakRssDuringOcrBytes − rssBeforeOcrBytes: what OCR (worker, model, page images) adds. */
    ocrAddedRssBytes: number;
    rssSamples: number;
    /** VmHWM at the end: the process's peak RSS over the whole run. */
    vmHwmBytes: number | null;
  };
}

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../test/fixtures/documents/${name}`, import.meta.url)));

async function timeRuns<T>(runs: number, call: () => Promise<T>): Promise<{ timings: Timings; last: T }> {
  if (runs < 1) throw new Error('timeRuns needs at least one run.');
  const wall: number[] = [];
  const cpu: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const { seconds, cpuSeconds, result } = await timed(call);
    wall.push(seconds * 1000);
    cpu.push(cpuSeconds * 1000);
    last = result;
  }
  return {
    timings: {
      runs,
      p50Ms: percentile(wall, 50),
      p99Ms: percentile(wall, 99),
      maxMs: Math.max(...wall),
      cpuP50Ms: percentile(cpu, 50),
    },
    last: last as T,
  };
}

export async function measureDocumentReading(input: DocumentReadingInput): Promise<DocumentReadingResult> {
  const textRuns = input.quick ? 5 : 30;
  const ocrRuns = input.quick ? 2 : 5;
  const pdfOcrRuns = input.quick ? 1 : 3;

  // The 10-page text PDF: three unmeasured runs load pdf.js and warm it up.
  progress('document reading: 10-page text PDF');
  const tenPages = fixture('tio-sidor.pdf');
  for (let i = 0; i < 3; i++) await readDocumentFile(tenPages);
  const text = await timeRuns(textRuns, () => readDocumentFile(tenPages));
  const textDoc = text.last;
  if (textDoc.method !== 'text-layer' || textDoc.pages !== 10) throw new Error('The 10-page PDF was not read as text.');

  // OCR of one scanned A4 page: cold (worker start) first, then warm runs; memory sampled throughout.
  await closeOcr();
  const scan = fixture('protokollsutdrag-skannad.png');
  const view = new DataView(scan.buffer, scan.byteOffset, scan.byteLength);
  const rssBeforeOcrBytes = process.memoryUsage().rss;
  const sampler = rssSampler(50);
  progress('document reading: OCR of one A4 page at 300 dpi (cold)');
  const cold = await timed(() => readDocumentFile(scan));
  progress(`document reading: OCR warm × ${ocrRuns}`);
  const ocr = await timeRuns(ocrRuns, () => readDocumentFile(scan));
  const ocrDoc = ocr.last;
  if (ocrDoc.method !== 'ocr' || !ocrDoc.text.includes('Kommunstyrelsen'))
    throw new Error('OCR of the scanned page did not read it.');

  // The same page as an image-only PDF: pdftoppm, then OCR; the rasterisation alone as well.
  progress(`document reading: image-only PDF × ${pdfOcrRuns}`);
  const imagePdf = fixture('protokollsutdrag-skannad.pdf');
  const pdfOcr = await timeRuns(pdfOcrRuns, () => readDocumentFile(imagePdf));
  const raster = await timeRuns(pdfOcrRuns, async () => {
    for await (const page of rasterisePdfPages(imagePdf, [{ number: 1, width: 595.28, height: 841.89 }])) void page;
  });
  const { maxRssBytes, samples } = sampler.stop();
  await closeOcr();

  return {
    cores: availableParallelism(),
    textPdf: { ...text.timings, pages: textDoc.pages, characters: textDoc.text.length },
    ocrPage: {
      widthPx: view.getUint32(16),
      heightPx: view.getUint32(20),
      dpi: 300,
      coldMs: cold.seconds * 1000,
      warm: ocr.timings,
      confidence: ocrDoc.ocrConfidence,
    },
    imagePdf: {
      ...pdfOcr.timings,
      rasterP50Ms: raster.timings.p50Ms,
      confidence: pdfOcr.last.ocrConfidence,
    },
    memory: {
      rssBeforeOcrBytes,
      peakRssDuringOcrBytes: maxRssBytes,
      ocrAddedRssBytes: maxRssBytes - rssBeforeOcrBytes,
      rssSamples: samples,
      vmHwmBytes: peakRssBytes(),
    },
  };
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly && process.send) childMain(measureDocumentReading);
else if (runDirectly) {
  const result = await measureDocumentReading({ quick: process.argv.includes('--quick') });
  console.log(JSON.stringify(result, null, 2));
}
