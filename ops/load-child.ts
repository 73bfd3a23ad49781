/**
 * HTTP load (autocannon's programmatic API) in a child process of the suite, so that the suite's own
 * requests (writes, probes) and the load generator do not share an event loop. Every response is
 * tallied by the kind of request and status, per second, and whether a 503 carried Retry-After.
 */
import { createRequire } from 'node:module';
import type { LoadInput, LoadResult, StatusTally } from './load.js';

interface AutocannonRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  onResponse: (status: number, body: string, context: unknown, headers: Record<string, string>) => void;
}

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  latency: { p50: number; p90: number; p99: number; mean: number; max: number };
  requests: { average: number; total: number };
}

interface Tracker {
  on(event: 'response', listener: (client: unknown, status: number) => void): void;
  on(event: 'reqError', listener: (error: Error) => void): void;
  on(event: 'done', listener: (result: AutocannonResult) => void): void;
  on(event: 'start', listener: () => void): void;
}

type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: AutocannonRequest[];
  warmup?: { connections: number; duration: number };
}) => Tracker & PromiseLike<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const bump = (tally: StatusTally, key: string) => {
  tally[key] = (tally[key] ?? 0) + 1;
};

async function load(input: LoadInput): Promise<LoadResult> {
  const byKind: Record<string, StatusTally> = {};
  const perSecond: StatusTally[] = [];
  const errorsPerSecond: number[] = [];
  const errorMessages: StatusTally = {};
  let with503RetryAfter = 0;
  let without503RetryAfter = 0;
  let proxy503 = 0;
  let started = Date.now();
  const second = () => Math.floor((Date.now() - started) / 1000);

  const requests: AutocannonRequest[] = input.requests.map((r) => ({
    method: r.method ?? 'GET',
    path: r.path,
    ...(r.headers ? { headers: r.headers } : {}),
    ...(r.body !== undefined ? { body: r.body } : {}),
    onResponse: (status, body, _context, headers) => {
      bump((byKind[r.kind] ??= {}), String(status));
      if (status === 503) {
        if (headers['retry-after'] ?? headers['Retry-After']) with503RetryAfter += 1;
        else without503RetryAfter += 1;
        // nginx's own answer when no instance could (deploy/nginx/samverkan.conf, @unavailable).
        if (body.startsWith('Tjänsten är tillfälligt otillgänglig')) proxy503 += 1;
      }
    },
  }));
  const instance = autocannon({
    url: input.url,
    connections: input.connections,
    duration: input.seconds,
    // Seconds without an answer before a request counts as an error (a browser waits longer; nginx 120 s).
    timeout: 30,
    requests,
    ...(input.warmupSeconds ? { warmup: { connections: input.connections, duration: input.warmupSeconds } } : {}),
  });
  instance.on('start', () => {
    started = Date.now();
    process.send!({ type: 'started' });
  });
  instance.on('response', (_client, status) => bump((perSecond[second()] ??= {}), String(status)));
  instance.on('reqError', (error) => {
    const s = second();
    errorsPerSecond[s] = (errorsPerSecond[s] ?? 0) + 1;
    bump(errorMessages, error.message.slice(0, 80));
  });
  const result = await instance;
  return {
    seconds: result.duration,
    requestsTotal: result.requests.total,
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP90Ms: result.latency.p90,
    latencyP99Ms: result.latency.p99,
    latencyMeanMs: result.latency.mean,
    latencyMaxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    byKind,
    perSecond: Array.from(perSecond, (tally) => tally ?? {}),
    errorsPerSecond: Array.from(errorsPerSecond, (n) => n ?? 0),
    errorMessages,
    with503RetryAfter,
    without503RetryAfter,
    proxy503,
  };
}

process.once('message', (input: LoadInput) => {
  load(input).then(
    (result) => process.send!({ type: 'result', result }, () => process.exit(0)),
    (error: unknown) =>
      process.send!({ type: 'error', message: error instanceof Error ? error.stack : String(error) }, () =>
        process.exit(1),
      ),
  );
});
