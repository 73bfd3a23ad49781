import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { ValueKey, ValueRow } from '../../src/domain/indicators/indicator.js';
import {
  createKoladaClient,
  KoladaError,
  type KoladaClientOptions,
  type KoladaProgress,
} from '../../src/imports/kolada/kolada-client.js';
import {
  KoladaFormatError,
  parseKoladaValuesFile,
  type KoladaValuesPage,
} from '../../src/imports/kolada/kolada-format.js';
import { startKoladaReplayServer, type KoladaReplayServer } from '../support/kolada-replay-server.js';

let server: KoladaReplayServer;
let sleeps: number[];

beforeAll(async () => {
  server = await startKoladaReplayServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.rewriteNextLink(null);
});

/** A client against a replay server (the shared one unless given) that records its waits instead of waiting. */
function client(options: KoladaClientOptions = {}, on: KoladaReplayServer = server) {
  sleeps = [];
  on.requests.length = 0;
  return createKoladaClient({
    baseUrl: on.url,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
}

async function all<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages) items.push(...page);
  return items;
}

async function allValues(pages: AsyncIterable<KoladaValuesPage>): Promise<KoladaValuesPage & { pages: number }> {
  const result = { rows: [] as ValueRow[], deleted: [] as ValueKey[], pages: 0 };
  for await (const page of pages) {
    result.rows.push(...page.rows);
    result.deleted.push(...page.deleted);
    result.pages += 1;
  }
  return result;
}

const keyOf = (v: ValueKey) => `${v.indicatorKey}|${v.areaCode}|${v.year}|${v.gender}`;

/** The committed values, read straight from the CSV files rKolada wrote. */
async function committedRows(...files: string[]): Promise<ValueRow[]> {
  const rows: ValueRow[] = [];
  for (const file of files) {
    const text = await readFile(new URL(`../../data/kolada/${file}`, import.meta.url), 'utf8');
    for (const r of parse(text, { columns: true }) as Record<string, string>[]) {
      rows.push({
        indicatorKey: r.kpi!,
        areaCode: r.municipality_id!,
        year: Number(r.year),
        gender: r.gender as ValueRow['gender'],
        value: Number(r.value),
        status: null,
      });
    }
  }
  return rows;
}

const sortRows = (rows: ValueRow[]) => [...rows].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));

/** The ids in each comma-separated segment of a data request's path. */
function segments(request: string): Record<string, string[]> {
  const parts = new URL(request, server.origin).pathname.split('/').slice(3);
  const result: Record<string, string[]> = {};
  for (let i = 0; i < parts.length; i += 2) result[parts[i]!] = decodeURIComponent(parts[i + 1]!).split(',');
  return result;
}

describe('metadata from the committed catalogue', () => {
  it('lists all 6 099 KPIs over two pages, with booleans and nulls normalised', async () => {
    const kpis = await all(client().kpis());
    expect(kpis).toHaveLength(6099);
    expect(new Set(kpis.map((k) => k.id)).size).toBe(6099);
    expect(server.requests).toEqual(['/v3/kpi?per_page=5000', '/v3/kpi?page=2&per_page=5000']);
    const n00945 = kpis.find((k) => k.id === 'N00945')!;
    expect(n00945.title).toBe('Tillfälliga föräldrapenningdagar (VAB) som tas ut av män, andel av antal dagar (%)');
    expect(kpis.find((k) => k.id === 'N00003')).toMatchObject({
      isDividedByGender: false,
      municipalityType: 'K',
      auspice: 'E',
      operatingArea: 'Kommunen, övergripande',
      publPeriod: '2025',
      publicationDate: '2026-08-28',
      prelPublicationDate: '2026-04-01',
      hasOuData: false,
    });
    expect(kpis.find((k) => k.id === 'N00820')).toMatchObject({ publPeriod: null, publicationDate: null });
    expect(kpis.filter((k) => k.isDividedByGender)).toHaveLength(2313);
  });

  it('fetches chosen KPIs by id', async () => {
    const kpis = await all(client().kpis({ ids: ['N03702', 'N00945'] }));
    expect(kpis.map((k) => k.id).sort()).toEqual(['N00945', 'N03702']);
    expect(server.requests).toEqual(['/v3/kpi/N03702,N00945?per_page=5000']);
  });

  it('lists the 312 areas: 290 municipalities and 22 regions including Riket', async () => {
    const areas = await all(client().municipalities());
    expect(areas).toHaveLength(312);
    expect(areas.filter((a) => a.type === 'K')).toHaveLength(290);
    expect(areas.filter((a) => a.type === 'L')).toHaveLength(22);
    expect(areas.find((a) => a.code === '0000')).toEqual({ code: '0000', title: 'Riket', type: 'L' });
    expect(areas.find((a) => a.code === '0136')).toEqual({ code: '0136', title: 'Haninge', type: 'K' });
  });

  it('lists the municipality groups with their members, Södertörn among them', async () => {
    const groups = await all(client().municipalityGroups());
    expect(groups).toHaveLength(3630);
    expect(groups.find((g) => g.id === 'G96274')).toEqual({
      id: 'G96274',
      title: 'Södertörnskommunerna (ovägt medel)',
      members: ['0126', '0127', '0128', '0136', '0138', '0140', '0181', '0192'],
    });
    const one = await all(client().municipalityGroups({ ids: ['G96274'] }));
    expect(one.map((g) => g.id)).toEqual(['G96274']);
    expect(server.requests).toEqual(['/v3/municipality_groups/G96274?per_page=5000']);
  });
});

