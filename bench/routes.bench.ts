/**
 * Every GET page and API route of the real app (bench/routes-table.ts) under HTTP load, signed in as an
 * administrator (uncached: a signed-in person never gets the public's page cache) and as the public,
 * against `/healthz` measured on the same server in the same run (before the first route, after every
 * few routes and after the last; each route is compared with the two around it). Runs as a child
 * process of bench/run.ts, one per database; the load generator is a long-lived child of its own.
 */
import type { ServerLoad } from './app-server.js';
import { startApp } from './app-server.js';
import type { LoadInput } from './load.js';
import { startLoadWorker, type LoadWorker } from './load-worker.js';
import { openRoutesStore, PUBLIC_HEADERS, type RouteKind, type RoutePath } from './routes-table.js';
import { childMain, peakRssBytes, phaseRecorder, progress, rssSampler, timed, type RssAtPhase } from './support.js';

export interface RoutesInput {
  dialect: 'sqlite' | 'postgres';
  connections: number;
  /** Measured seconds per route and side (after the warm-up). */
  seconds: number;
  warmupSeconds: number;
  /** /healthz is measured before the first route, after every this many routes, and after the last. */
  healthzEvery: number;
  /** Only the routes whose pattern contains this text (a quicker look at a few); all when absent. */
  filter?: string;
  tmpDir: string;
}

/** One load of a route with the /healthz figures it is compared with. */
export interface RouteLoad extends ServerLoad {
  /** Mean req/s of the /healthz loads just before and just after this one. */
  healthzRps: number;
  ratio: number;
}

export interface RouteRow {
  /** The route as Hono has it (`/program/:slug`). */
  route: string;
  /** The path requested. */
  path: string;
  kind: RouteKind;
  signedIn: RouteLoad;
  /** The public's load, or the status the public gets where the route is not for the public. */
  public: RouteLoad | { status: number };
  /** The process's RSS after the route's loads, to see which route the memory grows with. */
  rssAfterBytes: number;
}

export interface RoutesResult {
  dialect: 'sqlite' | 'postgres';
  connections: number;
  /** Requests, one at a time, of each Word and Excel file (kind `document`). */
  documentRequests: number;
  seconds: number;
  warmupSeconds: number;
  seedSeconds: number;
  routes: RouteRow[];
  excluded: { route: string; reason: string }[];
  /** Every /healthz load, in the order measured. */
  healthz: ServerLoad[];
  totalSeconds: number;
  rssByPhase: RssAtPhase[];
  peakRssBytes: number | null;
  maxSampledRssBytes: number;
  rssSamples: number;
}

/** A load that answers fewer requests (5 per connection, at least 10) is measured again for up to MAX_SECONDS. */
const MIN_ANSWERS_PER_CONNECTION = 5;
const MAX_SECONDS = 15;
/**
 * Word and Excel files are built per request (bench/routes-table.ts, kindOf), some in seconds on a busy
 * machine: requested one at a time, this many times after one unmeasured request, without the load
 * generator (whose 10-second timeout a file that takes longer would trip).
 */
const DOCUMENT_REQUESTS = 3;

/** One GET's status (no redirects followed). */
async function statusOf(url: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(url, { headers, redirect: 'manual' });
  await response.arrayBuffer();
  return response.status;
}

/**
 * Statuses that say "not for the public" rather than "broken": a sign-in asked for, refused, hidden,
 * or not yet (409: a consultation's report while the consultation is open).
 */
const NOT_PUBLIC = new Set([301, 302, 303, 401, 403, 404, 409]);

interface Plan extends RoutePath {
  publicStatus: number;
}

