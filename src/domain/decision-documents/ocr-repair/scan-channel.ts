/**
 * A simulated scan: damages clean Swedish text the way the scanned board memo in data/demo/ is damaged, with a
 * seeded pseudo-random generator so that the same seed gives the same damage. Pure.
 *
 * The rates were counted by aligning the memo's 278 words with a hand-corrected reference
 * (test/fixtures/memo-reference.txt): of 101 å/ä/ö, none came through intact;
 *   ä (21): a 4, i 13, d 2, "id" 1, é 1
 *   å (34): a 19, i 10, d 2, "id" 1, é 2
 *   ö (46): o 33, é 7, 6 3, d 2, "oé" 1 (and "ör" read as "oe" once)
 * besides: one "i" read as "1", one pair of words run together (of 278), one other letter misread (r → t).
 * Capitals are damaged like their small letters (Å → A, Ö → O, É).
 */
import { seededRandom } from '../../seeded-random.js';

export interface ChannelOptions {
  seed: number;
  /** Share of å/ä/ö damaged (the memo: all of them). */
  diacriticRate?: number;
  /** Chance that a space between two words on a line is lost. */
  runTogetherRate?: number;
  /** Chance that a lone "i" is read as "1". */
  iAsOneRate?: number;
  /** Chance per other letter of being read as another letter. */
  otherLetterRate?: number;
}

type Outcomes = readonly [seen: string, weight: number][];

const DAMAGE: Readonly<Record<string, Outcomes>> = {
  ä: [
    ['a', 4],
    ['i', 13],
    ['d', 2],
    ['id', 1],
    ['é', 1],
  ],
  å: [
    ['a', 19],
    ['i', 10],
    ['d', 2],
    ['id', 1],
    ['é', 2],
  ],
  ö: [
    ['o', 33],
    ['é', 7],
    ['6', 3],
    ['d', 2],
    ['oé', 1],
  ],
};

/** Letters misread as one another (shapes alike), for the rare other damage. */
const LOOK_ALIKE: Readonly<Record<string, string>> = {
  r: 't',
  t: 'r',
  n: 'm',
  m: 'n',
  l: 'i',
  e: 'c',
  c: 'e',
  h: 'b',
  u: 'n',
};

function pick(outcomes: Outcomes, random: () => number): string {
  const total = outcomes.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [seen, w] of outcomes) {
    r -= w;
    if (r < 0) return seen;
  }
  return outcomes[outcomes.length - 1]?.[0] ?? '';
}

const keepCase = (seen: string, original: string): string =>
  original === original.toLowerCase() ? seen : seen.charAt(0).toUpperCase() + seen.slice(1);

export function scanChannel(text: string, options: ChannelOptions): string {
  const random = seededRandom(options.seed);
  const diacriticRate = options.diacriticRate ?? 1;
  const runTogetherRate = options.runTogetherRate ?? 1 / 278;
  const iAsOneRate = options.iAsOneRate ?? 1 / 8;
  const otherLetterRate = options.otherLetterRate ?? 1 / 1500;
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const lower = ch.toLowerCase();
    const before = chars[i - 1] ?? ' ';
    const after = chars[i + 1] ?? ' ';
    const outcomes = DAMAGE[lower];
    if (outcomes && random() < diacriticRate) {
      out += keepCase(pick(outcomes, random), ch);
      continue;
    }
    if (ch === 'i' && before === ' ' && after === ' ' && /\p{L}/u.test(chars[i - 2] ?? '') && random() < iAsOneRate) {
      out += '1';
      continue;
    }
    if (ch === ' ' && /\p{L}/u.test(before) && /\p{L}/u.test(after) && random() < runTogetherRate) continue;
    const alike = LOOK_ALIKE[ch];
    if (alike && random() < otherLetterRate) {
      out += alike;
      continue;
    }
    out += ch;
  }
  return out;
}
