/**
 * Repairs what scanning did to Swedish text: for each word, the forms it may have had (the confusion table,
 * a doubled letter dropped, one other letter changed, two words run together split, a word split in two
 * joined), each scored by how common the word is, how well it fits its neighbours and how unlikely the
 * changes are. A word stays as it is unless a form is clearly better. Numbers, dates, paragraph signs and
 * diarienummer are never touched. Every change is kept with its place, the original and the reason.
 */
import type { RepairedText, TextRepair } from '../document-reading.js';
import { confusionVariants, OTHER_EDIT_COST } from './confusions.js';
import { NUMBER_WORD, type LanguageModel } from './language-model.js';
import { tokenize, type Token } from './tokens.js';

/** Pseudo-counts for words known but not counted. */
const DICTIONARY_PSEUDO = 0.3;
const COMPOUND_PSEUDO = 0.05;
/** The score of a word no source knows: far below any known word. */
const UNKNOWN_PSEUDO = 1e-5;
const SPLIT_COST = 4.0;
const JOIN_COST = 2.5;
/** Weight of the word counts against the neighbours in P(word | previous). */
const CONTEXT_PRIOR = 4;
const CONTEXT_WEIGHT = 0.7;
const CONTEXT_CAP = 4;
/** How much better "i" must fit than a number before a lone "1" is read as "i" (natural log). */
const ONE_AS_I_MARGIN = 3;
/** Candidates kept per word for the context pass. */
const KEEP = 8;
/** Compound checks per word (the cheapest forms first): they cost more than a lookup. */
const MAX_COMPOUND_CHECKS = 60;

interface Candidate {
  /** Lower-case; two words when split: "program för". */
  text: string;
  cost: number;
  changes: string[];
  /** log P of the word (or of the pair, for a split). */
  logP: number;
  kind: 'keep' | 'change' | 'split';
}

interface Slot {
  /** The text covered in the input. */
  start: number;
  end: number;
  original: string;
  candidates: Candidate[];
  chosen: Candidate;
  join: boolean;
  /** The word as scanned is a known word. */
  originalKnown: boolean;
  /** A number: context only. */
  isNumber?: boolean;
}

const cacheByModel = new WeakMap<LanguageModel, Map<string, Candidate[]>>();

export function repairOcrText(text: string, model: LanguageModel): RepairedText {
  const tokens = tokenize(text);
  const slots = buildSlots(text, tokens, model);
  // Context pass: neighbours as first chosen.
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    if (!slot || slot.candidates.length <= 1) continue;
    const prev = neighbour(text, slots, i, -1);
    const next = neighbour(text, slots, i, 1);
    let best = slot.chosen;
    let bestScore = -Infinity;
    let bestPlain: Candidate | null = null;
    let bestPlainScore = -Infinity;
    for (const c of slot.candidates) {
      const score = contextScore(c, prev, next, model) - c.cost;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
      if (!isStruck(c) && score > bestPlainScore) {
        bestPlainScore = score;
        bestPlain = c;
      }
    }
    // A struck letter must be justified by the word alone: the neighbours choose between struck forms, but do
    // not prefer one to a form without a struck letter that the word alone ranked higher.
    const first = slot.chosen;
    if (isStruck(best) && !isStruck(first) && bestPlain) best = bestPlain;
    slot.chosen = best;
  }
  const repairs: TextRepair[] = [];
  for (const slot of slots) {
    if (slot.isNumber || (slot.chosen.kind === 'keep' && !slot.join)) continue;
    const to = recase(slot.chosen.text, slot.original);
    if (to === slot.original) continue;
    repairs.push({ at: slot.start, from: slot.original, to, reason: reasonFor(slot) });
  }
  repairs.push(...loneOnes(text, tokens, slots, model));
  repairs.sort((a, b) => a.at - b.at);
  return { text: apply(text, repairs), repairs };
}

function apply(text: string, sorted: readonly TextRepair[]): string {
  let out = '';
  let at = 0;
  for (const r of sorted) {
    out += text.slice(at, r.at) + r.to;
    at = r.at + r.from.length;
  }
  return out + text.slice(at);
}

function repairable(token: Token): boolean {
  if (token.kind === 'digit-word') return true;
  if (token.kind !== 'word' || token.text.length < 2) return false;
  // A capital and no vowel: an abbreviation ("Dnr", "St").
  if (/^\p{Lu}/u.test(token.text) && !/[aeiouyåäöéAEIOUYÅÄÖÉ]/u.test(token.text)) return false;
  // Short all-capital words are abbreviations ("KS", "SCB", "YH").
  if (token.text.length <= 4 && token.text === token.text.toUpperCase()) return false;
  // Mixed case inside a word ("eHälsa", "McDonald") is not scan damage we repair.
  return !/\p{Lu}/u.test(token.text.slice(1)) || token.text === token.text.toUpperCase();
}

