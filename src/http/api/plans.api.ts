import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { reportActivity } from '../../app/follow-up/report-activity.js';
import { readRepos, type AppContext } from '../../app/context.js';
import { getPlan, loadPlan, maySeePlan } from '../../app/plans/get-plan.js';
import { listPlans } from '../../app/plans/list-plans.js';
import { listProgrammes } from '../../app/programmes/list-programmes.js';
import { DomainError, notFound, validationFailed } from '../../domain/errors.js';
import type { ReportStatus } from '../../domain/plans/follow-up.js';
import { requireWriteAccess } from '../require-policy.js';
import { apiBaseOf, presentPlan, presentPlanList, presentReportSaved } from './plan-presenters.js';
import { Plan, PlanList, PlanListQuery, PlanParams, ReportParams, ReportRequest, ReportSaved } from './plan-schemas.js';
import { defaultHook, readJsonBody } from './request.js';
import { API_TOKEN_SCHEME, errors, invalidToken, json } from './responses.js';
import { ErrorResponse } from './schemas.js';

const planNotFound = json(
  ErrorResponse,
  'Planen finns inte, eller är inte antagen och du är inte inloggad med en roll i samverkan (not_found).',
);

/**
 * The plans are public reads, but a key with a role in samverkan also shows the drafts and submitted plans:
 * no credentials, or an API token.
 */
const publicOrToken: Record<string, string[]>[] = [{}, { [API_TOKEN_SCHEME]: [] }];

const listRoute = createRoute({
  method: 'get',
  path: '/plans',
  operationId: 'listPlans',
  tags: ['Planer'],
  summary: 'Chefsnätverkens verksamhetsplaner och handlingsplaner, per nätverk och år',
  description:
    'Den som inte är inloggad ser bara planer som samarbetskommittén har antagit; med en roll i samverkan syns ' +
    'även utkast och inlämnade planer. Planer med isExample true är påhittade exempel (demodata) och ska visas ' +
    'som exempel, med texten i exampleNote.',
  security: publicOrToken,
  request: { query: PlanListQuery },
  responses: {
    200: json(PlanList, 'Planerna.'),
    401: invalidToken,
    404: json(ErrorResponse, 'Nätverket finns inte (not_found); meddelandet räknar upp nätverken.'),
    422: errors[422],
    500: errors[500],
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/plans/{id}',
  operationId: 'getPlan',
  tags: ['Planer'],
  summary: 'En plan med aktiviteter, deras senaste rapport, beslut och årets uppföljningsomgångar',
  description:
    'En aktivitets senaste rapport är rapporten i den senaste omgången (efter sista dag för rapport) som har en. ' +
    'Är planen ett påhittat exempel (isExample) ska det framgå där den visas, med texten i exampleNote.',
  security: publicOrToken,
  request: { params: PlanParams },
  responses: {
    200: json(Plan, 'Planen.'),
    401: invalidToken,
    404: planNotFound,
    422: errors[422],
    500: errors[500],
  },
});

const reportRoute = createRoute({
  method: 'post',
  path: '/plans/{id}/activities/{activityId}/reports',
  operationId: 'reportActivity',
  tags: ['Planer'],
  summary: 'Rapportera en aktivitet i en uppföljningsomgång',
  description:
    'Status (green, yellow, red), hur stor del som är genomförd (0–100 %) och en kommentar, som krävs utom vid ' +
    'grön status. En ny rapport för samma omgång ersätter den tidigare; granskningsloggen behåller båda. Ett ' +
    'avvisat anrop ändrar ingenting. Kräver en API-nyckel (`Authorization: Bearer sv_…`, skapas under Mitt ' +
    'konto → API-nycklar) med rollen ledare eller medlem i planens chefsnätverk, eller administratör; en ' +
    'medlem i ett annat nätverk får 403. Planer som är utkast följs inte upp (409).',
  security: [{ [API_TOKEN_SCHEME]: [] }],
  request: {
    params: ReportParams,
    // A reference, not the zod schema: reportActivity validates the raw JSON with the form's Swedish messages.
    body: {
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ReportRequest' } } },
    },
  },
  responses: {
    201: {
      ...json(ReportSaved, 'Rapporten är sparad.'),
      headers: {
        Location: { description: 'Planen med aktiviteternas senaste rapporter.', schema: { type: 'string' } },
      },
    },
    400: errors[400],
    401: errors[401],
    403: errors[403],
    404: json(ErrorResponse, 'Planen finns inte, eller aktiviteten finns inte i planen (not_found).'),
    409: json(ErrorResponse, 'Planen är ett utkast och följs inte upp ännu (conflict).'),
    415: errors[415],
    422: json(
      ErrorResponse,
      'Rapporten innehåller fel (validation_failed); problems anger fälten roundId, status, progress och comment.',
    ),
    500: errors[500],
  },
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The chief networks' plans with their activities and latest reports; owners post reports. */
export function plansApi(ctx: AppContext): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook });
  api.openAPIRegistry.register('ReportRequest', ReportRequest);

  api.openapi(listRoute, async (c) => {
    const { network, year } = c.req.valid('query');
    const list = await listPlans(ctx, { network, year });
    if (network !== undefined && !list.networks.some((n) => n.key === network))
      throw new DomainError(
        'not_found',
        `Nätverket ”${network}” finns inte. Ange ett av ${list.networks.map((n) => n.key).join(', ')}.`,
      );
    const repos = readRepos(ctx);
    const activities = await repos.plans.activitiesOf(list.plans.map((p) => p.id));
    // In deadline order, so the last report of an activity is its latest (as on the plan itself).
    const reports = await repos.followUp.reportsFor(activities.map((a) => a.id));
    const latest = new Map<number, ReportStatus>(reports.map((r) => [r.activityId, r.status]));
    const latestByPlan = new Map<number, (ReportStatus | null)[]>();
    for (const a of activities)
      latestByPlan.set(a.planId, [...(latestByPlan.get(a.planId) ?? []), latest.get(a.id) ?? null]);
    const programmes = new Map((await listProgrammes(ctx)).map((i) => [i.programme.id, i.programme]));
    return c.json(presentPlanList({ ...list, programmes, latestByPlan }, apiBaseOf(c.req.path)), 200);
  });

  api.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(presentPlan(await getPlan(ctx, id), apiBaseOf(c.req.path)), 200);
  });

  // Refused (401/403) before the plan is looked up or the body read unless the person reports for some network
  // (the public learns nothing about which plans exist); reportActivity decides for the plan's network.
  const mayReport = requireWriteAccess(ctx, 'report_follow_up');
  api.openapi({ ...reportRoute, middleware: [mayReport] }, async (c) => {
    const { id, activityId } = c.req.valid('param');
    const repos = readRepos(ctx);
    const plan = await loadPlan(repos, id);
    if (!maySeePlan(ctx, plan)) throw notFound('Planen');
    const activity = await repos.plans.activityById(activityId);
    if (!activity || activity.planId !== plan.id) throw notFound('Aktiviteten i planen');
    const body = await readJsonBody(c);
    if (!body.ok) return body.reply(c);
    if (!isObject(body.value))
      throw validationFailed([
        {
          field: 'body',
          message: 'Skicka rapporten som ett JSON-objekt med fälten roundId, status, progress och comment.',
        },
      ]);
    const report = await reportActivity(ctx, activity.id, body.value);
    const round = await readRepos(ctx).followUp.roundById(report.roundId);
    if (!round) throw notFound('Omgången');
    c.header('Location', `${apiBaseOf(c.req.path)}/plans/${plan.id}`);
    return c.json(presentReportSaved(plan, activity, report, round), 201);
  });

  return api;
}
