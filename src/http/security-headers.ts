import { secureHeaders } from 'hono/secure-headers';

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
  // HSTS only makes sense behind HTTPS; the proxy in front sets it (issue: accounts and hardening).
  strictTransportSecurity: false,
});
