import type { IsoDate } from '../dates.js';
import { BODY_ABBREVIATIONS, findBodies, type FoundBody } from './bodies.js';
import {
  earlierDecisionOf,
  findDecisionReferences,
  findParagraphHeadings,
  type DecisionReference,
  type ParagraphHeading,
} from './decision-reference.js';
import { findOutcome, findSections, type Section } from './decision-outcome.js';
import { findDiarienummer } from './diarienummer.js';
import type {
  DecisionFields,
  DocumentKind,
  Evidence,
  ExtractedDecision,
  ExtractionContext,
  FieldName,
} from './document-reading.js';
import { judgeKind } from './document-kind.js';
import { findMember } from './members.js';
import { matchProgramme } from './programme-match.js';
import { findSignatories } from './signatories.js';
import { dateRightAfter, findDates, type FoundDate } from './swedish-dates.js';
import { allMatches, fold, headingEnd, linesOf, ocrTolerant, wordRegex } from './swedish-words.js';

/**
 * A board decision's fields read from a document's text (the repaired text is the main input; the
 * scanner's usual damage to å/ä/ö is tolerated where it is cheap). Pure: no I/O.
 *
 * Memo or minutes matters for what the fields mean: only minutes record a decision, so for a memo the
 * outcome is the proposed one, the body is the one proposed to decide, and a date with a paragraph is
 * always an earlier decision it cites (a memo has no paragraph of its own); its meeting date is read
 * only from an explicit label ("Sammanträdesdatum"), never from the memo's own date.
 */
export function extractDecision(text: string, context: ExtractionContext): ExtractedDecision {
  const evidence: Partial<Record<FieldName, Evidence[]>> = {};
  const judged = judgeKind(text);
  const kind = judged.kind;
  const memo = kind === 'memo';

  const sections = findSections(text);
  const dates = findDates(text);
  const refs = findDecisionReferences(text, dates);

  const earlier = earlierDecisionOf(refs, memo);
  if (earlier) evidence.earlierDecision = earlier.evidence;
  const earlierRefs = refs.filter((r) => r.earlier || (memo && r.paragraph));
  const currentRefs = memo ? [] : refs.filter((r) => !r.earlier && r.paragraph);

  const keyRanges = [{ start: 0, end: headingEnd(text, 4) }, ...sections.map((s) => ({ start: s.start, end: s.end }))];
  const programme = matchProgramme(text, context.programmes, keyRanges);
  if (programme) evidence.programme = programme.evidence;

  // Minutes with several paragraphs: the one that concerns the programme (the last paragraph heading
  // before the programme's first mention after the first heading); its outcome is read first.
  const headings = memo
    ? []
    : findParagraphHeadings(text).filter((h) => !earlierRefs.some((r) => overlaps(h.evidence, r)));
  const focusAt = programme?.evidence.find((e) => headings.length > 1 && e.at > headings[0]!.evidence.at)?.at;
  const focusIndex = focusAt === undefined ? 0 : headings.findLastIndex((h) => h.evidence.at < focusAt);
  const focusHeading = headings[Math.max(0, focusIndex)];
  const focus = focusHeading
    ? { start: focusHeading.evidence.at, end: headings[Math.max(0, focusIndex) + 1]?.evidence.at ?? text.length }
    : null;

  const outcome = findOutcome(text, kind, sections, headings.length > 1 ? focus : null);
  if (outcome) evidence.outcome = [outcome.evidence];

  const paragraph = memo ? null : meetingParagraph(text, currentRefs, focusHeading ?? null);
  if (paragraph) evidence.paragraph = [paragraph.evidence];

  const date = meetingDate(text, dates, currentRefs, earlierRefs, kind);
  if (date) evidence.date = [date.evidence];

  const body = decidingBody(text, kind, sections, currentRefs);
  if (body) evidence.body = [body.evidence];

  const member = findMember(text, context.members);
  if (member) evidence.member = member.evidence;

  const diarienummer = findDiarienummer(text);
  if (diarienummer) evidence.diarienummer = [diarienummer.evidence];

  const signatories = findSignatories(text);
  if (signatories.names.length) evidence.signatories = signatories.evidence;

  const fields: DecisionFields = {
    body: body?.name ?? null,
    member: member?.member ?? null,
    date: date?.iso ?? null,
    paragraph: paragraph?.paragraph ?? null,
    diarienummer: diarienummer?.value ?? null,
    outcome: outcome?.outcome ?? null,
    programme: programme?.programme ?? null,
    earlierDecision: earlier?.decision ?? null,
    signatories: signatories.names,
  };
  return { kind, kindReason: judged.reason, fields, evidence };
}

