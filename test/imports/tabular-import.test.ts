import { readFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Area, ValueRow } from '../../src/domain/indicators/indicator.js';
import { createImportLookup, readValuesFile, type ReadResult } from '../../src/imports/tabular/read-values-file.js';
import { parseSwedishNumber } from '../../src/imports/tabular/swedish-number.js';
import { checkXlsxZip } from '../../src/imports/tabular/zip-guard.js';

/** Kolada's real list of areas, as shipped in data/kolada/munic.csv. */
const AREAS: Area[] = (
  parse(readFileSync(new URL('../../data/kolada/munic.csv', import.meta.url)), { columns: true }) as Record<
    string,
    string
  >[]
).map((r) => ({ code: r.id!, title: r.title!, type: r.type === 'L' ? 'L' : 'K' }));

const lookup = createImportLookup(AREAS, [
  { key: 'N00945', byGender: true },
  { key: 'N03702', byGender: false },
  { key: 'scb-sm-utbildning-3ar-25-64', byGender: false },
]);

const SODERTALJE = '0181';
const NYNASHAMN = '0192';
const HANINGE = '0136';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const utf8Bom = (s: string) => new Uint8Array(Buffer.from('\uFEFF' + s, 'utf8'));
/** Windows-1252 agrees with Latin-1 for å, ä, ö, Å, Ä, Ö and é — as Swedish Excel's "CSV (semikolonavgränsad)". */
const cp1252 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

const read = (bytes: Uint8Array, indicatorKey?: string, fileName = 'värden.csv') =>
  readValuesFile(bytes, { fileName, lookup, ...(indicatorKey === undefined ? {} : { indicatorKey }) });

function rowsOf(result: ReadResult): ValueRow[] {
  if (!result.ok) throw new Error(`expected rows, got errors:\n${result.errors.map((e) => e.message).join('\n')}`);
  return result.rows;
}

function errorsOf(result: ReadResult): { line: number | null; message: string }[] {
  if (result.ok) throw new Error(`expected errors, got ${result.rows.length} rows`);
  return result.errors;
}

const row = (areaCode: string, year: number, value: number | null, more: Partial<ValueRow> = {}): ValueRow => ({
  indicatorKey: 'N00945',
  areaCode,
  year,
  gender: 'T',
  value,
  status: null,
  ...more,
});

