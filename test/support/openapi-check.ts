/**
 * Checks API responses against the published OpenAPI document: the JSON Schema subset the generator
 * emits (OpenAPI 3.1 schemas are JSON Schema 2020-12). Used by every API test that validates responses.
 */

/** The JSON Schema keywords the generator emits (OpenAPI 3.1 schemas are JSON Schema 2020-12). */
export interface Schema {
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

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        tags?: string[];
        parameters?: { name: string; in: string }[];
        responses: Record<string, { content: Record<string, { schema: Schema }> }>;
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
  tags?: { name: string }[];
}

/** Checks `value` against the JSON Schema subset the generator emits; returns the problems found. */
export function check(value: unknown, schema: Schema, doc: OpenApiDocument, at = '$'): string[] {
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
