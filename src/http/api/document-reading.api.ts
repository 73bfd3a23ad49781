import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppContext } from '../../app/context.js';
import { readDecisionDocument, type DocumentSource } from '../../app/decision-documents/read-decision-document.js';
import { readingJson } from '../../app/decision-documents/reading-json.js';
import { validationFailed } from '../../domain/errors.js';
import { errorBody } from '../error-body.js';
import { requireWriteAccess } from '../require-policy.js';
import { defaultHook } from './request.js';
import { API_TOKEN_SCHEME, errors, json } from './responses.js';

/** Where the API reads documents; the app gives it the documents' size limit instead of the default. */
export const DOCUMENT_READ_API_PATH = '/api/v1/documents/read';

const nullable = <S extends z.ZodType>(schema: S) => schema.nullable();
const Evidence = z.object({ at: z.number().int(), length: z.number().int(), text: z.string() }).openapi('Evidence');
const DocumentReadingSchema = z
  .object({
    kind: z.enum(['memo', 'minutes', 'unknown']).openapi({
      description:
        'memo: en tjänsteskrivelse som föreslår ett beslut; minutes: ett protokoll(sutdrag) som registrerar ett.',
    }),
    kindReason: z.string(),
    text: z.string().openapi({ description: 'Texten som den lästes (textlager, OCR eller inklistrad).' }),
    repairedText: z.string().openapi({ description: 'Texten med skanningsskador på å, ä och ö lagade.' }),
    repairs: z
      .array(z.object({ at: z.number().int(), from: z.string(), to: z.string(), reason: z.string() }))
      .openapi({ description: 'Varje lagning: var i den lästa texten (at), vad som stod, vad det blev och varför.' }),
    fields: z.object({
      body: nullable(z.string()),
      member: nullable(z.object({ code: z.string(), name: z.string() })),
      date: nullable(z.string()).openapi({ description: 'Sammanträdets datum, ÅÅÅÅ-MM-DD.' }),
      paragraph: nullable(z.string()).openapi({ example: '§ 78' }),
      diarienummer: nullable(z.string()),
      outcome: nullable(z.enum(['adopted', 'rejected', 'referred_back'])),
      programme: nullable(z.object({ id: z.number().int(), name: z.string() })),
      earlierDecision: nullable(
        z.object({ body: nullable(z.string()), date: nullable(z.string()), paragraph: nullable(z.string()) }),
      ),
      signatories: z.array(z.string()),
    }),
    evidence: z
      .record(z.string(), z.array(Evidence))
      .openapi({ description: 'Var i den lagade texten varje funnet fält står (at och length i tecken).' }),
    document: z.object({
      fileName: z.string(),
      mediaType: z.string(),
      sha256: z.string(),
      size: z.number().int(),
      pages: z.number().int(),
      method: z.enum(['text-layer', 'ocr', 'pasted']),
      ocrConfidence: nullable(z.number()),
    }),
  })
  .openapi('DocumentReading');

const readRoute = createRoute({
  method: 'post',
  path: '/documents/read',
  operationId: 'readDocument',
  tags: ['Antagande'],
  summary: 'Läs ett protokollsutdrag eller en tjänsteskrivelse och hitta beslutet i det',
  description:
    'Läser en PDF (textlagret, annars OCR på svenska), en skannad bild (PNG, JPEG, TIFF) eller text, lagar ' +
    'skanningsskador på å, ä och ö (varje ändring redovisas) och tar fram beslutets uppgifter med var de står. ' +
    'Sparar ingenting. Skicka filen som multipart/form-data i fältet `file` (högst 20 MB; typen avgörs av ' +
    'innehållet) eller texten som text/plain. Kräver en API-nyckel med rollen handläggare eller administratör.',
  security: [{ [API_TOKEN_SCHEME]: [] }],
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
        },
        'text/plain': { schema: { type: 'string' } },
      },
    },
  },
  responses: {
    200: json(DocumentReadingSchema, 'Dokumentet som det lästes.'),
    401: errors[401],
    403: errors[403],
    413: json(z.object({ error: z.string() }).passthrough(), 'Filen är större än 20 MB (payload_too_large).'),
    415: errors[415],
    422: errors[422],
    500: errors[500],
  },
});

/** The document in the request: a multipart file, or the body as text; undefined when neither. */
async function sourceOf(c: Context): Promise<DocumentSource | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (/^multipart\/form-data/i.test(type)) {
    const form = await c.req.parseBody();
    const file = form['file'];
    if (!(file instanceof File)) throw validationFailed([{ field: 'file', message: 'Skicka filen i fältet file.' }]);
    return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name || 'dokument' };
  }
  if (/^text\/plain/i.test(type)) return { text: await c.req.text() };
  return undefined;
}

export function documentReadingApi(ctx: AppContext): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook });
  // Those who record decisions read their documents: a member's officers and the secretariat.
  api.openapi({ ...readRoute, middleware: [requireWriteAccess(ctx, 'record_member_decision')] }, async (c) => {
    const source = await sourceOf(c);
    if (!source) {
      return c.json(
        errorBody(
          'unsupported_media_type',
          'Skicka filen som multipart/form-data (fältet file) eller texten som text/plain.',
        ),
        415,
      );
    }
    return c.json(
      readingJson(await readDecisionDocument(ctx, source)) satisfies z.infer<typeof DocumentReadingSchema>,
      200,
    );
  });
  return api;
}
