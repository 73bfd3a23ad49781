import type { DecisionDate } from '../../../domain/adoption/decision.js';
import type { ProgrammeStatus } from '../../../domain/programme/programme-status.js';
import type { CommonTexts } from '../sv/common.js';

/** "2019-10-11", "on or before 2019-10-11" or "date unknown" (dates stay ISO on English pages too). */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const decisionDate = (date: DecisionDate | null): string => {
  if (!date || date.precision === 'unknown') return 'date unknown';
  return date.precision === 'exact' ? date.date : `on or before ${date.date}`;
};

const yearRange = (from: number, to: number | null): string =>
  to === null ? `from ${from}` : to === from ? String(from) : `${from}\u2013${to}`;

/** For a programme no longer in force: when it had come into force, if its own adoption shows it. */
const tookEffect = (status: ProgrammeStatus): string => {
  if (!status.tookEffect || !status.inForceFrom) return '';
  return status.inForceFrom.precision === 'unknown'
    ? 'Was in force from an unknown date.'
    : `Was in force from ${decisionDate(status.inForceFrom)}.`;
};

function inForce(status: ProgrammeStatus): string {
  switch (status.kind) {
    case 'draft':
      return 'Draft: the programme has not been proposed for decision.';
    case 'proposed':
      return 'Proposed: no decision has been recorded yet.';
    case 'adopting':
      return status.inForceFrom
        ? `Adopted by all; in force from ${decisionDate(status.inForceFrom)}.`
        : `${status.adoptedCount} of ${status.requiredCount} have adopted the programme. It applies when all have adopted it.`;
    case 'in_force':
      return status.inForceFrom?.precision === 'unknown' || !status.inForceFrom
        ? 'In force. The day it came into force is not known.'
        : `In force since ${decisionDate(status.inForceFrom)}.`;
    case 'replaced':
      return [
        tookEffect(status),
        status.replacedFrom && status.replacedFrom.precision !== 'unknown'
          ? `Replaced ${decisionDate(status.replacedFrom)}.`
          : 'Replaced by a later programme.',
      ]
        .filter(Boolean)
        .join(' ');
    case 'expired':
      return [tookEffect(status), status.expiredOn ? `Its period of validity ended ${status.expiredOn}.` : '']
        .filter(Boolean)
        .join(' ');
  }
}

export const common: CommonTexts = {
  serviceName: 'samverkan',
  languageName: 'English',
  start: 'Home',
  source: 'Source',
  sourceColon: (source) => `Source: ${source}`,
  missing: 'no value',
  noData: 'No data',
  exampleTag: 'Example',
  examplePlanNotice: 'Example: this plan is invented to show the service; it is not a real plan of the cooperation.',
  exampleFiguresNotice:
    'Example: the figures are based on invented example plans that show the service; they are not the cooperation’s real plans.',
  statusLabel: (status) => {
    switch (status.kind) {
      case 'draft':
        return 'Draft';
      case 'proposed':
        return 'Proposed';
      case 'adopting':
        return `Being adopted (${status.adoptedCount} of ${status.requiredCount})`;
      case 'in_force':
        return 'In force';
      case 'replaced':
        return 'Replaced';
      case 'expired':
        return 'Expired';
    }
  },
  inForce,
  decisionDate,
  outcome: { adopted: 'Adopted', rejected: 'Rejected', referred_back: 'Referred back' },
  standing: {
    adopted: 'Has adopted',
    rejected: 'Has rejected',
    referred_back: 'Referred back',
    none: 'No decision recorded',
  },
  bodyKind: {
    committee: 'Cooperation committee (Samarbetskommittén)',
    management_group: 'Management group (Ledningsgruppen)',
    board: 'Municipal executive board (Kommunstyrelsen)',
    board_committee: 'Committee of the municipal executive board',
  },
  yearRange,
  validity: (from, to) => (from === null ? 'Not stated' : yearRange(from, to)),
  targetYear: (year) => (year === null ? 'Not stated' : String(year)),
  verdict: {
    on_track: 'On track',
    at_risk: 'At risk of missing the target',
    off_track: 'Off track',
    no_data: 'Not enough data',
  },
  gender: { T: 'Total', K: 'Women', M: 'Men' },
  groupFigure: {
    unweighted_mean: 'Unweighted mean',
    weighted_mean: 'Population-weighted mean',
    sum: 'Sum',
  },
  documentAsPage: (name) => `${name} as a web page (in Swedish)`,
  documentAsWord: (name) => `${name} as a Word file (DOCX, in Swedish)`,
  documentAsPdf: (name) => `${name} as a PDF (in Swedish)`,
  pdfUnavailable: (name) => `${name} as a PDF: cannot be made on this server (Chromium is missing).`,
  longDate: (isoDate: string): string => {
    const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
    return `${day} ${MONTHS[month - 1]} ${year}`;
  },
  monthYear: (year: number, month: number): string => `${MONTHS[month - 1]} ${year}`,
  yes: 'Yes',
  no: 'No',
  show: 'Show',
};
