/**
 * The benchmark's report: figures next to their targets with PASS/FAIL, as text for people and as
 * one JSON object for machines. Labels are short technical terms, readable in Swedish and English.
 */
import { readingSection, type ReadingResult } from './reading-report.js';
import type { BurstFigures, DocumentsResult } from './documents.bench.js';
import type { ImportResult } from './import.bench.js';
import type { LighthouseResult } from './lighthouse.bench.js';
import type { ServerLoad } from './app-server.js';
import type { StoreResult } from './kolada-store.bench.js';
import type { KoladaFullResult } from './kolada-full.bench.js';
import { koladaFullSection } from './kolada-full-report.js';
import type { PlansResult } from './plans.bench.js';
import type { RouteLoad, RoutesResult } from './routes.bench.js';
import type { StartResult, StartSideResult } from './start.bench.js';
import type { RssAtPhase } from './support.js';

export interface Machine {
  cpu: string;
  cores: number;
  totalRamBytes: number;
  node: string;
  sqlite: string;
  postgres: string;
  platform: string;
}

/** The machine's 1-minute load average at the start and the end of the run. */
export interface Load {
  start: number;
  end: number;
}

export interface Settings {
  mode: 'quick' | 'full';
  importRows: number;
  runs: number;
  kpis: number;
  years: number;
  comparisonCalls: number;
  connections: number;
  loadSeconds: number;
  warmupSeconds: number;
  warmKeys: number;
  /** Plan years ending in 2026, and activities per network and year. */
  planYears: number;
  planActivities: number;
  yearResultsCalls: number;
  /** Server start: runs per side (a first start and a restart each), and seconds idle before the RSS reading. */
  startRuns: number;
  idleSeconds: number;
  /** Documents: renders per format (and .docx requests), prints per document, PDFs in the burst, printer settings compared. */
  documentRenders: number;
  pdfPrints: number;
  pdfBurst: number;
  pdfVariants: boolean;
  /** Lighthouse: at most this many public page kinds. */
  lighthousePages: number;
  /** Routes: seconds measured per route and side, after a warm-up of this many; /healthz after every this many routes. */
  routeSeconds: number;
  routeWarmupSeconds: number;
  healthzEvery: number;
}

export const TARGETS = {
  importRatioMin: 0.5,
  warmPageP99MsMax: 25,
  rollupPageP99MsMax: 100,
  planPageP99MsMax: 50,
  peakRssMbMax: 300,
  docxP50MsMax: 300,
  pdfLongP50MsMax: 2000,
  pdfBurstP99RatioMax: 2,
  lighthouseScoreMin: 100,
  publicPageKbBeforeImagesMax: 60,
  routeRatioMin: 0.25,
  routeP99MsMax: 25,
} as const;

export interface Check {
  name: string;
  value: string;
  target: string;
  pass: boolean;
  /** A failed check that means the run itself went wrong (not a missed target): exit code 1. */
  error?: boolean;
}

export interface Report {
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  loadAverage: Load;
  settings: Settings;
  import: ImportResult[];
  stores: StoreResult[];
  plans: PlansResult[];
  start: StartResult | null;
  documents: DocumentsResult | null;
  lighthouse: LighthouseResult | null;
  routes: RoutesResult[];
  /** Reading board documents (part 9). */
  reading?: ReadingResult | null;
  /** Only with --only kolada-full. */
  koladaFull?: KoladaFullResult | null;
  checks: Check[];
}

/** The memory figures of a part's process. */
export interface PeakMemory {
  rssByPhase: RssAtPhase[];
  peakRssBytes: number | null;
  maxSampledRssBytes: number;
  rssSamples: number;
}

export const MB = 1024 * 1024;
const DIALECT = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

/** 10875000 → "10 875 000": digit groups as in the issue, the same in Swedish and English. */
export const int = (n: number): string =>
  Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
export const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
export const mb = (bytes: number) => `${int(bytes / MB)} MB`;
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

/** The checks every part behind the app has: no failed requests under load, and the memory peak. */
function serverChecks(
  prefix: string,
  loads: readonly (readonly [string, ServerLoad])[],
  memory: PeakMemory,
  postgres: boolean,
): Check[] {
  const checks: Check[] = loads.map(([what, load]) => ({
    name: `${prefix}: ${what} non-2xx / errors / timeouts`,
    value: `${load.non2xx} / ${load.errors} / ${load.timeouts}`,
    target: '0 / 0 / 0',
    pass: load.non2xx + load.errors + load.timeouts === 0,
    error: true,
  }));
  const peak = memory.peakRssBytes ?? memory.maxSampledRssBytes;
  checks.push({
    name: `${prefix}: peak RSS of the app process${postgres ? ' (server not counted)' : ''}`,
    value: mb(peak),
    target: `<= ${TARGETS.peakRssMbMax} MB`,
    pass: peak <= TARGETS.peakRssMbMax * MB,
  });
  return checks;
}

const p99Check = (name: string, load: ServerLoad, maxMs: number): Check => ({
  name: `${name} p99 (${load.connections} connections)`,
  value: `${load.latencyP99Ms} ms`,
  target: `<= ${maxMs} ms`,
  pass: load.latencyP99Ms <= maxMs,
});

