/**
 * The Swedish language model the OCR repair uses: the shipped counts (data/language/sv-frequencies.json) and
 * the word forms of dictionary-sv (LGPL-3, a separate dependency read from node_modules, never copied). Loaded
 * once per process, when first asked for.
 *
 * The dictionary is read directly: index.dic (stems with their flags) and index.aff (suffix rules, compound
 * flags). A spell checker (nspell) accepts nearly any string through the compound rules and costs more than a
 * second and 127 MB to load. Here a word is looked up by taking suffixes off, as Hunspell does, behind a Bloom
 * filter of all ~830 000 forms (`HunspellLexicon`); the test expands all forms at once, with the same
 * helpers (`Affixes`, `dicEntries`, `applySuffix`), as the reference the lexicon is checked against.
 * Compounds are checked by the model (dictionary-sv's begin, middle and end flags).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  COMPOUND_BEGIN,
  COMPOUND_END,
  COMPOUND_MIDDLE,
  createLanguageModel,
  type LanguageData,
  type LanguageModel,
} from '../../domain/decision-documents/ocr-repair/language-model.js';

export interface LoadStats {
  /** Milliseconds to read and expand the files and build the model. */
  loadMs: number;
  /** Growth of the V8 heap while loading (bytes): what the model keeps when run with --expose-gc. */
  heapBytes: number;
  /** Word forms the dictionary's stems and suffix rules make (a form made twice counts twice; not kept). */
  dictionaryForms: number;
}

interface Loaded {
  model: LanguageModel;
  stats: LoadStats;
}

let loaded: Loaded | null = null;

/** The model, loaded on first use. */
export function swedishLanguageModel(): LanguageModel {
  return loadSwedishLanguageModel().model;
}

export function loadSwedishLanguageModel(): Loaded {
  if (loaded) return loaded;
  // With --expose-gc the heap figures are what the model keeps; without, they include garbage not yet collected.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  // The package exports only its index.js, which reads index.aff and index.dic beside it.
  const entry = createRequire(import.meta.url).resolve('dictionary-sv');
  const aff = readFileSync(join(dirname(entry), 'index.aff'), 'utf8');
  const dic = readFileSync(join(dirname(entry), 'index.dic'), 'utf8');
  const lexicon = new HunspellLexicon(aff, dic);
  const frequencies = JSON.parse(
    readFileSync(new URL('../../../data/language/sv-frequencies.json', import.meta.url), 'utf8'),
  ) as Pick<LanguageData, 'words' | 'pairs' | 'domain'>;
  const model = createLanguageModel({
    words: frequencies.words,
    pairs: frequencies.pairs,
    domain: frequencies.domain,
    dictionary: { has: (w) => (lexicon.roles(w) & WORD) !== 0 },
    compoundRoles: { get: (w) => lexicon.roles(w) & ~WORD },
  });
  // Build the index of near words now, not inside the first repair.
  model.nearWords('förslag');
  const loadMs = performance.now() - started;
  gc?.();
  const stats: LoadStats = {
    loadMs,
    heapBytes: process.memoryUsage().heapUsed - heapBefore,
    dictionaryForms: lexicon.formCount,
  };
  loaded = { model, stats };
  return loaded;
}

/** The bit of a form that is a word by itself (the compound roles use 1, 2 and 4). */
export const WORD = 8;

interface SuffixRule {
  strip: string;
  add: string;
  /** Flags the produced form carries ("WXZ"). */
  flags: string;
  condition: RegExp;
}

const FLAG_NAMES = [
  'FORBIDDENWORD',
  'NEEDAFFIX',
  'ONLYINCOMPOUND',
  'COMPOUNDBEGIN',
  'COMPOUNDMIDDLE',
  'COMPOUNDEND',
] as const;
type FlagName = (typeof FLAG_NAMES)[number];

