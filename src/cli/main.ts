import { Command } from 'commander';
import { registerAuditCommands } from './audit.command.js';
import { registerBackupCommands } from './backup.command.js';
import { registerDocumentCommands } from './document.command.js';
import { registerFollowUpCommands } from './follow-up.command.js';
import { registerImportCommand } from './import.command.js';
import { registerIndicatorCommands } from './indicator.command.js';
import { registerKoladaCommands } from './kolada.command.js';
import { registerUserCommands } from './user.command.js';
import { createContext } from '../app/context.js';
import { loadConfig } from '../config/env.js';
import { createDb } from '../storage/database.js';
import { migrateToLatest } from '../storage/migrations/index.js';

// The web server and the demo loader are imported by the commands that use them: loading the whole
// app (pages, charts, exports) costs about a second of CPU, which `audit verify` or `backup` from cron
// should not pay.

const program = new Command()
  .name('samverkan')
  .description('Kommunernas gemensamma utvecklingsprogram: program, antagande och uppföljning.');

program
  .command('serve')
  .description('Startar webbservern (migrerar och läser in demodata vid första start).')
  .action(async () => {
    const { startServer } = await import('../server.js');
    await startServer(loadConfig());
  });

program
  .command('migrate')
  .description('Uppdaterar databasens struktur till senaste versionen.')
  .action(async () => {
    const config = loadConfig();
    const storage = createDb(config.DATABASE_URL);
    try {
      const applied = await migrateToLatest(storage);
      console.log(applied.length ? `Migrerat: ${applied.join(', ')}` : 'Databasen är redan aktuell.');
    } finally {
      await storage.db.destroy();
    }
  });

program
  .command('seed')
  .description('Läser in demodata (Södertörnssamarbetet) i en tom databas.')
  .action(async () => {
    const config = loadConfig();
    const storage = createDb(config.DATABASE_URL);
    try {
      await migrateToLatest(storage);
      const [{ seedDemo }, { seedKoladaCatalogue }] = await Promise.all([
        import('../seed/seed-demo.js'),
        import('../seed/seed-catalogue.js'),
      ]);
      const ctx = createContext(storage);
      const seeded = await seedDemo(ctx);
      console.log(seeded ? 'Demodata inlästa.' : 'Databasen innehåller redan en samverkan; inget ändrades.');
      if (await seedKoladaCatalogue(ctx)) console.log('Koladas katalog inläst (Källa: Kolada).');
    } finally {
      await storage.db.destroy();
    }
  });

registerBackupCommands(program);
registerAuditCommands(program);
registerUserCommands(program);
registerKoladaCommands(program);
registerImportCommand(program);
registerIndicatorCommands(program);
registerFollowUpCommands(program);
registerDocumentCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
