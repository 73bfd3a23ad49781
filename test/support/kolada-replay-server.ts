/**
 * A local stand-in for api.kolada.se, answering from the real data committed in data/kolada/ (rKolada's
 * cache of Kolada v3 answers, see /work/shared/data/kolada/SOURCES.md): the 6 099-KPI catalogue, the 312
 * areas, the 3 630 municipality groups, and the values of N00945, N03702 and N03703 for the areas there.
 *
 * It speaks the format described in src/imports/kolada/kolada-format.ts: under `/v3` the envelope
 * `{ count, values, next_url, previous_url }` and `isdeleted`, under `/v2` `{ count, values, next_page,
 * previous_page }`, v2 field names and `is_deleted: 0|1`. It pages with `page` and `per_page` (at most 5000),
 * refuses more than 25 ids in one path segment with 400, and with `from_date` serves what changed since then,
 * deletions flagged. A test can change values (`setUpdates`), make the next requests fail (`failNext`) and
 * rewrite the next-page links (`rewriteNextLink`).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import type { Gender } from '../../src/domain/indicators/indicator.js';

export type ReplayFailure = number | 'cut' | 'hang' | 'reset';

/** A value as the test registers it; `count` is 1 unless given. */
export interface ReplayValue {
  kpi: string;
  area: string;
  year: number;
  gender: Gender;
  value: number | null;
  status?: string | null;
  count?: number;
}

export type ReplayKey = Pick<ReplayValue, 'kpi' | 'area' | 'year' | 'gender'>;

export interface KoladaReplayServer {
  /** The v3 base URL, e.g. `http://127.0.0.1:PORT/v3`. */
  url: string;
  /** The same data in v2's form. */
  v2Url: string;
  origin: string;
  /** Path and query of every request received, in order. */
  requests: string[];
  /**
   * The next `n` requests fail: with that HTTP status (a JSON error body; `retryAfter` sets Retry-After),
   * `cut` (a complete 200 answer holding only the first half of the JSON), `hang` (no answer at all) or
   * `reset` (the connection is dropped before anything is sent).
   */
  failNext(n: number, failure: ReplayFailure, options?: { retryAfter?: string }): void;
  /** Values changed or deleted at Kolada on `at` (YYYY-MM-DD); later than the committed data's date. */
  setUpdates(changes: { at: string; updated?: readonly ReplayValue[]; deleted?: readonly ReplayKey[] }): void;
  /** Every next-page link passes through `rewrite` before it is sent; null restores the real links. */
  rewriteNextLink(rewrite: ((link: string) => string) | null): void;
  close(): Promise<void>;
}

export interface KoladaReplayOptions {
  /** The date the committed values count as last changed; `from_date` after it leaves them out. */
  committedAt?: string;
}

const DATA_DIR = new URL('../../data/kolada/', import.meta.url);
const MAX_PER_PAGE = 5000;
const MAX_IDS = 25;
const GENDER_ORDER: Record<Gender, number> = { T: 0, K: 1, M: 2 };

type Row = Record<string, string | null>;

interface Catalogue {
  kpis: Row[];
  areas: Row[];
  groups: { id: string; title: string; members: { id: string; title: string }[] }[];
  values: ReplayValue[];
}

/** R's write.csv leaves missing values as unquoted empty cells; those become null, quoted "" stays "". */
async function readCsv(name: string): Promise<Row[]> {
  const text = await readFile(new URL(name, DATA_DIR), 'utf8');
  const rows = parse(text, {
    columns: (header: string[]) => header.map((h, i) => (i === 0 && h === '' ? '_row' : h)),
    cast: (value, context) => (value === '' && !context.quoting ? null : value),
  }) as Row[];
  return rows;
}

let catalogue: Promise<Catalogue> | null = null;

function loadCatalogue(): Promise<Catalogue> {
  catalogue ??= (async () => {
    const [kpis, areas, groupRows, ...valueFiles] = await Promise.all([
      readCsv('kpi_df.csv'),
      readCsv('munic.csv'),
      readCsv('munic_g_members_long.csv'),
      readCsv('n00945.csv'),
      readCsv('grp_data.csv'),
      readCsv('kld_data.csv'),
    ]);
    const groups = new Map<string, Catalogue['groups'][number]>();
    for (const row of groupRows) {
      const id = row.group_id!;
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { id, title: row.group_title!, members: [] }));
      group.members.push({ id: row.member_id!, title: row.member_title! });
    }
    const values = valueFiles.flat().map((row): ReplayValue => ({
      kpi: row.kpi!,
      area: row.municipality_id!,
      year: Number(row.year),
      gender: row.gender as Gender,
      value: row.value === null || row.value === 'NA' ? null : Number(row.value),
      status: row.status,
      count: Number(row.count ?? 1),
    }));
    return { kpis, areas, groups: [...groups.values()], values };
  })();
  return catalogue;
}

