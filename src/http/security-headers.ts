import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { isHttps } from './proxy.js';

/**
 * Strict headers on every response: no inline script or style anywhere (pages work without
 * client JavaScript), no framing, no referrer leakage to other sites.
 */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'strict-origin-when-cross-origin',
  xFrameOptions: 'DENY',
  xContentTypeOptions: 'nosniff',
  crossOriginEmbedderPolicy: false,
  // Sent below, and only over HTTPS: over plain HTTP the header is meaningless (RFC 6797 §7.2).
  strictTransportSecurity: false,
});

export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * HSTS when the request arrived over HTTPS: the URL's protocol, or X-Forwarded-Proto from a
 * trusted proxy (TRUST_PROXY=true). A client's own claim of HTTPS is not believed.
 */
export const strictTransportSecurity: MiddlewareHandler = async (c, next) => {
  await next();
  if (isHttps(c)) c.header('Strict-Transport-Security', HSTS);
};
