/**
 * The public contract of the key-indicator routes (`/indicators…`) as zod schemas, as schemas.ts is for the
 * programmes: the OpenAPI document is generated from these and the presenters are typed by them.
 * Query parameters are validated here; a bad one answers 422 validation_failed with a Swedish message
 * naming the parameter (through defaultHook).
 */
import { z } from '@hono/zod-openapi';
import { YEAR_MAX, YEAR_MIN } from '../../domain/indicators/indicator.js';

// ---------------------------------------------------------------------------------------------- request

/** The most areas one request may name; the members and comparison areas are ten. */
export const MAX_AREAS = 50;

const yearParam = (name: string, what: string, example: number, description: string) => {
  const message = `Ange ${what} (${name}) som ett helt årtal mellan ${YEAR_MIN} och ${YEAR_MAX}, till exempel ${example}.`;
  return z.coerce
    .number({ error: message })
    .int({ error: message })
    .min(YEAR_MIN, { error: message })
    .max(YEAR_MAX, { error: message })
    .optional()
    .openapi({ param: { name, in: 'query' }, description, example });
};

const GENDER_MESSAGE = 'Ange kön (gender) som T (totalt), K (kvinnor) eller M (män).';
const genderParam = (description: string) =>
  z
    .enum(['T', 'K', 'M'], { error: GENDER_MESSAGE })
    .optional()
    .openapi({ param: { name: 'gender', in: 'query' }, description, example: 'T' });

const FORMAT_MESSAGE = 'Ange format som json, csv eller xlsx.';
const formatParam = z
  .enum(['json', 'csv', 'xlsx'], { error: FORMAT_MESSAGE })
  .optional()
  .openapi({
    param: { name: 'format', in: 'query' },
    description:
      'json (standard), csv (för svenskt Excel: semikolon, decimalkomma, UTF-8 med BOM) eller xlsx (Excel). ' +
      'csv och xlsx laddas ned som fil (Content-Disposition: attachment) och anger nyckeltalets källa och licens.',
    example: 'json',
  });

/** `{id}`: the indicator's key, local (`sm-…`) or a Kolada KPI id. */
export const IndicatorParams = z.object({
  id: z
    .string({ error: 'Ange nyckeltalets id, till exempel sm-eftergymnasial-3ar-25-64 eller N00945.' })
    .min(1, { error: 'Ange nyckeltalets id, till exempel sm-eftergymnasial-3ar-25-64 eller N00945.' })
    .max(64, { error: 'Nyckeltalets id får vara högst 64 tecken.' })
    .openapi({
      param: { name: 'id', in: 'path' },
      description: 'Nyckeltalets id: ett eget (till exempel `sm-eftergymnasial-3ar-25-64`) eller Koladas (`N00945`).',
      example: 'sm-eftergymnasial-3ar-25-64',
    }),
});

export const SearchQuery = z.object({
  q: z
    .string({ error: 'Ange sökningen som text.' })
    .max(200, { error: 'Sökningen får vara högst 200 tecken.' })
    .optional()
    .openapi({
      param: { name: 'q', in: 'query' },
      description:
        'Id eller ord; alla ord ska förekomma. Utan q listas alla nyckeltal som följs, och ingen träff i Koladas katalog.',
      example: 'eftergymnasial',
    }),
});

const AREA_MESSAGE =
  'Ange områden (area) som koder med fyra siffror, åtskilda med kommatecken, till exempel area=0126,0001.';

export const ValuesQuery = z.object({
  area: z
    .string({ error: AREA_MESSAGE })
    .regex(/^\d{4}(,\d{4})*$/, { error: AREA_MESSAGE })
    .refine((s) => s.split(',').length <= MAX_AREAS, { error: `Ange högst ${MAX_AREAS} områden (area).` })
    .optional()
    .openapi({
      param: { name: 'area', in: 'query' },
      description:
        'Kommun- och regionkoder, åtskilda med kommatecken (högst 50). Standard: samverkans medlemmar och ' +
        'jämförelseområdena (region och riket). Bara de områdena har värden här.',
      example: '0126,0001',
    }),
  from: yearParam('from', 'från-året', 2005, 'Första året som tas med (standard: det första med värden).'),
  to: yearParam('to', 'till-året', 2014, 'Sista året som tas med (standard: det senaste med värden).'),
  gender: genderParam('T (totalt), K (kvinnor) eller M (män). Standard: alla kön som nyckeltalet har värden för.'),
  format: formatParam,
});

