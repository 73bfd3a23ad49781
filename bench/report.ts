/**
 * The benchmark's report: figures next to their targets with PASS/FAIL, as text for people and as
 * one JSON object for machines. Labels are short technical terms, readable in Swedish and English.
 */
import type { ImportResult } from './import.bench.js';
import type { StoreResult } from './kolada-store.bench.js';

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
}

export const TARGETS = {
  importRatioMin: 0.5,
  warmPageP99MsMax: 25,
  peakRssMbMax: 300,
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
  checks: Check[];
}

const MB = 1024 * 1024;
const DIALECT = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

/** 10875000 → "10 875 000": digit groups as in the issue, the same in Swedish and English. */
export const int = (n: number): string =>
  Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const mb = (bytes: number) => `${int(bytes / MB)} MB`;
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

export function checksOf(imports: readonly ImportResult[], stores: readonly StoreResult[]): Check[] {
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
    checks.push({
      name: `store ${d}: warm indicator page p99 (${s.page.connections} connections)`,
      value: `${s.page.latencyP99Ms} ms`,
      target: `<= ${TARGETS.warmPageP99MsMax} ms`,
      pass: s.page.latencyP99Ms <= TARGETS.warmPageP99MsMax,
    });
    for (const [what, load] of [
      ['indicator page', s.page],
      ['/healthz', s.healthz],
    ] as const)
      checks.push({
        name: `store ${d}: ${what} non-2xx / errors / timeouts`,
        value: `${load.non2xx} / ${load.errors} / ${load.timeouts}`,
        target: '0 / 0 / 0',
        pass: load.non2xx + load.errors + load.timeouts === 0,
        error: true,
      });
    const peak = s.peakRssBytes ?? s.maxSampledRssBytes;
    checks.push({
      name: `store ${d}: peak RSS of the app process${s.dialect === 'postgres' ? ' (server not counted)' : ''}`,
      value: mb(peak),
      target: `<= ${TARGETS.peakRssMbMax} MB`,
      pass: peak <= TARGETS.peakRssMbMax * MB,
    });
  }
  return checks;
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

function storeSection(s: StoreResult, n: number): string[] {
  const mark = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
  const peak = s.peakRssBytes ?? s.maxSampledRssBytes;
  const row = (label: string, r: StoreResult['page']) =>
    `     ${pad(label, 30)}${lpad(`${r.latencyP50Ms} ms`, 8)}${lpad(`${r.latencyP99Ms} ms`, 8)}${lpad(ms(r.latencyMeanMs), 9)}` +
    `${lpad(int(r.requestsPerSecond), 9)}${lpad(r.serverCpuMsPerRequest.toFixed(2), 10)}${lpad(String(r.non2xx), 8)}${lpad(String(r.errors + r.timeouts), 8)}`;
  return [
    `${n}. Kolada-sized store (${DIALECT[s.dialect]}): ${s.areas} areas × ${s.kpis} KPIs × ${s.years} years × 3 genders = ${int(s.rows)} rows`,
    `   seed (migrations, seedDemo, KPIs)   ${s.seedSeconds.toFixed(1)} s`,
    `   generate (streamed inserts)         ${s.generateSeconds.toFixed(1)} s, ${int(s.generateRowsPerSecond)} rows/s`,
    `   database size                       ${mb(s.dbSizeBytes)} (${s.dbSizeNote})`,
    `   values query plan                   ${s.valuesQueryPlan.join(' | ')}`,
    `   getComparison(year, T), ${s.comparison.calls} calls, random KPIs: p50 ${ms(s.comparison.p50Ms)} ms, p99 ${ms(s.comparison.p99Ms)} ms, mean ${ms(s.comparison.meanMs)} ms, max ${ms(s.comparison.maxMs)} ms`,
    `   indicator page, single requests: first (renders chart) ${s.pageColdMs.map(ms).join(', ')} ms; again (cached chart) ${s.pageWarmMs.map(ms).join(', ')} ms`,
    `   HTTP load: autocannon, ${s.page.connections} connections, ${s.page.seconds} s after a warm-up, same server and process as the store`,
    `     ${pad('', 30)}${lpad('p50', 8)}${lpad('p99', 8)}${lpad('mean ms', 9)}${lpad('req/s', 9)}${lpad('CPU ms/req', 11)}${lpad('non2xx', 8)}${lpad('errors', 8)}`,
    row(`GET /nyckeltal/<key> (${s.page.paths.length} warm)`, s.page),
    row('GET /healthz', s.healthz),
    `     throughput page / healthz: ${(s.page.requestsPerSecond / s.healthz.requestsPerSecond).toFixed(3)}; server CPU per request page / healthz: ${(s.page.serverCpuMsPerRequest / s.healthz.serverCpuMsPerRequest).toFixed(1)}`,
    `   warm page p99 ${s.page.latencyP99Ms} ms, target <= ${TARGETS.warmPageP99MsMax} ms: ${mark(s.page.latencyP99Ms <= TARGETS.warmPageP99MsMax)}`,
    `   peak RSS ${mb(peak)} (VmHWM; highest sample ${mb(s.maxSampledRssBytes)} of ${s.rssSamples}), target <= ${TARGETS.peakRssMbMax} MB: ${mark(peak <= TARGETS.peakRssMbMax * MB)}`,
    `   RSS after each phase: ${s.rssByPhase.map((p) => `${p.phase} ${mb(p.rssBytes)} (heap ${mb(p.heapUsedBytes)} of ${mb(p.heapTotalBytes)})`).join(', ')}`,
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
  report.stores.forEach((s, i) => lines.push('', ...storeSection(s, i + 2)));
  lines.push('', 'Checks');
  const width = Math.max(...report.checks.map((c) => c.name.length));
  for (const c of report.checks)
    lines.push(`   ${pad(c.name, width)}  ${lpad(c.value, 14)}  ${pad(c.target, 12)}  ${c.pass ? 'PASS' : 'FAIL'}`);
  const failed = report.checks.filter((c) => !c.pass).length;
  lines.push('', failed === 0 ? 'All checks PASS.' : `${failed} of ${report.checks.length} checks FAIL.`);
  return lines.join('\n');
}
