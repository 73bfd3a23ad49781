/**
 * OCR repair: word error rate before and after repair on the clean corpus in test/fixtures/ocr-corpus/ damaged
 * by the simulated scan (several seeds), on the scanned memo against its hand-corrected reference, and the
 * time to repair a 300-word page once the language model has loaded.
 *
 *   node --expose-gc --import tsx bench/ocr-repair.bench.ts   (--quick: fewer seeds and pages; --memo: print the
 *                                                               repaired memo; --expose-gc: the model's heap
 *                                                               without garbage)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { repairOcrText } from '../src/domain/decision-documents/ocr-repair/repair-ocr.js';
import { scanChannel } from '../src/domain/decision-documents/ocr-repair/scan-channel.js';
import { wordErrorRate, words } from '../src/domain/decision-documents/ocr-repair/word-error-rate.js';
import { loadSwedishLanguageModel } from '../src/documents/reading/swedish-language-model.js';
import { pct } from './reading-report.js';
import { childMain, percentile } from './support.js';

export interface OcrRepairInput {
  quick: boolean;
}

export interface WerFigures {
  words: number;
  errorsBefore: number;
  errorsAfter: number;
  werBefore: number;
  werAfter: number;
}

export interface OcrRepairResult {
  model: { loadMs: number; heapBytes: number; dictionaryForms: number };
  corpus: { seed: number; figures: WerFigures }[];
  /** All seeds together. */
  corpusTotal: WerFigures;
  /** All seeds together, per corpus file. */
  bySource: { name: string; figures: WerFigures }[];
  /** Words of the clean corpus the repair changed although the scan had not damaged them (a seed, no damage). */
  cleanCorpus: WerFigures;
  memo: WerFigures & { repairs: number; text: string };
  speed: { pages: number; wordsPerPage: number; p50Ms: number; p99Ms: number; maxMs: number };
}

const root = new URL('../', import.meta.url);
const corpusDir = new URL('test/fixtures/ocr-corpus/', root);

function corpusTexts(): { name: string; text: string }[] {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(name, corpusDir), 'utf8') }));
}

/** The word errors of one text before and after repair. */
interface PairErrors {
  words: number;
  errorsBefore: number;
  errorsAfter: number;
}

function pairErrors(p: { hypothesis: string; damaged: string; reference: string }): PairErrors {
  const b = wordErrorRate(p.damaged, p.reference);
  return {
    words: b.referenceWords,
    errorsBefore: b.errors,
    errorsAfter: wordErrorRate(p.hypothesis, p.reference).errors,
  };
}

function figures(pairs: readonly PairErrors[]): WerFigures {
  let n = 0;
  let before = 0;
  let after = 0;
  for (const p of pairs) {
    n += p.words;
    before += p.errorsBefore;
    after += p.errorsAfter;
  }
  return { words: n, errorsBefore: before, errorsAfter: after, werBefore: before / n, werAfter: after / n };
}

/** Pages of about `size` words cut from the damaged corpus, at line ends. */
function pages(text: string, size: number): string[] {
  const out: string[] = [];
  let page: string[] = [];
  let count = 0;
  for (const line of text.split('\n')) {
    page.push(line);
    count += words(line).length;
    if (count >= size) {
      out.push(page.join('\n'));
      page = [];
      count = 0;
    }
  }
  return out;
}