async function routesBench(input: RoutesInput): Promise<RoutesResult> {
  const started = process.hrtime.bigint();
  const memory = rssSampler();
  const { phases: rssByPhase, phase } = phaseRecorder();
  phase('modules loaded');
  const label = `routes ${input.dialect}`;
  progress(`${label}: seeding the demo and the records the routes need`);
  const seeded = await timed(() => openRoutesStore(input.dialect, input.tmpDir));
  const store = seeded.result;
  phase('demo seeded');
  const { ctx, app, data, excluded } = store;
  let worker: LoadWorker | undefined;
  let server: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    const paths = store.routes.filter((r) => input.filter === undefined || r.route.includes(input.filter));
    server = await startApp(ctx, {}, app);
    const { url } = server;
    const admin = { cookie: data.adminCookie };
    // Every route answers the administrator 2xx before anything is measured, so a broken route stops
    // the run in its first minute; the public's status decides whether the public is measured.
    const plans: Plan[] = [];
    const broken: string[] = [];
    for (const { route, path, kind } of paths) {
      const signedIn = await statusOf(url + path, admin);
      if (signedIn < 200 || signedIn > 299)
        broken.push(`GET ${path} (${route}) answered the administrator ${signedIn}, not 2xx.`);
      const publicStatus = await statusOf(url + path, PUBLIC_HEADERS);
      if (!(publicStatus >= 200 && publicStatus <= 299) && !NOT_PUBLIC.has(publicStatus))
        broken.push(`GET ${path} (${route}) answered the public ${publicStatus}.`);
      plans.push({ route, path, kind, publicStatus });
    }
    if (broken.length > 0) throw new Error(`${broken.length} routes cannot be measured:\n${broken.join('\n')}`);
    phase('routes checked');
    const publicCount = plans.filter((p) => p.publicStatus < 300).length;
    progress(
      `${label}: ${plans.length} routes (${publicCount} public), ${excluded.length} excluded; ` +
        `${input.seconds} s after ${input.warmupSeconds} s warm-up each, /healthz every ${input.healthzEvery}`,
    );

    worker = startLoadWorker();
    const settings = {
      url,
      connections: input.connections,
      seconds: input.seconds,
      warmupSeconds: input.warmupSeconds,
    };
    const measure = async (
      path: string,
      headers: Record<string, string> | undefined,
      connections: number,
      seconds: number,
      warmup: number,
    ) => {
      await server!.idle();
      const before = process.cpuUsage();
      const servedBefore = server!.served();
      const result = await worker!.run({
        ...settings,
        connections,
        seconds,
        warmupSeconds: warmup,
        paths: [path],
        ...(headers ? { headers } : {}),
      } satisfies LoadInput);
      // The requests still being served when the load generator stopped count too (CPU and requests).
      await server!.idle();
      const cpu = process.cpuUsage(before);
      const served = server!.served() - servedBefore;
      return { ...result, serverCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(1, served) };
    };
    const load = async (
      path: string,
      headers?: Record<string, string>,
      connections = input.connections,
    ): Promise<ServerLoad> => {
      let result = await measure(path, headers, connections, input.seconds, input.warmupSeconds);
      // A slow route answers too few requests in a short load to give a p99: measured again, longer,
      // on the now warm server.
      const enough = Math.max(MIN_ANSWERS_PER_CONNECTION * connections, 10);
      if (result.requestsTotal < enough) {
        const seconds = Math.min(MAX_SECONDS, Math.ceil((enough / Math.max(1, result.requestsPerSecond)) * 1.2));
        progress(
          `${label}: GET ${path}: ${result.requestsTotal} answers in ${input.seconds} s; measuring ${seconds} s`,
        );
        result = await measure(path, headers, connections, seconds, 0);
      }
      if (result.requestsTotal === 0) throw new Error(`GET ${path}: no request answered in ${result.seconds} s.`);
      if (result.non2xx + result.errors + result.timeouts > 0)
        progress(
          `${label}: GET ${path}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
        );
      return result;
    };

    /** A file built per request: DOCUMENT_REQUESTS GETs one after another, as a load of one connection. */
    const oneAtATime = async (path: string, headers: Record<string, string>): Promise<ServerLoad> => {
      await server!.idle();
      await statusOf(url + path, headers);
      const before = process.cpuUsage();
      const samples: number[] = [];
      let non2xx = 0;
      for (let i = 0; i < DOCUMENT_REQUESTS; i++) {
        const started = process.hrtime.bigint();
        const status = await statusOf(url + path, headers);
        samples.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (status < 200 || status > 299) non2xx++;
      }
      const cpu = process.cpuUsage(before);
      const total = samples.reduce((a, b) => a + b, 0);
      const sorted = [...samples].sort((a, b) => a - b);
      return {
        paths: [path],
        connections: 1,
        seconds: total / 1000,
        latencyP50Ms: Math.round(sorted[Math.floor((sorted.length - 1) / 2)]!),
        latencyP99Ms: Math.round(sorted.at(-1)!),
        latencyMeanMs: total / samples.length,
        latencyMaxMs: Math.round(sorted.at(-1)!),
        requestsPerSecond: (samples.length * 1000) / total,
        requestsTotal: samples.length,
        requestsWithWarmup: samples.length + 1,
        bytesPerSecond: 0,
        non2xx,
        errors: 0,
        timeouts: 0,
        serverCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / samples.length,
      };
    };

    // Loads in order; each route load remembers the index of the /healthz load before it.
    const healthz: ServerLoad[] = [await load('/healthz')];
    const pending: {
      plan: Plan;
      signedIn: ServerLoad;
      public: ServerLoad | null;
      healthzBefore: number;
      rssAfterBytes: number;
    }[] = [];
    for (const [i, plan] of plans.entries()) {
      const run = plan.kind === 'document' ? oneAtATime : load;
      const signedIn = await run(plan.path, admin);
      const pub = plan.publicStatus < 300 ? await run(plan.path, PUBLIC_HEADERS) : null;
      pending.push({
        plan,
        signedIn,
        public: pub,
        healthzBefore: healthz.length - 1,
        rssAfterBytes: process.memoryUsage().rss,
      });
      memory.sample();
      if ((i + 1) % input.healthzEvery === 0 || i === plans.length - 1) {
        healthz.push(await load('/healthz'));
        progress(
          `${label}: ${i + 1}/${plans.length} routes; /healthz ${Math.round(healthz.at(-1)!.requestsPerSecond)} req/s`,
        );
      }
    }
    phase('routes loaded');
    const routes: RouteRow[] = pending.map((p) => {
      const baseline =
        (healthz[p.healthzBefore]!.requestsPerSecond + healthz[p.healthzBefore + 1]!.requestsPerSecond) / 2;
      const against = (l: ServerLoad): RouteLoad => ({
        ...l,
        healthzRps: baseline,
        ratio: l.requestsPerSecond / baseline,
      });
      return {
        route: p.plan.route,
        path: p.plan.path,
        kind: p.plan.kind,
        signedIn: against(p.signedIn),
        public: p.public ? against(p.public) : { status: p.plan.publicStatus },
        rssAfterBytes: p.rssAfterBytes,
      };
    });
    const sampled = memory.stop();
    return {
      dialect: input.dialect,
      connections: input.connections,
      documentRequests: DOCUMENT_REQUESTS,
      seconds: input.seconds,
      warmupSeconds: input.warmupSeconds,
      seedSeconds: seeded.seconds,
      routes,
      excluded,
      healthz,
      totalSeconds: Number(process.hrtime.bigint() - started) / 1e9,
      rssByPhase,
      peakRssBytes: peakRssBytes(),
      maxSampledRssBytes: sampled.maxRssBytes,
      rssSamples: sampled.samples,
    };
  } finally {
    worker?.close();
    await server?.close();
    await store.close();
  }
}

childMain(routesBench);
