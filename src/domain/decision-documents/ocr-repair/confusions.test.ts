import { describe, expect, it } from 'vitest';
import { confusionVariants } from './confusions.js';

const texts = (word: string, max = 3): string[] => confusionVariants(word, max).map((v) => v.text);

describe('confusionVariants', () => {
  it('keeps the word itself first, at no cost', () => {
    expect(confusionVariants('mal')[0]).toEqual({ text: 'mal', cost: 0, changes: [] });
  });

  it('undoes what scans do to å, ä and ö', () => {
    expect(texts('mal')).toContain('mål');
    expect(texts('forslag')).toContain('förslag');
    expect(texts('godkinns')).toContain('godkänns');
    expect(texts('fran')).toContain('från');
    expect(texts('f6r')).toContain('för');
    expect(texts('sédertérns')).toContain('södertörns');
    expect(texts('drlig')).toContain('årlig');
  });

  it('drops a doubled letter and one stray letter, never the last', () => {
    expect(texts('kommmun')).toContain('kommun');
    expect(texts('beslutt')).toContain('beslut');
    expect(texts('besluts')).not.toContain('beslut');
  });

  it('makes at most the changes allowed', () => {
    const variants = confusionVariants('aaaa', 2);
    expect(Math.max(...variants.map((v) => v.changes.length))).toBe(2);
    expect(variants.map((v) => v.text)).not.toContain('åååå');
  });

  it('labels each change', () => {
    const v = confusionVariants('mal').find((x) => x.text === 'mål');
    expect(v?.changes).toEqual(['a → å']);
  });
});
