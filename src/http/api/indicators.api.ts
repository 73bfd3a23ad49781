import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppContext } from '../../app/context.js';
import { getComparison } from '../../app/indicators/comparison.js';
import { loadIndicatorData, type IndicatorData, type NamedArea } from '../../app/indicators/indicator-data.js';
import { searchIndicators } from '../../app/indicators/search-indicators.js';
import { DomainError, validationFailed } from '../../domain/errors.js';
import { contentDispositionAttachment } from '../../exports/content-disposition.js';
import { toCsv } from '../../exports/csv-export.js';
import { toXlsx } from '../../exports/xlsx-export.js';
import {
  apiBaseOf,
  groupTable,
  presentGroup,
  presentSearch,
  presentValues,
  valuesTable,
  withSourceColumns,
  type DownloadTable,
} from './indicator-presenters.js';
import {
  GroupQuery,
  IndicatorGroup,
  IndicatorParams,
  IndicatorSearch,
  IndicatorValues,
  SearchQuery,
  ValuesQuery,
  XLSX_TYPE,
  downloadable,
} from './indicator-schemas.js';
import { defaultHook } from './request.js';
import { errors, invalidToken, json } from './responses.js';
import { ErrorResponse } from './schemas.js';

const notFound = json(ErrorResponse, 'Nyckeltalet finns inte (not_found).');

const searchRoute = createRoute({
  method: 'get',
  path: '/indicators',
  operationId: 'searchIndicators',
  tags: ['Nyckeltal'],
  summary: 'Sök bland nyckeltalen som samverkan följer och i Koladas katalog',
  description:
    'Nyckeltalen som följs har värden här (se deras länkar). Träffarna i Koladas katalog är bara beskrivningar; ' +
    'followed anger om samverkan följer dem. Koladas uppgifter ska visas med källhänvisningen i attribution.',
  security: [],
  request: { query: SearchQuery },
  responses: { 200: json(IndicatorSearch, 'Träffarna.'), 401: invalidToken, 422: errors[422], 500: errors[500] },
});

const valuesRoute = createRoute({
  method: 'get',
  path: '/indicators/{id}/values',
  operationId: 'getIndicatorValues',
  tags: ['Nyckeltal'],
  summary: 'Ett nyckeltals värden per område, år och kön, som JSON, CSV eller Excel',
  security: [],
  request: { params: IndicatorParams, query: ValuesQuery },
  responses: {
    200: downloadable(IndicatorValues, 'Värdena; saknas ett värde är det null (tomt i CSV och Excel), aldrig 0.'),
    401: invalidToken,
    404: notFound,
    422: errors[422],
    500: errors[500],
  },
});

const groupRoute = createRoute({
  method: 'get',
  path: '/indicators/{id}/group',
  operationId: 'getIndicatorGroup',
  tags: ['Nyckeltal'],
  summary: 'Ett års jämförelse: medlemmarnas värden, gruppvärdena, regionen och riket',
  description:
    'Gruppvärdena säger vad de är (kind, label, explanation) och vilka medlemmar de bygger på (present) och ' +
    'inte (missing). En summa ges bara när alla medlemmar har värde.',
  security: [],
  request: { params: IndicatorParams, query: GroupQuery },
  responses: {
    200: downloadable(IndicatorGroup, 'Jämförelsen för året och könet.'),
    401: invalidToken,
    404: notFound,
    422: errors[422],
    500: errors[500],
  },
});

const CSV_TYPE = 'text/csv; charset=utf-8';

/** The table as a file to save: CSV with the source as columns, or a workbook with the source as a note. */
async function download(c: Context, format: 'csv' | 'xlsx', table: DownloadTable, baseName: string) {
  if (format === 'csv') {
    const { columns, rows } = withSourceColumns(table);
    return c.body(toCsv(columns, rows), 200, {
      'Content-Type': CSV_TYPE,
      'Content-Disposition': contentDispositionAttachment(`${baseName}.csv`),
    });
  }
  const workbook = await toXlsx(table.sheetName, table.columns, table.rows, { sourceNote: table.sourceNote });
  return c.body(new Uint8Array(workbook), 200, {
    'Content-Type': XLSX_TYPE,
    'Content-Disposition': contentDispositionAttachment(`${baseName}.xlsx`),
  });
}

/** A split by gender asked of an indicator that has none would give only empty values; say so instead. */
function checkGender(data: IndicatorData, gender: string | undefined): void {
  if (gender !== undefined && gender !== 'T' && !data.indicator.byGender)
    throw validationFailed([
      { field: 'gender', message: 'Nyckeltalet redovisas inte per kön. Ange gender=T eller utelämna gender.' },
    ]);
}

/**
 * The areas asked for, in the order asked, each once; by default the members and the comparison areas.
 * Values are kept only for those, so any other code is answered with the codes there are.
 */
function areasAsked(data: IndicatorData, area: string | undefined): NamedArea[] {
  const known = [...data.members, ...data.comparisonAreas];
  if (area === undefined) return known;
  const byCode = new Map(known.map((a) => [a.code, a]));
  const codes = [...new Set(area.split(','))];
  const unknown = codes.filter((code) => !byCode.has(code));
  if (unknown.length > 0)
    throw validationFailed([
      {
        field: 'area',
        message:
          `${unknown.length === 1 ? 'Området' : 'Områdena'} ${unknown.join(', ')} ingår inte bland samverkans ` +
          `kommuner och jämförelseområden. Välj bland ${known.map((a) => a.code).join(', ')}.`,
      },
    ]);
  return codes.map((code) => byCode.get(code)!);
}

/**
 * getComparison names the year field as the web page's form does (`ar`); in the API the parameter is
 * `year`, and a problem must name the parameter the caller can correct.
 */
function asYearProblem(error: unknown): never {
  if (error instanceof DomainError && error.problems.some((p) => p.field === 'ar'))
    throw validationFailed(error.problems.map((p) => (p.field === 'ar' ? { ...p, field: 'year' } : p)));
  throw error;
}

/** The key indicators: search, values and one year's comparison. All public reads. */
export function indicatorsApi(ctx: AppContext): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook });

  api.openapi(searchRoute, async (c) => {
    const { q } = c.req.valid('query');
    return c.json(presentSearch(await searchIndicators(ctx, q ?? ''), apiBaseOf(c.req.path)), 200);
  });

  api.openapi(valuesRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { area, from, to, gender, format } = c.req.valid('query');
    if (from !== undefined && to !== undefined && from > to)
      throw validationFailed([{ field: 'to', message: 'Till-året (to) kan inte vara före från-året (from).' }]);
    const data = await loadIndicatorData(ctx, id, { from, to });
    checkGender(data, gender);
    const body = presentValues(data, areasAsked(data, area), gender, apiBaseOf(c.req.path));
    if (format === 'csv' || format === 'xlsx')
      return download(c, format, valuesTable(body), `${data.indicator.key}-varden`);
    return c.json(body, 200);
  });

  api.openapi(groupRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { year, gender, format } = c.req.valid('query');
    const comparison = await getComparison(ctx, id, { year, gender }).catch(asYearProblem);
    checkGender(comparison.data, gender);
    const body = presentGroup(comparison, apiBaseOf(c.req.path));
    if (format === 'csv' || format === 'xlsx')
      return download(c, format, groupTable(body), `${body.indicator.key}-jamforelse-${body.year}-${body.gender}`);
    return c.json(body, 200);
  });

  return api;
}
