import { Hono, type Context } from 'hono';
import { staticAssets, type ContentEncoding, type StaticAsset } from './static-assets.js';

/** The encodings the client accepts, best first: Brotli, then gzip (a q=0 refuses one). */
function acceptedEncoding(c: Context): ContentEncoding | undefined {
  const header = c.req.header('Accept-Encoding') ?? '';
  const accepts = (name: string) =>
    header.split(',').some((part) => {
      const [token, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return token?.trim().toLowerCase() === name && (q === undefined || Number(q.slice(2)) > 0);
    });
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : undefined;
}

function send(c: Context, asset: StaticAsset, cacheControl: string): Response {
  const encoding = acceptedEncoding(c);
  const packed = encoding ? asset.encoded(encoding) : undefined;
  const headers: Record<string, string> = { 'Content-Type': asset.type, 'Cache-Control': cacheControl };
  if (asset.compressible) headers['Vary'] = 'Accept-Encoding';
  if (packed && encoding) headers['Content-Encoding'] = encoding;
  return c.body(new Uint8Array(packed ?? asset.body), 200, headers);
}

/**
 * The stylesheets the pages and documents link and the site's icons, held in memory. A fixed list of
 * paths, so no request path ever reaches the file system. Each is served at its fingerprinted address
 * (immutable: the address changes when the content does) and at its plain one (an hour), compressed
 * with Brotli or gzip when the client takes it.
 */
export function staticFiles(): Hono {
  const app = new Hono();
  for (const asset of staticAssets()) {
    app.get(asset.versionedHref, (c) => send(c, asset, 'public, max-age=31536000, immutable'));
    app.get(asset.href, (c) => send(c, asset, 'public, max-age=3600'));
  }
  return app;
}
