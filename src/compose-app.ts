import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { IMPORT_MAX_BYTES, IMPORT_PATH } from './web/indicator.routes.js';
import { DOCUMENT_UPLOAD_PATH } from './web/decision-document-paths.js';
import { DOCUMENT_READ_API_PATH } from './http/api/document-reading.api.js';
import { MAX_DOCUMENT_BYTES } from './documents/reading/file-type.js';
import { csrf } from 'hono/csrf';
import { contextStorage } from 'hono/context-storage';
import { securityEvent } from './app/auth/security-log.js';
import type { AppContext } from './app/context.js';
import { apiRoutes } from './http/api/routes.js';
import { apiTokens } from './http/api-token.js';
import { compressForThePublic } from './http/compression.js';
import { errorBody } from './http/error-body.js';
import { handleError, handleNotFound } from './web/error-responses.js';
import { renderErrorPage } from './web/pages/error.page.js';
import { createLogger, requestLogging, type Logger } from './http/logging.js';
import { measureRequests, operationRoutes, serviceMetricsFor } from './http/operations.js';
import { proxyTrust, publicOrigin } from './http/proxy.js';
import { securityHeaders, strictTransportSecurity } from './http/security-headers.js';
import { staticFiles } from './web/static-files.js';
import { apiTokenRoutes } from './web/api-tokens.routes.js';
import { authRoutes } from './web/auth.routes.js';
import { oidcRoutes } from './web/oidc.routes.js';
import type { OidcSettings } from './app/auth/oidc.js';
import { createPdfPrinter, type PdfPrinter } from './documents/pdf-printer.js';
import { webRoutes } from './web/routes.js';
import { englishPagesOnly, englishRoutes, pageLanguage } from './web/i18n/english-pages.js';
import { siteAddress } from './web/site-address.js';
import { requestScopedContext, sessions } from './http/session.js';

export interface HttpOptions {
  /** Largest accepted request body in bytes. */
  maxBodyBytes?: number;
  /**
   * The logger created at boot (src/server.ts). Without one, only unexpected errors are written (to
   * standard output), as before structured logs: tests stay quiet and keep seeing their 500s.
   */
  logger?: Logger;
  /**
   * TRUST_PROXY: one reverse proxy of ours stands in front and sets X-Forwarded-Proto and appends to
   * X-Forwarded-For. Only then are those headers believed (HTTPS, cookie name, HSTS, throttling address).
   */
  trustProxy?: boolean;
  /** OpenID Connect sign-in (the OIDC_* variables); without it no such button, and its paths answer 404. */
  oidc?: OidcSettings;
  /**
   * Prints documents to PDF with the server's Chromium (CHROMIUM_PATH), one browser shared by every
   * request. Without one the documents are offered as pages and Word files only, and say so.
   */
  pdfPrinter?: PdfPrinter;
  /**
   * PUBLIC_URL: the origin people reach the service at, for canonical links, language alternates and the
   * sitemap (never the request's Host: public pages are cached). Without it pages have no canonical link
   * and the sitemap uses the request's origin.
   */
  publicUrl?: string;
  /** METRICS_TOKEN: `/metrics` is served to a request bearing it; without it `/metrics` is 404 and nothing is measured. */
  metricsToken?: string;
  /** Aborted when the server starts shutting down: `/readyz` answers 503 from then on. */
  stopping?: AbortSignal;
}

/**
 * The composition root: the whole HTTP surface, pages, JSON API, operations endpoints and static files,
 * put together here and only here. Dependencies point one way: web → http (middleware, errors' JSON),
 * and nothing under src/http/ imports src/web/.
 */
