import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearTrend } from './trend.js';

/** Equal up to rounding: relative to the size of the numbers, since slopes can be large. */
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

describe('linearTrend', () => {
  it('recovers a straight line exactly', () => {
    const trend = linearTrend([
      { year: 2000, value: 10 },
      { year: 2001, value: 12 },
      { year: 2003, value: 16 },
    ])!;
    expect(trend.slope).toBeCloseTo(2, 12);
    expect(trend.intercept).toBeCloseTo(10 - 2 * 2000, 8);
    expect(trend.valueAt(2010)).toBeCloseTo(30, 10);
  });

  it('is the least-squares line through scattered points', () => {
    // x = 0, 1, 2; y = 1, 3, 2: slope 0.5, line through the means (1, 2).
    const trend = linearTrend([
      { year: 2020, value: 1 },
      { year: 2021, value: 3 },
      { year: 2022, value: 2 },
    ])!;
    expect(trend.slope).toBeCloseTo(0.5, 12);
    expect(trend.valueAt(2021)).toBeCloseTo(2, 12);
  });

  it('leaves nulls out instead of reading them as 0', () => {
    const trend = linearTrend([
      { year: 2000, value: 5 },
      { year: 2001, value: null },
      { year: 2002, value: 7 },
    ])!;
    expect(trend.slope).toBeCloseTo(1, 12);
    expect(trend.valueAt(2001)).toBeCloseTo(6, 12);
  });

  it('is null with fewer than two distinct years', () => {
    expect(linearTrend([])).toBeNull();
    expect(linearTrend([{ year: 2000, value: 5 }])).toBeNull();
    expect(
      linearTrend([
        { year: 2000, value: 5 },
        { year: 2000, value: 6 },
        { year: 2001, value: null },
      ]),
    ).toBeNull();
  });

  it('goes through the mean point and does not depend on the order of the points', () => {
    const point = fc.record({
      year: fc.integer({ min: 1990, max: 2040 }),
      value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(point, { minLength: 2, maxLength: 20 }), (points) => {
        const trend = linearTrend(points);
        if (new Set(points.map((p) => p.year)).size < 2) {
          expect(trend).toBeNull();
          return;
        }
        const meanYear = points.reduce((s, p) => s + p.year, 0) / points.length;
        const meanValue = points.reduce((s, p) => s + p.value, 0) / points.length;
        expect(close(trend!.valueAt(meanYear), meanValue)).toBe(true);
        const reversed = linearTrend([...points].reverse())!;
        expect(close(reversed.slope, trend!.slope)).toBe(true);
        expect(close(reversed.valueAt(meanYear), meanValue)).toBe(true);
      }),
    );
  });
});
