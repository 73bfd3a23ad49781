import type { Evidence, EarlierDecision } from './document-reading.js';
import { BODY_ABBREVIATIONS, findBodies } from './bodies.js';
import { findDates, type FoundDate } from './swedish-dates.js';
import { ocrTolerant } from './swedish-words.js';

/**
 * References to decisions: a date with a paragraph ("2013-04-29 § 78", "(KS 2013-04-29, § 78)",
 * "den 29 april 2013, § 78") and paragraph headings in minutes ("§ 142", "KS § 142").
 *
 * The paragraph sign is often damaged by scanning ("$& 78", "8 78", "S 78"). Those readings are
 * accepted only right after a date (where a paragraph is expected); elsewhere only "§" counts, so a
 * sentence's "8 78" or "S 78" is never taken for a paragraph.
 */

export interface DecisionReference {
  date: FoundDate;
  /** "§ 78", or null when the date has no paragraph after it. */
  paragraph: string | null;
  /** The reference from the date to the paragraph's number. */
  evidence: Evidence;
  /** Whether the text cites it as an earlier decision (a past-tense verb or a parenthesis before it). */
  earlier: boolean;
  /** The body named with it ("av kommunstyrelsen", "(KS …"), as written; abbreviations expanded. */
  body: string | null;
  bodyEvidence: Evidence | null;
  /** Where the citing words begin (the verb or the parenthesis), for evidence. */
  start: number;
}

/** After a date: optional comma, then the paragraph sign (or a scanner's reading of it) and a number. */
const PARAGRAPH_AFTER_DATE =
  /^[ \t]*,?\s*(?:paragraf\s+(\d{1,4})|(?:§§?|\$&?|&|S)\s*(\d{1,4})|8\s+(\d{1,3}))(?![\p{N}\p{L}])(?!\s*[-–]\s*\d)/u;

/** The verbs and phrases that cite an earlier decision, just before its date. */
const PAST_DECISION = new RegExp(
  `(?:${[
    'godkändes',
    'godkände',
    'antogs',
    'antog',
    'fastställdes',
    'fastställde',
    'beslutades',
    'beslutade',
    'beslöt',
    'behandlade',
    'behandlades',
    'tidigare\\s+beslut',
    'beslut(?:et)?\\s+från',
  ]
    .map((w) => (w.includes('\\') ? w : ocrTolerant(w)))
    .join('|')})`,
  'giu',
);

function normaliseParagraph(number: string): string {
  return `§ ${number}`;
}

