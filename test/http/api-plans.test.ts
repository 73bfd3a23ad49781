/**
 * The plan API on the real demo (its example plans) and plans made with the repositories: the list with its
 * filters and who sees what, one plan with its activities and latest reports, and reporting with an API token
 * under the web's role rules. Every answer is checked against the published OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, grantKey } from '../../src/app/auth/api-tokens.js';
import { actingAs, readRepos } from '../../src/app/context.js';
import { EXAMPLE_PLAN_NOTICE } from '../../src/domain/plans/example-notices.js';
import type { FollowUpRound } from '../../src/domain/plans/follow-up.js';
import type { Activity, Plan } from '../../src/domain/plans/plan.js';
import type { PlanJson, PlanListJson, ReportSavedJson } from '../../src/http/api/plan-schemas.js';
import type { ErrorJson } from '../../src/http/api/schemas.js';
import { ANONYMOUS_COOKIE, openTestApp, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';
import { check, type OpenApiDocument } from '../support/openapi-check.js';
import { makeActivity, makePlan } from '../support/plans.js';

describe.each(testDialects)('JSON API v1 (plans) on %s', (dialect) => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let rounds2026: FollowUpRound[];
  /** The demo's example plans by network key. */
  let planeringschefer: PlanListJson['plans'][number];
  let klimatstrateger: PlanListJson['plans'][number];
  /** A draft of 2027 for planeringschefer, with one activity, made with the repositories. */
  let draft: Plan;
  let draftActivity: Activity;
  let memberToken: string;
  let foreignToken: string;
  let memberName: string;

  /** Calls the API (signed out unless a token or cookie is given) and checks the answer against the document. */
  async function call<T = unknown>(
    template: string,
    path: string,
    init: { method?: string; body?: unknown; token?: string; cookie?: string; contentType?: string } = {},
  ): Promise<{ status: number; body: T & ErrorJson; res: Response }> {
    const method = init.method ?? 'GET';
    const res = await t.app.request(`http://localhost/api/v1${path}`, {
      method,
      ...(init.body === undefined
        ? {}
        : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
      headers: {
        'Content-Type': init.contentType ?? 'application/json',
        Cookie: init.cookie ?? ANONYMOUS_COOKIE,
        ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      },
    });
    const body = (await res.json()) as T & ErrorJson;
    const schema =
      doc.paths[template]?.[method.toLowerCase()]?.responses[String(res.status)]?.content['application/json']?.schema;
    expect(schema, `${method} ${path}: status ${res.status} is not documented`).toBeDefined();
    expect(check(body, schema!, doc), `${method} ${path}`).toEqual([]);
    return { status: res.status, body, res };
  }

  const list = (query = '', cookie?: string) => call<PlanListJson>('/plans', `/plans${query}`, { cookie });
  const getOne = (id: number, cookie?: string) => call<PlanJson>('/plans/{id}', `/plans/${id}`, { cookie });
  const report = (planId: number, activityId: number, body: unknown, token?: string, contentType?: string) =>
    call<ReportSavedJson>(
      '/plans/{id}/activities/{activityId}/reports',
      `/plans/${planId}/activities/${activityId}/reports`,
      { method: 'POST', body, token, contentType },
    );

  /** A new account with `role` in `network` and an API token with that role. */
  async function tokenFor(network: string): Promise<{ token: string; name: string }> {
    const session = await t.session('network_member', { network });
    const user = (await readRepos(t.ctx).users.byEmail(session.email))!;
    const ctx = actingAs(
      t.ctx,
      { kind: 'user', userId: user.id, name: user.name },
      { signedIn: true, grants: user.grants },
    );
    const { token } = await createApiToken(ctx, { name: 'Uppföljning', grant: grantKey(user.grants[0]!) });
    return { token, name: user.name };
  }

  const reportsOf = (activityId: number) =>
    t.storage.db
      .selectFrom('activity_reports')
      .selectAll()
      .where('activity_id', '=', activityId)
      .orderBy('id')
      .execute();
  const auditCount = () => readRepos(t.ctx).audit.count();

  beforeAll(async () => {
    t = await openTestApp(dialect);
    doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
    const repos = readRepos(t.ctx);
    const collaboration = (await repos.collaboration.first())!;
    rounds2026 = await repos.followUp.rounds(collaboration.id, 2026);
    const all = (await list()).body.plans;
    planeringschefer = all.find((p) => p.network.key === 'planeringschefer' && p.kind === 'operational')!;
    klimatstrateger = all.find((p) => p.network.key === 'klimatstrateger')!;

    draft = await makePlan(t.ctx, {
      networkKey: 'planeringschefer',
      year: 2027,
      state: 'draft',
      title: 'Verksamhetsplan 2027 (utkast)',
      summary: 'Utkastets inriktning.',
    });
    draftActivity = await makeActivity(t.ctx, draft, {
      title: 'Aktivitet i utkastet',
      description: '',
      strategyIds: [],
      ownerName: 'Planeringschef, Salems kommun',
      startDate: '2027-01-15',
      endDate: '2027-12-15',
      budgetKr: null,
      climateEffect: 'unknown',
      climateJustification: 'Inte bedömd än.',
    });
    ({ token: memberToken, name: memberName } = await tokenFor('planeringschefer'));
    ({ token: foreignToken } = await tokenFor('klimatstrateger'));
  });
  afterAll(() => t?.close());

  describe('GET /plans', () => {
    it('lists the adopted example plans to the public, each marked as an example with counts', async () => {
      const { status, body } = await list();
      expect(status).toBe(200);
      expect(body.plans.map((p) => [p.network.key, p.kind, p.year, p.state])).toEqual([
        ['planeringschefer', 'operational', 2026, 'adopted'],
        ['planeringschefer', 'action', 2026, 'adopted'],
        ['klimatstrateger', 'operational', 2026, 'adopted'],
      ]);
      expect(body.plans.every((p) => p.isExample && p.exampleNote === EXAMPLE_PLAN_NOTICE)).toBe(true);
      expect(body.plans.every((p) => p.programme.id === 'sup-2035-rev-2021')).toBe(true);
      expect(body.years).toEqual([2026]);
      expect(body.networks.map((n) => n.key)).toContain('klimatstrateger');
      // Klimatstrateger: four activities, latest reports two green, one yellow (upphandlingar), one red (laddning).
      expect(klimatstrateger.counts).toEqual({
        activities: 4,
        byLatestStatus: { green: 2, yellow: 1, red: 1, notReported: 0 },
      });
      const action = body.plans.find((p) => p.kind === 'action')!;
      expect(action.parentPlanId).toBe(planeringschefer.id);
      expect(planeringschefer.links.self).toBe(`/api/v1/plans/${planeringschefer.id}`);
    });

    it('filters by network and year', async () => {
      const byNetwork = (await list('?network=klimatstrateger')).body;
      expect(byNetwork.plans.map((p) => p.id)).toEqual([klimatstrateger.id]);
      const both = (await list('?network=planeringschefer&year=2026')).body;
      expect(both.plans.map((p) => p.title)).toEqual([
        'Verksamhetsplan 2026 för planeringschefernas nätverk',
        'Handlingsplan 2026 för cykel på Södertörn',
      ]);
      expect((await list('?year=2025')).body.plans).toEqual([]);
      expect((await list('?network=yh-natverket')).body.plans).toEqual([]);
    });

    it('shows drafts only to people with a role in the cooperation', async () => {
      expect((await list('?year=2027')).body.plans).toEqual([]);
      expect((await getOne(draft.id)).status).toBe(404);
      // Without a Cookie header the test app acts as the secretariat's administrator.
      const internal = await list('?year=2027', t.admin.cookie);
      expect(internal.body.plans.map((p) => [p.id, p.state, p.isExample, p.exampleNote])).toEqual([
        [draft.id, 'draft', false, null],
      ]);
      expect(internal.body.years).toEqual([2027, 2026]);
      const one = await getOne(draft.id, t.admin.cookie);
      expect(one.status).toBe(200);
      expect(one.body.activities.map((a) => [a.title, a.latestReport])).toEqual([['Aktivitet i utkastet', null]]);
    });

    it('answers a bad year with 422 and a Swedish problem, an unknown network with 404', async () => {
      const year = await list('?year=tjugo');
      expect(year.status).toBe(422);
      expect(year.body.error.code).toBe('validation_failed');
      expect(year.body.error.problems).toEqual([
        { field: 'year', message: 'Ange året (year) som ett helt årtal mellan 2000 och 2100, till exempel 2026.' },
      ]);
      expect((await list('?year=1999')).status).toBe(422);
      const network = await list('?network=skolchefer');
      expect(network.status).toBe(404);
      expect(network.body.error).toEqual({
        code: 'not_found',
        message: expect.stringMatching(/^Nätverket ”skolchefer” finns inte\. Ange ett av planeringschefer, /),
      });
    });
  });

  describe('GET /plans/{id}', () => {
    it('gives the plan with its activities, their latest reports, the decision and the year’s rounds', async () => {
      const { status, body } = await getOne(klimatstrateger.id);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        id: klimatstrateger.id,
        title: 'Verksamhetsplan 2026 för klimatstrategernas nätverk',
        network: { key: 'klimatstrateger', name: 'Klimatstrateger' },
        isExample: true,
        exampleNote: EXAMPLE_PLAN_NOTICE,
        parent: null,
        actionPlans: [],
      });
      expect(body.summary).toMatch(/^Påhittat exempel:/);
      expect(body.rounds.map((r) => [r.name, r.periodEnd, r.dueDate])).toEqual([
        ['Tertial 1', '2026-04-30', '2026-05-15'],
        ['Tertial 2', '2026-08-31', '2026-09-15'],
        ['Årsuppföljning', '2026-12-31', '2027-01-31'],
      ]);
      expect(body.decisions).toHaveLength(1);
      expect(body.decisions[0]).toMatchObject({
        decided: { precision: 'exact', date: '2026-01-22' },
        outcome: 'adopted',
      });
      expect(body.decisions[0]!.note).toContain('påhittat');

      expect(body.activities.map((a) => a.title)).toEqual([
        'Gemensam färdplan för fossilfria transporter',
        'Behovet av laddinfrastruktur',
        'Klimatkrav i gemensamma upphandlingar av transporter',
        'Samordnad skyfallskartering',
      ]);
      const charging = body.activities[1]!;
      expect(charging).toMatchObject({
        position: 2,
        ownerName: 'Klimatstrateg, Södertälje kommun',
        startDate: '2026-02-01',
        endDate: '2026-09-30',
        budgetKr: 180000,
        weight: 1,
        climateEffect: 'reduces',
        dimension: 'ecological',
        carriedOverFrom: null,
        links: { reports: `/api/v1/plans/${klimatstrateger.id}/activities/${charging.id}/reports` },
      });
      expect(charging.goals.map((g) => [g.title, g.focusArea.name])).toEqual([
        ['Stark infrastruktur är en förutsättning för hållbar utveckling', 'Infrastruktur'],
        ['Leda omställningen till ett klimateffektivt samhälle', 'Funktionell samordning'],
      ]);
      expect(charging.strategies.map((s) => s.text)).toContain('Baserat på en robust teknisk försörjning.');
      expect(charging.members.map((m) => m.code)).toEqual(['0126', '0127', '0128', '0140', '0181']);
      expect(charging.latestReport).toMatchObject({
        roundId: rounds2026[1]!.id,
        round: 'Tertial 2 2026',
        status: 'red',
        statusLabel: 'Röd – avviker från plan',
        progress: 45,
        reportedBy: 'Exempeldata',
      });
      // Not reported for tertial 2: its latest report is tertial 1's.
      expect(body.activities[3]!.latestReport).toMatchObject({
        round: 'Tertial 1 2026',
        status: 'green',
        progress: 15,
      });
    });

    it('names an action plan’s operational plan and the operational plan’s action plans', async () => {
      const op = (await getOne(planeringschefer.id)).body;
      expect(op.actionPlans.map((p) => p.title)).toEqual(['Handlingsplan 2026 för cykel på Södertörn']);
      const action = (await getOne(op.actionPlans[0]!.id)).body;
      expect(action.parent).toEqual({ id: op.id, title: op.title, state: 'adopted' });
      expect(action.kind).toBe('action');
    });

    it('answers a plan that does not exist with 404, and a non-number with 422', async () => {
      const missing = await getOne(999_999);
      expect(missing.status).toBe(404);
      expect(missing.body.error).toEqual({ code: 'not_found', message: 'Planen finns inte.' });
      expect((await call('/plans/{id}', '/plans/tre')).status).toBe(422);
    });
  });

  describe('POST /plans/{id}/activities/{activityId}/reports', () => {
    /** Planeringschefer's station activity: reported for tertial 1 only. */
    const stations = async () => (await getOne(planeringschefer.id)).body.activities[2]!;

    it('stores a network member’s report, answers 201 with it, and the plan shows it as latest', async () => {
      const activity = await stations();
      expect(activity.title).toBe('Samordnad planering av bebyggelse nära stationer');
      expect(activity.latestReport?.round).toBe('Tertial 1 2026');
      const events = await auditCount();
      const { status, body, res } = await report(
        planeringschefer.id,
        activity.id,
        { roundId: rounds2026[1]!.id, status: 'yellow', progress: '30 %', comment: 'Två kommuner saknar underlag.' },
        memberToken,
      );
      expect(status).toBe(201);
      expect(res.headers.get('location')).toBe(`/api/v1/plans/${planeringschefer.id}`);
      expect(body).toMatchObject({
        plan: { id: planeringschefer.id, isExample: true, exampleNote: EXAMPLE_PLAN_NOTICE },
        activity: { id: activity.id, title: activity.title },
        report: {
          roundId: rounds2026[1]!.id,
          round: 'Tertial 2 2026',
          status: 'yellow',
          progress: 30,
          comment: 'Två kommuner saknar underlag.',
          reportedBy: expect.stringContaining(memberName),
        },
      });
      expect((await stations()).latestReport).toMatchObject({
        round: 'Tertial 2 2026',
        status: 'yellow',
        progress: 30,
      });
      expect(await auditCount()).toBe(events + 1);
      const rows = await reportsOf(activity.id);
      expect(rows.map((r) => [r.round_id, r.status, Number(r.progress)])).toEqual([
        [rounds2026[0]!.id, 'green', 15],
        [rounds2026[1]!.id, 'yellow', 30],
      ]);
    });

    it('refuses another network’s member with 403 and changes nothing', async () => {
      const activity = await stations();
      const [before, events] = [await reportsOf(activity.id), await auditCount()];
      const { status, body } = await report(
        planeringschefer.id,
        activity.id,
        { roundId: rounds2026[1]!.id, status: 'green', progress: 90, comment: '' },
        foreignToken,
      );
      expect(status).toBe(403);
      expect(body.error.code).toBe('forbidden');
      expect(await reportsOf(activity.id)).toEqual(before);
      expect(await auditCount()).toBe(events);
      // Their own network's activity they may report.
      const own = (await getOne(klimatstrateger.id)).body.activities[3]!;
      const ok = await report(
        klimatstrateger.id,
        own.id,
        { roundId: rounds2026[1]!.id, status: 'green', progress: 60 },
        foreignToken,
      );
      expect(ok.status).toBe(201);
    });

    it('answers the public with 401 and a Bearer challenge', async () => {
      const activity = await stations();
      const events = await auditCount();
      const { status, body, res } = await report(planeringschefer.id, activity.id, {
        roundId: rounds2026[1]!.id,
        status: 'green',
        progress: 90,
      });
      expect(status).toBe(401);
      expect(body.error.code).toBe('unauthenticated');
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
      expect(await auditCount()).toBe(events);
    });

    it('answers a yellow report without a comment with 422 and Swedish problems, changing nothing', async () => {
      const activity = await stations();
      const [before, events] = [await reportsOf(activity.id), await auditCount()];
      const { status, body } = await report(
        planeringschefer.id,
        activity.id,
        { roundId: rounds2026[1]!.id, status: 'yellow', progress: 101, comment: '  ' },
        memberToken,
      );
      expect(status).toBe(422);
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.problems?.map((p) => p.field)).toEqual(['progress', 'comment']);
      expect(body.error.problems?.find((p) => p.field === 'comment')?.message).toMatch(/^Skriv en kommentar/);
      expect(body.error.problems?.find((p) => p.field === 'progress')?.message).toContain('från 0 till 100');
      expect(await reportsOf(activity.id)).toEqual(before);
      expect(await auditCount()).toBe(events);
    });

    it('refuses a round of another year, an activity of another plan, a draft plan and bad JSON', async () => {
      const activity = await stations();
      const events = await auditCount();
      const rounds2027 = await readRepos(t.ctx).followUp.rounds(1, 2027);
      const otherYear = await report(
        planeringschefer.id,
        activity.id,
        { roundId: rounds2027[0]!.id, status: 'green', progress: 50 },
        memberToken,
      );
      expect(otherYear.status).toBe(422);
      expect(otherYear.body.error.problems?.map((p) => p.field)).toEqual(['roundId']);

      const valid = { roundId: rounds2026[1]!.id, status: 'green', progress: 50 };
      const wrongPlan = await report(klimatstrateger.id, activity.id, valid, memberToken);
      expect(wrongPlan.status).toBe(404);
      expect(wrongPlan.body.error.message).toBe('Aktiviteten i planen finns inte.');

      const onDraft = await report(draft.id, draftActivity.id, { ...valid, roundId: 0 }, memberToken);
      expect(onDraft.status).toBe(409);
      expect(onDraft.body.error.message).toMatch(/^Planen är ett utkast/);

      expect((await report(planeringschefer.id, activity.id, '{', memberToken)).status).toBe(400);
      expect((await report(planeringschefer.id, activity.id, [valid], memberToken)).status).toBe(422);
      expect(
        (await report(planeringschefer.id, activity.id, '<rapport/>', memberToken, 'application/xml')).status,
      ).toBe(415);
      expect(await auditCount()).toBe(events);
    });

    it('is documented as needing an API token, under the tag Planer', () => {
      const operation = doc.paths['/plans/{id}/activities/{activityId}/reports']!['post']! as unknown as {
        security: unknown;
        tags: string[];
      };
      expect(operation.security).toEqual([{ apiToken: [] }]);
      expect(operation.tags).toEqual(['Planer']);
      expect(doc.tags?.map((tag) => tag.name)).toContain('Planer');
      expect(doc.components.schemas['ReportRequest']?.required).toEqual(['roundId', 'status', 'progress']);
    });
  });
});
