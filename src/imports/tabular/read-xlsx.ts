import type ExcelJS from 'exceljs';

/** exceljs is large (about 20 MB in memory): loaded on the first Excel file, not at start. */
const loadExcelJs = async () => (await import('exceljs')).default;
import { EMPTY, isBlank, type Cell, type SheetRow } from './sheet-rows.js';

export type XlsxRows = { ok: true; rows: SheetRow[] } | { ok: false; message: string };

/**
 * Reads the first worksheet that has data (visible sheets before hidden ones) into rows of cells.
 * Call only after `checkXlsxZip` accepted the bytes: exceljs unpacks everything into memory.
 */
export async function readXlsxRows(buffer: Buffer): Promise<XlsxRows> {
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    // exceljs's typings declare their own Buffer (an ArrayBuffer); at run time it takes Node's Buffer.
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return { ok: false, message: 'Excel-filen kan inte läsas. Den kan vara skadad; spara om den i Excel.' };
  }
  const sheets = workbook.worksheets;
  const ordered = [...sheets.filter((s) => s.state === 'visible'), ...sheets.filter((s) => s.state !== 'visible')];
  for (const sheet of ordered) {
    const rows = sheetRows(sheet);
    if (rows.some((r) => r.cells.some((c) => !isBlank(c)))) return { ok: true, rows };
  }
  return { ok: true, rows: [] };
}

function sheetRows(sheet: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    // A merged cell (an area name spanning its K, M and T rows) gives its master's value in every cell.
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      cells[colNumber - 1] = toCell(cell.value, cell.numFmt);
    });
    rows.push({ line: rowNumber, cells });
  });
  return rows;
}

export function toCell(value: ExcelJS.CellValue, numFmt: string | undefined): Cell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return { kind: 'number', value, percent: isPercentFormat(numFmt) };
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'SANT' : 'FALSKT' };
  if (value instanceof Date) return { kind: 'date', value };
  if ('error' in value) return { kind: 'error', code: value.error };
  if ('richText' in value) return { kind: 'text', text: value.richText.map((r) => r.text).join('') };
  if ('hyperlink' in value) {
    // exceljs gives a hyperlink's text as rich text when the cell was formatted in parts.
    const text = value.text as unknown;
    return typeof text === 'string' ? { kind: 'text', text } : toCell(text as ExcelJS.CellValue, numFmt);
  }
  if ('formula' in value || 'sharedFormula' in value) {
    // Excel saves each formula's last result; a file written by a program may lack it.
    if (value.result === undefined) return { kind: 'error', code: 'formel utan sparat resultat' };
    return toCell(value.result, numFmt);
  }
  return EMPTY;
}

/** Whether a number format shows percent: a `%` outside quoted text and backslash escapes. */
export function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .includes('%');
}
