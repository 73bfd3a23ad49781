/** The report's section and checks of the full Kolada scale (bench/kolada-full.bench.ts). */
import type { KoladaFullResult } from './kolada-full.bench.js';
import type { LayoutResult } from './kolada-full-layouts.js';
import type { CallTimes } from './support.js';

/** Targets of the issue: import rate against a raw COPY, and 50 ms for the comparison and the page. */
export const KOLADA_FULL_TARGETS = { importRatioMin: 0.5, p99MsMax: 50, peakRssMbMax: 300 } as const;

const MB = 1024 * 1024;
const GB = 1024 * MB;
const int = (n: number): string =>
  Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const size = (bytes: number) => (bytes >= GB ? `${(bytes / GB).toFixed(2)} GB` : `${int(bytes / MB)} MB`);
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);
const mark = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
const p50p99 = (c: CallTimes) => `${ms(c.p50Ms)} / ${ms(c.p99Ms)}`;

export interface KoladaFullCheck {
  name: string;
  value: string;
  target: string;
  pass: boolean;
  error?: boolean;
}

export function koladaFullChecks(r: KoladaFullResult): KoladaFullCheck[] {
  const st = r.store;
  const failed = (l: { non2xx: number; errors: number; timeouts: number }) => l.non2xx + l.errors + l.timeouts;
  const peak = r.peakRssBytes ?? r.maxSampledRssBytes;
  const loaderPeak = st.peakRssBytes ?? st.maxSampledRssBytes;
  const p99 = KOLADA_FULL_TARGETS.p99MsMax;
  return [
    ...(st.ratio
      ? [
          {
            name: 'kolada-full: importValues (COPY, merge) / raw COPY',
            value: st.ratio.ratio.toFixed(2),
            target: `>= ${KOLADA_FULL_TARGETS.importRatioMin.toFixed(2)}`,
            pass: st.ratio.ratio >= KOLADA_FULL_TARGETS.importRatioMin,
          },
        ]
      : []),
    {
      name: `kolada-full: getComparison p99 (${int(st.rows)} values)`,
      value: `${ms(r.comparison.p99Ms)} ms`,
      target: `<= ${p99} ms`,
      pass: r.comparison.p99Ms <= p99,
    },
    {
      name: `kolada-full: comparison query of ${st.group.id} (${st.group.members} members) p99`,
      value: `${ms(st.queries.migrated.group.p99Ms)} ms`,
      target: `<= ${p99} ms`,
      pass: st.queries.migrated.group.p99Ms <= p99,
    },
    {
      name: `kolada-full: indicator page p99 (${r.page.connections} connections)`,
      value: `${r.page.latencyP99Ms} ms`,
      target: `<= ${p99} ms`,
      pass: r.page.latencyP99Ms <= p99,
    },
    ...(
      [
        ['indicator page', r.page],
        ['/healthz', r.healthz],
      ] as const
    ).map(([what, load]) => ({
      name: `kolada-full: ${what} non-2xx / errors / timeouts`,
      value: `${load.non2xx} / ${load.errors} / ${load.timeouts}`,
      target: '0 / 0 / 0',
      pass: failed(load) === 0,
      error: true,
    })),
    {
      name: 'kolada-full: peak RSS of the app process (server not counted)',
      value: `${int(peak / MB)} MB`,
      target: `<= ${KOLADA_FULL_TARGETS.peakRssMbMax} MB`,
      pass: peak <= KOLADA_FULL_TARGETS.peakRssMbMax * MB,
    },
    {
      name: 'kolada-full: peak RSS of the loading process',
      value: `${int(loaderPeak / MB)} MB`,
      target: `<= ${KOLADA_FULL_TARGETS.peakRssMbMax} MB`,
      pass: loaderPeak <= KOLADA_FULL_TARGETS.peakRssMbMax * MB,
    },
  ];
}

