/** Swedish words for the domain's values, in one place for every page. */
import type { BodyKind, DecisionDate, DecisionOutcome } from '../domain/adoption/decision.js';
import type { ProgrammeStatus, Standing } from '../domain/programme/programme-status.js';
import { programmeStatusLabel } from '../domain/programme/programme-status.js';
import type { ProgrammeSummary } from '../domain/programme/programme.js';
import type { Aggregation, IndicatorOrigin } from '../domain/indicators/indicator.js';
import type { ImportRecord } from '../storage/indicator.repository.js';
import { formatDate, formatNumber, formatYearRange } from './format.js';

export const OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  adopted: 'Antaget',
  rejected: 'Avslaget',
  referred_back: 'Återremitterat',
};

/** The same outcomes agreeing with "planen" (common gender). */
export const PLAN_OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  adopted: 'Antagen',
  rejected: 'Avslagen',
  referred_back: 'Återremitterad',
};

export const STANDING_LABELS: Record<Standing, string> = {
  adopted: 'Har antagit',
  rejected: 'Har avslagit',
  referred_back: 'Återremitterat',
  none: 'Inget beslut registrerat',
};

export const BODY_KIND_LABELS: Record<BodyKind, string> = {
  committee: 'Samarbetskommittén',
  management_group: 'Ledningsgruppen',
  board: 'Kommunstyrelsen',
  board_committee: 'Kommunstyrelsens utskott',
};

/** "2019-10-11", "senast 2019-10-11" or "datum okänt". */
export function decisionDateText(date: DecisionDate | null): string {
  if (!date || date.precision === 'unknown') return 'datum okänt';
  return date.precision === 'exact' ? formatDate(date.date) : `senast ${formatDate(date.date)}`;
}

export const statusLabel = (status: ProgrammeStatus): string => programmeStatusLabel(status);

/** For a programme no longer in force: when it had come into force, if its own adoption shows it. */
function tookEffectText(status: ProgrammeStatus): string {
  if (!status.tookEffect || !status.inForceFrom) return '';
  return status.inForceFrom.precision === 'unknown'
    ? 'Gällde från ett okänt datum.'
    : `Gällde från ${decisionDateText(status.inForceFrom)}.`;
}

/** One sentence on when the programme applies, from its status. */
export function inForceText(status: ProgrammeStatus): string {
  switch (status.kind) {
    case 'draft':
      return 'Utkast: programmet har inte föreslagits för beslut.';
    case 'proposed':
      return 'Föreslaget: inget beslut är registrerat ännu.';
    case 'adopting':
      return status.inForceFrom
        ? `Antaget av alla; gäller från ${decisionDateText(status.inForceFrom)}.`
        : `${status.adoptedCount} av ${status.requiredCount} har antagit programmet. Det gäller när alla har antagit det.`;
    case 'in_force':
      return status.inForceFrom?.precision === 'unknown' || !status.inForceFrom
        ? 'Gällande. Dagen det trädde i kraft är inte känd.'
        : `Gällande sedan ${decisionDateText(status.inForceFrom)}.`;
    case 'replaced':
      return [
        tookEffectText(status),
        status.replacedFrom && status.replacedFrom.precision !== 'unknown'
          ? `Ersatt ${decisionDateText(status.replacedFrom)}.`
          : 'Ersatt av ett senare program.',
      ]
        .filter(Boolean)
        .join(' ');
    case 'expired':
      return [tookEffectText(status), `Giltighetsperioden slutade ${status.expiredOn ?? ''}.`]
        .filter(Boolean)
        .join(' ');
  }
}

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

/** A value with its indicator's decimals, or "saknas" (a missing value is never shown as 0). */
export const valueText = (value: number | null | undefined, decimals: number): string =>
  value === null || value === undefined ? 'saknas' : formatNumber(value, { decimals });
