/**
 * Kolada's JSON format (API v3, and v2 which it replaced), validated and turned into our types.
 *
 * What the sources say (where they disagree, both forms are accepted here):
 * - Envelope. v2: `{ values, count, previous_page, next_page }`, the page links full URLs and absent on the
 *   last page; `per_page` defaults to and is capped at 5000 (Hypergene/kolada README.rst, v2 text as kept in
 *   rubenselander/pykolada README.rst @ b2a77fb). v3: the link is `next_url` (rKolada @ 8afe11f CLAUDE.md:
 *   "Pagination is handled transparently using the v3 `next_url` field"; its tests/testthat/test-api-mocked.R
 *   mocks `{ values, next_url }`; a v3 fetch script follows `next_url` until absent). `previous_url` is assumed
 *   by symmetry. The README calls `count` the "length of values"; the clients use it as the number of hits, so
 *   it is only ever a progress hint here, never a completeness check.
 * - Routes (v2 README; v3 the same, rKolada tests/testthat/test-query-composers.R, a v3 Python client):
 *   `/data/kpi/{kpi}/municipality/{ids}/year/{years}`, `/data/kpi/{kpi}/year/{years}`,
 *   `/data/kpi/{kpi}/municipality/{ids}`, `/data/municipality/{ids}/year/{years}` (at least two dimensions;
 *   a municipality id may be a group's `G…`); metadata `/kpi`, `/kpi/{ids}`, `/municipality`,
 *   `/municipality/{ids}`, `/municipality_groups`, `/municipality_groups/{ids}`, `/kpi_groups`, `/ou`.
 *   Each segment is a comma-separated list; rKolada chunks at 25 ids (tests "chunks >25 KPIs into separate
 *   requests"), Kolada-MCP (isakskogstad) has MAX_BATCH_SIZE 25, and a v3 fetch script splits years by 25
 *   because "the API refuses longer year lists". What the refusal looks like is not recorded anywhere found;
 *   the v2 README says illegal parameters and too long URLs get HTTP 400.
 * - A data item: `{ kpi, municipality, period, values: [{ gender, count, status, value }] }`, at most one
 *   entry per gender T (totalt), K (kvinnor), M (män) (the README writes "T|K|F", but the data, rKolada's
 *   cached v3 values and all clients use T/K/M; F is refused). `value` may be null; `status` is a string, "" when none;
 *   `count` is 1, or for a group the number of members that contributed to its unweighted mean. v2 documents
 *   `period` as a string; v3 sends a number (rKolada mock `period = 2020L`). v3 keeps the key `municipality`
 *   (rKolada renames it to `municipality_id` only in its own simplified table); `municipality_id` is accepted.
 * - `from_date=YYYY-MM-DD` (data queries only) returns what changed since then, each value with a deletion
 *   flag: v2 `is_deleted: 0|1` inside `values[]`, "when is_deleted is set the value will always be null";
 *   v3 `isdeleted` (rKolada docs/reference/get_values.md: "rows where `isdeleted` is `TRUE` are removed").
 *   Both names, as boolean or 0/1, are accepted on a value and on the item (then for every gender in it).
 * - KPI metadata. v3 (the 6 099-row catalogue rKolada cached from /v3/kpi, and its mocks): id, title,
 *   description, is_divided_by_gender (boolean), municipality_type K|L|A, auspice, operating_area, perspective,
 *   prel_publication_date, publication_date, publ_period (string), has_ou_data (boolean or 0/1). v2: `auspices`,
 *   is_divided_by_gender as 0/1, plus definition and ou_publication_date. Municipality: `{ id, title, type K|L }`.
 *   Groups: `{ id, title, members: [{ id, title }] }`.
 */
import { z } from 'zod';
import {
  GENDERS,
  YEAR_MAX,
  YEAR_MIN,
  type Area,
  type Gender,
  type ValueKey,
  type ValueRow,
} from '../../domain/indicators/indicator.js';

/** Kolada's data could not be read as Kolada's format; the message is Swedish and says where. */
export class KoladaFormatError extends Error {
  override name = 'KoladaFormatError';
}

const swedishErrors = z.locales.sv().localeError;

/** Kolada flags a deletion as a boolean (v3) or as 0/1 (v2). */
const deletionFlag = z.union([z.boolean(), z.literal(0), z.literal(1)]);

const optionalText = z.string().nullish();

/** One entry of an item's `values`: one gender's figure. */
export const koladaValueEntrySchema = z.looseObject({
  gender: z.enum(GENDERS, { error: (iss) => `okänt kön ${JSON.stringify(iss.input)} (T, K eller M väntades)` }),
  count: z.number().nullish(),
  status: optionalText,
  value: z.number({ error: 'värdet ska vara ett tal eller null' }).nullish(),
  isdeleted: deletionFlag.nullish(),
  is_deleted: deletionFlag.nullish(),
});

