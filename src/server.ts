import { closeDocumentReaders } from './documents/reading/close-readers.js';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { ensureFirstAdministrator } from './app/auth/users.js';
import { createContext } from './app/context.js';
import { loadConfig, type Config } from './config/env.js';
import { oidcSettings, publicUrlOf } from './config/oidc.js';
import { createApp } from './compose-app.js';
import { gracefulClose } from './http/graceful-close.js';
import { asynchronousStandardOutput, closeLog, createLogger } from './http/logging.js';
import { createPdfPrinter } from './documents/pdf-printer.js';
import { createMailer } from './mail/mailer.js';
import { startJobs } from './jobs/start-jobs.js';
import { seedKoladaCatalogue } from './seed/seed-catalogue.js';
import { seedDemo } from './seed/seed-demo.js';
import { createDb } from './storage/database.js';
import { migrateToLatest } from './storage/migrations/index.js';

/** Something to close on shutdown, after the last request is answered and before the database closes. */
export interface Closer {
  /** For the log, should it fail. */
  what: string;
  close: () => Promise<void>;
}

/** Seconds the closers, the PDF printer and the database get, after the requests, before the process exits anyway. */
const CLOSING_GRACE_SECONDS = 15;

/**
 * Boot: config → logger → database → migrations → (demo on first start) → app → listen; and the
 * shutdown on SIGTERM or SIGINT (below).
 */
export async function startServer(config: Config = loadConfig()) {
  // Written asynchronously: a request's log line never waits for the disk or the pipe.
  const logger = createLogger({ level: config.LOG_LEVEL, destination: asynchronousStandardOutput() });
  const storage = createDb(config.DATABASE_URL);
  const applied = await migrateToLatest(storage);
  if (applied.length) {
    logger.info(
      { event: 'database.migrated', dialect: storage.dialect.name, migrations: applied },
      `Databasen (${storage.dialect.name}) migrerad: ${applied.join(', ')}`,
    );
  }
  const mailer = createMailer(config);
  const ctx = { ...createContext(storage), ...(mailer ? { mailer } : {}) };
  if (config.SEED_DEMO && (await seedDemo(ctx))) {
    logger.info(
      { event: 'demo.seeded' },
      'Demodata inlästa: Södertörnssamarbetet, utvecklingsprogrammen 2013–2023 och nyckeltal 2000–2014 (källor i data/demo/SOURCES.md).',
    );
  }
  if (config.SEED_DEMO && (await seedKoladaCatalogue(ctx))) {
    logger.info({ event: 'kolada_catalogue.seeded' }, 'Koladas katalog inläst från data/kolada/ (Källa: Kolada).');
  }
  const link = await ensureFirstAdministrator(ctx);
  if (link) {
    logger.info({ event: 'first_administrator.created' }, 'Inga konton fanns: kontot "Administratör" är skapat.');
  }
  const pdfPrinter = createPdfPrinter({ executablePath: config.CHROMIUM_PATH });
  const stopping = new AbortController();
  const app = createApp(ctx, {
    logger,
    trustProxy: config.TRUST_PROXY,
    oidc: oidcSettings(config),
    pdfPrinter,
    publicUrl: publicUrlOf(config),
    ...(config.METRICS_TOKEN ? { metricsToken: config.METRICS_TOKEN } : {}),
    stopping: stopping.signal,
  });
  const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, (info) => {
    const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${info.port}/`;
    logger.info({ event: 'server.started', url, trustProxy: config.TRUST_PROXY }, `samverkan lyssnar på ${url}`);
    // Deliberately not a log line: the one-time link is for the person starting the server, on the console
    // only; written once the server listens, with the port it really got.
    if (link) {
      console.log(
        `Inga konton fanns: kontot "Administratör" är skapat. Logga in en gång med länken nedan (giltig i 24 timmar)\n` +
          `och välj sedan ett lösenord under "Mitt konto":\n  ${url}logga-in/lank/${link}`,
      );
    }
  });

  const connections = gracefulClose(server as Server);

  /** Closed in this order once no request is under way, before the PDF printer and the database (e.g. scheduled jobs). */
  const closers: Closer[] = [];
  const jobs = await startJobs(ctx, { logger, config });
  closers.push({ what: 'jobs', close: () => jobs.stop() });

  /**
   * Shutdown: /readyz answers 503 (the load balancer stops sending), no new connections, idle ones closed,
   * requests under way answered for up to SHUTDOWN_TIMEOUT_SECONDS and then cut off; then the closers, the
   * PDF printer (its browser) and the database; the log written out; exit 0. A second signal exits at once.
   */
  const shutdown = async (signal: string) => {
    const started = performance.now();
    logger.info(
      { event: 'server.stopping', signal, inFlight: connections.inFlight() },
      `${signal}: tar inte emot nya förfrågningar och avslutar de pågående …`,
    );
    stopping.abort();
    setTimeout(() => process.exit(1), (config.SHUTDOWN_TIMEOUT_SECONDS + CLOSING_GRACE_SECONDS) * 1000).unref();
    const { cut } = await connections.close(config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
    if (cut) {
      logger.warn(
        { event: 'server.requests_cut', count: cut, timeoutSeconds: config.SHUTDOWN_TIMEOUT_SECONDS },
        `${cut} förfrågning(ar) hann inte bli klara på ${config.SHUTDOWN_TIMEOUT_SECONDS} s och avbröts.`,
      );
    }
    for (const { what, close } of [
      ...closers,
      { what: 'pdf_printer', close: () => pdfPrinter.close() },
      { what: 'document_readers', close: closeDocumentReaders },
      { what: 'database', close: () => storage.db.destroy() },
    ]) {
      try {
        await close();
      } catch (error) {
        logger.error(
          {
            event: 'server.close_failed',
            what,
            error: { message: error instanceof Error ? error.message : String(error) },
          },
          `${what} kunde inte stängas`,
        );
      }
    }
    logger.info(
      { event: 'server.stopped', signal, durationMs: Math.round(performance.now() - started) },
      'samverkan har stängts av.',
    );
    await closeLog(logger);
    process.exit(0);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping.signal.aborted) {
      try {
        logger.warn({ event: 'server.killed', signal }, `${signal} igen: avslutar direkt.`);
      } catch {
        // The log is already closed: the shutdown is at its very end.
      }
      process.exit(1);
    }
    void shutdown(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return { server, storage, logger, closers };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startServer();
}
