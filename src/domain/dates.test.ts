import { describe, expect, it } from 'vitest';
import { todayInSweden } from './dates.js';

describe('todayInSweden', () => {
  it('turns the day at midnight in Stockholm, winter (UTC+1) and summer (UTC+2)', () => {
    expect(todayInSweden(new Date('2026-11-26T22:59:59.999Z'))).toBe('2026-11-26');
    expect(todayInSweden(new Date('2026-11-26T23:00:00.000Z'))).toBe('2026-11-27');
    expect(todayInSweden(new Date('2026-06-30T21:59:59.999Z'))).toBe('2026-06-30');
    expect(todayInSweden(new Date('2026-06-30T22:00:00.000Z'))).toBe('2026-07-01');
  });

  it('gives each moment its own date, whatever was asked for just before', () => {
    const moments = ['2026-11-27T10:00:00Z', '2019-01-01T00:00:00Z', '2026-11-27T10:00:30Z', '2026-11-26T23:30:00Z'];
    for (let round = 0; round < 2; round++)
      expect(moments.map((m) => todayInSweden(new Date(m)))).toEqual([
        '2026-11-27',
        '2019-01-01',
        '2026-11-27',
        '2026-11-27',
      ]);
  });

  it('refuses an invalid date', () => {
    expect(() => todayInSweden(new Date('nonsense'))).toThrow(RangeError);
  });
});