describe('CSV files as Swedish users save them', () => {
  it('reads UTF-8 with BOM, semicolons, Swedish headers, decimal comma and space thousands', async () => {
    const csv =
      'Nyckeltal;Kommun;År;Kön;Värde;Status\r\n' +
      'N00945;Södertälje;2014;T;12,5;\r\n' +
      'N00945;Nynäshamn;2014;K;1 234,5;\r\n' +
      'N00945;Riket;2014;Män;1\u00a0234\u00a0567,25;\r\n' +
      'N00945;0136;2015;Totalt;\u22123,2;Missing\r\n' +
      'N00945;136;2016;kvinnor;45 %;\r\n';
    const result = await read(utf8Bom(csv));
    expect(result).toMatchObject({ ok: true, format: 'csv', encoding: 'utf-8', separator: ';' });
    expect(rowsOf(result)).toEqual([
      row(SODERTALJE, 2014, 12.5),
      row(NYNASHAMN, 2014, 1234.5, { gender: 'K' }),
      row('0000', 2014, 1234567.25, { gender: 'M' }),
      row(HANINGE, 2015, -3.2, { status: 'Missing' }),
      row(HANINGE, 2016, 45, { gender: 'K' }),
    ]);
  });

  it('reads UTF-8 without BOM, commas as separator, decimal points and quoted fields', async () => {
    const csv =
      'KPI,Kommunkod,Period,Kön,Value\n' +
      'N00945,0181,2020,T,31.5\n' +
      'N00945,"0192",2020,T,"12,5"\n' +
      'n00945,136,2021,M,-0.25\n';
    const result = await read(utf8(csv));
    expect(result).toMatchObject({ ok: true, encoding: 'utf-8', separator: ',' });
    expect(rowsOf(result)).toEqual([
      row(SODERTALJE, 2020, 31.5),
      row(NYNASHAMN, 2020, 12.5),
      row(HANINGE, 2021, -0.25, { gender: 'M' }),
    ]);
  });

  it('reads Windows-1252 from Swedish Excel with å, ä and ö in headers and names', async () => {
    const csv = 'Område;År;Utfall\r\nSödertälje;2019;7,5\r\nHåbo;2019;8\r\nHabo;2019;9\r\nÖrebro;2019;10,25\r\n';
    const bytes = cp1252(csv);
    // The file really is not UTF-8: ö is the single byte F6.
    expect(bytes).toContain(0xf6);
    const result = await read(bytes, 'N00945');
    expect(result).toMatchObject({ ok: true, encoding: 'windows-1252', separator: ';' });
    expect(rowsOf(result)).toEqual([
      row(SODERTALJE, 2019, 7.5),
      row('0305', 2019, 8),
      row('0643', 2019, 9),
      row('1880', 2019, 10.25),
    ]);
  });

  it('reads Excel\'s UTF-16 "Unicode text" with tabs', async () => {
    const text = 'Kommun\tÅr\tVärde\r\nSödertälje\t2018\t3,5\r\n';
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const result = await read(bytes, 'N00945');
    expect(result).toMatchObject({ ok: true, encoding: 'utf-16le', separator: '\t' });
    expect(rowsOf(result)).toEqual([row(SODERTALJE, 2018, 3.5)]);
  });

  it('matches names written in decomposed Unicode (as from a Mac) and with stray spaces', async () => {
    const csv = 'Kommun;År;Värde\n  Södertälje  ;2018;1\nNynäshamns kommun;2018;2\n'.normalize('NFD');
    expect(csv).not.toBe(csv.normalize('NFC'));
    expect(rowsOf(await read(utf8(csv), 'N00945'))).toEqual([row(SODERTALJE, 2018, 1), row(NYNASHAMN, 2018, 2)]);
  });

  it('keeps missing values as rows with value null, never 0', async () => {
    const missing = ['', '..', '–', '-', 'x', 'NA', 'saknas', '…'];
    const csv = 'Kommun;År;Värde\n' + missing.map((m, i) => `Södertälje;${2001 + i};${m}`).join('\n') + '\n';
    const rows = rowsOf(await read(utf8(csv), 'N00945'));
    expect(rows).toHaveLength(missing.length);
    expect(rows.every((r) => r.value === null)).toBe(true);
  });

  it('takes the separator from a "sep=;" line and keeps the line numbers of the file', async () => {
    const csv = 'sep=;\nKommun;År;Värde\nSödertälje;2014;1,5\nSödertälj;2015;2\n';
    const result = await read(utf8(csv), 'N00945');
    expect(errorsOf(result)).toEqual([{ line: 4, message: 'Rad 4: kommunen "Södertälj" finns inte.' }]);
    const fixed = await read(utf8(csv.replace('Södertälj;', 'Södertälje;')), 'N00945');
    expect(fixed).toMatchObject({ ok: true, separator: ';' });
    expect(rowsOf(fixed)).toEqual([row(SODERTALJE, 2014, 1.5), row(SODERTALJE, 2015, 2)]);
  });

  it('skips a title line above the table and a source note below it', async () => {
    const csv = 'Andel behöriga lärare, procent\n\nKommun;År;Värde\nSödertälje;2014;80,5\n;;\nKälla: Skolverket\n';
    expect(rowsOf(await read(utf8(csv), 'N00945'))).toEqual([row(SODERTALJE, 2014, 80.5)]);
  });

  it("reads Kolada's own CSV export (data/kolada/n00945.csv)", async () => {
    const bytes = readFileSync(new URL('../../data/kolada/n00945.csv', import.meta.url));
    const result = await read(new Uint8Array(bytes));
    const rows = rowsOf(result);
    expect(rows).toHaveLength(bytes.toString('utf8').trim().split('\n').length - 1);
    expect(rows[0]).toEqual(row('0180', 2000, 31.32959689));
    expect(new Set(rows.map((r) => r.indicatorKey))).toEqual(new Set(['N00945']));
  });

  it('reads SCB-style "code name" areas and refuses a code and name that disagree', async () => {
    const csv = 'Region;År;Värde\n0181 Södertälje;2014;1\n01 Stockholms län;2014;2\n00 Riket;2014;3\n';
    expect(rowsOf(await read(utf8(csv), 'N00945'))).toEqual([
      row(SODERTALJE, 2014, 1),
      row('0001', 2014, 2),
      row('0000', 2014, 3),
    ]);
    const wrong = await read(utf8('Region;År;Värde\n0181 Nynäshamn;2014;1\n'), 'N00945');
    expect(errorsOf(wrong)).toEqual([
      {
        line: 2,
        message: 'Rad 2: koden och namnet i "0181 Nynäshamn" stämmer inte överens (0181 är Södertälje).',
      },
    ]);
  });
});