export function createApp(base: AppContext, options: HttpOptions = {}): Hono {
  const ctx = requestScopedContext(base);
  const trustProxy = options.trustProxy ?? false;
  const pdfPrinter = options.pdfPrinter ?? createPdfPrinter({ executablePath: null });
  const operations = {
    storage: ctx.storage,
    pdfPrinter,
    ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
    ...(options.stopping ? { stopping: options.stopping } : {}),
  };
  const metrics = serviceMetricsFor(operations);
  const app = new Hono();
  if (metrics) app.use(measureRequests(metrics));
  app.use(contextStorage());
  app.use(pageLanguage, siteAddress(options.publicUrl));
  app.use(proxyTrust(trustProxy));
  app.use(requestLogging(options.logger ?? createLogger({ level: 'error' }), { trustProxy }));
  app.use(securityHeaders, strictTransportSecurity);
  // Refuses cross-site form posts (Sec-Fetch-Site, else Origin against the origin the browser sees,
  // https behind a trusted TLS proxy); JSON calls cannot be sent cross-site without CORS.
  // An API call with a key (Authorization: Bearer) is no browser's form: a cross-site page cannot send that
  // header without CORS, so the API's file and text uploads (documents/read) need no Origin from it.
  const sameOrigin = csrf({ origin: (origin, c) => origin === publicOrigin(c) });
  app.use((c, next) =>
    c.req.path.startsWith('/api/') && /^Bearer /i.test(c.req.header('authorization') ?? '')
      ? next()
      : sameOrigin(c, next),
  );
  const defaultBodyLimit = bodyLimit({
    maxSize: options.maxBodyBytes ?? 1024 * 1024,
    onError: (c) =>
      c.req.path.startsWith('/api/')
        ? c.json(errorBody('payload_too_large', 'Förfrågan är för stor.'), 413)
        : c.html(
            renderErrorPage({ status: 413, message: 'Förfrågan är för stor. Korta texten och försök igen.' }),
            413,
          ),
  });
  // An upload of indicator values may be larger; checked here, before anything reads the body.
  const uploadBodyLimit = bodyLimit({
    maxSize: IMPORT_MAX_BYTES,
    onError: (c) =>
      c.html(renderErrorPage({ status: 413, message: 'Filen är större än 10 MB. Dela upp den och försök igen.' }), 413),
  });
  // A board's document (a PDF or a scan) may be up to 20 MB, with the multipart form around it.
  const documentBodyLimit = bodyLimit({
    maxSize: MAX_DOCUMENT_BYTES + 64 * 1024,
    onError: (c) =>
      c.req.path.startsWith('/api/')
        ? c.json(errorBody('payload_too_large', 'Filen är större än 20 MB.'), 413)
        : c.html(renderErrorPage({ status: 413, message: 'Filen är större än 20 MB.' }), 413),
  });
  app.use((c, next) => {
    if (c.req.path === IMPORT_PATH) return uploadBodyLimit(c, next);
    if (c.req.path === DOCUMENT_UPLOAD_PATH || c.req.path === DOCUMENT_READ_API_PATH) return documentBodyLimit(c, next);
    return defaultBodyLimit(c, next);
  });

  app.use(sessions(ctx));
  app.use(compressForThePublic);
  // English pages live under /en: only those anyone may read (src/web/i18n/english-pages.ts).
  app.use('/en', englishPagesOnly(handleNotFound));
  app.use('/en/*', englishPagesOnly(handleNotFound));
  // The password change answers 303 only when the new password is stored (and every session ended).
  app.use('/konto/losenord', async (c, next) => {
    const userId = c.var.signedIn?.user.id;
    await next();
    if (c.req.method === 'POST' && userId !== undefined && c.res.status === 303) {
      securityEvent('password.changed', { userId, by: 'self' });
    }
  });
  app.use('/api/*', apiTokens(ctx));

  app.route('/', operationRoutes(operations, metrics));
  app.route('/', staticFiles());
  app.route('/api/v1', apiRoutes(ctx, pdfPrinter));
  if (options.oidc) app.route('/', oidcRoutes(ctx, options.oidc));
  app.route('/', authRoutes(ctx, options.oidc));
  app.route('/', apiTokenRoutes(ctx));
  const web = webRoutes(ctx, pdfPrinter);
  app.route('/', web);
  app.route('/en', englishRoutes(web));

  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}
