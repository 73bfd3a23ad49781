import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { contextStorage } from 'hono/context-storage';
import { requestId } from 'hono/request-id';
import type { AppContext } from '../app/context.js';
import { apiRoutes } from './api/routes.js';
import { errorBody, handleError, handleNotFound } from './errors.js';
import { renderErrorPage } from '../web/pages/error.page.js';
import { securityHeaders } from './security-headers.js';
import { staticFiles } from './static-files.js';
import { authRoutes } from '../web/auth.routes.js';
import { webRoutes } from '../web/routes.js';
import { requestScopedContext, sessions } from './session.js';

export interface HttpOptions {
  /** Largest accepted request body in bytes. */
  maxBodyBytes?: number;
}

/** The whole HTTP surface: pages, JSON API, health check and static files. */
export function createApp(base: AppContext, options: HttpOptions = {}): Hono {
  const ctx = requestScopedContext(base);
  const app = new Hono();
  app.use(contextStorage());
  app.use(requestId());
  app.use(securityHeaders);
  // Refuses cross-site form posts (Origin check); JSON calls cannot be sent cross-site without CORS.
  app.use(csrf());
  app.use(
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 1024 * 1024,
      onError: (c) =>
        c.req.path.startsWith('/api/')
          ? c.json(errorBody('payload_too_large', 'Förfrågan är för stor.'), 413)
          : c.html(
              renderErrorPage({ status: 413, message: 'Förfrågan är för stor. Korta texten och försök igen.' }),
              413,
            ),
    }),
  );

  app.use(sessions(ctx));

  app.get('/healthz', async (c) => {
    await ctx.storage.db.selectFrom('collaborations').select('id').limit(1).execute();
    return c.json({ status: 'ok', database: ctx.storage.dialect.name });
  });
  app.route('/static', staticFiles());
  app.route('/api/v1', apiRoutes(ctx));
  app.route('/', authRoutes(ctx));
  app.route('/', webRoutes(ctx));

  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}
