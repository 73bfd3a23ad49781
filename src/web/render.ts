import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { chosenEncoding, COMPRESS_FROM_BYTES } from '../http/compression.js';
import { DomainError, type FieldProblem } from '../domain/errors.js';
import { renderPage } from './layout.js';

/** Sends a page (doctype included). */
export const html = (c: Context, page: JSX.Element, status: ContentfulStatusCode = 200) =>
  c.html(withCsrfFields(renderPage(page), c.get('signedIn')?.csrfToken), status);

export interface PageCache {
  get(key: string, render: () => Promise<Uint8Array>): Promise<Uint8Array>;
}

/**
 * Sends a page that is the same for every visitor who is not signed in (no name, no CSRF token),
 * keeping its bytes under `key` and the page's language; `key` must change whenever anything the page
 * shows changes. Signed-in
 * people get the page rendered for them.
 */
export async function publicPage(
  c: Context,
  cache: PageCache,
  key: string,
  render: () => Promise<JSX.Element>,
): Promise<Response> {
  if (c.get('signedIn')) return html(c, await render());
  // The language is part of every key, so that a Swedish and an English page never share an entry.
  const bytes = await cache.get(`${c.get('locale') ?? 'sv'}:${key}`, async () =>
    new TextEncoder().encode(renderPage(await render())),
  );
  // What the compression middleware (src/http/compression.ts) would send, made once per cached page
  // instead of on every request: it leaves a response that has its Content-Encoding as it is.
  const headers = { 'Content-Type': 'text/html; charset=UTF-8', Vary: 'Accept-Encoding' };
  if (bytes.byteLength >= COMPRESS_FROM_BYTES && !c.req.header('Authorization') && chosenEncoding(c) === 'gzip')
    return c.body(gzipped(bytes) as Uint8Array<ArrayBuffer>, 200, { ...headers, 'Content-Encoding': 'gzip' });
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, headers);
}

/** A cached page's gzip, kept as long as the page's bytes are (the cache's entry). */
const gzipOfPage = new WeakMap<Uint8Array, Uint8Array>();
function gzipped(bytes: Uint8Array): Uint8Array {
  let packed = gzipOfPage.get(bytes);
  if (!packed) gzipOfPage.set(bytes, (packed = gzipSync(bytes)));
  return packed;
}

const POST_FORM = /<form\b[^>]*\bmethod="post"[^>]*>/g;

/**
 * Every post form of a signed-in person's page carries the session's CSRF token; added here, in
 * one place, so no form can forget it. The token is URL-safe base64: nothing to escape.
 */
export function withCsrfFields(page: string, token: string | undefined): string {
  if (!token) return page;
  return page.replace(POST_FORM, (form) => `${form}<input type="hidden" name="_csrf" value="${token}"/>`);
}

/** A form's fields as strings (the last value of repeated fields), for rendering it back after an error. */
export async function formValues(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody({ all: true });
  return Object.fromEntries(
    Object.entries(body).map(([k, v]) => [
      k,
      typeof v === 'string' ? v : Array.isArray(v) ? String(v.at(-1) ?? '') : '',
    ]),
  );
}

/** The form's body with dotted names as nested objects (`statements.3` → `{ statements: { 3: … } }`). */
export const formBody = (c: Context) => c.req.parseBody({ all: true, dot: true });

/**
 * Runs a form's use case; on a domain error with field problems (or a conflict), returns them so
 * the page can render the form again with what the user typed. Other errors propagate.
 */
export async function attempt<T>(
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: DomainError; problems: FieldProblem[] }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof DomainError && error.code !== 'not_found') {
      return {
        ok: false,
        error,
        problems: error.problems.length ? error.problems : [{ field: 'form', message: error.message }],
      };
    }
    throw error;
  }
}
