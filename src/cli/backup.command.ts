import type { Command } from 'commander';
import { loadConfig } from '../config/env.js';
import {
  backupDatabase,
  describeTarget,
  restoreDatabase,
  type BackupResult,
  type DatabaseTarget,
} from '../storage/backup/index.js';

const bytesSv = new Intl.NumberFormat('sv-SE');
const decimalSv = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

/** "1 234 567 byte (1,18 MB)" */
const size = (bytes: number): string => `${bytesSv.format(bytes)} byte (${decimalSv.format(bytes / 1024 / 1024)} MB)`;

const seconds = (s: number): string => `${decimalSv.format(s)} s`;

const configuredTarget = (): DatabaseTarget => ({ url: loadConfig().DATABASE_URL });

function printBackup(result: BackupResult, target: DatabaseTarget): void {
  console.log(`Säkerhetskopian är skriven: ${result.file}`);
  console.log(`  Databas:  ${describeTarget(target)}`);
  console.log(`  Storlek:  ${size(result.bytes)}`);
  console.log(`  Tid:      ${seconds(result.seconds)}`);
  console.log(`  SHA-256:  ${result.sha256}`);
  console.log(`Spara summan. Återställ med: samverkan restore --sha256 ${result.sha256} ${result.file}`);
}

/** `samverkan backup FIL` and `samverkan restore FIL`. */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .argument('<fil>', 'filen som säkerhetskopian skrivs till')
    .description(
      'Skriver en säkerhetskopia av databasen i DATABASE_URL till FIL. SQLite: en hel, konsistent kopia ' +
        'medan servern kör (VACUUM INTO). PostgreSQL: pg_dump --format=custom. Skriver ut storlek och SHA-256.',
    )
    .option('--force', 'ersätt FIL om den redan finns')
    .action(async (file: string, options: { force?: boolean }) => {
      const target = configuredTarget();
      printBackup(await backupDatabase(target, file, { force: options.force ?? false }), target);
    });

  program
    .command('restore')
    .argument('<fil>', 'säkerhetskopian att läsa in (från samverkan backup)')
    .description(
      'Ersätter databasen i DATABASE_URL med säkerhetskopian i FIL och migrerar den till senaste strukturen. ' +
        'Stoppa servern först. Vägrar om databasen redan har uppgifter (utom med --force) och om FIL inte ' +
        'är en säkerhetskopia av rätt slag; ett fel lämnar de gamla uppgifterna orörda.',
    )
    .option('--force', 'återställ även om databasen redan innehåller uppgifter (de ersätts)')
    .option('--sha256 <summa>', 'vägra om filens SHA-256 inte är denna (summan som backup skrev ut)')
    .action(async (file: string, options: { force?: boolean; sha256?: string }) => {
      const target = configuredTarget();
      const result = await restoreDatabase(target, file, {
        force: options.force ?? false,
        ...(options.sha256 ? { expectedSha256: options.sha256 } : {}),
      });
      console.log(`Databasen är återställd från ${result.file}`);
      console.log(`  Databas:  ${describeTarget(target)}`);
      console.log(`  Storlek:  ${size(result.bytes)}`);
      console.log(`  Tid:      ${seconds(result.seconds)}`);
      console.log(`  SHA-256:  ${result.sha256}`);
      console.log(
        result.migrated.length
          ? `Migrerat efter återställningen: ${result.migrated.join(', ')}`
          : 'Strukturen var redan aktuell.',
      );
    });
}
