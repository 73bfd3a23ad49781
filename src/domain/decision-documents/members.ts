import type { Evidence } from './document-reading.js';
import { headingEnd, ocrTolerant, wordRegex, allMatches } from './swedish-words.js';

/**
 * Which member's document this is: one of the cooperation's members named in the text.
 *
 * A name counts as written ("Huddinge"), in the genitive ("Botkyrka kommuns", "Huddinges"), in upper
 * case ("HANINGE KOMMUN") and with the scanner's usual damage to å/ä/ö. The name must be the whole
 * word: "Södertörn"/"Södertörns" (the region) and "Södertörnskommunerna" are not "Södertälje".
 *
 * When several members are named (a list of all eight, a decision sent to others), the choice is:
 * a member named in the letterhead/heading; else the one named with "kommun"/"stad" beside it or as
 * "Kommunstyrelsen i X"; else, when only one member is named at all, that one; else none (null) —
 * the caller asks a person rather than guess. A line or sentence naming three or more members is a
 * list and counts for none of them.
 */

export interface MemberFinding {
  member: { code: string; name: string };
  evidence: Evidence[];
}

interface Occurrence {
  index: number;
  at: number;
  length: number;
  text: string;
  strong: boolean;
  inHeading: boolean;
}

/** The member's own name without "kommun"/"stad" ("Botkyrka kommun" → "Botkyrka"). */
const coreName = (name: string): string => name.replace(/\s+(?:kommun|stad)$/iu, '').trim();

function sentenceAround(text: string, at: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && !/[\n.;]/u.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !/[\n.;]/u.test(text[end]!)) end++;
  return { start, end };
}

export function findMember(text: string, members: readonly { code: string; name: string }[]): MemberFinding | null {
  const headEnd = headingEnd(text, 5);
  const occurrences: Occurrence[] = [];
  members.forEach((member, index) => {
    const core = ocrTolerant(coreName(member.name));
    const re = wordRegex(
      `(?:kommunstyrelsen\\s+i\\s+)?${core}s?(?:\\s+(?:kommuns?|stads?)(?![\\p{L}]))?|${core}s?\\s+kommunstyrelse(?:n|ns)?`,
    );
    for (const m of allMatches(re, text)) {
      const strong = /\s(?:kommuns?|stads?)$|^kommunstyrelsen\s|kommunstyrelse\p{L}*$/iu.test(m[0]);
      occurrences.push({
        index,
        at: m.index,
        length: m[0].length,
        text: m[0],
        strong,
        inHeading: m.index < headEnd,
      });
    }
  });

  // Lists: a sentence or line naming three or more different members counts for none of them.
  const listed = new Set<Occurrence>();
  for (const o of occurrences) {
    const { start, end } = sentenceAround(text, o.at);
    const inSentence = occurrences.filter((p) => p.at >= start && p.at < end);
    if (new Set(inSentence.map((p) => p.index)).size >= 3) inSentence.forEach((p) => listed.add(p));
  }
  const counted = occurrences.filter((o) => !listed.has(o));

  const only = (pick: (o: Occurrence) => boolean): number | null => {
    const indices = new Set(counted.filter(pick).map((o) => o.index));
    return indices.size === 1 ? [...indices][0]! : null;
  };
  const chosen = only((o) => o.inHeading) ?? only((o) => o.strong) ?? (only(() => true) as number | null);
  if (chosen === null) return null;
  const member = members[chosen]!;
  return {
    member: { code: member.code, name: member.name },
    evidence: counted.filter((o) => o.index === chosen).map((o) => ({ at: o.at, length: o.length, text: o.text })),
  };
}
