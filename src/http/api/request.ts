import type { Hook } from '@hono/zod-openapi';
import type { Context, Env } from 'hono';
import { problemsOf } from '../../app/input.js';
import { validationFailed } from '../../domain/errors.js';
import { errorBody } from '../error-body.js';

/**
 * Request validation of paths and query strings (@hono/zod-openapi's validators) fails as every other
 * validation does: a DomainError, which the app's one error handler answers with 422 validation_failed and
 * the Swedish problems. Without this hook the library would answer 400 with the raw ZodError.
 */
export const defaultHook: Hook<unknown, Env, string, undefined> = (result) => {
  if (!result.success) throw validationFailed(problemsOf(result.error));
  return undefined;
};

/** The body was not JSON: answered here, as it is a matter of the transport, not of the domain. */
export const invalidJson = (c: Context) => c.json(errorBody('invalid_json', 'Förfrågan är inte giltig JSON.'), 400);

export const unsupportedMediaType = (c: Context) =>
  c.json(errorBody('unsupported_media_type', 'Skicka uppgifterna som JSON med Content-Type: application/json.'), 415);

const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

/**
 * The request body parsed as JSON, or why it could not be. A body without a Content-Type is read as JSON too;
 * form encodings and other types are refused.
 */
export async function readJsonBody(
  c: Context,
): Promise<{ ok: true; value: unknown } | { ok: false; reply: typeof invalidJson | typeof unsupportedMediaType }> {
  const type = c.req.header('content-type');
  if (type !== undefined && !JSON_TYPE.test(type)) return { ok: false, reply: unsupportedMediaType };
  const text = await c.req.text();
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reply: invalidJson };
  }
}