const periodError = 'period ska vara ett årtal med fyra siffror';

/** A data item: one KPI, one area, one year, its genders in `values`. */
export const koladaValueItemSchema = z
  .looseObject({
    kpi: z.string().min(1),
    municipality: z.string().min(1).optional(),
    municipality_id: z.string().min(1).optional(),
    period: z.union([z.number().int({ error: periodError }), z.string().regex(/^\d{4}$/, { error: periodError })], {
      error: periodError,
    }),
    values: z.array(koladaValueEntrySchema),
    isdeleted: deletionFlag.nullish(),
    is_deleted: deletionFlag.nullish(),
  })
  .refine((item) => item.municipality !== undefined || item.municipality_id !== undefined, {
    error: 'kommun saknas (municipality)',
  });

/** The envelope around every answer, v2 and v3 link names alike. */
export const koladaEnvelopeSchema = z.looseObject({
  count: z.number().int().nonnegative().nullish(),
  values: z.array(z.unknown(), { error: 'listan values saknas' }),
  next_url: optionalText,
  previous_url: optionalText,
  next_page: optionalText,
  previous_page: optionalText,
});

const booleanish = z.union([z.boolean(), z.literal(0), z.literal(1)]).nullish();

export const koladaKpiSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string(),
  description: optionalText,
  is_divided_by_gender: booleanish,
  municipality_type: optionalText,
  auspice: optionalText,
  auspices: optionalText,
  operating_area: optionalText,
  perspective: optionalText,
  prel_publication_date: optionalText,
  publication_date: optionalText,
  publ_period: z.union([z.string(), z.number()]).nullish(),
  has_ou_data: booleanish,
});

export const koladaMunicipalitySchema = z.looseObject({
  id: z.string().regex(/^\d{4}$/, { error: 'kommunkoden ska ha fyra siffror' }),
  title: z.string(),
  type: z.enum(['K', 'L'], { error: (iss) => `okänd områdestyp ${JSON.stringify(iss.input)} (K eller L väntades)` }),
});

export const koladaMunicipalityGroupSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string(),
  members: z.array(z.union([z.string(), z.looseObject({ id: z.string(), title: z.string().nullish() })])).nullish(),
});

export type KoladaEnvelope = z.infer<typeof koladaEnvelopeSchema>;
export type KoladaValueItem = z.infer<typeof koladaValueItemSchema>;

/** One page of values as our import takes it: the values, and the keys Kolada says are deleted. */
export interface KoladaValuesPage {
  rows: ValueRow[];
  deleted: ValueKey[];
}

/** A KPI from Kolada's catalogue. Empty texts are null; the flags are booleans whatever Kolada sent. */
export interface KoladaKpi {
  id: string;
  title: string;
  description: string;
  isDividedByGender: boolean;
  /** K municipalities, L regions, A both. */
  municipalityType: string | null;
  operatingArea: string | null;
  perspective: string | null;
  auspice: string | null;
  /** The latest year published, e.g. `2025`. */
  publPeriod: string | null;
  /** The next (preliminary) publication date, YYYY-MM-DD as Kolada writes it. */
  publicationDate: string | null;
  prelPublicationDate: string | null;
  hasOuData: boolean;
}

export interface KoladaMunicipalityGroup {
  id: string;
  title: string;
  /** Member area codes, in Kolada's order. */
  members: string[];
}

/** `values[3].period`, as a reader would look it up in the file. */
function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (at, p) => (typeof p === 'number' ? `${at}[${p}]` : at === '' ? String(p) : `${at}.${String(p)}`),
    prefix,
  );
}

/** Validates with Swedish messages; the error names the first problems and where they are. */
function validate<T>(schema: z.ZodType<T>, data: unknown, where: string, pathPrefix = ''): T {
  const result = schema.safeParse(data, { error: swedishErrors });
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 3).map((issue) => {
    const at = formatPath(pathPrefix, issue.path);
    return at ? `${at}: ${issue.message}` : issue.message;
  });
  const more = result.error.issues.length > 3 ? ` (och ${result.error.issues.length - 3} fel till)` : '';
  throw new KoladaFormatError(`${where}: ${problems.join('; ')}${more}.`);
}

const emptyToNull = (text: string | null | undefined): string | null =>
  text === undefined || text === null || text.trim() === '' ? null : text;

const isSet = (flag: boolean | 0 | 1 | null | undefined): boolean => flag === true || flag === 1;

/** The envelope of a page; throws KoladaFormatError naming `where` (e.g. the URL) when it is not one. */
export function parseEnvelope(json: unknown, where: string): KoladaEnvelope {
  return validate(koladaEnvelopeSchema, json, where);
}

