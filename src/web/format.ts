/**
 * Swedish display formats for the view layer. Storage and domain keep ISO text and plain numbers;
 * pages call these.
 *
 * Numbers come from `src/domain/format-sv.ts` (re-exported here), so that the Swedish sentences
 * the domain writes (e.g. target verdicts) show exactly the figures the pages show.
 */
import { isIsoDate } from '../domain/dates.js';
import { currentLocale } from './i18n/locale.js';

export { formatNumber, THOUSANDS_SEPARATOR, type NumberFormatOptions } from '../domain/format-sv.js';

/** The months' names in Swedish, lower case, January first. */
export const MONTHS_SV = [
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
  return `${day} ${MONTHS_SV[month - 1]} ${year}`;
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
 * `'2026-11-27 kl. 11.00'` (winter time, UTC+1). Hours and minutes with a full stop, as Språkrådet writes;
 * on English pages `'2026-11-27 11:00'` (Swedish time still).
 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Ingen tidpunkt: ${JSON.stringify(iso)}`);
  const parts = dateTimeFormatter.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('year')}-${part('month')}-${part('day')}`;
  // English pages write the time as English does (24-hour clock with a colon); Swedish as Språkrådet.
  return currentLocale() === 'en'
    ? `${day} ${part('hour')}:${part('minute')}`
    : `${day} kl. ${part('hour')}.${part('minute')}`;
}