/**
 * The .aff of a Hunspell dictionary with single-character flags and suffix rules only (as dictionary-sv is):
 * the suffix rules by flag, and the bits a form gets. Forms marked forbidden (FORBIDDENWORD) are no forms,
 * stems that need an affix (NEEDAFFIX) are no words as they stand, and forms allowed only inside compounds
 * (ONLYINCOMPOUND) are not words alone. Compound roles follow COMPOUNDBEGIN, COMPOUNDMIDDLE and COMPOUNDEND:
 * on a stem (and, for the end, on all its inflected forms) or on the form a suffix rule makes.
 */
export class Affixes {
  readonly rules = new Map<string, SuffixRule[]>();
  private readonly flagOf: Partial<Record<FlagName, string>> = {};

  constructor(aff: string) {
    for (const line of aff.split('\n')) {
      const parts = line.trim().split(/\s+/);
      const [name = '', value = ''] = parts;
      if ((FLAG_NAMES as readonly string[]).includes(name)) this.flagOf[name as FlagName] = value;
      if (name !== 'SFX' || parts.length < 5) continue;
      const [, flag = '', strip = '', addWithFlags = '', condition = '.'] = parts;
      const [add = '', flags = ''] = addWithFlags.split('/');
      const list = this.rules.get(flag) ?? [];
      list.push({
        strip: strip === '0' ? '' : strip,
        add: add === '0' ? '' : add,
        flags,
        condition: new RegExp(`${condition}$`, 'u'),
      });
      this.rules.set(flag, list);
    }
  }

  /** Whether `flags` holds the flag the .aff names `name` (never when it names none). */
  has(flags: string, name: FlagName): boolean {
    const flag = this.flagOf[name];
    return flag !== undefined && flag !== '' && flags.includes(flag);
  }

  /** A stem's own bits: WORD unless it needs an affix or is only for compounds, and its compound roles. */
  stemBits(flags: string): number {
    const word = this.has(flags, 'NEEDAFFIX') || this.has(flags, 'ONLYINCOMPOUND') ? 0 : WORD;
    return word | this.compoundBits(flags) | (this.has(flags, 'COMPOUNDEND') ? COMPOUND_END : 0);
  }

  /** The bits of the form a suffix rule with `ruleFlags` makes of a stem with `stemFlags`; 0 when forbidden. */
  formBits(stemFlags: string, ruleFlags: string): number {
    if (this.has(ruleFlags, 'FORBIDDENWORD')) return 0;
    if (this.has(ruleFlags, 'ONLYINCOMPOUND')) return this.compoundBits(ruleFlags);
    return WORD | this.compoundBits(ruleFlags) | (this.has(stemFlags, 'COMPOUNDEND') ? COMPOUND_END : 0);
  }

  private compoundBits(flags: string): number {
    return (
      (this.has(flags, 'COMPOUNDBEGIN') ? COMPOUND_BEGIN : 0) |
      (this.has(flags, 'COMPOUNDMIDDLE') ? COMPOUND_MIDDLE : 0)
    );
  }
}

/**
 * The .dic's stems, lower-case, with their flags (the first line, the count, skipped): blank lines, stems
 * without a letter and forbidden stems left out.
 */
export function* dicEntries(dic: string, affixes: Affixes): Generator<{ stem: string; flags: string }> {
  const lines = dic.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]?.trim();
    if (!line) continue;
    const slash = line.indexOf('/');
    const stem = (slash < 0 ? line : line.slice(0, slash)).toLowerCase();
    const flags = slash < 0 ? '' : line.slice(slash + 1);
    if (!/\p{L}/u.test(stem) || affixes.has(flags, 'FORBIDDENWORD')) continue;
    yield { stem, flags };
  }
}

/** The form a suffix rule makes of a stem, or null when the stem does not meet its condition or strip. */
export function applySuffix(stem: string, rule: SuffixRule): string | null {
  if (!rule.condition.test(stem) || (rule.strip && !stem.endsWith(rule.strip))) return null;
  return stem.slice(0, stem.length - rule.strip.length) + rule.add;
}

