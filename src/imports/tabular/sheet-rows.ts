/**
 * The common shape CSV and Excel files are read into before their cells are interpreted:
 * rows of cells, each row with the line number the user sees (the CSV line, the Excel row).
 */

export type Cell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  /** `percent`: the Excel cell is formatted as percent, so it shows 100 × the stored number. */
  | { kind: 'number'; value: number; percent: boolean }
  | { kind: 'date'; value: Date }
  /** An Excel error value (`#DIV/0!`) or a formula without a saved result. */
  | { kind: 'error'; code: string };

export interface SheetRow {
  line: number;
  /** By column, from 0; may be sparse (a missing cell is empty). */
  cells: Cell[];
}

export const EMPTY: Cell = { kind: 'empty' };

export function cellAt(row: SheetRow, column: number): Cell {
  return row.cells[column] ?? EMPTY;
}

export function isBlank(cell: Cell): boolean {
  return cell.kind === 'empty' || (cell.kind === 'text' && cell.text.trim() === '');
}

/** The cell as the user would describe it in an error message. */
export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cell.text.trim();
    case 'number':
      return String(cell.value).replace('.', ',');
    case 'date':
      return cell.value.toISOString().slice(0, 10);
    case 'error':
      return cell.code;
  }
}

/** Errors of one file, in Swedish, with the line they concern; a long list is cut after `limit`. */
export class ImportErrors {
  private readonly list: { line: number | null; message: string }[] = [];
  private dropped = 0;

  constructor(private readonly limit = 100) {}

  /** `column` names the column in wide tables, where a row holds many values ("Rad 5, kolumn 2014: …"). */
  add(line: number | null, message: string, column?: string): void {
    if (this.list.length >= this.limit) {
      this.dropped++;
      return;
    }
    const where = line === null ? '' : `Rad ${line}${column === undefined ? '' : `, kolumn ${column}`}: `;
    this.list.push({ line, message: where + message });
  }

  get any(): boolean {
    return this.list.length > 0;
  }

  toList(): { line: number | null; message: string }[] {
    return this.dropped === 0
      ? [...this.list]
      : [...this.list, { line: null, message: `…och ${this.dropped} fel till.` }];
  }
}
