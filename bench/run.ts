/**
 * `npm run bench`: import throughput against the driver's raw insert rate, a Kolada-sized store
 * behind the real app, the chief networks' plans at the scale of a large cooperation behind it, and
 * the server's start time and memory as `npm start` runs it (against tsx and a bare Node server), and
 * the documents (the memo as HTML, Word and PDF, and a burst of PDFs against the page latency), and
 * the public pages under Lighthouse (scores and bytes before images, one page per template).
 * Prints ratios and figures measured in this same run next to their targets; timings are never
 * asserted in tests, where the machine varies.
 *
 *   npm run bench                         full size (200 000 import rows, 290 × 500 KPIs store)
 *   npm run bench -- --quick              small smoke run
 *   npm run bench -- --postgres-store     also the store on PostgreSQL
 *   npm run bench -- --postgres-plans     also the plans on PostgreSQL
 *   npm run bench -- --json out.json      the JSON report to a file (otherwise stdout's last line)
 *   npm run bench -- --only import|store|plans|start|documents|lighthouse|routes|reading  one part only
 *   npm run bench -- --only kolada-full   the full Kolada scale on PostgreSQL (hours; never part of a plain run;
 *                                         --areas, --kpis, --layout-kpis, --ratio-rows, --keep: bench/kolada-full-options.ts)
 *   npm run bench -- --runs N             import runs per side (default 3, ≥ 2)
 *   npm run bench -- --load-seconds N     HTTP load duration (default 10, quick 3)
 *   npm run bench -- --route-seconds N    the routes part's load per route and side (default 2, quick 1)
 *   npm run bench -- --routes-matching T  the routes part measures only routes whose pattern contains T
 *   npm run bench -- --routes-on sqlite   the routes part on one database only (sqlite or postgres; default both)
 *
 * Exit code 0 even when a target is missed (it is a report); 1 when the run itself goes wrong
 * (an exception, non-2xx responses or connection errors under load).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { DEMO_PLAN_YEAR } from '../src/seed/demo-plans.js';
import type { DocumentsInput, DocumentsResult, PrinterVariant } from './documents.bench.js';
import type { ImportInput, ImportResult } from './import.bench.js';
import type { LighthouseInput, LighthouseResult } from './lighthouse.bench.js';
import type { StoreInput, StoreResult } from './kolada-store.bench.js';
import type { KoladaFullInput, KoladaFullResult } from './kolada-full.bench.js';
import { KOLADA_FULL_OPTIONS, koladaFullInput } from './kolada-full-options.js';
import { koladaFullChecks } from './kolada-full-report.js';
import type { DocumentReadingInput, DocumentReadingResult } from './document-reading.bench.js';
import type { OcrRepairInput, OcrRepairResult } from './ocr-repair.bench.js';
import { readingChecks, type ReadingResult } from './reading-report.js';
import type { PlansInput, PlansResult } from './plans.bench.js';
import type { RoutesInput, RoutesResult } from './routes.bench.js';
import type { StartInput, StartResult } from './start.bench.js';
import { BENCH_POSTGRES_URL, postgresVersion } from './postgres.js';
import { checksOf, formatReport, type Machine, type Report, type Settings } from './report.js';
import { progress, runInChild } from './support.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    'postgres-store': { type: 'boolean', default: false },
    'postgres-plans': { type: 'boolean', default: false },
    only: { type: 'string' },
    runs: { type: 'string' },
    'load-seconds': { type: 'string' },
    'route-seconds': { type: 'string' },
    'routes-matching': { type: 'string' },
    'routes-on': { type: 'string' },
    ...KOLADA_FULL_OPTIONS,
  },
  strict: true,
});
const PARTS = [
  'import',
  'store',
  'plans',
  'start',
  'documents',
  'lighthouse',
  'routes',
  'reading',
  'kolada-full',
] as const;
type Part = (typeof PARTS)[number];
if (args.only !== undefined && !(PARTS as readonly string[]).includes(args.only))
  throw new Error(
    '--only takes "import", "store", "plans", "start", "documents", "lighthouse", "routes", "reading" or "kolada-full".',
  );
// kolada-full takes hours and tens of GB: only when asked for by name.
const includes = (part: Part) => (args.only === undefined ? part !== 'kolada-full' : args.only === part);
const runs = args.runs === undefined ? 3 : Number(args.runs);
if (!Number.isInteger(runs) || runs < 2) throw new Error('--runs takes a whole number of at least 2 (warm-up).');

const loadSeconds = args['load-seconds'] === undefined ? undefined : Number(args['load-seconds']);
if (loadSeconds !== undefined && !(loadSeconds >= 1))
  throw new Error('--load-seconds takes a number of seconds (>= 1).');
const routeSeconds = args['route-seconds'] === undefined ? undefined : Number(args['route-seconds']);
if (routeSeconds !== undefined && !(routeSeconds >= 1))
  throw new Error('--route-seconds takes a number of seconds (>= 1).');
const routeDialects =
  args['routes-on'] === undefined
    ? (['sqlite', 'postgres'] as const)
    : ([args['routes-on']] as ['sqlite' | 'postgres']);
if (!routeDialects.every((d) => d === 'sqlite' || d === 'postgres'))
  throw new Error('--routes-on takes "sqlite" or "postgres".');

const sizes: Settings = args.quick
  ? {
      mode: 'quick',
      importRows: 20_000,
      runs,
      kpis: 20,
      years: 25,
      comparisonCalls: 500,
      connections: 10,
      loadSeconds: 3,
      warmupSeconds: 1,
      warmKeys: 5,
      planYears: 3,
      planActivities: 40,
      yearResultsCalls: 50,
      startRuns: 1,
      idleSeconds: 2,
      documentRenders: 10,
      pdfPrints: 2,
      pdfBurst: 20,
      pdfVariants: false,
      lighthousePages: 3,
      routeSeconds: 1,
      routeWarmupSeconds: 0.5,
      healthzEvery: 10,
    }
  : {
      mode: 'full',
      importRows: 200_000,
      runs,
      kpis: 500,
      years: 25,
      comparisonCalls: 500,
      connections: 10,
      loadSeconds: 10,
      warmupSeconds: 3,
      warmKeys: 5,
      planYears: 10,
      planActivities: 40,
      yearResultsCalls: 200,
      startRuns: 3,
      idleSeconds: 2,
      documentRenders: 50,
      pdfPrints: 10,
      pdfBurst: 20,
      pdfVariants: true,
      lighthousePages: 40,
      routeSeconds: 2,
      routeWarmupSeconds: 0.5,
      healthzEvery: 10,
    };
/** The year the plans part measures: the demo's example plans are for 2026 (src/seed/demo-plans.ts). */
const PLAN_YEAR = DEMO_PLAN_YEAR;