function buildSlots(text: string, tokens: readonly Token[], model: LanguageModel): Slot[] {
  const slots: Slot[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    if (token.kind === 'protected' && /^\d[\d\s.,:/-]*$/u.test(token.text)) {
      // A number is context for its neighbours ("65 år"), never repaired.
      const number: Candidate = { text: NUMBER_WORD, cost: 0, changes: [], logP: 0, kind: 'keep' };
      slots.push({
        start: token.start,
        end: token.end,
        original: token.text,
        candidates: [number],
        chosen: number,
        join: false,
        originalKnown: true,
        isNumber: true,
      });
      continue;
    }
    if (!repairable(token)) continue;
    const candidates = candidatesFor(token.text.toLowerCase(), model, token.kind === 'digit-word');
    const slot: Slot = {
      start: token.start,
      end: token.end,
      original: token.text,
      candidates,
      chosen: candidates[0] ?? keepCandidate(token.text.toLowerCase(), model),
      join: false,
      originalKnown: token.kind === 'word' && isKnown(token.text.toLowerCase(), model),
    };
    const nextToken = tokens[i + 1];
    if (nextToken && repairable(nextToken) && token.kind === 'word' && nextToken.kind === 'word') {
      const joined = tryJoin(text, token, nextToken, slot, model);
      if (joined) {
        slots.push(joined);
        i++;
        continue;
      }
    }
    slots.push(slot);
  }
  return slots;
}

/** A word cut in two by the scan ("utvecklings program" where the two halves make a known word). */
function tryJoin(text: string, a: Token, b: Token, slotA: Slot, model: LanguageModel): Slot | null {
  const between = text.slice(a.end, b.start);
  if (between !== ' ' && between !== '-\n' && between !== '\n') return null;
  const lowerA = a.text.toLowerCase();
  const lowerB = b.text.toLowerCase();
  const knownA = isKnown(lowerA, model);
  const knownB = isKnown(lowerB, model);
  if (knownA && knownB) return null;
  if (b.text[0] !== b.text[0]?.toLowerCase()) return null;
  // Only the usual confusions inside a joined word: no letter struck or changed besides.
  const joinedCandidates = candidatesFor(lowerA + lowerB, model, false).filter(
    (c) =>
      c.kind !== 'split' &&
      model.wordCount(c.text) >= 2 &&
      c.changes.length <= 2 &&
      c.changes.every((change) => !change.includes('struket') && change !== 'en bokstav fel'),
  );
  const best = joinedCandidates[0];
  if (!best) return null;
  const bCandidates = candidatesFor(lowerB, model, false);
  const separate =
    (slotA.candidates[0] ? slotA.candidates[0].logP - slotA.candidates[0].cost : -Infinity) +
    (bCandidates[0] ? bCandidates[0].logP - bCandidates[0].cost : -Infinity);
  if (best.logP - best.cost - JOIN_COST <= separate) return null;
  const original = text.slice(a.start, b.end);
  const chosen: Candidate = { ...best, kind: 'change', changes: ['delat ord fogat samman', ...best.changes] };
  return {
    start: a.start,
    end: b.end,
    original,
    candidates: [chosen],
    chosen,
    join: true,
    originalKnown: false,
  };
}

function isKnown(w: string, model: LanguageModel): boolean {
  return model.wordCount(w) > 0 || model.isKnownWord(w) || model.isKnownCompound(w);
}

/** log P(word) from the counts, with small pseudo-counts for words only the dictionary knows. */
function logP(w: string, model: LanguageModel): number | null {
  const n = model.wordCount(w);
  const total = model.totalWords + 1;
  if (n > 0) return Math.log((n + DICTIONARY_PSEUDO) / total);
  if (model.isKnownWord(w)) return Math.log(DICTIONARY_PSEUDO / total);
  const parts = model.compoundParts(w);
  if (!parts) return null;
  // A compound of common parts ("mål" + "året") is likelier than one of rare parts ("mala" + "ret").
  let bonus = 0;
  for (const part of parts) bonus += Math.max(-2, Math.min(0.25, 0.5 * Math.log((model.wordCount(part) + 0.5) / 20)));
  return Math.log(COMPOUND_PSEUDO / total) + bonus;
}

