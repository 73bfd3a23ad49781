import type { DocumentKind, Evidence } from './document-reading.js';
import { headingEnd, ocrTolerant, WORD_END, WORD_START } from './swedish-words.js';

/**
 * Whether a document is minutes (a protokoll or protokollsutdrag: it records a decision) or a memo
 * (a tjänsteskrivelse: it proposes one and is kept only as a supporting document).
 *
 * Each mark has a weight; a mark in the heading (the first lines) counts double, a mark on a line
 * that only lists the documents a decision was based on or is sent to ("Beslutsunderlag",
 * "Bilaga", "Expedieras") does not count: a protokoll cites the tjänsteskrivelse there, and a
 * tjänsteskrivelse cites an earlier protokollsutdrag. The kind with the greater sum wins; the
 * record marks of minutes ("Justeras", "Vid protokollet", "Justerandes signatur") weigh more than a
 * memo's proposal headings because minutes routinely repeat the memo's "Förslag till beslut" and
 * "Ärendet" sections. Equal sums (or none) give 'unknown'.
 */

interface Mark {
  kind: 'minutes' | 'memo';
  label: string;
  source: string;
  weight: number;
  /** Case-sensitive (the upper-case heading "PROTOKOLL"). */
  caseSensitive?: boolean;
  /** The pattern may begin inside a compound ("Kommunstyrelseförvaltningens förslag"). */
  inCompound?: boolean;
}

const MARKS: readonly Mark[] = [
  { kind: 'minutes', label: 'Protokollsutdrag', source: ocrTolerant('protokollsutdrag'), weight: 6 },
  { kind: 'minutes', label: 'Utdrag ur protokoll', source: `${ocrTolerant('utdrag ur protokoll')}(?:et)?`, weight: 6 },
  { kind: 'minutes', label: 'Sammanträdesprotokoll', source: ocrTolerant('sammanträdesprotokoll'), weight: 6 },
  {
    kind: 'minutes',
    label: 'PROTOKOLL',
    source: 'PROTOKOLL|(?<=^|\\n)[ \\t]*Protokoll(?=[ \\t]*(?:\\n|$))',
    weight: 4,
    caseSensitive: true,
  },
  { kind: 'minutes', label: 'Justerandes signatur', source: ocrTolerant('justerandes signatur'), weight: 5 },
  { kind: 'minutes', label: 'Vid protokollet', source: ocrTolerant('vid protokollet'), weight: 5 },
  { kind: 'minutes', label: 'Utdragsbestyrkande', source: ocrTolerant('utdragsbestyrkande'), weight: 5 },
  { kind: 'minutes', label: 'Justeras', source: '(?:justeras|justerat)', weight: 4 },
  { kind: 'minutes', label: 'Justerare', source: 'justerare|justerande', weight: 3 },
  {
    kind: 'minutes',
    label: 'beslutsrubrik efter §',
    // A paragraph heading and, within the next lines, a heading "… beslut" (e.g. "Kommunstyrelsens beslut").
    source: `§\\s*\\d{1,4}[^]{0,600}?\\n[ \\t]*(?:\\p{L}+s[ \\t]+)?beslut[ \\t]*:?[ \\t]*(?=\\n)`,
    weight: 4,
  },
  { kind: 'memo', label: 'Tjänsteskrivelse', source: ocrTolerant('tjänsteskrivelse'), weight: 6 },
  { kind: 'memo', label: 'Tjänsteutlåtande', source: ocrTolerant('tjänsteutlåtande'), weight: 6 },
  {
    kind: 'memo',
    label: 'Förvaltningens förslag',
    source: `\\p{L}*${ocrTolerant('förvaltningens förslag')}`,
    weight: 3,
    inCompound: true,
  },
  {
    kind: 'memo',
    label: 'för beslut i …',
    source: `${ocrTolerant('för beslut i')}\\s+\\p{L}+`,
    weight: 4,
  },
  { kind: 'memo', label: 'Förslag till beslut', source: ocrTolerant('förslag till beslut'), weight: 2 },
  { kind: 'memo', label: 'Beslutsförslag', source: ocrTolerant('beslutsförslag'), weight: 2 },
  { kind: 'memo', label: 'Ärendet', source: `(?:${ocrTolerant('ärendet')}|drendet)`, weight: 1 },
];