interface Stored extends ReplayValue {
  changedAt: string;
  deleted: boolean;
}

const keyOf = (v: ReplayKey) => `${v.kpi}|${v.area}|${v.year}|${v.gender}`;

const bool = (text: string | null | undefined) => (text === null || text === undefined ? null : text === 'TRUE');

function kpiObject(row: Row, version: 'v2' | 'v3'): Record<string, unknown> {
  const common = {
    id: row.id,
    title: row.title,
    description: row.description,
    municipality_type: row.municipality_type,
    operating_area: row.operating_area,
    perspective: row.perspective,
    prel_publication_date: row.prel_publication_date,
    publication_date: row.publication_date,
    publ_period: row.publ_period,
  };
  return version === 'v3'
    ? {
        ...common,
        auspice: row.auspice,
        is_divided_by_gender: bool(row.is_divided_by_gender),
        has_ou_data: bool(row.has_ou_data),
      }
    : {
        ...common,
        auspices: row.auspice,
        is_divided_by_gender: row.is_divided_by_gender === 'TRUE' ? 1 : 0,
        has_ou_data: bool(row.has_ou_data),
      };
}

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A comma-separated path segment, refused as Kolada refuses it when it holds more than 25 ids. */
function idList(segment: string | undefined): string[] {
  if (segment === undefined || segment === '') throw new HttpProblem(404, 'Not found');
  const ids = decodeURIComponent(segment).split(',');
  if (ids.some((id) => id.trim() === '')) throw new HttpProblem(400, 'Empty id in list');
  if (ids.length > MAX_IDS) throw new HttpProblem(400, `At most ${MAX_IDS} ids per parameter (got ${ids.length})`);
  return ids;
}