describe('wide tables: one column per year', () => {
  it('reads "Kommun;2012;2013;2014" with the indicator given by the caller', async () => {
    const csv = 'Kommun;2012;2013;2014\nSödertälje;1,5;2,5;..\nNynäshamn;10;;12\nRiket;7;8;9\n';
    const result = await read(utf8Bom(csv), 'N00945');
    expect(rowsOf(result)).toEqual([
      row(SODERTALJE, 2012, 1.5),
      row(SODERTALJE, 2013, 2.5),
      row(SODERTALJE, 2014, null),
      row(NYNASHAMN, 2012, 10),
      row(NYNASHAMN, 2013, null),
      row(NYNASHAMN, 2014, 12),
      row('0000', 2012, 7),
      row('0000', 2013, 8),
      row('0000', 2014, 9),
    ]);
  });

  it('reads a gender column in a wide table and names the year column in errors', async () => {
    const csv = 'Kommun;Kön;2020;2021\nSödertälje;K;1;2\nSödertälje;M;3;abc\n';
    const result = await read(utf8(csv), 'N00945');
    expect(errorsOf(result)).toEqual([
      {
        line: 3,
        message:
          'Rad 3, kolumn 2021: värdet "abc" är inte ett tal. Skriv till exempel 1234,5 eller 1 234,5 – eller lämna cellen tom om värde saknas.',
      },
    ]);
    const fixed = rowsOf(await read(utf8(csv.replace('abc', '4')), 'N00945'));
    expect(fixed.map((r) => [r.gender, r.year, r.value])).toEqual([
      ['K', 2020, 1],
      ['K', 2021, 2],
      ['M', 2020, 3],
      ['M', 2021, 4],
    ]);
  });

  it('needs the indicator from the caller when the file has no indicator column', async () => {
    const errors = errorsOf(await read(utf8('Kommun;2012;2013\nSödertälje;1;2\n')));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(1);
    expect(errors[0]!.message).toContain('kolumnen för nyckeltal saknas');
    expect(errors[0]!.message).toContain('"Nyckeltal", "Nyckeltals-id", "KPI" eller "Indikator"');
  });
});

