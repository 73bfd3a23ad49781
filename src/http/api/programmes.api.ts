import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { getCollaboration } from '../../app/collaboration.js';
import type { AppContext } from '../../app/context.js';
import { comparePrograms } from '../../app/programmes/diff-programmes.js';
import { getProgramme } from '../../app/programmes/get-programme.js';
import { listProgrammes } from '../../app/programmes/list-programmes.js';
import { presentComparison, presentProgramme, presentProgrammeList, slugLookup } from './presenters.js';
import { defaultHook } from './request.js';
import { errors, invalidToken, json } from './responses.js';
import { Comparison, DiffQuery, Programme, ProgrammeList, ProgrammeParams } from './schemas.js';

const listRoute = createRoute({
  method: 'get',
  path: '/programmes',
  operationId: 'listProgrammes',
  tags: ['Program'],
  summary: 'Samverkans utvecklingsprogram med status, äldst först',
  security: [],
  responses: { 200: json(ProgrammeList, 'Alla program i samverkan.'), 401: invalidToken, 500: errors[500] },
});

const getRoute = createRoute({
  method: 'get',
  path: '/programmes/{id}',
  operationId: 'getProgramme',
  tags: ['Program'],
  summary: 'Ett program med fokusområden, mål, strategier, perspektiv och målens släktskap',
  security: [],
  request: { params: ProgrammeParams },
  responses: {
    200: json(Programme, 'Programmet.'),
    401: invalidToken,
    404: errors[404],
    422: errors[422],
    500: errors[500],
  },
});

const diffRoute = createRoute({
  method: 'get',
  path: '/programmes/{id}/diff',
  operationId: 'getProgrammeDiff',
  tags: ['Program'],
  summary: 'Vad som ändrats från en tidigare version (from) till det här programmet',
  security: [],
  request: { params: ProgrammeParams, query: DiffQuery },
  responses: {
    200: json(Comparison, 'Ändringarna, som svenska rader och som struktur.'),
    401: invalidToken,
    404: errors[404],
    422: errors[422],
    500: errors[500],
  },
});

export function programmesApi(ctx: AppContext): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook });

  api.openapi(listRoute, async (c) => c.json(presentProgrammeList(await listProgrammes(ctx)), 200));

  api.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const [view, { networks }] = await Promise.all([getProgramme(ctx, id), getCollaboration(ctx)]);
    const slugOf = slugLookup([view.programme, ...view.predecessors, ...view.successors]);
    return c.json(presentProgramme(view, slugOf, networks), 200);
  });

  api.openapi(diffRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { from } = c.req.valid('query');
    return c.json(presentComparison(await comparePrograms(ctx, from, id)), 200);
  });

  return api;
}
