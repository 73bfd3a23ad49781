/**
 * The real app (`createApp` + `@hono/node-server`) on 127.0.0.1 in the part's own process, single
 * requests against it, and HTTP load from a child process (bench/load.ts) with the server's CPU time
 * per request. Shared by the parts that measure pages.
 */
import { once } from 'node:events';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { AppContext } from '../src/app/context.js';
import { createApp, type HttpOptions } from '../src/compose-app.js';
import type { LoadInput, LoadResult } from './load.js';
import { progress, runInChild, timed } from './support.js';

export interface ServerLoad extends LoadResult {
  /** CPU time of the server's process (server, app, database driver) per request, warm-up included. */
  serverCpuMsPerRequest: number;
}

export interface AppServer {
  url: string;
  /**
   * Resolves when no request is in flight: a load generator that stops leaves the requests it sent
   * last still being served, and the next load must not start on a busy server.
   */
  idle: () => Promise<void>;
  /** Responses sent so far (finished or cut off). */
  served: () => number;
  close: () => Promise<void>;
}

/** Starts the app (or `app`, made by createApp) on a free port of 127.0.0.1 (`options` as createApp's, e.g. a pdfPrinter). */
export async function startApp(
  ctx: AppContext,
  options: HttpOptions = {},
  app = createApp(ctx, options),
): Promise<AppServer> {
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
  if (!server.listening) await once(server, 'listening');
  let inFlight = 0;
  let served = 0;
  server.on('request', (_request, response: ServerResponse) => {
    inFlight++;
    response.once('close', () => {
      inFlight--;
      served++;
    });
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    idle: async () => {
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    },
    served: () => served,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * One GET, without a cookie (as the public) unless `cookie` is given; throws unless it answers 200.
 * Milliseconds and body bytes.
 */
export async function getOk(url: string, cookie?: string): Promise<{ ms: number; bytes: number; contentType: string }> {
  const { seconds, result } = await timed(async () => {
    const response = await fetch(url, cookie === undefined ? {} : { headers: { cookie } });
    return { response, body: await response.arrayBuffer() };
  });
  if (result.response.status !== 200) throw new Error(`GET ${url} answered ${result.response.status}.`);
  return {
    ms: seconds * 1000,
    bytes: result.body.byteLength,
    contentType: result.response.headers.get('content-type') ?? '',
  };
}

/** What the store parts measure of the indicator page (bench/kolada-store.bench.ts, bench/kolada-full.bench.ts). */
export interface IndicatorPageFigures {
  /** Each page's first request (it renders the figures), ms. */
  pageColdMs: number[];
  /** Each page again, ms. */
  pageWarmMs: number[];
  page: ServerLoad;
  healthz: ServerLoad;
}

/**
 * The indicator pages at `paths` one request at a time, first cold then warm, then under load, and
 * /healthz under the same load on the same server; `phase` marks each step for the memory report.
 */
export async function measureIndicatorPages(
  settings: Omit<LoadInput, 'paths'>,
  paths: string[],
  label: string,
  phase: (name: string) => void,
): Promise<IndicatorPageFigures> {
  const pageColdMs: number[] = [];
  const pageWarmMs: number[] = [];
  for (const path of paths) pageColdMs.push((await getOk(settings.url + path)).ms);
  for (const path of paths) pageWarmMs.push((await getOk(settings.url + path)).ms);
  await getOk(`${settings.url}/healthz`);
  phase('pages rendered');
  const page = await loadWithCpu(settings, paths, label);
  phase('indicator page load');
  const healthz = await loadWithCpu(settings, ['/healthz'], label);
  phase('/healthz load');
  return { pageColdMs, pageWarmMs, page, healthz };
}

/**
 * Loads `paths` with autocannon in a child process and divides this process's CPU time over the
 * requests. Unlike latency, CPU time per request hardly grows when other work shares the machine:
 * the figure to compare between runs on busy machines.
 */
export async function loadWithCpu(
  settings: Omit<LoadInput, 'paths'>,
  paths: string[],
  label: string,
  /** Called when the measured load begins (after the child's start and the warm-up, if any). */
  onMeasuring?: () => void,
): Promise<ServerLoad> {
  progress(`${label}: loading ${paths.join(', ')} for ${settings.seconds} s`);
  const before = process.cpuUsage();
  const result = await runInChild<LoadInput, LoadResult>(
    './load.ts',
    { ...settings, paths, signalMeasuring: onMeasuring !== undefined },
    onMeasuring,
  );
  const cpu = process.cpuUsage(before);
  return { ...result, serverCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / result.requestsWithWarmup };
}
