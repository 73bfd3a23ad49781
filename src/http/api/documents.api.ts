import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppContext } from '../../app/context.js';
import { getAnnualReportDocument } from '../../app/documents/annual-report-document.js';
import { getConferencePack } from '../../app/documents/conference-pack.js';
import { getMemoDocument } from '../../app/documents/memo-document.js';
import { getProgrammeDocument } from '../../app/documents/programme-document.js';
import {
  DOCUMENT_FORMATS,
  MEDIA_TYPES,
  type DocumentFormat,
  type DocumentModel,
} from '../../documents/document-model.js';
import type { PdfPrinter } from '../../documents/pdf-printer.js';
import { printerFailure, renderDocument } from '../../documents/render-document.js';
import { sendFile } from '../send-file.js';
import { errorBody } from '../error-body.js';
import { defaultHook } from './request.js';
import { API_TOKEN_SCHEME, errors, invalidToken, json } from './responses.js';
import { ErrorResponse, ProgrammeParams } from './schemas.js';

const FORMAT_MESSAGE = 'Ange formatet som html, docx eller pdf.';

const FormatQuery = z.object({
  format: z
    .enum(DOCUMENT_FORMATS, { error: FORMAT_MESSAGE })
    .default('html')
    .openapi({
      param: { name: 'format', in: 'query' },
      description:
        '`html` (en fristående webbsida med sin stilmall), `docx` (Word, med Words egna rubrik-, list- och tabellformat) ' +
        'eller `pdf` (taggad PDF i A4, utskriven av serverns Chromium). Standard: html.',
      example: 'pdf',
    }),
});

const MemoQuery = FormatQuery.extend({
  member: z
    .string({ error: 'Ange kommunens kod (member), fyra siffror, till exempel 0136.' })
    .regex(/^\d{4}$/, { error: 'Ange kommunens kod (member), fyra siffror, till exempel 0136.' })
    .openapi({
      param: { name: 'member', in: 'query' },
      description: 'Medlemskommunens kommunkod (SCB), till exempel `0136` för Haninge.',
      example: '0136',
    }),
});

const YearParams = (name: string, description: string) =>
  z.object({
    [name]: z
      .string()
      .regex(/^\d{4}$/, { error: 'Ange året med fyra siffror, till exempel 2026.' })
      .openapi({ param: { name, in: 'path' }, description, example: '2026' }),
  });

const documentContent = {
  [MEDIA_TYPES.html]: { schema: z.string().openapi({ description: 'HTML-dokumentet.' }) },
  [MEDIA_TYPES.docx]: { schema: z.string().openapi({ format: 'binary', description: 'Word-filen.' }) },
  [MEDIA_TYPES.pdf]: { schema: z.string().openapi({ format: 'binary', description: 'PDF-filen.' }) },
};

const fileResponses = (what: string, notFound: string) => ({
  200: {
    description: `${what} i det format som efterfrågades, som bilaga (Content-Disposition) med ett svenskt filnamn med version och datum. Varje dokument har ett avsnitt Källor och, när det bygger på exempeldata, en tydlig markering.`,
    headers: {
      'Content-Disposition': { description: 'attachment; filename="…"', schema: { type: 'string' as const } },
    },
    content: documentContent,
  },
  401: invalidToken,
  404: { ...json(ErrorResponse, notFound) },
  422: errors[422],
  500: errors[500],
  503: json(
    ErrorResponse,
    'PDF kan inte skapas just nu (pdf_unavailable): servern saknar Chromium, eller för många PDF:er skapas (svaret har Retry-After). HTML och Word fungerar ändå.',
  ),
});

const programmeDocumentRoute = createRoute({
  method: 'get',
  path: '/programmes/{id}/document',
  operationId: 'getProgrammeDocument',
  tags: ['Dokument'],
  summary: 'Programdokumentet: versionen som publikation, med innehåll, mål, nyckeltal och antagande',
  security: [],
  request: { params: ProgrammeParams, query: FormatQuery },
  responses: fileResponses('Programdokumentet', 'Programmet finns inte (not_found).'),
});

const memoRoute = createRoute({
  method: 'get',
  path: '/programmes/{id}/memo',
  operationId: 'getMemberMemo',
  tags: ['Dokument'],
  summary: 'En medlemskommuns tjänsteskrivelse till kommunstyrelsen om ett föreslaget program',
  description:
    'Tjänsteskrivelser är interna tills de skickas: anropet kräver en API-nyckel med en roll. Det kommunen inte har ' +
    'skrivit ännu (diarienummer, ett tidigare beslut som inte är registrerat) står inom hakparentes.',
  security: [{ [API_TOKEN_SCHEME]: [] }],
  request: { params: ProgrammeParams, query: MemoQuery },
  responses: {
    ...fileResponses('Tjänsteskrivelsen', 'Programmet eller kommunen finns inte (not_found).'),
    401: errors[401],
    403: errors[403],
    409: json(
      ErrorResponse,
      'Programmet är ett utkast: tjänsteskrivelser skrivs om föreslagna program (not_proposed).',
    ),
  },
});

const annualReportRoute = createRoute({
  method: 'get',
  path: '/follow-up/{year}/annual-report',
  operationId: 'getAnnualReportDocument',
  tags: ['Dokument'],
  summary: 'Årsredovisningen för ett år, med diagram och deras tabeller',
  security: [],
  request: { params: YearParams('year', 'Året som redovisas.'), query: FormatQuery },
  responses: fileResponses('Årsredovisningen', 'Året har ingen uppföljning (not_found).'),
});

const conferencePackRoute = createRoute({
  method: 'get',
  path: '/conference-packs/{id}',
  operationId: 'getConferencePack',
  tags: ['Dokument'],
  summary: 'Underlaget till nyckeltalskonferensen: medlemmarna jämförda per verksamhetsområde',
  security: [],
  request: {
    params: YearParams('id', 'Konferensens år, som också är underlagets id (till exempel 2015).'),
    query: FormatQuery,
  },
  responses: fileResponses('Konferensunderlaget', 'Underlaget finns inte (not_found).'),
});

/** The documents as files: programme document, memo, annual report and conference pack. */
export function documentsApi(ctx: AppContext, printer: PdfPrinter): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook });

  const send = async (c: Context, doc: DocumentModel, format: DocumentFormat) => {
    try {
      return sendFile(c, await renderDocument(doc, format, printer));
    } catch (error) {
      const failure = printerFailure(error);
      if (!failure) throw error;
      return c.json(errorBody('pdf_unavailable', failure.message), 503, {
        ...(failure.retryAfter ? { 'Retry-After': failure.retryAfter } : {}),
      });
    }
  };

  api.openapi(programmeDocumentRoute, async (c) => {
    const { id } = c.req.valid('param');
    return send(c, await getProgrammeDocument(ctx, id), c.req.valid('query').format) as never;
  });

  api.openapi(memoRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { member, format } = c.req.valid('query');
    return send(c, await getMemoDocument(ctx, id, member), format) as never;
  });

  api.openapi(annualReportRoute, async (c) => {
    const year = Number(c.req.valid('param').year);
    const pageUrl = new URL(`/uppfoljning/${year}/arsredovisning`, c.req.url).toString();
    return send(c, await getAnnualReportDocument(ctx, year, { pageUrl }), c.req.valid('query').format) as never;
  });

  api.openapi(conferencePackRoute, async (c) => {
    const year = Number(c.req.valid('param').id);
    return send(c, await getConferencePack(ctx, year), c.req.valid('query').format) as never;
  });

  return api;
}
