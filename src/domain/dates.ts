/** Dates are ISO `YYYY-MM-DD` text everywhere below the view layer. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written as YYYY-MM-DD (2019-02-30 is not). */
export function isIsoDate(value: string): value is IsoDate {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** ISO dates compare correctly as strings; this names the intent. */
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);

export const startOfYear = (year: number): IsoDate => `${String(year).padStart(4, '0')}-01-01`;
export const endOfYear = (year: number): IsoDate => `${String(year).padStart(4, '0')}-12-31`;

/**
 * sv-SE formats as YYYY-MM-DD. Made once: constructing an Intl.DateTimeFormat (ICU's locale and time
 * zone data) costs far more than formatting with one, and pages ask for today's date many times.
 */
const SWEDISH_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

/** The last minute asked for and its date: a page asks for today's date many times within a minute. */
let lastMinute = Number.NaN;
let lastDate = '';

/** Today's date in Sweden, as the clock says. */
export function todayInSweden(now: Date = new Date()): IsoDate {
  // Sweden's offset from UTC is whole hours: every moment of a UTC minute has the same Swedish date.
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDate = SWEDISH_DATE.format(now);
    lastMinute = minute;
  }
  return lastDate;
}
