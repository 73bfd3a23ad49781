import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { createContext, type AppContext } from '../app/context.js';
import {
  connectKolada,
  followedKoladaKpis,
  KOLADA_SYNC_STEP_LABELS,
  syncKoladaCatalogue,
  syncKoladaValues,
  type KoladaSyncProgress,
  type KoladaSyncStep,
} from '../app/indicators/sync-kolada.js';
import { loadConfig } from '../config/env.js';
import { DomainError } from '../domain/errors.js';
import { formatNumber } from '../domain/format-sv.js';
import { KOLADA_BASE_URL, KoladaError } from '../imports/kolada/kolada-client.js';
import { KoladaFormatError } from '../imports/kolada/kolada-format.js';
import { createDb } from '../storage/database.js';
import { migrateToLatest } from '../storage/migrations/index.js';

interface SyncOptions {
  catalogue?: boolean;
  kpi?: string[];
  area?: string[];
  year?: number[];
  fromDate?: string;
  baseUrl: string;
  timeout: number;
  retries: number;
}

const list = (value: string): string[] =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

const kpiList = (value: string) => list(value).map((id) => id.toUpperCase());

function yearList(value: string): number[] {
  return list(value).map((part) => {
    if (!/^\d{4}$/.test(part)) throw new InvalidArgumentError(`”${part}” är inte ett årtal.`);
    return Number(part);
  });
}

function positiveNumber(value: string): number {
  const number = Number(value.replace(',', '.'));
  if (!(number > 0) || !Number.isFinite(number)) throw new InvalidArgumentError('Ange ett tal större än 0.');
  return number;
}

function count(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('Ange ett heltal, 0 eller större.');
  return Number(value);
}

const seconds = (ms: number) => `${formatNumber(ms / 1000, { decimals: 1 })} s`;
const n = (value: number) => formatNumber(value);

interface ProgressView {
  show(progress: KoladaSyncProgress): void;
  stop(): void;
}

