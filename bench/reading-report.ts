/** The report's section and checks of reading board documents (part 9: bench/document-reading.bench.ts, bench/ocr-repair.bench.ts). */
import type { DocumentReadingResult } from './document-reading.bench.js';
import type { OcrRepairResult, WerFigures } from './ocr-repair.bench.js';

/** Targets of issue 14: repair of a 300-word page, word error rate after repair on a real scan, OCR of an A4 page. */
export const READING_TARGETS = {
  repairP99MsMax: 200,
  werAfterMax: 0.03,
  ocrPageMsMax: 15_000,
  peakRssMbMax: 300,
} as const;

export interface ReadingResult {
  repair: OcrRepairResult;
  reading: DocumentReadingResult;
}

export interface ReadingCheck {
  name: string;
  value: string;
  target: string;
  pass: boolean;
}

const MB = 1024 * 1024;
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const s = (n: number) => `${(n / 1000).toFixed(1)} s`;
const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
const wer = (f: WerFigures) =>
  `${f.words} words: ${pct(f.werBefore)} → ${pct(f.werAfter)} (${f.errorsBefore} → ${f.errorsAfter} errors)`;

export function readingChecks({ repair, reading }: ReadingResult): ReadingCheck[] {
  const t = READING_TARGETS;
  const peakMb = (reading.memory.vmHwmBytes ?? reading.memory.peakRssDuringOcrBytes) / MB;
  return [
    {
      name: 'reading: repair of a 300-word page p99',
      value: `${ms(repair.speed.p99Ms)} ms`,
      target: `<= ${t.repairP99MsMax} ms`,
      pass: repair.speed.p99Ms <= t.repairP99MsMax,
    },
    {
      name: 'reading: word error rate after repair, the memo (a real scan)',
      value: pct(repair.memo.werAfter),
      target: `<= ${pct(t.werAfterMax)}`,
      pass: repair.memo.werAfter <= t.werAfterMax,
    },
    {
      name: 'reading: word error rate after repair, own corpus (simulated scans)',
      value: pct(repair.corpusTotal.werAfter),
      target: `<= ${pct(t.werAfterMax)}`,
      pass: repair.corpusTotal.werAfter <= t.werAfterMax,
    },
    {
      name: 'reading: OCR of an A4 page at 300 dpi, first (worker start included)',
      value: s(reading.ocrPage.coldMs),
      target: `<= ${s(t.ocrPageMsMax)}`,
      pass: reading.ocrPage.coldMs <= t.ocrPageMsMax,
    },
    {
      name: 'reading: peak RSS of the part (OCR running)',
      value: `${Math.round(peakMb)} MB`,
      target: `<= ${t.peakRssMbMax} MB`,
      pass: peakMb <= t.peakRssMbMax,
    },
  ];
}

export function readingSection({ repair, reading }: ReadingResult, n: number): string[] {
  const r = reading;
  return [
    `${n}. Reading board documents (text layer, OCR in Swedish, repair of OCR damage)`,
    `   repair: language model loaded in ${ms(repair.model.loadMs)} ms, heap +${Math.round(repair.model.heapBytes / MB)} MB, ${repair.model.dictionaryForms} dictionary word forms`,
    `   repair of ${repair.speed.pages} pages of ~${repair.speed.wordsPerPage} words: p50 ${ms(repair.speed.p50Ms)} ms, p99 ${ms(repair.speed.p99Ms)} ms, max ${ms(repair.speed.maxMs)} ms`,
    `   word error rate, own corpus damaged by the simulated scan channel (all seeds): ${wer(repair.corpusTotal)}`,
    ...repair.corpus.map((c) => `      seed ${c.seed}: ${wer(c.figures)}`),
    ...repair.bySource.map((b) => `      ${b.name}: ${wer(b.figures)}`),
    `   the same corpus undamaged: ${repair.cleanCorpus.errorsAfter} words changed that were right`,
    `   the memo (data/demo/, a real scan; the acceptance text, no word taken from it): ${wer(repair.memo)}, ${repair.memo.repairs} repairs`,
    `   text-layer PDF of ${r.textPdf.pages} pages (${r.textPdf.characters} characters): p50 ${ms(r.textPdf.p50Ms)} ms, p99 ${ms(r.textPdf.p99Ms)} ms over ${r.textPdf.runs} runs`,
    `   OCR of an A4 page at ${r.ocrPage.dpi} dpi (${r.ocrPage.widthPx} × ${r.ocrPage.heightPx} px): first ${s(r.ocrPage.coldMs)} (worker start included), then p50 ${s(r.ocrPage.warm.p50Ms)} over ${r.ocrPage.warm.runs}; confidence ${r.ocrPage.confidence ?? '–'}`,
    `   image-only PDF (pdftoppm at 300 dpi, then OCR): p50 ${s(r.imagePdf.p50Ms)} (pdftoppm ${s(r.imagePdf.rasterP50Ms)})`,
    `   memory: RSS ${Math.round(r.memory.rssBeforeOcrBytes / MB)} MB before OCR, ${Math.round(r.memory.peakRssDuringOcrBytes / MB)} MB at the most while it ran (+${Math.round(r.memory.ocrAddedRssBytes / MB)} MB), peak ${r.memory.vmHwmBytes === null ? '–' : `${Math.round(r.memory.vmHwmBytes / MB)} MB`} (VmHWM)`,
    `   ${r.cores} cores`,
  ];
}
