import { z } from 'zod';
import { optionalId, optionalText } from '../input.js';

/** A form's empty choice is a missing choice. */
const emptyToUndefined = (v: unknown) => (v === null || v === '' ? undefined : v);

/** A member's decision as a form or the API sends it. */
export const decisionInput = z.object(
  {
    memberId: optionalId,
    /** The API may name the member by SCB municipality code instead. */
    memberCode: optionalText(4, 'Kommunkod').pipe(
      z.string().regex(/^(\d{4})?$/, { error: 'Kommunkoden ska vara SCB:s fyrsiffriga kod, till exempel 0127.' }),
    ),
    bodyKind: z.preprocess(
      emptyToUndefined,
      z.enum(['board', 'committee'], {
        error: 'Välj vilket organ som beslutade: kommunstyrelsen eller samarbetskommittén.',
      }),
    ),
    datePrecision: z.preprocess(
      emptyToUndefined,
      z.enum(['exact', 'on_or_before', 'unknown'], { error: 'Välj hur säkert datumet är känt.' }),
    ),
    date: optionalText(10, 'Datum'),
    paragraph: optionalText(40, 'Paragraf'),
    outcome: z.preprocess(
      emptyToUndefined,
      z.enum(['adopted', 'rejected', 'referred_back'], {
        error: 'Välj beslutet: antaget, avslaget eller återremitterat.',
      }),
    ),
    note: optionalText(2000, 'Anteckning'),
    source: optionalText(1000, 'Källa'),
  },
  { error: 'Beslutet ska skickas som ett objekt med fält, till exempel {"memberCode": "0127", …}.' },
);
export type DecisionInput = z.output<typeof decisionInput>;
