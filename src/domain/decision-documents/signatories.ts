import type { Evidence } from './document-reading.js';
import { fold, linesOf, type Line } from './swedish-words.js';

/**
 * The people who signed: in minutes the names after "Justeras", "Justerare", "Justerandes signatur",
 * "Vid protokollet", "Sekreterare", "Ordförande", "Underskrifter" (on the same line or the next
 * lines, or on the line above a label written under the name); in a memo the signature block — a
 * line of names followed by a line of titles ("Kommundirektör   Chef Medborgarfokus").
 *
 * A name is 2–4 capitalised words (hyphenated parts and Swedish letters included, a lower-case
 * "af"/"von"/"de" between allowed); titles before or after it are stripped. Names on one line are
 * split at commas, "och", wide gaps and "|"; a run of four words with no gap is split 2+2 only where
 * several people are expected (justerare, a title line with two titles), since "Britt-Marie Lundberg
 * Björk" is one person with three words.
 */

export interface SignatoryFinding {
  names: string[];
  evidence: Evidence[];
}

const LABEL =
  /^[ \t]*(justerandes[ \t]+signatur|justeras|justerat|justerare|justerande|vid[ \t]+protokollet|sekreterare|ordf[oö6é]rande|underskrifter)(?![\p{L}])[ \t]*[:.]*/iu;

/** Labels under which several names are usual. */
const PLURAL_LABEL = /^(?:justera|underskrift)/iu;

const TITLE_WORD =
  /^(?:\p{L}*(?:chef|direkt[oö]r|sekreterare|strateg|handl[aä]ggare|utredare|controller|samordnare|jurist|ekonom|ansvarig)|ordf[oö]rande|vice|tf|t\.f\.|justerare|justerande|kommunalr[aå]d|oppositionsr[aå]d|ledamot|ers[aä]ttare)$/iu;

/** Capitalised words that are never part of a name here. */
const NOT_NAME = new Set(
  [
    'kommunstyrelsen',
    'kommunfullmäktige',
    'kommun',
    'kommunen',
    'protokoll',
    'protokollsutdrag',
    'sammanträdesprotokoll',
    'sammanträdesdatum',
    'sammanfattning',
    'beslut',
    'beslutsunderlag',
    'datum',
    'plats',
    'tid',
    'signatur',
    'justeras',
    'justerat',
    'paragrafer',
    'paragraf',
    'utdragsbestyrkande',
    'anslag',
    'expedieras',
    'ärendet',
    'bilaga',
    'bilagor',
    'dnr',
    'diarienummer',
    'sida',
    'medborgarfokus',
    'förvaltningen',
    'södertörn',
    'södertörns',
    'ks',
    'kf',
  ].map(fold),
);

const PARTICLE = /^(?:af|von|van|de|der|den|la|du)$/u;
const NAME_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*$/u;

interface Word {
  text: string;
  at: number;
}

const isTitle = (w: string): boolean => TITLE_WORD.test(w);

/** The names in one chunk of words (titles stripped), or [] when it is not names. */
function namesInChunk(words: Word[], allowSplit: boolean): Word[][] {
  const ws = [...words];
  while (ws.length && (isTitle(ws[0]!.text) || !/^\p{Lu}/u.test(ws[0]!.text))) ws.shift();
  while (ws.length && (isTitle(ws[ws.length - 1]!.text) || !/^\p{Lu}/u.test(ws[ws.length - 1]!.text))) ws.pop();
  if (ws.length < 2) return [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!.text;
    const inner = i > 0 && i < ws.length - 1;
    if (inner && PARTICLE.test(w)) continue;
    if (!NAME_WORD.test(w) || NOT_NAME.has(fold(w)) || isTitle(w) || w.length > 24) return [];
  }
  if (ws.length <= 3) return [ws];
  if (ws.length === 4) return allowSplit ? [ws.slice(0, 2), ws.slice(2)] : [ws];
  if (ws.length === 6 && allowSplit) return [ws.slice(0, 3), ws.slice(3)];
  return [];
}

