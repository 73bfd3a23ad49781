/**
 * A dataset's table as a file: CSV for programs (comma-separated, UTF-8 without byte order mark, a point
 * as decimal mark, RFC 4180 quoting), JSON (the table with what it is, its terms and where the catalogue
 * is), and an Excel workbook for people (the table from the first row, its terms under it). All three
 * are made from the same columns and rows, with the existing export writers.
 */
import { toCsv } from '../../exports/csv-export.js';
import { toXlsx } from '../../exports/xlsx-export.js';
import type { DatasetTable } from './dataset-table.js';
import { FILE_FORMATS, type OpenDataFormat } from './vocabularies.js';

/** What a file says about itself besides the rows (in Swedish, like the data). */
export interface DatasetFileMeta {
  slug: string;
  title: string;
  description: string;
  /** The licence's address (CC0), or null when the rows carry their sources' terms. */
  licence: string | null;
  /** The terms in words. */
  terms: string;
  /** Absolute addresses of the dataset's page and of the catalogue. */
  page: string;
  catalogue: string;
}

export interface DatasetFile {
  body: string | Uint8Array;
  contentType: string;
  fileName: string;
}

export async function datasetFile(
  table: DatasetTable,
  format: OpenDataFormat,
  meta: DatasetFileMeta,
): Promise<DatasetFile> {
  const fileName = `${meta.slug}.${format}`;
  switch (format) {
    case 'csv':
      return {
        body: toCsv(table.columns, table.rows, { separator: ',', bom: false }),
        contentType: `${FILE_FORMATS.csv.mediaType}; charset=utf-8; header=present`,
        fileName,
      };
    case 'json': {
      const json = {
        datamangd: meta.slug,
        titel: meta.title,
        beskrivning: meta.description,
        licens: meta.licence,
        villkor: meta.terms,
        andrad: table.modified,
        period: table.temporal && { start: table.temporal.start, slut: table.temporal.end },
        anmarkningar: table.notices,
        sida: meta.page,
        katalog: meta.catalogue,
        kolumner: table.columns.map((c) => ({ nyckel: c.key, rubrik: c.header })),
        rader: table.rows.map((row) => Object.fromEntries(table.columns.map((c) => [c.key, row[c.key] ?? null]))),
      };
      return {
        body: JSON.stringify(json),
        contentType: `${FILE_FORMATS.json.mediaType}; charset=utf-8`,
        fileName,
      };
    }
    case 'xlsx': {
      const note = [...table.notices, meta.terms, `Källa och beskrivning: ${meta.page}`].join(' ');
      return {
        body: new Uint8Array(await toXlsx(meta.title, table.columns, table.rows, { sourceNote: note })),
        contentType: FILE_FORMATS.xlsx.mediaType,
        fileName,
      };
    }
  }
}
