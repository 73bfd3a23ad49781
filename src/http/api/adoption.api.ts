import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { getAdoption } from '../../app/adoption/get-adoption.js';
import { recordDecision } from '../../app/adoption/record-decision.js';
import { getCollaboration } from '../../app/collaboration.js';
import type { AppContext } from '../../app/context.js';
import { getProgramme } from '../../app/programmes/get-programme.js';
import { validationFailed } from '../../domain/errors.js';
import { requireWriteAccess } from '../require-policy.js';
import { presentAdoption, presentDecision, presentProgrammeRef, presentStatus, slugLookup } from './presenters.js';
import { defaultHook, readJsonBody } from './request.js';
import { API_TOKEN_SCHEME, errors, invalidToken, json } from './responses.js';
import { Adoption, DecisionRecorded, DecisionRequest, ProgrammeParams } from './schemas.js';

const adoptionRoute = createRoute({
  method: 'get',
  path: '/programmes/{id}/adoption',
  operationId: 'getProgrammeAdoption',
  tags: ['Antagande'],
  summary: 'Vilka kommunstyrelser som har antagit programmet, vilka som återstår, och sedan när det gäller',
  security: [],
  request: { params: ProgrammeParams },
  responses: {
    200: json(Adoption, 'Antagandet.'),
    401: invalidToken,
    404: errors[404],
    422: errors[422],
    500: errors[500],
  },
});

const decisionRoute = createRoute({
  method: 'post',
  path: '/programmes/{id}/decisions',
  operationId: 'recordDecision',
  tags: ['Antagande'],
  summary: 'Registrera ett beslut om ett föreslaget program',
  description:
    'Beslut är offentliga handlingar och läggs bara till: ett senare beslut ersätter ett tidigare. Ett avvisat ' +
    'anrop ändrar ingenting. Kräver en API-nyckel (`Authorization: Bearer sv_…`, skapas under Mitt konto → ' +
    'API-nycklar) med rollen handläggare för beslutets kommun, eller administratör.',
  security: [{ [API_TOKEN_SCHEME]: [] }],
  request: {
    params: ProgrammeParams,
    // A reference, not the zod schema itself: recordDecision validates the raw JSON with that schema, and a
    // zod schema here would make the library validate it first (and answer malformed JSON in English).
    body: {
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/DecisionRequest' } } },
    },
  },
  responses: {
    201: {
      ...json(DecisionRecorded, 'Beslutet är registrerat; status är programmets nya status.'),
      headers: { Location: { description: 'Programmets antagande.', schema: { type: 'string' } } },
    },
    400: errors[400],
    401: errors[401],
    403: errors[403],
    404: errors[404],
    409: errors[409],
    415: errors[415],
    422: errors[422],
    500: errors[500],
  },
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function adoptionApi(ctx: AppContext): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook });
  api.openAPIRegistry.register('DecisionRequest', DecisionRequest);

  api.openapi(adoptionRoute, async (c) => {
    const { id } = c.req.valid('param');
    const overview = await getAdoption(ctx, id);
    const slugOf = slugLookup([overview.programme, ...overview.predecessors, ...overview.successors]);
    return c.json(presentAdoption(overview, slugOf), 200);
  });

  // Refused (401/403) before the body is read or validated unless the person may record some member's or the
  // committee's decisions; recordDecision decides for the member the decision names.
  const mayRecordDecisions = requireWriteAccess(ctx, 'record_member_decision', 'record_committee_decision');
  api.openapi({ ...decisionRoute, middleware: [mayRecordDecisions] }, async (c) => {
    const { id } = c.req.valid('param');
    const body = await readJsonBody(c);
    if (!body.ok) return body.reply(c);
    if (!isObject(body.value)) {
      throw validationFailed([
        {
          field: 'body',
          message: 'Skicka beslutet som ett JSON-objekt med fälten bodyKind, datePrecision, date, outcome med flera.',
        },
      ]);
    }
    const decision = await recordDecision(ctx, id, body.value);
    // Read after the transaction: the status the new decision gives, as any later reader sees it.
    const [view, { members }] = await Promise.all([getProgramme(ctx, id), getCollaboration(ctx)]);
    const slugOf = slugLookup([view.programme, ...view.predecessors, ...view.successors]);
    // Named by slug even when the request used the numeric id; relative to wherever the API is mounted.
    c.header(
      'Location',
      c.req.path.replace(/[^/]+\/decisions\/?$/, `${encodeURIComponent(view.programme.slug)}/adoption`),
    );
    return c.json(
      {
        programme: presentProgrammeRef(view.programme),
        decision: presentDecision(decision, new Map(members.map((m) => [m.id, m]))),
        status: presentStatus(view.status, slugOf),
      },
      201,
    );
  });

  return api;
}
