/** A table to download: columns in order, and rows keyed by the columns' keys. */
export interface ExportColumn {
  key: string;
  header: string;
}

/** A missing key or null is an empty cell; numbers stay numbers (never formatted to text in .xlsx). */
export type ExportRow = Record<string, string | number | null | undefined>;

/**
 * Text that a spreadsheet would run as a formula when the user opens a CSV file ("=HYPERLINK(…)",
 * "+1+1", "-2+3", "@SUM(…)", or a tab or carriage return before one) gets a leading apostrophe,
 * which Excel and LibreOffice show as text. Only text is touched: numbers are written as numbers.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
