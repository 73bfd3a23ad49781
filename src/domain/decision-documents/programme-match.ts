import type { Evidence } from './document-reading.js';
import { fold, sameWord, startsWithWord, tokenize, type Token } from './swedish-words.js';

/**
 * Which of the programmes held the text concerns, by name words and target year.
 *
 * A mention is found at a word beginning with the programme name's main word (the word with
 * "program" in it: "utvecklingsprogram", "utvecklingsprogrammet", and the scanner's
 * "utvecklingsprogramfér" with a lost space), scanner's letter errors allowed. Each programme is
 * scored against each mention:
 *   - the name's words before the main word ("Södertörns") just before the mention: +2;
 *   - a year right after the mention ("… 2035", "(2023)"): +5 when the programme's name writes that
 *     year, +4 when it is only its target year; the mention does not count for a programme with
 *     another year or none;
 *   - no year at the mention, and the programme has none either, with its full name written: +1;
 *   - each further word of the name ("justerat") found right after the mention: +2, missing: −1;
 *     a word in parentheses after the mention that the name lacks: −3.
 * Mentions in the heading or the proposal/decision section weigh three times as much. A mention of a
 * programme being replaced ("ersätter tidigare utvecklingsprogram från 2013", "… som godkändes …")
 * does not count: the programme replaced must not win over the one decided.
 *
 * The programme with the greatest sum wins if some mention named it by more than its main word;
 * when two score equally (the demo holds "Södertörns utvecklingsprogram 2035" twice: the proposal and
 * the adopted one), the first in the given order wins — the caller orders them as it wants matched.
 */

export interface ProgrammeCandidate {
  id: number;
  name: string;
  targetYear: number | null;
}

export interface ProgrammeFinding {
  programme: { id: number; name: string };
  evidence: Evidence[];
}

interface NameShape {
  before: string[];
  main: string;
  after: string[];
  year: number | null;
  /** The year written in the name ("… 2035", "(2023)"), if any. */
  nameYear: number | null;
}

const YEAR = /^(?:19|20)\d{2}$/u;

function shapeOf(p: ProgrammeCandidate): NameShape {
  const words = tokenize(p.name).map((t) => t.text);
  const yearWord = words.find((w) => YEAR.test(w));
  const nonYear = words.filter((w) => !YEAR.test(w));
  let mainIndex = nonYear.findIndex((w) => fold(w).includes('program'));
  if (mainIndex < 0)
    mainIndex = nonYear.reduce((best, w, i) => (w.length > (nonYear[best]?.length ?? 0) ? i : best), 0);
  return {
    before: nonYear.slice(0, mainIndex),
    main: nonYear[mainIndex] ?? p.name,
    after: nonYear.slice(mainIndex + 1),
    year: p.targetYear ?? (yearWord ? Number(yearWord) : null),
    nameYear: yearWord ? Number(yearWord) : null,
  };
}

interface Mention {
  index: number;
  at: number;
  end: number;
  year: number | null;
  parenWords: string[];
  following: string[];
  replaced: boolean;
}

