/**
 * What the repair knows of Swedish: how often words and word pairs occur in text like the one being repaired,
 * which words the dictionary knows (including compounds of known words), and the domain's own names.
 * Everything is lower-case. Pure: the data is handed in (see src/documents/reading/swedish-language-model.ts).
 */

/** Counts use this word for every number, so that "1" can be weighed against "i". */
export const NUMBER_WORD = '<tal>';

export interface LanguageModel {
  /** Words counted in all. */
  readonly totalWords: number;
  wordCount(word: string): number;
  pairCount(first: string, second: string): number;
  /** A word form the dictionary or the domain lexicon knows as it is. */
  isKnownWord(word: string): boolean;
  /** A word made of two or three known words, with an optional linking "s" ("kommunstyrelseförvaltningen"). */
  isKnownCompound(word: string): boolean;
  /** The parts of a known compound, the split whose rarest part is most common; null when not a compound. */
  compoundParts(word: string): string[] | null;
  /** A name of the domain: member, body, programme ("södertörns"). */
  isDomainWord(word: string): boolean;
  /** Counted words (at least twice) that differ from `word` by one letter added, dropped or changed. */
  nearWords(word: string): string[];
}

export interface LanguageData {
  words: Readonly<Record<string, number>>;
  pairs: Readonly<Record<string, number>>;
  domain: readonly string[];
  /** Word forms known to the dictionary, lower-case. */
  dictionary: { has(word: string): boolean };
  /** Forms the dictionary allows only as the first part of a compound ("skol" in "skolverksamhet"). */
  compoundHeads?: ReadonlySet<string>;
  /**
   * When given, compounds follow the dictionary's rules: a form that may begin a compound, forms that may stand
   * in the middle, and one that may end it (bits COMPOUND_BEGIN, COMPOUND_MIDDLE, COMPOUND_END). Without it,
   * any known words of three letters or more make a compound (with an optional linking "s").
   */
  compoundRoles?: { get(word: string): number | undefined };
}

export const COMPOUND_BEGIN = 1;
export const COMPOUND_MIDDLE = 2;
export const COMPOUND_END = 4;

const MIN_PART = 3;

/**
 * Swedish words of closed classes (prepositions, conjunctions, pronouns, auxiliaries) that do not end a
 * compound: "programför" is two words run together, not a compound.
 */
const CLOSED_CLASS = new Set([
  'för',
  'och',
  'att',
  'som',
  'med',
  'till',
  'från',
  'den',
  'det',
  'dem',
  'ett',
  'är',
  'var',
  'har',
  'kan',
  'ska',
  'inte',
  'men',
  'eller',
  'vid',
  'efter',
  'över',
  'utan',
  'samt',
  'hos',
  'där',
  'när',
  'vara',
  'blir',
  'inom',
  'mellan',
  'genom',
  'sina',
  'sin',
  'sitt',
  'våra',
  'vår',
  'denna',
  'detta',
  'dessa',
  'vilka',
  'vilket',
  'vilken',
]);

