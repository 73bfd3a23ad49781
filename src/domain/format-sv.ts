/**
 * Swedish number formats. Pure, so that the domain can write its Swedish sentences (target
 * verdicts, group figure explanations) with exactly the figures pages show; `src/web/format.ts`
 * re-exports `formatNumber` from here.
 *
 * Numbers: sv-SE groups thousands with U+00A0 NO-BREAK SPACE (so "1 234" never wraps inside a
 * number), uses a decimal comma and writes negatives with U+2212 MINUS SIGN, as Swedish typography
 * does. We normalise any other space ICU might use (U+202F, U+0020) to U+00A0 so the output is the
 * same on every Node build; tests compare against `\u00a0` explicitly.
 */

/** The thousands separator every formatted number uses: U+00A0 NO-BREAK SPACE. */
export const THOUSANDS_SEPARATOR = '\u00a0';

/** Between a number and its unit: a no-break space too, so "12,5 procent" stays on one line. */
export const UNIT_SEPARATOR = '\u00a0';

export interface NumberFormatOptions {
  /** Fixed number of decimals (both minimum and maximum); otherwise up to 3, trailing zeros dropped. */
  decimals?: number;
}

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormatter(decimals: number | undefined): Intl.NumberFormat {
  const key = String(decimals);
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(
      'sv-SE',
      decimals === undefined ? {} : { minimumFractionDigits: decimals, maximumFractionDigits: decimals },
    );
    formatters.set(key, formatter);
  }
  return formatter;
}

/** `formatNumber(1234.5) === '1\u00a0234,5'`; NaN and ±Infinity are programming errors and throw. */
export function formatNumber(value: number, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) throw new RangeError(`formatNumber: inget ändligt tal: ${value}`);
  return numberFormatter(options.decimals)
    .format(value)
    .replace(/[\u0020\u202f]/g, THOUSANDS_SEPARATOR);
}

/**
 * Units that are not written after the number: "antal" is what Kolada calls a plain count, and
 * "1 234 antal" is not Swedish.
 */
const SILENT_UNITS = new Set(['', 'antal']);

/** Units of shares, whose differences are "procentenheter" / "promilleenheter", not "procent". */
const DIFFERENCE_UNITS: Readonly<Record<string, string>> = {
  procent: 'procentenheter',
  '%': 'procentenheter',
  promille: 'promilleenheter',
  '‰': 'promilleenheter',
};

/**
 * A value with its unit: `formatValue(12.5, 'procent', 1) === '12,5\u00a0procent'`,
 * `formatValue(1234, 'invånare', 0) === '1\u00a0234\u00a0invånare'`; the unit `antal` (and an empty
 * unit) gives the number alone.
 */
export function formatValue(value: number, unit: string, decimals: number): string {
  const number = formatNumber(value, { decimals });
  const trimmed = unit.trim();
  return SILENT_UNITS.has(trimmed.toLowerCase()) ? number : `${number}${UNIT_SEPARATOR}${trimmed}`;
}

/**
 * The unit of a difference between two values of `unit`: the difference between 21 and 25 procent
 * is 4 procentenheter (4 percentage points), not 4 procent, which would be a relative change.
 * Other units are their own difference unit (kronor minus kronor is kronor).
 */
export function differenceUnit(unit: string): string {
  const trimmed = unit.trim();
  return DIFFERENCE_UNITS[trimmed.toLowerCase()] ?? trimmed;
}

/**
 * The size of a difference with its difference unit, without sign (sentences say "över" or
 * "under"): `formatDifference(-4.1, 'procent', 1) === '4,1\u00a0procentenheter'`.
 */
export function formatDifference(difference: number, unit: string, decimals: number): string {
  return formatValue(Math.abs(difference), differenceUnit(unit), decimals);
}

/** True when the unit is a share, so a sentence says "andelen" rather than "värdet". */
export function isShareUnit(unit: string): boolean {
  return differenceUnit(unit) !== unit.trim();
}

/** A value with its indicator's decimals, or "saknas": a missing value is never shown as 0 (nor as NaN). */
export const valueText = (value: number | null | undefined, decimals: number): string =>
  value === null || value === undefined || !Number.isFinite(value) ? 'saknas' : formatNumber(value, { decimals });
