/**
 * A CPU profile of the app while it serves some routes under load: the routes part's store and app
 * (bench/routes-table.ts), autocannon in a child (10 connections), and V8's profiler (node:inspector)
 * running only while the load runs, then a summary (bench/cpu-profile.ts) and the server's CPU ms per
 * request. Routes are given as patterns (`/program/:slug`, filled as the routes part fills them) or
 * as paths.
 *
 *   node --import tsx --max-old-space-size=256 --max-semi-space-size=16 bench/profile-routes.ts \
 *     [--postgres] [--public] [--seconds 5] [--out file.cpuprofile] [--top 30] /program/:slug /mal/:goalId
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startApp } from './app-server.js';
import { formatSummary, mapSources, summarise, type CpuProfile } from './cpu-profile.js';
import { startLoadWorker } from './load-worker.js';
import { openRoutesStore, PUBLIC_HEADERS } from './routes-table.js';

const { values: args, positionals } = parseArgs({
  options: {
    postgres: { type: 'boolean', default: false },
    public: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '5' },
    out: { type: 'string' },
    top: { type: 'string', default: '30' },
  },
  allowPositionals: true,
});
if (positionals.length === 0) throw new Error('Name at least one route or path.');

const tmpDir = mkdtempSync(join(os.tmpdir(), 'samverkan-profile-'));
const store = await openRoutesStore(args.postgres ? 'postgres' : 'sqlite', tmpDir);
const server = await startApp(store.ctx, {}, store.app);
const worker = startLoadWorker();
const session = new Session();
session.connect();
try {
  const paths = positionals.map((p) => {
    if (!p.includes(':')) return p;
    const found = store.routes.find((r) => r.route === p);
    if (!found) throw new Error(`No measured route ${p}.`);
    return found.path;
  });
  const headers = args.public ? PUBLIC_HEADERS : { cookie: store.data.adminCookie };
  const load = (seconds: number, warmupSeconds: number) =>
    worker.run({ url: server.url, paths, connections: 10, seconds, warmupSeconds, headers });
  await load(1, 1);
  await server.idle();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const cpu = process.cpuUsage();
  const served = server.served();
  const result = await load(Number(args.seconds), 0);
  await server.idle();
  const used = process.cpuUsage(cpu);
  const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
  const requests = server.served() - served;
  mapSources(profile);
  if (args.out) writeFileSync(args.out, JSON.stringify(profile));
  console.log(
    `${paths.join(', ')} (${args.public ? 'public' : 'signed in'}, ${args.postgres ? 'PostgreSQL' : 'SQLite'}): ` +
      `${Math.round(result.requestsPerSecond)} req/s, p99 ${result.latencyP99Ms} ms, non-2xx ${result.non2xx}; ` +
      `server CPU ${((used.user + used.system) / 1000 / requests).toFixed(3)} ms per request (${requests} requests)`,
  );
  console.log(formatSummary(summarise(profile, Number(args.top))));
} finally {
  session.disconnect();
  worker.close();
  await server.close();
  await store.close();
  rmSync(tmpDir, { recursive: true, force: true });
}
