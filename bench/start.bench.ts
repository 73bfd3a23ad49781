/**
 * The server started as production starts it (package.json's `start`: compiled JavaScript in dist/),
 * against what production ran before (the same sources through tsx at run time) and a bare Node HTTP
 * server (bench/baseline-server.js): time from spawning the process to the first 200 from /healthz on
 * an empty SQLite database (migrations, demo, Kolada catalogue) and again on the existing one (a plain
 * restart), and the process's memory idle, after HTTP load on the demo's indicator pages, and at its peak.
 * Runs as a child process of bench/run.ts; the servers are processes of their own, the load generator
 * another child (bench/load.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { ServerLoad } from './app-server.js';
import type { LoadInput, LoadResult } from './load.js';
import { START_SCRIPT, childMain, progress, runInChild, seconds } from './support.js';

export const START_SIDES = ['compiled', 'tsx', 'baseline'] as const;
export type StartSide = (typeof START_SIDES)[number];

export interface StartInput {
  /** Runs per side (each a first start and a restart), the sides alternated within each run. */
  runs: number;
  /** Seconds between the restart's first 200 and the idle RSS reading. */
  idleSeconds: number;
  connections: number;
  loadSeconds: number;
  /** A load of this many seconds before the measured one: first renders and JIT out of its figures. */
  warmupSeconds: number;
  tmpDir: string;
}

/** One run of one side: a first start on an empty database, then a restart on it. */
export interface StartRun {
  /** Spawn to the first 200 from /healthz, empty database (migrations, demo, Kolada catalogue). */
  freshMs: number;
  /** CPU time of the server process (all threads) in that time. */
  freshCpuMs: number;
  /** VmHWM of the first start's process when it was stopped, right after its first 200. */
  freshPeakRssBytes: number;
  /** Spawn to the first 200 from /healthz on the database the first start left. */
  restartMs: number;
  restartCpuMs: number;
  /** VmRSS `idleSeconds` after the restart's first 200, before any other request. */
  idleRssBytes: number;
  /** VmRSS right after the HTTP load (warm-up and measured load). */
  loadedRssBytes: number;
  /** VmHWM of the restarted process after the load: its peak. */
  peakRssBytes: number;
  /** The measured load; its CPU ms per request counts that load's requests only (not the warm-up's). */
  load: ServerLoad;
}

export interface StartSideResult {
  side: StartSide;
  /** The command as spawned, from the project's root. */
  command: string;
  runs: StartRun[];
  /** Per figure, the median over the runs. */
  median: Omit<StartRun, 'load'>;
  /** The loads' figures: medians over the runs, except non-2xx, errors and timeouts: summed. */
  load: ServerLoad;
}

export interface StartResult {
  runs: number;
  idleSeconds: number;
  warmupSeconds: number;
  pollMs: number;
  /** The load's paths: the indicator page of each indicator the demo follows. */
  paths: string[];
  /** Size of the SQLite files a first start leaves (the demo and the Kolada catalogue). */
  databaseBytes: number;
  sides: StartSideResult[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const POLL_MS = 20;
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 15_000;
/** The last characters of a server's stdout and stderr kept for an error message; the rest is dropped. */
const TAIL_CHARS = 4000;

/**
 * The command of each side. `npm start`'s own (its last `&& node …`), so the compiled side is the
 * server as deployed; the tsx side is the same with the source file through `--import tsx`, as the
 * start script was before; the baseline runs bench/baseline-server.js with the same flags.
 */
function commands(): Record<StartSide, string[]> {
  const last = START_SCRIPT.split('&&').at(-1)!.trim().split(/\s+/);
  const script = last.findIndex((t) => /^dist\/.+\.js$/.test(t));
  if (last[0] !== 'node' || script < 0)
    throw new Error(`package.json's start script does not end in "node … dist/….js …": ${START_SCRIPT}`);
  const flags = last.slice(1, script);
  const compiled = last[script]!;
  const source = compiled.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts');
  if (!existsSync(join(ROOT, compiled)))
    throw new Error(`${compiled} is missing: build first (npm run build; npm run bench does it).`);
  if (!existsSync(join(ROOT, source))) throw new Error(`${source} (the source of ${compiled}) is missing.`);
  const args = last.slice(script + 1);
  return {
    compiled: [...flags, compiled, ...args],
    tsx: [...flags, '--import', 'tsx', source, ...args],
    baseline: [...flags, relative(ROOT, fileURLToPath(new URL('./baseline-server.js', import.meta.url)))],
  };
}

/** Newest modification time under a directory, in ms. */
function newestMtime(dir: string, ext: RegExp): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && ext.test(entry.name))
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  return newest;
}

/**
 * A free port below the kernel's ephemeral range: port 0 and outgoing connections never get one of
 * these, so nothing else takes it while the first start seeds (the servers log their address only at
 * info level, which the measured servers do not write).
 */
