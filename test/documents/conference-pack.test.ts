/**
 * The key-indicator conference pack on both databases, built from the demo: the thirteen service areas
 * in order, every Kolada id real, the demo's local indicators ranked with the group's figures, Kolada's
 * without values saying how to fetch them, and nothing the renderers would print as "undefined".
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KOLADA_NO_VALUES_TEXT, getConferencePack } from '../../src/app/documents/conference-pack.js';
import { CONFERENCE_PACK_SET, conferencePackKoladaIds } from '../../src/app/documents/conference-pack-set.js';
import { readRepos } from '../../src/app/context.js';
import { importValues } from '../../src/app/indicators/import-values.js';
import { indicatorFromKoladaKpi } from '../../src/app/indicators/sync-kolada.js';
import type { Block, DocumentModel } from '../../src/documents/document-model.js';
import { formatNumber } from '../../src/domain/format-sv.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { testDialects } from '../support/databases.js';

const AREAS = [
  'Ekonomi',
  'Förskola',
  'Grundskola',
  'Gymnasieskola',
  'Äldreomsorg',
  'Funktionsnedsättning',
  'Individ- och familjeomsorg',
  'Kultur och fritid',
  'Gator och vägar',
  'Vatten och avlopp',
  'Lokaler',
  'Miljö',
  'SCB:s medborgarundersökning',
];
const MEMBERS = ['Huddinge', 'Botkyrka', 'Salem', 'Haninge', 'Tyresö', 'Nykvarn', 'Södertälje', 'Nynäshamn'];
const MEMBER_CODES = ['0126', '0127', '0128', '0136', '0138', '0140', '0181', '0192'];

/** A row of Kolada's catalogue as shipped (data/kolada/kpi_df.csv, written by R's write.csv). */
interface CatalogueRow {
  id: string;
  title: string;
  description: string;
  is_divided_by_gender: string;
  municipality_type: string;
  auspice: string;
  operating_area: string;
  publ_period: string;
  publication_date: string;
}

const catalogue = new Map(
  (
    parse(readFileSync(new URL('../../data/kolada/kpi_df.csv', import.meta.url), 'utf8'), {
      columns: true,
    }) as CatalogueRow[]
  ).map((r) => [r.id, r]),
);

/** The demo's employment rate (Södertörnsmodellen, share 0–1) for a member in its last year, in percent. */
function employmentRate(code: string): { year: number; percent: number } {
  const rows = parse(
    readFileSync(
      new URL(
        '../../data/sodertornsmodellen/ddf--datapoints--employment_rate_20_64--by--municipality--year.csv',
        import.meta.url,
      ),
      'utf8',
    ),
    { from_line: 2 },
  ) as string[][];
  const mine = rows.filter((r) => r[0]!.startsWith(`${code}_`)).sort((a, b) => Number(a[1]) - Number(b[1]));
  const last = mine.at(-1)!;
  return { year: Number(last[1]), percent: Number(last[2]) * 100 };
}

/** "1 234,5" → 1234.5 */
const swedishNumber = (text: string) =>
  Number(
    text
      .replace(/[\s\u00a0]/g, '')
      .replace(',', '.')
      .replace('−', '-'),
  );

/** The blocks under the level-3 heading `title`, up to the next heading. */
function section(doc: DocumentModel, title: string): Block[] {
  const start = doc.blocks.findIndex((b) => b.kind === 'heading' && b.level === 3 && b.text === title);
  expect(start, `rubriken ${title}`).toBeGreaterThanOrEqual(0);
  const rest = doc.blocks.slice(start + 1);
  const end = rest.findIndex((b) => b.kind === 'heading');
  return end === -1 ? rest : rest.slice(0, end);
}

const figureOf = (blocks: Block[]) => blocks.find((b) => b.kind === 'figure');

describe('the indicator set', () => {
  it('has the thirteen service areas in order, each with 2–4 Kolada KPIs that exist in the catalogue', () => {
    expect(CONFERENCE_PACK_SET.map((a) => a.name)).toEqual(AREAS);
    for (const area of CONFERENCE_PACK_SET) {
      const kolada = area.indicators.filter((i) => i.source === 'kolada');
      expect(kolada.length, area.name).toBeGreaterThanOrEqual(2);
      expect(kolada.length, area.name).toBeLessThanOrEqual(4);
    }
    const ids = conferencePackKoladaIds();
    expect(new Set(ids).size).toBe(ids.length);
    for (const area of CONFERENCE_PACK_SET)
      for (const i of area.indicators) {
        if (i.source !== 'kolada') continue;
        const kpi = catalogue.get(i.kpiId);
        expect(kpi, i.kpiId).toBeDefined();
        expect(i.title, i.kpiId).toBe(kpi!.title);
        expect(kpi!.municipality_type, i.kpiId).toMatch(/^[KA]$/);
      }
  });

  it('takes the citizen survey area from SCB’s medborgarundersökning', () => {
    const survey = CONFERENCE_PACK_SET.find((a) => a.name === 'SCB:s medborgarundersökning')!;
    for (const i of survey.indicators) {
      expect(i.source).toBe('kolada');
      if (i.source === 'kolada') expect(catalogue.get(i.kpiId)!.description).toMatch(/medborgarundersökning/i);
    }
  });
});