const overlaps = (e: Evidence, r: DecisionReference): boolean =>
  e.at < r.evidence.at + r.evidence.length && r.start < e.at + e.length;

/**
 * The paragraph of the meeting's decision: a date with a paragraph not cited as earlier
 * ("Kommunstyrelsen 2019-10-14 § 142") written before the paragraph heading (or naming the same
 * paragraph), else the paragraph heading ("§ 142" at a line's start, not part of an earlier
 * decision's reference; with several, the one concerning the programme).
 */
function meetingParagraph(
  text: string,
  currentRefs: readonly DecisionReference[],
  heading: ParagraphHeading | null,
): { paragraph: string; evidence: Evidence } | null {
  const ref = currentRefs[0];
  if (ref?.paragraph && (!heading || ref.evidence.at <= heading.evidence.at || ref.paragraph === heading.paragraph)) {
    const signAt = ref.evidence.at + ref.date.length;
    const rest = text.slice(signAt, ref.evidence.at + ref.evidence.length);
    const lead = rest.length - rest.trimStart().replace(/^,\s*/u, '').length;
    const at = signAt + lead;
    const end = ref.evidence.at + ref.evidence.length;
    return { paragraph: ref.paragraph, evidence: { at, length: end - at, text: text.slice(at, end) } };
  }
  return heading ?? null;
}

const MEETING_LABEL = wordRegex(
  [
    ocrTolerant('sammanträdesdatum'),
    ocrTolerant('sammanträdets datum'),
    `${ocrTolerant('datum för sammanträde')}t?`,
    ocrTolerant('mötesdatum'),
    `${ocrTolerant('sammanträde')}t?(?:\\s+den)?`,
    `${ocrTolerant('sammanträdde')}(?:\\s+den)?`,
    `${ocrTolerant('inför sammanträdet')}(?:\\s+den)?`,
  ].join('|'),
);

const JUSTERING_LABEL = wordRegex(
  ['justeringsdatum', 'justerat', 'datum\\s+för\\s+justering', 'justeras(?:\\s+den)?'].join('|'),
);

/** A date line that is about justering, posting or filing the minutes, not the meeting. */
const NOT_MEETING_LINE = /justera|justering|anslag|nedtag|f[oö]rvaring|utdragsbestyrk|expedier|skickat|underskrift/iu;

function dateAfterLabel(text: string, label: RegExp, dates: readonly FoundDate[]): FoundDate | null {
  for (const m of allMatches(label, text)) {
    const end = m.index + m[0].length;
    const direct = dateRightAfter(text, end, dates, 60);
    if (direct) return direct;
    // A table: the label on one line and the date first on the next.
    const lineEnd = text.indexOf('\n', end);
    if (lineEnd >= 0) {
      const next = dates.find((d) => d.at > lineEnd);
      if (next && /^\s*$/u.test(text.slice(lineEnd, next.at)) && !text.slice(lineEnd + 1, next.at).includes('\n\n'))
        return next;
      const nextLineEnd = text.indexOf('\n', lineEnd + 1);
      if (next && next.at < (nextLineEnd < 0 ? text.length : nextLineEnd)) {
        // The date on the next line but not first: accept when the label line holds only labels.
        const labelLine = text.slice(text.lastIndexOf('\n', m.index) + 1, lineEnd);
        const nextLine = text.slice(lineEnd + 1, next.at);
        if (!/\d/u.test(nextLine) && /\s{2,}|\t/u.test(labelLine)) return next;
      }
    }
  }
  return null;
}

/**
 * The meeting's date: a labelled meeting date ("Sammanträdesdatum 2019-10-14"); for minutes then the
 * date of the meeting's own reference ("Kommunstyrelsen 2019-10-14 § 142"), then the first date in the
 * heading that is not about justering or posting and not an earlier decision's, and only then the
 * justering date. Never an earlier decision's date.
 */
function meetingDate(
  text: string,
  dates: readonly FoundDate[],
  currentRefs: readonly DecisionReference[],
  earlierRefs: readonly DecisionReference[],
  kind: DocumentKind,
): { iso: IsoDate; evidence: Evidence } | null {
  const asResult = (d: FoundDate) => ({ iso: d.iso, evidence: { at: d.at, length: d.length, text: d.text } });
  const earlierDates = new Set(earlierRefs.map((r) => r.date.at));
  const labelled = dateAfterLabel(text, MEETING_LABEL, dates);
  if (labelled && !earlierDates.has(labelled.at)) return asResult(labelled);
  if (kind === 'memo') return null;
  const ref = currentRefs[0];
  if (ref) return asResult(ref.date);
  const firstParagraph = findParagraphHeadings(text)[0]?.evidence.at ?? Number.POSITIVE_INFINITY;
  const headEnd = Math.min(headingEnd(text, 10), firstParagraph);
  const lines = linesOf(text);
  const lineOf = (at: number) => lines.findLast((l) => l.at <= at)?.text ?? '';
  const heading = dates.find((d) => d.at < headEnd && !earlierDates.has(d.at) && !NOT_MEETING_LINE.test(lineOf(d.at)));
  if (heading) return asResult(heading);
  const justering = dateAfterLabel(text, JUSTERING_LABEL, dates);
  return justering && !earlierDates.has(justering.at) ? asResult(justering) : null;
}

