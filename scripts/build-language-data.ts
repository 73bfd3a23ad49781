/**
 * Builds data/language/sv-frequencies.json: lower-cased word and word-pair counts and the domain lexicon the
 * OCR repair scores with (src/domain/decision-documents/ocr-repair/), from text the project ships:
 *  - the Kolada catalogue's KPI titles and descriptions (data/kolada/kpi_df.csv, "Källa: Kolada"), except every
 *    10th KPI, which is held out for the test corpus;
 *  - the programmes' own Swedish texts in data/demo/sodertorn.json, except every text whose source is the memo
 *    and except the programme held out for the test corpus (sup-2035);
 *  - the product's Swedish interface texts (string literals in src/web/i18n/sv/*.ts);
 *  - the domain lexicon: the municipalities' names (data/kolada/munic.csv), the cooperation's bodies, networks,
 *    events and programme names.
 * Also writes the held-out texts to test/fixtures/ocr-corpus/ (sentences that also occur in the frequency
 * source are left out, so that nothing in the corpus was counted). Deterministic: same input, same output.
 *
 *   node --import tsx scripts/build-language-data.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { shippedAreas, shippedKpis } from '../src/seed/kolada-catalogue-files.js';
import { NUMBER_WORD } from '../src/domain/decision-documents/ocr-repair/language-model.js';
import { tokenize } from '../src/domain/decision-documents/ocr-repair/tokens.js';

const root = new URL('../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** Every n-th KPI (by position in the catalogue) is held out of the counts. */
const HOLD_OUT_EVERY = 10;
const HELD_OUT_PROGRAMME = 'sup-2035';
/** Pairs seen fewer times are dropped (keeps the file under 2 MB). */
const MIN_PAIR_COUNT = 2;
/** A domain word counts at least this often. */
const DOMAIN_MIN_COUNT = 20;
/** The most Kolada words the corpus file takes. */
const CORPUS_KOLADA_WORDS = 2500;

function koladaTexts(): { training: string[]; heldOut: string[] } {
  const training: string[] = [];
  const heldOut: string[] = [];
  shippedKpis().forEach((kpi, i) => {
    const texts = [kpi.title, kpi.description].filter(Boolean);
    (i % HOLD_OUT_EVERY === HOLD_OUT_EVERY - 1 ? heldOut : training).push(...texts);
  });
  return { training, heldOut };
}

/** Keys of sodertorn.json whose strings are Swedish text of the programmes (the rest is English notes or ids). */
const SWEDISH_KEYS = new Set([
  'name',
  'title',
  'vision',
  'goals_2025',
  'strategies',
  'overarching_goal',
  'focus_areas',
  'cross_cutting',
  'concretised_in',
  'changes_from_previous',
  'adoption_rule',
  'area',
  'what',
  'network',
]);

interface Json {
  [key: string]: unknown;
}

function programmeTexts(): { training: string[]; heldOut: string[]; names: string[] } {
  const data = JSON.parse(read('data/demo/sodertorn.json')) as Json;
  const training: string[] = [];
  const heldOut: string[] = [];
  const names: string[] = [];
  const walk = (value: unknown, key: string, into: string[]): void => {
    if (typeof value === 'string') {
      if (SWEDISH_KEYS.has(key)) into.push(value);
      if (key === 'name' || key === 'network') names.push(value);
      return;
    }
    if (Array.isArray(value)) {
      for (const v of value) walk(v, key, into);
      return;
    }
    if (value && typeof value === 'object') {
      const object = value as Json;
      // Nothing whose source is the memo: the memo is the acceptance text.
      const source = object.source;
      if (Array.isArray(source) && source.includes('memo')) return;
      const target = object.id === HELD_OUT_PROGRAMME ? heldOut : into;
      for (const [k, v] of Object.entries(object)) {
        if (k === 'memo_change' || k === 'sources' || k === 'about') continue;
        walk(v, k, target);
      }
    }
  };
  walk(data, '', training);
  return { training, heldOut, names };
}

function interfaceTexts(): string[] {
  const dir = new URL('src/web/i18n/sv/', root);
  const out: string[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.ts')) continue;
    const source = readFileSync(new URL(file, dir), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, ' ')
      .replace(/^\s*\/\/.*$/gm, ' ')
      .replace(/^import[\s\S]*?;$/gm, ' ');
    for (const m of source.matchAll(/'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)) {
      const literal = (m[1] ?? m[2] ?? '').replace(/\$\{[^}]*\}/g, ' ');
      // Only prose: at least one Swedish-looking word of three letters or more.
      if (/\p{L}{3,}/u.test(literal) && !/^[\w./-]+$/.test(literal)) out.push(literal);
    }
  }
  return out;
}