/** A bar on a terminal; on a pipe or in a log, one plain line per page instead of control codes. */
function progressView(): ProgressView {
  if (!process.stderr.isTTY) {
    return {
      show(p) {
        const total = p.total === null ? '' : ` av ${n(p.total)}`;
        process.stderr.write(`${KOLADA_SYNC_STEP_LABELS[p.step]}: ${n(p.done)}${total} (${n(p.requests)} anrop)\n`);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '{step} [{bar}] {value}/{total} · {requests} anrop',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let step: KoladaSyncStep | null = null;
  return {
    show(p) {
      const payload = { step: KOLADA_SYNC_STEP_LABELS[p.step].padEnd(21), requests: p.requests };
      const total = Math.max(p.total ?? p.done, p.done, 1);
      if (step !== p.step) {
        if (step !== null) bar.stop();
        step = p.step;
        bar.start(total, p.done, payload);
        return;
      }
      bar.setTotal(total);
      bar.update(p.done, payload);
    },
    stop() {
      if (step !== null) bar.stop();
      step = null;
    },
  };
}

/** Runs `work` against the configured database as the system; failures become a Swedish message and exit code 1. */
async function withContext(work: (ctx: AppContext) => Promise<void>): Promise<void> {
  const storage = createDb(loadConfig().DATABASE_URL);
  try {
    await migrateToLatest(storage);
    await work(createContext(storage));
  } catch (error) {
    if (error instanceof DomainError) {
      console.error([error.message, ...error.problems.map((p) => `  ${p.message}`)].join('\n'));
    } else if (error instanceof RangeError) {
      console.error(error.message);
    } else {
      throw error;
    }
    process.exitCode = 1;
  } finally {
    await storage.db.destroy();
  }
}

const KEPT = {
  catalogue: 'Katalogen har inte ändrats: den som hämtats tidigare finns kvar.',
  values:
    'Inga värden har ändrats: de som hämtats tidigare finns kvar, och misslyckandet syns i listan över inläsningar.',
};

/** Kolada failed after the client's retries; nothing of this step was stored, which the user should know. */
function reportKoladaFailure(error: KoladaError | KoladaFormatError, step: keyof typeof KEPT): void {
  const unreachable = error instanceof KoladaError && error.status === null ? 'Koladas API kunde inte nås. ' : '';
  console.error(`${unreachable}${error.message}`);
  console.error(`${KEPT[step]} Försök igen senare.`);
  process.exitCode = 1;
}

const NOTHING_FOLLOWED =
  'Inga nyckeltal från Kolada följs ännu, så det finns inga värden att hämta. ' +
  'Ange vilka med --kpi, till exempel --kpi N00945,N01951 (katalogen hämtas med --catalogue).';

async function sync(options: SyncOptions): Promise<void> {
  await withContext(async (ctx) => {
    const view = progressView();
    let step: keyof typeof KEPT = 'catalogue';
    try {
      const kolada = connectKolada({
        baseUrl: options.baseUrl,
        timeoutMs: options.timeout * 1000,
        maxRetries: options.retries,
      });
      const kpiIds = options.kpi ?? (await followedKoladaKpis(ctx)).map((i) => i.key);
      if (kpiIds.length === 0 && !options.catalogue) {
        console.error(NOTHING_FOLLOWED);
        process.exitCode = 1;
        return;
      }
      if (options.catalogue) {
        const summary = await syncKoladaCatalogue(ctx, kolada, { onProgress: (p) => view.show(p) });
        view.stop();
        console.log(
          `Katalogen uppdaterad: ${n(summary.kpis)} nyckeltal, ${n(summary.areas)} kommuner och regioner, ` +
            `${n(summary.groups)} kommungrupper, ${n(summary.requests)} anrop, ${seconds(summary.durationMs)}.`,
        );
      }
      if (kpiIds.length === 0) {
        // Only the catalogue was asked for; say how values are fetched.
        console.log(NOTHING_FOLLOWED);
        return;
      }
      step = 'values';
      const summary = await syncKoladaValues(ctx, kolada, {
        kpiIds,
        areaCodes: options.area,
        years: options.year,
        fromDate: options.fromDate,
        onProgress: (p) => view.show(p),
      });
      view.stop();
      if (summary.indicatorsCreated.length > 0) {
        console.log(`Följer nu Koladas nyckeltal ${summary.indicatorsCreated.join(', ')}.`);
      }
      console.log(
        `Klart: ${n(summary.rowsRead)} värden lästa, ${n(summary.rowsChanged)} nya eller ändrade, ` +
          `${n(summary.rowsDeleted)} borttagna, ${n(summary.requests)} anrop, ${seconds(summary.durationMs)}.`,
      );
      if (summary.status === 'unchanged') console.log('Inget ändrades: värdena var redan aktuella.');
    } catch (error) {
      view.stop();
      if (!(error instanceof KoladaError || error instanceof KoladaFormatError)) throw error;
      reportKoladaFailure(error, step);
    } finally {
      view.stop();
    }
  });
}

/** `samverkan kolada sync`. */
export function registerKoladaCommands(program: Command): void {
  const kolada = program.command('kolada').description('Hämtar nyckeltal och värden från Koladas öppna API.');

  kolada
    .command('sync')
    .description(
      'Hämtar Koladas katalog (--catalogue) och värdena för nyckeltalen (--kpi, annars de Kolada-nyckeltal som ' +
        'redan följs) för samverkans medlemmar och jämförelseområden. Allt hämtas innan något sparas: om Kolada ' +
        'inte svarar finns de tidigare hämtade värdena kvar, och misslyckandet syns i listan över inläsningar.',
    )
    .option('--catalogue', 'hämtar katalogen: nyckeltal, kommuner och regioner, kommungrupper')
    .option('--kpi <id,...>', 'nyckeltal vars värden hämtas, till exempel N00945,N01951', kpiList)
    .option('--area <kod,...>', 'områden (standard: medlemmarna och jämförelseområdena), till exempel 0126,0136', list)
    .option('--year <år,...>', 'bara dessa år (standard: alla)', yearList)
    .option('--from-date <ÅÅÅÅ-MM-DD>', 'bara det som ändrats hos Kolada sedan detta datum, borttagningar inräknade')
    .option('--base-url <adress>', 'Koladas API', KOLADA_BASE_URL)
    .option('--timeout <sekunder>', 'längsta väntan på ett svar', positiveNumber, 30)
    .option('--retries <antal>', 'nya försök efter ett misslyckat anrop', count, 3)
    .action((options: SyncOptions) => sync(options));
}
