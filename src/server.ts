import { serve } from '@hono/node-server';
import { ensureFirstAdministrator } from './app/auth/users.js';
import { createContext } from './app/context.js';
import { loadConfig, type Config } from './config/env.js';
import { oidcSettings, publicUrlOf } from './config/oidc.js';
import { createApp } from './http/app.js';
import { createLogger } from './http/logging.js';
import { createPdfPrinter } from './documents/pdf-printer.js';
import { createMailer } from './mail/mailer.js';
import { seedKoladaCatalogue } from './seed/seed-catalogue.js';
import { seedDemo } from './seed/seed-demo.js';
import { createDb } from './storage/database.js';
import { migrateToLatest } from './storage/migrations/index.js';

/** Boot: config → logger → database → migrations → (demo on first start) → app → listen. */
export async function startServer(config: Config = loadConfig()) {
  const logger = createLogger({ level: config.LOG_LEVEL });
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
  const app = createApp(ctx, {
    logger,
    trustProxy: config.TRUST_PROXY,
    oidc: oidcSettings(config),
    pdfPrinter,
    publicUrl: publicUrlOf(config),
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

  // Finish requests in flight, then close the database.
  const shutdown = (signal: string) => {
    logger.info({ event: 'server.stopping', signal }, `${signal}: stänger av …`);
    server.close(() => {
      void Promise.all([pdfPrinter.close(), storage.db.destroy()]).then(() => process.exit(0));
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return { server, storage, logger };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startServer();
}