/**
 * The dictionary without its ~830 000 forms in memory: the stems with their flags, and each word looked up by
 * taking suffixes off (as Hunspell does), behind a Bloom filter of all forms so that most misses cost one hash.
 * `roles(word)` gives the same bits as expanding every form would: WORD (8) and the compound roles (1, 2, 4).
 */
export class HunspellLexicon {
  private readonly affixes: Affixes;
  private readonly stems = new Map<string, string>();
  private readonly byAdd = new Map<string, { flag: string; rule: SuffixRule }[]>();
  private readonly maxAdd: number;
  private readonly bloom: Uint32Array;
  private readonly bloomBits: number;
  private readonly cache = new Map<string, number>();
  readonly formCount: number;

  constructor(aff: string, dic: string) {
    const affixes = new Affixes(aff);
    this.affixes = affixes;
    let maxAdd = 0;
    for (const [flag, list] of affixes.rules) {
      for (const rule of list) {
        const entries = this.byAdd.get(rule.add) ?? [];
        entries.push({ flag, rule });
        this.byAdd.set(rule.add, entries);
        maxAdd = Math.max(maxAdd, rule.add.length);
      }
    }
    this.maxAdd = maxAdd;
    for (const { stem, flags } of dicEntries(dic, affixes)) {
      const had = this.stems.get(stem);
      this.stems.set(stem, had === undefined ? flags : `${had}${flags}`);
    }
    // Every form once into the filter (about 10 bits a form, 7 hashes: some 1 % false hits).
    const forms: string[] = [];
    for (const [stem, flags] of this.stems) {
      forms.push(stem);
      for (const f of flags) {
        for (const rule of affixes.rules.get(f) ?? []) {
          const form = applySuffix(stem, rule);
          if (form !== null) forms.push(form);
        }
      }
    }
    this.formCount = forms.length;
    this.bloomBits = Math.max(1024, forms.length * 10);
    this.bloom = new Uint32Array(Math.ceil(this.bloomBits / 32));
    for (const form of forms) this.bloomAdd(form);
  }

  /** WORD (8) when the form is a word by itself, and COMPOUND_BEGIN, COMPOUND_MIDDLE, COMPOUND_END (1, 2, 4). */
  roles(word: string): number {
    if (!this.bloomMay(word)) return 0;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const bits = this.lookUp(word);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(word, bits);
    return bits;
  }

  private lookUp(word: string): number {
    const own = this.stems.get(word);
    let bits = own === undefined ? 0 : this.affixes.stemBits(own);
    for (let k = 0; k <= Math.min(this.maxAdd, word.length - 1); k++) {
      const add = k === 0 ? '' : word.slice(word.length - k);
      for (const { flag, rule } of this.byAdd.get(add) ?? []) {
        const stem = word.slice(0, word.length - k) + rule.strip;
        const flags = this.stems.get(stem);
        if (flags === undefined || !flags.includes(flag) || !rule.condition.test(stem)) continue;
        bits |= this.affixes.formBits(flags, rule.flags);
      }
    }
    return bits;
  }

  private hashes(word: string): [number, number] {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 13);
    }
    return [h1 >>> 0, (h2 | 1) >>> 0];
  }

  private bloomAdd(word: string): void {
    const [h1, h2] = this.hashes(word);
    for (let i = 0; i < 7; i++) {
      const bit = (h1 + i * h2) % this.bloomBits;
      this.bloom[bit >>> 5] = (this.bloom[bit >>> 5] ?? 0) | (1 << (bit & 31));
    }
  }

  private bloomMay(word: string): boolean {
    const [h1, h2] = this.hashes(word);
    for (let i = 0; i < 7; i++) {
      const bit = (h1 + i * h2) % this.bloomBits;
      if (((this.bloom[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}