function domainWords(names: readonly string[]): string[] {
  const words = new Set<string>();
  const munic = shippedAreas();
  const bodies = [
    'Kommunstyrelsen',
    'Kommunstyrelsens',
    'Kommunledningsutskottet',
    'Kommunledningsutskottets',
    'Kommunfullmäktige',
    'Kommunfullmäktiges',
    'Kommunstyrelseförvaltningen',
    'Kommunstyrelseförvaltningens',
    'Arbetsutskottet',
    'Södertörns samarbetskommitté',
    'Södertörns kommunchefsgrupp',
    'Ledningsgruppen',
    'Södertörnskommunerna',
    'Södertörnskommunernas',
    'Södertörnssamarbetet',
    'Södertörn',
    'Södertörns',
  ];
  for (const text of [...munic.map((m) => m.title), ...names, ...bodies]) {
    for (const token of tokenize(text)) {
      if (token.kind !== 'word' || token.text.length < 2) continue;
      const w = token.text.toLowerCase();
      words.add(w);
      if (/^\p{Lu}/u.test(token.text) && !w.endsWith('s')) words.add(`${w}s`);
    }
  }
  return [...words].sort();
}

/** Sentences, roughly: split after . ! ? and at line breaks. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const normal = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ');

function count(texts: readonly string[], words: Map<string, number>, pairs: Map<string, number>): void {
  for (const text of texts) {
    const tokens = tokenize(text);
    let previous: string | null = null;
    let previousEnd = -1;
    for (const token of tokens) {
      const between = previousEnd < 0 ? '' : text.slice(previousEnd, token.start);
      const joined = /^\s*$/u.test(between);
      let w: string | null = null;
      if (token.kind === 'word' || token.kind === 'digit-word') w = token.text.toLowerCase();
      else if (/^\d+$/.test(token.text) || token.kind === 'lone-one') w = NUMBER_WORD;
      if (w && token.kind === 'digit-word') w = null;
      if (w) {
        words.set(w, (words.get(w) ?? 0) + 1);
        if (previous && joined) {
          const key = `${previous} ${w}`;
          pairs.set(key, (pairs.get(key) ?? 0) + 1);
        }
      }
      previous = w;
      previousEnd = token.end;
    }
  }
}

function sorted(map: Map<string, number>, min: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of [...map.keys()].sort()) {
    const n = map.get(key) ?? 0;
    if (n >= min) out[key] = n;
  }
  return out;
}

/** Held-out sentences not in the training text, in order, up to `maxWords` words. */
function corpusText(heldOut: readonly string[], trainingSentences: ReadonlySet<string>, maxWords: number): string {
  const seen = new Set<string>();
  const out: string[] = [];
  let words = 0;
  for (const text of heldOut) {
    const kept = sentences(text).filter((s) => {
      const key = normal(s);
      if (trainingSentences.has(key) || seen.has(key) || !/\p{L}{2,}/u.test(s)) return false;
      seen.add(key);
      return true;
    });
    if (kept.length === 0) continue;
    const paragraph = kept.join(' ');
    const n = paragraph.split(/\s+/).length;
    if (words + n > maxWords) break;
    words += n;
    out.push(paragraph);
  }
  return `${out.join('\n\n')}\n`;
}

function main(): void {
  const kolada = koladaTexts();
  const programmes = programmeTexts();
  const ui = interfaceTexts();
  const lexicon = domainWords(programmes.names);
  const training = [...kolada.training, ...programmes.training, ...ui];
  const words = new Map<string, number>();
  const pairs = new Map<string, number>();
  count(training, words, pairs);
  for (const w of lexicon) words.set(w, Math.max(words.get(w) ?? 0, DOMAIN_MIN_COUNT));
  const data = {
    about:
      'Word and word-pair counts (lower-case) for the OCR repair. Built by scripts/build-language-data.ts; sources and licences in data/language/SOURCES.md.',
    numberWord: NUMBER_WORD,
    sources: {
      koladaTexts: kolada.training.length,
      programmeTexts: programmes.training.length,
      interfaceTexts: ui.length,
    },
    words: sorted(words, 1),
    pairs: sorted(pairs, MIN_PAIR_COUNT),
    domain: lexicon,
  };
  const json = `${JSON.stringify(data)}\n`;
  writeFileSync(new URL('data/language/sv-frequencies.json', root), json);
  const trainingSentences = new Set(training.flatMap(sentences).map(normal));
  writeFileSync(
    new URL('test/fixtures/ocr-corpus/kolada-heldout.txt', root),
    corpusText(kolada.heldOut, trainingSentences, CORPUS_KOLADA_WORDS),
  );
  writeFileSync(
    new URL('test/fixtures/ocr-corpus/programme-heldout.txt', root),
    corpusText(programmes.heldOut, trainingSentences, 10_000),
  );
  console.log(
    `sv-frequencies.json: ${Object.keys(data.words).length} words, ${Object.keys(data.pairs).length} pairs, ` +
      `${lexicon.length} domain words, ${(json.length / 1024).toFixed(0)} KiB (chars)`,
  );
}

main();
