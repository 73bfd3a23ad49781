import { neutraliseFormula, type ExportColumn, type ExportRow } from './table.js';

export interface CsvOptions {
  /**
   * `;` (default) is what Swedish Excel expects, with decimal comma. With `,` the decimal mark is
   * a point, so that numbers need no quotes and the file suits English-language programs.
   */
  separator?: ';' | ',' | '\t';
  /** The UTF-8 byte order mark, which makes Excel read å, ä and ö correctly. Default true. */
  bom?: boolean;
}

/**
 * A CSV download for Swedish Excel: returns the text, to be sent as UTF-8 (the BOM is its first
 * character). Lines end in CRLF; a field is quoted (RFC 4180, quotes doubled) when it holds the
 * separator, a quote or a line break. Numbers are written in full, without exponent or thousands
 * separator; null and non-finite numbers give an empty field. Text is neutralised against formula
 * injection.
 */
export function toCsv(columns: ExportColumn[], rows: ExportRow[], opts: CsvOptions = {}): string {
  const separator = opts.separator ?? ';';
  const decimalMark = separator === ',' ? '.' : ',';
  const field = (value: string | number | null | undefined): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return formatCsvNumber(value, decimalMark);
    return quote(neutraliseFormula(value), separator);
  };
  const lines = [
    columns.map((c) => field(c.header)).join(separator),
    ...rows.map((row) => columns.map((c) => field(row[c.key])).join(separator)),
  ];
  return (opts.bom === false ? '' : '\uFEFF') + lines.map((l) => l + '\r\n').join('');
}

function quote(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The shortest decimal that reads back as the same number (JavaScript's own), written without
 * exponent (1e-7 → 0,0000001, which Excel reads as a number) and with the given decimal mark.
 * Non-finite numbers give an empty string.
 */
export function formatCsvNumber(n: number, decimalMark: ',' | '.' = ','): string {
  if (!Number.isFinite(n)) return '';
  return plainDecimal(n).replace('.', decimalMark);
}

function plainDecimal(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int, fraction = '', exponent] = m as unknown as [string, string, string, string | undefined, string];
  const digits = int + fraction;
  const point = int.length + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
