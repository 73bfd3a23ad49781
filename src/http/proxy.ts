import type { Context, MiddlewareHandler } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    /**
     * Whether the `X-Forwarded-*` headers come from our own reverse proxy (TRUST_PROXY=true) and
     * may be believed. Otherwise anyone could claim HTTPS or another address.
     */
    trustProxy: boolean;
  }
}

/** Sets, for every request, whether forwarded headers are believed. */
export const proxyTrust =
  (trustProxy: boolean): MiddlewareHandler =>
  async (c, next) => {
    c.set('trustProxy', trustProxy);
    await next();
  };

/** The value our proxy added last to a forwarded header (it appends; earlier values are the client's claims). */
export const lastForwarded = (value: string | undefined): string | undefined =>
  value?.split(',').at(-1)?.trim() || undefined;

/** Whether the request reached us over HTTPS: its URL, or a trusted proxy's `X-Forwarded-Proto`. */
export const isHttps = (c: Context): boolean =>
  c.req.url.startsWith('https:') ||
  (c.get('trustProxy') === true && lastForwarded(c.req.header('x-forwarded-proto'))?.toLowerCase() === 'https');

/** The origin browsers see: behind a trusted TLS proxy `https://host`, though the request reached us over HTTP. */
export function publicOrigin(c: Context): string {
  const url = new URL(c.req.url);
  return isHttps(c) ? `https://${url.host}` : url.origin;
}
