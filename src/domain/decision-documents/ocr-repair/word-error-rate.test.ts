import { describe, expect, it } from 'vitest';
import { wordErrorRate } from './word-error-rate.js';

describe('wordErrorRate', () => {
  it('is 0 for the same words, whatever the punctuation and spacing', () => {
    expect(wordErrorRate('Mål och  vision.', 'Mål och vision').rate).toBe(0);
  });

  it('counts substitutions, deletions and insertions against the reference length', () => {
    expect(wordErrorRate('mal och vision', 'mål och vision')).toEqual({ errors: 1, referenceWords: 3, rate: 1 / 3 });
    expect(wordErrorRate('programför', 'program för').errors).toBe(2);
    expect(wordErrorRate('mål och och vision', 'mål och vision').errors).toBe(1);
    expect(wordErrorRate('', 'två ord').rate).toBe(1);
  });

  it('keeps dates and diarienummer as one word', () => {
    expect(wordErrorRate('2013-04-29 KS-2019/1234', '2013-04-29 KS-2019/1234').referenceWords).toBe(2);
  });

  it('compares case', () => {
    expect(wordErrorRate('södertörn', 'Södertörn').errors).toBe(1);
  });
});
