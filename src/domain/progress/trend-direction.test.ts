import { describe, expect, it } from 'vitest';
import { trendDirection, type TrendInput } from './trend-direction.js';

const absolute = (values: (number | null)[], over: Partial<TrendInput> = {}): TrendInput => ({
  kind: 'absolute',
  direction: 'higher',
  baseYear: 2020,
  baseValue: null,
  series: values.map((value, i) => ({ year: 2020 + i, value })),
  decimals: 1,
  ...over,
});

describe('trendDirection', () => {
  it('rising is better when higher is better, worse when lower is better', () => {
    expect(trendDirection(absolute([10, 11, 12]))).toBe('better');
    expect(trendDirection(absolute([10, 11, 12], { direction: 'lower' }))).toBe('worse');
    expect(trendDirection(absolute([12, 11, 10], { direction: 'lower' }))).toBe('better');
  });

  it('counts only the years from the base year on', () => {
    // Falling before the base year, rising after it.
    const input = absolute([20, 15, 10, 11, 12], { baseYear: 2022 });
    expect(trendDirection(input)).toBe('better');
  });

  it('is steady when the change rounds to nothing at the decimals shown', () => {
    expect(trendDirection(absolute([10, 10.01, 10.02]))).toBe('steady');
    expect(trendDirection(absolute([10, 10.01, 10.02], { decimals: 2 }))).toBe('better');
  });

  it('is unknown with fewer than two years of values; missing values are never read as 0', () => {
    expect(trendDirection(absolute([10]))).toBe('unknown');
    expect(trendDirection(absolute([10, null, null]))).toBe('unknown');
    expect(trendDirection(absolute([null, 10, null, 11]))).toBe('better');
  });

  it('lets a decided base value stand in for a missing base year', () => {
    expect(trendDirection(absolute([null, 10], { baseValue: 12 }))).toBe('worse');
  });

  it('judges a relative target on the difference to the comparison area', () => {
    // Södertörn rises, but Riket rises faster: heading away from "as high as Riket".
    const input: TrendInput = {
      kind: 'relative',
      direction: 'higher',
      baseYear: 2013,
      baseValue: null,
      series: [
        { year: 2013, value: 20.2 },
        { year: 2014, value: 20.7 },
      ],
      comparison: [
        { year: 2013, value: 25.1 },
        { year: 2014, value: 25.8 },
      ],
      decimals: 1,
    };
    expect(trendDirection(input)).toBe('worse');
    expect(trendDirection({ ...input, comparison: [{ year: 2013, value: 25.1 }] })).toBe('unknown');
  });
});
