import type { DecisionOutcome } from '../adoption/decision.js';
import type { Evidence } from './document-reading.js';
import { linesOf, ocrTolerant } from './swedish-words.js';

/**
 * The decision section of a document and the outcome it states.
 *
 * Sections: a decision heading ("Kommunstyrelsens beslut", "Beslut", "Kommunstyrelsen beslutar …")
 * or a proposal heading ("Förslag till beslut", "Beslutsförslag", "…förvaltningens förslag …",
 * "… föreslås besluta"), up to the next known heading ("Sammanfattning", "Ärendet", "Yrkanden",
 * "Beslutsunderlag", a "§ N" …) or 800 characters. For minutes the decision section is read first
 * (its proposal section states what was proposed, not what was decided); for a memo the proposal.
 *
 * Outcome words: godkänns/godkänner/godkänna, antas/antar/anta, fastställs/fastställer/fastställa →
 * adopted; avslås/avslår/avslå → rejected; återremitteras/återremitterar/återremittera →
 * referred back. A negation next to an adoption word ("godkänns inte", "att inte anta") → rejected.
 * A sentence about a motion to the meeting ("Yrkandet om återremiss avslås", "… yrkar …") is skipped:
 * it decides the motion, not the matter. "Återremitteras" anywhere in the section wins (the matter
 * goes back whatever else the section says); otherwise the first outcome word counts.
 */

export interface Section {
  kind: 'decision' | 'proposal';
  start: number;
  end: number;
}

const DECISION_HEADING = new RegExp(
  `^[ \\t]*(?:(?:\\p{L}+s[ \\t]+)?beslut[ \\t]*:?[ \\t]*$|\\p{L}+[ \\t]+beslutar(?:[ \\t]+att)?[ \\t]*:?)`,
  'iu',
);
const PROPOSAL_HEADING = new RegExp(
  `^[ \\t]*(?:${[
    ocrTolerant('förslag till beslut'),
    ocrTolerant('beslutsförslag'),
    `\\p{L}*${ocrTolerant('förvaltningens förslag')}`,
    `\\p{L}*${ocrTolerant('förslag till')}\\s+\\p{L}*(?:utskott|styrelse|nämnd|fullmäktige)`,
  ].join('|')})|${ocrTolerant('föreslås besluta')}|${ocrTolerant('föreslår')}\\s+\\p{L}+\\s+(?:att\\s+)?besluta`,
  'iu',
);
const END_HEADING = new RegExp(
  `^[ \\t]*(?:${[
    'sammanfattning',
    'ärendet',
    'beskrivning av ärendet',
    'ärendebeskrivning',
    'bakgrund',
    'beslutsunderlag',
    'yrkanden?',
    'propositionsordning',
    'reservationer?',
    'protokollsanteckningar?',
    'expedieras',
    'skickas till',
    'beslutet skickas till',
    'justerandes signatur',
    'utdragsbestyrkande',
    'föredragning',
    'handläggning',
    'överläggning',
    'jäv',
    'beredning',
    'ekonomiska konsekvenser',
    'bilagor',
    'underlag',
    'motivering',
    'förvaltningens synpunkter',
    'barnkonsekvensanalys',
  ]
    .map((w) => (w.includes('?') ? w : ocrTolerant(w)))
    .join('|')}|drendet|beskrivning av drendet)[ \\t]*:?[ \\t]*$|^[ \\t]*(?:[A-ZÅÄÖ]{1,5}[ \\t]+)?§[ \\t]*\\d`,
  'iu',
);

const MAX_SECTION = 800;

export function findSections(text: string): Section[] {
  const sections: Section[] = [];
  const lines = linesOf(text);
  let open: Section | null = null;
  const close = (at: number) => {
    if (open) {
      open.end = Math.min(at, open.start + MAX_SECTION);
      sections.push(open);
      open = null;
    }
  };
  for (const line of lines) {
    if (END_HEADING.test(line.text)) {
      close(line.at);
      continue;
    }
    const decision = DECISION_HEADING.test(line.text);
    const proposalMatch = PROPOSAL_HEADING.exec(line.text);
    if (decision || proposalMatch) {
      close(line.at);
      const start = proposalMatch && !decision ? line.at + proposalMatch.index : line.at;
      open = { kind: decision ? 'decision' : 'proposal', start, end: text.length };
    }
  }
  close(text.length);
  return sections;
}

export interface OutcomeFinding {
  outcome: DecisionOutcome;
  evidence: Evidence;
  section: Section;
}

const ADOPTED = [
  'godkänns',
  'godkänner',
  'godkänna',
  'antas',
  'antar',
  'anta',
  'fastställs',
  'fastställer',
  'fastställa',
].map(ocrTolerant);
const REJECTED = ['avslås', 'avslår', 'avslå'].map(ocrTolerant);
const REFERRED = ['återremitteras', 'återremitterar', 'återremittera'].map(ocrTolerant);

const VERB = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?<neg1>inte|ej)\\s+)?(?:(?<adopted>${ADOPTED.join('|')}|godkinns|godkanns)|(?<rejected>${REJECTED.join('|')})|(?<referred>${REFERRED.join('|')}))(?![\\p{L}\\p{N}])(?:\\s+(?<neg2>inte|ej)(?![\\p{L}]))?`,
  'giu',
);

/** Sentences (and list items) of a section, with their offsets. */
function sentencesOf(text: string, section: Section): { text: string; at: number }[] {
  const body = text.slice(section.start, section.end);
  const out: { text: string; at: number }[] = [];
  const cut = /[.;!?](?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-–—•~]|\d+[.)])\s)/gu;
  let last = 0;
  for (const m of body.matchAll(cut)) {
    out.push({ text: body.slice(last, m.index + m[0].length), at: section.start + last });
    last = m.index + m[0].length;
  }
  out.push({ text: body.slice(last), at: section.start + last });
  return out;
}

function outcomeIn(text: string, section: Section): OutcomeFinding | null {
  let first: OutcomeFinding | null = null;
  for (const sentence of sentencesOf(text, section)) {
    if (/yrkande|yrkar/iu.test(sentence.text)) continue;
    for (const m of sentence.text.matchAll(VERB)) {
      const g = m.groups ?? {};
      const evidence = { at: sentence.at + m.index, length: m[0].length, text: m[0] };
      if (g.referred) return { outcome: 'referred_back', evidence, section };
      if (first) continue;
      const negated = Boolean(g.neg1 ?? g.neg2);
      const outcome: DecisionOutcome = g.adopted ? (negated ? 'rejected' : 'adopted') : 'rejected';
      first = { outcome, evidence, section };
    }
  }
  return first;
}

/** The outcome stated in the document's decision (minutes) or proposal (memo) section, or null. */
export function findOutcome(
  text: string,
  kind: 'minutes' | 'memo' | 'unknown',
  sections = findSections(text),
  /** A part of the text to read first (in minutes with several paragraphs: the one concerned). */
  focus: { start: number; end: number } | null = null,
): OutcomeFinding | null {
  const order: Section['kind'][] = kind === 'memo' ? ['proposal', 'decision'] : ['decision', 'proposal'];
  const inFocus = focus ? sections.filter((s) => s.start >= focus.start && s.start < focus.end) : [];
  for (const group of [inFocus, sections]) {
    for (const k of order) {
      for (const section of group.filter((s) => s.kind === k)) {
        const found = outcomeIn(text, section);
        if (found) return found;
      }
    }
  }
  return null;
}