const settings: Settings = {
  ...sizes,
  ...(loadSeconds === undefined ? {} : { loadSeconds }),
  ...(routeSeconds === undefined ? {} : { routeSeconds }),
};

/**
 * The printer settings the PDF burst runs with: production's (createPdfPrinter's default, half the cores)
 * for the check; in the full run also two jobs at once, for information. (Chromium under `nice` was tried
 * and dropped: run as root, Chromium sets its own processes' priorities, the browser process to -8.)
 */
const DEFAULT_CONCURRENCY = Math.max(1, Math.floor(os.availableParallelism() / 2));
const PRINTER_VARIANTS: PrinterVariant[] = [
  { label: `production (concurrency ${DEFAULT_CONCURRENCY})`, concurrency: DEFAULT_CONCURRENCY },
  ...(settings.pdfVariants
    ? [{ label: `concurrency ${DEFAULT_CONCURRENCY + 1}`, concurrency: DEFAULT_CONCURRENCY + 1 }]
    : []),
];

async function machine(): Promise<Machine> {
  const memory = new SQLite(':memory:');
  const sqlite = (memory.prepare('select sqlite_version() as v').get() as { v: string }).v;
  memory.close();
  let postgres: string;
  try {
    postgres = await postgresVersion();
  } catch (error) {
    throw new Error(
      `PostgreSQL does not answer on ${BENCH_POSTGRES_URL} (set BENCH_POSTGRES_URL, or start it): ${String(error)}`,
      { cause: error },
    );
  }
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    totalRamBytes: os.totalmem(),
    node: process.version,
    sqlite,
    postgres,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

async function main(): Promise<number> {
  const startedAt = new Date().toISOString();
  const loadAtStart = os.loadavg()[0]!;
  const tmpDir = mkdtempSync(join(os.tmpdir(), 'samverkan-bench-'));
  const cleanUp = () => rmSync(tmpDir, { recursive: true, force: true });
  // Ctrl-C reaches the children too (same process group); the generated files must not stay behind.
  // A SIGTERM to this process alone: the children see their IPC channel close (the start part then
  // kills its servers), the files go too.
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)
    process.once(signal, () => {
      cleanUp();
      process.exit(code);
    });
  try {
    const host = await machine();
    progress(`${settings.mode} run; temporary files in ${tmpDir}`);
    const imports = includes('import')
      ? await runInChild<ImportInput, ImportResult[]>('./import.bench.ts', {
          rows: settings.importRows,
          runs: settings.runs,
          dialects: ['sqlite', 'postgres'],
          tmpDir,
        })
      : [];
    const stores: StoreResult[] = [];
    if (includes('store')) {
      const dialects = args['postgres-store'] ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
      for (const dialect of dialects) {
        // One process per store: each peak RSS is that store's alone.
        stores.push(
          await runInChild<StoreInput, StoreResult>('./kolada-store.bench.ts', {
            dialect,
            kpis: settings.kpis,
            years: settings.years,
            lastYear: 2022,
            comparisonCalls: settings.comparisonCalls,
            comparisonYear: 2020,
            warmKeys: settings.warmKeys,
            connections: settings.connections,
            loadSeconds: settings.loadSeconds,
            warmupSeconds: settings.warmupSeconds,
            tmpDir,
          }),
        );
      }
    }
    const plans: PlansResult[] = [];
    if (includes('plans')) {
      const dialects = args['postgres-plans'] ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
      for (const dialect of dialects)
        plans.push(
          await runInChild<PlansInput, PlansResult>('./plans.bench.ts', {
            dialect,
            firstYear: PLAN_YEAR - settings.planYears + 1,
            lastYear: PLAN_YEAR,
            activitiesPerNetworkYear: settings.planActivities,
            yearResultsCalls: settings.yearResultsCalls,
            connections: settings.connections,
            loadSeconds: settings.loadSeconds,
            warmupSeconds: settings.warmupSeconds,
            tmpDir,
          }),
        );
    }
    // Spawns the servers (compiled, tsx, baseline) one at a time; they never outlive that child.
    const start = includes('start')
      ? await runInChild<StartInput, StartResult>('./start.bench.ts', {
          runs: settings.startRuns,
          idleSeconds: settings.idleSeconds,
          connections: settings.connections,
          loadSeconds: settings.loadSeconds,
          warmupSeconds: settings.warmupSeconds,
          tmpDir,
        })
      : null;
    const documents = includes('documents')
      ? await runInChild<DocumentsInput, DocumentsResult>('./documents.bench.ts', {
          renders: settings.documentRenders,
          prints: settings.pdfPrints,
          burst: settings.pdfBurst,
          variants: PRINTER_VARIANTS,
          connections: settings.connections,
          loadSeconds: settings.loadSeconds,
          warmupSeconds: settings.warmupSeconds,
          tmpDir,
        })
      : null;
    const lighthouse = includes('lighthouse')
      ? await runInChild<LighthouseInput, LighthouseResult>('./lighthouse.bench.ts', {
          tmpDir,
          maxPages: settings.lighthousePages,
        })
      : null;
    const routes: RoutesResult[] = [];
    if (includes('routes'))
      for (const dialect of routeDialects)
        // One process per database: each peak RSS is that run's alone.
        routes.push(
          await runInChild<RoutesInput, RoutesResult>('./routes.bench.ts', {
            dialect,
            connections: settings.connections,
            seconds: settings.routeSeconds,
            warmupSeconds: settings.routeWarmupSeconds,
            healthzEvery: settings.healthzEvery,
            ...(args['routes-matching'] === undefined ? {} : { filter: args['routes-matching'] }),
            tmpDir,
          }),
        );
    // Reading board documents: OCR and the repair of its damage, each part in a process of its own.
    const reading: ReadingResult | null = includes('reading')
      ? {
          repair: await runInChild<OcrRepairInput, OcrRepairResult>('./ocr-repair.bench.ts', {
            quick: args.quick,
          }),
          reading: await runInChild<DocumentReadingInput, DocumentReadingResult>('./document-reading.bench.ts', {
            quick: args.quick,
          }),
        }
      : null;
    const koladaFull = includes('kolada-full')
      ? await runInChild<KoladaFullInput, KoladaFullResult>('./kolada-full.bench.ts', koladaFullInput(args, settings))
      : null;
    const report: Report = {
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: host,
      loadAverage: { start: loadAtStart, end: os.loadavg()[0]! },
      settings,
      import: imports,
      stores,
      plans,
      start,
      documents,
      lighthouse,
      routes,
      reading,
      koladaFull,
      checks: [
        ...checksOf(imports, stores, plans, start, documents, lighthouse, routes),
        ...(reading ? readingChecks(reading) : []),
        ...(koladaFull ? koladaFullChecks(koladaFull) : []),
      ],
    };
    console.log(formatReport(report));
    const json = JSON.stringify(report);
    if (args.json) {
      writeFileSync(args.json, json + '\n');
      console.log(`\nJSON: ${args.json}`);
    } else console.log(json);
    const broken = report.checks.filter((c) => c.error && !c.pass);
    for (const c of broken) console.error(`Error: ${c.name}: ${c.value} (expected ${c.target}).`);
    return broken.length > 0 ? 1 : 0;
  } finally {
    cleanUp();
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  return 1;
});
