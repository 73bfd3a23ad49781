import type { ExportColumn, ExportRow } from './table.js';

/** exceljs is large (about 20 MB in memory): loaded on the first Excel file, not at start. */
const loadExcelJs = async () => (await import('exceljs')).default;

export interface XlsxOptions {
  /** Written in the first column two rows under the table, e.g. "Källa: Kolada". */
  sourceNote?: string;
  /**
   * Lines above the table saying what the file is (title first, in bold), then an empty row; the
   * header row stays frozen under them.
   */
  preamble?: readonly string[];
}

/**
 * An Excel workbook with one sheet: an optional preamble, a bold, frozen header row, then the rows. Numbers are stored
 * as numbers; text is stored as text and never as a formula, so "=…" in a title cannot run.
 * Null and non-finite numbers give an empty cell.
 */
export async function toXlsx(
  sheetName: string,
  columns: ExportColumn[],
  rows: ExportRow[],
  opts: XlsxOptions = {},
): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Samverkan';
  const preamble = opts.preamble?.length ? [...opts.preamble, ''] : [];
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), {
    views: [{ state: 'frozen', ySplit: preamble.length + 1 }],
  });
  preamble.forEach((line, i) => {
    const row = sheet.addRow([xmlSafe(line)]);
    if (i === 0) row.font = { bold: true, size: 14 };
  });

  const header = sheet.addRow(columns.map((c) => xmlSafe(c.header)));
  header.font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      columns.map((c) => {
        const value = row[c.key];
        if (typeof value === 'number') return Number.isFinite(value) ? value : null;
        return typeof value === 'string' ? xmlSafe(value) : null;
      }),
    );
  }
  columns.forEach((c, i) => {
    const longest = Math.max(c.header.length, ...rows.slice(0, 1000).map((r) => String(r[c.key] ?? '').length));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2));
  });
  if (opts.sourceNote) {
    sheet.addRow([]);
    const note = sheet.addRow([xmlSafe(opts.sourceNote)]);
    note.font = { italic: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ], not beginning or
 * ending with an apostrophe, not empty. Breaking them makes Excel refuse or repair the file.
 */
export function safeSheetName(name: string): string {
  const cleaned = xmlSafe(name)
    .replace(/[:\\/?*[\]\r\n\t]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .slice(0, 31)
    .trim();
  return cleaned === '' ? 'Blad1' : cleaned;
}

/** Control characters are not allowed in XML; exceljs would write a file Excel must repair. */
function xmlSafe(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) continue;
    out += ch;
  }
  return out;
}
