import { z } from 'zod';
import { validationFailed, type FieldProblem } from '../domain/errors.js';

/**
 * Parsing of user input shared by the web forms (all strings) and the JSON API (typed values).
 * Messages are Swedish and name what to write; every problem keeps its field name so a form can
 * show it beside the field.
 */

/** Ids and versions are 32-bit integers in both databases; a larger number is never one. */
const MAX_ID = 2_147_483_647;

const trimmed = (max: number, label: string) =>
  z
    .preprocess((v) => (v === undefined || v === null ? '' : v), z.string({ error: `${label} ska vara text.` }))
    .transform((s) => s.replace(/\r\n/g, '\n').trim())
    .pipe(z.string().max(max, { error: `${label} får vara högst ${max} tecken.` }));

export const requiredText = (max: number, label: string) =>
  trimmed(max, label).pipe(z.string().min(1, { error: `Skriv ${label.toLowerCase()}.` }));

export const optionalText = (max: number, label: string) => trimmed(max, label);

/** A year as a number or as the text a form sends; empty means "not stated" (null). */
export const optionalYear = (label: string) =>
  z.preprocess(
    (v) =>
      v === undefined || v === null || (typeof v === 'string' && v.trim() === '')
        ? null
        : typeof v === 'string'
          ? v.trim()
          : v,
    z
      .union(
        [
          z.number(),
          z
            .string()
            .regex(/^\d{4}$/, { error: `${label} ska vara ett årtal med fyra siffror, till exempel 2035.` })
            .transform(Number),
        ],
        {
          error: `${label} ska vara ett årtal med fyra siffror, till exempel 2035.`,
        },
      )
      .pipe(
        z
          .number()
          .int({ error: `${label} ska vara ett helt årtal.` })
          .min(1900, { error: `${label} ska vara ett årtal mellan 1900 och 2200.` })
          .max(2200, { error: `${label} ska vara ett årtal mellan 1900 och 2200.` }),
      )
      .nullable(),
  );

/** An id from a select list or JSON; empty means none. */
export const optionalId = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? null : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v),
  z
    .number({ error: 'Välj ett alternativ i listan.' })
    .int()
    .positive()
    .max(MAX_ID, { error: 'Välj ett alternativ i listan.' })
    .nullable(),
);

export const requiredId = (label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v === '' ? undefined : v),
    z
      .number({ error: `Välj ${label.toLowerCase()}.` })
      .int()
      .positive()
      .max(MAX_ID, { error: `Välj ${label.toLowerCase()}.` }),
  );

/** A list from a textarea (one item per line) or a JSON array. Empty lines are dropped. */
export const lines = (max: number, label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(/\r?\n/) : (v ?? [])),
    z
      .array(z.string().max(max, { error: `Varje rad i ${label.toLowerCase()} får vara högst ${max} tecken.` }))
      .transform((list) => list.map((s) => s.trim()).filter((s) => s !== '')),
  );

/** A list of ids from repeated form fields (or one) or a JSON array. */
export const idList = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(
    z.preprocess(
      (x) => (typeof x === 'string' && /^\d+$/.test(x) ? Number(x) : x),
      z.number({ error: 'Ogiltigt val.' }).int().positive().max(MAX_ID, { error: 'Ogiltigt val.' }),
    ),
  ),
);

/** Optimistic-lock version the form was rendered with. */
export const versionField = z.preprocess(
  (v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v),
  z
    .number({ error: 'Formuläret saknar versionsuppgift. Ladda om sidan och försök igen.' })
    .int()
    .min(1)
    .max(MAX_ID, { error: 'Formuläret har en ogiltig versionsuppgift. Ladda om sidan och försök igen.' }),
);

/** Parses `raw` or throws a validation error listing every problem by field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw validationFailed(problemsOf(result.error));
}

export function problemsOf(error: z.ZodError): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    if (seen.has(field)) continue;
    seen.add(field);
    problems.push({ field, message: issue.code === 'unrecognized_keys' ? 'Okänt fält i uppgifterna.' : issue.message });
  }
  return problems;
}
