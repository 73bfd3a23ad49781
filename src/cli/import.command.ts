import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { createContext } from '../app/context.js';
import { importValuesFile } from '../app/indicators/import-file.js';
import { IMPORT_KIND_LABELS } from '../app/indicators/import-values.js';
import { loadConfig } from '../config/env.js';
import { DomainError } from '../domain/errors.js';
import { formatNumber } from '../domain/format-sv.js';
import { createDb } from '../storage/database.js';
import { migrateToLatest } from '../storage/migrations/index.js';

const n = (value: number) => formatNumber(value);

async function importFile(file: string, options: { indicator?: string }): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === 'ENOENT' ? `Filen ${file} finns inte.` : `Filen ${file} kunde inte läsas (${code ?? String(error)}).`,
    );
    process.exitCode = 1;
    return;
  }
  const storage = createDb(loadConfig().DATABASE_URL);
  try {
    await migrateToLatest(storage);
    const summary = await importValuesFile(createContext(storage), {
      bytes,
      fileName: basename(file),
      indicatorKey: options.indicator,
    });
    console.log(
      `Klart (${IMPORT_KIND_LABELS[summary.kind]}): ${n(summary.rowsRead)} värden lästa, ` +
        `${n(summary.rowsChanged)} nya eller ändrade, ${n(summary.rowsDeleted)} borttagna.`,
    );
    if (summary.status === 'unchanged') console.log('Inget ändrades: filens värden fanns redan.');
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // Each problem's message names its line ("Rad 7: …"); nothing was stored.
    console.error([error.message, ...error.problems.map((p) => `  ${p.message}`)].join('\n'));
    console.error('Inget sparades.');
    process.exitCode = 1;
  } finally {
    await storage.db.destroy();
  }
}

/** `samverkan import <fil>`. */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'Läser in nyckeltalsvärden från en fil: CSV (semikolon eller komma, UTF-8 eller Windows-1252), ' +
        'Excel (.xlsx) eller JSON i Koladas format. Antingen läses alla rader in eller ingen; ' +
        'fel redovisas med radnummer.',
    )
    .argument('<fil>')
    .option('--indicator <nyckel>', 'nyckeltalet värdena gäller, när tabellen saknar en kolumn för nyckeltal')
    .action((file: string, options: { indicator?: string }) => importFile(file, options));
}