/** The names on a line: chunks at commas, "och", "|", tabs and wide gaps. */
function namesOnLine(line: Line, from: number, allowSplit: boolean): Word[][] {
  const text = line.text.slice(from).replace(/[._…]{3,}/gu, (s) => ' '.repeat(s.length));
  const chunks: Word[][] = [];
  let current: Word[] = [];
  const re = /(,|;|\||\t| {2,})|(?<![\p{L}])och(?![\p{L}])|([\p{L}]+(?:-[\p{L}]+)*)|([^\s\p{L}])/gu;
  for (const m of text.matchAll(re)) {
    if (m[2]) current.push({ text: m[2], at: line.at + from + m.index });
    else if (m[3]) {
      // Any other sign (a digit, a date, a bracket) spoils the line: it is not a line of names.
      current.push({ text: m[3], at: line.at + from + m.index });
    } else {
      chunks.push(current);
      current = [];
    }
  }
  chunks.push(current);
  const out: Word[][] = [];
  for (const chunk of chunks.filter((c) => c.length)) {
    if (chunk.some((w) => !/\p{L}/u.test(w.text))) return [];
    // A title on its own ("Anna Svensson, ordförande") is stripped, not taken for a spoiled name.
    if (chunk.every((w) => isTitle(w.text))) continue;
    const names = namesInChunk(chunk, allowSplit);
    if (!names.length) return [];
    out.push(...names);
  }
  return out;
}

/** How many titles a line holds ("Kommundirektör Chef Medborgarfokus" → 2), 0 when it is not a title line. */
function titleCount(line: string): number {
  const words = line.match(/[\p{L}.]+/gu) ?? [];
  if (!words.length || !isTitle(words[0]!)) return 0;
  return words.filter(isTitle).length;
}

export function findSignatories(text: string): SignatoryFinding {
  const lines = linesOf(text);
  const found: Word[][] = [];
  const addAll = (names: Word[][]) => {
    for (const n of names) found.push(n);
  };
  const nonEmpty = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.text.trim().length > 0);

  nonEmpty.forEach(({ l }, k) => {
    const label = LABEL.exec(l.text);
    if (label) {
      const plural = PLURAL_LABEL.test(label[1]!);
      const sameLine = namesOnLine(l, label[0].length, plural);
      if (sameLine.length) {
        addAll(sameLine);
        return;
      }
      if (l.text.slice(label[0].length).replace(/[._…:\s]/gu, '').length > 0) return;
      // The next lines (up to two with names for justerare, one otherwise), stopping at another label.
      let taken = 0;
      for (let j = k + 1; j < Math.min(nonEmpty.length, k + 4); j++) {
        const next = nonEmpty[j]!.l;
        if (LABEL.test(next.text)) break;
        const names = namesOnLine(next, 0, plural);
        if (!names.length) {
          if (taken) break;
          continue;
        }
        addAll(names);
        taken++;
        if (!plural || taken >= 2) break;
      }
      if (!taken && k > 0) {
        // The label under the name: "Anna Svensson" / "Ordförande".
        addAll(namesOnLine(nonEmpty[k - 1]!.l, 0, plural));
      }
      return;
    }
    // A signature block: a line of names directly above a line of titles (memo or minutes).
    const next = nonEmpty[k + 1];
    if (next && next.i === nonEmpty[k]!.i + 1) {
      const titles = titleCount(next.l.text);
      if (titles > 0) addAll(namesOnLine(l, 0, titles >= 2));
    }
  });

  const seen = new Set<string>();
  const names: string[] = [];
  const evidence: Evidence[] = [];
  for (const words of found) {
    const first = words[0]!;
    const last = words[words.length - 1]!;
    const name = words.map((w) => w.text).join(' ');
    if (seen.has(name)) continue;
    seen.add(name);
    names.push(name);
    const length = last.at + last.text.length - first.at;
    evidence.push({ at: first.at, length, text: text.slice(first.at, first.at + length) });
  }
  return { names, evidence };
}