export async function measureOcrRepair(input: OcrRepairInput): Promise<OcrRepairResult> {
  const { model, stats } = loadSwedishLanguageModel();
  const texts = corpusTexts();
  const seeds = input.quick ? [1, 2, 3] : [1, 2, 3, 4, 5];
  const corpus: OcrRepairResult['corpus'] = [];
  const all: PairErrors[] = [];
  const perSource = new Map<string, PairErrors[]>();
  for (const seed of seeds) {
    const pairs = texts.map(({ name, text }, i) => {
      const damaged = scanChannel(text, { seed: seed * 1000 + i });
      const pair = pairErrors({ hypothesis: repairOcrText(damaged, model).text, damaged, reference: text });
      perSource.set(name, [...(perSource.get(name) ?? []), pair]);
      return pair;
    });
    all.push(...pairs);
    corpus.push({ seed, figures: figures(pairs) });
  }
  const cleanCorpus = figures(
    texts.map(({ text }) =>
      pairErrors({ hypothesis: repairOcrText(text, model).text, damaged: text, reference: text }),
    ),
  );
  const memoText = readFileSync(new URL('data/demo/utvecklingsprogram-2035-tjansteskrivelse.txt', root), 'utf8');
  const memoReference = readFileSync(new URL('test/fixtures/memo-reference.txt', root), 'utf8');
  const memoRepaired = repairOcrText(memoText, model);
  const memo = {
    ...figures([pairErrors({ hypothesis: memoRepaired.text, damaged: memoText, reference: memoReference })]),
    repairs: memoRepaired.repairs.length,
    text: memoRepaired.text,
  };
  // Speed: fresh damage (seeds not used above), each page repaired once, so that no page is repeated; words
  // seen on earlier pages are remembered, as they are in a running service.
  const times: number[] = [];
  const speedSeeds = input.quick ? 2 : 6;
  for (let s = 0; s < speedSeeds; s++) {
    const damaged = texts.map(({ text }, i) => scanChannel(text, { seed: 99_000 + s * 100 + i })).join('\n');
    for (const page of pages(damaged, 300)) {
      const started = performance.now();
      repairOcrText(page, model);
      times.push(performance.now() - started);
    }
  }
  return {
    model: stats,
    corpus,
    corpusTotal: figures(all),
    bySource: [...perSource].map(([name, pairs]) => ({ name, figures: figures(pairs) })),
    cleanCorpus,
    memo,
    speed: {
      pages: times.length,
      wordsPerPage: 300,
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      maxMs: times.length === 0 ? NaN : Math.max(...times),
    },
  };
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
// Forked by bench/run.ts (part 9, `--only reading`): the figures go back to the report.
if (runDirectly && process.send) childMain(measureOcrRepair);
else if (runDirectly) {
  const result = await measureOcrRepair({ quick: process.argv.includes('--quick') });
  const m = result.model;
  console.log(
    `model: ${m.loadMs.toFixed(0)} ms to load, heap +${(m.heapBytes / 2 ** 20).toFixed(0)} MiB, ${m.dictionaryForms} dictionary forms`,
  );
  for (const { seed, figures: f } of result.corpus) {
    console.log(`corpus seed ${seed}: ${f.words} words, WER ${pct(f.werBefore)} → ${pct(f.werAfter)}`);
  }
  const t = result.corpusTotal;
  console.log(`corpus all seeds: WER ${pct(t.werBefore)} → ${pct(t.werAfter)} (${t.errorsBefore} → ${t.errorsAfter})`);
  for (const { name, figures: f } of result.bySource) {
    console.log(`  ${name}: ${f.words} words, WER ${pct(f.werBefore)} → ${pct(f.werAfter)}`);
  }
  console.log(`clean corpus (no damage): ${result.cleanCorpus.errorsAfter} words changed wrongly`);
  const memo = result.memo;
  console.log(
    `memo: ${memo.words} words, WER ${pct(memo.werBefore)} → ${pct(memo.werAfter)} (${memo.errorsBefore} → ${memo.errorsAfter}), ${memo.repairs} repairs`,
  );
  const s = result.speed;
  console.log(
    `speed: ${s.pages} pages of ~300 words, p50 ${s.p50Ms.toFixed(1)} ms, p99 ${s.p99Ms.toFixed(1)} ms, max ${s.maxMs.toFixed(1)} ms`,
  );
  if (process.argv.includes('--memo')) console.log(memo.text);
}
