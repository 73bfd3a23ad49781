import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { Area, ValueRow } from '../../src/domain/indicators/indicator.js';
import {
  contentDispositionAttachment,
  formatCsvNumber,
  safeSheetName,
  toCsv,
  toXlsx,
  type ExportColumn,
  type ExportRow,
} from '../../src/exports/table-export.js';
import { createImportLookup, readValuesFile } from '../../src/imports/tabular/read-values-file.js';
import { parseSwedishNumber } from '../../src/imports/tabular/swedish-number.js';

const AREAS: Area[] = (
  parse(readFileSync(new URL('../../data/kolada/munic.csv', import.meta.url)), { columns: true }) as Record<
    string,
    string
  >[]
).map((r) => ({ code: r.id!, title: r.title!, type: r.type === 'L' ? 'L' : 'K' }));
const titleOf = new Map(AREAS.map((a) => [a.code, a.title]));
const lookup = createImportLookup(AREAS, [
  { key: 'N00945', byGender: true },
  { key: 'N03702', byGender: false },
]);

/** Values as the application exports them: one row per indicator, area, year and gender. */
const VALUES: ValueRow[] = [
  { indicatorKey: 'N00945', areaCode: '0181', year: 2020, gender: 'T', value: 31.32959689, status: null },
  { indicatorKey: 'N00945', areaCode: '0181', year: 2020, gender: 'K', value: -1234.5, status: null },
  { indicatorKey: 'N00945', areaCode: '0192', year: 2021, gender: 'M', value: null, status: 'Missing' },
  { indicatorKey: 'N00945', areaCode: '0000', year: 2021, gender: 'T', value: 1.5e-7, status: null },
  { indicatorKey: 'N03702', areaCode: '0136', year: 2012, gender: 'T', value: 123456789.125, status: null },
];

const LONG_COLUMNS: ExportColumn[] = [
  { key: 'indicatorKey', header: 'Nyckeltal' },
  { key: 'areaCode', header: 'Kommunkod' },
  { key: 'area', header: 'Kommun' },
  { key: 'year', header: 'År' },
  { key: 'gender', header: 'Kön' },
  { key: 'value', header: 'Värde' },
  { key: 'status', header: 'Status' },
];
const longRows = (): ExportRow[] => VALUES.map((v) => ({ ...v, area: titleOf.get(v.areaCode)! }));

