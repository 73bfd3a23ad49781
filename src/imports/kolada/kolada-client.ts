/**
 * A client for Kolada's open API (v3; v2 answers are understood too). Every method returns the answer
 * page by page as an async iterable, so a sync can store each page before asking for the next.
 *
 * What it promises:
 * - ids are checked before any URL is built, and at most 25 go in one path segment (Kolada's limit,
 *   see kolada-format.ts); longer lists are split and every combination of the parts is asked for;
 * - pages are followed through `next_url` (v3) or `next_page` (v2), only on the origin of `baseUrl`, and a
 *   link already followed ends the listing (a server that loops cannot make us loop);
 * - 429, 5xx, network errors, timeouts and cut-off or invalid JSON are retried with backoff (429 and 503
 *   honour Retry-After, at most a minute); other answers are not. When it gives up it throws a KoladaError
 *   whose Swedish message names the URL and what went wrong.
 */
import { YEAR_MAX, YEAR_MIN, type Area } from '../../domain/indicators/indicator.js';
import {
  nextLinkOf,
  normaliseKpis,
  normaliseMunicipalities,
  normaliseMunicipalityGroups,
  normaliseValuesPage,
  parseEnvelope,
  type KoladaEnvelope,
  type KoladaKpi,
  type KoladaMunicipalityGroup,
  type KoladaValuesPage,
} from './kolada-format.js';

export const KOLADA_BASE_URL = 'https://api.kolada.se/v3';
export const KOLADA_MAX_PER_PAGE = 5000;
export const KOLADA_MAX_IDS_PER_SEGMENT = 25;
/** A Retry-After longer than this is not waited for in full; the next attempt may be refused again. */
export const KOLADA_MAX_RETRY_AFTER_MS = 60_000;

export interface KoladaProgress {
  /** Items (KPIs, areas, groups or KPI–area–year values) received so far. */
  done: number;
  /** The sum of the envelopes' `count` for the requests begun so far; null until Kolada has sent one. */
  total: number | null;
  /** The page just received. */
  url: string;
}

export interface KoladaClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Per request, until the whole body is read. */
  timeoutMs?: number;
  /** Attempts after the first; 3 means at most 4 requests for one page. */
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Wait before retry number `attempt` (0 for the first retry). */
  backoffMs?: (attempt: number) => number;
  perPage?: number;
  onProgress?: (progress: KoladaProgress) => void;
}

export interface KoladaValuesQuery {
  kpiIds: readonly string[];
  /** Municipality or region codes (`0180`), or municipality group ids (`G96274`); omitted means all. */
  areaCodes?: readonly string[];
  /** Omitted means all years. */
  years?: readonly number[];
  /** Only what changed since this date (YYYY-MM-DD), deletions included. */
  fromDate?: string;
}

export interface KoladaClient {
  kpis(query?: { ids?: readonly string[]; fromDate?: string }): AsyncIterable<KoladaKpi[]>;
  municipalities(): AsyncIterable<Area[]>;
  municipalityGroups(query?: { ids?: readonly string[] }): AsyncIterable<KoladaMunicipalityGroup[]>;
  values(query: KoladaValuesQuery): AsyncIterable<KoladaValuesPage>;
}

/** Kolada could not be asked, or would not answer; the message is Swedish and names the URL. */
export class KoladaError extends Error {
  override name = 'KoladaError';
  readonly url: string;
  /** The last HTTP status, or null when there was none (network error, timeout, refused link). */
  readonly status: number | null;
  readonly attempts: number;

  constructor(message: string, details: { url: string; status: number | null; attempts: number; cause?: unknown }) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.url = details.url;
    this.status = details.status;
    this.attempts = details.attempts;
  }
}

const KPI_ID = /^[A-Z]\d{5}$/;
const AREA_CODE = /^\d{4}$/;
const GROUP_ID = /^G\d+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const defaultBackoff = (attempt: number) => 500 * 2 ** attempt * (0.75 + Math.random() * 0.5);

function checkIds(ids: readonly string[], pattern: (id: string) => boolean, what: string, example: string): string[] {
  if (ids.length === 0) throw new RangeError(`Listan med ${what} är tom; utelämna den för att hämta alla.`);
  for (const id of ids) {
    if (typeof id !== 'string' || !pattern(id)) {
      throw new RangeError(
        `${JSON.stringify(id)} är inte ett giltigt id för ${what} i Kolada (till exempel ${example}).`,
      );
    }
  }
  return [...new Set(ids)];
}

const checkKpiIds = (ids: readonly string[]) => checkIds(ids, (id) => KPI_ID.test(id), 'nyckeltal', 'N00945');
const checkAreaCodes = (ids: readonly string[]) =>
  checkIds(ids, (id) => AREA_CODE.test(id) || GROUP_ID.test(id), 'områden', '0136 eller G96274');