describe('errors: all of them, with their lines, and no rows', () => {
  it('reports every bad row of a file with its line number and returns no rows', async () => {
    const csv = [
      'Nyckeltal;Kommun;År;Kön;Värde', // 1
      'N00945;Södertälje;2014;T;1,5', // 2
      'N00945;Södertälje;20x4;T;1', // 3
      'N00945;Södertälje;2015;T;"två', // 4: a quoted value spanning two lines
      'rader"', // 5
      'N00945;Södertälje;2016;T;12,3,4', // 6
      'N00945;Södertälj;2017;T;1', // 7
      'N99999;Södertälje;2018;T;1', // 8
      'N03702;Södertälje;2018;K;1', // 9
      'N00945;Södertälje;2014;T;2', // 10: same as line 2
      'N00945;Södertälje;1949;X;1', // 11
    ].join('\r\n');
    const errors = errorsOf(await read(utf8(csv)));
    expect(errors.map((e) => e.line)).toEqual([3, 4, 6, 7, 8, 9, 10, 11, 11]);
    expect(errors.map((e) => e.message)).toEqual([
      'Rad 3: året "20x4" är inte ett årtal mellan 1950 och 2100.',
      expect.stringMatching(/^Rad 4: värdet "två\nrader" är inte ett tal\./),
      expect.stringMatching(/^Rad 6: värdet "12,3,4" är inte ett tal\./),
      'Rad 7: kommunen "Södertälj" finns inte.',
      'Rad 8: nyckeltalet "N99999" finns inte.',
      'Rad 9: nyckeltalet N03702 redovisas inte per kön, men raden gäller kvinnor.',
      'Rad 10: Södertälje 2014 (totalt) för N00945 finns redan på rad 2.',
      'Rad 11: könet "X" känns inte igen. Skriv T (totalt), K (kvinnor) eller M (män).',
      'Rad 11: året "1949" är inte ett årtal mellan 1950 och 2100.',
    ]);
  });

  it('stops listing after 100 errors and says how many more there are', async () => {
    const csv = 'Kommun;År;Värde\n' + Array.from({ length: 150 }, (_, i) => `Ingenstans ${i};2014;1`).join('\n');
    const errors = errorsOf(await read(utf8(csv), 'N00945'));
    expect(errors).toHaveLength(101);
    expect(errors[0]).toEqual({ line: 2, message: 'Rad 2: kommunen "Ingenstans 0" finns inte.' });
    expect(errors[99]!.line).toBe(101);
    expect(errors[100]).toEqual({ line: null, message: '…och 50 fel till.' });
  });

  it('names the accepted headers on line 1 when required columns are missing', async () => {
    const errors = errorsOf(await read(utf8('Namn;Tid;Siffra\nSödertälje;2014;1\n'), 'N00945'));
    expect(errors).toHaveLength(2);
    expect(errors.every((e) => e.line === 1 && e.message.startsWith('Rad 1: '))).toBe(true);
    expect(errors[0]!.message).toContain('"Kommun", "Kommunkod", "Kod", "Område", "Region" eller "Municipality"');
    expect(errors[1]!.message).toContain('"År", "Period" eller "Year"');
    expect(errors[1]!.message).toContain('"Värde", "Utfall" eller "Value"');

    const noValue = errorsOf(await read(utf8('Kommun;År;Kön\nSödertälje;2014;T\n'), 'N00945'));
    expect(noValue).toEqual([
      {
        line: 1,
        message: 'Rad 1: kolumnen för värde saknas. Skriv "Värde", "Utfall" eller "Value" i rubrikraden.',
      },
    ]);
  });

  it('refuses an unquoted decimal comma in a comma-separated file instead of reading 12 for 12,5', async () => {
    const errors = errorsOf(await read(utf8('Kommun,År,Värde\nSödertälje,2014,12,5\n'), 'N00945'));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(2);
    expect(errors[0]!.message).toContain('fler fält än rubrikraden');
  });

  it('refuses an indicator in the file that is not the chosen one, and an unknown chosen one', async () => {
    const csv = 'Nyckeltal;Kommun;År;Värde\nN03702;Södertälje;2014;1\nN00945;Södertälje;2015;1\n;Södertälje;2016;1\n';
    expect(errorsOf(await read(utf8(csv), 'N00945'))).toEqual([
      { line: 2, message: 'Rad 2: nyckeltalet "N03702" är inte det valda nyckeltalet N00945.' },
    ]);
    expect(errorsOf(await read(utf8(csv), 'N12345'))).toEqual([
      { line: null, message: 'Nyckeltalet "N12345" finns inte.' },
    ]);
  });

  it('reports an empty file and a file without data rows', async () => {
    expect(errorsOf(await read(new Uint8Array(0)))).toEqual([{ line: null, message: 'Filen är tom.' }]);
    expect(errorsOf(await read(utf8Bom(' \r\n\r\n')))).toEqual([{ line: null, message: 'Filen är tom.' }]);
    expect(errorsOf(await read(utf8('Kommun;År;Värde\r\n;;\r\n'), 'N00945'))).toEqual([
      { line: null, message: 'Filen har en rubrikrad (rad 1) men inga rader med värden under den.' },
    ]);
  });

  it('reports a broken quote with its line', async () => {
    const errors = errorsOf(await read(utf8('Kommun;År;Värde\nSödertälje;2014;1\n"Nynäshamn;2014;2\n'), 'N00945'));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^Rad \d+: ett citattecken \("\) stängs aldrig/);
  });
});

describe('files that are not tables', () => {
  it('refuses an old .xls file and asks for .xlsx or CSV', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    const errors = errorsOf(await read(xls, 'N00945', 'värden.csv'));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('äldre Excel-fil (.xls)');
    expect(errors[0]!.message).toContain('(.xlsx)');
    expect(errors[0]!.message).toContain('CSV');
  });

  it('refuses a PDF and other binary files whatever their name', async () => {
    const pdf = utf8('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    const pdfErrors = errorsOf(await read(pdf, 'N00945', 'värden.csv'));
    expect(pdfErrors[0]!.message).toMatch(/^Filen är varken CSV eller Excel \(\.xlsx\)/);
    expect(pdfErrors[0]!.message).toContain('Filen är en PDF.');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(errorsOf(await read(png, 'N00945', 'värden.xlsx'))).toEqual([
      {
        line: null,
        message:
          'Filen är varken CSV eller Excel (.xlsx). Spara tabellen som CSV (semikolonavgränsad eller UTF-8) eller som ' +
          'Excel-arbetsbok (.xlsx) och försök igen. Namnet slutar på .xlsx, men innehållet är något annat.',
      },
    ]);
    expect(errorsOf(await read(png, 'N00945', 'bild.png'))[0]!.message).not.toContain('Namnet');
  });

  it('refuses a zip file that is not an Excel workbook', async () => {
    const zip = buildZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]);
    expect(errorsOf(await read(zip, 'N00945'))[0]!.message).toContain('ingen Excel-arbetsbok');
  });
});

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('Excel workbooks', () => {
  it('reads a long table with number, text, rich text, formula and percent cells', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Värden');
      ws.addRow(['Nyckeltal', 'Kommunkod', 'År', 'Kön', 'Värde']);
      ws.addRow(['N00945', 181, 2014, 'T', 12.5]); // the code as a number: Excel dropped the leading zero
      ws.addRow(['N00945', '0192', '2014', 'Kvinnor', '1 234,5']);
      ws.addRow([{ richText: [{ text: 'N00' }, { text: '945', font: { bold: true } }] }, 136, 2015, 'M', null]);
      ws.addRow(['N00945', 136, 2016, 'T', { formula: 'B2/10', result: 13.6 }]);
      const percent = ws.addRow(['N00945', 136, 2017, 'T', 0.145]);
      percent.getCell(5).numFmt = '0.0%';
      ws.addRow(['N00945', 'Riket', 2017, 'T', { formula: 'NA()', result: { error: '#N/A' } }]);
    });
    const result = await read(bytes, undefined, 'värden.xlsx');
    expect(result).toMatchObject({ ok: true, format: 'xlsx', encoding: null, separator: null });
    expect(rowsOf(result)).toEqual([
      row(SODERTALJE, 2014, 12.5),
      row(NYNASHAMN, 2014, 1234.5, { gender: 'K' }),
      row(HANINGE, 2015, null, { gender: 'M' }),
      row(HANINGE, 2016, 13.6),
      row(HANINGE, 2017, 14.5),
      row('0000', 2017, null),
    ]);
  });

  it('reads a wide table from the first sheet with data, with merged area cells and text years', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('Tom');
      const hidden = wb.addWorksheet('Hjälp', { state: 'hidden' });
      hidden.addRow(['Kommun', 2012]);
      hidden.addRow(['Huddinge', 1]);
      const ws = wb.addWorksheet('Tabell');
      ws.addRow(['Andel med eftergymnasial utbildning']);
      ws.addRow([]);
      ws.addRow(['Kommun', 'Kön', 2012, 2013, '2014']);
      ws.addRow(['Södertälje', 'K', 40.5, '41,5', '..']);
      ws.addRow([null, 'M', 30, 31, 32]);
      ws.mergeCells('A4:A5');
      ws.addRow(['Nynäshamns kommun', 'T', 1, 2, 3]);
    });
    const rows = rowsOf(await read(bytes, 'N00945', 'tabell.xlsx'));
    expect(rows.map((r) => [r.areaCode, r.gender, r.year, r.value])).toEqual([
      [SODERTALJE, 'K', 2012, 40.5],
      [SODERTALJE, 'K', 2013, 41.5],
      [SODERTALJE, 'K', 2014, null],
      [SODERTALJE, 'M', 2012, 30],
      [SODERTALJE, 'M', 2013, 31],
      [SODERTALJE, 'M', 2014, 32],
      [NYNASHAMN, 'T', 2012, 1],
      [NYNASHAMN, 'T', 2013, 2],
      [NYNASHAMN, 'T', 2014, 3],
    ]);
  });

  it('reports bad Excel cells by their row number', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Blad1');
      ws.addRow(['Kommun', 'År', 'Värde']);
      ws.addRow(['Södertälje', 2014, 1]);
      ws.addRow(['Södertälje', 2015, { formula: '1/0', result: { error: '#DIV/0!' } }]);
      ws.addRow(['Södertälje', new Date(Date.UTC(1905, 6, 6)), 2]); // 2014 typed into a date cell
      ws.addRow(['Södertälje', 2016, new Date(Date.UTC(2016, 0, 1))]);
      ws.addRow(['Södertälje', 2017, { formula: 'B2*2' }]);
    });
    const errors = errorsOf(await read(bytes, 'N00945', 'fel.xlsx'));
    expect(errors).toEqual([
      { line: 3, message: 'Rad 3: cellen innehåller ett fel från Excel (#DIV/0!), inte ett tal.' },
      {
        line: 4,
        message: 'Rad 4: året är en datumcell (1905-07-06). Skriv året som ett tal, till exempel 2014.',
      },
      { line: 5, message: 'Rad 5: värdet är ett datum (2016-01-01), inte ett tal.' },
      {
        line: 6,
        message: 'Rad 6: cellen innehåller ett fel från Excel (formel utan sparat resultat), inte ett tal.',
      },
    ]);
  });

  it('reports an empty workbook', async () => {
    const bytes = await xlsx((wb) => void wb.addWorksheet('Blad1'));
    expect(errorsOf(await read(bytes, 'N00945', 'tom.xlsx'))).toEqual([{ line: null, message: 'Filen är tom.' }]);
  });
});

