/**
 * A member's memo as the form (all text) and the JSON API (typed values) send it. Each field parses on
 * its own (parseEachField), so every problem shows at once.
 */
import { z } from 'zod';
import { CONSEQUENCE_KINDS, parseSignatory, STORED_MEMO_STATUSES } from '../../domain/memos/memo.js';
import { lines, optionalText } from '../input.js';

const MAX_ID = 2_147_483_647;

/** 0 for a memo not saved before; otherwise the version the form was rendered with. */
const memoVersion = z.preprocess(
  (v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v),
  z
    .number({ error: 'Formuläret saknar versionsuppgift. Ladda om sidan och försök igen.' })
    .int()
    .min(0)
    .max(MAX_ID, { error: 'Formuläret har en ogiltig versionsuppgift. Ladda om sidan och försök igen.' }),
);

const consequenceKinds = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(CONSEQUENCE_KINDS, { error: 'Välj bland konsekvenserna i listan.' })),
);

const longText = (label: string) => optionalText(8000, label);

export const memoInput = z.object({
  status: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.enum(STORED_MEMO_STATUSES, { error: 'Välj var tjänsteskrivelsen står: utkast, klar eller skickad.' }),
  ),
  diarienummer: optionalText(60, 'Diarienumret'),
  officer: optionalText(200, 'Handläggaren'),
  committee: optionalText(120, 'Utskottet'),
  administration: optionalText(120, 'Förvaltningen'),
  summary: longText('Sammanfattningen'),
  assessment: longText('Förvaltningens bedömning'),
  consequenceKinds,
  consequenceEconomy: longText('De ekonomiska konsekvenserna'),
  consequenceClimate: longText('Konsekvenserna för klimat och miljö'),
  consequenceGenderEquality: longText('Konsekvenserna för jämställdhet'),
  consequenceChildren: longText('Konsekvenserna för barn'),
  recipients: lines(200, 'Beslutet skickas till').pipe(
    z.array(z.string()).max(20, { error: 'Skriv högst 20 mottagare.' }),
  ),
  signatories: lines(200, 'Underskrifterna')
    .pipe(z.array(z.string()).max(6, { error: 'Skriv högst sex underskrifter.' }))
    .transform((list) => list.map(parseSignatory)),
  version: memoVersion,
});
export type MemoInput = z.output<typeof memoInput>;
