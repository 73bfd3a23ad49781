/**
 * Numbers as Swedish users write them in CSV files and text cells.
 *
 * Accepted forms (the contract of `parseSwedishNumber`):
 * - decimal comma: `12,5`; a single decimal point too: `12.5` (Kolada's and English exports);
 * - thousands grouped by a space, a no-break space (U+00A0), a narrow no-break space (U+202F)
 *   or a thin space (U+2009), in groups of exactly three digits: `1 234 567,5`;
 * - thousands grouped by points only before a decimal comma, or as several point groups:
 *   `1.234,5`, `1.234.567` — unambiguous, since a number has at most one decimal mark;
 * - minus as `-`, U+2212 (−) or an en dash (–) before the digits; a leading `+`;
 * - a trailing percent sign, with or without space: `45 %` → 45 (the figure is kept as written,
 *   not turned into a share).
 *
 * Refused as ambiguous: a single point with a comma after it in the wrong place, commas as
 * thousands separators (`1,234.5`, `1,234,567`) — the comma is the Swedish decimal mark, so a
 * silent guess could be off by a factor of a thousand. Note that `1.234` (one point, no comma) is
 * read as one point two three four: a point alone is always a decimal point.
 */

/** Spellings of "no value"; they give `null`, never 0. Compared case-insensitively after trimming. */
const MISSING = new Set([
  '',
  '..',
  '.',
  '…',
  '-',
  '–',
  '—',
  '−',
  'x',
  'na',
  'n/a',
  '#saknas!',
  'saknas',
  'uppgift saknas',
]);

const GROUP_SPACES = /[ \u00a0\u202f\u2009]/;
const MINUS = /^[-\u2212\u2013]/;

export type ParsedNumber = { ok: true; value: number | null } | { ok: false };

export function isMissingToken(text: string): boolean {
  return MISSING.has(text.trim().toLowerCase());
}

/** Parses one cell's text; `{ ok: true, value: null }` for the spellings of a missing value. */
export function parseSwedishNumber(text: string): ParsedNumber {
  let s = text.trim();
  if (isMissingToken(s)) return { ok: true, value: null };
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();

  let sign = 1;
  if (MINUS.test(s)) {
    sign = -1;
    s = s.slice(1).trimStart();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trimStart();
  }

  const normalised = normaliseDigits(s);
  if (normalised === null) return { ok: false };
  const value = sign * Number(normalised);
  return Number.isFinite(value) ? { ok: true, value: value === 0 ? 0 : value } : { ok: false };
}

/** Returns the number in JavaScript's syntax (`1234.5`), or null when the text is not one of the accepted forms. */
function normaliseDigits(s: string): string | null {
  const commas = count(s, ',');
  const points = count(s, '.');
  if (commas > 1) return null;

  let intPart: string | null;
  let fraction: string | undefined;
  if (commas === 1) {
    [intPart, fraction] = s.split(',') as [string, string];
    if (points > 0) intPart = ungroup(intPart, '.');
  } else if (points === 1) {
    [intPart, fraction] = s.split('.') as [string, string];
  } else if (points > 1) {
    intPart = ungroup(s, '.');
  } else {
    intPart = s;
  }

  if (intPart !== null && GROUP_SPACES.test(intPart)) intPart = ungroup(intPart, GROUP_SPACES);
  if (intPart === null) return null;
  // ",5" is read as 0,5; a fraction alone needs its digits.
  if (intPart === '' && fraction) intPart = '0';
  if (!/^\d+$/.test(intPart)) return null;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return null;
  return fraction === undefined ? intPart : `${intPart}.${fraction}`;
}

/** Joins digit groups "1", "234", "567" separated by `separator`; null unless every later group has three digits. */
function ungroup(s: string, separator: string | RegExp): string | null {
  const groups = s.split(separator);
  const [first, ...rest] = groups;
  if (first === undefined || !/^\d{1,3}$/.test(first)) return null;
  if (!rest.every((g) => /^\d{3}$/.test(g))) return null;
  return groups.join('');
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}
