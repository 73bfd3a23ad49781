/** Swedish words for the domain's values, in one place for every page. */
import type { DecisionOutcome } from '../domain/adoption/decision.js';
import type { ProgrammeStatus } from '../domain/programme/programme-status.js';
import { programmeStatusLabel } from '../domain/programme/programme-status.js';
import type { ProgrammeSummary } from '../domain/programme/programme.js';
import type { Aggregation, IndicatorOrigin } from '../domain/indicators/indicator.js';
import type { ImportRecord } from '../domain/indicators/import-record.js';
import { formatNumber, formatYearRange } from './format.js';
import { texts } from './i18n/texts.js';

export {
  BODY_KIND_LABELS,
  decisionDateText,
  inForceText,
  OUTCOME_LABELS,
  STANDING_LABELS,
} from '../domain/adoption/adoption-sv.js';

/** The same outcomes agreeing with "planen" (common gender). */
export const PLAN_OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  adopted: 'Antagen',
  rejected: 'Avslagen',
  referred_back: 'Återremitterad',
};

export const statusLabel = (status: ProgrammeStatus): string => programmeStatusLabel(status);

export function validityText(p: Pick<ProgrammeSummary, 'validFromYear' | 'validToYear'>): string {
  return p.validFromYear === null ? 'Inte angiven' : formatYearRange(p.validFromYear, p.validToYear);
}

export const targetYearText = (p: Pick<ProgrammeSummary, 'targetYear'>): string =>
  p.targetYear === null ? 'Inte angivet' : String(p.targetYear);

export const ORIGIN_LABELS: Record<IndicatorOrigin, string> = {
  kolada: 'Kolada',
  local: 'Eget nyckeltal',
};

export const AGGREGATION_LABELS: Record<Aggregation, string> = {
  mean: 'Andel eller medelvärde: gruppen redovisas som medelvärde',
  sum: 'Antal: gruppen redovisas som summa',
};

export const IMPORT_STATUS_LABELS: Record<ImportRecord['status'], string> = {
  succeeded: 'Inläst',
  unchanged: 'Inga ändringar',
  failed: 'Misslyckades',
};

/**
 * A value with its indicator's decimals, or "saknas" ("no value" on English pages): a missing value is
 * never shown as 0. Numbers keep the Swedish format in both languages (see src/domain/format-sv.ts).
 */
export const valueText = (value: number | null | undefined, decimals: number): string =>
  value === null || value === undefined || !Number.isFinite(value)
    ? texts().common.missing
    : formatNumber(value, { decimals });