interface ZipEntrySpec {
  name: string;
  data: Buffer;
  /** Deflate the data (default) or store it. */
  deflate?: boolean;
  /** Declared sizes, to build a zip that lies about them. */
  declaredUncompressed?: number;
  declaredCompressed?: number;
  /** Already compressed data to store as the entry's body. */
  raw?: Buffer;
}

/** A zip file built by hand, as an attacker would, so that sizes can be declared at will. */
function buildZip(specs: ZipEntrySpec[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const spec of specs) {
    const name = Buffer.from(spec.name, 'utf8');
    const deflate = spec.deflate ?? true;
    const body = spec.raw ?? (deflate ? deflateRawSync(spec.data) : spec.data);
    const crc = crc32(spec.data);
    const uncompressed = spec.declaredUncompressed ?? spec.data.length;
    const compressed = spec.declaredCompressed ?? body.length;
    const method = deflate ? 8 : 0;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed, 18);
    local.writeUInt32LE(uncompressed, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed, 20);
    central.writeUInt32LE(uncompressed, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(specs.length, 8);
  end.writeUInt16LE(specs.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, centralDirectory, end]));
}

const workbookXml = { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') };

function memoryInUse(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

describe('zip bombs are refused before exceljs sees them', () => {
  it('refuses an entry packed 1000 times without unpacking it', async () => {
    const zeros = Buffer.alloc(50e6);
    const packed = deflateRawSync(zeros);
    const bomb = buildZip([
      workbookXml,
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), raw: packed, declaredUncompressed: zeros.length },
    ]);
    expect(bomb.length).toBeLessThan(100_000);

    const before = memoryInUse();
    const result = await read(bomb, 'N00945', 'bomb.xlsx');
    const grown = memoryInUse() - before;
    expect(errorsOf(result)[0]!.message).toMatch(
      /^Excel-filen är misstänkt hårt packad: delen "xl\/worksheets\/sheet1\.xml"/,
    );
    expect(errorsOf(result)[0]!.message).toContain('zip-bomb');
    expect(grown).toBeLessThan(20e6);
  });

  it('refuses an entry that unpacks to more than it declares, stopping at the declared size', async () => {
    const packed = deflateRawSync(Buffer.alloc(50e6));
    // Declares 1000 bytes — a harmless ratio — but holds 50 MB of zeros.
    const liar = buildZip([
      workbookXml,
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), raw: packed, declaredUncompressed: 1000 },
    ]);
    const before = memoryInUse();
    const result = await read(liar, 'N00945', 'liar.xlsx');
    expect(errorsOf(result)[0]!.message).toContain('går inte att packa upp till den storlek filen uppger');
    expect(memoryInUse() - before).toBeLessThan(20e6);
  });

  it('refuses more than 2000 entries and more than 100 MB declared in total', async () => {
    const many = buildZip([
      workbookXml,
      ...Array.from({ length: 2000 }, (_, i) => ({ name: `xl/media/bild${i}.txt`, data: Buffer.from('x') })),
    ]);
    expect(errorsOf(await read(many, 'N00945'))[0]!.message).toContain('består av 2001 delar, fler än de 2000');

    const big = buildZip([
      workbookXml,
      ...Array.from({ length: 4 }, (_, i) => ({
        name: `xl/worksheets/sheet${i + 1}.xml`,
        data: Buffer.from('<worksheet/>'),
        declaredUncompressed: 30e6,
        declaredCompressed: 1e6,
      })),
    ]);
    expect(errorsOf(await read(big, 'N00945'))[0]!.message).toContain('packas upp till mer än 100 MB');
  });

  it('accepts a real workbook', async () => {
    const bytes = await xlsx((wb) => void wb.addWorksheet('Blad1').addRow(['Kommun', 2012]));
    expect(await checkXlsxZip(Buffer.from(bytes))).toEqual({ ok: true });
  });
});

