/**
 * Tokenising scanned Swedish text with the offsets kept. Letters are `\p{L}` (JavaScript's `\w` and `\b` do
 * not count å, ä and ö as letters). A chunk is a run of letters and digits, joined by inner "-", "/", "." or
 * ":" when digits or letters follow (so "KS-2019/1234" and "2013-04-29" are one chunk).
 */

export type TokenKind =
  /** Letters only: may be repaired. */
  | 'word'
  /** Letters with one digit that scans make of ö ("f6r", "6vergripande"): may be repaired to a known word. */
  | 'digit-word'
  /** A lone "1" between words, which scans make of "i": repaired only when the context says so. */
  | 'lone-one'
  /** Numbers, dates, paragraph numbers, diarienummer, codes: never changed. */
  | 'protected';

export interface Token {
  text: string;
  /** Offset of the first character in the text. */
  start: number;
  end: number;
  kind: TokenKind;
}

const CHUNK = /[\p{L}\p{N}]+(?:[-/.:][\p{L}\p{N}]+)*/gu;
const LETTERS = /^\p{L}+$/u;
/** The digits scans put for ö. */
const OCR_DIGITS = /^\p{L}*[60]\p{L}*(?:[60]\p{L}*)?$/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(CHUNK)) {
    const chunk = match[0];
    const start = match.index;
    if (/^[\p{L}\p{N}]+$/u.test(chunk)) {
      tokens.push({ text: chunk, start, end: start + chunk.length, kind: kindOf(chunk, text, start) });
      continue;
    }
    tokens.push(...splitChunk(chunk, start));
  }
  return tokens;
}

/**
 * A chunk with inner "-", "/", "." or ":". Without digits, each letter run is a word ("Britt-Marie",
 * "asylsökande/inskrivna"). With digits, a lower-case letter run of three letters or more is a word
 * ("20-64-åringar", "3-årig") and the rest is protected as it stands ("KS-2019/1234", "2013-04-29").
 */
function splitChunk(chunk: string, offset: number): Token[] {
  const hasDigit = /\p{N}/u.test(chunk);
  const out: Token[] = [];
  let protectedFrom = -1;
  const flush = (end: number): void => {
    if (protectedFrom < 0) return;
    const text = chunk.slice(protectedFrom, end).replace(/[-/.:]+$/u, '');
    out.push({ text, start: offset + protectedFrom, end: offset + protectedFrom + text.length, kind: 'protected' });
    protectedFrom = -1;
  };
  for (const part of chunk.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = part[0];
    const isWord = hasDigit ? /^\p{Ll}\p{L}{2,}$/u.test(word) : LETTERS.test(word);
    if (isWord) {
      flush(part.index);
      out.push({ text: word, start: offset + part.index, end: offset + part.index + word.length, kind: 'word' });
    } else if (protectedFrom < 0) protectedFrom = part.index;
  }
  flush(chunk.length);
  return out;
}

function kindOf(chunk: string, text: string, start: number): TokenKind {
  if (LETTERS.test(chunk)) return 'word';
  if (chunk === '1') return isLoneOne(text, start) ? 'lone-one' : 'protected';
  const letters = chunk.replace(/\P{L}/gu, '').length;
  if (letters >= 2 && OCR_DIGITS.test(chunk) && chunk.replace(/\d/g, '') !== chunk.replace(/\d/g, '').toUpperCase())
    return 'digit-word';
  return 'protected';
}

/** A "1" with a lower-case letter word just before it and a letter word just after, on the same line. */
function isLoneOne(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(start + 1, start + 41);
  if (!/\p{Ll}{2,} $/u.test(before)) return false;
  if (/§\s*\p{L}* ?$/u.test(before)) return false;
  return /^ \p{L}{2,}/u.test(after);
}