const REPLACED_BEFORE = /(?:ers[aäi]tt\p{L}*|tidigare|f[oö6é]reg[aå]ende|gamla)(?:\s+\p{L}+){0,3}\s*[”"«]?\s*$/iu;
const CITED_AFTER =
  /^\s*(?:[”"»]\s*)?(?:från\s+(?:19|20)\d{2}|fran\s+(?:19|20)\d{2}|som\s+godk[aäi]nde?s|som\s+antogs|som\s+fastst[aä]lldes)/iu;

function mentionsOf(text: string, tokens: readonly Token[], main: string): Mention[] {
  const out: Mention[] = [];
  tokens.forEach((t, i) => {
    if (!startsWithWord(t.text, main)) return;
    let end = t.at + t.text.length;
    let year: number | null = null;
    const next = tokens[i + 1];
    if (next && YEAR.test(next.text)) {
      const between = text.slice(end, next.at);
      const afterYear = text.slice(next.at + next.text.length, next.at + next.text.length + 2);
      // "… 2035" or "… (2035)", a line break allowed; not a date's year ("2013-04-29").
      if (/^[ \t]*\n?[ \t]*\(?$/u.test(between) && !/^[-–/.]\d/u.test(afterYear)) {
        year = Number(next.text);
        end = next.at + next.text.length + (afterYear.startsWith(')') ? 1 : 0);
      }
    }
    const rest = text.slice(end, end + 40);
    const paren = /^\s*\(([^)]{1,30})\)/u.exec(rest);
    const parenWords = paren
      ? tokenize(paren[1]!)
          .map((w) => w.text)
          .filter((w) => !YEAR.test(w))
      : [];
    if (paren && parenWords.length) end += paren[0].length;
    const following = tokens.slice(i + 1, i + 5).map((w) => w.text);
    const before = text.slice(Math.max(0, t.at - 80), t.at);
    const replaced =
      REPLACED_BEFORE.test(before.slice(before.lastIndexOf('.') + 1)) || CITED_AFTER.test(text.slice(end, end + 40));
    out.push({ index: i, at: t.at, end, year, parenWords, following, replaced });
  });
  return out;
}

function scoreMention(m: Mention, tokens: readonly Token[], shape: NameShape): { score: number; named: boolean } {
  let score = 1;
  let named = false;
  let start = m.index;
  let fullBefore = shape.before.length > 0;
  for (let k = shape.before.length - 1, j = m.index - 1; k >= 0; k--, j--) {
    const word = tokens[j];
    if (word && sameWord(word.text, shape.before[k]!)) start = j;
    else fullBefore = false;
  }
  if (start < m.index) {
    score += 2;
    named = true;
  }
  if (m.year !== null) {
    if (shape.year !== m.year && shape.nameYear !== m.year) return { score: 0, named: false };
    // The year as the name writes it beats a target year only held as data.
    score += shape.nameYear === m.year ? 5 : 4;
    named = true;
  } else if (
    shape.year === null &&
    (fullBefore || shape.before.length === 0) &&
    fold(tokens[m.index]!.text) === fold(shape.main)
  ) {
    score += 1;
  }
  for (const word of shape.after) {
    const present = [...m.following, ...m.parenWords].some((w) => fold(w).slice(0, 6) === fold(word).slice(0, 6));
    score += present ? 2 : -1;
    if (present) named = true;
  }
  for (const word of m.parenWords) {
    if (!shape.after.some((a) => fold(a).slice(0, 6) === fold(word).slice(0, 6))) score -= 3;
  }
  return { score: Math.max(0, score), named };
}

export function matchProgramme(
  text: string,
  programmes: readonly ProgrammeCandidate[],
  /** Ranges (heading, proposal/decision section) where a mention weighs three times as much. */
  keyRanges: readonly { start: number; end: number }[],
): ProgrammeFinding | null {
  if (!programmes.length) return null;
  const tokens = tokenize(text);
  let best: { index: number; total: number; evidence: Evidence[] } | null = null;
  const mentionCache = new Map<string, Mention[]>();
  programmes.forEach((p, index) => {
    const shape = shapeOf(p);
    const key = fold(shape.main);
    const mentions = mentionCache.get(key) ?? mentionsOf(text, tokens, shape.main);
    mentionCache.set(key, mentions);
    let total = 0;
    let named = false;
    const namings: { score: number; evidence: Evidence }[] = [];
    for (const m of mentions) {
      if (m.replaced) continue;
      const s = scoreMention(m, tokens, shape);
      if (s.score <= 0) continue;
      const weight = keyRanges.some((r) => m.at >= r.start && m.at < r.end) ? 3 : 1;
      total += s.score * weight;
      if (s.named) {
        named = true;
        // Evidence from the first word of the name written (e.g. "Södertörns") to the year/qualifier.
        let startToken = m.index;
        for (let k = shape.before.length - 1, j = m.index - 1; k >= 0 && j >= 0; k--, j--) {
          if (sameWord(tokens[j]!.text, shape.before[k]!)) startToken = j;
          else break;
        }
        const at = tokens[startToken]!.at;
        namings.push({ score: s.score, evidence: { at, length: m.end - at, text: text.slice(at, m.end) } });
      }
    }
    // Evidence: the mentions that match it best ("Södertörns utvecklingsprogram 2035", not a bare
    // "Södertörns utvecklingsprogram" that any of the related programmes would match as well).
    const top = Math.max(0, ...namings.map((n) => n.score));
    const evidence = namings.filter((n) => n.score === top).map((n) => n.evidence);
    if (named && total > 0 && (!best || total > best.total)) best = { index, total, evidence };
  });
  if (!best) return null;
  const { index, evidence } = best;
  const programme = programmes[index]!;
  return { programme: { id: programme.id, name: programme.name }, evidence };
}