describe('toCsv', () => {
  it('writes UTF-8 with BOM, semicolons, CRLF and decimal comma for Swedish Excel', () => {
    const csv = toCsv(
      [
        { key: 'name', header: 'Kommun' },
        { key: 'value', header: 'Värde' },
      ],
      [
        { name: 'Södertälje', value: 12.5 },
        { name: 'Nynäshamn', value: -3 },
        { name: 'Riket', value: null },
        { name: 'Huddinge' },
        { name: 'Liten', value: 1.5e-7 },
        { name: 'Stor', value: 1e21 },
        { name: 'Trasig', value: Number.NaN },
      ],
    );
    expect(csv).toBe(
      '\uFEFFKommun;Värde\r\n' +
        'Södertälje;12,5\r\n' +
        'Nynäshamn;-3\r\n' +
        'Riket;\r\n' +
        'Huddinge;\r\n' +
        'Liten;0,00000015\r\n' +
        'Stor;1000000000000000000000\r\n' +
        'Trasig;\r\n',
    );
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('quotes per RFC 4180 and neutralises formulas in text, not in numbers', () => {
    const csv = toCsv(
      [{ key: 't', header: 'Text' }],
      [
        { t: 'a;b' },
        { t: 'sa "hej"' },
        { t: 'två\r\nrader' },
        { t: '=HYPERLINK("http://x";"klicka")' },
        { t: '+46 8 123' },
        { t: '-2+3' },
        { t: '@SUM(A1)' },
        { t: '\t=1' },
        { t: '\r=1' },
        { t: 3 },
        { t: -3 },
      ],
      { bom: false },
    );
    expect(csv.split('\r\n').slice(0, -1)).toEqual([
      'Text',
      '"a;b"',
      '"sa ""hej"""',
      '"två',
      'rader"',
      `"'=HYPERLINK(""http://x"";""klicka"")"`,
      "'+46 8 123",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1",
      `"'\r=1"`,
      '3',
      '-3',
    ]);
    // A CSV reader gets the text back, with the apostrophe that keeps Excel from running it.
    const parsed = parse(csv, { delimiter: ';' }) as string[][];
    expect(parsed.map((r) => r[0])).toEqual([
      'Text',
      'a;b',
      'sa "hej"',
      'två\r\nrader',
      `'=HYPERLINK("http://x";"klicka")`,
      "'+46 8 123",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1",
      "'\r=1",
      '3',
      '-3',
    ]);
  });

  it('uses a decimal point with comma as separator', () => {
    expect(toCsv([{ key: 'v', header: 'Value' }], [{ v: 12.5 }, { v: 'a,b' }], { separator: ',', bom: false })).toBe(
      'Value\r\n12.5\r\n"a,b"\r\n',
    );
  });

  it('round-trips through readValuesFile', async () => {
    const csv = toCsv(LONG_COLUMNS, longRows());
    const result = await readValuesFile(Buffer.from(csv, 'utf8'), { fileName: 'export.csv', lookup });
    expect(result).toMatchObject({ ok: true, format: 'csv', encoding: 'utf-8', separator: ';' });
    expect(result.ok && result.rows).toEqual(VALUES);
  });

  it('round-trips any text through a CSV parser', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(';' as const, ',' as const, '\t' as const),
        (texts, separator) => {
          const columns = texts.map((_, i) => ({ key: `c${i}`, header: `H${i}` }));
          const row = Object.fromEntries(texts.map((t, i) => [`c${i}`, t]));
          const parsed = parse(toCsv(columns, [row], { separator, bom: false }), {
            delimiter: separator,
            relax_column_count: true,
          }) as string[][];
          const expected = texts.map((t) => (/^[=+\-@\t\r]/.test(t) ? `'${t}` : t));
          expect(parsed[1]).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes every number so that the import reads back the same value', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = formatCsvNumber(n);
        expect(text).not.toMatch(/e/i);
        expect(parseSwedishNumber(text)).toEqual({ ok: true, value: n === 0 ? 0 : n });
      }),
      { numRuns: 1000 },
    );
  });
});

/** The XML of a sheet, straight from the zip, to see how cells are stored. */
async function sheetXml(xlsx: Buffer): Promise<string> {
  const zip = await yauzl.fromBufferPromise(xlsx, { lazyEntries: true });
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName === 'xl/worksheets/sheet1.xml') {
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }
  }
  throw new Error('no sheet1.xml');
}

