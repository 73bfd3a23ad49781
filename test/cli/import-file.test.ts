/**
 * `samverkan import <file>` and the use case behind it (also the web upload's): CSV as Swedish Excel
 * writes it, a Kolada JSON file saved from the API, bad files, and who may import what.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, readRepos, type AppContext } from '../../src/app/context.js';
import { addUser } from '../../src/app/auth/users.js';
import { importValuesFile } from '../../src/app/indicators/import-file.js';
import { followKoladaKpis } from '../../src/app/indicators/sync-kolada.js';
import { DomainError } from '../../src/domain/errors.js';
import type { IndicatorValue } from '../../src/domain/indicators/indicator.js';
import { seedKoladaCatalogue } from '../../src/seed/seed-catalogue.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';
import { startKoladaReplayServer } from '../support/kolada-replay-server.js';
import { cli } from '../support/cli.js';

const EDUCATION = 'sm-eftergymnasial-3ar-25-64';

/** Windows-1252, as Swedish Excel saves "CSV (semikolonavgränsad)": å, ä, ö and the en dash are one byte each. */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    if (ch === '\u2013') return 0x96;
    const code = ch.charCodeAt(0);
    if (code > 0xff || (code >= 0x80 && code < 0xa0)) throw new Error(`${ch} finns inte i testets Windows-1252`);
    return code;
  });
}

/** Neighbours of Södertörn (not members, so the demo has no values for them), as users name them. */
const NEIGHBOURS: [code: string, name: string][] = [
  ['0114', 'Upplands Väsby'],
  ['0117', 'Österåkers kommun'],
  ['0120', 'Värmdö'],
  ['0123', 'Järfälla kommun'],
  ['0125', 'Ekerö'],
  ['0160', 'Täby'],
  ['0186', 'Lidingö stad'],
];

/**
 * The real share with at least three years of post-secondary education, aged 25–64 (SCB via
 * Södertörnsmodellen, data/sodertornsmodellen/), in percent with one decimal as a table shows it.
 */
async function educationShares(years: number[]): Promise<{ code: string; year: number; value: number }[]> {
  const text = await readFile(
    new URL(
      '../../data/sodertornsmodellen/ddf--datapoints--post_secondary_education_min_3_years_aged_25_64--by--municipality--year.csv',
      import.meta.url,
    ),
    'utf8',
  );
  const rows = parse(text, { from_line: 2 }) as [string, string, string][];
  const wanted = new Set(NEIGHBOURS.map(([code]) => code));
  return rows
    .filter(([geo, year]) => wanted.has(geo.slice(0, 4)) && years.includes(Number(year)))
    .map(([geo, year, share]) => ({
      code: geo.slice(0, 4),
      year: Number(year),
      value: Math.round(Number(share) * 1000) / 10,
    }));
}

async function educationCsv(): Promise<{ bytes: Uint8Array; expected: IndicatorValue[] }> {
  const shares = await educationShares([2013, 2014]);
  const names = new Map(NEIGHBOURS);
  const lines = [
    'Andel 25–64 år med minst tre års eftergymnasial utbildning, procent',
    'Kommun;År;Värde',
    ...shares.map((s) => `${names.get(s.code)};${s.year};${s.value.toFixed(1).replace('.', ',')}`),
    'Källa: SCB (Södertörnsmodellen)',
  ];
  return {
    bytes: windows1252(`${lines.join('\r\n')}\r\n`),
    expected: shares.map((s) => ({
      areaCode: s.code,
      year: s.year,
      gender: 'T' as const,
      value: s.value,
      status: null,
    })),
  };
}

const BAD_CSV = [
  'Kommun;År;Värde',
  'Järfälla;2012;25,1',
  'Ankeborg;2012;3,0',
  'Täby;tolv;40,0',
  'Ekerö;2012;mycket',
  'Värmdö;2012;',
].join('\r\n');

const byKey = (a: IndicatorValue, b: IndicatorValue) =>
  a.areaCode.localeCompare(b.areaCode) || a.year - b.year || a.gender.localeCompare(b.gender);

const refusal = async (promise: Promise<unknown>): Promise<DomainError> => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