const checkGroupIds = (ids: readonly string[]) => checkIds(ids, (id) => GROUP_ID.test(id), 'kommungrupper', 'G96274');

function checkYears(years: readonly number[]): string[] {
  if (years.length === 0) throw new RangeError('Listan med år är tom; utelämna den för att hämta alla.');
  for (const year of years) {
    if (!Number.isInteger(year) || year < YEAR_MIN || year > YEAR_MAX) {
      throw new RangeError(`${JSON.stringify(year)} är inte ett årtal mellan ${YEAR_MIN} och ${YEAR_MAX}.`);
    }
  }
  return [...new Set(years)].map(String);
}

function checkDate(date: string): string {
  const match = DATE.exec(date);
  const parsed = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !parsed || parsed.toISOString().slice(0, 10) !== date) {
    throw new RangeError(`${JSON.stringify(date)} är inte ett datum på formen ÅÅÅÅ-MM-DD.`);
  }
  return date;
}

function chunks<T>(items: readonly T[]): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += KOLADA_MAX_IDS_PER_SEGMENT) {
    parts.push(items.slice(i, i + KOLADA_MAX_IDS_PER_SEGMENT));
  }
  return parts;
}

/** Kolada reads the comma as the list separator, so only the ids themselves are encoded. */
const segment = (ids: readonly string[]) => ids.map(encodeURIComponent).join(',');

/** Seconds or an HTTP date; null when absent or unreadable. */
function retryAfterMs(header: string | null): number | null {
  if (header === null) return null;
  const text = header.trim();
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - Date.now();
  if (Number.isNaN(ms)) return null;
  return Math.min(Math.max(ms, 0), KOLADA_MAX_RETRY_AFTER_MS);
}

