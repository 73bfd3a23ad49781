import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepos, timestamp } from '../../src/app/context.js';
import { importValues } from '../../src/app/indicators/import-values.js';
import type {
  IndicatorGroupJson,
  IndicatorSearchJson,
  IndicatorValuesJson,
} from '../../src/http/api/indicator-schemas.js';
import type { ErrorJson } from '../../src/http/api/schemas.js';
import { seedKoladaCatalogue } from '../../src/seed/seed-catalogue.js';
import { ANONYMOUS_COOKIE, openTestApp, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';
import { check, type OpenApiDocument } from '../support/openapi-check.js';

/**
 * The key-indicator API on the real demo values (Södertörnsmodellen, SCB, 2000–2014), through the whole
 * app. Every request is sent signed out: these are public reads. Every JSON answer is checked against
 * the published OpenAPI document, as test/http/api-openapi.test.ts does for the programme routes.
 */

const EDUCATION = 'sm-eftergymnasial-3ar-25-64';
/** Södertörn's eight members as the cooperation lists them (by name), then the comparison areas: region and nation. */
const MEMBERS = ['0127', '0136', '0126', '0140', '0192', '0128', '0181', '0138'];
const REGION = { code: '0001', name: 'Stockholms län (Region Stockholm)' };
const AREAS = [...MEMBERS, '0001', '0000'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The demo's own source file, to check that the API gives the values it was loaded with. */
const sourceShare = (file: string, geo: string, year: number): number => {
  const rows = parse(readFileSync(new URL(`../../data/sodertornsmodellen/${file}`, import.meta.url), 'utf8'), {
    from_line: 2,
  }) as string[][];
  const row = rows.find(([g, y]) => g === geo && Number(y) === year);
  if (!row) throw new Error(`${geo} ${year} saknas i ${file}`);
  return Number(row[2]);
};

describe.each(testDialects)('the key-indicator API on %s', (dialect) => {
  let t: TestApp;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    t = await openTestApp(dialect);
    doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
  });
  afterAll(() => t.close());

  /** The route template a path is answered by. */
  const templateOf = (path: string) =>
    path
      .split('?')[0]!
      .replace(/^\/indicators\/[^/]+\/(values|group)$/, '/indicators/{id}/$1')
      .replace(/^\/indicators\/?$/, '/indicators');

  /**
   * GETs an API path signed out, and checks the answer against the document: its status and content type
   * must be documented for the route, and a JSON body must validate against the schema given for them.
   */
  const get = async (path: string) => {
    const res = await t.app.request(`/api/v1${path}`, { headers: { Cookie: ANONYMOUS_COOKIE } });
    const template = templateOf(path);
    const content = doc.paths[template]?.get?.responses[String(res.status)]?.content;
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
    expect(content?.[type], `${path}: ${res.status} ${type} is not documented for ${template}`).toBeDefined();
    if (type !== 'application/json') return { res, body: undefined as unknown };
    const body: unknown = await res.json();
    expect(check(body, content![type]!.schema, doc), path).toEqual([]);
    return { res, body };
  };
  const getJson = async <T>(path: string) => {
    const { res, body } = await get(path);
    expect(res.status, path).toBe(200);
    return body as T;
  };
  const problems = async (path: string) => {
    const { res, body } = await get(path);
    expect(res.status, path).toBe(422);
    const { error } = body as ErrorJson;
    expect(error.code).toBe('validation_failed');
    return error.problems ?? [];
  };

  it('documents the three routes under the tag Nyckeltal, with every query parameter', () => {
    expect((doc.tags ?? []).map((tag) => tag.name)).toContain('Nyckeltal');
    const parameters = (path: string) => doc.paths[path]!.get!.parameters!.map((p) => `${p.in}:${p.name}`);
    expect(parameters('/indicators')).toEqual(['query:q']);
    expect(parameters('/indicators/{id}/values')).toEqual([
      'path:id',
      'query:area',
      'query:from',
      'query:to',
      'query:gender',
      'query:format',
    ]);
    expect(parameters('/indicators/{id}/group')).toEqual(['path:id', 'query:year', 'query:gender', 'query:format']);
    for (const path of ['/indicators', '/indicators/{id}/values', '/indicators/{id}/group'])
      expect(doc.paths[path]!.get!.tags).toEqual(['Nyckeltal']);
    for (const path of ['/indicators/{id}/values', '/indicators/{id}/group'])
      expect(Object.keys(doc.paths[path]!.get!.responses['200']!.content)).toEqual([
        'application/json',
        'text/csv',
        XLSX,
      ]);
  });

  it('searches the followed indicators by id and by words, and Kolada’s catalogue once it is loaded', async () => {
    const all = await getJson<IndicatorSearchJson>('/indicators');
    expect(all.followed.map((i) => i.key).sort()).toEqual([
      'sm-befolkning-20-64',
      'sm-befolkning-25-64',
      EDUCATION,
      'sm-folkmangd',
      'sm-sysselsattningsgrad-20-64',
    ]);
    expect(all).toMatchObject({ query: '', catalogue: [], catalogueSize: 0 });

    const byId = await getJson<IndicatorSearchJson>('/indicators?q=sm-folkmangd');
    expect(byId.followed).toHaveLength(1);
    expect(byId.followed[0]).toMatchObject({
      key: 'sm-folkmangd',
      title: 'Folkmängd 31 december',
      unit: 'invånare',
      decimals: 0,
      aggregation: 'sum',
      weightKey: null,
      origin: 'local',
      byGender: true,
      attribution: null,
      links: { values: '/api/v1/indicators/sm-folkmangd/values', group: '/api/v1/indicators/sm-folkmangd/group' },
    });
    expect(byId.followed[0]!.source).toContain('Södertörnsmodellen (SCB)');
    expect(byId.followed[0]!.licence).toContain('SCB:s registerdata');
    // The links are the addresses of the values and the group figures.
    for (const link of Object.values(byId.followed[0]!.links))
      expect((await get(link.replace('/api/v1', ''))).res.status).toBe(200);

    // Every word must occur, in any case, in the key, title or definition.
    const byWords = await getJson<IndicatorSearchJson>(
      `/indicators?q=${encodeURIComponent('  EFTERGYMNASIAL utbildning ')}`,
    );
    expect(byWords.query).toBe('EFTERGYMNASIAL utbildning');
    expect(byWords.followed.map((i) => i.key)).toEqual([EDUCATION]);
    expect(byWords.followed[0]).toMatchObject({ weightKey: 'sm-befolkning-25-64', unit: 'procent', decimals: 1 });
    expect((await getJson<IndicatorSearchJson>('/indicators?q=eftergymnasial+kvinnor')).followed).toEqual([]);

    expect(await seedKoladaCatalogue(t.ctx)).toBe(true);
    const kolada = await getJson<IndicatorSearchJson>('/indicators?q=n00945');
    expect(kolada.catalogueSize).toBe(6099);
    expect(kolada.catalogue[0]).toMatchObject({
      id: 'N00945',
      title: 'Tillfälliga föräldrapenningdagar (VAB) som tas ut av män, andel av antal dagar (%)',
      operatingArea: 'Arbetsmarknad',
      followed: false,
      attribution: 'Källa: Kolada',
    });
    const words = await getJson<IndicatorSearchJson>('/indicators?q=f%C3%B6r%C3%A4ldrapenning+M%C3%84N');
    expect(words.catalogue.map((k) => k.id)).toContain('N00945');
    expect(words.catalogue.length).toBeLessThanOrEqual(50);
    for (const k of words.catalogue) {
      const text = `${k.id} ${k.title} ${k.description}`.toLocaleLowerCase('sv');
      expect(text).toContain('föräldrapenning');
      expect(text).toContain('män');
      expect(k.attribution).toBe('Källa: Kolada');
    }

    expect(await problems(`/indicators?q=${'a'.repeat(201)}`)).toEqual([
      { field: 'q', message: 'Sökningen får vara högst 200 tecken.' },
    ]);
  });

  it('gives the values of the members and the comparison areas by default, one row per area, year and gender', async () => {
    const body = await getJson<IndicatorValuesJson>(`/indicators/${EDUCATION}/values`);
    expect(body.indicator.key).toBe(EDUCATION);
    expect(body.areas.map((a) => a.code)).toEqual(AREAS);
    expect(body.areas.at(-2)).toEqual(REGION);
    expect(body.areas.at(-1)).toEqual({ code: '0000', name: 'Riket' });
    expect(body.years).toEqual(range(2000, 2014));
    expect(body.genders).toEqual(['T', 'K', 'M']);
    expect(body.values).toHaveLength(10 * 15 * 3);
    expect(body.values.slice(0, 4).map((v) => [v.areaCode, v.year, v.gender])).toEqual([
      [body.areas[0]!.code, 2000, 'T'],
      [body.areas[0]!.code, 2000, 'K'],
      [body.areas[0]!.code, 2000, 'M'],
      [body.areas[0]!.code, 2001, 'T'],
    ]);
    // Every value is there, as a plain number in percent, as loaded from the source's shares.
    for (const v of body.values) {
      expect(typeof v.value).toBe('number');
      expect(v.value).toBeGreaterThan(0);
      expect(v.value).toBeLessThan(100);
    }
    const huddinge = body.values.find((v) => v.areaCode === '0126' && v.year === 2014 && v.gender === 'T')!;
    expect(huddinge).toMatchObject({ areaName: 'Huddinge', status: null });
    const file = 'ddf--datapoints--post_secondary_education_min_3_years_aged_25_64--by--municipality--year.csv';
    expect(huddinge.value).toBeCloseTo(sourceShare(file, '0126_huddinge', 2014) * 100, 10);
  });

  it('narrows the values to the areas, years and gender asked for, in the order asked', async () => {
    const body = await getJson<IndicatorValuesJson>(
      `/indicators/${EDUCATION}/values?area=0001,0126,0001&from=2005&to=2014&gender=K&format=json`,
    );
    expect(body.areas).toEqual([REGION, { code: '0126', name: 'Huddinge' }]);
    expect(body.years).toEqual(range(2005, 2014));
    expect(body.genders).toEqual(['K']);
    expect(body.values).toHaveLength(2 * 10);
    expect(new Set(body.values.map((v) => v.gender))).toEqual(new Set(['K']));
    const region = body.values.find((v) => v.areaCode === '0001' && v.year === 2014)!;
    const file = 'ddf--datapoints--post_secondary_education_min_3_years_aged_25_64_female--by--county--year.csv';
    expect(region.value).toBeCloseTo(sourceShare(file, '01_stockholms_lan', 2014) * 100, 10);

    const one = await getJson<IndicatorValuesJson>(`/indicators/${EDUCATION}/values?area=0126&from=2014&to=2014`);
    expect(one.values.map((v) => v.gender)).toEqual(['T', 'K', 'M']);
    const later = await getJson<IndicatorValuesJson>(`/indicators/${EDUCATION}/values?from=2020`);
    expect(later).toMatchObject({ years: [], values: [] });
  });

  it('keeps a missing value null, never 0: Riket has no population in the source', async () => {
    const body = await getJson<IndicatorValuesJson>('/indicators/sm-folkmangd/values?area=0000,0126&from=2013');
    expect(body.years).toEqual([2013, 2014]);
    const riket = body.values.filter((v) => v.areaCode === '0000');
    expect(riket).toHaveLength(2 * 3);
    for (const v of riket) expect(v).toMatchObject({ areaName: 'Riket', value: null, status: null });
    for (const v of body.values.filter((v) => v.areaCode === '0126')) expect(v.value).toBeGreaterThan(50_000);
  });

  it('answers 404 for an indicator that does not exist', async () => {
    for (const path of [
      '/indicators/finns-inte/values',
      '/indicators/N99999/group',
      '/indicators/a.b/values?format=csv',
      '/indicators/finns-inte/group?year=2014&format=xlsx',
    ]) {
      const { res, body } = await get(path);
      expect(res.status, path).toBe(404);
      expect(body).toEqual({ error: { code: 'not_found', message: 'Nyckeltalet finns inte.' } });
    }
  });

  it('refuses bad areas, years, genders and formats with 422 and Swedish messages naming the parameter', async () => {
    const values = `/indicators/${EDUCATION}/values`;
    const area =
      'Ange områden (area) som koder med fyra siffror, åtskilda med kommatecken, till exempel area=0126,0001.';
    const year = (name: string, what: string, example: number) =>
      `Ange ${what} (${name}) som ett helt årtal mellan 1950 och 2100, till exempel ${example}.`;
    const cases: [string, { field: string; message: string }[]][] = [
      [`${values}?area=126`, [{ field: 'area', message: area }]],
      [`${values}?area=0126;0001`, [{ field: 'area', message: area }]],
      [`${values}?area=0126,`, [{ field: 'area', message: area }]],
      [`${values}?area=0126&area=0001`, [{ field: 'area', message: area }]],
      [
        `${values}?area=${Array.from({ length: 51 }, (_, i) => String(i).padStart(4, '0')).join(',')}`,
        [{ field: 'area', message: 'Ange högst 50 områden (area).' }],
      ],
      [
        `${values}?area=0126,0180,1280`,
        [
          {
            field: 'area',
            message:
              'Områdena 0180, 1280 ingår inte bland samverkans kommuner och jämförelseområden. Välj bland ' +
              `${AREAS.join(', ')}.`,
          },
        ],
      ],
      [`${values}?from=1949`, [{ field: 'from', message: year('from', 'från-året', 2005) }]],
      [`${values}?to=2101`, [{ field: 'to', message: year('to', 'till-året', 2014) }]],
      [
        `${values}?from=tjugohundra&to=2010.5`,
        [
          { field: 'from', message: year('from', 'från-året', 2005) },
          { field: 'to', message: year('to', 'till-året', 2014) },
        ],
      ],
      [
        `${values}?from=2010&to=2005`,
        [{ field: 'to', message: 'Till-året (to) kan inte vara före från-året (from).' }],
      ],
      [
        `${values}?gender=X`,
        [{ field: 'gender', message: 'Ange kön (gender) som T (totalt), K (kvinnor) eller M (män).' }],
      ],
      [
        `${values}?gender=t`,
        [{ field: 'gender', message: 'Ange kön (gender) som T (totalt), K (kvinnor) eller M (män).' }],
      ],
      [`${values}?format=pdf`, [{ field: 'format', message: 'Ange format som json, csv eller xlsx.' }]],
      [`/indicators/${EDUCATION}/group?year=2014.5`, [{ field: 'year', message: year('year', 'året', 2014) }]],
      [
        `/indicators/${EDUCATION}/group?gender=kvinnor`,
        [{ field: 'gender', message: 'Ange kön (gender) som T (totalt), K (kvinnor) eller M (män).' }],
      ],
      [
        `/indicators/${EDUCATION}/group?year=1990`,
        [{ field: 'year', message: 'Det finns inga värden för 1990. Välj ett år mellan 2000 och 2014.' }],
      ],
    ];
    for (const [path, expected] of cases) expect(await problems(path), path).toEqual(expected);

    const { body } = await get(`${values}?area=12&from=1800&gender=X&format=pdf`);
    expect((body as ErrorJson).error.message).toBe('Uppgifterna innehåller 4 fel. Rätta dem och försök igen.');
  });

  it('gives 2014’s group figures: the plain mean of the eight members, and a population-weighted mean between them', async () => {
    const group = await getJson<IndicatorGroupJson>(`/indicators/${EDUCATION}/group`);
    expect(group).toMatchObject({ year: 2014, gender: 'T', groupName: 'Södertörnskommunerna' });
    expect(group.years).toEqual(range(2000, 2014));
    expect(group.members).toHaveLength(8);
    expect(group.members.map((m) => m.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const memberValues = group.members.map((m) => m.value!);
    expect(memberValues).toEqual([...memberValues].sort((a, b) => b - a));

    // The same numbers as the values route gives for the year.
    const values = await getJson<IndicatorValuesJson>(`/indicators/${EDUCATION}/values?from=2014&to=2014&gender=T`);
    const valueOf = (code: string) => values.values.find((v) => v.areaCode === code)!.value;
    for (const m of group.members) expect(m.value).toBe(valueOf(m.code));
    expect(group.comparisonAreas).toEqual([
      { ...REGION, value: valueOf('0001') },
      { code: '0000', name: 'Riket', value: valueOf('0000') },
    ]);

    const codes = group.members.map((m) => m.code);
    expect(group.groupFigures.map((f) => [f.kind, f.label])).toEqual([
      ['unweighted_mean', 'Ovägt medelvärde'],
      ['weighted_mean', 'Befolkningsviktat medelvärde'],
    ]);
    const [unweighted, weighted] = group.groupFigures;
    const mean = memberValues.reduce((s, v) => s + v, 0) / memberValues.length;
    expect(unweighted!.value).toBeCloseTo(mean, 10);
    expect(unweighted!.explanation).toBe('Ovägt medelvärde av alla 8 kommuner.');
    expect(weighted!.value).toBeGreaterThanOrEqual(Math.min(...memberValues));
    expect(weighted!.value).toBeLessThanOrEqual(Math.max(...memberValues));
    expect(weighted!.explanation).toBe(
      'Befolkningsviktat medelvärde av alla 8 kommuner, där kommuner med större befolkning väger tyngre.',
    );
    for (const f of group.groupFigures) expect(f).toMatchObject({ present: MEMBERS, missing: [] });

    // Weighted by the population aged 25–64, as the values route gives it.
    const weights = await getJson<IndicatorValuesJson>(
      `/indicators/sm-befolkning-25-64/values?area=${codes.join(',')}&from=2014&to=2014&gender=T`,
    );
    const weightOf = (code: string) => weights.values.find((v) => v.areaCode === code)!.value!;
    const total = codes.reduce((s, c) => s + weightOf(c), 0);
    const expected = group.members.reduce((s, m) => s + m.value! * weightOf(m.code), 0) / total;
    expect(weighted!.value).toBeCloseTo(expected, 10);

    const earlier = await getJson<IndicatorGroupJson>(`/indicators/${EDUCATION}/group?year=2005&gender=M`);
    expect(earlier).toMatchObject({ year: 2005, gender: 'M' });
    expect(earlier.groupFigures[0]!.value).not.toBe(unweighted!.value);
  });

  it('gives a count’s group figure as the members’ sum, and no value for Riket', async () => {
    const group = await getJson<IndicatorGroupJson>('/indicators/sm-folkmangd/group?year=2014');
    const total = group.members.reduce((s, m) => s + m.value!, 0);
    expect(total).toBeGreaterThan(400_000);
    expect(group.groupFigures).toEqual([
      {
        kind: 'sum',
        label: 'Summa',
        value: total,
        explanation: 'Summa för alla 8 kommuner.',
        present: MEMBERS,
        missing: [],
      },
    ]);
    expect(group.comparisonAreas.find((a) => a.code === '0000')).toEqual({ code: '0000', name: 'Riket', value: null });
    expect(group.comparisonAreas.find((a) => a.code === '0001')!.value).toBeGreaterThan(total);
  });

  it('downloads the values as CSV for Swedish Excel that parses back to the same numbers', async () => {
    const path = `/indicators/${EDUCATION}/values?area=0126,0000&from=2013&to=2014&gender=T`;
    const json = await getJson<IndicatorValuesJson>(path);
    const { res } = await get(`${path}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="${EDUCATION}-varden.csv"; filename*=UTF-8''${EDUCATION}-varden.csv`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFFNyckeltal;Områdeskod;Område;År;Kön;Värde (procent);Status;Källa;Licens\r\n')).toBe(
      true,
    );

    const rows = parse(text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(json.values.length);
    rows.forEach((row, i) => {
      const v = json.values[i]!;
      expect(row).toMatchObject({
        Nyckeltal: json.indicator.title,
        Områdeskod: v.areaCode,
        Område: v.areaName,
        År: String(v.year),
        Kön: 'Totalt',
        Status: '',
        Källa: json.indicator.source,
        Licens: json.indicator.licence,
      });
      // Decimal comma, no thousands separator, every digit: the number reads back as the same number.
      expect(row['Värde (procent)']).toMatch(/^\d+,\d+$/);
      expect(Number(row['Värde (procent)']!.replace(',', '.'))).toBe(v.value);
    });

    // A missing value is an empty field, not 0.
    const counts = await get('/indicators/sm-folkmangd/values?area=0000,0126&from=2014&gender=T&format=csv');
    const [riket, huddinge] = parse(await counts.res.text(), { bom: true, delimiter: ';', columns: true }) as Record<
      string,
      string
    >[];
    expect(riket).toMatchObject({ Områdeskod: '0000', 'Värde (invånare)': '' });
    expect(huddinge!['Värde (invånare)']).toMatch(/^\d{6}$/);
  });

  it('downloads the values as an Excel workbook with the numbers as numbers and the source under the table', async () => {
    const path = `/indicators/${EDUCATION}/values?area=0126,0001&from=2014&gender=T`;
    const json = await getJson<IndicatorValuesJson>(path);
    const { res } = await get(`${path}&format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="sm-eftergymnasial-3ar-25-64-varden\.xlsx"/,
    );

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('Värden')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Nyckeltal',
      'Områdeskod',
      'Område',
      'År',
      'Kön',
      'Värde (procent)',
      'Status',
    ]);
    json.values.forEach((v, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(2).value).toBe(v.areaCode);
      expect(row.getCell(4).value).toBe(2014);
      expect(row.getCell(6).type).toBe(ExcelJS.ValueType.Number);
      expect(row.getCell(6).value).toBe(v.value);
    });
    const note = String(sheet.getRow(json.values.length + 3).getCell(1).value);
    expect(note).toContain(`Nyckeltal: ${json.indicator.title} (${EDUCATION}), procent.`);
    expect(note).toContain(`Källa: ${json.indicator.source}`);
    expect(note).toContain(`Licens: ${json.indicator.licence}`);

    // A missing value is an empty cell.
    const counts = await get('/indicators/sm-folkmangd/values?area=0000&from=2014&gender=T&format=xlsx');
    const empty = new ExcelJS.Workbook();
    await empty.xlsx.load(await counts.res.arrayBuffer());
    expect(empty.getWorksheet('Värden')!.getRow(2).getCell(6).value).toBeNull();
  });

  it('downloads one year’s comparison as CSV and Excel: the members, the group figures, region and nation', async () => {
    const json = await getJson<IndicatorGroupJson>(`/indicators/${EDUCATION}/group?year=2014`);
    const csv = await get(`/indicators/${EDUCATION}/group?year=2014&format=csv`);
    expect(csv.res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="sm-eftergymnasial-3ar-25-64-jamforelse-2014-T\.csv"/,
    );
    const rows = parse(await csv.res.text(), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['Typ'])).toEqual([
      ...Array<string>(8).fill('Kommun'),
      'Gruppvärde',
      'Gruppvärde',
      'Jämförelseområde',
      'Jämförelseområde',
    ]);
    expect(rows[0]).toMatchObject({ Områdeskod: json.members[0]!.code, Rang: '1', År: '2014', Kön: 'Totalt' });
    expect(rows[8]).toMatchObject({
      Namn: 'Södertörnskommunerna, ovägt medelvärde',
      Områdeskod: '',
      Förklaring: 'Ovägt medelvärde av alla 8 kommuner.',
    });
    expect(Number(rows[8]!['Värde (procent)']!.replace(',', '.'))).toBe(json.groupFigures[0]!.value);
    expect(rows[9]!['Namn']).toBe('Södertörnskommunerna, befolkningsviktat medelvärde');
    expect(rows[11]).toMatchObject({ Områdeskod: '0000', Namn: 'Riket' });
    for (const row of rows) expect(row['Källa']).toBe(json.indicator.source);

    const xlsx = await get(`/indicators/${EDUCATION}/group?year=2014&format=xlsx`);
    expect(xlsx.res.headers.get('content-type')).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.res.arrayBuffer());
    const sheet = workbook.getWorksheet('Jämförelse 2014')!;
    expect(sheet.getRow(10).getCell(7).value).toBe(json.groupFigures[0]!.value);
    expect(sheet.getRow(10).getCell(7).type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getRow(2).getCell(8).value).toBe(1);
    expect(String(sheet.getRow(15).getCell(1).value)).toContain('Licens: ');
  });

  it('credits Kolada for a Kolada indicator, and keeps a value Kolada reports missing null', async () => {
    await seedKoladaCatalogue(t.ctx);
    const kpi = (await readRepos(t.ctx).catalogue.searchKpis('N00945', 1))[0]!;
    // No use case follows a Kolada indicator yet, so it is defined straight in storage, from the catalogue entry.
    await readRepos(t.ctx).indicators.upsert(
      {
        key: kpi.id,
        origin: 'kolada',
        title: kpi.title,
        definition: kpi.description,
        unit: 'procent',
        decimals: 1,
        aggregation: 'mean',
        weightKey: null,
        byGender: false,
        source: 'Kolada (RKA), nyckeltal N00945, https://www.kolada.se/',
        licence: 'CC BY 4.0',
      },
      timestamp(t.ctx),
    );
    await importValues(t.ctx, {
      kind: 'kolada_file',
      sourceName: 'api-indicators.test.ts',
      sha256: null,
      rows: ['0126', '0127'].map((areaCode) => ({
        indicatorKey: 'N00945',
        areaCode,
        year: 2014,
        gender: 'T' as const,
        value: null,
        status: 'Missing',
      })),
    });

    const search = await getJson<IndicatorSearchJson>('/indicators?q=N00945');
    expect(search.followed.map((i) => [i.key, i.origin, i.attribution])).toEqual([
      ['N00945', 'kolada', 'Källa: Kolada'],
    ]);
    expect(search.catalogue[0]).toMatchObject({ id: 'N00945', followed: true });

    const values = await getJson<IndicatorValuesJson>('/indicators/N00945/values?area=0126,0127');
    expect(values.genders).toEqual(['T']);
    expect(values.values).toEqual([
      { areaCode: '0126', areaName: 'Huddinge', year: 2014, gender: 'T', value: null, status: 'Missing' },
      { areaCode: '0127', areaName: 'Botkyrka', year: 2014, gender: 'T', value: null, status: 'Missing' },
    ]);
    // It has no split by gender, so asking for one is an error rather than a table of empty values.
    expect(await problems('/indicators/N00945/values?gender=K')).toEqual([
      { field: 'gender', message: 'Nyckeltalet redovisas inte per kön. Ange gender=T eller utelämna gender.' },
    ]);
    expect((await problems('/indicators/N00945/group?gender=M'))[0]!.field).toBe('gender');

    const group = await getJson<IndicatorGroupJson>('/indicators/N00945/group');
    expect(group.groupFigures).toEqual([
      {
        kind: 'unweighted_mean',
        label: 'Ovägt medelvärde',
        value: null,
        explanation: 'Ovägt medelvärde saknas: ingen av kommunerna har något värde.',
        present: [],
        missing: MEMBERS,
      },
    ]);

    const csv = await get('/indicators/N00945/values?area=0126&format=csv');
    const [row] = parse(await csv.res.text(), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({
      'Värde (procent)': '',
      Status: 'Missing',
      Källa: 'Källa: Kolada. Kolada (RKA), nyckeltal N00945, https://www.kolada.se/',
      Licens: 'CC BY 4.0',
    });
    const xlsx = await get('/indicators/N00945/group?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.res.arrayBuffer());
    const sheet = workbook.getWorksheet('Jämförelse 2014')!;
    const note = String(sheet.getRow(sheet.rowCount).getCell(1).value);
    expect(note).toContain('Källa: Kolada. Kolada (RKA), nyckeltal N00945');
    expect(note).toContain('Licens: CC BY 4.0.');
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