describe.each(testDialects)('the conference pack on %s', (dialect) => {
  let t: TestContext;
  let doc: DocumentModel;
  beforeAll(async () => {
    t = await openTestContext(dialect);
    doc = await getConferencePack(t.ctx, 2027);
  });
  afterAll(() => t?.close());

  it('has the cover, the header facts, a contents block and the sources', () => {
    expect(doc).toMatchObject({
      kind: 'conference-pack',
      title: 'Nyckeltalskonferensen 2027',
      subtitle: 'Jämförelser mellan Södertörnskommunerna',
      issuer: 'Södertörnssamarbetet',
      date: '2026-11-27',
      fileName: 'nyckeltalskonferensen-2027-2026-11-27',
    });
    expect(doc.header.map((h) => h.term)).toEqual(expect.arrayContaining(['Datum', 'Kommuner', 'Antal nyckeltal']));
    const kommuner = doc.header.find((h) => h.term === 'Kommuner')!.value as string;
    for (const name of MEMBERS) expect(kommuner).toContain(name);
    const count = CONFERENCE_PACK_SET.flatMap((a) => a.indicators).length;
    expect(doc.header.find((h) => h.term === 'Antal nyckeltal')!.value).toMatch(new RegExp(`^${count} `));
    expect(doc.blocks.filter((b) => b.kind === 'contents')).toHaveLength(1);
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.style === 'lead')).toBe(true);
    expect(doc.sources.some((s) => s.includes('Källa: Kolada') && s.includes('kolada.se'))).toBe(true);
    expect(doc.sources.some((s) => s.includes('Södertörnsmodellen (SCB)'))).toBe(true);
  });

  it('says that it builds on the demo', () => {
    const notice = doc.blocks.find((b) => b.kind === 'notice');
    expect(notice).toMatchObject({ kind: 'notice', text: expect.stringMatching(/^Exempel: .*demodata/) });
  });

  it('has one level-2 heading with an id per service area, in the set’s order', () => {
    const headings = doc.blocks.filter((b) => b.kind === 'heading' && b.level === 2);
    expect(headings.map((h) => (h.kind === 'heading' ? h.text : ''))).toEqual(AREAS);
    expect(headings.every((h) => h.kind === 'heading' && /^[a-z][a-z0-9-]*$/.test(h.id ?? ''))).toBe(true);
    // Every indicator has its level-3 heading.
    const h3 = doc.blocks.filter((b) => b.kind === 'heading' && b.level === 3);
    expect(h3).toHaveLength(CONFERENCE_PACK_SET.flatMap((a) => a.indicators).length);
  });

  it('ranks the eight members on a demo indicator, with the group’s figures, region and nation', () => {
    const blocks = section(doc, 'Sysselsättningsgrad 20–64 år');
    const figure = figureOf(blocks);
    if (figure?.kind !== 'figure') throw new Error('figur saknas');
    expect(figure.svg).toMatch(/^<svg[^>]*role="img"/);
    expect(figure.alt).toMatch(/Högst har /);
    const rows = figure.table.rows;
    const memberRows = rows.slice(0, 8);
    expect(memberRows.map((r) => r[1]).sort()).toEqual([...MEMBERS].sort());
    expect(memberRows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const values = memberRows.map((r) => swedishNumber(r[2]!));
    expect(values.every(Number.isFinite)).toBe(true);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    expect(rows.slice(8).map((r) => r[1])).toEqual([
      'Södertörnskommunerna, ovägt medelvärde',
      'Södertörnskommunerna, befolkningsviktat medelvärde',
      'Stockholms län (Region Stockholm)',
      'Riket',
    ]);
    const unweighted = swedishNumber(rows[8]![2]!);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(Math.abs(unweighted - mean)).toBeLessThanOrEqual(0.06);

    // The figures are the demo's: Huddinge's share in the last year of the series, in Swedish format.
    const huddinge = employmentRate('0126');
    expect(memberRows.find((r) => r[1] === 'Huddinge')![2]).toBe(formatNumber(huddinge.percent, { decimals: 1 }));
    expect(figure.table.caption).toContain(String(huddinge.year));
    const facts = blocks.find((b) => b.kind === 'facts');
    expect(facts).toMatchObject({
      items: expect.arrayContaining([
        { term: 'Källa', value: expect.stringContaining('Södertörnsmodellen (SCB)') },
        { term: 'År', value: `${huddinge.year} (senaste år med värden)` },
      ]),
    });
  });

  it('shows the exact empty state, and no figure, for a Kolada indicator without values', () => {
    const title = catalogue.get('N03102')!.title;
    const blocks = section(doc, title);
    expect(blocks[0]).toEqual({ kind: 'paragraph', content: KOLADA_NO_VALUES_TEXT });
    expect(KOLADA_NO_VALUES_TEXT).toBe('Inga värden ännu — kör `samverkan kolada sync`');
    expect(figureOf(blocks)).toBeUndefined();
    expect(blocks.find((b) => b.kind === 'facts')).toMatchObject({
      items: [{ term: 'Källa', value: `Kolada, KPI N03102: ${title}` }],
    });
    // No Kolada indicator of the demo has values, so none has a figure.
    const figures = doc.blocks.filter((b) => b.kind === 'figure');
    expect(figures).toHaveLength(2);
  });

  it('prints no undefined, NaN or [object anywhere', () => {
    const json = JSON.stringify(doc);
    expect(json).not.toMatch(/undefined|NaN|\[object/);
  });

  it('shows the latest year with values up to the year before the conference', async () => {
    const pack = await getConferencePack(t.ctx, 2006);
    const figure = figureOf(section(pack, 'Sysselsättningsgrad 20–64 år'));
    if (figure?.kind !== 'figure') throw new Error('figur saknas');
    expect(figure.table.caption).toMatch(/ 2005 /);
    const facts = section(pack, 'Sysselsättningsgrad 20–64 år').find((b) => b.kind === 'facts');
    expect(facts).toMatchObject({ items: expect.arrayContaining([{ term: 'År', value: '2005' }]) });
    await expect(getConferencePack(t.ctx, Number.NaN)).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('ranks a followed Kolada KPI once it has values, and keeps the empty state for one without', async () => {
    const repos = readRepos(t.ctx);
    const kpi = (id: string) => {
      const r = catalogue.get(id)!;
      return indicatorFromKoladaKpi({
        id,
        title: r.title,
        description: r.description,
        isDividedByGender: r.is_divided_by_gender === 'TRUE',
        municipalityType: r.municipality_type,
        operatingArea: r.operating_area,
        auspice: r.auspice,
        publPeriod: r.publ_period,
        publicationDate: r.publication_date,
      });
    };
    await repos.indicators.upsert(kpi('N00901'), '2026-11-27T10:00:00Z');
    await repos.indicators.upsert(kpi('N03002'), '2026-11-27T10:00:00Z');
    const rates = [19.5, 20.1, 19.9, 19.8, 19.7, 19.4, 20.8, 19.9];
    await importValues(t.ctx, {
      kind: 'kolada_file',
      sourceName: 'provvärden.json',
      sha256: null,
      rows: [
        ...MEMBER_CODES.map((code, i) => ({
          indicatorKey: 'N00901',
          areaCode: code,
          year: 2026,
          gender: 'T' as const,
          value: rates[i]!,
          status: null,
        })),
        { indicatorKey: 'N00901', areaCode: '0000', year: 2026, gender: 'T', value: 20.2, status: null },
        // A later year is not shown in the pack for 2027.
        { indicatorKey: 'N00901', areaCode: '0126', year: 2027, gender: 'T', value: 99, status: null },
      ],
    });
    const pack = await getConferencePack(t.ctx, 2027);
    const blocks = section(pack, catalogue.get('N00901')!.title);
    const figure = figureOf(blocks);
    if (figure?.kind !== 'figure') throw new Error('figur saknas');
    expect(figure.table.rows.map((r) => r.slice(0, 2))).toEqual([
      ['1', 'Södertälje'],
      ['2', 'Botkyrka'],
      ['3', 'Nynäshamn'],
      ['4', 'Salem'],
      ['5', 'Haninge'],
      ['6', 'Tyresö'],
      ['7', 'Huddinge'],
      ['8', 'Nykvarn'],
      ['–', 'Södertörnskommunerna, ovägt medelvärde'],
      ['–', 'Riket'],
    ]);
    expect(figure.table.rows[0]![2]).toBe('20,8');
    expect(figure.table.rows[6]![2]).toBe('19,5');
    expect(figure.table.rows[8]![2]).toBe(formatNumber(rates.reduce((s, r) => s + r, 0) / 8, { decimals: 1 }));
    expect(blocks.find((b) => b.kind === 'facts')).toMatchObject({
      items: expect.arrayContaining([
        { term: 'Källa', value: expect.stringMatching(/^Kolada, KPI N00901: /) },
        { term: 'År', value: '2026' },
      ]),
    });
    // Followed but without values: still the empty state.
    const empty = section(pack, catalogue.get('N03002')!.title);
    expect(empty[0]).toEqual({ kind: 'paragraph', content: KOLADA_NO_VALUES_TEXT });
    expect(figureOf(empty)).toBeUndefined();
    expect(JSON.stringify(pack)).not.toMatch(/undefined|NaN|\[object/);
  });
});