/** Each mark's pattern, built once: a whole word, or (`inCompound`) one that may begin inside a word. */
const MARK_PATTERNS: readonly { mark: Mark; re: RegExp }[] = MARKS.map((mark) => ({
  mark,
  re: new RegExp(
    `${mark.inCompound ? '(?<![\\p{N}])' : WORD_START}(?:${mark.source})${WORD_END}`,
    mark.caseSensitive ? 'gu' : 'giu',
  ),
}));

/** A line (or a block under a heading) that only cites documents: marks there say nothing of this document's kind. */
const CITING_LINE = new RegExp(
  `^[ \\t\\-–—•]*(?:${['beslutsunderlag', 'bilagor', 'bilaga', 'expedieras', 'skickas till', 'underlag', 'handlingar']
    .map(ocrTolerant)
    .join('|')})`,
  'iu',
);

export interface KindJudgement {
  kind: DocumentKind;
  reason: string;
  evidence: Evidence[];
}

interface FoundMark {
  mark: Mark;
  at: number;
  text: string;
  weight: number;
}

function lineAround(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  return text.slice(start, end < 0 ? text.length : end);
}

/** The first line of the block (lines between blank lines) holding `at`: a heading such as "Beslutsunderlag". */
function blockStart(text: string, at: number): string {
  const blank = text.lastIndexOf('\n\n', at);
  return lineAround(text, blank < 0 ? 0 : blank + 2);
}

export function judgeKind(text: string): KindJudgement {
  const headEnd = headingEnd(text, 6);
  const found: FoundMark[] = [];
  for (const { mark, re } of MARK_PATTERNS) {
    // matchAll works on its own copy of `re`, so the shared pattern's lastIndex is never touched.
    for (const m of text.matchAll(re)) {
      if (CITING_LINE.test(lineAround(text, m.index)) || CITING_LINE.test(blockStart(text, m.index))) continue;
      const weight = m.index < headEnd ? mark.weight * 2 : mark.weight;
      found.push({ mark, at: m.index, text: m[0], weight });
      // One count per mark (a long protokoll repeats "Justeras" on every page).
      break;
    }
  }
  const score = (kind: 'minutes' | 'memo') =>
    found.filter((f) => f.mark.kind === kind).reduce((sum, f) => sum + f.weight, 0);
  const minutes = score('minutes');
  const memo = score('memo');
  const list = (kind: 'minutes' | 'memo') =>
    found
      .filter((f) => f.mark.kind === kind)
      .map((f) => `”${f.mark.label}”${f.at < headEnd ? ' (i rubriken)' : ''}`)
      .join(', ');
  const evidenceOf = (kind: 'minutes' | 'memo') =>
    found
      .filter((f) => f.mark.kind === kind)
      .sort((a, b) => a.at - b.at)
      .map((f) => ({ at: f.at, length: f.text.length, text: f.text }));

  if (minutes === 0 && memo === 0) {
    return {
      kind: 'unknown',
      reason:
        'Varken protokollets kännetecken (t.ex. ”Protokollsutdrag”, ”Justeras”) eller tjänsteskrivelsens ' +
        '(t.ex. ”Tjänsteskrivelse”, ”Förslag till beslut”) hittades.',
      evidence: [],
    };
  }
  if (minutes > memo) {
    const against =
      memo > 0
        ? ` Tjänsteskrivelsens kännetecken (${list('memo')}) väger mindre (${memo} mot ${minutes}): ett protokoll återger ofta förslaget till beslut och ärendet.`
        : '';
    return {
      kind: 'minutes',
      reason: `Protokoll: ${list('minutes')}.${against} Bara ett protokoll visar att beslutet är fattat.`,
      evidence: evidenceOf('minutes'),
    };
  }
  if (memo > minutes) {
    const against =
      minutes > 0 ? ` Protokollets kännetecken (${list('minutes')}) väger mindre (${minutes} mot ${memo}).` : '';
    return {
      kind: 'memo',
      reason: `Tjänsteskrivelse (förslag till beslut): ${list('memo')}.${against} En tjänsteskrivelse visar inte att beslutet är fattat; den sparas som underlag.`,
      evidence: evidenceOf('memo'),
    };
  }
  return {
    kind: 'unknown',
    reason: `Protokollets kännetecken (${list('minutes')}) och tjänsteskrivelsens (${list('memo')}) väger lika (${minutes}); slaget kan inte avgöras.`,
    evidence: [...evidenceOf('minutes'), ...evidenceOf('memo')].sort((a, b) => a.at - b.at),
  };
}
