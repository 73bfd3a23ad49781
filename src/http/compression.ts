import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

/**
 * gzip (or deflate, as the client prefers) for text of 1 KB and more: pages, JSON, CSV, XML and RDF.
 * Static files are compressed once, by static-files.ts, and come with their Content-Encoding.
 */
const compressed = compress({ contentTypeFilter: /^(text\/|application\/(json|problem\+json|xml|rdf\+xml))/ });

/**
 * Compresses what the public is sent: pages, JSON, CSV and the catalogue, about a fifth of their size on
 * the wire. A signed-in person's responses, and API calls with a token, are sent as they are: their pages
 * carry the session's CSRF token and can echo what the person typed, and compressing a secret beside
 * text an attacker chooses lets an eavesdropper read the secret from the sizes (BREACH). The public's
 * responses hold no secret (their forms are guarded by the Origin check, not a token).
 */
export const compressForThePublic: MiddlewareHandler = (c, next) =>
  c.get('signedIn') || c.req.header('Authorization') ? next() : compressed(c, next);
