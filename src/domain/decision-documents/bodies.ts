import { allMatches, capitaliseFirst, ocrTolerant, wordRegex } from './swedish-words.js';

/**
 * The deciding bodies a municipality's documents name: the board (kommunstyrelsen), the council
 * (kommunfullmäktige), the board's committees, a nämnd, and the region's joint committee.
 */

export interface FoundBody {
  at: number;
  length: number;
  text: string;
  /** The body's name in the basic (not genitive) form with a capital first letter. */
  name: string;
  /** Written in the genitive ("Kommunstyrelsens"), e.g. in the heading "Kommunstyrelsens beslut". */
  genitive: boolean;
}

const FORMS: readonly { source: string; name: (written: string) => { name: string; genitive: boolean } }[] = [
  {
    // Kommunstyrelsens arbetsutskott / ledningsutskott …: the committee's name contains a genitive.
    source: `${ocrTolerant('kommunstyrelsens')}\\s+\\p{L}*utskott(?:et|ets|s)?`,
    name: (w) => {
      const written = w.replace(/\s+/gu, ' ');
      return /utskotts$|utskottets$/iu.test(written)
        ? { name: written.slice(0, -1), genitive: true }
        : { name: written, genitive: false };
    },
  },
  {
    source: `${ocrTolerant('kommunstyrelse')}(?:n|ns)`,
    name: (w) => (/ns$/u.test(w) ? { name: w.slice(0, -1), genitive: true } : { name: w, genitive: false }),
  },
  {
    source: `${ocrTolerant('kommunfullmäktige')}s?`,
    name: (w) => (/s$/u.test(w) ? { name: w.slice(0, -1), genitive: true } : { name: w, genitive: false }),
  },
  {
    // Kommunledningsutskottet, arbetsutskottet, …utskottet (and the genitive …utskottets).
    source: `\\p{L}*utskottets?`,
    name: (w) => (/s$/u.test(w) ? { name: w.slice(0, -1), genitive: true } : { name: w, genitive: false }),
  },
  {
    source: `${ocrTolerant('södertörns')}\\s+${ocrTolerant('samarbetskommitté')}(?:n|ns)?`,
    name: (w) => ({ name: w.replace(/\s+/gu, ' ').replace(/ns$/u, 'n'), genitive: /ns$/u.test(w) }),
  },
  {
    // Barn- och utbildningsnämnden, Samhällsbyggnadsnämnden (and their genitive).
    source: `(?:\\p{L}+-\\s+och\\s+)?\\p{L}*${ocrTolerant('nämnden')}s?`,
    name: (w) => (/s$/u.test(w) ? { name: w.slice(0, -1), genitive: true } : { name: w, genitive: false }),
  },
];

const FORM_RES = FORMS.map((f) => ({ re: wordRegex(f.source), name: f.name }));

/** Every body named in `text`, in order of position (the longest reading at a position wins). */
export function findBodies(text: string): FoundBody[] {
  const found: FoundBody[] = [];
  for (const form of FORM_RES) {
    for (const m of allMatches(form.re, text)) {
      const { name, genitive } = form.name(m[0]);
      found.push({ at: m.index, length: m[0].length, text: m[0], name: capitaliseFirst(name), genitive });
    }
  }
  found.sort((a, b) => a.at - b.at || b.length - a.length);
  const kept: FoundBody[] = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (last && f.at < last.at + last.length) continue;
    kept.push(f);
  }
  return kept;
}

/** Abbreviations used in references to decisions: "(KS 2013-04-29, § 78)". */
export const BODY_ABBREVIATIONS: Readonly<Record<string, string>> = {
  KS: 'Kommunstyrelsen',
  KF: 'Kommunfullmäktige',
  KSAU: 'Kommunstyrelsens arbetsutskott',
  KSAu: 'Kommunstyrelsens arbetsutskott',
  KLU: 'Kommunledningsutskottet',
};
