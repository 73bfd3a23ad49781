import { promisify } from 'node:util';
import { deflate, deflateSync, gzip, gzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { parseAccept } from 'hono/utils/accept';

/** Pages, JSON, CSV, XML and RDF; static files are compressed once, by static-files.ts. */
const COMPRESSIBLE = /^(text\/|application\/(json|problem\+json|xml|rdf\+xml))/;
/** Smaller bodies gain nothing worth the header. */
export const COMPRESS_FROM_BYTES = 1024;
/** Larger bodies are compressed in libuv's thread pool, so that other requests are not held up meanwhile. */
const COMPRESS_INLINE_UP_TO_BYTES = 256 * 1024;
const NO_TRANSFORM = /(?:^|,)\s*?no-transform\s*?(?:,|$)/i;
const VARIES_BY_ENCODING = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;

type Encoding = 'gzip' | 'deflate';
const gzipAsync = promisify(gzip);
const deflateAsync = promisify(deflate);

/**
 * The encoding a request's Accept-Encoding asks for, of gzip and deflate: the first with weight 1, else
 * the heavier (an explicit entry, else `*`); none without the header.
 */
export function chosenEncoding(c: Context): Encoding | undefined {
  const header = c.req.header('Accept-Encoding');
  if (header === undefined) return undefined;
  const accepts = parseAccept(header);
  const wildcard = accepts.find((a) => a.type === '*')?.q;
  let best: { encoding: Encoding; q: number } | undefined;
  for (const encoding of ['gzip', 'deflate'] as const) {
    const q = accepts.find((a) => a.type.toLowerCase() === encoding)?.q ?? wildcard ?? 0;
    if (q === 1) return encoding;
    if (q > 0 && (!best || q > best.q)) best = { encoding, q };
  }
  return best?.encoding;
}

const packed = (body: Uint8Array, encoding: Encoding): Uint8Array | Promise<Uint8Array> =>
  body.byteLength <= COMPRESS_INLINE_UP_TO_BYTES
    ? (encoding === 'gzip' ? gzipSync : deflateSync)(body)
    : (encoding === 'gzip' ? gzipAsync : deflateAsync)(body);

/**
 * Compresses what the public is sent: pages, JSON, CSV and the catalogue, about a fifth of their size on
 * the wire. A signed-in person's responses, and API calls with a token, are sent as they are: their pages
 * carry the session's CSRF token and can echo what the person typed, and compressing a secret beside
 * text an attacker chooses lets an eavesdropper read the secret from the sizes (BREACH). The public's
 * responses hold no secret (their forms are guarded by the Origin check, not a token).
 *
 * With zlib on the whole body rather than a CompressionStream: the bodies are made whole anyway, and a
 * web stream cost some 0.3 ms per page, more than gzip itself.
 */
export const compressForThePublic: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.get('signedIn') || c.req.header('Authorization')) return;
  const res = c.res;
  const length = res.headers.get('Content-Length');
  const cacheControl = res.headers.get('Cache-Control');
  if (
    res.status === 206 ||
    res.headers.has('Content-Encoding') ||
    res.headers.has('Transfer-Encoding') ||
    (length !== null && Number(length) < COMPRESS_FROM_BYTES) ||
    !COMPRESSIBLE.test(res.headers.get('Content-Type') ?? '') ||
    (cacheControl !== null && NO_TRANSFORM.test(cacheControl))
  )
    return;
  const vary = res.headers.get('Vary');
  if (vary !== '*' && !(vary && VARIES_BY_ENCODING.test(vary)))
    res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  const encoding = chosenEncoding(c);
  if (!encoding || !res.body || c.req.method === 'HEAD') return;
  const body = new Uint8Array(await res.arrayBuffer());
  if (body.byteLength < COMPRESS_FROM_BYTES) {
    c.res = new Response(body, res);
    return;
  }
  c.res = new Response((await packed(body, encoding)) as Uint8Array<ArrayBuffer>, res);
  c.res.headers.delete('Content-Length');
  c.res.headers.set('Content-Encoding', encoding);
  const etag = c.res.headers.get('ETag');
  if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
};