describe.each(testDialects)('importing a values file on %s', (dialect) => {
  let t: TestContext;
  let ctx: AppContext;

  const valuesOf = async (key: string, areaCodes: string[]) => {
    const repos = readRepos(ctx);
    const indicator = (await repos.indicators.byKey(key))!;
    return (await repos.indicators.values(indicator.id, { areaCodes })).sort(byKey);
  };
  const neighbours = NEIGHBOURS.map(([code]) => code);
  const auditCount = () => readRepos(ctx).audit.count();
  const imports = () => readRepos(ctx).indicators.recentImports(100);

  beforeAll(async () => {
    t = await openTestContext(dialect);
    ctx = t.ctx;
  });
  afterAll(() => t?.close());

  it('reads a Windows-1252 CSV with semicolons and decimal commas into a local indicator', async () => {
    const { bytes, expected } = await educationCsv();
    expect(expected).toHaveLength(14);
    expect(await valuesOf(EDUCATION, neighbours)).toEqual([]);
    const before = await auditCount();
    const summary = await importValuesFile(ctx, { bytes, fileName: 'eftergymnasial.csv', indicatorKey: EDUCATION });
    expect(summary).toMatchObject({
      kind: 'csv',
      status: 'succeeded',
      rowsRead: 14,
      rowsChanged: 14,
      rowsDeleted: 0,
      indicatorKeys: [EDUCATION],
    });
    expect(await valuesOf(EDUCATION, neighbours)).toEqual(expected.sort(byKey));
    // Österåker 2014: 24.37… % in the source, 24,4 in the file.
    expect((await valuesOf(EDUCATION, ['0117'])).find((v) => v.year === 2014)?.value).toBe(24.4);
    expect((await imports())[0]).toMatchObject({
      id: summary.importId,
      kind: 'csv',
      sourceName: 'eftergymnasial.csv',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      status: 'succeeded',
    });
    expect(await auditCount()).toBe(before + 1);
  });

  it('changes nothing when the same file is read again', async () => {
    const { bytes, expected } = await educationCsv();
    const before = await auditCount();
    const summary = await importValuesFile(ctx, { bytes, fileName: 'eftergymnasial.csv', indicatorKey: EDUCATION });
    expect(summary).toMatchObject({ status: 'unchanged', rowsRead: 14, rowsChanged: 0 });
    expect(await valuesOf(EDUCATION, neighbours)).toEqual(expected.sort(byKey));
    expect(await auditCount()).toBe(before);
  });

  it('reports every error of a bad file with its line, and stores nothing', async () => {
    const before = {
      audit: await auditCount(),
      imports: await imports(),
      values: await valuesOf(EDUCATION, neighbours),
    };
    const error = await refusal(
      importValuesFile(ctx, { bytes: windows1252(BAD_CSV), fileName: 'fel.csv', indicatorKey: EDUCATION }),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Uppgifterna innehåller 3 fel. Rätta dem och försök igen.');
    expect(error.problems).toEqual([
      { field: 'fil.3', message: 'Rad 3: kommunen "Ankeborg" finns inte.' },
      { field: 'fil.4', message: expect.stringMatching(/^Rad 4: året "tolv" är inte ett årtal/) },
      { field: 'fil.5', message: expect.stringMatching(/^Rad 5: värdet "mycket" är inte ett tal/) },
    ]);
    // Järfälla 2012 on line 2 was fine, but a file is read in full or not at all.
    expect(await valuesOf(EDUCATION, neighbours)).toEqual(before.values);
    expect(await imports()).toEqual(before.imports);
    expect(await auditCount()).toBe(before.audit);
  });

  it('refuses a file that is neither a table nor Kolada JSON, and JSON that is not Kolada’s', async () => {
    const pdf = await refusal(
      importValuesFile(ctx, { bytes: new TextEncoder().encode('%PDF-1.7\n'), fileName: 'rapport.pdf' }),
    );
    expect(pdf.problems).toEqual([{ field: 'fil', message: expect.stringContaining('Filen är en PDF') }]);
    const json = await refusal(
      importValuesFile(ctx, { bytes: new TextEncoder().encode('\uFEFF  {"values": [1, '), fileName: 'kolada.json' }),
    );
    expect(json.problems).toEqual([
      { field: 'fil', message: expect.stringMatching(/^Filen är inte i Koladas format: det är inte giltig JSON/) },
    ]);
  });

  it('reads a Kolada JSON file saved from the API, once its KPI is followed', async () => {
    const server = await startKoladaReplayServer();
    let text: string;
    try {
      text = await (await fetch(`${server.url}/data/kpi/N00945/municipality/0180,1480,1280`)).text();
    } finally {
      await server.close();
    }
    const bytes = new TextEncoder().encode(text);
    const upload = { bytes, fileName: 'N00945.json' };

    const notFollowed = await refusal(importValuesFile(ctx, upload));
    expect(notFollowed.problems[0]).toEqual({
      field: 'rader.0',
      message: 'Nyckeltalet ”N00945” finns inte här. Lägg till det innan värden läses in.',
    });

    await seedKoladaCatalogue(ctx);
    expect(await followKoladaKpis(ctx, ['N00945'])).toEqual(['N00945']);
    const summary = await importValuesFile(ctx, upload);
    expect(summary).toMatchObject({ kind: 'kolada_file', status: 'succeeded', rowsRead: 63, rowsChanged: 63 });
    const stored = await valuesOf('N00945', ['0180', '1480', '1280']);
    expect(stored).toHaveLength(63);
    expect(stored.find((v) => v.areaCode === '0180' && v.year === 2000)).toEqual({
      areaCode: '0180',
      year: 2000,
      gender: 'T',
      value: 31.32959689,
      status: null,
    });
    expect((await imports())[0]).toMatchObject({ kind: 'kolada_file', sourceName: 'N00945.json' });
    expect(await importValuesFile(ctx, upload)).toMatchObject({ status: 'unchanged', rowsChanged: 0 });

    const wrongKey = await refusal(importValuesFile(ctx, { ...upload, indicatorKey: EDUCATION }));
    expect(wrongKey.problems[0]!.message).toContain('inte bara för det valda nyckeltalet');
  });

  it('lets a member officer import their own municipality’s values, and nobody else’s', async () => {
    const userId = await addUser(ctx, {
      email: 'handlaggare@huddinge.example',
      name: 'Handläggare Huddinge',
      role: 'member_officer',
      member: '0126',
    });
    const user = (await readRepos(ctx).users.byId(userId))!;
    const officer = actingAs(ctx, { kind: 'user', userId, name: user.name }, { signedIn: true, grants: user.grants });
    // Huddinge's population on 31 December (SCB via Södertörnsmodellen), as a wide table.
    const own = windows1252('Kommun;2012;2013;2014\r\nHuddinge kommun;101 010;102 557;104 185\r\n');
    const summary = await importValuesFile(officer, {
      bytes: own,
      fileName: 'folkmangd.csv',
      indicatorKey: 'sm-folkmangd',
    });
    // The demo holds the same figures already.
    expect(summary).toMatchObject({ status: 'unchanged', rowsRead: 3, rowsChanged: 0 });
    expect((await imports())[0]).toMatchObject({ userId, sourceName: 'folkmangd.csv' });

    const before = await valuesOf('sm-folkmangd', ['0126', '0127']);
    const foreign = windows1252('Kommun;2015\r\nHuddinge;1\r\nBotkyrka;2\r\n');
    const error = await refusal(
      importValuesFile(officer, { bytes: foreign, fileName: 'grannen.csv', indicatorKey: 'sm-folkmangd' }),
    );
    expect(error.code).toBe('foreign_member');
    expect(error.message).toContain('filen innehåller värden för 0127');
    expect(await valuesOf('sm-folkmangd', ['0126', '0127'])).toEqual(before);
  });

  it('reads no file for someone who may import nothing', async () => {
    const reader = actingAs(
      ctx,
      { kind: 'user', userId: 1, name: 'Läsare' },
      { signedIn: true, grants: [{ role: 'reader', memberId: null, networkId: null }] },
    );
    const error = await refusal(importValuesFile(reader, { bytes: windows1252(BAD_CSV), fileName: 'fel.csv' }));
    expect(error.code).toBe('forbidden');
  });
});

describe('samverkan import as a command (SQLite file)', { timeout: 120_000 }, () => {
  let dir: string;
  let database: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samverkan-import-'));
    database = join(dir, 'demo.sqlite');
    expect((await cli(database, 'seed')).stdout).toContain('Demodata inlästa.');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints the errors with their lines and exits with 1, then imports the corrected file', async () => {
    const bad = join(dir, 'fel.csv');
    writeFileSync(bad, windows1252(BAD_CSV));
    const failed = await cli(database, 'import', bad, '--indicator', EDUCATION);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toContain('Uppgifterna innehåller 3 fel.');
    expect(failed.stderr).toContain('  Rad 3: kommunen "Ankeborg" finns inte.');
    expect(failed.stderr).toMatch(/ {2}Rad 4: året "tolv"/);
    expect(failed.stderr).toMatch(/ {2}Rad 5: värdet "mycket"/);
    expect(failed.stderr).toContain('Inget sparades.');

    const good = join(dir, 'eftergymnasial.csv');
    writeFileSync(good, (await educationCsv()).bytes);
    const run = await cli(database, 'import', good, '--indicator', EDUCATION);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('Klart (CSV-fil): 14 värden lästa, 14 nya eller ändrade, 0 borttagna.\n');
  });
});
