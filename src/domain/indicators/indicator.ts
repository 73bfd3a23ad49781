/**
 * Key indicators (nyckeltal): what is measured, and the values per area, year and gender.
 * Pure types; storage maps rows to these, imports produce `ValueRow`s.
 */

/** Kolada's gender split: T = totalt, K = kvinnor, M = män. */
export type Gender = 'T' | 'K' | 'M';
export const GENDERS: readonly Gender[] = ['T', 'K', 'M'];
export const GENDER_LABELS_SV: Readonly<Record<Gender, string>> = { T: 'Totalt', K: 'Kvinnor', M: 'Män' };

/** Where an indicator's definition comes from: Kolada's catalogue, or our own (local) definition. */
export type IndicatorOrigin = 'kolada' | 'local';

/**
 * How the group figure is formed: `mean` for rates and shares (unweighted mean as Kolada's groups,
 * and a weighted mean when a weight indicator is known), `sum` for counts.
 */
export type Aggregation = 'mean' | 'sum';

export interface Indicator {
  id: number;
  /** Kolada KPI id (e.g. `N00945`) or a local key (e.g. `scb-sm-utbildning-3ar-25-64`). */
  key: string;
  origin: IndicatorOrigin;
  title: string;
  /** What exactly is measured, in Swedish. */
  definition: string;
  /** Unit as shown to users, e.g. `procent`, `antal`. */
  unit: string;
  /** Decimals shown. */
  decimals: number;
  aggregation: Aggregation;
  /** Key of the indicator whose values weight the weighted group mean (e.g. population aged 25–64). */
  weightKey: string | null;
  byGender: boolean;
  /** Where the values come from (free text with addresses). */
  source: string;
  licence: string;
  /** Bumped whenever a value of this indicator changes; charts are cached per version. */
  dataVersion: number;
}

/** One value; `value` null means "no value" (never 0). */
export interface IndicatorValue {
  areaCode: string;
  year: number;
  gender: Gender;
  value: number | null;
  /** Kolada's status, e.g. `Missing`, or null. */
  status: string | null;
}

/** One value as an import delivers it, before it is stored. */
export interface ValueRow extends IndicatorValue {
  indicatorKey: string;
}

/** The key of a value an import says is deleted at the source. */
export type ValueKey = Pick<ValueRow, 'indicatorKey' | 'areaCode' | 'year' | 'gender'>;

/** An area values are given for: a municipality (K), a region (L) or the nation (`0000`, Riket). */
export interface Area {
  code: string;
  title: string;
  /** Kolada's type: K municipality, L region/county, and `0000` Riket is L as in Kolada. */
  type: 'K' | 'L';
}

export const NATION_CODE = '0000';
export const YEAR_MIN = 1950;
export const YEAR_MAX = 2100;
