/**
 * Word error rate: the word-level edit distance (words substituted, dropped or added) between a text and its
 * reference, divided by the number of words in the reference. Words are runs of letters and digits (with inner
 * "-", "/", ".", ":"), compared exactly (case counts); punctuation and spacing do not count.
 */
import { editDistance } from '../swedish-words.js';

export interface WordErrorRate {
  /** Substitutions + deletions + insertions. */
  errors: number;
  referenceWords: number;
  /** errors / referenceWords (0 when the reference is empty and so is the text). */
  rate: number;
}

const WORD = /[\p{L}\p{N}]+(?:[-/.:][\p{L}\p{N}]+)*/gu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function wordErrorRate(hypothesis: string, reference: string): WordErrorRate {
  const hyp = words(hypothesis);
  const ref = words(reference);
  const errors = editDistance(hyp, ref);
  const rate = ref.length === 0 ? (hyp.length === 0 ? 0 : 1) : errors / ref.length;
  return { errors, referenceWords: ref.length, rate };
}
