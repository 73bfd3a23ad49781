/**
 * What one running service measures for `/metrics`: its requests (per route pattern, method and status),
 * its database connections and its PDF queue, beside the process's metrics (metrics.ts). One per HTTP app,
 * so that an app's figures are its own (the tests run several in one process).
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { METRIC_PREFIX, processMetrics } from './metrics.js';

export interface DatabasePoolStats {
  /** Connections open, idle or in use. */
  total: number;
  idle: number;
  /** Queries waiting for a free connection. */
  waiting: number;
}

export interface ServiceMetricSources {
  /** PostgreSQL's pool; absent for SQLite, whose one connection is reported as such. */
  databasePool?: () => DatabasePoolStats | undefined;
  /** The PDF printer's queue: jobs waiting for a slot, and printing now. */
  pdfQueue?: () => { queued: number; running: number };
}

export interface ServiceMetrics {
  /** One answered request: its route pattern (never the raw path), method, status and duration. */
  requestAnswered(method: string, route: string, status: number, seconds: number): void;
  /** The process's and this service's metrics in Prometheus's text format, with its content type. */
  exposition(): Promise<{ contentType: string; text: string }>;
}

/** Upper bounds of the request-duration buckets, in seconds: pages are meant to answer within 25 ms. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createServiceMetrics(sources: ServiceMetricSources = {}): ServiceMetrics {
  const registry = new Registry();
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: `${METRIC_PREFIX}http_requests_total`,
    help: 'Besvarade HTTP-förfrågningar per vägmönster, metod och status.',
    labelNames,
    registers: [registry],
  });
  const durations = new Histogram({
    name: `${METRIC_PREFIX}http_request_duration_seconds`,
    help: 'Tid från förfrågan till svar i sekunder, per vägmönster, metod och status.',
    labelNames,
    buckets: REQUEST_BUCKETS,
    registers: [registry],
  });

  const { databasePool, pdfQueue } = sources;
  const pool = (pick: (stats: DatabasePoolStats) => number) =>
    function (this: Gauge) {
      const stats = databasePool?.();
      if (stats) this.set(pick(stats));
    };
  new Gauge({
    name: `${METRIC_PREFIX}db_pool_connections`,
    help: 'Öppna databasanslutningar (SQLite: en).',
    registers: [registry],
    collect: databasePool
      ? pool((s) => s.total)
      : function () {
          this.set(1);
        },
  });
  if (databasePool) {
    new Gauge({
      name: `${METRIC_PREFIX}db_pool_idle_connections`,
      help: 'Lediga anslutningar i PostgreSQL-poolen.',
      registers: [registry],
      collect: pool((s) => s.idle),
    });
    new Gauge({
      name: `${METRIC_PREFIX}db_pool_waiting_clients`,
      help: 'Frågor som väntar på en ledig anslutning i PostgreSQL-poolen.',
      registers: [registry],
      collect: pool((s) => s.waiting),
    });
  }
  if (pdfQueue) {
    new Gauge({
      name: `${METRIC_PREFIX}pdf_queue_length`,
      help: 'PDF-utskrifter som väntar på sin tur.',
      registers: [registry],
      collect() {
        this.set(pdfQueue().queued);
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}pdf_jobs_printing`,
      help: 'PDF-utskrifter som pågår.',
      registers: [registry],
      collect() {
        this.set(pdfQueue().running);
      },
    });
  }

  return {
    requestAnswered(method, route, status, seconds) {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      durations.observe(labels, seconds);
    },
    async exposition() {
      const merged = Registry.merge([processMetrics, registry]);
      return { contentType: merged.contentType, text: await merged.metrics() };
    },
  };
}
