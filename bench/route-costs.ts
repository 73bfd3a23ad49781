/**
 * What one request of each measured GET route costs inside the process, without HTTP and without a
 * load generator: the SQL statements it runs and the CPU time it takes (median over repeated requests
 * through `app.request`), signed in as the routes part's administrator. CPU time, unlike the latency
 * under load, hardly changes when other work shares the machine: the figure to compare before and
 * after a change. Also the statements of /healthz and the repeated statements (same SQL text twice or
 * more in one request: a hint of N+1).
 *
 *   node --import tsx --max-old-space-size=256 --max-semi-space-size=16 bench/route-costs.ts \
 *     [--postgres] [--public] [--requests 40] [--matching text] [--route pattern …] [--json out.json] [--profile out.cpuprofile]
 *     [--statements]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import type { CompiledQuery, KyselyPlugin } from 'kysely';
import { Session } from 'node:inspector/promises';
import { createApp } from '../src/compose-app.js';
import { formatSummary, mapSources, summarise, type CpuProfile } from './cpu-profile.js';
import { openRoutesStore, PUBLIC_HEADERS } from './routes-table.js';
import { percentile } from './support.js';

const { values: args } = parseArgs({
  options: {
    postgres: { type: 'boolean', default: false },
    public: { type: 'boolean', default: false },
    requests: { type: 'string', default: '40' },
    matching: { type: 'string' },
    /** Exactly this route pattern (repeatable). */
    route: { type: 'string', multiple: true },
    json: { type: 'string' },
    /** A CPU profile of the measured requests (all routes, equal numbers): summarised, and written here. */
    profile: { type: 'string' },
    /** SQLite: the CPU time of each statement, summed per SQL text (adds a little to every statement). */
    statements: { type: 'boolean', default: false },
  },
});

export interface RouteCost {
  route: string;
  path: string;
  status: number;
  bytes: number;
  statements: number;
  /** SQL texts run more than once by one request, with their counts. */
  repeated: { sql: string; times: number }[];
  cpuMicros: number;
}