async function freePort(): Promise<number> {
  let low = 32768;
  try {
    low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || low;
  } catch {
    // not Linux: the default range
  }
  const from = Math.max(1024, low - 12_000);
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = from + Math.floor(Math.random() * (low - from));
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port found in ${from}–${low - 1}.`);
}

/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ: 100 on Linux). */
const CLOCK_TICKS = 100;

/** CPU time (user + system, all threads) of a process so far, in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command's closing parenthesis: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** VmRSS and VmHWM of a process, in bytes. */
function memory(pid: number): { rssBytes: number; peakBytes: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => {
    const match = new RegExp(`^${name}:\\s+(\\d+)\\s+kB$`, 'm').exec(status);
    if (!match) throw new Error(`/proc/${pid}/status has no ${name}.`);
    return Number(match[1]) * 1024;
  };
  return { rssBytes: kb('VmRSS'), peakBytes: kb('VmHWM') };
}

interface Server {
  side: StartSide;
  child: ChildProcess;
  pid: number;
  port: number;
  spawnedAt: bigint;
  /** The last lines the server wrote (stdout and stderr), for an error message. */
  tail: () => string;
  exited: Promise<void>;
}

/** Servers not yet seen to exit: killed on failure, Ctrl-C, or when bench/run.ts goes away. */
const running = new Set<ChildProcess>();

function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

function startServer(side: StartSide, command: string[], port: number, database: string): Server {
  // The server's own configuration only: none of the caller's mail, sign-in or proxy settings.
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env))
    if (!/^(SMTP_|MAIL_|OIDC_|TRUST_PROXY$|NODE_OPTIONS$)/.test(name)) env[name] = value;
  Object.assign(env, {
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: database,
    SEED_DEMO: 'true',
    // No line per request: writing the log is not what is measured, and nothing keeps it.
    LOG_LEVEL: 'warn',
  });
  const spawnedAt = process.hrtime.bigint();
  const child = spawn(process.execPath, command, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-TAIL_CHARS);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });
  if (child.pid === undefined) throw new Error(`${side}: the server process did not start.`);
  return { side, child, pid: child.pid, port, spawnedAt, tail: () => tail, exited };
}

/** Status of one GET of `path` on a fresh connection, or null when nothing answers. */
function statusOf(port: number, path: string, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? null);
    });
    req.once('error', () => resolve(null));
    req.once('timeout', () => req.destroy());
    req.end();
  });
}

/** Polls /healthz every POLL_MS until it answers 200: ms since the spawn, and the process's CPU ms then. */
async function untilHealthy(server: Server): Promise<{ ms: number; cpuMs: number }> {
  let exited = false;
  void server.exited.then(() => (exited = true));
  for (;;) {
    const status = await statusOf(server.port, '/healthz', 2000);
    if (status === 200) return { ms: seconds(server.spawnedAt) * 1000, cpuMs: cpuMs(server.pid) };
    if (exited || server.child.exitCode !== null)
      throw new Error(
        `${server.side}: the server exited (code ${server.child.exitCode}, signal ${server.child.signalCode}) ` +
          `before /healthz answered 200. Its last output:\n${server.tail()}`,
      );
    if (seconds(server.spawnedAt) * 1000 > START_TIMEOUT_MS)
      throw new Error(
        `${server.side}: /healthz did not answer 200 within ${START_TIMEOUT_MS / 1000} s (last: ${status ?? 'no answer'}). ` +
          `Its last output:\n${server.tail()}`,
      );
    await sleep(POLL_MS);
  }
}

/** SIGTERM (the server's own shutdown: finish requests, close the database), SIGKILL if it hangs. */
async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await server.exited;
  clearTimeout(timer);
}

/** The followed indicators' keys, from the API the pages use (public, no token). */
async function followedKeys(port: number): Promise<string[]> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/indicators?q=`);
  if (response.status !== 200) throw new Error(`GET /api/v1/indicators?q= answered ${response.status}.`);
  const body = (await response.json()) as { followed?: { key: string }[] };
  const keys = (body.followed ?? []).map((i) => i.key);
  if (keys.length === 0) throw new Error('The demo follows no indicators: nothing to load.');
  return keys;
}

