import type { Command } from 'commander';
import { verifyAuditTrail } from '../app/audit/verify-audit-trail.js';
import { createContext } from '../app/context.js';
import { loadConfig } from '../config/env.js';
import { createDb } from '../storage/database.js';

/** `samverkan audit verify`. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Granskningsloggen: varje ändring, vem och när, i en hashkedja.');

  audit
    .command('verify')
    .description(
      'Kontrollerar att ingen händelse i granskningsloggen har ändrats, tagits bort eller flyttats. ' +
        'Avslutar med felkod och namnger den första brutna raden om kedjan är bruten. Skriver ut den senaste ' +
        'hashen: spara den utanför databasen, så kan en senare kontroll visa att ingen har skrivit om hela kedjan.',
    )
    .action(async () => {
      const storage = createDb(loadConfig().DATABASE_URL);
      try {
        const started = performance.now();
        const verdict = await verifyAuditTrail(createContext(storage));
        const millis = Math.round(performance.now() - started);
        if (verdict.ok) {
          console.log(`Granskningsloggen är hel: ${verdict.count} händelser.`);
          console.log(`Senaste hash: ${verdict.headHash} (kontrollerat på ${millis} ms)`);
        } else {
          console.error(`Granskningsloggen är bruten vid händelse ${verdict.firstBrokenId}: ${verdict.reason}`);
          process.exitCode = 1;
        }
      } finally {
        await storage.db.destroy();
      }
    });
}
