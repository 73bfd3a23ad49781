/**
 * The parent's side of the HTTP load: the request mixes, and running ops/load-child.ts in a child
 * process with the same Node flags (tsx) as the suite.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onCleanup } from './cleanup.js';

export type StatusTally = Record<string, number>;

export interface LoadRequest {
  /** What the request is, for the tallies: public, signed-in, api-read, api-write … */
  kind: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadInput {
  url: string;
  connections: number;
  seconds: number;
  /** Each connection sends these in turn, round and round. */
  requests: LoadRequest[];
  /** Seconds of the same load first, whose latencies and rate are not counted (its answers are tallied). */
  warmupSeconds?: number;
}

export interface LoadResult {
  seconds: number;
  requestsTotal: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP90Ms: number;
  latencyP99Ms: number;
  latencyMeanMs: number;
  latencyMaxMs: number;
  /** Connection errors (refused, reset …), timeouts included. */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Responses per kind of request and status. */
  byKind: Record<string, StatusTally>;
  /** Responses per second of the run, by status. */
  perSecond: StatusTally[];
  errorsPerSecond: number[];
  errorMessages: StatusTally;
  with503RetryAfter: number;
  without503RetryAfter: number;
  /** 503s nginx answered itself because no instance could (the rest came from the instances). */
  proxy503: number;
}

export interface RunningLoad {
  /** Resolves when the load has begun (autocannon's start). */
  started: Promise<void>;
  done: Promise<LoadResult>;
}

/** Starts the load in a child process; `started` resolves when requests begin, `done` with the figures. */
export function startLoad(input: LoadInput): RunningLoad {
  const child = fork(fileURLToPath(new URL('./load-child.ts', import.meta.url)), [], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = onCleanup('load generator', () => {
    child.kill('SIGKILL');
  });
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const done = new Promise<LoadResult>((resolve, reject) => {
    child.on('message', (message: { type: string; result?: LoadResult; message?: string }) => {
      if (message.type === 'started') markStarted();
      else if (message.type === 'result') resolve(message.result!);
      else if (message.type === 'error') reject(new Error(`load generator: ${message.message}`));
    });
    child.once('exit', (code) => {
      markStarted();
      if (code !== 0) reject(new Error(`load generator exited ${code}`));
    });
  }).finally(() => stop());
  child.send(input);
  return { started, done };
}

/** Sum of a tally's counts whose status satisfies `select`. */
export const countWhere = (tally: StatusTally, select: (status: number) => boolean): number =>
  Object.entries(tally).reduce((sum, [status, n]) => (select(Number(status)) ? sum + n : sum), 0);

/** All kinds' tallies added up. */
export function totalTally(byKind: Record<string, StatusTally>): StatusTally {
  const total: StatusTally = {};
  for (const tally of Object.values(byKind))
    for (const [status, n] of Object.entries(tally)) total[status] = (total[status] ?? 0) + n;
  return total;
}

export const formatTally = (tally: StatusTally): string =>
  Object.entries(tally)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${status}×${n}`)
    .join(' ') || 'none';
