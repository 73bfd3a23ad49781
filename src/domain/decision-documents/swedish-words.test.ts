import { describe, expect, it } from 'vitest';
import { editDistance, fold, ocrTolerant, sameWord, startsWithWord, tokenize, wordRegex } from './swedish-words.js';

describe('Swedish word helpers', () => {
  it('treats å, ä and ö as letters at word boundaries (JavaScript’s \\b does not)', () => {
    expect(wordRegex('år').test('går')).toBe(false);
    expect(wordRegex('år').test('i år.')).toBe(true);
    expect(wordRegex('förslag').test('Förvaltningens förslag.')).toBe(true);
    expect(wordRegex('förslag').test('beslutsförslag')).toBe(false);
  });

  it('folds Swedish letters one for one', () => {
    expect(fold('Södertörns Åkersberga Ä')).toBe('sodertorns akersberga a');
    expect(fold('Sédertérns').length).toBe('Sédertérns'.length);
  });

  it('accepts the scanner’s damaged forms of a word', () => {
    const re = new RegExp(`^${ocrTolerant('godkänns')}$`, 'iu');
    expect(['godkänns', 'godkinns', 'godkanns', 'GODKÄNNS'].every((w) => re.test(w))).toBe(true);
    expect(re.test('godkände')).toBe(false);
    expect(sameWord('Sédertérns', 'Södertörns')).toBe(true);
    expect(sameWord('Soédertdrns', 'Södertörns')).toBe(true);
    expect(sameWord('Södertälje', 'Södertörns')).toBe(false);
    expect(startsWithWord('utvecklingsprogramfér', 'utvecklingsprogram')).toBe(true);
    expect(startsWithWord('utvecklingsprogrammet', 'utvecklingsprogram')).toBe(true);
    expect(startsWithWord('utvecklingsplan', 'utvecklingsprogram')).toBe(false);
  });

  it('computes the Levenshtein distance over characters and over words', () => {
    expect(editDistance('sedertorns', 'sodertorns')).toBe(1);
    expect(editDistance('', 'år')).toBe(2);
    expect(editDistance(['a', 'b', 'c'], ['a', 'c', 'd'])).toBe(2);
    expect(editDistance([], ['a'])).toBe(1);
  });

  it('tokenizes with offsets, hyphenated names kept whole', () => {
    expect(tokenize('Britt-Marie Lundberg Björk, 2035.')).toEqual([
      { text: 'Britt-Marie', at: 0 },
      { text: 'Lundberg', at: 12 },
      { text: 'Björk', at: 21 },
      { text: '2035', at: 28 },
    ]);
  });
});
