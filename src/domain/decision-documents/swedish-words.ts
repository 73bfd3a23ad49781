/**
 * Word helpers for Swedish text. JavaScript's `\b` knows only [A-Za-z0-9_], so "kommunstyrelsen" would
 * have a "word boundary" before an "ö" and "Södertälje" would split in two; here boundaries are built
 * on `\p{L}` and `\p{N}` with the `u` flag.
 */

/** Not preceded by a letter or digit (any script). */
export const WORD_START = '(?<![\\p{L}\\p{N}])';
/** Not followed by a letter or digit (any script). */
export const WORD_END = '(?![\\p{L}\\p{N}])';

/** A regular expression matching `source` as whole words; `u` is always added, `gi` by default. */
export function wordRegex(source: string, flags = 'gi'): RegExp {
  const all = flags.includes('u') ? flags : `${flags}u`;
  return new RegExp(`${WORD_START}(?:${source})${WORD_END}`, all);
}

/** Every match of `re` in `text` (a global copy of `re` is used, so `re`'s lastIndex is untouched). */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const global = re.global ? new RegExp(re.source, re.flags) : new RegExp(re.source, `${re.flags}g`);
  return [...text.matchAll(global)];
}

/** Escapes a string for use inside a regular expression. */
export const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What a scanner commonly makes of the Swedish letters (seen in the demo's OCR text: "Sédertérns",
 * "godkinns", "ersitter", "f6r", "frin" for "från"). Used only inside longer words, where the rest of
 * the word keeps the match specific.
 */
const OCR_LETTER: Record<string, string> = {
  å: '[åaáàâi]',
  ä: '[äaáàâi]',
  ö: '[öoóòôø6éèed]',
  é: '[éeè]',
};

/**
 * A pattern for a Swedish word or phrase that also accepts the scanner's usual damage to å, ä and ö
 * (and any whitespace, line breaks included, between words). Case is left to the regex's `i` flag.
 */
export function ocrTolerant(phrase: string): string {
  let out = '';
  for (const ch of phrase.normalize('NFC')) {
    const lower = ch.toLowerCase();
    if (OCR_LETTER[lower]) out += OCR_LETTER[lower];
    else if (/\s/u.test(ch)) out += '\\s+';
    else out += escapeRegex(ch);
  }
  return out.replace(/(\\s\+)+/g, '\\s+');
}

/**
 * Lower case with the Swedish and accented letters folded to their base letter, one character for one
 * (offsets stay valid): "Sédertérns" → "sedertern s"-like forms compare by edit distance afterwards.
 */
export function fold(word: string): string {
  let out = '';
  for (const ch of word.normalize('NFC').toLowerCase()) {
    if ('åäáàâ'.includes(ch)) out += 'a';
    else if ('öóòôø'.includes(ch)) out += 'o';
    else if ('éèê'.includes(ch)) out += 'e';
    else out += ch;
  }
  return out;
}

/**
 * Levenshtein distance (insertions, deletions, substitutions) between two sequences: the characters of
 * two short words, or the words of two texts (the word error rate).
 */
export function editDistance(a: ArrayLike<string>, b: ArrayLike<string>): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** How many edits a word of this length may have and still count as the same word read by a scanner. */
const allowedEdits = (length: number): number => (length >= 9 ? 2 : length >= 5 ? 1 : 0);

/** The same word, folded, allowing a scanner's few letter errors in longer words. */
export function sameWord(a: string, b: string): boolean {
  const fa = fold(a);
  const fb = fold(b);
  if (fa === fb) return true;
  const n = Math.min(fa.length, fb.length);
  return editDistance(fa, fb) <= allowedEdits(n);
}

/**
 * `word` begins with `stem` (folded, a scanner's errors allowed), e.g. "utvecklingsprogrammet" and the
 * scanner's "utvecklingsprogramfér" (a lost space) both begin with "utvecklingsprogram".
 */
export function startsWithWord(word: string, stem: string): boolean {
  const fw = fold(word);
  const fs = fold(stem);
  if (fw.startsWith(fs)) return true;
  if (fw.length < fs.length - 1) return false;
  const edits = allowedEdits(fs.length);
  // Compare the stem with the word's beginning of the stem's length and one either side (an inserted
  // or a lost letter shifts the end).
  for (const len of [fs.length - 1, fs.length, fs.length + 1]) {
    if (len <= fw.length && editDistance(fw.slice(0, len), fs) <= edits) return true;
  }
  return false;
}

export interface Token {
  text: string;
  at: number;
}

/** The words (letters and digits, hyphenated parts kept together) of `text`, with their offsets. */
export function tokenize(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)].map((m) => ({ text: m[0], at: m.index }));
}

/** The first letter in upper case ("kommunstyrelsen" → "Kommunstyrelsen"). */
export const capitaliseFirst = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** A line of the text with its offset. */
export interface Line {
  text: string;
  at: number;
}

export function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let at = 0;
  for (const text_ of text.split('\n')) {
    out.push({ text: text_, at });
    at += text_.length + 1;
  }
  return out;
}

/** The first `n` lines that have any letter: a document's letterhead and heading. */
export function headingLines(text: string, n = 6): Line[] {
  return linesOf(text)
    .filter((l) => /\p{L}/u.test(l.text))
    .slice(0, n);
}

/** The end offset of the heading zone (the first `n` lines with letters). */
export function headingEnd(text: string, n = 6): number {
  const lines = headingLines(text, n);
  const last = lines[lines.length - 1];
  return last ? last.at + last.text.length : 0;
}
