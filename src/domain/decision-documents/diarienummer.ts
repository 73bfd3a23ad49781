import type { Evidence } from './document-reading.js';
import { WORD_END, WORD_START } from './swedish-words.js';

/**
 * The diarienummer (the registry number of the matter): after a label ("Dnr KS-2019/1234",
 * "Diarienummer: KS 2019/123", "Dnr 2019:45", "Vårt dnr …") it is returned as written after the
 * label; without a label only the unmistakable forms count ("KS/2019:123", "KS-2019/1234": letters, a
 * year and a number after "/" or ":"), never a date.
 */

const VALUE =
  '(?:\\p{Lu}{1,6}(?:[ \\t]?[-/][ \\t]?|[ \\t])?)?(?:19|20)\\d{2}[ \\t]?[/:.-][ \\t]?\\d{1,6}(?:[/:.-]\\d{1,6})?';

const LABELLED = new RegExp(
  `${WORD_START}(?:dnr|diarienummer|diarienr|diarie-?nr|ärendenummer|ärendenr|vårt\\s+dnr|er\\s+beteckning)\\.?[ \\t]*[:.]?\\s*(${VALUE})(?![\\p{L}\\p{N}]|[-/.:]\\d)`,
  'giu',
);

const UNLABELLED = new RegExp(
  `${WORD_START}(\\p{Lu}{2,6}[ \\t]?[-/][ \\t]?(?:19|20)\\d{2}[/:]\\d{1,6}|\\p{Lu}{2,6}[ \\t](?:19|20)\\d{2}[/:]\\d{1,6})${WORD_END}(?![-/.:]\\d)`,
  'gu',
);

export interface DiarienummerFinding {
  value: string;
  evidence: Evidence;
}

export function findDiarienummer(text: string): DiarienummerFinding | null {
  for (const re of [LABELLED, UNLABELLED]) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m) {
      const value = m[1]!;
      const at = m.index + m[0].lastIndexOf(value);
      return { value, evidence: { at, length: value.length, text: value } };
    }
  }
  return null;
}