describe('values', () => {
  it('follows next_url across many pages and gets every committed value exactly once', async () => {
    const progress: KoladaProgress[] = [];
    const years = Array.from({ length: 12 }, (_, i) => 2012 + i);
    const result = await allValues(
      client({ perPage: 17, onProgress: (p) => progress.push(p) }).values({ kpiIds: ['N03702', 'N03703'], years }),
    );
    const expected = await committedRows('grp_data.csv', 'kld_data.csv');
    expect(expected).toHaveLength(240);
    expect(result.pages).toBe(15);
    expect(server.requests).toHaveLength(15);
    expect(server.requests[1]).toContain('page=2');
    expect(new Set(result.rows.map(keyOf)).size).toBe(result.rows.length);
    expect(sortRows(result.rows)).toEqual(sortRows(expected));
    expect(result.deleted).toEqual([]);
    expect(progress.at(-1)).toMatchObject({ done: 240, total: 240 });
    expect(progress.map((p) => p.done)).toEqual(progress.map((_, i) => Math.min((i + 1) * 17, 240)));
  });

  it('splits more than 25 ids per segment into chunks and asks for every combination once', async () => {
    const kpiIds = ['N03702', ...Array.from({ length: 59 }, (_, i) => `U${String(10000 + i).padStart(5, '0')}`)];
    const areaCodes = ['0180', ...Array.from({ length: 29 }, (_, i) => String(2000 + i))];
    const result = await allValues(client().values({ kpiIds, areaCodes, years: [2019] }));
    expect(server.requests).toHaveLength(6);
    const pairs = new Set<string>();
    for (const request of server.requests) {
      const { kpi, municipality, year } = segments(request);
      expect(kpi!.length).toBeLessThanOrEqual(25);
      expect(municipality!.length).toBeLessThanOrEqual(25);
      expect(year).toEqual(['2019']);
      for (const k of kpi!) for (const m of municipality!) pairs.add(`${k}|${m}`);
    }
    expect(pairs.size).toBe(60 * 30);
    expect(result.rows).toEqual([
      { indicatorKey: 'N03702', areaCode: '0180', year: 2019, gender: 'T', value: 984.027891, status: null },
    ]);
  });

  it('the replay server refuses 26 ids in a segment with 400, as the client never asks', async () => {
    const ids = Array.from({ length: 26 }, (_, i) => `N${String(i).padStart(5, '0')}`).join(',');
    const response = await fetch(`${server.url}/data/kpi/${ids}/year/2020`);
    expect(response.status).toBe(400);
  });

  it('reports deletions and changes since from_date, and nothing else', async () => {
    const changed = await startKoladaReplayServer();
    onTestFinished(() => changed.close());
    changed.setUpdates({
      at: '2026-05-04',
      updated: [{ kpi: 'N00945', area: '0180', year: 2021, gender: 'T', value: 30.5 }],
      deleted: [{ kpi: 'N00945', area: '1480', year: 2020, gender: 'T' }],
    });
    const query = { kpiIds: ['N00945'], areaCodes: ['0180', '1480', '1280'] };
    const changes = await allValues(client({}, changed).values({ ...query, fromDate: '2026-05-01' }));
    expect(changed.requests).toEqual([
      '/v3/data/kpi/N00945/municipality/0180,1480,1280?per_page=5000&from_date=2026-05-01',
    ]);
    expect(changes.rows).toEqual([
      { indicatorKey: 'N00945', areaCode: '0180', year: 2021, gender: 'T', value: 30.5, status: null },
    ]);
    expect(changes.deleted).toEqual([{ indicatorKey: 'N00945', areaCode: '1480', year: 2020, gender: 'T' }]);

    const now = await allValues(client({}, changed).values(query));
    expect(now.rows).toHaveLength(63);
    expect(now.rows.some((r) => r.areaCode === '1480' && r.year === 2020)).toBe(false);
    expect(now.deleted).toEqual([]);

    const v2 = await allValues(
      client({ baseUrl: changed.v2Url }, changed).values({ ...query, fromDate: '2026-05-01' }),
    );
    expect(v2.rows).toEqual(changes.rows);
    expect(v2.deleted).toEqual(changes.deleted);
  });

  it('keeps a missing figure as null with its status, never 0', async () => {
    const changed = await startKoladaReplayServer();
    onTestFinished(() => changed.close());
    changed.setUpdates({
      at: '2026-05-05',
      updated: [{ kpi: 'N00945', area: '1280', year: 2022, gender: 'T', value: null, status: 'Missing' }],
    });
    const result = await allValues(
      client({}, changed).values({ kpiIds: ['N00945'], areaCodes: ['1280'], years: [2020, 2022] }),
    );
    expect(result.rows).toEqual([
      { indicatorKey: 'N00945', areaCode: '1280', year: 2020, gender: 'T', value: 37, status: null },
      { indicatorKey: 'N00945', areaCode: '1280', year: 2022, gender: 'T', value: null, status: 'Missing' },
    ]);
  });

  it('follows v2 next_page links and reads v2 periods and field names', async () => {
    const v2 = client({ baseUrl: server.v2Url, perPage: 10 });
    const result = await allValues(
      v2.values({ kpiIds: ['N00945'], years: Array.from({ length: 21 }, (_, i) => 2000 + i) }),
    );
    expect(server.requests).toHaveLength(7);
    expect(server.requests.slice(1).every((r) => r.startsWith('/v2/data/kpi/N00945/year/'))).toBe(true);
    expect(sortRows(result.rows)).toEqual(sortRows(await committedRows('n00945.csv')));
    const kpis = await all(v2.kpis({ ids: ['N00003', 'N00945'] }));
    expect(kpis.find((k) => k.id === 'N00003')).toMatchObject({ auspice: 'E', isDividedByGender: false });
  });
});

