import type { ValueRow } from '../../domain/indicators/indicator.js';
import type { ImportLookup } from './import-lookup.js';
import { findLayout, interpretRows } from './interpret-table.js';
import {
  decodeText,
  parseCsv,
  separatorCandidates,
  takeSeparatorHint,
  type Separator,
  type TextEncodingName,
} from './read-csv.js';
import { readXlsxRows } from './read-xlsx.js';
import { ImportErrors, type SheetRow } from './sheet-rows.js';
import { checkXlsxZip } from './zip-guard.js';

export { createImportLookup, type ImportLookup } from './import-lookup.js';

/**
 * Reading indicator values from a CSV or Excel (.xlsx) file as Swedish users produce them.
 *
 * Contract: either every row of the file is understood and `rows` holds them all, or `ok` is false
 * with every problem found (at most 100, then a count of the rest), each in Swedish and with the
 * line of the file it concerns (the CSV line or the Excel row) — and no rows, so the caller stores
 * nothing. A missing value ("..", "–", "saknas", an empty cell) gives a row with value null, never 0.
 */

export type ReadResult =
  | {
      ok: true;
      rows: ValueRow[];
      format: 'csv' | 'xlsx';
      /** The text encoding found; null for Excel. UTF-16 is Excel's "Unicode-text". */
      encoding: TextEncodingName | null;
      /** null for Excel. */
      separator: Separator | null;
    }
  | { ok: false; errors: { line: number | null; message: string }[] };

export interface ReadOptions {
  /**
   * The uploaded file's name. It never decides how the file is read — the content does — but a
   * refusal says when the name promises a table the content is not.
   */
  fileName: string;
  lookup: ImportLookup;
  /** The indicator the values belong to when the file has no indicator column (always so for wide tables). */
  indicatorKey?: string;
}

const NOT_A_TABLE =
  'Filen är varken CSV eller Excel (.xlsx). Spara tabellen som CSV (semikolonavgränsad eller UTF-8) eller som Excel-arbetsbok (.xlsx) och försök igen.';

const fail = (message: string, line: number | null = null): ReadResult => ({
  ok: false,
  errors: [{ line, message: line === null ? message : `Rad ${line}: ${message}` }],
});

export async function readValuesFile(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const { lookup } = options;
  let defaultIndicator: { key: string; byGender: boolean } | undefined;
  if (options.indicatorKey !== undefined) {
    defaultIndicator = lookup.indicator(options.indicatorKey);
    if (!defaultIndicator) return fail(`Nyckeltalet "${options.indicatorKey}" finns inte.`);
  }
  if (bytes.length === 0) return fail('Filen är tom.');

  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const check = await checkXlsxZip(buffer);
    if (!check.ok) return fail(check.message);
    const read = await readXlsxRows(buffer);
    if (!read.ok) return fail(read.message);
    return interpret(read.rows, options, defaultIndicator, { format: 'xlsx', encoding: null, separator: null });
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // The old binary format; password-protected .xlsx files are stored in the same container.
    return fail(
      'Filen är en äldre Excel-fil (.xls) eller en lösenordsskyddad arbetsbok, som inte kan läsas. ' +
        'Öppna den i Excel och spara den som Excel-arbetsbok (.xlsx) utan lösenord, eller som CSV.',
    );
  }
  const notATable = NOT_A_TABLE + misleadingName(options.fileName);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return fail(`${notATable} Filen är en PDF.`);

  const decoded = decodeText(bytes);
  if (!decoded) return fail(notATable);
  if (decoded.text.trim() === '') return fail('Filen är tom.');

  const hinted = takeSeparatorHint(decoded.text);
  const candidates = hinted.separator ? [hinted.separator] : separatorCandidates(hinted.text);
  // Try each candidate on the head of the file; the first that gives a recognisable header wins.
  const separator =
    candidates.find((s) => {
      const head = parseCsv(hinted.text, s, 30);
      return head.ok && findLayout(head.rows, defaultIndicator === undefined).ok;
    }) ?? candidates[0]!;
  const parsed = parseCsv(hinted.text, separator);
  if (!parsed.ok) return fail(parsed.message, parsed.line);
  return interpret(parsed.rows, options, defaultIndicator, { format: 'csv', encoding: decoded.encoding, separator });
}

function interpret(
  rows: SheetRow[],
  options: ReadOptions,
  defaultIndicator: { key: string; byGender: boolean } | undefined,
  meta: { format: 'csv' | 'xlsx'; encoding: TextEncodingName | null; separator: Separator | null },
): ReadResult {
  const layout = findLayout(rows, defaultIndicator === undefined);
  if (!layout.ok) {
    return {
      ok: false,
      errors: layout.problems.map((p) =>
        layout.line === null ? { line: null, message: p } : { line: layout.line, message: `Rad ${layout.line}: ${p}` },
      ),
    };
  }
  const errors = new ImportErrors();
  const { rows: values, dataRows } = interpretRows(rows, layout.layout, options.lookup, defaultIndicator, errors);
  if (errors.any) return { ok: false, errors: errors.toList() };
  if (dataRows === 0) {
    return fail(`Filen har en rubrikrad (rad ${layout.layout.line}) men inga rader med värden under den.`);
  }
  return { ok: true, rows: values, ...meta };
}

/** " Namnet slutar på .csv, men innehållet är något annat." when the name claims a table format. */
function misleadingName(fileName: string): string {
  const ext = /\.(csv|txt|tsv|xlsx|xls)$/i.exec(fileName.trim())?.[1];
  return ext ? ` Namnet slutar på .${ext.toLowerCase()}, men innehållet är något annat.` : '';
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}