describe('area names as users write them', () => {
  it.each([
    ['Södertälje', SODERTALJE],
    ['södertälje', SODERTALJE],
    ['SÖDERTÄLJE KOMMUN', SODERTALJE],
    ['Nynäshamns kommun', NYNASHAMN],
    ['Södertäljes kommun', SODERTALJE],
    ['Stockholms stad', '0180'],
    ['Göteborgs Stad', '1480'],
    ['Malmö stad', '1280'],
    ['Gotlands kommun', '0980'],
    ['Region Gotland', '0009'],
    ['Upplands Bro', '0139'],
    ['Upplands–Bro', '0139'],
    ['Håbo', '0305'],
    ['Habo', '0643'],
    ['Region Stockholm', '0001'],
    ['Stockholms län', '0001'],
    ['Södermanlands län', '0004'],
    ['Västra Götalands län', '0014'],
    ['Region Västra Götaland', '0014'],
    ['Riket', '0000'],
    ['Hela riket', '0000'],
    ['Sverige', '0000'],
    [' Riket ', '0000'],
  ])('%s → %s', (name, code) => {
    expect(lookup.areaByName(name)?.code).toBe(code);
  });

  it('finds nothing for misspelt or unknown names', () => {
    for (const name of ['Södertälj', 'Stockholms kommunförbund', '', 'Region', 'kommun']) {
      expect(lookup.areaByName(name)).toBeUndefined();
    }
  });

  it('pads codes that lost their leading zeros', () => {
    expect(lookup.areaByCode('136')?.title).toBe('Haninge');
    expect(lookup.areaByCode('0136')?.title).toBe('Haninge');
    expect(lookup.areaByCode('0')?.title).toBe('Riket');
    expect(lookup.areaByCode('12345')).toBeUndefined();
    expect(lookup.areaByCode('13a')).toBeUndefined();
  });
});

