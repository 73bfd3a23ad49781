import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AdoptionJson,
  ComparisonJson,
  ErrorJson,
  GoalJson,
  ProgrammeJson,
  ProgrammeListJson,
  ProgrammeSummaryJson,
} from '../../src/http/api/schemas.js';
import { openTestApp, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';

/**
 * The JSON API v1 on the real Södertörn demo, through app.request() on the whole app (no port).
 * Read-only checks share one database per dialect; the decision tests live in api-decisions.test.ts.
 */

/** GETs an API path; the body is typed as the schema the route promises (the conformance test checks it). */
const get = async <T>(t: TestApp, path: string) => {
  const res = await t.app.request(`/api/v1${path}`);
  return { res, body: (await res.json()) as T };
};

/** The OpenAPI document, as far as these tests read it. */
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> };
}
interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content: Record<string, { schema: unknown }> }>;
}

describe.each(testDialects)('JSON API v1 (reading) on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(() => t.close());

  it('answers the health check', async () => {
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('lists the five real programmes with their derived statuses, oldest first', async () => {
    const { res, body } = await get<ProgrammeListJson>(t, '/programmes');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const list = body.programmes;
    expect(list.map((p) => [p.id, p.status.kind])).toEqual([
      ['sup-2013', 'replaced'],
      ['sup-2035-proposal', 'replaced'],
      ['sup-2035', 'replaced'],
      ['sup-2035-rev-2021', 'replaced'],
      ['sup-2023', 'in_force'],
    ]);
    const byId = new Map(list.map((p) => [p.id, p]));
    const programme = (id: string): ProgrammeSummaryJson => byId.get(id)!;
    expect(programme('sup-2035')).toEqual({
      id: 'sup-2035',
      name: 'Södertörns utvecklingsprogram 2035',
      targetYear: 2035,
      validity: { fromYear: 2019, toYear: 2022 },
      state: 'proposed',
      adoptionRule: 'all_members',
      status: {
        kind: 'replaced',
        label: 'Ersatt',
        adoptedCount: 8,
        requiredCount: 8,
        inForceFrom: { precision: 'on_or_before', date: '2019-10-11' },
        replacedBy: 'sup-2035-rev-2021',
        replacedFrom: { precision: 'exact', date: '2021-01-14' },
        expiredOn: null,
      },
      replaces: 'sup-2013',
      derivedFrom: 'sup-2035-proposal',
    });
    expect(programme('sup-2013').status).toMatchObject({
      kind: 'replaced',
      replacedBy: 'sup-2035',
      adoptedCount: 0,
      inForceFrom: null,
    });
    expect(programme('sup-2013')).toMatchObject({
      replaces: null,
      derivedFrom: null,
      validity: { fromYear: null, toYear: null },
    });
    expect(programme('sup-2035-rev-2021')).toMatchObject({
      adoptionRule: 'committee',
      replaces: 'sup-2035',
      derivedFrom: 'sup-2035',
      status: {
        requiredCount: 1,
        adoptedCount: 1,
        replacedBy: 'sup-2023',
        inForceFrom: { precision: 'exact', date: '2021-01-14' },
      },
    });
    expect(programme('sup-2023')).toMatchObject({
      replaces: 'sup-2035-rev-2021',
      status: {
        kind: 'in_force',
        label: 'Gällande',
        adoptedCount: 8,
        requiredCount: 8,
        replacedBy: null,
        inForceFrom: { precision: 'unknown' },
      },
    });
    // Public JSON names programmes by slug only: no internal numbers anywhere in the list.
    expect(JSON.stringify(body)).not.toMatch(/ProgrammeId|collaborationId|"version"/);
  });

  it('returns the full structure of sup-2035', async () => {
    const { res, body } = await get<ProgrammeJson>(t, '/programmes/sup-2035');
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      id: 'sup-2035',
      state: 'proposed',
      replaces: 'sup-2013',
      successors: ['sup-2035-rev-2021'],
    });
    expect(body.overarchingGoal).toMatch(/^Stark infrastruktur/);
    expect(body.perspectives).toEqual([
      { name: 'Hållbar utveckling', description: 'Hållbar utveckling ingår i samtliga fokusområden' },
      { name: 'Klimat', description: 'Klimatfrågan ska genomsyra alla målområden' },
    ]);
    expect(body.focusAreas.map((a) => a.name)).toEqual([
      'Infrastruktur',
      'Näringsliv och högskola',
      'Olikhet och mångfald',
      'Klimat',
    ]);
    expect(body.focusAreas.map((a) => a.goals.length)).toEqual([1, 2, 1, 1]);

    const infra = body.focusAreas[0]!.goals[0]!;
    expect(infra).toMatchObject({
      title: 'Utnyttja den nya infrastrukturen',
      network: { key: 'planeringschefer', name: 'Planeringschefer' },
      statements: [
        { perspective: 'Hållbar utveckling', statement: null },
        { perspective: 'Klimat', statement: null },
      ],
    });
    expect(typeof infra.id).toBe('number');
    expect(infra.strategies).toHaveLength(3);
    expect(infra.strategies[0]).toBe(
      'Vi positionerar Södertörn i ett regionalt och nationellt sammanhang för infrastruktur och transporter.',
    );
    expect(infra.predecessors).toHaveLength(1);
    expect(infra.predecessors[0]).toMatchObject({ programme: 'sup-2013' });
    expect(typeof infra.predecessors[0]!.goalId).toBe('number');

    const climate = body.focusAreas[3]!;
    expect(climate.network).toEqual({ key: 'klimatstrateger', name: 'Klimatstrateger' });
    expect(climate.goals[0]!.title).toBe('Leda omställningen till ett klimateffektivt samhälle');
    expect(body.focusAreas[1]!.network).toBeNull();
  });

  it('links the predecessor goal back to its successor', async () => {
    const infra = (await get<ProgrammeJson>(t, '/programmes/sup-2035')).body.focusAreas[0]!.goals[0]!;
    const link = infra.predecessors[0]!;
    const earlier = (await get<ProgrammeJson>(t, '/programmes/sup-2013')).body;
    const predecessor = earlier.focusAreas.flatMap((a): GoalJson[] => a.goals).find((g) => g.id === link.goalId);
    expect(predecessor?.title).toBe(link.title);
    expect(predecessor?.successors).toContainEqual({ goalId: infra.id, title: infra.title, programme: 'sup-2035' });
  });

  it('answers 404 not_found in Swedish for an unknown programme, on every programme path', async () => {
    for (const path of [
      '/programmes/finns-inte',
      '/programmes/999999',
      '/programmes/finns-inte/adoption',
      '/programmes/finns-inte/diff?from=sup-2035',
      '/programmes/sup-2035/diff?from=finns-inte',
    ]) {
      const { res, body } = await get<ErrorJson>(t, path);
      expect(res.status, path).toBe(404);
      expect(body, path).toEqual({ error: { code: 'not_found', message: 'Programmet finns inte.' } });
    }
    const { res, body } = await get<ErrorJson>(t, '/inget-sadant');
    expect(res.status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });

  it('shows that all eight members adopted sup-2035 on or before 2019-10-11', async () => {
    const { res, body } = await get<AdoptionJson>(t, '/programmes/sup-2035/adoption');
    expect(res.status).toBe(200);
    expect(body.programme).toEqual({ id: 'sup-2035', name: 'Södertörns utvecklingsprogram 2035' });
    expect(body.status).toMatchObject({ kind: 'replaced', adoptedCount: 8, requiredCount: 8 });
    expect(body.committee).toBeNull();
    expect(body.members.map((m) => m.code).sort()).toEqual([
      '0126',
      '0127',
      '0128',
      '0136',
      '0138',
      '0140',
      '0181',
      '0192',
    ]);
    for (const m of body.members) {
      expect(m.standing).toBe('adopted');
      expect(m.decisions).toHaveLength(1);
      expect(m.decisions[0]).toMatchObject({
        date: { precision: 'on_or_before', date: '2019-10-11' },
        bodyKind: 'board',
        member: { code: m.code, name: m.name },
        outcome: 'adopted',
      });
      expect(m.decisions[0]!.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    expect(body.otherDecisions).toEqual([]);
  });

  it("shows the committee's adoption of the 2021 adjustment among the other decisions", async () => {
    const { body } = await get<AdoptionJson>(t, '/programmes/sup-2035-rev-2021/adoption');
    expect(body.committee).toEqual({ standing: 'adopted' });
    expect(body.otherDecisions).toHaveLength(1);
    expect(body.otherDecisions[0]).toMatchObject({
      bodyKind: 'committee',
      member: null,
      date: { precision: 'exact', date: '2021-01-14' },
    });
    expect(body.members.every((m) => m.standing === 'none')).toBe(true);
  });

  it('diffs sup-2035 to sup-2035-rev-2021, including the move of the climate goal', async () => {
    const { res, body } = await get<ComparisonJson>(t, '/programmes/sup-2035-rev-2021/diff?from=sup-2035');
    expect(res.status).toBe(200);
    expect(body.from).toEqual({ id: 'sup-2035', name: 'Södertörns utvecklingsprogram 2035' });
    expect(body.to).toEqual({ id: 'sup-2035-rev-2021', name: 'Södertörns utvecklingsprogram 2035 (justerat)' });
    expect(body.lines).toContain(
      'målet ”Leda omställningen till ett klimateffektivt samhälle” flyttas från Klimat till Funktionell samordning',
    );
    expect(body.lines).toContain('nytt fokusområde, Funktionell samordning, införs');
    expect(body.diff.focusAreas.added).toEqual([expect.objectContaining({ name: 'Funktionell samordning' })]);
    const move = body.diff.goals.matched.find((m) => m.moved);
    expect(move).toMatchObject({
      from: { title: 'Leda omställningen till ett klimateffektivt samhälle', focusAreaName: 'Klimat' },
      to: { focusAreaName: 'Funktionell samordning' },
      reworded: false,
    });
    expect(body.diff.perspectives.removed.map((p) => p.name)).toEqual(['Hållbar utveckling', 'Klimat']);
    expect(body.diff.validity).toEqual({
      from: { fromYear: 2019, toYear: 2022 },
      to: { fromYear: null, toYear: null },
    });
    expect(body.diff).not.toHaveProperty('fromProgrammeId');
  });

  it('answers a diff without ?from= with 422 validation_failed in Swedish, not a raw ZodError', async () => {
    const { res, body } = await get<ErrorJson>(t, '/programmes/sup-2035/diff');
    expect(res.status).toBe(422);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toMatch(/Uppgifterna innehåller/);
    expect(body.error.problems).toEqual([{ field: 'from', message: expect.stringMatching(/^Ange vilket program/) }]);
    expect(body).not.toHaveProperty('success');
  });

  it('publishes an OpenAPI 3.1 document generated from the schemas, with all seventeen paths', async () => {
    const { res, body: doc } = await get<OpenApiDocument>(t, '/openapi.json');
    expect(res.status).toBe(200);
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info).toMatchObject({ title: 'samverkan API', version: '1' });
    expect(doc.info.description).toMatch(/utvecklingsprogram/);
    expect(doc.servers).toEqual([{ url: '/api/v1' }]);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/conference-packs/{id}',
      '/documents/read',
      '/follow-up/{year}/annual-report',
      '/indicators',
      '/indicators/{id}/group',
      '/indicators/{id}/values',
      '/openapi.json',
      '/plans',
      '/plans/{id}',
      '/plans/{id}/activities/{activityId}/reports',
      '/programmes',
      '/programmes/{id}',
      '/programmes/{id}/adoption',
      '/programmes/{id}/decisions',
      '/programmes/{id}/diff',
      '/programmes/{id}/document',
      '/programmes/{id}/memo',
    ]);
    // Every documented path answers from the server URL (the document describes the mounted routes).
    expect((await t.app.request(`${doc.servers[0]!.url}/programmes`)).status).toBe(200);

    const schemas = doc.components.schemas;
    for (const name of [
      'Error',
      'FieldProblem',
      'ProgrammeSummary',
      'Programme',
      'Goal',
      'ProgrammeStatus',
      'Adoption',
      'Decision',
      'DecisionRequest',
      'Comparison',
      'ProgrammeDiff',
    ]) {
      expect(schemas, name).toHaveProperty(name);
    }
    expect(Object.keys(schemas.DecisionRequest!.properties).sort()).toEqual([
      'bodyKind',
      'date',
      'datePrecision',
      'memberCode',
      'memberId',
      'note',
      'outcome',
      'paragraph',
      'source',
    ]);
    expect(schemas.DecisionRequest!.properties.outcome!.enum).toEqual(['adopted', 'rejected', 'referred_back']);

    const post = doc.paths['/programmes/{id}/decisions']!.post!;
    expect(post.requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/DecisionRequest',
    });
    for (const status of ['400', '404', '409', '422']) {
      expect(post.responses[status]?.content['application/json']?.schema, status).toEqual({
        $ref: '#/components/schemas/Error',
      });
    }
    expect(post.responses['201']?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/DecisionRecorded',
    });
    const getOne = doc.paths['/programmes/{id}']!.get!;
    expect(getOne.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path', required: true }));
    expect(getOne.responses['404']?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
    expect(doc.paths['/programmes/{id}/diff']!.get!.parameters).toContainEqual(
      expect.objectContaining({ name: 'from', in: 'query', required: true }),
    );

    // Every reference resolves.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(schemas, ref).toHaveProperty(ref);
  });
});
