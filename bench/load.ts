/**
 * The HTTP load generator (autocannon's programmatic API), in a child process of the store part: the
 * server's event loop then serves requests only, and its memory peak is not the load generator's.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { childMain, MEASURING } from './support.js';

export interface LoadInput {
  url: string;
  /** Paths each connection requests in turn, round and round. */
  paths: string[];
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Sent with every request, e.g. a session cookie (signed in). */
  headers?: Record<string, string>;
  /** Tell the parent (a `measuring` message) when the measured load begins: without a warm-up, at its start. */
  signalMeasuring?: boolean;
}

export interface LoadResult {
  paths: string[];
  connections: number;
  seconds: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMeanMs: number;
  latencyMaxMs: number;
  requestsPerSecond: number;
  requestsTotal: number;
  /** Requests of the warm-up and the measured run: what the server's CPU time is divided by. */
  requestsWithWarmup: number;
  bytesPerSecond: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** The part of autocannon's result this benchmark reads (the package ships no types). */
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  latency: { p50: number; p99: number; mean: number; max: number };
  requests: { average: number; total: number };
  throughput: { average: number };
  warmup?: { requests: { total: number } };
}

type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: { method: 'GET'; path: string }[];
  headers?: Record<string, string>;
  warmup?: { connections: number; duration: number };
}) => PromiseLike<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** One load: autocannon's warm-up (if any), then the measured run. */
export async function runLoad(input: LoadInput): Promise<LoadResult> {
  if (input.signalMeasuring) {
    if (input.warmupSeconds > 0) throw new Error('signalMeasuring needs warmupSeconds 0.');
    process.send!(MEASURING);
  }
  const result = await autocannon({
    url: input.url,
    connections: input.connections,
    duration: input.seconds,
    requests: input.paths.map((path) => ({ method: 'GET', path })),
    ...(input.headers ? { headers: input.headers } : {}),
    // autocannon's own warm-up: the same load first, its figures discarded.
    ...(input.warmupSeconds > 0 ? { warmup: { connections: input.connections, duration: input.warmupSeconds } } : {}),
  });
  return {
    paths: input.paths,
    connections: input.connections,
    seconds: result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMeanMs: result.latency.mean,
    latencyMaxMs: result.latency.max,
    requestsPerSecond: result.requests.average,
    requestsTotal: result.requests.total,
    requestsWithWarmup: result.requests.total + (result.warmup?.requests.total ?? 0),
    bytesPerSecond: result.throughput.average,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

// Run as a part's child (runInChild); bench/load-worker.ts imports runLoad instead.
if (process.argv[1] === fileURLToPath(import.meta.url)) childMain(runLoad);