const tmpDir = mkdtempSync(join(os.tmpdir(), 'samverkan-costs-'));
const store = await openRoutesStore(args.postgres ? 'postgres' : 'sqlite', tmpDir);
try {
  // The same app, on a database handle (a Kysely of its own, through a plugin that changes nothing)
  // whose executor records the SQL of every statement it runs.
  let recording: string[] | null = null;
  const passThrough: KyselyPlugin = { transformQuery: (a) => a.node, transformResult: async (a) => a.result };
  const db = store.ctx.storage.db.withPlugin(passThrough);
  const executor = db.getExecutor();
  const executeQuery = executor.executeQuery.bind(executor);
  executor.executeQuery = (<R>(compiled: CompiledQuery<R>, queryId: Parameters<typeof executeQuery>[1]) => {
    recording?.push(compiled.sql);
    return executeQuery(compiled, queryId);
  }) as typeof executor.executeQuery;
  // On SQLite, the CPU time inside each statement (better-sqlite3 runs them synchronously), per SQL
  // text, over the measured requests (wall-clock time would count other processes' turns on a busy machine).
  const statementTime = new Map<string, { ms: number; runs: number }>();
  let timing = false;
  if (args.statements && !args.postgres) {
    const probe = new SQLite(':memory:');
    const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, unknown>;
    probe.close();
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = proto[method] as (this: SQLite.Statement, ...a: unknown[]) => unknown;
      proto[method] = function (this: SQLite.Statement, ...a: unknown[]) {
        if (!timing) return original.apply(this, a);
        const start = process.cpuUsage();
        try {
          return original.apply(this, a);
        } finally {
          const used = process.cpuUsage(start);
          const t = statementTime.get(this.source) ?? { ms: 0, runs: 0 };
          t.ms += (used.user + used.system) / 1000;
          t.runs++;
          statementTime.set(this.source, t);
        }
      };
    }
  }
  const app = createApp({ ...store.ctx, storage: { ...store.ctx.storage, db } });
  const headers: Record<string, string> = args.public ? PUBLIC_HEADERS : { cookie: store.data.adminCookie };
  const get = async (path: string, as = headers) => {
    const response = await app.request(`http://127.0.0.1${path}`, { headers: as });
    return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
  };
  const costOf = async (route: string, path: string, as = headers): Promise<RouteCost> => {
    recording = [];
    const first = await get(path, as);
    const statements = recording;
    recording = null;
    const counts = new Map<string, number>();
    for (const sql of statements) counts.set(sql, (counts.get(sql) ?? 0) + 1);
    const samples: number[] = [];
    const n = Number(args.requests);
    for (let i = 0; i < n; i++) {
      const before = process.cpuUsage();
      await get(path, as);
      const used = process.cpuUsage(before);
      samples.push(used.user + used.system);
    }
    return {
      route,
      path,
      status: first.status,
      bytes: first.bytes,
      statements: statements.length,
      repeated: [...counts].filter(([, t]) => t > 1).map(([sql, times]) => ({ sql, times })),
      cpuMicros: percentile(samples, 50),
    };
  };
  const routes = store.routes.filter(
    (r) =>
      r.kind !== 'document' &&
      (args.matching === undefined || r.route.includes(args.matching)) &&
      (args.route === undefined || args.route.includes(r.route)),
  );
  // Every route a few times first: the code they share is then compiled by the JIT, as in a server
  // that has run a while, and no route pays for the ones measured after it.
  for (let i = 0; i < 10; i++) for (const r of [...routes, { path: '/healthz' }]) await get(r.path);
  // /healthz as the routes part measures it: without a cookie.
  const healthz = (await costOf('/healthz', '/healthz', {})).cpuMicros;
  const costs: RouteCost[] = [];
  const session = args.profile ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  }
  timing = true;
  for (const r of routes) costs.push(await costOf(r.route, r.path));
  timing = false;
  if (session) {
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    session.disconnect();
    writeFileSync(args.profile!, JSON.stringify(mapSources(profile)));
    console.log(formatSummary(summarise(profile, 40)));
  }
  costs.push(await costOf('/healthz', '/healthz', {}));
  costs.at(-1)!.cpuMicros = (costs.at(-1)!.cpuMicros + healthz) / 2;
  const baseline = costs.at(-1)!.cpuMicros;
  const width = Math.max(...costs.map((c) => c.route.length)) + 1;
  console.log(
    `${args.postgres ? 'PostgreSQL' : 'SQLite'}, ${args.public ? 'public' : 'signed in'}; CPU µs per request (median of ${args.requests}), × /healthz (no cookie; before and after), SQL statements, bytes`,
  );
  for (const c of costs.sort((a, b) => b.cpuMicros - a.cpuMicros))
    console.log(
      `${c.route.padEnd(width)}${String(Math.round(c.cpuMicros)).padStart(7)}${(c.cpuMicros / baseline).toFixed(1).padStart(7)}` +
        `${String(c.statements).padStart(5)}${String(c.bytes).padStart(8)}${c.status === 200 ? '' : `  (${c.status})`}` +
        (c.repeated.length
          ? `  repeated: ${c.repeated.map((r) => `${r.times}× ${r.sql.slice(0, 70)}`).join(' | ')}`
          : ''),
    );
  const statementsMs = [...statementTime.values()].reduce((a, t) => a + t.ms, 0);
  if (statementTime.size > 0)
    console.log(
      `\nSQLite statements by their own CPU time over the measured requests (${statementsMs.toFixed(0)} ms in all):`,
    );
  for (const [sql, t] of [...statementTime].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25))
    console.log(
      `${t.ms.toFixed(0).padStart(7)} ms ${String(t.runs).padStart(6)} runs ${((t.ms / t.runs) * 1000).toFixed(0).padStart(6)} µs  ${sql.slice(0, 150)}`,
    );
  if (args.json) writeFileSync(args.json, JSON.stringify(costs, null, 1));
} finally {
  await store.close();
  rmSync(tmpDir, { recursive: true, force: true });
}