export const GroupQuery = z.object({
  year: yearParam('year', 'året', 2014, 'Året att jämföra (standard: det senaste året med värden).'),
  gender: genderParam('T (totalt, standard), K (kvinnor) eller M (män).'),
  format: formatParam,
});

// ---------------------------------------------------------------------------------------------- responses

const Gender = z.enum(['T', 'K', 'M']).openapi({ description: 'T totalt, K kvinnor, M män.' });

const AreaCode = z.string().openapi({ description: 'Kommun- eller regionkod, fyra siffror.', example: '0126' });

const Value = z.number().nullable().openapi({
  description:
    'Värdet som ett vanligt tal (inte svenskt format), i nyckeltalets enhet; null när värde saknas (aldrig 0).',
  example: 41.2,
});

/** Kolada's terms ask that its data be credited so; every Kolada-origin value and catalogue entry carries it. */
export const KOLADA_ATTRIBUTION = 'Källa: Kolada';

export const IndicatorSummary = z
  .object({
    key: z.string().openapi({ example: 'sm-eftergymnasial-3ar-25-64' }),
    title: z.string().openapi({ example: 'Andel 25–64 år med minst tre års eftergymnasial utbildning' }),
    definition: z.string().openapi({ description: 'Vad som mäts.' }),
    unit: z.string().openapi({ example: 'procent' }),
    decimals: z.number().int().openapi({ description: 'Antal decimaler att visa.', example: 1 }),
    aggregation: z.enum(['mean', 'sum']).openapi({
      description:
        'Hur gruppvärdet bildas: mean (ovägt medelvärde, och befolkningsviktat när en vikt finns) för andelar, sum för antal.',
    }),
    weightKey: z
      .string()
      .nullable()
      .openapi({ description: 'Nyckeltalet vars värden väger det viktade medelvärdet, om något.' }),
    origin: z
      .enum(['kolada', 'local'])
      .openapi({ description: 'kolada: definitionen kommer från Kolada; local: vår egen definition.' }),
    byGender: z.boolean().openapi({ description: 'Om värden redovisas per kön (K och M) och inte bara totalt.' }),
    source: z.string().openapi({ description: 'Varifrån värdena kommer.' }),
    licence: z.string(),
    attribution: z
      .string()
      .nullable()
      .openapi({
        description: `Källhänvisningen som ska visas med värdena: "${KOLADA_ATTRIBUTION}" för Koladas nyckeltal, annars null.`,
        example: KOLADA_ATTRIBUTION,
      }),
    links: z.object({
      values: z.string().openapi({ example: '/api/v1/indicators/sm-eftergymnasial-3ar-25-64/values' }),
      group: z.string().openapi({ example: '/api/v1/indicators/sm-eftergymnasial-3ar-25-64/group' }),
    }),
  })
  .openapi('Indicator', { description: 'Ett nyckeltal som samverkan följer och har värden för.' });

export const CatalogueEntry = z
  .object({
    id: z.string().openapi({ example: 'N00945' }),
    title: z.string(),
    description: z.string(),
    operatingArea: z.string().openapi({ description: 'Koladas verksamhetsområde.' }),
    followed: z.boolean().openapi({ description: 'Om samverkan följer nyckeltalet (har värden för det här).' }),
    attribution: z.literal(KOLADA_ATTRIBUTION),
  })
  .openapi('KoladaCatalogueEntry', { description: 'Ett nyckeltal i Koladas katalog (beskrivning, inga värden).' });

export const IndicatorSearch = z
  .object({
    query: z.string().openapi({ description: 'Sökningen som den tolkades (trimmad).' }),
    followed: z.array(IndicatorSummary),
    catalogue: z.array(CatalogueEntry).openapi({ description: 'Träffar i Koladas katalog, högst 50.' }),
    catalogueSize: z
      .number()
      .int()
      .openapi({ description: 'Antal nyckeltal i Koladas katalog här; 0 om den inte är inläst.' }),
  })
  .openapi('IndicatorSearch');

export const NamedArea = z
  .object({ code: AreaCode, name: z.string().openapi({ example: 'Huddinge' }) })
  .openapi('NamedArea');

