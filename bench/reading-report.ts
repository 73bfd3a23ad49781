/** The report's section and checks of reading board documents (part 9: bench/document-reading.bench.ts, bench/ocr-repair.bench.ts). */
import type { DocumentReadingResult } from './document-reading.bench.js';
import type { OcrRepairResult, WerFigures } from './ocr-repair.bench.js';
// A cycle (report.ts imports readingSection): safe while these are read only inside functions, never at load.
import { MB, mb, ms, TARGETS, type Check } from './report.js';

/** Targets of issue 14: repair of a 300-word page, word error rate after repair on a real scan, OCR of an A4 page. */
const READING_TARGETS = {
  repairP99MsMax: 200,
  werAfterMax: 0.03,
  ocrPageMsMax: 15_000,
} as const;

export interface ReadingResult {
  repair: OcrRepairResult;
  reading: DocumentReadingResult;
}

const s = (n: number) => `${(n / 1000).toFixed(1)} s`;
export const pct = (x: number): string => `${(100 * x).toFixed(2)} %`;
const wer = (f: WerFigures) =>
  `${f.words} words: ${pct(f.werBefore)} → ${pct(f.werAfter)} (${f.errorsBefore} → ${f.errorsAfter} errors)`;

const atMost = (name: string, x: number, max: number, fmt: (n: number) => string): Check => ({
  name,
  value: fmt(x),
  target: `<= ${fmt(max)}`,
  pass: x <= max,
});

export function readingChecks({ repair, reading }: ReadingResult): Check[] {
  const t = READING_TARGETS;
  const peakBytes = reading.memory.vmHwmBytes ?? reading.memory.peakRssDuringOcrBytes;
  return [
    atMost('reading: repair of a 300-word page p99', repair.speed.p99Ms, t.repairP99MsMax, (n) => `${ms(n)} ms`),
    atMost('reading: word error rate after repair, the memo (a real scan)', repair.memo.werAfter, t.werAfterMax, pct),
    atMost(
      'reading: word error rate after repair, own corpus (simulated scans)',
      repair.corpusTotal.werAfter,
      t.werAfterMax,
      pct,
    ),
    atMost(
      'reading: OCR of an A4 page at 300 dpi, first (worker start included)',
      reading.ocrPage.coldMs,
      t.ocrPageMsMax,
      s,
    ),
    atMost('reading: peak RSS of the part (OCR running)', peakBytes, TARGETS.peakRssMbMax * MB, mb),
  ];
}

export function readingSection({ repair, reading }: ReadingResult, n: number): string[] {
  const r = reading;
  return [
    `${n}. Reading board documents (text layer, OCR in Swedish, repair of OCR damage)`,
    `   repair: language model loaded in ${ms(repair.model.loadMs)} ms, heap +${mb(repair.model.heapBytes)}, ${repair.model.dictionaryForms} dictionary word forms`,
    `   repair of ${repair.speed.pages} pages of ~${repair.speed.wordsPerPage} words: p50 ${ms(repair.speed.p50Ms)} ms, p99 ${ms(repair.speed.p99Ms)} ms, max ${ms(repair.speed.maxMs)} ms`,
    `   word error rate, own corpus damaged by the simulated scan channel (all seeds): ${wer(repair.corpusTotal)}`,
    ...repair.corpus.map((c) => `      seed ${c.seed}: ${wer(c.figures)}`),
    ...repair.bySource.map((b) => `      ${b.name}: ${wer(b.figures)}`),
    `   the same corpus undamaged: ${repair.cleanCorpus.errorsAfter} words changed that were right`,
    `   the memo (data/demo/, a real scan; the acceptance text, no word taken from it): ${wer(repair.memo)}, ${repair.memo.repairs} repairs`,
    `   text-layer PDF of ${r.textPdf.pages} pages (${r.textPdf.characters} characters): p50 ${ms(r.textPdf.p50Ms)} ms, p99 ${ms(r.textPdf.p99Ms)} ms over ${r.textPdf.runs} runs`,
    `   OCR of an A4 page at ${r.ocrPage.dpi} dpi (${r.ocrPage.widthPx} × ${r.ocrPage.heightPx} px): first ${s(r.ocrPage.coldMs)} (worker start included), then p50 ${s(r.ocrPage.warm.p50Ms)} over ${r.ocrPage.warm.runs}; confidence ${r.ocrPage.confidence ?? '–'}`,
    `   image-only PDF (pdftoppm at 300 dpi, then OCR): p50 ${s(r.imagePdf.p50Ms)} (pdftoppm ${s(r.imagePdf.rasterP50Ms)})`,
    `   memory: RSS ${mb(r.memory.rssBeforeOcrBytes)} before OCR, ${mb(r.memory.peakRssDuringOcrBytes)} at the most while it ran (+${mb(r.memory.ocrAddedRssBytes)}), peak ${r.memory.vmHwmBytes === null ? '–' : mb(r.memory.vmHwmBytes)} (VmHWM)`,
    `   ${r.cores} cores`,
  ];
}
