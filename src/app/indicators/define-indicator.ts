import { z } from 'zod';
import { validationFailed, type FieldProblem } from '../../domain/errors.js';
import type { Indicator } from '../../domain/indicators/indicator.js';
import type { Snapshot } from '../../domain/audit/snapshots.js';
import type { NewIndicator } from '../../storage/indicator.repository.js';
import { authorize } from '../auth/authorize.js';
import { recordEvent } from '../audit/record-event.js';
import { inTransaction, readRepos, timestamp, type AppContext, type Repositories } from '../context.js';
import { optionalText, requiredText } from '../input.js';

/**
 * A local key: lower case so it can never be mistaken for a Kolada id (`N00945`), and only
 * characters that stand in an address and a file name as they are.
 */
export const LOCAL_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/;

/** Addresses under /nyckeltal/ that are pages: an indicator with such a key could never be opened. */
const RESERVED_KEYS = new Set(['nytt', 'importera']);

export const MAX_DECIMALS = 3;

const KEY_RULE =
  'Id:t ska vara 3–64 tecken: små bokstäver a–z, siffror och bindestreck, och börja med en bokstav eller siffra, till exempel ”sm-befolkning-65-plus”.';

/** Form fields are text; the CLI and tests may pass booleans and numbers. */
const yesNo = (message: string) =>
  z.preprocess(
    (v) => (v === true || v === 'yes' || v === 'ja' ? true : v === false || v === 'no' || v === 'nej' ? false : v),
    z.boolean({ error: message }),
  );

const decimals = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
  z
    .number({ error: `Välj hur många decimaler som visas, 0–${MAX_DECIMALS}.` })
    .int({ error: `Välj hur många decimaler som visas, 0–${MAX_DECIMALS}.` })
    .min(0, { error: `Välj hur många decimaler som visas, 0–${MAX_DECIMALS}.` })
    .max(MAX_DECIMALS, { error: `Välj hur många decimaler som visas, 0–${MAX_DECIMALS}.` }),
);

export const localIndicatorInput = z.object({
  key: requiredText(64, 'Nyckeltalets id').pipe(z.string().regex(LOCAL_KEY_PATTERN, { error: KEY_RULE })),
  title: requiredText(200, 'Nyckeltalets namn'),
  definition: requiredText(4000, 'Definitionen'),
  unit: requiredText(50, 'Enheten'),
  decimals,
  aggregation: z.enum(['mean', 'sum'], { error: 'Välj om gruppens värde är ett medelvärde eller en summa.' }),
  /** Empty: no weight. */
  weightKey: optionalText(64, 'Vikten').transform((s) => (s === '' ? null : s)),
  byGender: yesNo('Välj om värdena redovisas per kön.'),
  source: requiredText(2000, 'Källan'),
  licence: requiredText(500, 'Licensen'),
});
export type LocalIndicatorInput = z.output<typeof localIndicatorInput>;

const keyTaken = (key: string): FieldProblem => ({
  field: 'key',
  message: `Id:t ”${key}” används redan av ett annat nyckeltal. Välj ett annat id.`,
});

/**
 * Parses each field of a form on its own, so the checks that need the database can still run on the
 * fields that are right: the person then sees every problem at once, in the form's order.
 */
export function parseEachField<S extends z.ZodObject>(
  schema: S,
  raw: unknown,
): { values: Partial<z.output<S>>; problems: FieldProblem[] } {
  const fields = (raw ?? {}) as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const result = field.safeParse(fields[key]);
    if (result.success) values[key] = result.data;
    else problems.push({ field: key, message: result.error.issues[0]?.message ?? 'Ogiltigt värde.' });
  }
  return { values: values as Partial<z.output<S>>, problems };
}

/** The problems in the order of the schema's fields (the form's order), for the error summary. */
export function inFieldOrder(schema: z.ZodObject, problems: FieldProblem[]): FieldProblem[] {
  const order = Object.keys(schema.shape);
  const at = (p: FieldProblem) => (order.includes(p.field) ? order.indexOf(p.field) : order.length);
  return [...problems].sort((a, b) => at(a) - at(b));
}

/** What the database must agree with: a free key, and a weight that is a count we follow. */
async function checkDefinition(repos: Repositories, input: Partial<LocalIndicatorInput>): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (input.key === undefined) {
    // Malformed: its own problem is reported.
  } else if (RESERVED_KEYS.has(input.key)) {
    problems.push({
      field: 'key',
      message: `Id:t ”${input.key}” är reserverat för tjänstens sidor. Välj ett annat id.`,
    });
  } else if (await repos.indicators.byKey(input.key)) {
    problems.push(keyTaken(input.key));
  }
  if (input.weightKey) {
    const weight = await repos.indicators.byKey(input.weightKey);
    if (input.aggregation === 'sum') {
      problems.push({
        field: 'weightKey',
        message: 'Bara ett medelvärde kan viktas. Välj ingen vikt, eller välj att gruppens värde är ett medelvärde.',
      });
    } else if (!weight) {
      problems.push({
        field: 'weightKey',
        message: `Nyckeltalet ”${input.weightKey}” finns inte här. Välj en vikt i listan eller ingen vikt.`,
      });
    } else if (weight.aggregation !== 'sum') {
      problems.push({
        field: 'weightKey',
        message: `”${weight.title}” är inget antal som summeras och kan inte vara vikt. Välj till exempel en befolkningsmängd.`,
      });
    }
  }
  return problems;
}

/** The definition as the audit trail keeps it (by gender as 1/0: snapshots hold no booleans). */
export const indicatorSnapshot = (i: NewIndicator): Snapshot => ({
  key: i.key,
  origin: i.origin,
  title: i.title,
  definition: i.definition,
  unit: i.unit,
  decimals: i.decimals,
  aggregation: i.aggregation,
  weightKey: i.weightKey,
  byGender: i.byGender ? 1 : 0,
  source: i.source,
  licence: i.licence,
});

/**
 * Defines one of our own (local) indicators: values for it are then read in from files. Only the
 * secretariat defines indicators; the key is permanent (it is in addresses and in value files).
 */
export async function defineLocalIndicator(ctx: AppContext, raw: unknown): Promise<Indicator> {
  authorize(ctx, 'manage_indicators');
  const { values, problems } = parseEachField(localIndicatorInput, raw);
  problems.push(...(await checkDefinition(readRepos(ctx), values)));
  if (problems.length > 0) throw validationFailed(inFieldOrder(localIndicatorInput, problems));
  // Every field parsed, or there would have been a problem.
  const input = values as LocalIndicatorInput;
  const definition: NewIndicator = { ...input, origin: 'local' };
  try {
    return await inTransaction(ctx, async (tx) => {
      const id = await tx.indicators.insert(definition, timestamp(ctx));
      const indicator = (await tx.indicators.byId(id))!;
      // Last: on PostgreSQL the audit chain's lock is then held only until commit.
      await recordEvent(ctx, tx, {
        action: 'indicator.defined',
        entityType: 'indicator',
        entityId: id,
        summary: `Lade till det egna nyckeltalet ${input.key} ”${input.title}”.`,
        before: null,
        after: indicatorSnapshot(definition),
      });
      return indicator;
    });
  } catch (error) {
    // Someone took the key between the check and the insert.
    if (ctx.storage.dialect.isUniqueViolation(error)) throw validationFailed([keyTaken(input.key)]);
    throw error;
  }
}