/** The link to the next page, `next_url` (v3) or `next_page` (v2); null on the last page. */
export function nextLinkOf(envelope: KoladaEnvelope): string | null {
  return emptyToNull(envelope.next_url) ?? emptyToNull(envelope.next_page);
}

/**
 * Turns data items into rows and deletions. A missing or null value stays null (never 0), an empty
 * status becomes null, and a deleted value is only reported as a key, never as a row.
 */
export function normaliseValueItems(items: readonly KoladaValueItem[]): KoladaValuesPage {
  const rows: ValueRow[] = [];
  const deleted: ValueKey[] = [];
  for (const item of items) {
    const areaCode = (item.municipality ?? item.municipality_id)!;
    const year = typeof item.period === 'number' ? item.period : Number(item.period);
    if (year < YEAR_MIN || year > YEAR_MAX) {
      throw new KoladaFormatError(
        `Kolada angav året ${year} för ${item.kpi} i ${areaCode}, utanför ${YEAR_MIN}–${YEAR_MAX}.`,
      );
    }
    const base = { indicatorKey: item.kpi, areaCode, year };
    const itemDeleted = isSet(item.isdeleted) || isSet(item.is_deleted);
    // A deleted item without entries does not say which genders went; deleting absent keys is harmless.
    if (itemDeleted && item.values.length === 0) {
      for (const gender of GENDERS) deleted.push({ ...base, gender });
      continue;
    }
    for (const entry of item.values) {
      const gender: Gender = entry.gender;
      if (itemDeleted || isSet(entry.isdeleted) || isSet(entry.is_deleted)) {
        deleted.push({ ...base, gender });
        continue;
      }
      rows.push({ ...base, gender, value: entry.value ?? null, status: emptyToNull(entry.status) });
    }
  }
  return { rows, deleted };
}

/** Validates the items of a data page and normalises them. */
export function normaliseValuesPage(envelope: KoladaEnvelope, where: string): KoladaValuesPage {
  const items = validate(z.array(koladaValueItemSchema), envelope.values, where, 'values');
  return normaliseValueItems(items);
}

export function normaliseKpis(envelope: KoladaEnvelope, where: string): KoladaKpi[] {
  return validate(z.array(koladaKpiSchema), envelope.values, where, 'values').map((kpi) => ({
    id: kpi.id,
    title: kpi.title,
    description: kpi.description ?? '',
    isDividedByGender: isSet(kpi.is_divided_by_gender),
    municipalityType: emptyToNull(kpi.municipality_type),
    operatingArea: emptyToNull(kpi.operating_area),
    perspective: emptyToNull(kpi.perspective),
    auspice: emptyToNull(kpi.auspice) ?? emptyToNull(kpi.auspices),
    publPeriod: kpi.publ_period === null || kpi.publ_period === undefined ? null : emptyToNull(String(kpi.publ_period)),
    publicationDate: emptyToNull(kpi.publication_date),
    prelPublicationDate: emptyToNull(kpi.prel_publication_date),
    hasOuData: isSet(kpi.has_ou_data),
  }));
}

export function normaliseMunicipalities(envelope: KoladaEnvelope, where: string): Area[] {
  return validate(z.array(koladaMunicipalitySchema), envelope.values, where, 'values').map((m) => ({
    code: m.id,
    title: m.title,
    type: m.type,
  }));
}

export function normaliseMunicipalityGroups(envelope: KoladaEnvelope, where: string): KoladaMunicipalityGroup[] {
  return validate(z.array(koladaMunicipalityGroupSchema), envelope.values, where, 'values').map((g) => ({
    id: g.id,
    title: g.title,
    members: (g.members ?? []).map((m) => (typeof m === 'string' ? m : m.id)),
  }));
}

/**
 * Reads a file in Kolada's format, as saved from the API: one data page, or an array of pages, v2 or v3.
 * Throws KoladaFormatError ("Filen är inte i Koladas format: …") on anything else.
 */
export function parseKoladaValuesFile(text: string): KoladaValuesPage {
  const prefix = 'Filen är inte i Koladas format';
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new KoladaFormatError(`${prefix}: det är inte giltig JSON (${(error as Error).message}).`);
  }
  const pages = Array.isArray(json) ? json : [json];
  if (pages.length === 0) throw new KoladaFormatError(`${prefix}: listan med sidor är tom.`);
  const result: KoladaValuesPage = { rows: [], deleted: [] };
  pages.forEach((page, index) => {
    const where = pages.length === 1 ? prefix : `${prefix} (sida ${index + 1})`;
    if (typeof page !== 'object' || page === null || Array.isArray(page)) {
      throw new KoladaFormatError(`${where}: en sida ska vara ett objekt med listan values.`);
    }
    const { rows, deleted } = normaliseValuesPage(parseEnvelope(page, where), where);
    result.rows.push(...rows);
    result.deleted.push(...deleted);
  });
  return result;
}
