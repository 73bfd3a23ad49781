import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeListJson } from '../../src/http/api/schemas.js';
import { openTestApp, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';

/**
 * The published document tells the truth: every real response validates against the schema the document
 * gives for its path and status, and carries no field the document does not name. This catches both a
 * presenter drifting from its schema and the generator mis-writing a schema (e.g. dropping `null`).
 */

/** The JSON Schema keywords the generator emits (OpenAPI 3.1 schemas are JSON Schema 2020-12). */
interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

/** Checks `value` against the JSON Schema subset the generator emits; returns the problems found. */
function check(value: unknown, schema: Schema, doc: OpenApiDocument, at = '$'): string[] {
  if (schema.$ref) {
    const name = String(schema.$ref).replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    return target ? check(value, target, doc, at) : [`${at}: unresolved ${schema.$ref}`];
  }
  const problems: string[] = [];
  if (schema.allOf) for (const s of schema.allOf) problems.push(...check(value, s, doc, at));
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (!schema[key]) continue;
    const matching = schema[key].filter((s) => check(value, s, doc, at).length === 0).length;
    if (key === 'anyOf' ? matching === 0 : matching !== 1) problems.push(`${at}: matches ${matching} of ${key}`);
  }
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} not in enum`);
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const actual =
      value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
    const ok = types.includes(actual) || (actual === 'integer' && types.includes('number'));
    if (!ok) return [...problems, `${at}: ${actual} is not ${types.join('|')}`];
  }
  const items = schema.items;
  if (Array.isArray(value) && items) value.forEach((v, i) => problems.push(...check(v, items, doc, `${at}[${i}]`)));
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && schema.properties) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${at}.${key}: required`);
    for (const [key, v] of Object.entries(record)) {
      const property = schema.properties[key];
      if (property) problems.push(...check(v, property, doc, `${at}.${key}`));
      else if (schema.additionalProperties === undefined || schema.additionalProperties === false)
        problems.push(`${at}.${key}: not documented`);
    }
  }
  return problems;
}

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
