import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../../app/context.js';
import type { PdfPrinter } from '../../documents/pdf-printer.js';
import { adoptionApi } from './adoption.api.js';
import { documentsApi } from './documents.api.js';
import { documentReadingApi } from './document-reading.api.js';
import { indicatorsApi } from './indicators.api.js';
import { plansApi } from './plans.api.js';
import { programmesApi } from './programmes.api.js';
import { defaultHook } from './request.js';
import { API_TOKEN_SCHEME, apiTokenSecurityScheme, invalidToken, json } from './responses.js';

/** Where createApp mounts the API; the document's server URL, so its paths resolve from there. */
export const API_BASE_PATH = '/api/v1';

const documentRoute = createRoute({
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApiDocument',
  tags: ['Dokumentation'],
  summary: 'Det här dokumentet (OpenAPI 3.1)',
  security: [],
  responses: {
    200: json(
      z.record(z.string(), z.unknown()).openapi({ description: 'Ett OpenAPI 3.1-dokument.' }),
      'OpenAPI-dokumentet.',
    ),
    401: invalidToken,
  },
});

/**
 * JSON API v1: programmes, their structure and differences, their adoption, key indicators and the networks'
 * plans with their follow-up. Mount it at
 * API_BASE_PATH; errors are thrown to the app's one error handler (src/web/error-responses.ts).
 */
export function apiRoutes(ctx: AppContext, pdfPrinter: PdfPrinter): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook });
  api.openAPIRegistry.registerComponent('securitySchemes', API_TOKEN_SCHEME, apiTokenSecurityScheme);
  api.route('/', programmesApi(ctx));
  api.route('/', adoptionApi(ctx));
  api.route('/', indicatorsApi(ctx));
  api.route('/', plansApi(ctx));
  api.route('/', documentsApi(ctx, pdfPrinter));
  api.route('/', documentReadingApi(ctx));

  // Built once on first request: the routes do not change while the process runs.
  let document: Record<string, unknown> | undefined;
  api.openapi(documentRoute, (c) => {
    document ??= api.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'samverkan API',
        version: '1',
        // OpenAPI 3.1 takes an SPDX identifier or a url, not both; the generator's config type knows only url.
        license: {
          name: 'EUPL-1.2',
          url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12',
        },
        description:
          'Öppet JSON-API för kommunernas gemensamma utvecklingsprogram: programmen med fokusområden, mål och ' +
          'strategier, skillnaderna mellan versioner och vilka kommunstyrelser som har antagit dem. Program anges ' +
          'med sitt id (slug), till exempel `sup-2035`. Datum skrivs ÅÅÅÅ-MM-DD. Varje fel svarar med en stabil ' +
          'kod och ett meddelande på svenska. Att läsa det publicerade kräver ingen inloggning; att registrera beslut ' +
          'kräver en API-nyckel (`Authorization: Bearer sv_…`), som skapas i webben under Mitt konto → API-nycklar. ' +
          'Nyckeltalen (`/indicators`) ger värden per kommun, år och kön, gruppens värden (ovägt och befolkningsviktat ' +
          'medelvärde eller summa) och jämförelser med region och riket, som JSON, CSV eller Excel; varje nyckeltal anger ' +
          'källa och licens (”Källa: Kolada” för Koladas nyckeltal). Planerna (`/plans`) är chefsnätverkens ' +
          'verksamhetsplaner och handlingsplaner per år, med aktiviteter och deras senaste uppföljning; en ' +
          'aktivitets ansvariga rapporterar med en API-nyckel med en roll i planens nätverk. Planer markerade ' +
          '`isExample` är påhittade exempel och ska visas som exempel.',
      },
      servers: [{ url: API_BASE_PATH }],
      tags: [
        { name: 'Program', description: 'Utvecklingsprogrammen och deras versioner.' },
        { name: 'Antagande', description: 'Medlemmarnas och samarbetskommitténs beslut.' },
        {
          name: 'Nyckeltal',
          description:
            'Nyckeltalen som samverkan följer: värden för medlemmarna, regionen och riket, gruppvärden, och nedladdning som CSV eller Excel.',
        },
        {
          name: 'Planer',
          description:
            'Chefsnätverkens verksamhetsplaner och handlingsplaner med aktiviteter, och rapporterna i årets uppföljningsomgångar.',
        },
        { name: 'Dokumentation', description: 'API:ts beskrivning.' },
      ],
    }) as unknown as Record<string, unknown>;
    return c.json(document, 200);
  });
  return api;
}
