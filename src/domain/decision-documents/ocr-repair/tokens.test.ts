import { describe, expect, it } from 'vitest';
import { tokenize } from './tokens.js';

const kinds = (text: string): [string, string][] => tokenize(text).map((t) => [t.text, t.kind]);

describe('tokenize', () => {
  it('treats å, ä and ö as letters and keeps offsets', () => {
    const text = 'Förslag till Södertörns kommuner';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['Förslag', 'till', 'Södertörns', 'kommuner']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.every((t) => t.kind === 'word')).toBe(true);
  });

  it('protects dates, paragraph numbers and diarienummer', () => {
    expect(kinds('antogs 2013-04-29 § 78, dnr KS-2019/1234.')).toEqual([
      ['antogs', 'word'],
      ['2013-04-29', 'protected'],
      ['78', 'protected'],
      ['dnr', 'word'],
      ['KS-2019/1234', 'protected'],
    ]);
  });

  it('reads letters with the digit a scan makes of ö as repairable words, codes not', () => {
    expect(kinds('f6r 6vergripande N00945 E6')).toEqual([
      ['f6r', 'digit-word'],
      ['6vergripande', 'digit-word'],
      ['N00945', 'protected'],
      ['E6', 'protected'],
    ]);
  });

  it('splits words joined by a hyphen or slash, and finds the word in "20-64-åringar"', () => {
    expect(kinds('Britt-Marie asylsökande/inskrivna 20-64-åringar')).toEqual([
      ['Britt', 'word'],
      ['Marie', 'word'],
      ['asylsökande', 'word'],
      ['inskrivna', 'word'],
      ['20-64', 'protected'],
      ['åringar', 'word'],
    ]);
  });

  it('marks a lone "1" between words, but not a number after "§" or at a line start', () => {
    expect(kinds('ordförande 1 kommittén')[1]).toEqual(['1', 'lone-one']);
    expect(kinds('§ 1 beslut')[0]).toEqual(['1', 'protected']);
    expect(kinds('1 kommun')[0]).toEqual(['1', 'protected']);
    expect(kinds('sidan 1.')[1]).toEqual(['1', 'protected']);
  });
});