/** The body's name from a body found; a body named with its municipality keeps only the body. */
const bodyResult = (b: FoundBody) => ({ name: b.name, evidence: { at: b.at, length: b.length, text: b.text } });

const FOR_DECISION_IN = new RegExp(`${ocrTolerant('för beslut i')}\\s+$`, 'iu');
const PROPOSED_TO_DECIDE = new RegExp(`^\\s+${ocrTolerant('föreslås')}\\s+besluta`, 'iu');
const PROPOSES_BODY = new RegExp(`${ocrTolerant('föreslår')}\\s+$`, 'iu');
const DECIDES = new RegExp(`^\\s+(?:beslutar|beslöt|${ocrTolerant('fattade')}\\s+beslut)`, 'iu');

/**
 * The deciding body.
 *
 * For a memo it is the body the memo asks to decide, not the one it is addressed to: the demo's memo
 * is "Kommunstyrelseförvaltningens förslag till kommunledningsutskottet för beslut i
 * kommunstyrelsen" — the committee prepares, the board (kommunstyrelsen) decides, and the adoption
 * this document supports is the board's. So: "för beslut i X" → X; else "X föreslås besluta" /
 * "föreslår X att besluta" → X; else "X beslutar" in the proposal; else (last resort) the first body
 * in the heading, which for a memo is its addressee.
 *
 * For minutes it is the body whose minutes they are: the genitive of a decision heading
 * ("Kommunstyrelsens beslut" → Kommunstyrelsen); else the first body in the heading (not part of a
 * genitive name); else "X beslutar"; else the body written with the meeting's reference; else the
 * abbreviation before the paragraph heading ("KS § 201" → Kommunstyrelsen).
 */
function decidingBody(
  text: string,
  kind: DocumentKind,
  sections: readonly Section[],
  currentRefs: readonly DecisionReference[],
): { name: string; evidence: Evidence } | null {
  const bodies = findBodies(text);
  const before = (b: FoundBody, n = 40) => text.slice(Math.max(0, b.at - n), b.at);
  const after = (b: FoundBody, n = 40) => text.slice(b.at + b.length, b.at + b.length + n);
  const headEnd = headingEnd(text, 6);
  const inHeading = bodies.find((b) => b.at < headEnd && !b.genitive);
  const decides = bodies.find((b) => !b.genitive && DECIDES.test(after(b)));

  if (kind === 'memo') {
    const asked =
      bodies.find((b) => FOR_DECISION_IN.test(before(b))) ??
      bodies.find((b) => !b.genitive && PROPOSED_TO_DECIDE.test(after(b))) ??
      bodies.find((b) => PROPOSES_BODY.test(before(b))) ??
      decides ??
      inHeading;
    return asked ? bodyResult(asked) : null;
  }
  const decisionHeading = sections
    .filter((s) => s.kind === 'decision')
    .map((s) => bodies.find((b) => b.at >= s.start && b.at < s.start + 60 && b.genitive))
    .find((b) => b !== undefined);
  const withRef = currentRefs
    .map((r) => bodies.filter((b) => !b.genitive && b.at < r.date.at && r.date.at - (b.at + b.length) < 20).pop())
    .find((b) => b !== undefined);
  // "Arbetsutskottets beslut" under the heading "Kommunstyrelsens arbetsutskott": the heading's fuller name.
  const fuller =
    decisionHeading && inHeading && fold(inHeading.name).includes(fold(decisionHeading.name).slice(0, 10))
      ? inHeading
      : decisionHeading;
  const chosen = fuller ?? inHeading ?? decides ?? withRef;
  if (chosen) return bodyResult(chosen);
  // Last: the abbreviation before a paragraph heading ("KS § 201").
  const abbreviated = /^[ \t]*(KS|KF|KSAU|KSAu|KLU)[ \t]+§/mu.exec(text);
  if (!abbreviated) return null;
  const at = abbreviated.index + abbreviated[0].indexOf(abbreviated[1]!);
  return {
    name: BODY_ABBREVIATIONS[abbreviated[1]!]!,
    evidence: { at, length: abbreviated[1]!.length, text: abbreviated[1]! },
  };
}
