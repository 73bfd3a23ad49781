import { describe, expect, it } from 'vitest';
import { SIMILARITY_THRESHOLD, normaliseText, pairBySimilarity, textSimilarity, trigrams } from './text-similarity.js';

describe('normaliseText', () => {
  it('folds case, punctuation and whitespace but keeps å, ä and ö', () => {
    expect(normaliseText('  Näringsliv &  Högskola. ')).toBe('näringsliv högskola');
    expect(normaliseText('YH-nätverket')).toBe('yh nätverket');
  });
});

describe('textSimilarity (Dice coefficient on character trigrams)', () => {
  it('is 1 for texts equal once normalised and 0 for texts with no trigram in common', () => {
    expect(textSimilarity('Klimat', 'klimat!')).toBe(1);
    expect(textSimilarity('Klimat', 'Infrastruktur')).toBe(0);
    expect(textSimilarity('', '')).toBe(1);
  });

  it('counts each distinct trigram once', () => {
    expect([...trigrams('ab')]).toEqual([' ab', 'ab ']);
    expect(trigrams('aaaa').size).toBe(3);
  });

  it('puts real rewordings above the threshold and unrelated texts below it', () => {
    expect(
      textSimilarity('Vi förbättrar näringslivsklimatet på Södertörn.', 'Vi förbättrar företagsklimatet på Södertörn.'),
    ).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    expect(
      textSimilarity(
        'Utnyttja den nya infrastrukturen',
        'Stark infrastruktur är en förutsättning för hållbar utveckling',
      ),
    ).toBeLessThan(SIMILARITY_THRESHOLD);
    expect(textSimilarity('Klimat', 'Funktionell samordning')).toBeLessThan(SIMILARITY_THRESHOLD);
  });
});

describe('pairBySimilarity', () => {
  it('takes the best pairs first and uses each item once', () => {
    const pairs = pairBySimilarity(
      ['Näringsliv', 'Klimat'],
      ['Klimatet', 'Näringsliv och högskola', 'Näringslivet'],
      (a) => a,
      (b) => b,
    );
    expect(pairs.map((p) => [p.from, p.to])).toEqual([
      ['Näringsliv', 'Näringslivet'],
      ['Klimat', 'Klimatet'],
    ]);
  });

  it('leaves out pairs below the threshold', () => {
    expect(
      pairBySimilarity(
        ['Klimat'],
        ['Utbildning'],
        (a) => a,
        (b) => b,
      ),
    ).toEqual([]);
  });
});