describe('failures', () => {
  it('retries 500, 503 and 429, honouring Retry-After, then succeeds', async () => {
    server.failNext(1, 500);
    server.failNext(1, 503);
    server.failNext(1, 429, { retryAfter: '2' });
    const areas = await all(client({ backoffMs: (attempt) => 100 + attempt }).municipalities());
    expect(areas).toHaveLength(312);
    expect(server.requests).toHaveLength(4);
    expect(sleeps).toEqual([100, 101, 2000]);
  });

  it('waits at most a minute whatever Retry-After says', async () => {
    server.failNext(1, 429, { retryAfter: '3600' });
    await all(client().municipalities());
    expect(sleeps).toEqual([60_000]);
  });

  it('gives up after maxRetries with a Swedish KoladaError naming URL and status', async () => {
    server.failNext(4, 503);
    const error = await all(client().municipalities()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KoladaError);
    expect((error as KoladaError).message).toBe(
      `Kolada svarade 503 på ${server.url}/municipality?per_page=5000 efter 4 försök.`,
    );
    expect(error).toMatchObject({ status: 503, attempts: 4 });
    expect(server.requests).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
  });

  it('does not retry other 4xx answers', async () => {
    server.failNext(1, 404);
    await expect(all(client().municipalities())).rejects.toThrow(
      `Kolada svarade 404 på ${server.url}/municipality?per_page=5000.`,
    );
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('times out a hanging answer and retries it', async () => {
    server.failNext(1, 'hang');
    const areas = await all(client({ timeoutMs: 200 }).municipalities());
    expect(areas).toHaveLength(312);
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
  });

  it('says it timed out when every attempt hangs', async () => {
    server.failNext(2, 'hang');
    await expect(all(client({ timeoutMs: 150, maxRetries: 1 }).municipalities())).rejects.toThrow(
      `Kolada svarade inte inom 0,15 s på ${server.url}/municipality?per_page=5000 efter 2 försök.`,
    );
  });

  it('retries cut-off JSON and dropped connections', async () => {
    server.failNext(1, 'cut');
    server.failNext(1, 'reset');
    const kpis = await all(client().kpis({ ids: ['N00945'] }));
    expect(kpis.map((k) => k.id)).toEqual(['N00945']);
    expect(server.requests).toHaveLength(3);

    server.failNext(3, 'cut');
    await expect(all(client({ maxRetries: 2 }).kpis({ ids: ['N00945'] }))).rejects.toThrow(
      /^Kolada skickade ett avbrutet eller ogiltigt JSON-svar på .*\/kpi\/N00945\?per_page=5000 efter 3 försök\.$/,
    );
  });

  it('refuses a next link to another origin', async () => {
    server.rewriteNextLink((link) => link.replace(server.origin, 'http://kolada.example'));
    const error = await all(client({ perPage: 100 }).municipalities()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KoladaError);
    expect((error as Error).message).toMatch(
      /^Kolada angav nästa sida på http:\/\/kolada\.example\/v3\/municipality\?page=2/,
    );
    expect((error as Error).message).toContain(`inte hör till ${server.origin}`);
    expect(server.requests).toHaveLength(1);
  });

  it('stops when a next link repeats one already followed', async () => {
    server.rewriteNextLink((link) => link.replace(/([?&])page=\d+/, '$1page=2'));
    const areas = await all(client({ perPage: 100 }).municipalities());
    expect(server.requests).toEqual(['/v3/municipality?per_page=100', '/v3/municipality?page=2&per_page=100']);
    expect(new Set(areas.map((a) => a.code)).size).toBe(200);
  });

  it('upgrades an http next link on Kolada’s own host to https', async () => {
    const kolada = 'https://api.kolada.se';
    const fetched: string[] = [];
    server.rewriteNextLink((link) => link.replace(server.origin, 'http://api.kolada.se'));
    const areas = await all(
      client({
        baseUrl: `${kolada}/v3`,
        perPage: 200,
        // Stands in for DNS: api.kolada.se is the replay server; the answer is handed on as it came.
        fetch: async (input, init) => {
          fetched.push(String(input));
          const response = await fetch(String(input).replace(kolada, server.origin), init);
          return new Response(response.body, { status: response.status, headers: response.headers });
        },
      }).municipalities(),
    );
    expect(areas).toHaveLength(312);
    expect(fetched).toEqual([
      `${kolada}/v3/municipality?per_page=200`,
      `${kolada}/v3/municipality?page=2&per_page=200`,
    ]);
  });

  it('checks ids, years and dates before asking anything', () => {
    const kolada = client();
    expect(() => kolada.values({ kpiIds: ['n00945'], years: [2020] })).toThrow(
      '"n00945" är inte ett giltigt id för nyckeltal i Kolada (till exempel N00945).',
    );
    expect(() => kolada.values({ kpiIds: ['N00945'], areaCodes: ['180'] })).toThrow(
      /"180" är inte ett giltigt id för områden/,
    );
    expect(() => kolada.values({ kpiIds: ['N00945'], areaCodes: ['0180/../x'] })).toThrow(RangeError);
    expect(() => kolada.values({ kpiIds: ['N00945'], years: [1800] })).toThrow(
      '1800 är inte ett årtal mellan 1950 och 2100.',
    );
    expect(() => kolada.values({ kpiIds: ['N00945'], years: [2020], fromDate: '2026-02-30' })).toThrow(
      '"2026-02-30" är inte ett datum på formen ÅÅÅÅ-MM-DD.',
    );
    expect(() => kolada.values({ kpiIds: ['N00945'] })).toThrow(/minst två av nyckeltal, område och år/);
    expect(() => kolada.values({ kpiIds: [], years: [2020] })).toThrow('Listan med nyckeltal är tom');
    expect(() => kolada.municipalityGroups({ ids: ['0180'] })).toThrow(/kommungrupper/);
    expect(() => createKoladaClient({ perPage: 5001 })).toThrow(RangeError);
    expect(server.requests).toEqual([]);
  });
});

describe('parseKoladaValuesFile', () => {
  it('reads a page saved from the API exactly as the client reads it', async () => {
    const response = await fetch(`${server.url}/data/kpi/N00945/municipality/0180/year/2018,2019,2020`);
    const text = await response.text();
    const fromFile = parseKoladaValuesFile(text);
    const fromClient = await allValues(
      client().values({ kpiIds: ['N00945'], areaCodes: ['0180'], years: [2018, 2019, 2020] }),
    );
    expect(fromFile.rows).toHaveLength(3);
    expect(fromFile.rows).toEqual(fromClient.rows);
  });

  it('reads an array of v3 and v2 pages: null and missing values stay null, deletions are keys', () => {
    const file = [
      {
        count: 2,
        values: [
          {
            kpi: 'N00945',
            municipality: '0136',
            period: 2021,
            values: [
              { gender: 'T', count: 1, status: 'Missing', value: null },
              { gender: 'K', count: 1, status: '' },
              { gender: 'M', count: 1, status: '', value: 0, isdeleted: false },
            ],
          },
        ],
        next_url: null,
      },
      {
        count: 1,
        values: [
          {
            kpi: 'U00002',
            municipality_id: 'G96274',
            period: '2020',
            values: [
              { gender: 'T', count: 8, status: '', value: 12.5, is_deleted: 0 },
              { gender: 'K', count: 0, status: null, value: null, is_deleted: 1 },
            ],
            extra: 'ignored',
          },
        ],
        next_page: null,
        previous_page: null,
      },
    ];
    const result = parseKoladaValuesFile(`\uFEFF${JSON.stringify(file)}`);
    expect(result.rows).toEqual([
      { indicatorKey: 'N00945', areaCode: '0136', year: 2021, gender: 'T', value: null, status: 'Missing' },
      { indicatorKey: 'N00945', areaCode: '0136', year: 2021, gender: 'K', value: null, status: null },
      { indicatorKey: 'N00945', areaCode: '0136', year: 2021, gender: 'M', value: 0, status: null },
      { indicatorKey: 'U00002', areaCode: 'G96274', year: 2020, gender: 'T', value: 12.5, status: null },
    ]);
    expect(result.deleted).toEqual([{ indicatorKey: 'U00002', areaCode: 'G96274', year: 2020, gender: 'K' }]);
  });

  it('refuses what is not Kolada’s format, in Swedish', () => {
    const refusal = (text: string) => {
      try {
        parseKoladaValuesFile(text);
      } catch (error) {
        expect(error).toBeInstanceOf(KoladaFormatError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refusal('{"values": [')).toMatch(/^Filen är inte i Koladas format: det är inte giltig JSON/);
    expect(refusal('[]')).toBe('Filen är inte i Koladas format: listan med sidor är tom.');
    expect(refusal('{"count": 1}')).toMatch(/^Filen är inte i Koladas format: values: /);
    expect(refusal('[{"values": []}, 3]')).toBe(
      'Filen är inte i Koladas format (sida 2): en sida ska vara ett objekt med listan values.',
    );
    const item = { kpi: 'N00945', municipality: '0136', period: 'förra året', values: [] };
    expect(refusal(JSON.stringify({ values: [item] }))).toBe(
      'Filen är inte i Koladas format: values[0].period: period ska vara ett årtal med fyra siffror.',
    );
    const female = { ...item, period: 2020, values: [{ gender: 'F', value: 1 }] };
    expect(refusal(JSON.stringify({ values: [female] }))).toBe(
      'Filen är inte i Koladas format: values[0].values[0].gender: okänt kön "F" (T, K eller M väntades).',
    );
    const text = { ...item, period: 2020, values: [{ gender: 'T', value: '12,5' }] };
    expect(refusal(JSON.stringify({ values: [text] }))).toMatch(
      /values\[0\]\.values\[0\]\.value: värdet ska vara ett tal/,
    );
    const noArea = { kpi: 'N00945', period: 2020, values: [] };
    expect(refusal(JSON.stringify({ values: [noArea] }))).toBe(
      'Filen är inte i Koladas format: values[0]: kommun saknas (municipality).',
    );
  });
});