export function createLanguageModel(data: LanguageData): LanguageModel {
  const words = new Map(Object.entries(data.words));
  const pairs = new Map(Object.entries(data.pairs));
  const domain = new Set(data.domain.map((w) => w.toLowerCase()));
  let total = 0;
  for (const n of words.values()) total += n;
  const known = (w: string): boolean => data.dictionary.has(w) || domain.has(w) || (words.get(w) ?? 0) >= 2;
  const compoundCache = new Map<string, string[] | null>();
  const partWeight = (parts: readonly string[]): number => Math.min(...parts.map((p) => words.get(p) ?? 0));

  const tailCache = new Map<string, string[] | null>();
  const splitCompound = (w: string, partsLeft: number, first: boolean): string[] | null => {
    if (!first && w.length >= MIN_PART && known(w) && !CLOSED_CLASS.has(w)) return [w];
    if (partsLeft <= 1 || w.length < 2 * MIN_PART) return null;
    if (first) return splitHead(w, partsLeft);
    const key = `${partsLeft}${w}`;
    const cached = tailCache.get(key);
    if (cached !== undefined) return cached;
    const result = splitHead(w, partsLeft);
    if (tailCache.size > 100_000) tailCache.clear();
    tailCache.set(key, result);
    return result;
  };
  const roles = data.compoundRoles;
  const mayStart = (head: string): boolean =>
    roles ? ((roles.get(head) ?? 0) & COMPOUND_BEGIN) !== 0 : known(head) || data.compoundHeads?.has(head) === true;
  const splitStrict = (w: string, partsLeft: number, first: boolean): string[] | null => {
    if (!roles) return null;
    if (!first && ((roles.get(w) ?? 0) & COMPOUND_END) !== 0 && !CLOSED_CLASS.has(w)) return [w];
    if (partsLeft <= 1) return null;
    let best: string[] | null = null;
    for (let cut = 2; cut <= w.length - 2; cut++) {
      const head = w.slice(0, cut);
      const bits = roles.get(head) ?? 0;
      // A domain name may begin a compound ("Södertörnsbor"), with or without a linking "s".
      const domainHead = first && (domain.has(head) || (head.endsWith('s') && domain.has(head.slice(0, -1))));
      if ((!(bits & (first ? COMPOUND_BEGIN : COMPOUND_MIDDLE)) && !domainHead) || CLOSED_CLASS.has(head)) continue;
      const parts = splitStrict(w.slice(cut), partsLeft - 1, false);
      if (!parts) continue;
      const candidate = [head, ...parts];
      if (!best || partWeight(candidate) > partWeight(best)) best = candidate;
    }
    return best;
  };
  const splitHead = (w: string, partsLeft: number): string[] | null => {
    if (roles) return splitStrict(w, partsLeft, true);
    let best: string[] | null = null;
    for (let cut = MIN_PART; cut <= w.length - MIN_PART; cut++) {
      const head = w.slice(0, cut);
      if (!mayStart(head) || CLOSED_CLASS.has(head)) continue;
      const rest = w.slice(cut);
      const tries = [rest];
      if (rest.startsWith('s') && rest.length > MIN_PART) tries.push(rest.slice(1));
      for (const tail of tries) {
        const parts = splitCompound(tail, partsLeft - 1, false);
        if (!parts) continue;
        const candidate = [head, ...parts];
        if (!best || partWeight(candidate) > partWeight(best)) best = candidate;
      }
    }
    return best;
  };
  const compoundParts = (w: string): string[] | null => {
    const cached = compoundCache.get(w);
    if (cached !== undefined) return cached;
    const result = w.length >= 2 * MIN_PART ? splitCompound(w, 3, true) : null;
    if (compoundCache.size > 50_000) compoundCache.clear();
    compoundCache.set(w, result);
    return result;
  };

  let deletes: Map<string, string[]> | null = null;
  const deletesIndex = (): Map<string, string[]> => {
    if (deletes) return deletes;
    deletes = new Map();
    for (const [w, n] of words) {
      if (n < 2 || w.length < 4 || w.startsWith('<')) continue;
      for (const d of oneDeleted(w)) {
        const list = deletes.get(d);
        if (list) {
          if (!list.includes(w)) list.push(w);
        } else deletes.set(d, [w]);
      }
      const list = deletes.get(w);
      if (list) list.push(w);
      else deletes.set(w, [w]);
    }
    return deletes;
  };

  return {
    totalWords: total,
    wordCount: (w) => words.get(w) ?? 0,
    pairCount: (a, b) => pairs.get(`${a} ${b}`) ?? 0,
    isKnownWord: (w) => data.dictionary.has(w) || domain.has(w),
    isKnownCompound: (w) => known(w) || compoundParts(w) !== null,
    compoundParts,
    isDomainWord: (w) => domain.has(w),
    nearWords: (w) => {
      const index = deletesIndex();
      const found = new Set<string>();
      for (const key of [w, ...oneDeleted(w)]) {
        for (const candidate of index.get(key) ?? []) {
          if (candidate !== w && withinOneEdit(w, candidate)) found.add(candidate);
        }
      }
      return [...found];
    },
  };
}

function oneDeleted(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** One letter added, dropped or changed. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (l.length - s.length > 1) return false;
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  if (s.length === l.length) return s.slice(i + 1) === l.slice(i + 1);
  return s.slice(i) === l.slice(i + 1);
}
