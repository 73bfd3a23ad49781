import { parse } from 'csv-parse/sync';
import type { SheetRow } from './sheet-rows.js';

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
export type Separator = ';' | ',' | '\t';

const SEPARATORS: Separator[] = [';', '\t', ','];

/**
 * Decodes a text file as Swedish users' programs write it:
 * - a UTF-16 byte order mark: Excel's "Unicode-text (*.txt)";
 * - valid UTF-8 (a BOM is dropped): "CSV UTF-8" from Excel, and everything from other programs;
 * - anything else is Windows-1252: plain "CSV (semikolonavgränsad)" from Swedish Excel on Windows,
 *   where å, ä and ö are single bytes (invalid as UTF-8).
 * Returns null when the bytes do not look like text at all (NUL bytes, many control characters).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  if (bytes.includes(0)) return null;
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  let decoded: { text: string; encoding: TextEncodingName };
  try {
    decoded = { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    decoded = { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
  return looksLikeText(decoded.text) ? decoded : null;
}

/** A CSV file has next to no control characters besides tab, CR and LF; a binary file has many. */
function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 65536);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) controls++;
  }
  return controls <= Math.max(2, sample.length / 1000);
}

/**
 * Excel's own hint on the first line, `sep=;`, fixes the separator. The line is blanked rather
 * than removed, so the line numbers in error messages stay those of the file.
 */
export function takeSeparatorHint(text: string): { text: string; separator: Separator | null } {
  const m = /^sep=(.)\r?\n/i.exec(text);
  if (!m || !SEPARATORS.includes(m[1] as Separator)) return { text, separator: null };
  return { text: text.slice(m[0].length - (m[0].endsWith('\r\n') ? 2 : 1)), separator: m[1] as Separator };
}

/**
 * Separators worth trying, most likely first: those occurring (outside quotes) on the first line
 * that has any, by number of occurrences. Swedish Excel writes `;` because `,` is the decimal mark;
 * a title line above the table ("Andel, procent") may hold a comma, so every candidate found in the
 * first lines is kept and the caller keeps the first with which a header row is recognised.
 */
export function separatorCandidates(text: string): Separator[] {
  const lines = text.split(/\r\n|\n|\r/, 20).filter((l) => l.trim() !== '');
  const found: Separator[] = [];
  for (const line of lines) {
    const counts = countOutsideQuotes(line);
    const present = SEPARATORS.filter((s) => counts[s] > 0).sort((a, b) => counts[b] - counts[a]);
    for (const s of present) if (!found.includes(s)) found.push(s);
  }
  return found.length > 0 ? found : [';'];
}

function countOutsideQuotes(line: string): Record<Separator, number> {
  const counts: Record<Separator, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  return counts;
}

export type CsvRows = { ok: true; rows: SheetRow[] } | { ok: false; line: number | null; message: string };

/**
 * Parses with csv-parse. Every line becomes a record (empty lines too), and each record's raw text
 * says how many line breaks it spans, so every row gets the line the user sees in an editor —
 * also after cells that span lines. `toLine` limits the parse (for trying separators on the head).
 */
export function parseCsv(text: string, separator: Separator, toLine?: number): CsvRows {
  let records: { record: string[]; raw: string }[];
  try {
    // One kind of line break, so that counting "\n" counts lines (a lone CR is an old Mac's break).
    records = parse(text.replace(/\r\n?/g, '\n'), {
      delimiter: separator,
      raw: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      ...(toLine === undefined ? {} : { to_line: toLine }),
    }) as unknown as { record: string[]; raw: string }[];
  } catch (err) {
    const line = typeof (err as { lines?: unknown }).lines === 'number' ? (err as { lines: number }).lines : null;
    const code = (err as { code?: string }).code;
    const what =
      code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'ett citattecken (") stängs aldrig'
        : code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'INVALID_OPENING_QUOTE'
          ? 'ett citattecken (") står på fel ställe'
          : 'raden kan inte läsas som CSV';
    return { ok: false, line, message: `${what}. Kontrollera raden eller spara om filen från Excel.` };
  }
  const rows: SheetRow[] = [];
  let line = 1;
  for (const { record, raw } of records) {
    rows.push({ line, cells: record.map((text) => ({ kind: 'text', text })) });
    for (let i = raw.indexOf('\n'); i !== -1; i = raw.indexOf('\n', i + 1)) line++;
  }
  return { ok: true, rows };
}
