/**
 * `samverkan kolada sync` against the Kolada replay server (Kolada's real answers, committed in
 * data/kolada/): the use cases on both databases, then the command itself as a child process.
 */
import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, readRepos, type AppContext } from '../../src/app/context.js';
import {
  connectKolada,
  indicatorFromKoladaKpi,
  syncKoladaCatalogue,
  syncKoladaValues,
  type KoladaSyncProgress,
} from '../../src/app/indicators/sync-kolada.js';
import { PUBLIC_PRINCIPAL } from '../../src/domain/auth/policies.js';
import { ANONYMOUS } from '../../src/domain/auth/actor.js';
import { DomainError } from '../../src/domain/errors.js';
import type { IndicatorValue } from '../../src/domain/indicators/indicator.js';
import { KoladaError, type KoladaClientOptions } from '../../src/imports/kolada/kolada-client.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';
import { startKoladaReplayServer, type KoladaReplayServer } from '../support/kolada-replay-server.js';
import { cli } from '../support/cli.js';

/** Stockholm, Göteborg and Malmö: the areas data/kolada/n00945.csv holds N00945 for, 2000–2020. */
const AREAS = ['0180', '1480', '1280'];

const byKey = (a: IndicatorValue, b: IndicatorValue) =>
  a.areaCode.localeCompare(b.areaCode) || a.year - b.year || a.gender.localeCompare(b.gender);

/** N00945 as rKolada saved Kolada's answer: 63 values, status empty. */
async function committedN00945(): Promise<IndicatorValue[]> {
  const text = await readFile(new URL('../../data/kolada/n00945.csv', import.meta.url), 'utf8');
  return (parse(text, { columns: true }) as Record<string, string>[])
    .map((r) => ({
      areaCode: r.municipality_id!,
      year: Number(r.year),
      gender: r.gender as IndicatorValue['gender'],
      value: Number(r.value),
      status: null,
    }))
    .sort(byKey);
}

const expectDomainError = async (promise: Promise<unknown>, code: string): Promise<DomainError> => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
};

