/**
 * Swedish words for decisions on programmes and for a programme's standing: outcomes, standings, the
 * bodies that decide, decision dates and the sentence on when a programme applies. One place for the
 * pages (src/web/present.ts re-exports them) and the documents (src/app/documents/).
 */
import type { BodyKind, DecisionDate, DecisionOutcome } from './decision.js';
import type { ProgrammeStatus, Standing } from '../programme/programme-status.js';

export const OUTCOME_LABELS: Readonly<Record<DecisionOutcome, string>> = {
  adopted: 'Antaget',
  rejected: 'Avslaget',
  referred_back: 'Återremitterat',
};

export const STANDING_LABELS: Readonly<Record<Standing, string>> = {
  adopted: 'Har antagit',
  rejected: 'Har avslagit',
  referred_back: 'Återremitterat',
  none: 'Inget beslut registrerat',
};

export const BODY_KIND_LABELS: Readonly<Record<BodyKind, string>> = {
  committee: 'Samarbetskommittén',
  management_group: 'Ledningsgruppen',
  board: 'Kommunstyrelsen',
  board_committee: 'Kommunstyrelsens utskott',
};

/** "2019-10-11", "senast 2019-10-11" or "datum okänt". */
export function decisionDateText(date: DecisionDate | null): string {
  if (!date || date.precision === 'unknown') return 'datum okänt';
  return date.precision === 'exact' ? date.date : `senast ${date.date}`;
}

/** For a programme no longer in force: when it had come into force, if its own adoption shows it. */
function tookEffectText(status: ProgrammeStatus): string {
  if (!status.tookEffect || !status.inForceFrom) return '';
  return status.inForceFrom.precision === 'unknown'
    ? 'Gällde från ett okänt datum.'
    : `Gällde från ${decisionDateText(status.inForceFrom)}.`;
}

/** One sentence on when the programme applies, from its status (as the programme page says it). */
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
      return [tookEffectText(status), status.expiredOn ? `Giltighetsperioden slutade ${status.expiredOn}.` : '']
        .filter(Boolean)
        .join(' ');
  }
}
