/**
 * Text comparison for matching programme parts across versions.
 *
 * The measure is the Dice coefficient on the sets of character trigrams of the normalised text:
 * 2·|A∩B| / (|A|+|B|), from 0 (nothing in common) to 1 (same trigrams). Trigrams rather than words
 * because Swedish inflects and compounds ("infrastrukturen", "näringslivsklimatet"), which word
 * tokens would count as entirely different. It is easy to explain: "the share of three-letter
 * pieces the two texts have in common".
 */

/**
 * Two texts at or above this similarity count as the same item reworded. Chosen on the real Södertörn
 * programmes: rewordings of a strategy score 0.78–0.96, while unrelated goals and strategies of the
 * same programmes score at most 0.40.
 */
export const SIMILARITY_THRESHOLD = 0.5;

/** Lower case, punctuation and runs of whitespace folded to one space: the form texts are compared in. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('sv-SE')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The distinct character trigrams of the normalised text, padded so first and last letters count. */
export function trigrams(text: string): Set<string> {
  const padded = ` ${normaliseText(text)} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** Dice coefficient of the two texts' trigram sets (see the module comment); two empty texts are equal. */
export function textSimilarity(a: string, b: string): number {
  const ga = trigrams(a);
  const gb = trigrams(b);
  if (ga.size + gb.size === 0) return 1;
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return (2 * shared) / (ga.size + gb.size);
}

/**
 * Pairs items of two lists by similarity, best pairs first, each item at most once; only pairs at or
 * above the threshold. Ties keep document order so the result is stable.
 */
export function pairBySimilarity<A, B>(
  from: readonly A[],
  to: readonly B[],
  textOfFrom: (a: A) => string,
  textOfTo: (b: B) => string,
  threshold: number = SIMILARITY_THRESHOLD,
): Array<{ from: A; to: B; similarity: number }> {
  const candidates: Array<{ i: number; j: number; similarity: number }> = [];
  from.forEach((a, i) => {
    to.forEach((b, j) => {
      const similarity = textSimilarity(textOfFrom(a), textOfTo(b));
      if (similarity >= threshold) candidates.push({ i, j, similarity });
    });
  });
  candidates.sort((x, y) => y.similarity - x.similarity || x.i - y.i || x.j - y.j);

  const usedFrom = new Set<number>();
  const usedTo = new Set<number>();
  const pairs: Array<{ from: A; to: B; similarity: number }> = [];
  for (const c of candidates) {
    if (usedFrom.has(c.i) || usedTo.has(c.j)) continue;
    usedFrom.add(c.i);
    usedTo.add(c.j);
    pairs.push({ from: from[c.i] as A, to: to[c.j] as B, similarity: c.similarity });
  }
  return pairs;
}
