/**
 * What scans do to Swedish letters: for each thing seen in the scan, what it may have been, and how unlikely
 * that is (a cost in natural-log units, added per change; lower is more common). Letters are lower-case; the
 * repair lower-cases a word before looking and restores the case after.
 *
 * The kinds are those the issue lists (a → å/ä, o → ö, i/é/6/d → ö or ä, stray and doubled letters), with
 * å alongside ä where a glyph loses its marks, and costs set by hand: losing the marks (a, o) is cheapest,
 * a digit inside a word (6, 0) is almost surely ö, other glyphs (i, é, d) cost more. Nothing here is counted
 * from the scanned memo in data/demo/, which is the acceptance text.
 */

export interface Confusion {
  /** As seen in the scan. */
  seen: string;
  /** What it may have been. */
  meant: string;
  cost: number;
  /** Shown to the reviewer: "a → å". */
  label: string;
}

const RULES: readonly [seen: string, meant: string, cost: number][] = [
  ['a', 'å', 1.0],
  ['a', 'ä', 1.0],
  ['o', 'ö', 0.8],
  ['o', 'å', 2.2],
  ['é', 'ö', 1.0],
  ['é', 'ä', 1.3],
  ['é', 'å', 1.3],
  ['é', 'e', 1.5],
  ['i', 'ä', 1.4],
  ['i', 'å', 1.5],
  ['i', 'ö', 2.6],
  ['d', 'ä', 2.0],
  ['d', 'å', 2.0],
  ['d', 'ö', 2.0],
  ['6', 'ö', 0.4],
  ['0', 'ö', 1.0],
  ['u', 'ü', 4.0],
];

export const CONFUSIONS: readonly Confusion[] = RULES.map(([seen, meant, cost]) => ({
  seen,
  meant,
  cost,
  label: `${seen} → ${meant}`,
}));

/** The confusions by the first character of what is seen. */
export const CONFUSIONS_BY_FIRST: ReadonlyMap<string, readonly Confusion[]> = (() => {
  const map = new Map<string, Confusion[]>();
  for (const c of CONFUSIONS) {
    const first = c.seen[0] ?? '';
    const list = map.get(first) ?? [];
    list.push(c);
    map.set(first, list);
  }
  return map;
})();

/** The cost of any other change of one letter (a letter read as another, a stray or lost letter). */
export const OTHER_EDIT_COST = 4.0;
/** The cost of dropping one of two equal letters in a row ("kommmun"). */
export const DOUBLED_LETTER_COST = 2.5;

export interface Variant {
  /** The word as it may have been. */
  text: string;
  cost: number;
  /** The changes, as labels: ["a → å", "o → ö"]. */
  changes: string[];
}

/** The cost of a stray letter the scan added (dropped by the repair). */
export const STRAY_LETTER_COST = 8;

interface Site {
  at: number;
  length: number;
  meant: string;
  cost: number;
  label: string;
}

/**
 * The forms a scanned word may have had: the word itself and every form with at most `maxChanges` changes from
 * the confusion table, a doubled letter made single or (at most one) stray letter dropped. Fewer changes
 * first; at most `limit` forms. `word` is lower-case.
 */
export function confusionVariants(word: string, maxChanges = 3, limit = 4000, strays = true): Variant[] {
  const sites: Site[] = [];
  for (let at = 0; at < word.length; at++) {
    const ch = word[at] ?? '';
    for (const c of CONFUSIONS_BY_FIRST.get(ch) ?? []) {
      if (word.startsWith(c.seen, at))
        sites.push({ at, length: c.seen.length, meant: c.meant, cost: c.cost, label: c.label });
    }
    if (ch === word[at + 1] && /\p{L}/u.test(ch)) {
      sites.push({ at, length: 1, meant: '', cost: DOUBLED_LETTER_COST, label: `${ch}${ch} → ${ch}` });
    } else if (strays && word.length >= 3 && /\p{L}/u.test(ch) && at > 0 && at < word.length - 1) {
      sites.push({ at, length: 1, meant: '', cost: STRAY_LETTER_COST, label: `${ch} struket` });
    }
  }
  const out: Variant[] = [{ text: word, cost: 0, changes: [] }];
  const build = (chosen: readonly Site[]): Variant => {
    let text = '';
    let at = 0;
    let cost = 0;
    for (const site of chosen) {
      text += word.slice(at, site.at) + site.meant;
      at = site.at + site.length;
      cost += site.cost;
    }
    return { text: text + word.slice(at), cost, changes: chosen.map((s) => s.label) };
  };
  // Breadth first: all single changes, then pairs, then triples, left to right; one stray letter at most.
  let frontier: { chosen: Site[]; next: number }[] = [{ chosen: [], next: 0 }];
  for (let k = 1; k <= maxChanges && out.length < limit; k++) {
    const nextFrontier: { chosen: Site[]; next: number }[] = [];
    for (const { chosen, next } of frontier) {
      const last = chosen[chosen.length - 1];
      const strays = chosen.filter((s) => s.meant === '' && s.cost === STRAY_LETTER_COST).length;
      for (let i = next; i < sites.length; i++) {
        const site = sites[i];
        if (!site || (last && site.at < last.at + last.length)) continue;
        if (site.cost === STRAY_LETTER_COST && site.meant === '' && strays > 0) continue;
        const extended = [...chosen, site];
        out.push(build(extended));
        if (out.length >= limit) break;
        nextFrontier.push({ chosen: extended, next: i + 1 });
      }
      if (out.length >= limit) break;
    }
    frontier = nextFrontier;
  }
  return out;
}