/** Median (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function medianLoad(loads: readonly ServerLoad[]): ServerLoad {
  const m = (pick: (l: ServerLoad) => number) => median(loads.map(pick));
  const sum = (pick: (l: ServerLoad) => number) => loads.reduce((a, l) => a + pick(l), 0);
  return {
    paths: loads[0]!.paths,
    connections: loads[0]!.connections,
    seconds: m((l) => l.seconds),
    latencyP50Ms: m((l) => l.latencyP50Ms),
    latencyP99Ms: m((l) => l.latencyP99Ms),
    latencyMeanMs: m((l) => l.latencyMeanMs),
    latencyMaxMs: m((l) => l.latencyMaxMs),
    requestsPerSecond: m((l) => l.requestsPerSecond),
    requestsTotal: m((l) => l.requestsTotal),
    requestsWithWarmup: m((l) => l.requestsWithWarmup),
    bytesPerSecond: m((l) => l.bytesPerSecond),
    serverCpuMsPerRequest: m((l) => l.serverCpuMsPerRequest),
    non2xx: sum((l) => l.non2xx),
    errors: sum((l) => l.errors),
    timeouts: sum((l) => l.timeouts),
  };
}

async function measure(input: StartInput): Promise<StartResult> {
  const command = commands();
  const dist = join(ROOT, 'dist', '.tsbuildinfo');
  if (existsSync(dist) && newestMtime(join(ROOT, 'src'), /\.tsx?$/) > statSync(dist).mtimeMs)
    progress('start: NOTE: a file in src/ is newer than the last build (dist/): the compiled side may be stale');
  const runs = new Map<StartSide, StartRun[]>(START_SIDES.map((side) => [side, []]));
  let paths: string[] | undefined;
  let databaseBytes = 0;
  for (let run = 0; run < input.runs; run++) {
    // Alternated: each run starts with another side (the first with the compiled server, which also
    // gives the pages to load before the baseline needs them).
    const order = START_SIDES.map((_, i) => START_SIDES[(i + run) % START_SIDES.length]!);
    for (const side of order) {
      const dir = join(input.tmpDir, `start-${side}-${run + 1}`);
      mkdirSync(dir, { recursive: true });
      const database = join(dir, 'samverkan.sqlite');
      const label = `start ${side} run ${run + 1}/${input.runs}`;
      try {
        progress(`${label}: first start on an empty database`);
        const first = startServer(side, command[side], await freePort(), database);
        const fresh = await untilHealthy(first);
        const freshPeakRssBytes = memory(first.pid).peakBytes;
        await stop(first);
        if (side !== 'baseline' && databaseBytes === 0)
          databaseBytes = readdirSync(dir).reduce((a, f) => a + statSync(join(dir, f)).size, 0);

        progress(`${label}: first start ${Math.round(fresh.ms)} ms; restart`);
        const server = startServer(side, command[side], await freePort(), database);
        const restart = await untilHealthy(server);
        await sleep(input.idleSeconds * 1000);
        const idleRssBytes = memory(server.pid).rssBytes;
        paths ??= (await followedKeys(server.port)).map((key) => `/nyckeltal/${encodeURIComponent(key)}`);
        progress(
          `${label}: restart ${Math.round(restart.ms)} ms; loading ${paths.length} indicator pages for ` +
            `${input.warmupSeconds} + ${input.loadSeconds} s`,
        );
        const loadInput = {
          url: `http://127.0.0.1:${server.port}`,
          paths,
          connections: input.connections,
          warmupSeconds: 0,
        };
        // The warm-up is a load of its own (not autocannon's): the CPU time is then read between the
        // two, and the first requests (charts rendered, modules loaded) still count in the memory.
        const warmup =
          input.warmupSeconds > 0
            ? await runInChild<LoadInput, LoadResult>('./load.ts', { ...loadInput, seconds: input.warmupSeconds })
            : undefined;
        const cpuBefore = cpuMs(server.pid);
        const result = await runInChild<LoadInput, LoadResult>('./load.ts', {
          ...loadInput,
          seconds: input.loadSeconds,
        });
        const load: ServerLoad = {
          ...result,
          serverCpuMsPerRequest: (cpuMs(server.pid) - cpuBefore) / result.requestsTotal,
          // A failed request of the warm-up is a failed request too.
          non2xx: result.non2xx + (warmup?.non2xx ?? 0),
          errors: result.errors + (warmup?.errors ?? 0),
          timeouts: result.timeouts + (warmup?.timeouts ?? 0),
        };
        const after = memory(server.pid);
        await stop(server);
        runs.get(side)!.push({
          freshMs: fresh.ms,
          freshCpuMs: fresh.cpuMs,
          freshPeakRssBytes,
          restartMs: restart.ms,
          restartCpuMs: restart.cpuMs,
          idleRssBytes,
          loadedRssBytes: after.rssBytes,
          peakRssBytes: after.peakBytes,
          load,
        });
      } finally {
        killAll();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  return {
    runs: input.runs,
    idleSeconds: input.idleSeconds,
    warmupSeconds: input.warmupSeconds,
    pollMs: POLL_MS,
    paths: paths ?? [],
    databaseBytes,
    sides: START_SIDES.map((side) => {
      const all = runs.get(side)!;
      const m = (pick: (r: StartRun) => number) => median(all.map(pick));
      return {
        side,
        command: ['node', ...command[side]].join(' '),
        runs: all,
        median: {
          freshMs: m((r) => r.freshMs),
          freshCpuMs: m((r) => r.freshCpuMs),
          freshPeakRssBytes: m((r) => r.freshPeakRssBytes),
          restartMs: m((r) => r.restartMs),
          restartCpuMs: m((r) => r.restartCpuMs),
          idleRssBytes: m((r) => r.idleRssBytes),
          loadedRssBytes: m((r) => r.loadedRssBytes),
          peakRssBytes: m((r) => r.peakRssBytes),
        },
        load: medianLoad(all.map((r) => r.load)),
      };
    }),
  };
}

// The servers must not outlive this process: Ctrl-C (the whole process group gets it), a stop of
// bench/run.ts (the IPC channel closes), or an exception.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
process.once('disconnect', () => {
  killAll();
  process.exit(1);
});
process.once('exit', killAll);

childMain(measure);