function layoutLines(layouts: readonly LayoutResult[], calls: number): string[] {
  if (layouts.length === 0) return ['   table layouts: not compared (--layout-kpis 0)'];
  const first = layouts[0]!;
  const w = Math.max(...layouts.map((l) => l.name.length)) + 2;
  return [
    `   1) Table layouts, each loaded by COPY with the same ${int(first.rows)} rows (no foreign key; chunks into every`,
    `   layout in turn), VACUUM (ANALYZE), then ${calls} rounds of queries, each round the same random KPI in every`,
    '   layout (ms p50 / p99): page = one KPI, 10 areas, all years and genders; group = one KPI, one year, gender T,',
    '   every member of the largest group; demo = the same for the 8 members',
    `     ${pad('layout', w)}${lpad('load rows/s', 12)}${lpad('table', 10)}${lpad('indexes', 10)}${lpad('page', 15)}${lpad('group', 15)}${lpad('demo', 15)}`,
    ...layouts.map(
      (l) =>
        `     ${pad(l.name, w)}${lpad(int(l.loadRowsPerSecond), 12)}${lpad(size(l.size.tableBytes), 10)}` +
        `${lpad(size(l.size.indexes.reduce((n, i) => n + i.bytes, 0)), 10)}${lpad(p50p99(l.pageQuery), 15)}` +
        `${lpad(p50p99(l.groupQuery), 15)}${lpad(p50p99(l.demoGroupQuery), 15)}`,
    ),
    ...layouts.map((l) => `     ${pad(l.name, w)}${l.description}`),
  ];
}