describe('Swedish numbers', () => {
  it.each([
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['1 234,5', 1234.5],
    ['1\u00a0234\u00a0567', 1234567],
    ['1\u202f234,75', 1234.75],
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    ['1.234', 1.234],
    ['\u22123,2', -3.2],
    ['- 3,2', -3.2],
    ['+7', 7],
    ['45 %', 45],
    ['45%', 45],
    [',5', 0.5],
    [',', null],
  ])('%s', (text, expected) => {
    const parsed = parseSwedishNumber(text);
    if (expected === null) expect(parsed.ok).toBe(false);
    else expect(parsed).toEqual({ ok: true, value: expected });
  });

  it.each(['1,234.5', '1,234,567', '12 34', '1.23,5', '12a', 'e5', '1e5', 'Infinity', '0x10', '12,'])(
    'refuses the ambiguous or malformed %s',
    (text) => {
      expect(parseSwedishNumber(text).ok).toBe(false);
    },
  );

  it('reads formatted Swedish numbers back to the same value', () => {
    const grouping = fc.constantFrom('', ' ', '\u00a0', '\u202f', '.');
    const minus = fc.constantFrom('-', '\u2212');
    fc.assert(
      fc.property(
        fc.double({ min: -1e15, max: 1e15, noNaN: true }).filter((n) => !String(n).includes('e')),
        grouping,
        minus,
        (n, group, minusSign) => {
          const [int, fraction] = String(Math.abs(n)).split('.') as [string, string | undefined];
          // "1.234" alone is one point two three four by decision; points group only before a decimal comma.
          fc.pre(!(group === '.' && fraction === undefined && int.length > 3 && int.length <= 6));
          const grouped = int.replace(/\B(?=(\d{3})+$)/g, group);
          const text = (n < 0 ? minusSign : '') + grouped + (fraction === undefined ? '' : `,${fraction}`);
          expect(parseSwedishNumber(text)).toEqual({ ok: true, value: n === 0 ? 0 : n });
        },
      ),
      { numRuns: 500 },
    );
  });
});