/** The start part: no failed requests, the compiled server against tsx, and its memory peak. */
function startChecks(start: StartResult): Check[] {
  const side = (name: StartSideResult['side']) => start.sides.find((s) => s.side === name)!;
  const compiled = side('compiled');
  const tsx = side('tsx');
  const ratio = (pick: (s: StartSideResult) => number) => pick(compiled) / pick(tsx);
  const restart = ratio((s) => s.median.restartMs);
  const fresh = ratio((s) => s.median.freshMs);
  const idle = ratio((s) => s.median.idleRssBytes);
  const peak = Math.max(...compiled.runs.flatMap((r) => [r.freshPeakRssBytes, r.peakRssBytes]));
  return [
    ...start.sides.map((s) => ({
      name: `start ${s.side}: indicator pages non-2xx / errors / timeouts`,
      value: `${s.load.non2xx} / ${s.load.errors} / ${s.load.timeouts}`,
      target: '0 / 0 / 0',
      pass: s.load.non2xx + s.load.errors + s.load.timeouts === 0,
      error: true,
    })),
    {
      name: 'start: restart to healthy, compiled / tsx (median)',
      value: restart.toFixed(2),
      target: '<= 1.00',
      pass: restart <= 1,
    },
    {
      name: 'start: first start to healthy, compiled / tsx (median)',
      value: fresh.toFixed(2),
      target: '<= 1.00',
      pass: fresh <= 1,
    },
    {
      name: 'start: idle RSS, compiled / tsx (median)',
      value: idle.toFixed(2),
      target: '< 1.00',
      pass: idle < 1,
    },
    {
      name: 'start: compiled peak RSS (first start and after load)',
      value: mb(peak),
      target: `<= ${TARGETS.peakRssMbMax} MB`,
      pass: peak <= TARGETS.peakRssMbMax * MB,
    },
  ];
}

/** The documents part: Word render time, a warm 10-page PDF, the burst's effect on page latency (production's printer). */
function documentsChecks(d: DocumentsResult): Check[] {
  const production = d.bursts[0]!;
  return [
    {
      name: 'documents: memo DOCX render p50',
      value: `${ms(d.docx.p50Ms)} ms`,
      target: `<= ${TARGETS.docxP50MsMax} ms`,
      pass: d.docx.p50Ms <= TARGETS.docxP50MsMax,
    },
    {
      name: `documents: ${d.pdfLong.pages}-page PDF, warm printer, p50`,
      value: `${int(d.pdfLong.p50Ms)} ms`,
      target: `<= ${TARGETS.pdfLongP50MsMax} ms`,
      pass: d.pdfLong.p50Ms <= TARGETS.pdfLongP50MsMax,
    },
    {
      name: `documents: page p99 with ${production.pdfs.ok + production.pdfs.refused + production.pdfs.other} PDFs / without`,
      value: production.ratio.toFixed(2),
      target: `<= ${TARGETS.pdfBurstP99RatioMax.toFixed(2)}`,
      pass: production.ratio <= TARGETS.pdfBurstP99RatioMax,
    },
    ...serverChecks(
      'documents',
      [
        ['signed-in page', production.unloaded],
        ['signed-in page during the PDFs', production.loaded],
      ],
      d,
      false,
    ),
    {
      name: 'documents: PDFs of the burst answered other than 200 or 503',
      value: String(production.pdfs.other),
      target: '0',
      pass: production.pdfs.other === 0,
      error: true,
    },
  ];
}

export function checksOf(
  imports: readonly ImportResult[],
  stores: readonly StoreResult[],
  plans: readonly PlansResult[],
  start: StartResult | null,
  documents: DocumentsResult | null = null,
  lighthouse: LighthouseResult | null = null,
  routes: readonly RoutesResult[] = [],
): Check[] {
  const checks: Check[] = [];
  for (const r of imports)
    checks.push({
      name: `import ${DIALECT[r.dialect]}: importValues / raw insert`,
      value: r.ratio.toFixed(2),
      target: `>= ${TARGETS.importRatioMin.toFixed(2)}`,
      pass: r.ratio >= TARGETS.importRatioMin,
    });
  for (const s of stores) {
    const d = DIALECT[s.dialect];
    checks.push(
      p99Check(`store ${d}: warm indicator page`, s.page, TARGETS.warmPageP99MsMax),
      ...serverChecks(
        `store ${d}`,
        [
          ['indicator page', s.page],
          ['/healthz', s.healthz],
        ],
        s,
        s.dialect === 'postgres',
      ),
    );
  }
  for (const p of plans) {
    const d = DIALECT[p.dialect];
    checks.push(
      p99Check(`plans ${d}: warm roll-up page`, p.rollup, TARGETS.rollupPageP99MsMax),
      p99Check(`plans ${d}: plan page`, p.plan, TARGETS.planPageP99MsMax),
      ...serverChecks(
        `plans ${d}`,
        [
          ['roll-up page', p.rollup],
          ['plan page', p.plan],
          ['/healthz', p.healthz],
        ],
        p,
        p.dialect === 'postgres',
      ),
    );
  }
  if (start) checks.push(...startChecks(start));
  if (documents) checks.push(...documentsChecks(documents));
  if (lighthouse) checks.push(...lighthouseChecks(lighthouse));
  for (const r of routes) checks.push(...routesChecks(r));
  return checks;
}

