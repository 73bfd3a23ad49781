import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeListJson } from '../../src/http/api/schemas.js';
import { openTestApp, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';
import { check, type OpenApiDocument, type Schema } from '../support/openapi-check.js';

/**
 * The published document tells the truth: every real response validates against the schema the document
 * gives for its path and status, and carries no field the document does not name. This catches both a
 * presenter drifting from its schema and the generator mis-writing a schema (e.g. dropping `null`).
 */

describe.each(testDialects)('the OpenAPI document describes the real responses on %s', (dialect) => {
  let t: TestApp;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    t = await openTestApp(dialect);
    doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
  });
  afterAll(() => t.close());

  /** Calls the API and checks the answer against the document's response schema for `template`. */
  const conforms = async (template: string, path: string, init?: RequestInit) => {
    const res = await t.app.request(`/api/v1${path}`, init);
    const operation = doc.paths[template]?.[(init?.method ?? 'get').toLowerCase()];
    const schema = operation?.responses[String(res.status)]?.content['application/json']?.schema;
    expect(schema, `${path}: status ${res.status} is not documented`).toBeDefined();
    const body: unknown = await res.json();
    expect(check(body, schema!, doc), path).toEqual([]);
    return { status: res.status, body };
  };

  it('holds for the list, every programme, its adoption and the diff from its predecessor', async () => {
    const { programmes } = (await conforms('/programmes', '/programmes')).body as ProgrammeListJson;
    expect(programmes).toHaveLength(5);
    for (const p of programmes) {
      expect((await conforms('/programmes/{id}', `/programmes/${p.id}`)).status).toBe(200);
      expect((await conforms('/programmes/{id}/adoption', `/programmes/${p.id}/adoption`)).status).toBe(200);
      const from = p.derivedFrom ?? p.replaces;
      if (from)
        expect((await conforms('/programmes/{id}/diff', `/programmes/${p.id}/diff?from=${from}`)).status).toBe(200);
    }
  });

  it('holds for a recorded decision and for the errors', async () => {
    const post = (body: string) => ({ method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    const decision = JSON.stringify({
      memberCode: '0138',
      bodyKind: 'board',
      datePrecision: 'unknown',
      outcome: 'adopted',
    });
    expect(
      (await conforms('/programmes/{id}/decisions', '/programmes/sup-2023/decisions', post(decision))).status,
    ).toBe(201);
    expect((await conforms('/programmes/{id}/decisions', '/programmes/sup-2023/decisions', post('{'))).status).toBe(
      400,
    );
    expect((await conforms('/programmes/{id}/decisions', '/programmes/sup-2023/decisions', post('{}'))).status).toBe(
      422,
    );
    expect((await conforms('/programmes/{id}/decisions', '/programmes/nej/decisions', post(decision))).status).toBe(
      404,
    );
    expect((await conforms('/programmes/{id}', '/programmes/nej')).status).toBe(404);
    expect((await conforms('/programmes/{id}/diff', '/programmes/sup-2035/diff')).status).toBe(422);
  });

  it('writes nullable named schemas as nullable, and no named schema itself as nullable', () => {
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      expect(check(null, schema, doc), `${name} accepts null`).not.toEqual([]);
    }
    const property = (schema: string, name: string): Schema => doc.components.schemas[schema]?.properties?.[name] ?? {};
    expect(property('Goal', 'network').anyOf).toBeDefined();
    for (const [schema, name] of [
      ['Goal', 'network'],
      ['FocusArea', 'network'],
      ['ProgrammeStatus', 'inForceFrom'],
      ['ProgrammeStatus', 'replacedFrom'],
      ['Decision', 'member'],
      ['ProgrammeDiff', 'vision'],
    ] as const) {
      expect(check(null, property(schema, name), doc), `${schema}.${name}`).toEqual([]);
    }
  });
});