describe('toXlsx', () => {
  it('writes a header row, numbers as numbers, text as text and the source note last', async () => {
    const buffer = await toXlsx(
      'Värden 2020',
      [
        { key: 'name', header: 'Kommun' },
        { key: 'value', header: 'Värde' },
      ],
      [
        { name: 'Södertälje', value: 12.5 },
        { name: '=HYPERLINK("http://evil.example";"klicka")', value: null },
        { name: '-2+3', value: -4 },
      ],
      { sourceNote: 'Källa: Kolada' },
    );
    expect(Buffer.isBuffer(buffer)).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Värden 2020');
    expect(ws.getRow(1).values).toEqual([undefined, 'Kommun', 'Värde']);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getCell('B2').value).toBe(12.5);
    expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A3').value).toBe('=HYPERLINK("http://evil.example";"klicka")');
    expect(ws.getCell('B3').value).toBeNull();
    expect(ws.getCell('A4').value).toBe('-2+3');
    expect(ws.getCell('B4').value).toBe(-4);
    expect(ws.getRow(5).hasValues).toBe(false);
    expect(ws.getCell('A6').value).toBe('Källa: Kolada');
    expect(ws.rowCount).toBe(6);

    const xml = await sheetXml(buffer);
    expect(xml).not.toMatch(/<f[ >]/);
  });

  it('round-trips long and wide tables through readValuesFile', async () => {
    const long = await toXlsx('Nyckeltal', LONG_COLUMNS, longRows(), { sourceNote: 'Källa: Kolada' });
    const longResult = await readValuesFile(long, { fileName: 'export.xlsx', lookup });
    expect(longResult).toMatchObject({ ok: true, format: 'xlsx' });
    expect(longResult.ok && longResult.rows).toEqual(VALUES);

    const wide = await toXlsx(
      'Tabell',
      [
        { key: 'area', header: 'Kommun' },
        { key: 'y2019', header: '2019' },
        { key: 'y2020', header: '2020' },
      ],
      [
        { area: 'Södertälje', y2019: 1.25, y2020: null },
        { area: 'Riket', y2019: 3, y2020: 4 },
      ],
      { sourceNote: 'Källa: Kolada' },
    );
    const wideResult = await readValuesFile(wide, { fileName: 'tabell.xlsx', lookup, indicatorKey: 'N03702' });
    expect(wideResult.ok && wideResult.rows).toEqual([
      { indicatorKey: 'N03702', areaCode: '0181', year: 2019, gender: 'T', value: 1.25, status: null },
      { indicatorKey: 'N03702', areaCode: '0181', year: 2020, gender: 'T', value: null, status: null },
      { indicatorKey: 'N03702', areaCode: '0000', year: 2019, gender: 'T', value: 3, status: null },
      { indicatorKey: 'N03702', areaCode: '0000', year: 2020, gender: 'T', value: 4, status: null },
    ]);
  });

  it('drops characters XML cannot hold and makes sheet names Excel accepts', async () => {
    const buffer = await toXlsx('Ut/in: [test]?', [{ key: 't', header: 'T\u0001ext' }], [{ t: 'a\u0000b\u0007c' }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets[0]!.name).toBe('Ut in test');
    expect(wb.worksheets[0]!.getCell('A1').value).toBe('Text');
    expect(wb.worksheets[0]!.getCell('A2').value).toBe('abc');

    expect(safeSheetName('')).toBe('Blad1');
    expect(safeSheetName("'citat'")).toBe('citat');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
  });
});

describe('contentDispositionAttachment', () => {
  it('gives an ASCII name and the real name encoded per RFC 8187', () => {
    expect(contentDispositionAttachment('Nyckeltal Södertälje 2020.csv')).toBe(
      `attachment; filename="Nyckeltal Sodertalje 2020.csv"; filename*=UTF-8''Nyckeltal%20S%C3%B6dert%C3%A4lje%202020.csv`,
    );
  });

  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\x\\rapport.xlsx', 'rapport.xlsx'],
    ['a"b.csv', 'a_b.csv'],
    ['rad\r\nSet-Cookie: x=1.csv', 'radSet-Cookie_ x=1.csv'],
    ['\u202Egpj.exe', 'gpj.exe'],
    ['.htaccess', 'htaccess'],
    ['', 'nedladdning'],
    ['///', 'nedladdning'],
    ['50%.csv', '50_.csv'],
  ])('neutralises %j', (input, asciiName) => {
    const header = contentDispositionAttachment(input);
    expect(header).toMatch(/^attachment; filename="[^"\\]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]*$/);
    expect(header).toContain(`filename="${asciiName}"`);
    // A header value that fetch accepts: no CR, LF or other control characters.
    expect(() => new Headers({ 'content-disposition': header })).not.toThrow();
  });

  it('keeps the extension when shortening a long name', () => {
    const header = contentDispositionAttachment(`${'å'.repeat(300)}.xlsx`);
    const name = decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(header)![1]!);
    expect(name).toHaveLength(150);
    expect(name.endsWith('.xlsx')).toBe(true);
  });
});
