import { isIsoDate, type IsoDate } from '../dates.js';

/**
 * Dates as Swedish documents write them: "2019-10-14", "14 oktober 2019", "den 14 okt. 2019",
 * "2019.10.14", "14.10.2019", "14/10 2019" (and "14/10-2019"). Only real calendar dates are kept
 * ("2019-02-30" is not a date); each comes back as ISO with where it was found.
 */

export interface FoundDate {
  at: number;
  length: number;
  text: string;
  iso: IsoDate;
}

const MONTHS: readonly [RegExp, number][] = [
  [/^jan/, 1],
  [/^feb/, 2],
  [/^mar/, 3],
  [/^apr/, 4],
  [/^maj/, 5],
  [/^jun/, 6],
  [/^jul/, 7],
  [/^aug/, 8],
  [/^sep/, 9],
  [/^okt/, 10],
  [/^nov/, 11],
  [/^dec/, 12],
];

const MONTH_NAMES =
  'januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|' +
  'jan|febr|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec';

const NOT_AFTER = '(?<![\\p{L}\\p{N}/:.-])';
const NOT_BEFORE = '(?![\\p{N}])';

/** Each form, with how to read its groups as [year, month, day]. */
const FORMS: readonly { re: RegExp; ymd: (m: RegExpExecArray) => [string, string, string] }[] = [
  // 2019-10-14 (not a diarienummer's "2019-1234": two-digit month and day are at most two digits).
  {
    re: new RegExp(`${NOT_AFTER}((?:19|20)\\d{2})-(\\d{1,2})-(\\d{1,2})${NOT_BEFORE}(?![-/])`, 'gu'),
    ymd: (m) => [m[1]!, m[2]!, m[3]!],
  },
  // 2019.10.14
  {
    re: new RegExp(`${NOT_AFTER}((?:19|20)\\d{2})\\.(\\d{1,2})\\.(\\d{1,2})${NOT_BEFORE}`, 'gu'),
    ymd: (m) => [m[1]!, m[2]!, m[3]!],
  },
  // 14.10.2019
  {
    re: new RegExp(`${NOT_AFTER}(\\d{1,2})\\.(\\d{1,2})\\.((?:19|20)\\d{2})${NOT_BEFORE}`, 'gu'),
    ymd: (m) => [m[3]!, m[2]!, m[1]!],
  },
  // 14 oktober 2019, 14 okt. 2019, 1:a maj 2019 (line breaks between the parts are allowed: OCR)
  {
    re: new RegExp(
      `${NOT_AFTER}(\\d{1,2})(?::[ae])?\\s+(${MONTH_NAMES})(?![\\p{L}])\\.?,?\\s+((?:19|20)\\d{2})${NOT_BEFORE}`,
      'giu',
    ),
    ymd: (m) => [m[3]!, String(monthNumber(m[2]!)), m[1]!],
  },
  // 14/10 2019, 14/10-2019
  {
    re: new RegExp(`${NOT_AFTER}(\\d{1,2})/(\\d{1,2})(?:\\s+|-)((?:19|20)\\d{2})${NOT_BEFORE}`, 'gu'),
    ymd: (m) => [m[3]!, m[2]!, m[1]!],
  },
];

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  return MONTHS.find(([re]) => re.test(lower))?.[1] ?? 0;
}

const toIso = (y: string, m: string, d: string): string => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

/** Every date in `text`, in order of position (overlapping readings: the earlier, then longer, wins). */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const form of FORMS) {
    for (const m of text.matchAll(form.re)) {
      const [y, mo, d] = form.ymd(m);
      const iso = toIso(y, mo, d);
      if (isIsoDate(iso)) found.push({ at: m.index, length: m[0].length, text: m[0], iso });
    }
  }
  found.sort((a, b) => a.at - b.at || b.length - a.length);
  const kept: FoundDate[] = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (last && f.at < last.at + last.length) continue;
    kept.push(f);
  }
  return kept;
}

/** The ISO date `text` is (nothing else but spaces around it), or null. */
export function parseSwedishDate(text: string): IsoDate | null {
  const trimmed = text.trim();
  const [first] = findDates(trimmed);
  return first && first.at === 0 && first.length === trimmed.length ? first.iso : null;
}

/** The first date beginning within `maxGap` characters after `from` (only spaces, ':' or "den" between). */
export function dateRightAfter(text: string, from: number, dates: readonly FoundDate[], maxGap = 40): FoundDate | null {
  for (const d of dates) {
    if (d.at < from) continue;
    if (d.at - from > maxGap) return null;
    const between = text.slice(from, d.at);
    return /^[\s:.,]*(?:den\s+)?$/iu.test(between) ? d : null;
  }
  return null;
}