/** A route's load meets the target: at least 0.25 of /healthz's req/s, p99 at most 25 ms. */
export const routePasses = (l: RouteLoad): boolean =>
  l.ratio >= TARGETS.routeRatioMin && l.latencyP99Ms <= TARGETS.routeP99MsMax;

const isLoad = (p: RouteLoad | { status: number }): p is RouteLoad => 'ratio' in p;

function routesChecks(r: RoutesResult): Check[] {
  const d = DIALECT[r.dialect];
  // Word and Excel files (one connection) are for information: the documents part has their targets.
  const measured = r.routes.filter((x) => x.kind !== 'document');
  const publicLoads = measured.map((x) => x.public).filter(isLoad);
  const all = [...r.routes.flatMap((x) => [x.signedIn, ...(isLoad(x.public) ? [x.public] : [])]), ...r.healthz];
  const failed = (loads: readonly { non2xx: number; errors: number; timeouts: number }[]) =>
    loads.reduce((n, l) => n + l.non2xx + l.errors + l.timeouts, 0);
  const target = `>= ${TARGETS.routeRatioMin} × /healthz, p99 <= ${TARGETS.routeP99MsMax} ms`;
  const signedInPass = measured.filter((x) => routePasses(x.signedIn)).length;
  const publicPass = publicLoads.filter(routePasses).length;
  return [
    {
      name: `routes ${d}: signed in (administrator), routes meeting the target`,
      value: `${signedInPass} of ${measured.length}`,
      target,
      pass: signedInPass === r.routes.length,
    },
    {
      name: `routes ${d}: public, routes meeting the target`,
      value: `${publicPass} of ${publicLoads.length}`,
      target,
      pass: publicPass === publicLoads.length,
    },
    {
      name: `routes ${d}: non-2xx + errors + timeouts over all loads`,
      value: String(failed(all)),
      target: '0',
      pass: failed(all) === 0,
      error: true,
    },
    ...serverChecks(`routes ${d}`, [], r, r.dialect === 'postgres'),
  ];
}