describe.each(testDialects)('Kolada sync on %s', (dialect) => {
  let t: TestContext;
  let ctx: AppContext;
  let server: KoladaReplayServer;

  /** A connection to the replay server that does not wait between retries. */
  const connect = (options: KoladaClientOptions = {}) => {
    server.requests.length = 0;
    return connectKolada({ baseUrl: server.url, sleep: async () => undefined, ...options });
  };
  const stored = async (): Promise<IndicatorValue[]> => {
    const repos = readRepos(ctx);
    const indicator = await repos.indicators.byKey('N00945');
    return indicator ? (await repos.indicators.values(indicator.id)).sort(byKey) : [];
  };
  const auditCount = () => readRepos(ctx).audit.count();
  const lastImport = async () => (await readRepos(ctx).indicators.recentImports(1))[0];

  beforeAll(async () => {
    t = await openTestContext(dialect);
    ctx = t.ctx;
    server = await startKoladaReplayServer();
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  it('refuses anyone but the secretariat before asking Kolada anything', async () => {
    const repos = readRepos(ctx);
    const collaboration = (await repos.collaboration.first())!;
    const huddinge = (await repos.collaboration.members(collaboration.id)).find((m) => m.code === '0126')!;
    const officer = actingAs(
      ctx,
      { kind: 'user', userId: 1, name: 'Handläggare i Huddinge' },
      { signedIn: true, grants: [{ role: 'member_officer', memberId: huddinge.id, networkId: null }] },
    );
    const kolada = connect();
    await expectDomainError(syncKoladaValues(officer, kolada, { kpiIds: ['N00945'], areaCodes: AREAS }), 'forbidden');
    await expectDomainError(syncKoladaCatalogue(officer, kolada), 'forbidden');
    const visitor = actingAs(ctx, ANONYMOUS, PUBLIC_PRINCIPAL);
    await expectDomainError(syncKoladaValues(visitor, kolada, { kpiIds: ['N00945'] }), 'unauthenticated');
    expect(server.requests).toEqual([]);
    expect(await readRepos(ctx).indicators.byKey('N00945')).toBeUndefined();
  });

  it('stores the whole catalogue: 6 099 KPIs, 312 areas and 3 630 groups, with one audit event', async () => {
    const before = await auditCount();
    const progress: KoladaSyncProgress[] = [];
    const summary = await syncKoladaCatalogue(ctx, connect(), { onProgress: (p) => progress.push(p) });
    expect(summary).toMatchObject({ kpis: 6099, areas: 312, groups: 3630, requests: 4 });
    expect(server.requests).toEqual([
      '/v3/kpi?per_page=5000',
      '/v3/kpi?page=2&per_page=5000',
      '/v3/municipality?per_page=5000',
      '/v3/municipality_groups?per_page=5000',
    ]);
    expect(progress.map((p) => [p.step, p.done, p.total, p.requests])).toEqual([
      ['kpis', 5000, 6099, 1],
      ['kpis', 6099, 6099, 2],
      ['areas', 312, 312, 3],
      ['groups', 3630, 3630, 4],
    ]);

    const repos = readRepos(ctx);
    expect(await repos.catalogue.kpiCount()).toBe(6099);
    expect(await repos.catalogue.areas()).toHaveLength(312);
    expect(await repos.catalogue.groupCount()).toBe(3630);
    expect(await repos.catalogue.kpi('N00945')).toMatchObject({
      title: 'Tillfälliga föräldrapenningdagar (VAB) som tas ut av män, andel av antal dagar (%)',
      isDividedByGender: false,
      municipalityType: 'A',
      operatingArea: 'Arbetsmarknad',
      publPeriod: '2026',
      publicationDate: '2027-01-16',
    });
    // A KPI without a publication date: null from the client, an empty text in the catalogue.
    expect(await repos.catalogue.kpi('N00820')).toMatchObject({ publPeriod: '', publicationDate: '' });
    expect((await repos.catalogue.group('G96274'))?.members).toEqual([
      '0126',
      '0127',
      '0128',
      '0136',
      '0138',
      '0140',
      '0181',
      '0192',
    ]);
    expect(await auditCount()).toBe(before + 1);
  });

  it('refuses a KPI that is not in the catalogue, or not a KPI id, changing and asking nothing', async () => {
    const before = await auditCount();
    const imports = await readRepos(ctx).indicators.recentImports(100);
    const kolada = connect();
    const error = await expectDomainError(
      syncKoladaValues(ctx, kolada, { kpiIds: ['N00945', 'N99999'], areaCodes: AREAS }),
      'validation_failed',
    );
    expect(error.problems.map((p) => p.message)).toEqual([
      'Nyckeltalet ”N99999” finns inte i Koladas katalog här. Kontrollera id:t, eller uppdatera katalogen från Kolada först.',
    ]);
    const malformed = await expectDomainError(
      syncKoladaValues(ctx, kolada, { kpiIds: ['N0094'], areaCodes: AREAS }),
      'validation_failed',
    );
    expect(malformed.problems[0]!.message).toMatch(/^”N0094” är inte ett id för ett nyckeltal i Kolada/);
    const unknownArea = await expectDomainError(
      syncKoladaValues(ctx, kolada, { kpiIds: ['N00945'], areaCodes: ['0180', '9999'] }),
      'validation_failed',
    );
    expect(unknownArea.problems[0]!.message).toMatch(/^Området ”9999” finns inte i Koladas förteckning/);
    expect(server.requests).toEqual([]);
    expect(await readRepos(ctx).indicators.byKey('N00945')).toBeUndefined();
    expect(await readRepos(ctx).indicators.recentImports(100)).toEqual(imports);
    expect(await auditCount()).toBe(before);
  });

  it('follows the KPI from the catalogue and stores its 63 real values in one import', async () => {
    const before = await auditCount();
    const progress: KoladaSyncProgress[] = [];
    const summary = await syncKoladaValues(ctx, connect(), {
      kpiIds: ['n00945'],
      areaCodes: AREAS,
      onProgress: (p) => progress.push(p),
    });
    expect(summary).toMatchObject({
      status: 'succeeded',
      rowsRead: 63,
      rowsChanged: 63,
      rowsDeleted: 0,
      indicatorKeys: ['N00945'],
      indicatorsCreated: ['N00945'],
      requests: 1,
    });
    expect(summary.durationMs).toBeGreaterThan(0);
    expect(server.requests).toEqual(['/v3/data/kpi/N00945/municipality/0180,1480,1280?per_page=5000']);
    expect(progress).toEqual([{ step: 'values', done: 63, total: 63, requests: 1 }]);

    expect(await stored()).toEqual(await committedN00945());
    const indicator = (await readRepos(ctx).indicators.byKey('N00945'))!;
    expect(indicator).toMatchObject({
      origin: 'kolada',
      title: 'Tillfälliga föräldrapenningdagar (VAB) som tas ut av män, andel av antal dagar (%)',
      definition: expect.stringMatching(/^Andel tillfällig föräldrapenning/),
      // A share "av antal dagar" is still a share: percent, averaged.
      unit: 'procent',
      decimals: 1,
      aggregation: 'mean',
      weightKey: null,
      byGender: false,
      source: 'Kolada (RKA), https://www.kolada.se/, KPI N00945',
      licence: 'Fri användning med källhänvisning: Källa: Kolada',
    });
    expect(await lastImport()).toMatchObject({
      id: summary.importId,
      kind: 'kolada_api',
      sourceName: `${server.url}: N00945`,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      status: 'succeeded',
      rowsRead: 63,
      rowsChanged: 63,
    });
    const events = await readRepos(ctx).audit.list(
      { entityType: 'indicator', entityId: String(indicator.id) },
      { entityType: 'indicator_import', entityId: String(summary.importId) },
    );
    expect(events.map((e) => [e.action, e.summary])).toEqual([
      [
        'indicator.defined',
        'Började följa Koladas nyckeltal N00945 ”Tillfälliga föräldrapenningdagar (VAB) som tas ut av män, andel av antal dagar (%)”.',
      ],
      [
        'indicator_values.imported',
        `Läste in nyckeltalsvärden från Koladas API ”${server.url}: N00945”: 63 nya eller ändrade, 0 borttagna.`,
      ],
    ]);
    expect(await auditCount()).toBe(before + 2);
  });

  it('changes nothing when the same values are fetched again: unchanged, same checksum, no audit event', async () => {
    const first = await lastImport();
    const before = await auditCount();
    const summary = await syncKoladaValues(ctx, connect(), { kpiIds: ['N00945'], areaCodes: AREAS });
    expect(summary).toMatchObject({
      status: 'unchanged',
      rowsRead: 63,
      rowsChanged: 0,
      rowsDeleted: 0,
      indicatorKeys: [],
      indicatorsCreated: [],
    });
    expect(await lastImport()).toMatchObject({ status: 'unchanged', sha256: first!.sha256 });
    expect(await auditCount()).toBe(before);
    expect(await stored()).toEqual(await committedN00945());
  });

  it('asks for the members and comparison areas when no areas are given', async () => {
    const summary = await syncKoladaValues(ctx, connect(), { kpiIds: ['N00945'] });
    const [request] = server.requests;
    const areas = decodeURIComponent(request!.split('/municipality/')[1]!.split('?')[0]!).split(',');
    expect(areas.sort()).toEqual(['0000', '0001', '0126', '0127', '0128', '0136', '0138', '0140', '0181', '0192']);
    // The committed data has N00945 only for the three big cities.
    expect(summary).toMatchObject({ status: 'unchanged', rowsRead: 0 });
  });

  it('keeps a missing value as null with its status, never 0', async () => {
    server.setUpdates({
      at: '2026-05-05',
      updated: [{ kpi: 'N00945', area: '1280', year: 2020, gender: 'T', value: null, status: 'Missing' }],
    });
    const summary = await syncKoladaValues(ctx, connect(), { kpiIds: ['N00945'], areaCodes: AREAS });
    expect(summary).toMatchObject({ status: 'succeeded', rowsRead: 63, rowsChanged: 1 });
    const malmo2020 = (await stored()).find((v) => v.areaCode === '1280' && v.year === 2020);
    expect(malmo2020).toEqual({ areaCode: '1280', year: 2020, gender: 'T', value: null, status: 'Missing' });
  });

  it('applies an incremental sync from a date: changed values and deletions, nothing else', async () => {
    server.setUpdates({
      at: '2026-06-01',
      updated: [{ kpi: 'N00945', area: '0180', year: 2019, gender: 'T', value: 30.5 }],
      deleted: [{ kpi: 'N00945', area: '1480', year: 2000, gender: 'T' }],
    });
    const before = await stored();
    const summary = await syncKoladaValues(ctx, connect(), {
      kpiIds: ['N00945'],
      areaCodes: AREAS,
      fromDate: '2026-06-01',
    });
    expect(server.requests).toEqual([
      '/v3/data/kpi/N00945/municipality/0180,1480,1280?per_page=5000&from_date=2026-06-01',
    ]);
    expect(summary).toMatchObject({ status: 'succeeded', rowsRead: 1, rowsChanged: 1, rowsDeleted: 1 });
    expect(await lastImport()).toMatchObject({
      sourceName: `${server.url}: N00945, ändringar sedan 2026-06-01`,
      rowsDeleted: 1,
    });
    const expected = before
      .filter((v) => !(v.areaCode === '1480' && v.year === 2000))
      .map((v) => (v.areaCode === '0180' && v.year === 2019 ? { ...v, value: 30.5 } : v));
    expect(await stored()).toEqual(expected);
    expect(expected).toHaveLength(62);
  });

  describe('when Kolada fails after the retries, the previous values stay exactly as they were', () => {
    let previous: IndicatorValue[];

    beforeAll(async () => {
      previous = await stored();
      // A change waits at Kolada, so a sync that stored anything at all would show.
      server.setUpdates({
        at: '2026-07-01',
        updated: [{ kpi: 'N00945', area: '0180', year: 2000, gender: 'T', value: 99.9 }],
      });
    });

    const expectFailedAndKept = async (promise: Promise<unknown>, message: RegExp) => {
      const before = await auditCount();
      const error = await promise.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KoladaError);
      expect((error as Error).message).toMatch(message);
      expect(await stored()).toEqual(previous);
      expect(await lastImport()).toMatchObject({
        kind: 'kolada_api',
        sourceName: `${server.url}: N00945`,
        sha256: null,
        status: 'failed',
        rowsChanged: 0,
        rowsDeleted: 0,
        message: expect.stringContaining(`Hämtningen från Kolada misslyckades: ${(error as Error).message}`),
      });
      expect(await auditCount()).toBe(before);
    };

    it('503 on every attempt', async () => {
      server.failNext(4, 503);
      await expectFailedAndKept(
        syncKoladaValues(ctx, connect({ maxRetries: 3 }), { kpiIds: ['N00945'], areaCodes: AREAS }),
        /^Kolada svarade 503 på .*\/data\/kpi\/N00945\/municipality\/0180,1480,1280\?per_page=5000 efter 4 försök\.$/,
      );
      expect(server.requests).toHaveLength(4);
    });

    it('cut-off JSON on every attempt', async () => {
      server.failNext(2, 'cut');
      await expectFailedAndKept(
        syncKoladaValues(ctx, connect({ maxRetries: 1 }), { kpiIds: ['N00945'], areaCodes: AREAS }),
        /^Kolada skickade ett avbrutet eller ogiltigt JSON-svar på .* efter 2 försök\.$/,
      );
    });

    it('a failure on the second page, after the first page (holding the change) came', async () => {
      server.rewriteNextLink((link) => link.replace('/v3/data/', '/v3/borta/'));
      try {
        await expectFailedAndKept(
          syncKoladaValues(ctx, connect({ perPage: 20 }), { kpiIds: ['N00945'], areaCodes: AREAS }),
          /^Kolada svarade 404 på .*\/v3\/borta\/kpi\/N00945/,
        );
        expect(server.requests).toHaveLength(2);
        expect((await lastImport())!.rowsRead).toBe(20);
      } finally {
        server.rewriteNextLink(null);
      }
    });

    it('and the next sync that gets through applies the change across all pages', async () => {
      const summary = await syncKoladaValues(ctx, connect({ perPage: 20 }), { kpiIds: ['N00945'], areaCodes: AREAS });
      expect(summary).toMatchObject({ status: 'succeeded', rowsRead: 62, rowsChanged: 1, requests: 4 });
      expect((await stored()).find((v) => v.areaCode === '0180' && v.year === 2000)?.value).toBe(99.9);
    });
  });
});

describe('the definition guessed for a Kolada KPI', () => {
  const kpi = (title: string, isDividedByGender = false) =>
    indicatorFromKoladaKpi({
      id: 'N00001',
      title,
      description: '',
      isDividedByGender,
      municipalityType: 'K',
      operatingArea: '',
      auspice: '',
      publPeriod: '',
      publicationDate: '',
    });

  it('reads unit and aggregation from the title', () => {
    expect(kpi('Invånare 25-64 år med eftergymnasial utbildning, andel (%)', true)).toMatchObject({
      unit: 'procent',
      aggregation: 'mean',
      byGender: true,
      definition: 'Invånare 25-64 år med eftergymnasial utbildning, andel (%)',
    });
    expect(kpi('Nettokostnad grundskola, kr/inv')).toMatchObject({ unit: 'kronor per invånare', aggregation: 'mean' });
    expect(kpi('Invånare totalt, antal')).toMatchObject({ unit: '', aggregation: 'sum' });
    expect(kpi('Medelålder, år')).toMatchObject({ unit: '', aggregation: 'mean', decimals: 1 });
  });
});

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('samverkan kolada sync as a command (SQLite file)', { timeout: 120_000 }, () => {
  let dir: string;
  let file: string;
  let server: KoladaReplayServer;
  const sql = <T>(query: string): T => {
    const db = new SQLite(file, { readonly: true });
    try {
      return db.prepare(query).get() as T;
    } finally {
      db.close();
    }
  };
  const n00945Values = () =>
    sql<{ n: number }>(
      `select count(*) as n from indicator_values v join indicators i on i.id = v.indicator_id where i.key = 'N00945'`,
    ).n;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samverkan-kolada-'));
    file = join(dir, 'demo.sqlite');
    server = await startKoladaReplayServer();
    expect((await cli(file, 'seed')).stdout).toContain('Demodata inlästa.');
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('explains, and fails, when no KPI is named and none is followed yet', async () => {
    const run = await cli(file, 'kolada', 'sync', '--base-url', server.url);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Inga nyckeltal från Kolada följs ännu');
    expect(run.stderr).toContain('--kpi N00945,N01951');
    expect(server.requests).toEqual([]);
  });

  it('fetches the catalogue and the values, with progress on stderr and a Swedish summary', async () => {
    const run = await cli(
      file,
      'kolada',
      'sync',
      '--catalogue',
      '--kpi',
      'N00945',
      '--area',
      AREAS.join(','),
      '--base-url',
      server.url,
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^Katalogen uppdaterad: 6\u00a0099 nyckeltal, 312 kommuner och regioner, 3\u00a0630 kommungrupper, 4 anrop, \d+,\d s\.$/,
    );
    expect(lines[1]).toBe('Följer nu Koladas nyckeltal N00945.');
    expect(lines[2]).toMatch(/^Klart: 63 värden lästa, 63 nya eller ändrade, 0 borttagna, 1 anrop, \d+,\d s\.$/);
    expect(lines).toHaveLength(3);
    // Not a terminal: plain progress lines instead of a bar.
    expect(run.stderr).toContain('Nyckeltal: 6\u00a0099 av 6\u00a0099 (2 anrop)');
    expect(run.stderr).toContain('Värden: 63 av 63 (1 anrop)');
    expect(n00945Values()).toBe(63);
  });

  it('fetches the followed KPIs when none is named, and says when nothing changed', async () => {
    const run = await cli(file, 'kolada', 'sync', '--area', AREAS.join(','), '--base-url', server.url);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Klart: 63 värden lästa, 0 nya eller ändrade, 0 borttagna, 1 anrop, \d+,\d s\.\n/);
    expect(run.stdout).toContain('Inget ändrades: värdena var redan aktuella.');
  });

  it('says Kolada could not be reached and that the values fetched before are kept', async () => {
    const port = await closedPort();
    const run = await cli(
      file,
      'kolada',
      'sync',
      '--kpi',
      'N00945',
      '--area',
      '0180',
      '--retries',
      '0',
      '--base-url',
      `http://127.0.0.1:${port}/v3`,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Koladas API kunde inte nås. Kolada gick inte att nå på http://127.0.0.1:');
    expect(run.stderr).toContain('Inga värden har ändrats: de som hämtats tidigare finns kvar');
    expect(n00945Values()).toBe(63);
    const failed = sql<{ status: string; message: string }>(
      'select status, message from indicator_imports order by id desc limit 1',
    );
    expect(failed.status).toBe('failed');
    expect(failed.message).toContain('Kolada gick inte att nå');
  });

  it('refuses a KPI the catalogue does not have, with exit code 1', async () => {
    const run = await cli(file, 'kolada', 'sync', '--kpi', 'N99999', '--area', '0180', '--base-url', server.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Nyckeltalet ”N99999” finns inte i Koladas katalog här.');
  });
});