/** fetch says only "fetch failed"; the reason (ECONNRESET, ENOTFOUND …) is in its cause. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail =
    typeof inner?.code === 'string' ? inner.code : typeof inner?.message === 'string' ? inner.message : null;
  return detail === null ? error.message : `${error.message}: ${detail}`;
}

type Attempt =
  | { ok: true; json: unknown }
  | { ok: false; retry: boolean; kind: 'status'; status: number; waitMs: number | null }
  | { ok: false; retry: true; kind: 'timeout' | 'network' | 'json'; cause: unknown };

export function createKoladaClient(options: KoladaClientOptions = {}): KoladaClient {
  const base = new URL(options.baseUrl ?? KOLADA_BASE_URL);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new RangeError(`Koladas adress ska börja med https:// (fick ${base.href}).`);
  }
  const baseUrl = base.href.replace(/\/+$/, '');
  const fetchFn = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetries = options.maxRetries ?? 3;
  const sleep = options.sleep ?? defaultSleep;
  const backoffMs = options.backoffMs ?? defaultBackoff;
  const perPage = options.perPage ?? KOLADA_MAX_PER_PAGE;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > KOLADA_MAX_PER_PAGE) {
    throw new RangeError(`Antal per sida ska vara ett heltal mellan 1 och ${KOLADA_MAX_PER_PAGE}.`);
  }
  if (!Number.isInteger(maxRetries) || maxRetries < 0) throw new RangeError('Antal omförsök ska vara 0 eller fler.');
  if (!(timeoutMs > 0)) throw new RangeError('Tidsgränsen ska vara större än 0 ms.');
  const seconds = (timeoutMs / 1000).toLocaleString('sv-SE');

  async function attempt(url: string): Promise<Attempt> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetchFn(url, { headers: { accept: 'application/json' }, signal: controller.signal });
      // A redirect is followed by fetch; what it lands on must still be Kolada.
      if (response.url && new URL(response.url).origin !== base.origin) {
        await response.body?.cancel();
        throw new KoladaError(`Kolada skickade frågan ${url} vidare till ${response.url}, som inte är Kolada.`, {
          url,
          status: response.status,
          attempts: 1,
        });
      }
      if (!response.ok) {
        await response.body?.cancel();
        const status = response.status;
        const retry = status === 429 || status >= 500;
        const waitMs = status === 429 || status === 503 ? retryAfterMs(response.headers.get('retry-after')) : null;
        return { ok: false, retry, kind: 'status', status, waitMs };
      }
      const text = await response.text();
      try {
        return { ok: true, json: JSON.parse(text) };
      } catch (cause) {
        return { ok: false, retry: true, kind: 'json', cause };
      }
    } catch (cause) {
      if (cause instanceof KoladaError) throw cause;
      return { ok: false, retry: true, kind: controller.signal.aborted ? 'timeout' : 'network', cause };
    } finally {
      clearTimeout(timer);
    }
  }

  async function getJson(url: string): Promise<unknown> {
    for (let tries = 1; ; tries++) {
      const outcome = await attempt(url);
      if (outcome.ok) return outcome.json;
      if (outcome.retry && tries <= maxRetries) {
        const wait = outcome.kind === 'status' && outcome.waitMs !== null ? outcome.waitMs : backoffMs(tries - 1);
        await sleep(wait);
        continue;
      }
      const after = `efter ${tries} försök`;
      if (outcome.kind === 'status') {
        const message = outcome.retry
          ? `Kolada svarade ${outcome.status} på ${url} ${after}.`
          : `Kolada svarade ${outcome.status} på ${url}.`;
        throw new KoladaError(message, { url, status: outcome.status, attempts: tries });
      }
      const message =
        outcome.kind === 'timeout'
          ? `Kolada svarade inte inom ${seconds} s på ${url} ${after}.`
          : outcome.kind === 'json'
            ? `Kolada skickade ett avbrutet eller ogiltigt JSON-svar på ${url} ${after}.`
            : `Kolada gick inte att nå på ${url} ${after} (${describe(outcome.cause)}).`;
      throw new KoladaError(message, { url, status: null, attempts: tries, cause: outcome.cause });
    }
  }

  /** The next page's URL, if it may be followed: same origin as baseUrl (http upgraded to https on the same host). */
  function followable(link: string, current: string): string {
    let next: URL;
    try {
      next = new URL(link, current);
    } catch (cause) {
      throw new KoladaError(`Kolada angav en ogiltig länk till nästa sida på ${current}: ${link}.`, {
        url: current,
        status: null,
        attempts: 1,
        cause,
      });
    }
    if (base.protocol === 'https:' && next.protocol === 'http:' && next.host === base.hostname) {
      next.protocol = 'https:';
    }
    if (next.origin !== base.origin) {
      throw new KoladaError(
        `Kolada angav nästa sida på ${next.href}, som inte hör till ${base.origin}; den hämtas inte (svaret på ${current}).`,
        { url: current, status: null, attempts: 1 },
      );
    }
    return next.href;
  }

  async function* pages<T>(
    paths: readonly string[],
    normalise: (envelope: KoladaEnvelope, where: string) => T,
    fromDate: string | undefined,
  ): AsyncGenerator<T> {
    let done = 0;
    let total: number | null = null;
    for (const path of paths) {
      const query = new URLSearchParams({ per_page: String(perPage) });
      if (fromDate !== undefined) query.set('from_date', fromDate);
      let url: string | null = `${baseUrl}${path}?${query}`;
      const followed = new Set<string>();
      let counted = false;
      while (url !== null) {
        followed.add(url);
        const where = `Kolada svarade i ett okänt format på ${url}`;
        const envelope = parseEnvelope(await getJson(url), where);
        const page = normalise(envelope, where);
        if (!counted && typeof envelope.count === 'number') {
          total = (total ?? 0) + envelope.count;
          counted = true;
        }
        done += envelope.values.length;
        if (total !== null && total < done) total = done;
        options.onProgress?.({ done, total, url });
        yield page;
        const link = nextLinkOf(envelope);
        const next: string | null = link === null ? null : followable(link, url);
        url = next !== null && !followed.has(next) ? next : null;
      }
    }
  }

  return {
    kpis(query = {}) {
      const fromDate = query.fromDate === undefined ? undefined : checkDate(query.fromDate);
      const paths =
        query.ids === undefined ? ['/kpi'] : chunks(checkKpiIds(query.ids)).map((ids) => `/kpi/${segment(ids)}`);
      return pages(paths, normaliseKpis, fromDate);
    },

    municipalities() {
      return pages(['/municipality'], normaliseMunicipalities, undefined);
    },

    municipalityGroups(query = {}) {
      const paths =
        query.ids === undefined
          ? ['/municipality_groups']
          : chunks(checkGroupIds(query.ids)).map((ids) => `/municipality_groups/${segment(ids)}`);
      return pages(paths, normaliseMunicipalityGroups, undefined);
    },

    values(query) {
      const kpiParts = chunks(checkKpiIds(query.kpiIds));
      const areaParts = query.areaCodes === undefined ? [null] : chunks(checkAreaCodes(query.areaCodes));
      const yearParts = query.years === undefined ? [null] : chunks(checkYears(query.years));
      if (query.areaCodes === undefined && query.years === undefined) {
        throw new RangeError(
          'Ange områden eller år: Kolada lämnar bara ut värden för minst två av nyckeltal, område och år.',
        );
      }
      const fromDate = query.fromDate === undefined ? undefined : checkDate(query.fromDate);
      const paths: string[] = [];
      for (const kpis of kpiParts) {
        for (const areas of areaParts) {
          for (const years of yearParts) {
            paths.push(
              `/data/kpi/${segment(kpis)}` +
                (areas === null ? '' : `/municipality/${segment(areas)}`) +
                (years === null ? '' : `/year/${segment(years)}`),
            );
          }
        }
      }
      return pages(paths, normaliseValuesPage, fromDate);
    },
  };
}