/** The routes after whose loads the process's RSS had grown most since the route before. */
function growth(r: RoutesResult, top = 5): { route: string; bytes: number }[] {
  const first = r.rssByPhase.find((p) => p.phase === 'routes checked')?.rssBytes ?? 0;
  return r.routes
    .map((x, i) => ({ route: x.route, bytes: x.rssAfterBytes - (i === 0 ? first : r.routes[i - 1]!.rssAfterBytes) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top);
}

function routesSection(r: RoutesResult, n: number): string[] {
  const width = Math.min(64, Math.max(...r.routes.map((x) => x.route.length)) + 1);
  const h = r.healthz.map((l) => l.requestsPerSecond);
  const cols = (l: RouteLoad) =>
    `${lpad(int(l.requestsPerSecond), 7)}${lpad(l.ratio.toFixed(2), 6)}${lpad(String(l.latencyP99Ms), 7)}${lpad(ms(l.serverCpuMsPerRequest), 8)}`;
  const empty = (status: number) => `${lpad(`(${status})`, 7)}${lpad('', 21)}`;
  const verdict = (x: RoutesResult['routes'][number]) => {
    const signedIn = routePasses(x.signedIn);
    const pub = isLoad(x.public) ? routePasses(x.public) : true;
    return signedIn && pub ? 'PASS' : `FAIL${signedIn ? '' : ' in'}${pub ? '' : ' pub'}`;
  };
  const kinds = [
    ['page', 'pages'],
    ['api', 'API'],
    ['file', 'files (downloads, feeds, calendars)'],
    [
      'document',
      `Word and Excel files, built per request: ${r.documentRequests} requests one at a time, for information (not in the checks)`,
    ],
  ] as const;
  const lines = [
    `${n}. Every GET route (${DIALECT[r.dialect]}, demo and the records bench/routes-data.ts adds): autocannon ${r.connections} connections,`,
    `   ${r.seconds} s after a ${r.warmupSeconds} s warm-up per route and side; signed in: an administrator's session cookie (never`,
    `   the page cache); public: no cookie, Accept-Encoding gzip (cached pages where the route has a cache). ratio: req/s`,
    `   over the mean of the /healthz loads just before and after (measured every ${r.routes.length > 0 ? Math.ceil(r.routes.length / Math.max(1, r.healthz.length - 1)) : 0} routes);`,
    `   p99 in ms; CPU: the server's CPU ms per request. Target ratio >= ${TARGETS.routeRatioMin}, p99 <= ${TARGETS.routeP99MsMax} ms. (401) etc.: what the`,
    `   public gets where the route is not the public's. Setup (migrations, demo, records) ${r.seedSeconds.toFixed(1)} s; the part ${int(r.totalSeconds)} s.`,
    `   /healthz: ${h.length} loads, ${int(Math.min(...h))}–${int(Math.max(...h))} req/s (mean ${int(h.reduce((a, b) => a + b, 0) / h.length)}), p99 ${Math.min(...r.healthz.map((l) => l.latencyP99Ms))}–${Math.max(...r.healthz.map((l) => l.latencyP99Ms))} ms`,
  ];
  for (const [kind, title] of kinds) {
    const rows = r.routes.filter((x) => x.kind === kind);
    if (rows.length === 0) continue;
    lines.push(
      `   ${title}`,
      `     ${pad('route', width)}${lpad('in/s', 7)}${lpad('ratio', 6)}${lpad('p99', 7)}${lpad('CPU', 8)}${lpad('pub/s', 7)}${lpad('ratio', 6)}${lpad('p99', 7)}${lpad('CPU', 8)}  verdict`,
      ...rows.map(
        (x) =>
          `     ${pad(x.route.length > width - 1 ? `${x.route.slice(0, width - 2)}…` : x.route, width)}${cols(x.signedIn)}` +
          `${isLoad(x.public) ? cols(x.public) : empty(x.public.status)}  ${verdict(x)}`,
      ),
    );
  }
  const checked = r.routes.filter((x) => x.kind !== 'document');
  const failing = checked.filter((x) => verdict(x) !== 'PASS').length;
  lines.push(
    `   ${checked.length - failing} of ${checked.length} routes PASS (signed in and, where public, as the public)`,
    `   not measured: ${r.excluded.length} GET routes`,
    ...[...new Set(r.excluded.map((e) => e.reason))].map(
      (reason) =>
        `     ${reason}: ${r.excluded.filter((e) => e.reason === reason).length} (${r.excluded
          .filter((e) => e.reason === reason)
          .slice(0, 4)
          .map((e) => e.route)
          .join(', ')}${r.excluded.filter((e) => e.reason === reason).length > 4 ? ', …' : ''})`,
    ),
    ...memoryLines(r),
    `   RSS grew most with: ${growth(r)
      .map((g) => `${g.route} +${int(g.bytes / MB)} MB`)
      .join(', ')}`,
  );
  return lines;
}

function lighthouseChecks(l: LighthouseResult): Check[] {
  const lowest = Math.min(...l.pages.flatMap((p) => Object.values(p.scores)));
  const heaviest = Math.max(...l.pages.map((p) => p.bytesBeforeImages));
  return [
    {
      name: `lighthouse: lowest score of ${l.pages.length} public pages`,
      value: String(lowest),
      target: `>= ${TARGETS.lighthouseScoreMin}`,
      pass: lowest >= TARGETS.lighthouseScoreMin,
    },
    {
      name: 'lighthouse: heaviest public page before images',
      value: `${(heaviest / 1024).toFixed(1)} KiB`,
      target: `<= ${TARGETS.publicPageKbBeforeImagesMax} KiB`,
      pass: heaviest <= TARGETS.publicPageKbBeforeImagesMax * 1024,
    },
  ];
}

function lighthouseSection(l: LighthouseResult, n: number): string[] {
  const width = Math.max(20, ...l.pages.map((p) => p.path.length)) + 2;
  return [
    `${n}. Public pages under Lighthouse ${l.lighthouse} (mobile, simulated slow 4G; ${l.chromium}), one per template`,
    `   ${pad('page', width)}${lpad('perf', 5)}${lpad('a11y', 5)}${lpad('best', 5)}${lpad('seo', 5)}${lpad('FCP', 8)}${lpad('LCP', 8)}${lpad('KiB', 7)}${lpad('req', 5)}`,
    ...l.pages.map(
      (p) =>
        `   ${pad(p.path, width)}${lpad(String(p.scores.performance), 5)}${lpad(String(p.scores.accessibility), 5)}` +
        `${lpad(String(p.scores['best-practices']), 5)}${lpad(String(p.scores.seo), 5)}` +
        `${lpad(`${(p.firstContentfulPaintMs / 1000).toFixed(1)} s`, 8)}${lpad(`${(p.largestContentfulPaintMs / 1000).toFixed(1)} s`, 8)}` +
        `${lpad((p.bytesBeforeImages / 1024).toFixed(1), 7)}${lpad(String(p.requests), 5)}` +
        (p.misses.length ? `  (${p.misses.join(', ')})` : ''),
    ),
    '   (KiB: transferred before images — HTML, stylesheet, icons; req: requests of the page)',
  ];
}

function importSection(results: readonly ImportResult[], settings: Settings): string[] {
  if (results.length === 0) return [];
  const first = results[0]!;
  const lines = [
    `1. Import: importValues vs the driver's raw insert — ${int(first.rows)} rows, ${first.indicators} indicators, best of ${settings.runs} runs`,
    `   ${pad('', 12)}${lpad('importValues', 16)}${lpad('raw insert', 16)}${lpad('ratio', 8)}${lpad('target', 9)}`,
  ];
  for (const r of results)
    lines.push(
      `   ${pad(DIALECT[r.dialect], 12)}${lpad(`${int(r.importBest)} rows/s`, 16)}${lpad(`${int(r.rawBest)} rows/s`, 16)}` +
        `${lpad(r.ratio.toFixed(2), 8)}${lpad(`>= ${TARGETS.importRatioMin.toFixed(2)}`, 9)}  ${r.ratio >= TARGETS.importRatioMin ? 'PASS' : 'FAIL'}`,
    );
  for (const r of results)
    lines.push(`   ${pad(DIALECT[r.dialect], 12)}re-import, 0 changed (info): ${int(r.reimportBest)} rows/s`);
  for (const r of results)
    if (r.cpuRatio !== undefined)
      lines.push(
        `   ${pad(DIALECT[r.dialect], 12)}ratio from CPU time instead of wall-clock time (info): ${r.cpuRatio.toFixed(2)}`,
      );
  for (const r of results)
    if (r.rawBatchBest !== undefined)
      lines.push(
        `   ${pad(DIALECT[r.dialect], 12)}raw prepared 500-row INSERT (info): ${int(r.rawBatchBest)} rows/s; importValues / that = ${(r.importBest / r.rawBatchBest).toFixed(2)}`,
      );
  lines.push('   raw insert:');
  for (const r of results) lines.push(`     ${pad(DIALECT[r.dialect], 12)}${r.rawMethod}`);
  lines.push('   every run, rows/s (first = warm-up):');
  for (const r of results)
    lines.push(
      `     ${pad(DIALECT[r.dialect], 12)}importValues ${r.importRuns.map(int).join(', ')} | raw ${r.rawRuns.map(int).join(', ')}` +
        `${r.rawBatchRuns ? ` | raw 500-row ${r.rawBatchRuns.map(int).join(', ')}` : ''} | re-import ${r.reimportRuns.map(int).join(', ')}`,
    );
  return lines;
}

const mark = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

/** The HTTP load table: a heading, then one row per load. */
const loadHeader = (labelWidth: number) =>
  `     ${pad('', labelWidth)}${lpad('p50', 8)}${lpad('p99', 8)}${lpad('mean ms', 9)}${lpad('req/s', 9)}${lpad('CPU ms/req', 11)}${lpad('non2xx', 8)}${lpad('errors', 8)}`;
const loadRow = (label: string, r: ServerLoad, labelWidth: number) =>
  `     ${pad(label, labelWidth)}${lpad(`${r.latencyP50Ms} ms`, 8)}${lpad(`${r.latencyP99Ms} ms`, 8)}${lpad(ms(r.latencyMeanMs), 9)}` +
  `${lpad(int(r.requestsPerSecond), 9)}${lpad(r.serverCpuMsPerRequest.toFixed(2), 10)}${lpad(String(r.non2xx), 8)}${lpad(String(r.errors + r.timeouts), 8)}`;
const againstHealthz = (what: string, r: ServerLoad, healthz: ServerLoad) =>
  `     ${what} / healthz: throughput ${(r.requestsPerSecond / healthz.requestsPerSecond).toFixed(3)}; server CPU per request ${(r.serverCpuMsPerRequest / healthz.serverCpuMsPerRequest).toFixed(1)}`;

function memoryLines(m: PeakMemory): string[] {
  const peak = m.peakRssBytes ?? m.maxSampledRssBytes;
  return [
    `   peak RSS ${mb(peak)} (VmHWM; highest sample ${mb(m.maxSampledRssBytes)} of ${m.rssSamples}), target <= ${TARGETS.peakRssMbMax} MB: ${mark(peak <= TARGETS.peakRssMbMax * MB)}`,
    `   RSS after each phase: ${m.rssByPhase.map((p) => `${p.phase} ${mb(p.rssBytes)} (heap ${mb(p.heapUsedBytes)} of ${mb(p.heapTotalBytes)})`).join(', ')}`,
  ];
}

function storeSection(s: StoreResult, n: number): string[] {
  return [
    `${n}. Kolada-sized store (${DIALECT[s.dialect]}): ${s.areas} areas × ${s.kpis} KPIs × ${s.years} years × 3 genders = ${int(s.rows)} rows`,
    `   seed (migrations, seedDemo, KPIs)   ${s.seedSeconds.toFixed(1)} s`,
    `   generate (streamed inserts)         ${s.generateSeconds.toFixed(1)} s, ${int(s.generateRowsPerSecond)} rows/s`,
    `   database size                       ${mb(s.dbSizeBytes)} (${s.dbSizeNote})`,
    `   values query plan                   ${s.valuesQueryPlan.join(' | ')}`,
    `   getComparison(year, T), ${s.comparison.calls} calls, random KPIs: p50 ${ms(s.comparison.p50Ms)} ms, p99 ${ms(s.comparison.p99Ms)} ms, mean ${ms(s.comparison.meanMs)} ms, max ${ms(s.comparison.maxMs)} ms`,
    `   indicator page, single requests: first (renders chart) ${s.pageColdMs.map(ms).join(', ')} ms; again (cached chart) ${s.pageWarmMs.map(ms).join(', ')} ms`,
    `   HTTP load: autocannon, ${s.page.connections} connections, ${s.page.seconds} s after a warm-up, same server and process as the store`,
    loadHeader(30),
    loadRow(`GET /nyckeltal/<key> (${s.page.paths.length} warm)`, s.page, 30),
    loadRow('GET /healthz', s.healthz, 30),
    againstHealthz('page', s.page, s.healthz),
    `   warm page p99 ${s.page.latencyP99Ms} ms, target <= ${TARGETS.warmPageP99MsMax} ms: ${mark(s.page.latencyP99Ms <= TARGETS.warmPageP99MsMax)}`,
    ...memoryLines(s),
  ];
}

function plansSection(p: PlansResult, n: number): string[] {
  const { data } = p;
  const calls = (c: PlansResult['yearResults']) =>
    `${c.calls} calls: p50 ${ms(c.p50Ms)} ms, p99 ${ms(c.p99Ms)} ms, mean ${ms(c.meanMs)} ms, max ${ms(c.maxMs)} ms; ${c.sqlStatements} SQL statements per call`;
  const page = (f: PlansResult['rollupPage']) =>
    `first ${ms(f.firstMs)} ms, again ${ms(f.againMs)} ms, ${int(f.bytes / 1024)} KiB`;
  const width = 34;
  return [
    `${n}. Plans and follow-up (${DIALECT[p.dialect]}): ${data.years} years × ${data.networks} networks, programme ${data.programme.slug} (${data.programme.goals} goals)`,
    `   seed (migrations, seedDemo)         ${p.seedSeconds.toFixed(1)} s`,
    `   generate (repositories, 1 tx/year)  ${data.seconds.toFixed(1)} s: ${data.plansCreated} plans, ${int(data.activities)} activities (${int(data.carriedOver)} carried over), ${int(data.reports)} reports, ${data.roundsCreated} rounds`,
    `   in the database with the demo's     ${data.totals.plans} plans, ${int(data.totals.activities)} activities, ${int(data.totals.reports)} reports, ${data.totals.rounds} rounds`,
    `   ${p.year} as the public sees it          ${p.measured.plans} plans, ${p.measured.activities} activities; plan page: plan ${p.measured.planId} (${p.measured.planActivities} activities)`,
    `   getYearResults(ctx, ${p.year}), public, ${calls(p.yearResults)}`,
    `   the same with { indicators: true } (the roll-up page's call), ${calls(p.yearResultsWithIndicators)}`,
    `   getPlanPage (GET /planer/:id): ${p.planPageSqlStatements} SQL statements`,
    `   single requests: roll-up page ${page(p.rollupPage)}; plan page ${page(p.planPage)}`,
    `   annual report workbook GET ${p.xlsx.path}: ${int(p.xlsx.bytes)} bytes, first ${ms(p.xlsx.firstMs)} ms (loads exceljs), again ${ms(p.xlsx.againMs)} ms`,
    `   HTTP load as the public (no cookie): autocannon, ${p.rollup.connections} connections, ${p.rollup.seconds} s after a warm-up each`,
    loadHeader(width),
    loadRow(`GET ${p.rollupPage.path}`, p.rollup, width),
    loadRow(`GET ${p.planPage.path}`, p.plan, width),
    loadRow('GET /healthz', p.healthz, width),
    againstHealthz('roll-up page', p.rollup, p.healthz),
    againstHealthz('plan page', p.plan, p.healthz),
    `   roll-up page p99 ${p.rollup.latencyP99Ms} ms, target <= ${TARGETS.rollupPageP99MsMax} ms: ${mark(p.rollup.latencyP99Ms <= TARGETS.rollupPageP99MsMax)}`,
    `   plan page p99 ${p.plan.latencyP99Ms} ms, target <= ${TARGETS.planPageP99MsMax} ms: ${mark(p.plan.latencyP99Ms <= TARGETS.planPageP99MsMax)}`,
    ...memoryLines(p),
  ];
}

function startSection(start: StartResult, n: number): string[] {
  const bySide = (name: StartSideResult['side']) => start.sides.find((s) => s.side === name)!;
  const compiled = bySide('compiled');
  const sec = (msValue: number) => `${(msValue / 1000).toFixed(2)} s`;
  const width = 22;
  const col = 15;
  const ratioRows = (pick: readonly ((s: StartSideResult) => number)[]) =>
    (['tsx', 'baseline'] as const).map(
      (other) =>
        `   ${pad(`compiled / ${other}`, width)}${pick.map((f) => lpad((f(compiled) / f(bySide(other))).toFixed(2), col)).join('')}`,
    );
  const times = [
    (s: StartSideResult) => s.median.freshMs,
    (s: StartSideResult) => s.median.freshCpuMs,
    (s: StartSideResult) => s.median.restartMs,
    (s: StartSideResult) => s.median.restartCpuMs,
  ];
  const memory = [
    (s: StartSideResult) => s.median.idleRssBytes,
    (s: StartSideResult) => s.median.loadedRssBytes,
    (s: StartSideResult) => s.median.peakRssBytes,
    (s: StartSideResult) => s.median.freshPeakRssBytes,
  ];
  const loadWidth = 30;
  return [
    `${n}. Server start and memory: ${start.runs} run${start.runs === 1 ? '' : 's'} per side (sides alternated), SQLite in a temporary directory, LOG_LEVEL=warn`,
    ...start.sides.map((s) => `   ${pad(s.side, 10)}${s.command}`),
    `   time from spawn to the first 200 from /healthz (polled every ${start.pollMs} ms), median; CPU: the process's CPU time until then`,
    `   ${pad('', width)}${lpad('first start', col)}${lpad('CPU', col)}${lpad('restart', col)}${lpad('CPU', col)}`,
    ...start.sides.map((s) => `   ${pad(s.side, width)}${times.map((f) => lpad(sec(f(s)), col)).join('')}`),
    ...ratioRows(times),
    `   first start: empty database (migrations, demo, Kolada catalogue; leaves ${mb(start.databaseBytes)}); restart: on that database`,
    `   memory of the restarted process, median: VmRSS ${start.idleSeconds} s after healthy, VmRSS after the load, VmHWM after the load; and the first start's VmHWM`,
    `   ${pad('', width)}${lpad('idle RSS', col)}${lpad('after load', col)}${lpad('peak', col)}${lpad('1st start peak', col)}`,
    ...start.sides.map((s) => `   ${pad(s.side, width)}${memory.map((f) => lpad(mb(f(s)), col)).join('')}`),
    ...ratioRows(memory),
    '   every run, first start | restart (s); idle | after load | peak (MB):',
    ...start.sides.map(
      (s) =>
        `     ${pad(s.side, 10)}${s.runs.map((r) => (r.freshMs / 1000).toFixed(2)).join(', ')} | ${s.runs.map((r) => (r.restartMs / 1000).toFixed(2)).join(', ')}` +
        `; ${s.runs.map((r) => int(r.idleRssBytes / MB)).join(', ')} | ${s.runs.map((r) => int(r.loadedRssBytes / MB)).join(', ')} | ${s.runs.map((r) => int(r.peakRssBytes / MB)).join(', ')}`,
    ),
    `   HTTP load per run: autocannon, ${compiled.load.connections} connections, ${compiled.load.seconds} s after a ${start.warmupSeconds} s warm-up load, GET /nyckeltal/<key>`,
    `   over the ${start.paths.length} followed indicators; median of the runs, non-2xx and errors summed (warm-up's included);`,
    '   the baseline answers a fixed page',
    loadHeader(loadWidth),
    ...start.sides.map((s) => loadRow(s.side, s.load, loadWidth)),
  ];
}

function documentsSection(d: DocumentsResult, n: number, settings: Settings): string[] {
  const calls = (c: { calls: number; p50Ms: number; p99Ms: number; meanMs: number }) =>
    `p50 ${ms(c.p50Ms)} ms, p99 ${ms(c.p99Ms)} ms, mean ${ms(c.meanMs)} ms (${c.calls} calls)`;
  const production = d.bursts[0]!;
  const width = 28;
  const burstRow = (b: BurstFigures) =>
    `     ${pad(b.variant.label, width)}${lpad(`${b.unloaded.latencyP99Ms} ms`, 10)}${lpad(`${b.loaded.latencyP99Ms} ms`, 10)}` +
    `${lpad(b.ratio.toFixed(2), 7)}${lpad(`${b.pdfs.ok}/${b.pdfs.refused}/${b.pdfs.other}`, 10)}${lpad(`${b.burstSeconds.toFixed(1)} s`, 8)}` +
    `${lpad(`${(b.pdfs.p50Ms / 1000).toFixed(1)} s`, 8)}${lpad(`${b.chromiumCpuSeconds.toFixed(1)} s`, 10)}${lpad(`${b.serverCpuSeconds.toFixed(1)} s`, 9)}` +
    `${lpad(`${int(b.loaded.requestsPerSecond)}/${int(b.unloaded.requestsPerSecond)}`, 10)}`;
  return [
    `${n}. Documents (SQLite, demo): the memo ${d.memo.title.slice(0, 60)} (${d.memo.blocks} blocks), Haninge`,
    `   renders of the memo built once, after a warm-up: HTML (inline styles, ${int(d.memo.htmlBytes / 1024)} KiB) ${calls(d.html)}`,
    `   ${pad('', 51)}DOCX (${int(d.memo.docxBytes / 1024)} KiB) ${calls(d.docx)}`,
    `   DOCX / HTML: p50 ${(d.docx.p50Ms / d.html.p50Ms).toFixed(1)}, p99 ${(d.docx.p99Ms / d.html.p99Ms).toFixed(1)}`,
    `   GET …/0136/dokument.docx through the app, signed in (reader): ${calls(d.docxRoute)}`,
    `   memo DOCX p50 ${ms(d.docx.p50Ms)} ms, target <= ${TARGETS.docxP50MsMax} ms: ${mark(d.docx.p50Ms <= TARGETS.docxP50MsMax)}`,
    `   PDF, one printer (${d.chromium}): launch and first print ${int(d.launchAndFirstPrintMs)} ms; then, one at a time:`,
    `     memo, ${d.pdfMemo.pages} pages, ${int(d.pdfMemo.bytes / 1024)} KiB: p50 ${int(d.pdfMemo.p50Ms)} ms, p99 ${int(d.pdfMemo.p99Ms)} ms (${d.pdfMemo.calls} prints)`,
    `     longSampleDocument(${d.pdfLong.sections}), ${d.pdfLong.pages} pages, ${int(d.pdfLong.bytes / 1024)} KiB: p50 ${int(d.pdfLong.p50Ms)} ms, p99 ${int(d.pdfLong.p99Ms)} ms (${d.pdfLong.calls} prints)`,
    `   ${d.pdfLong.pages}-page PDF p50 ${int(d.pdfLong.p50Ms)} ms, target <= ${TARGETS.pdfLongP50MsMax} ms: ${mark(d.pdfLong.p50Ms <= TARGETS.pdfLongP50MsMax)}`,
    `   PDF burst: GET ${production.unloaded.paths[0]} signed in, autocannon ${production.loaded.connections} connections, ${production.loaded.seconds} s, without PDFs`,
    `   (after a warm-up) and then while ${settings.pdfBurst} GET /program/sup-2035/dokument.pdf fire at once as the load starts; the`,
    '   printer shared by the app as in production, its browser running. PDFs ok/refused(503)/other; CPU during the loaded run',
    `     ${pad('printer', width)}${lpad('p99 alone', 10)}${lpad('with PDFs', 10)}${lpad('ratio', 7)}${lpad('PDFs', 10)}${lpad('burst', 8)}${lpad('PDF p50', 8)}${lpad('Chromium', 10)}${lpad('server', 9)}${lpad('req/s', 10)}`,
    ...d.bursts.map(burstRow),
    `   (req/s: with PDFs / alone; Chromium: CPU s of its processes, server: of the app's process; the machine has its cores for both)`,
    `   page p99 with PDFs / without (${production.variant.label}) ${production.ratio.toFixed(2)}, target <= ${TARGETS.pdfBurstP99RatioMax.toFixed(2)}: ${mark(production.ratio <= TARGETS.pdfBurstP99RatioMax)}`,
    ...(d.bursts.length > 1 ? ['   the other printer settings are for information (not what production runs)'] : []),
    `   Chromium's processes after the burst: ${mb(production.chromiumRssBytes)} RSS summed (not counted in the peak below)`,
    ...memoryLines(d),
  ];
}

export function formatReport(report: Report): string {
  const { machine: m, settings } = report;
  const lines = [
    `samverkan — npm run bench (${settings.mode}${settings.mode === 'quick' ? ': smoke run, not the target size' : ''})`,
    `${report.startedAt} – ${report.finishedAt}`,
    '',
    'Machine',
    `   CPU          ${m.cpu}, ${m.cores} cores`,
    `   RAM          ${(m.totalRamBytes / 1024 ** 3).toFixed(1)} GiB`,
    `   Node         ${m.node} (${m.platform})`,
    `   SQLite       ${m.sqlite}`,
    `   PostgreSQL   ${m.postgres}`,
    `   load average ${report.loadAverage.start.toFixed(2)} at the start, ${report.loadAverage.end.toFixed(2)} at the end (1 min, ${m.cores} cores)`,
    ...(Math.max(report.loadAverage.start, report.loadAverage.end) > m.cores
      ? [
          '   NOTE: the machine was busy with other work during this run: absolute rates and latencies are',
          '   lower/higher than on an idle machine. The ratios and the CPU ms per request are the steadier figures.',
        ]
      : []),
    '',
    ...importSection(report.import, settings),
  ];
  // Numbered as the parts in bench/README.md.
  for (const s of report.stores) lines.push('', ...storeSection(s, 2));
  for (const p of report.plans) lines.push('', ...plansSection(p, 3));
  if (report.start) lines.push('', ...startSection(report.start, 4));
  if (report.documents) lines.push('', ...documentsSection(report.documents, 5, settings));
  if (report.lighthouse) lines.push('', ...lighthouseSection(report.lighthouse, 6));
  for (const r of report.routes) lines.push('', ...routesSection(r, 7));
  if (report.koladaFull) lines.push('', ...koladaFullSection(report.koladaFull, 8));
  if (report.reading) lines.push('', ...readingSection(report.reading, 9));
  lines.push('', 'Checks');
  const width = Math.max(...report.checks.map((c) => c.name.length));
  for (const c of report.checks)
    lines.push(`   ${pad(c.name, width)}  ${lpad(c.value, 14)}  ${pad(c.target, 12)}  ${c.pass ? 'PASS' : 'FAIL'}`);
  const failed = report.checks.filter((c) => !c.pass).length;
  lines.push('', failed === 0 ? 'All checks PASS.' : `${failed} of ${report.checks.length} checks FAIL.`);
  return lines.join('\n');
}
