import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatLongDate,
  formatNumber,
  formatYearRange,
  THOUSANDS_SEPARATOR,
} from './format.js';

describe('formatNumber', () => {
  it('groups thousands with a no-break space and uses a decimal comma', () => {
    expect(THOUSANDS_SEPARATOR).toBe('\u00a0');
    expect(formatNumber(1234.5)).toBe('1\u00a0234,5');
    expect(formatNumber(1234567.891)).toBe('1\u00a0234\u00a0567,891');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(0.5)).toBe('0,5');
  });

  it('never uses a plain or narrow space', () => {
    expect(formatNumber(12345678.25)).not.toMatch(/[\u0020\u202f]/);
  });

  it('writes negatives with the minus sign U+2212', () => {
    expect(formatNumber(-1234.5)).toBe('\u22121\u00a0234,5');
  });

  it('fixes the decimals when asked', () => {
    expect(formatNumber(2, { decimals: 1 })).toBe('2,0');
    expect(formatNumber(1234.567, { decimals: 2 })).toBe('1\u00a0234,57');
    expect(formatNumber(1234.5, { decimals: 0 })).toBe('1\u00a0235');
  });

  it('refuses NaN and infinity', () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumber(Infinity)).toThrow(RangeError);
  });
});

describe('dates', () => {
  it('formats the short date in ISO style', () => {
    expect(formatDate('2019-10-11')).toBe('2019-10-11');
  });

  it('formats the long date in Swedish', () => {
    expect(formatLongDate('2019-10-11')).toBe('11 oktober 2019');
    expect(formatLongDate('2020-01-01')).toBe('1 januari 2020');
    expect(formatLongDate('2024-02-29')).toBe('29 februari 2024');
    expect(formatLongDate('2023-12-31')).toBe('31 december 2023');
  });

  it('refuses what is not a real ISO date', () => {
    for (const bad of ['2019-02-30', '11/10/2019', '2019-10-11T00:00:00Z', '']) {
      expect(() => formatDate(bad)).toThrow(RangeError);
      expect(() => formatLongDate(bad)).toThrow(RangeError);
    }
  });
});

describe('formatYearRange', () => {
  it('joins the years with an en dash', () => {
    expect(formatYearRange(2019, 2022)).toBe('2019\u20132022');
  });

  it('writes a single year once and an open end in words', () => {
    expect(formatYearRange(2021, 2021)).toBe('2021');
    expect(formatYearRange(2019, null)).toBe('från 2019');
  });
});

describe('formatDateTime', () => {
  it('writes Swedish time in Sweden, winter and summer, whatever the server’s zone', () => {
    expect(formatDateTime('2026-11-27T10:00:00.000Z')).toBe('2026-11-27 kl. 11.00');
    expect(formatDateTime('2026-07-01T22:30:00.000Z')).toBe('2026-07-02 kl. 00.30');
  });

  it('refuses what is not a moment', () => {
    expect(() => formatDateTime('igår')).toThrow(RangeError);
  });
});
