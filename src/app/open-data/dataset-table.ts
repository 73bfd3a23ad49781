import type { ExportColumn, ExportRow } from '../../exports/table.js';

/**
 * One open dataset as a table: the same columns and rows go out as CSV, JSON and Excel, so the three
 * files can never say different things. Column keys are stable ASCII names (they are the JSON's keys);
 * headers are Swedish.
 */
export interface DatasetTable {
  columns: ExportColumn[];
  rows: ExportRow[];
  /** When anything in the dataset last changed (an ISO timestamp), or null when that is not known. */
  modified: string | null;
  /** The period the data covers (ISO dates), or null when it holds no dates. */
  temporal: { start: string; end: string } | null;
  /** What must go with the data wherever it is shown, e.g. that example plans are invented. */
  notices: string[];
}

/** The latest of some ISO timestamps (they sort as text), or null. */
export const latest = (timestamps: readonly (string | null | undefined)[]): string | null =>
  timestamps.reduce<string | null>((max, t) => (t && (max === null || t > max) ? t : max), null);

/** The whole years from the first to the last given, as dates; null without any. */
export function yearSpan(years: readonly (number | null | undefined)[]): DatasetTable['temporal'] {
  const known = years.filter((y): y is number => typeof y === 'number' && Number.isInteger(y));
  if (known.length === 0) return null;
  return { start: `${Math.min(...known)}-01-01`, end: `${Math.max(...known)}-12-31` };
}

/** From the first to the last of some ISO dates; null without any. */
export function dateSpan(dates: readonly (string | null | undefined)[]): DatasetTable['temporal'] {
  const known = dates.filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  return known.length === 0 ? null : { start: known[0]!, end: known.at(-1)! };
}

export const yesNo = (value: boolean): string => (value ? 'ja' : 'nej');
