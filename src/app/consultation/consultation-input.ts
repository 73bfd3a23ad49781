/**
 * A consultation's forms as the web sends them (all text): the secretariat's settings, the public's
 * comment and report, the moderator's reason, the themes and the answers. Each field parses on its own
 * (parseEachField), so every problem shows at once. Messages are Swedish and say what to write.
 */
import { z } from 'zod';
import { isIsoDate } from '../../domain/dates.js';
import {
  ANSWER_OUTCOMES,
  DEFAULT_REPORTS_TO_HIDE,
  MAX_REPORTS_TO_HIDE,
  REPORT_REASONS,
} from '../../domain/consultation/consultation.js';
import { containsPersonnummer } from '../../domain/consultation/personnummer.js';
import { idList, optionalId, optionalText, requiredText } from '../input.js';

const MAX_ID = 2_147_483_647;

const isoDate = (label: string) =>
  requiredText(10, label).pipe(
    z.string().refine(isIsoDate, { error: `${label} ska vara ett datum som 2027-03-01 (år-månad-dag).` }),
  );

/** 0 for a record not saved before; otherwise the version the form was rendered with. */
export const formVersion = z.preprocess(
  (v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v),
  z
    .number({ error: 'Formuläret saknar versionsuppgift. Ladda om sidan och försök igen.' })
    .int()
    .min(0)
    .max(MAX_ID, { error: 'Formuläret har en ogiltig versionsuppgift. Ladda om sidan och försök igen.' }),
);

const REPORTS_RULE = `Skriv ett helt tal från 1 till ${MAX_REPORTS_TO_HIDE}.`;

export const consultationSettingsInput = z.object({
  startDate: isoDate('Första dagen'),
  endDate: isoDate('Sista dagen'),
  responsible: requiredText(200, 'Vem som tar emot synpunkterna'),
  description: optionalText(4000, 'Beskrivningen'),
  reportsToHide: z.preprocess(
    (v) =>
      v === undefined || v === null || (typeof v === 'string' && v.trim() === '')
        ? DEFAULT_REPORTS_TO_HIDE
        : typeof v === 'string' && /^\s*\d{1,4}\s*$/.test(v)
          ? Number(v)
          : v,
    z
      .number({ error: REPORTS_RULE })
      .int({ error: REPORTS_RULE })
      .min(1, { error: REPORTS_RULE })
      .max(MAX_REPORTS_TO_HIDE, { error: REPORTS_RULE }),
  ),
  version: formVersion,
});
export type ConsultationSettingsInput = z.output<typeof consultationSettingsInput>;

const PERSONNUMMER_REFUSED =
  'Texten innehåller ett personnummer. Ta bort det: kommentarer publiceras och blir allmänna handlingar.';

/** A simple shape check; the confirmation mail proves the address. */
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

export const commentInput = z.object({
  displayName: requiredText(80, 'Namnet som visas')
    .pipe(
      z.string().refine((s) => !s.includes('@'), {
        error: 'Skriv ett namn, inte en e-postadress: namnet visas för alla.',
      }),
    )
    .pipe(z.string().refine((s) => !containsPersonnummer(s), { error: PERSONNUMMER_REFUSED })),
  email: requiredText(254, 'Din e-postadress')
    .transform((s) => s.toLowerCase())
    .pipe(z.string().regex(EMAIL, { error: 'Skriv en e-postadress som namn@exempel.se.' })),
  body: requiredText(4000, 'Kommentaren').pipe(
    z.string().refine((s) => !containsPersonnummer(s), { error: PERSONNUMMER_REFUSED }),
  ),
});
export type CommentInput = z.output<typeof commentInput>;

export const reportInput = z.object({
  reason: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.enum(REPORT_REASONS, { error: 'Välj varför du anmäler kommentaren.' }),
  ),
  details: optionalText(1000, 'Beskrivningen'),
});
export type ReportInput = z.output<typeof reportInput>;

export const moderationInput = z.object({
  reason: requiredText(1000, 'Skälet'),
});

export const themeInput = z.object({
  /** Empty: a new theme named `title`. */
  themeId: optionalId,
  title: optionalText(200, 'Temats namn'),
  commentIds: idList.pipe(z.array(z.number()).min(1, { error: 'Välj minst en kommentar som hör till temat.' })),
});
export type ThemeInput = z.output<typeof themeInput>;

export const answerInput = z.object({
  body: requiredText(8000, 'Svaret'),
  outcome: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.enum(ANSWER_OUTCOMES, { error: 'Välj hur synpunkten tas om hand.' }),
  ),
  /** Which button was pressed: keep it as a draft, or publish it. */
  action: z.enum(['draft', 'publish'], { error: 'Välj om svaret sparas som utkast eller publiceras.' }),
  version: formVersion,
});
export type AnswerInput = z.output<typeof answerInput>;
