/**
 * Shared pieces of the benchmarks: deterministic data, timing statistics, memory readings and the
 * small protocol that runs each part in its own child process.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { shippedAreas } from '../src/seed/kolada-catalogue-files.js';
import type { Gender, ValueRow } from '../src/domain/indicators/indicator.js';
import type { NewIndicator } from '../src/storage/indicator.repository.js';
export { seededRandom as prng } from '../src/domain/seeded-random.js';

export const GENDER_LIST: readonly Gender[] = ['T', 'K', 'M'];

/** The real members and comparison areas of the demo (src/seed/seed-demo.ts), for checks. */
export const DEMO_MEMBERS = ['0126', '0127', '0128', '0136', '0138', '0140', '0181', '0192'] as const;
export const DEMO_COMPARISON_AREAS = ['0001', '0000'] as const;

/** Kolada's 290 municipalities (type K) from the shipped data/kolada/munic.csv. */
export function municipalityCodes(): string[] {
  const codes = shippedAreas()
    .filter((a) => a.type === 'K')
    .map((a) => a.code);
  if (codes.length !== 290) throw new Error(`munic.csv: expected 290 municipalities, found ${codes.length}.`);
  for (const m of DEMO_MEMBERS) if (!codes.includes(m)) throw new Error(`munic.csv lacks member ${m}.`);
  return codes;
}

/**
 * A 32-bit hash of integers (murmur3's finaliser per part). Values are a pure function of their key,
 * so rows can be generated in any order, streamed, and regenerated identically for every run.
 */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ p, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** About 2 % of values are missing (null, as Kolada's `Missing`); the rest have one decimal. */
export function valueFor(indicator: number, areaCode: string, year: number, genderIndex: number): number | null {
  const h = hash32(indicator, Number(areaCode), year, genderIndex);
  if ((h >>> 24) % 50 === 0) return null;
  return (h % 100_000) / 10;
}

export const statusFor = (value: number | null): string | null => (value === null ? 'Missing' : null);

/** A Kolada-like indicator definition for the benchmarks' generated KPIs. */
export function benchIndicator(key: string, title: string): NewIndicator {
  return {
    key,
    origin: 'kolada',
    title,
    definition: 'Genererat för prestandamätningen (bench/).',
    unit: 'procent',
    decimals: 1,
    aggregation: 'mean',
    weightKey: null,
    byGender: true,
    source: 'Genererade värden',
    licence: 'CC0',
  };
}

/**
 * The first `count` rows of indicators × areas × years × genders (in that nesting order), with years
 * ending in `lastYear`: as many years as needed to reach `count`.
 */
export function importRows(
  indicatorKeys: readonly string[],
  areaCodes: readonly string[],
  count: number,
  lastYear = 2022,
): ValueRow[] {
  const yearCount = Math.ceil(count / (indicatorKeys.length * areaCodes.length * GENDER_LIST.length));
  const rows: ValueRow[] = [];
  for (const [i, indicatorKey] of indicatorKeys.entries())
    for (const areaCode of areaCodes)
      for (let year = lastYear - yearCount + 1; year <= lastYear; year++)
        for (const [g, gender] of GENDER_LIST.entries()) {
          if (rows.length === count) return rows;
          const value = valueFor(i, areaCode, year, g);
          rows.push({ indicatorKey, areaCode, year, gender, value, status: statusFor(value) });
        }
  if (rows.length !== count) throw new Error(`Could only generate ${rows.length} of ${count} rows.`);
  return rows;
}

export const seconds = (startNs: bigint): number => Number(process.hrtime.bigint() - startNs) / 1e9;

/**
 * Times `work` once: wall-clock seconds, and this process's CPU seconds (user + system, all threads),
 * which waiting for a core on a busy machine does not inflate.
 */
export async function timed<T>(
  work: () => Promise<T> | T,
): Promise<{ seconds: number; cpuSeconds: number; result: T }> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = await work();
  const elapsed = seconds(start);
  const used = process.cpuUsage(cpu);
  return { seconds: elapsed, cpuSeconds: (used.user + used.system) / 1e6, result };
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** p50/p99/mean/max in milliseconds of per-call timings. */
export interface CallTimes {
  calls: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
}

/**
 * Calls `call` `warmup` times unmeasured, then `calls` times one after another, timing each (in ms):
 * the figures of a use case called directly, without HTTP.
 */
export async function timeCalls(call: () => Promise<unknown>, calls: number, warmup = 20): Promise<CallTimes> {
  for (let i = 0; i < warmup; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) samples.push((await timed(call)).seconds * 1000);
  return {
    calls: samples.length,
    p50Ms: percentile(samples, 50),
    p99Ms: percentile(samples, 99),
    meanMs: samples.reduce((a, b) => a + b, 0) / samples.length,
    maxMs: Math.max(...samples),
  };
}

/** Peak resident set size of this process so far (VmHWM), in bytes; null where /proc is missing. */
export function peakRssBytes(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Samples `process.memoryUsage().rss` on a timer (for the asynchronous phases) and on demand (call
 * `sample()` between the chunks of synchronous loops, where no timer can fire).
 */
export function rssSampler(intervalMs = 100) {
  let max = process.memoryUsage().rss;
  let count = 1;
  const sample = () => {
    const rss = process.memoryUsage().rss;
    count++;
    if (rss > max) max = rss;
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return { maxRssBytes: max, samples: count };
    },
  };
}

/** The process's memory at the end of one phase of a part, to see what the peak belongs to. */
export interface RssAtPhase {
  phase: string;
  rssBytes: number;
  heapTotalBytes: number;
  heapUsedBytes: number;
}

/** Records the memory at the end of each phase (call `phase(name)`), in order. */
export function phaseRecorder() {
  const phases: RssAtPhase[] = [];
  return {
    phases,
    phase: (name: string): void => {
      const { rss, heapTotal, heapUsed } = process.memoryUsage();
      phases.push({ phase: name, rssBytes: rss, heapTotalBytes: heapTotal, heapUsedBytes: heapUsed });
    },
  };
}

/** Progress for whoever watches the run; stderr, so stdout stays the report. */
export const progress = (message: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
};

/** package.json's `start` script: `npm start`, how the server is run in production. */
export const START_SCRIPT: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }
).scripts.start;

