import type { Command } from 'commander';
import { createContext, type AppContext } from '../app/context.js';
import { defineLocalIndicator, MAX_DECIMALS } from '../app/indicators/define-indicator.js';
import { loadConfig } from '../config/env.js';
import { DomainError } from '../domain/errors.js';
import { createDb } from '../storage/database.js';
import { migrateToLatest } from '../storage/migrations/index.js';

export interface IndicatorAddOptions {
  key: string;
  title: string;
  definition: string;
  unit: string;
  decimals: string;
  aggregation: string;
  weight?: string;
  gender?: boolean;
  source: string;
  licence: string;
}

/** The option each field of the use case comes from, so a problem names what to correct. */
const OPTION_OF: Record<string, string> = {
  key: '--key',
  title: '--title',
  definition: '--definition',
  unit: '--unit',
  decimals: '--decimals',
  aggregation: '--aggregation',
  weightKey: '--weight',
  byGender: '--gender',
  source: '--source',
  licence: '--licence',
};

/**
 * `samverkan indicator add`: defines a local indicator as the system (the audit trail names the CLI).
 * Returns the exit code; exported so tests can run it without a child process.
 */
export async function addIndicator(ctx: AppContext, options: IndicatorAddOptions): Promise<number> {
  try {
    const indicator = await defineLocalIndicator(ctx, {
      key: options.key,
      title: options.title,
      definition: options.definition,
      unit: options.unit,
      decimals: options.decimals,
      aggregation: options.aggregation,
      weightKey: options.weight ?? '',
      byGender: options.gender === true,
      source: options.source,
      licence: options.licence,
    });
    console.log(`Nyckeltalet ${indicator.key} ”${indicator.title}” är tillagt. Läs in värden med samverkan import.`);
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const lines = error.problems.map((p) => `  ${OPTION_OF[p.field] ?? p.field}: ${p.message}`);
    console.error([error.message, ...lines, 'Inget sparades.'].join('\n'));
    return 1;
  }
}

/** `samverkan indicator add`. */
export function registerIndicatorCommands(program: Command): void {
  const indicator = program.command('indicator').description('Hanterar samverkans egna nyckeltal.');

  indicator
    .command('add')
    .description(
      'Lägger till ett eget nyckeltal (inte från Kolada). Värdena läses sedan in med "samverkan import". ' +
        'Id:t kan inte ändras efteråt.',
    )
    .requiredOption('--key <id>', 'id: 3–64 tecken, små bokstäver a–z, siffror och bindestreck')
    .requiredOption('--title <namn>', 'namnet som visas')
    .requiredOption('--definition <text>', 'vad som mäts, exakt')
    .requiredOption('--unit <enhet>', 'enhet, till exempel procent, antal eller "kronor per invånare"')
    .option('--decimals <antal>', `decimaler som visas, 0–${MAX_DECIMALS}`, '1')
    .option('--aggregation <slag>', 'gruppens värde: mean (medelvärde) eller sum (summa)', 'mean')
    .option('--weight <id>', 'vikt för medelvärdet: id för ett nyckeltal som summeras, till exempel en befolkning')
    .option('--gender', 'värdena redovisas per kön (kvinnor, män och totalt)')
    .requiredOption('--source <text>', 'var värdena kommer från')
    .requiredOption(
      '--licence <text>',
      'licens, till exempel CC0, "CC BY 4.0" eller "fri användning med källhänvisning"',
    )
    .action(async (options: IndicatorAddOptions) => {
      const storage = createDb(loadConfig().DATABASE_URL);
      try {
        await migrateToLatest(storage);
        process.exitCode = await addIndicator(createContext(storage), options);
      } finally {
        await storage.db.destroy();
      }
    });
}