export async function startKoladaReplayServer(options: KoladaReplayOptions = {}): Promise<KoladaReplayServer> {
  const data = await loadCatalogue();
  const committedAt = options.committedAt ?? '2020-01-01';
  const store = new Map<string, Stored>();
  for (const value of data.values) {
    store.set(keyOf(value), {
      ...value,
      status: value.status ?? '',
      count: value.count ?? 1,
      changedAt: committedAt,
      deleted: false,
    });
  }
  const requests: string[] = [];
  const failures: { failure: ReplayFailure; retryAfter?: string }[] = [];
  let rewrite: ((link: string) => string) | null = null;
  let origin = '';

  function page(
    url: URL,
    items: readonly unknown[],
  ): { count: number; values: unknown[]; next?: string; previous?: string } {
    const perPageText = url.searchParams.get('per_page');
    const pageText = url.searchParams.get('page');
    const perPage = perPageText === null ? MAX_PER_PAGE : Math.min(Number(perPageText), MAX_PER_PAGE);
    const pageNo = pageText === null ? 1 : Number(pageText);
    if (!Number.isInteger(perPage) || perPage < 1 || !Number.isInteger(pageNo) || pageNo < 1) {
      throw new HttpProblem(400, 'Invalid page or per_page');
    }
    const link = (p: number) => {
      const query = new URLSearchParams({ page: String(p), per_page: String(perPage) });
      for (const [name, value] of url.searchParams)
        if (name !== 'page' && name !== 'per_page') query.append(name, value);
      const real = `${origin}${url.pathname}?${query}`;
      return rewrite ? rewrite(real) : real;
    };
    const start = (pageNo - 1) * perPage;
    return {
      count: items.length,
      values: items.slice(start, start + perPage),
      ...(start + perPage < items.length ? { next: link(pageNo + 1) } : {}),
      ...(pageNo > 1 ? { previous: link(pageNo - 1) } : {}),
    };
  }

  function envelope(version: 'v2' | 'v3', url: URL, items: readonly unknown[]): Record<string, unknown> {
    const { count, values, next, previous } = page(url, items);
    return version === 'v3'
      ? { count, values, ...(next ? { next_url: next } : {}), ...(previous ? { previous_url: previous } : {}) }
      : { count, values, ...(next ? { next_page: next } : {}), ...(previous ? { previous_page: previous } : {}) };
  }

  function dataItems(version: 'v2' | 'v3', dims: Map<string, string[]>, fromDate: string | null): unknown[] {
    const kpis = dims.has('kpi') ? new Set(dims.get('kpi')) : null;
    const areas = dims.has('municipality') ? new Set(dims.get('municipality')) : null;
    const years = dims.has('year') ? new Set(dims.get('year')) : null;
    const chosen = [...store.values()].filter(
      (v) =>
        (!kpis || kpis.has(v.kpi)) &&
        (!areas || areas.has(v.area)) &&
        (!years || years.has(String(v.year))) &&
        (fromDate === null ? !v.deleted : v.changedAt >= fromDate),
    );
    chosen.sort(
      (a, b) =>
        a.kpi.localeCompare(b.kpi) ||
        a.area.localeCompare(b.area) ||
        a.year - b.year ||
        GENDER_ORDER[a.gender] - GENDER_ORDER[b.gender],
    );
    const items: { kpi: string; municipality: string; period: number | string; values: unknown[] }[] = [];
    let last = '';
    for (const v of chosen) {
      const itemKey = `${v.kpi}|${v.area}|${v.year}`;
      if (itemKey !== last) {
        items.push({
          kpi: v.kpi,
          municipality: v.area,
          period: version === 'v3' ? v.year : String(v.year),
          values: [],
        });
        last = itemKey;
      }
      const entry: Record<string, unknown> = {
        gender: v.gender,
        count: v.deleted ? 0 : v.count,
        status: v.deleted ? null : v.status,
        value: v.deleted ? null : v.value,
      };
      if (fromDate !== null) {
        if (version === 'v3') entry.isdeleted = v.deleted;
        else entry.is_deleted = v.deleted ? 1 : 0;
      }
      items.at(-1)!.values.push(entry);
    }
    return items;
  }

  function answer(req: IncomingMessage): { status: number; body: string; headers?: Record<string, string> } {
    const url = new URL(req.url ?? '/', origin);
    const parts = url.pathname.split('/').filter((p) => p !== '');
    const version = parts.shift();
    if (version !== 'v2' && version !== 'v3') throw new HttpProblem(404, 'Not found');
    const [resource, ...rest] = parts;
    const json = (items: readonly unknown[]) => ({ status: 200, body: JSON.stringify(envelope(version, url, items)) });
    if (req.method !== 'GET') throw new HttpProblem(405, 'Method not allowed');

    if (resource === 'kpi' && rest.length <= 1) {
      const ids = rest.length === 1 ? new Set(idList(rest[0])) : null;
      return json(data.kpis.filter((k) => !ids || ids.has(k.id!)).map((k) => kpiObject(k, version)));
    }
    if (resource === 'municipality' && rest.length <= 1) {
      const ids = rest.length === 1 ? new Set(idList(rest[0])) : null;
      return json(
        data.areas.filter((a) => !ids || ids.has(a.id!)).map((a) => ({ id: a.id, title: a.title, type: a.type })),
      );
    }
    if (resource === 'municipality_groups' && rest.length <= 1) {
      const ids = rest.length === 1 ? new Set(idList(rest[0])) : null;
      return json(data.groups.filter((g) => !ids || ids.has(g.id)));
    }
    if (resource === 'data' && rest.length % 2 === 0 && rest.length >= 4) {
      const dims = new Map<string, string[]>();
      for (let i = 0; i < rest.length; i += 2) {
        const dim = rest[i]!;
        if (!['kpi', 'municipality', 'year'].includes(dim) || dims.has(dim)) throw new HttpProblem(404, 'Not found');
        dims.set(dim, idList(rest[i + 1]));
      }
      const fromDate = url.searchParams.get('from_date');
      if (fromDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(fromDate)) throw new HttpProblem(400, 'Invalid from_date');
      return json(dataItems(version, dims, fromDate));
    }
    throw new HttpProblem(404, 'Not found');
  }

  function respond(req: IncomingMessage, res: ServerResponse): void {
    requests.push(req.url ?? '');
    const failure = failures.shift();
    if (failure?.failure === 'reset') {
      req.socket.destroy();
      return;
    }
    if (failure?.failure === 'hang') return;
    if (typeof failure?.failure === 'number') {
      res.writeHead(failure.failure, {
        'content-type': 'application/json',
        ...(failure.retryAfter === undefined ? {} : { 'retry-after': failure.retryAfter }),
      });
      res.end(JSON.stringify({ error: `Replayed failure ${failure.failure}` }));
      return;
    }
    let result: { status: number; body: string };
    try {
      result = answer(req);
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      result = { status: error.status, body: JSON.stringify({ error: error.message }) };
    }
    const body = failure?.failure === 'cut' ? result.body.slice(0, Math.floor(result.body.length / 2)) : result.body;
    res.writeHead(result.status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(body);
  }

  const server = createServer(respond);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/v3`,
    v2Url: `${origin}/v2`,
    origin,
    requests,
    failNext(n, failure, failOptions = {}) {
      for (let i = 0; i < n; i++) failures.push({ failure, retryAfter: failOptions.retryAfter });
    },
    setUpdates({ at, updated = [], deleted = [] }) {
      for (const value of updated) {
        store.set(keyOf(value), {
          ...value,
          status: value.status ?? '',
          count: value.count ?? 1,
          changedAt: at,
          deleted: false,
        });
      }
      for (const key of deleted) {
        const before = store.get(keyOf(key));
        store.set(keyOf(key), {
          ...key,
          value: null,
          status: null,
          count: before?.count ?? 1,
          changedAt: at,
          deleted: true,
        });
      }
    },
    rewriteNextLink(next) {
      rewrite = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