function logPOrUnknown(w: string, model: LanguageModel): number {
  if (w === NUMBER_WORD) return Math.log((model.wordCount(w) + DICTIONARY_PSEUDO) / (model.totalWords + 1));
  return logP(w, model) ?? Math.log(UNKNOWN_PSEUDO / (model.totalWords + 1));
}

function keepCandidate(w: string, model: LanguageModel): Candidate {
  return {
    text: w,
    cost: 0,
    changes: [],
    logP: logP(w, model) ?? Math.log(UNKNOWN_PSEUDO / (model.totalWords + 1)),
    kind: 'keep',
  };
}

function candidatesFor(lower: string, model: LanguageModel, hasDigit: boolean): Candidate[] {
  let cache = cacheByModel.get(model);
  if (!cache) {
    cache = new Map();
    cacheByModel.set(model, cache);
  }
  const key = hasDigit ? `#${lower}` : lower;
  const cached = cache.get(key);
  if (cached) return cached;
  const result = computeCandidates(lower, model, hasDigit);
  if (cache.size > 20_000) cache.clear();
  cache.set(key, result);
  return result;
}

function computeCandidates(lower: string, model: LanguageModel, hasDigit: boolean): Candidate[] {
  const keep = keepCandidate(lower, model);
  const byText = new Map<string, Candidate>();
  const add = (c: Candidate): void => {
    const had = byText.get(c.text);
    if (!had || c.logP - c.cost > had.logP - had.cost) byText.set(c.text, c);
  };
  if (!hasDigit) add(keep);
  // Known as it stands: counted, or a dictionary or domain word (a compound only is weaker).
  const keepKnown = !hasDigit && (model.wordCount(lower) > 0 || model.isKnownWord(lower));
  const variants = confusionVariants(lower, 3, 800).sort((a, b) => a.cost - b.cost);
  let compoundChecks = 0;
  for (const v of variants) {
    if (v.text === lower || /\d/.test(v.text)) continue;
    // A known word does not lose letters: "boendes" stays.
    if (keepKnown && v.changes.some((change) => change.endsWith('struket'))) continue;
    const n = model.wordCount(v.text);
    let lp: number | null = null;
    if (n > 0 || model.isKnownWord(v.text)) lp = logP(v.text, model);
    else if (compoundChecks++ < MAX_COMPOUND_CHECKS) lp = logP(v.text, model);
    if (lp === null) continue;
    add({ text: v.text, cost: v.cost, changes: v.changes, logP: lp, kind: 'change' });
  }
  const keepCompound = !hasDigit && model.compoundParts(lower) !== null;
  const knownChanges = [...byText.values()].filter(
    (c) => c.kind === 'change' && (model.wordCount(c.text) > 0 || model.isKnownWord(c.text)),
  );
  if (!keepKnown && !keepCompound && knownChanges.length === 0 && lower.length >= 5) {
    // One other letter wrong besides the usual confusions: look near the cheapest forms.
    const cheapest = variants
      .filter((v) => !/\d/.test(v.text))
      .sort((a, b) => a.cost - b.cost)
      .slice(0, 24);
    for (const v of cheapest) {
      for (const near of model.nearWords(v.text)) {
        const n = model.wordCount(near);
        if (n < 2) continue;
        add({
          text: near,
          cost: v.cost + OTHER_EDIT_COST,
          changes: [...v.changes, 'en bokstav fel'],
          logP: Math.log((n + DICTIONARY_PSEUDO) / (model.totalWords + 1)),
          kind: 'change',
        });
      }
    }
  }
  // Two words run together, unless a single word as common as a dictionary word was found.
  const plainWordFound = [...byText.values()].some(
    (c) => model.wordCount(c.text) > 0 || (model.isKnownWord(c.text) && c.kind === 'change'),
  );
  if (!keepKnown && !plainWordFound && lower.length >= 5) {
    for (const split of splits(lower, model)) add(split);
  }
  return [...byText.values()].sort((a, b) => b.logP - b.cost - (a.logP - a.cost)).slice(0, KEEP);
}

/** Two words run together: both halves (after the usual confusions) counted words. */
function splits(lower: string, model: LanguageModel): Candidate[] {
  const out: Candidate[] = [];
  for (let cut = 2; cut <= lower.length - 2; cut++) {
    const left = bestCounted(lower.slice(0, cut), model);
    if (!left) continue;
    const right = bestCounted(lower.slice(cut), model);
    if (!right) continue;
    // The halves as independent words, plus what their pair adds when it has been seen.
    const lpRight = Math.max(right.logP, conditional(right.text, left.text, model));
    out.push({
      text: `${left.text} ${right.text}`,
      cost: left.cost + right.cost + SPLIT_COST,
      changes: ['ihopskrivna ord delade', ...left.changes, ...right.changes],
      logP: left.logP + lpRight,
      kind: 'split',
    });
  }
  return out;
}

