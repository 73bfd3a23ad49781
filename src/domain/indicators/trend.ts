/**
 * A straight-line trend through yearly values: ordinary least squares, the line a spreadsheet's
 * "linear trendline" draws, so anyone can check it.
 */

export interface YearValue {
  year: number;
  /** Null is "no value" and is left out, never read as 0. */
  value: number | null;
}

export interface LinearTrend {
  /** Change per year. */
  slope: number;
  /** The line's value in year 0 (`value = intercept + slope · year`). */
  intercept: number;
  /** The line's value in `year`. */
  valueAt(year: number): number;
}

/**
 * The least-squares line through the points with a value; null when fewer than two distinct years
 * have one (no line can be drawn through a single year). Values that are not finite numbers are
 * left out like nulls.
 */
export function linearTrend(points: readonly YearValue[]): LinearTrend | null {
  const known = points.filter(
    (p): p is { year: number; value: number } => p.value !== null && Number.isFinite(p.value),
  );
  if (new Set(known.map((p) => p.year)).size < 2) return null;

  // Centred on the mean year and value, so years around 2000 lose no precision in the squares.
  const n = known.length;
  const meanYear = known.reduce((s, p) => s + p.year, 0) / n;
  const meanValue = known.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of known) {
    sxy += (p.year - meanYear) * (p.value - meanValue);
    sxx += (p.year - meanYear) ** 2;
  }
  const slope = sxy / sxx;
  return {
    slope,
    intercept: meanValue - slope * meanYear,
    valueAt: (year: number) => meanValue + slope * (year - meanYear),
  };
}