export const IndicatorValueRow = z
  .object({
    areaCode: AreaCode,
    areaName: z.string(),
    year: z.number().int(),
    gender: Gender,
    value: Value,
    status: z
      .string()
      .nullable()
      .openapi({ description: 'Källans status för värdet (till exempel Koladas), om någon.' }),
  })
  .openapi('IndicatorValue');

export const IndicatorValues = z
  .object({
    indicator: IndicatorSummary,
    areas: z.array(NamedArea).openapi({ description: 'Områdena, i den ordning raderna kommer.' }),
    years: z.array(z.number().int()).openapi({ description: 'Åren med något värde inom from–to, stigande.' }),
    genders: z.array(Gender),
    values: z.array(IndicatorValueRow).openapi({
      description: 'En rad per område, år och kön (område, år, kön i den ordningen); saknas värdet är value null.',
    }),
  })
  .openapi('IndicatorValues');

export const GroupFigure = z
  .object({
    kind: z.enum(['unweighted_mean', 'weighted_mean', 'sum']),
    label: z.string().openapi({ example: 'Ovägt medelvärde' }),
    value: Value,
    explanation: z.string().openapi({
      description: 'Vad värdet är och vilka kommuner det bygger på, på svenska.',
      example: 'Ovägt medelvärde av alla 8 kommuner.',
    }),
    present: z.array(AreaCode).openapi({ description: 'Kommunerna som värdet bygger på.' }),
    missing: z.array(AreaCode).openapi({ description: 'Kommunerna som inte ingår (saknar värde eller vikt).' }),
  })
  .openapi('GroupFigure', {
    description:
      'Ett värde för samverkan som helhet: ovägt medelvärde (som Koladas kommungrupper), befolkningsviktat ' +
      'medelvärde, eller summa (bara när alla medlemmar har värde).',
  });

// Written out rather than NamedArea.extend(…): the generator would emit allOf with a $ref, whose parts
// each forbid the other's properties to a strict reader.
export const RankedMember = z
  .object({
    code: AreaCode,
    name: z.string().openapi({ example: 'Huddinge' }),
    value: Value,
    rank: z.number().int().nullable().openapi({ description: '1 = högst värde; null utan värde.' }),
  })
  .openapi('RankedMember');

export const AreaValue = z
  .object({ code: AreaCode, name: z.string().openapi({ example: 'Riket' }), value: Value })
  .openapi('AreaValue');

export const IndicatorGroup = z
  .object({
    indicator: IndicatorSummary,
    year: z.number().int(),
    gender: Gender,
    years: z.array(z.number().int()).openapi({ description: 'Alla år med värden, stigande.' }),
    groupName: z.string().openapi({ example: 'Södertörnskommunerna' }),
    members: z.array(RankedMember).openapi({ description: 'Medlemmarna, högst värde först; de utan värde sist.' }),
    groupFigures: z.array(GroupFigure),
    comparisonAreas: z.array(AreaValue).openapi({ description: 'Region och riket.' }),
  })
  .openapi('IndicatorGroup');

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The 200 answer of a route that can also be downloaded as CSV or Excel (`format`). */
export const downloadable = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  headers: {
    'Content-Disposition': {
      description: 'Vid format=csv och format=xlsx: attachment med ett filnamn.',
      schema: { type: 'string' as const },
    },
  },
  content: {
    'application/json': { schema },
    'text/csv': {
      schema: z.string().openapi({
        description:
          'format=csv: UTF-8 med BOM, semikolon som avgränsare, decimalkomma, en rubrikrad. Kolumnerna Källa och ' +
          'Licens står på varje rad, så att källan syns i Excel och filen ändå läses som en ren tabell.',
      }),
    },
    [XLSX_TYPE]: {
      schema: z.string().openapi({
        format: 'binary',
        description: 'format=xlsx: ett blad med rubrikrad, talen som tal, och källa och licens under tabellen.',
      }),
    },
  },
});

export type IndicatorSummaryJson = z.infer<typeof IndicatorSummary>;
export type IndicatorSearchJson = z.infer<typeof IndicatorSearch>;
export type IndicatorValuesJson = z.infer<typeof IndicatorValues>;
export type IndicatorGroupJson = z.infer<typeof IndicatorGroup>;
export type GroupFigureJson = z.infer<typeof GroupFigure>;
