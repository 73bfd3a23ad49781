import { describe, expect, it } from 'vitest';
import { repairSegments } from './repair-segments.js';

describe('repairSegments', () => {
  const read = 'Forslag till Sodertorns program godkinns.';
  const repairs = [
    { at: 32, from: 'godkinns', to: 'godkänns', reason: 'i → ä' },
    { at: 0, from: 'Forslag', to: 'Förslag', reason: 'o → ö' },
    { at: 13, from: 'Sodertorns', to: 'Södertörns', reason: 'o → ö' },
  ];

  it('marks each repair in both texts, numbered in text order, and keeps everything between', () => {
    const { read: before, repaired: after, repairs: ordered } = repairSegments(read, repairs);
    expect(before.map((s) => s.text).join('')).toBe(read);
    expect(after.map((s) => s.text).join('')).toBe('Förslag till Södertörns program godkänns.');
    expect(before.filter((s) => s.change).map((s) => [s.change, s.text])).toEqual([
      [1, 'Forslag'],
      [2, 'Sodertorns'],
      [3, 'godkinns'],
    ]);
    expect(after.filter((s) => s.change).map((s) => s.text)).toEqual(['Förslag', 'Södertörns', 'godkänns']);
    expect(ordered.map((r) => r.at)).toEqual([0, 13, 32]);
  });

  it('leaves out a repair that does not fit the text or overlaps another', () => {
    const { repaired, repairs: kept } = repairSegments(read, [
      ...repairs,
      { at: 14, from: 'odertorns', to: 'x', reason: 'overlaps' },
      { at: 5, from: 'nope', to: 'x', reason: 'not there' },
    ]);
    expect(kept).toHaveLength(3);
    expect(repaired.map((s) => s.text).join('')).toBe('Förslag till Södertörns program godkänns.');
  });

  it('gives the text in one run when nothing was repaired', () => {
    expect(repairSegments('Inget att laga.', [])).toEqual({
      read: [{ text: 'Inget att laga.' }],
      repaired: [{ text: 'Inget att laga.' }],
      repairs: [],
    });
  });
});