/**
 * The V8 flags `npm start` runs the server with (package.json), so the parts measure the server as it
 * is deployed: with its heap limits V8 collects garbage sooner instead of growing the heap.
 */
export const SERVER_NODE_FLAGS: string[] = START_SCRIPT.match(/--max-(old|semi)-space-size=\d+/g) ?? [];

/** The environment `npm start` sets for the server (MALLOC_ARENA_MAX: glibc's memory arenas). */
export const SERVER_ENV: Record<string, string> = Object.fromEntries(
  [...START_SCRIPT.matchAll(/\b([A-Z_]+)=(\S+) node\b/g)].map((m) => [m[1]!, m[2]!]),
);

type ChildReply<R> = { ok: true; result: R } | { ok: false; error: string };

/** A message a child may send before its reply (bench/load.ts: the measured load begins now). */
export const MEASURING = { event: 'measuring' } as const;

/**
 * Runs a benchmark part in a child process of its own, so each part's memory peak, garbage and JIT
 * state are its own. `module` is a file in bench/ that calls `childMain`. The child inherits
 * `--import tsx` through process.execArgv. `onMeasuring` hears the child's MEASURING message, if it sends one.
 */
export function runInChild<I, R>(module: string, input: I, onMeasuring?: () => void): Promise<R> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL(module, import.meta.url)), [], {
      stdio: 'inherit',
      execArgv: [...process.execArgv, ...SERVER_NODE_FLAGS],
      env: { ...process.env, ...SERVER_ENV },
    });
    let reply: ChildReply<R> | undefined;
    child.on('message', (message) => {
      if ((message as { event?: string }).event === MEASURING.event) onMeasuring?.();
      else reply ??= message as ChildReply<R>;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (reply?.ok) resolve(reply.result);
      else if (reply) reject(new Error(`${module}: ${reply.error}`));
      else reject(new Error(`${module} ended without a result (exit code ${code}, signal ${signal}).`));
    });
    child.send(input as object);
  });
}

/** The child side of `runInChild`: takes the input message, runs `work`, sends back its result. */
export function childMain<I, R>(work: (input: I) => Promise<R>): void {
  if (!process.send) throw new Error('This file is a part of the benchmark; run it with `npm run bench`.');
  process.once('message', (input) => {
    work(input as I).then(
      (result) => process.send!({ ok: true, result } satisfies ChildReply<R>, () => process.exit(0)),
      (error: unknown) => {
        const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
        process.send!({ ok: false, error: text } satisfies ChildReply<R>, () => process.exit(1));
      },
    );
  });
}