function bestCounted(part: string, model: LanguageModel): Candidate | null {
  let best: Candidate | null = null;
  for (const v of confusionVariants(part, 2, 300, false)) {
    const n = model.wordCount(v.text);
    if (n < 2) continue;
    const c: Candidate = {
      text: v.text,
      cost: v.cost,
      changes: v.changes,
      logP: Math.log((n + DICTIONARY_PSEUDO) / (model.totalWords + 1)),
      kind: 'change',
    };
    if (!best || c.logP - c.cost > best.logP - best.cost) best = c;
  }
  return best;
}

/** log P(word | previous), the counts smoothed towards P(word). */
function conditional(word: string, previous: string | null, model: LanguageModel): number {
  const pWord = Math.exp(logPOrUnknown(word, model));
  if (!previous) return Math.log(pWord);
  const nPrev = model.wordCount(previous);
  return Math.log((model.pairCount(previous, word) + CONTEXT_PRIOR * pWord) / (nPrev + CONTEXT_PRIOR));
}

function isStruck(c: Candidate): boolean {
  return c.changes.some((change) => change.endsWith('struket'));
}

function contextScore(c: Candidate, prev: string | null, next: string | null, model: LanguageModel): number {
  const words = c.text.split(' ');
  const first = words[0] ?? c.text;
  const last = words[words.length - 1] ?? c.text;
  let score = c.logP;
  // What each neighbour adds, weighted and bounded: the counts of pairs are few.
  const bounded = (x: number): number => CONTEXT_WEIGHT * Math.max(-CONTEXT_CAP, Math.min(CONTEXT_CAP, x));
  if (prev !== null && model.wordCount(prev) > 0) {
    score += bounded(conditional(first, prev, model) - logPOrUnknown(first, model));
  }
  if (next !== null && model.wordCount(next) > 0) {
    score += bounded(conditional(next, last, model) - conditional(next, null, model));
  }
  return score;
}

/** The chosen word next to slot i (lower-case), when only spaces or a line break lie between. */
function neighbour(text: string, slots: readonly Slot[], i: number, step: -1 | 1): string | null {
  const slot = slots[i];
  const other = slots[i + step];
  if (!slot || !other) return null;
  const between = step < 0 ? text.slice(other.end, slot.start) : text.slice(slot.end, other.start);
  if (!/^[\s]*$/u.test(between) || between.length > 3) return null;
  const words = other.chosen.text.split(' ');
  return (step < 0 ? words[words.length - 1] : words[0]) ?? null;
}

/** "1" between two words read as "i" when "i" fits both neighbours far better than a number. */
function loneOnes(text: string, tokens: readonly Token[], slots: readonly Slot[], model: LanguageModel): TextRepair[] {
  const out: TextRepair[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (token?.kind !== 'lone-one') continue;
    const prevSlot = slots.find((s) => s.end === token.start - 1);
    const nextSlot = slots.find((s) => s.start === token.end + 1);
    if (!prevSlot || !nextSlot) continue;
    const prevWords = prevSlot.chosen.text.split(' ');
    const prev = prevWords[prevWords.length - 1] ?? '';
    const next = nextSlot.chosen.text.split(' ')[0] ?? '';
    const asI = conditional('i', prev, model) + conditional(next, 'i', model);
    const asNumber = conditional(NUMBER_WORD, prev, model) + conditional(next, NUMBER_WORD, model);
    if (asI - asNumber >= ONE_AS_I_MARGIN) {
      out.push({ at: token.start, from: '1', to: 'i', reason: '1 → i, passar sammanhanget' });
    }
  }
  return out;
}

function recase(lower: string, original: string): string {
  const letters = original.replace(/\P{L}/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return lower.toUpperCase();
  const first = [...original][0] ?? '';
  if (/\p{Lu}/u.test(first)) return lower.charAt(0).toUpperCase() + lower.slice(1);
  return lower;
}

function reasonFor(slot: Slot): string {
  const c = slot.chosen;
  const changes = c.changes.length > 0 ? c.changes.join(', ') : 'ändrat';
  if (slot.join) return `${changes}; det sammanfogade ordet är känt`;
  if (c.kind === 'split') return `${changes}; båda orden är kända`;
  if (!slot.originalKnown) return `${changes}; okänt ord, rättat till känt`;
  return `${changes}; ordet är vanligare i sammanhanget`;
}
