/** Texts shared by many pages: the domain's values in words, and small recurring phrases. */
import {
  BODY_KIND_LABELS,
  decisionDateText,
  inForceText,
  OUTCOME_LABELS,
  STANDING_LABELS,
} from '../../../domain/adoption/adoption-sv.js';
import type { BodyKind, DecisionDate, DecisionOutcome } from '../../../domain/adoption/decision.js';
import type { Gender } from '../../../domain/indicators/indicator.js';
import { GENDER_LABELS_SV } from '../../../domain/indicators/indicator.js';
import type { GroupFigureKind } from '../../../domain/indicators/group-figures.js';
import { GROUP_FIGURE_LABELS_SV } from '../../../domain/indicators/group-figures.js';
import { VERDICT_LABELS_SV, type Verdict } from '../../../domain/indicators/target-verdict.js';
import { EXAMPLE_FIGURES_NOTICE, EXAMPLE_PLAN_NOTICE } from '../../../domain/plans/example-notices.js';
import type { ProgrammeStatus, Standing } from '../../../domain/programme/programme-status.js';
import { programmeStatusLabel } from '../../../domain/programme/programme-status.js';
import { formatLongDate, formatYearRange, MONTHS_SV } from '../../format.js';

export const common = {
  /** The name of the service, as in the page title "{title} – samverkan". */
  serviceName: 'samverkan',
  /** The language's own name, on the language switch that leads to it. */
  languageName: 'Svenska',
  start: 'Start',
  source: 'Källa',
  sourceColon: (source: string) => `Källa: ${source}`,
  /** A missing value in a table: never 0. */
  missing: 'saknas',
  noData: 'Inga uppgifter',
  exampleTag: 'Exempel',
  examplePlanNotice: EXAMPLE_PLAN_NOTICE,
  exampleFiguresNotice: EXAMPLE_FIGURES_NOTICE,
  /** A programme's status, with the count while it is being adopted: "Antas (3 av 8)". */
  statusLabel: (status: Pick<ProgrammeStatus, 'kind' | 'adoptedCount' | 'requiredCount'>): string =>
    programmeStatusLabel(status),
  /** One sentence on when the programme applies. */
  inForce: (status: ProgrammeStatus): string => inForceText(status),
  decisionDate: (date: DecisionDate | null): string => decisionDateText(date),
  outcome: OUTCOME_LABELS as Record<DecisionOutcome, string>,
  standing: STANDING_LABELS as Record<Standing, string>,
  bodyKind: BODY_KIND_LABELS as Record<BodyKind, string>,
  yearRange: (from: number, to: number | null): string => formatYearRange(from, to),
  validity: (from: number | null, to: number | null): string =>
    from === null ? 'Inte angiven' : formatYearRange(from, to),
  targetYear: (year: number | null): string => (year === null ? 'Inte angivet' : String(year)),
  verdict: VERDICT_LABELS_SV as Record<Verdict, string>,
  gender: GENDER_LABELS_SV as Record<Gender, string>,
  groupFigure: GROUP_FIGURE_LABELS_SV as Record<GroupFigureKind, string>,
  /** Links to a document in its forms (components/document-links.tsx). */
  documentAsPage: (name: string) => `${name} som webbsida`,
  documentAsWord: (name: string) => `${name} som Word-fil (DOCX)`,
  documentAsPdf: (name: string) => `${name} som PDF`,
  pdfUnavailable: (name: string) => `${name} som PDF: kan inte skapas på den här servern (Chromium saknas).`,
  /** `2019-10-11` → 11 oktober 2019. */
  longDate: (isoDate: string): string => formatLongDate(isoDate),
  /** 2019, 10 → oktober 2019. */
  monthYear: (year: number, month: number): string => `${MONTHS_SV[month - 1]} ${year}`,
  yes: 'Ja',
  no: 'Nej',
  show: 'Visa',
};

export type CommonTexts = typeof common;