/** Every date followed by a paragraph, or cited with a past-tense decision verb, in order. */
export function findDecisionReferences(
  text: string,
  dates: readonly FoundDate[] = findDates(text),
): DecisionReference[] {
  const refs: DecisionReference[] = [];
  for (const date of dates) {
    const after = text.slice(date.at + date.length, date.at + date.length + 40);
    // A scanner's "8 78" only with a space between: "2019-10-14 878" is not read as a paragraph.
    const p = PARAGRAPH_AFTER_DATE.exec(after);
    const number = p ? (p[1] ?? p[2] ?? p[3] ?? null) : null;
    const paragraph = number ? normaliseParagraph(number) : null;
    const end = date.at + date.length + (p ? p.index + p[0].length : 0);

    // The words before the date in the same sentence (up to 90 characters back).
    const windowStart = Math.max(0, date.at - 90);
    const before = text.slice(windowStart, date.at);
    const sentenceCut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n\n'));
    const sentence = before.slice(sentenceCut + 1);
    const sentenceAt = windowStart + sentenceCut + 1;

    const verbs = [...sentence.matchAll(PAST_DECISION)];
    const verb = verbs[verbs.length - 1];
    const paren = /\(\s*(?:([A-ZÅÄÖ]{2,4}[a-zåäö]?)\s*,?\s*)?(?:den\s+)?$/u.exec(sentence);
    const earlier = Boolean(verb) || Boolean(paren);
    if (!paragraph && !earlier) continue;

    let body: string | null = null;
    let bodyEvidence: Evidence | null = null;
    let start = date.at;
    if (paren) {
      start = sentenceAt + paren.index;
      const abbreviation = paren[1];
      if (abbreviation && BODY_ABBREVIATIONS[abbreviation]) {
        body = BODY_ABBREVIATIONS[abbreviation];
        const at = sentenceAt + paren.index + paren[0].indexOf(abbreviation);
        bodyEvidence = { at, length: abbreviation.length, text: abbreviation };
      }
    }
    if (verb) start = Math.min(start, sentenceAt + verb.index);
    if (!body) {
      // The body nearest before the date within the sentence: "som godkändes av kommunstyrelsen …",
      // "Kommunstyrelsen beslutade den …" (a body in the genitive is part of another name, skipped).
      const bodies = findBodies(sentence).filter((b) => !b.genitive);
      const nearest = bodies[bodies.length - 1];
      if (nearest) {
        body = nearest.text.replace(/\s+/gu, ' ');
        bodyEvidence = { at: sentenceAt + nearest.at, length: nearest.length, text: nearest.text };
        start = Math.min(start, sentenceAt + nearest.at);
      }
    }
    refs.push({
      date,
      paragraph,
      evidence: { at: date.at, length: end - date.at, text: text.slice(date.at, end) },
      earlier,
      body,
      bodyEvidence,
      start,
    });
  }
  return refs;
}

/** The first reference the text cites as an earlier decision (for a memo, any reference: it records none). */
export function earlierDecisionOf(
  refs: readonly DecisionReference[],
  memo: boolean,
): { decision: EarlierDecision; evidence: Evidence[] } | null {
  const ref = refs.find((r) => r.earlier || (memo && r.paragraph));
  if (!ref) return null;
  const evidence: Evidence[] = [];
  if (ref.bodyEvidence) evidence.push(ref.bodyEvidence);
  evidence.push(ref.evidence);
  return { decision: { body: ref.body, date: ref.date.iso, paragraph: ref.paragraph }, evidence };
}

export interface ParagraphHeading {
  paragraph: string;
  evidence: Evidence;
}

/**
 * Paragraph headings at the start of a line: "§ 142", "KS § 142", "§142 Dnr …". Only the real sign
 * (a heading line is no place to guess a scanner's "8" or "S"), except after the label "Paragraf" of an
 * extract's header: there the number is the paragraph whatever the scanner made of the sign ("Paragraf
 * . & 142", "Paragraf 8 142").
 */
export function findParagraphHeadings(text: string): ParagraphHeading[] {
  const out: ParagraphHeading[] = [];
  for (const m of text.matchAll(
    /^[ \t]*(?:(?:[A-ZÅÄÖ][\p{L}]{0,5}|Paragraf)[ \t]*:?[ \t]+)?(§§?)[ \t]*(\d{1,4})(?![\p{N}])/gmu,
  )) {
    const signAt = m.index + m[0].indexOf(m[1]!);
    out.push({
      paragraph: normaliseParagraph(m[2]!),
      evidence: { at: signAt, length: m.index + m[0].length - signAt, text: text.slice(signAt, m.index + m[0].length) },
    });
  }
  for (const m of text.matchAll(
    /(?<![\p{L}\p{N}])Paragraf(?![\p{L}\p{N}])[^\p{L}\p{N}\n§$&]{0,4}((?:§§?|[$&]{1,2}|[8S](?=[ \t]+\d))?[ \t]*(\d{1,4}))(?![\p{N}])/gu,
  )) {
    const at = m.index + m[0].length - m[1]!.length;
    const end = at + m[1]!.length;
    if (out.some((h) => h.evidence.at < end && at < h.evidence.at + h.evidence.length)) continue;
    out.push({ paragraph: normaliseParagraph(m[2]!), evidence: { at, length: m[1]!.length, text: m[1]! } });
  }
  return out.sort((a, b) => a.evidence.at - b.evidence.at);
}
