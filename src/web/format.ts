/**
 * Swedish display formats for the view layer. Storage and domain keep ISO text and plain numbers;
 * only pages call these.
 *
 * Numbers: sv-SE groups thousands with U+00A0 NO-BREAK SPACE (so "1 234" never wraps inside a
 * number), uses a decimal comma and writes negatives with U+2212 MINUS SIGN, as Swedish typography
 * does. We normalise any other space ICU might use (U+202F, U+0020) to U+00A0 so the output is the
 * same on every Node build; tests compare against `\u00a0` explicitly.
 */
import { isIsoDate } from '../domain/dates.js';

/** The thousands separator every formatted number uses: U+00A0 NO-BREAK SPACE. */
export const THOUSANDS_SEPARATOR = '\u00a0';

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

const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
] as const;

function assertIsoDate(value: string): void {
  // Storage guarantees ISO dates; anything else reaching a page is a bug, not user input.
  if (!isIsoDate(value)) throw new RangeError(`Inget ISO-datum (ÅÅÅÅ-MM-DD): ${JSON.stringify(value)}`);
}

/** Short Swedish date: ISO style, as Swedish authorities write it. `'2019-10-11'` → `'2019-10-11'`. */
export function formatDate(isoDate: string): string {
  assertIsoDate(isoDate);
  return isoDate;
}

/** Long Swedish date: `'2019-10-11'` → `'11 oktober 2019'` (no leading zero, month in lower case). */
export function formatLongDate(isoDate: string): string {
  assertIsoDate(isoDate);
  // Own month names instead of Intl.DateTimeFormat: no time zone can shift the day.
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * A span of years with an en dash: `formatYearRange(2019, 2022) === '2019–2022'`. One year gives
 * `'2019'`; an open end (`to` null) gives `'från 2019'`, which reads better aloud than "2019–".
 */
export function formatYearRange(from: number, to: number | null): string {
  if (to === null) return `från ${from}`;
  if (to === from) return String(from);
  return `${from}\u2013${to}`;
}

const dateTimeFormatter = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * A moment as Swedish time in Sweden, whatever the server's time zone: `'2026-11-27T10:00:00Z'` →
 * `'2026-11-27 kl. 11.00'` (winter time, UTC+1). Hours and minutes with a full stop, as Språkrådet writes.
 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Ingen tidpunkt: ${JSON.stringify(iso)}`);
  const parts = dateTimeFormatter.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} kl. ${part('hour')}.${part('minute')}`;
}