export function koladaFullSection(r: KoladaFullResult, n: number): string[] {
  const st = r.store;
  const s = st.server;
  const ratio = st.ratio;
  const q = st.queries;
  const queryRow = (label: string, x: { page: CallTimes; group: CallTimes; demo: CallTimes }) =>
    `     ${pad(label, 34)}${lpad(p50p99(x.page), 15)}${lpad(p50p99(x.group), 15)}${lpad(p50p99(x.demo), 15)}`;
  const lines = [
    `${n}. The full Kolada scale on PostgreSQL (--only kolada-full): ${st.areas} areas × ${int(st.kpis)} KPIs × ${st.years} years × 3 genders`,
    `   = ${int(st.rows)} values, in database ${r.database} (${r.kept ? 'kept' : 'dropped afterwards'})`,
    `   server: PostgreSQL ${s.server_version}; shared_buffers ${s.shared_buffers}, work_mem ${s.work_mem}, maintenance_work_mem`,
    `   ${s.maintenance_work_mem}, effective_cache_size ${s.effective_cache_size}, max_wal_size ${s.max_wal_size}, checkpoint_timeout ${s.checkpoint_timeout},`,
    `   wal_level ${s.wal_level}, wal_compression ${s.wal_compression}, synchronous_commit ${s.synchronous_commit}, full_page_writes ${s.full_page_writes},`,
    `   max_parallel_workers_per_gather ${s.max_parallel_workers_per_gather}, random_page_cost ${s.random_page_cost}, jit ${s.jit}`,
    '   (the server as it runs, shared with other work; per session the import sets work_mem 64 MB, the VACUUM',
    '   maintenance_work_mem 512 MB)',
    ...layoutLines(st.layouts, r.comparison.calls),
  ];
  if (ratio)
    lines.push(
      `   2) Import rate on a slice of ${int(ratio.rows)} rows (${ratio.kpis} KPIs, every area), chunks of ${int(ratio.chunkRows)} rows, into an`,
      `   emptied table; ${ratio.rawRuns.length} runs per side alternated, best of each (the first is the warm-up):`,
      `     raw:    ${ratio.rawMethod}`,
      `             ${int(ratio.rawBest)} rows/s (runs ${ratio.rawRuns.map((x) => int(x)).join(', ')})`,
      `     import: ${ratio.importMethod}`,
      `             ${int(ratio.importBest)} rows/s (runs ${ratio.importRuns.map((x) => int(x)).join(', ')})`,
      `     ratio ${ratio.ratio.toFixed(2)}, target >= ${KOLADA_FULL_TARGETS.importRatioMin}: ${mark(ratio.ratio >= KOLADA_FULL_TARGETS.importRatioMin)}`,
    );
  lines.push(
    `   3) Whole store through importValues (${int(st.load.imports)} imports, onto the demo): ${int(st.load.rows)} rows in ${int(st.load.seconds)} s`,
    `   (${(st.load.seconds / 60).toFixed(1)} min, ${int(st.load.rowsPerSecond)} rows/s); then VACUUM (ANALYZE) ${int(st.load.vacuumAnalyzeSeconds)} s`,
    `   size: table ${size(st.size.tableBytes)}, ${st.size.indexes.map((i) => `${i.name} ${size(i.bytes)}`).join(', ')};`,
    `   table + indexes ${size(st.size.totalBytes)} (pg_total_relation_size); whole database ${size(st.size.databaseBytes)}`,
    `   4) re-import with changes into the full store: ${int(st.update.rows)} rows, ${int(st.update.changed)} changed, ${st.update.seconds.toFixed(1)} s (${int(st.update.rowsPerSecond)} rows/s)`,
    `   5) the store's queries over random KPIs (ms p50 / p99, ${q.migrated.page.calls} calls each; group: ${st.group.id} ${st.group.title},`,
    `   ${st.group.members} members):`,
    `     ${pad('', 34)}${lpad('page', 15)}${lpad('group', 15)}${lpad('demo', 15)}`,
    queryRow('as migrated', q.migrated),
    queryRow('without the year index (rolled back)', q.keyOnly),
    queryRow('as migrated, again', q.migratedAgain),
    '   the group query as migrated:',
    ...st.groupPlan.map((l) => `     ${l}`),
    '   and without the year index:',
    ...st.groupPlanKeyOnly.map((l) => `     ${l}`),
    "   the page's values query:",
    ...st.pageQueryPlan.map((l) => `     ${l}`),
    `   loading process: peak RSS ${int((st.peakRssBytes ?? st.maxSampledRssBytes) / MB)} MB; by phase: ${st.rssByPhase.map((p) => `${p.phase} ${int(p.rssBytes / MB)}`).join(', ')} MB`,
    `   6) with the app: getComparison (the demo's 8 members + region and nation, one year, T) over random KPIs:`,
    `   p50 ${ms(r.comparison.p50Ms)} ms, p99 ${ms(r.comparison.p99Ms)} ms (${r.comparison.calls} calls); target p99 <= ${KOLADA_FULL_TARGETS.p99MsMax} ms: ${mark(r.comparison.p99Ms <= KOLADA_FULL_TARGETS.p99MsMax)}`,
    `   GET /nyckeltal/<key> for ${r.pageColdMs.length} random KPIs: first request (renders the figures) ${r.pageColdMs.map((x) => int(x)).join(', ')} ms;`,
    `   then autocannon ${r.page.connections} connections, ${r.page.seconds} s: ${int(r.page.requestsPerSecond)} req/s, p50 ${r.page.latencyP50Ms} ms,`,
    `   p99 ${r.page.latencyP99Ms} ms, ${r.page.serverCpuMsPerRequest.toFixed(2)} CPU ms per request; /healthz ${int(r.healthz.requestsPerSecond)} req/s, p99 ${r.healthz.latencyP99Ms} ms`,
    `   page p99 target <= ${KOLADA_FULL_TARGETS.p99MsMax} ms: ${mark(r.page.latencyP99Ms <= KOLADA_FULL_TARGETS.p99MsMax)}`,
    `   app process: peak RSS ${int((r.peakRssBytes ?? r.maxSampledRssBytes) / MB)} MB; by phase: ${r.rssByPhase.map((p) => `${p.phase} ${int(p.rssBytes / MB)}`).join(', ')} MB`,
  );
  return lines;
}
