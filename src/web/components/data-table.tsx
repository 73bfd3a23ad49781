/**
 * A data table with a required caption and column headers, wrapped in a keyboard-focusable,
 * labelled scroll region: wide tables scroll inside the region instead of making the page scroll
 * sideways at 320 px (WCAG 1.4.10), and keyboard users can scroll it (axe: scrollable-region-focusable).
 */
import type { Child } from 'hono/jsx';
import { texts } from '../i18n/texts.js';

export interface DataTableColumn {
  label: string;
  /** Right-aligned with tabular figures, for amounts and counts. */
  numeric?: boolean;
}

export interface DataTableProps {
  /** Names the table and its scroll region; required so every table is identifiable. */
  caption: string;
  columns: readonly DataTableColumn[];
  /** One array of cells per row, in column order. */
  rows: readonly (readonly Child[])[];
  /** The first cell of each row names the row: rendered as `<th scope="row">`. */
  rowHeaders?: boolean;
  /** Shown in a single row when `rows` is empty; defaults to "Inga uppgifter" ("No data"). */
  empty?: string;
}

export function DataTable({
  caption,
  columns,
  rows,
  rowHeaders = false,
  empty = texts().common.noData,
}: DataTableProps) {
  const numericClass = (index: number) => (columns[index]?.numeric ? 'num' : undefined);
  return (
    <div class="table-wrap" role="region" aria-label={caption} tabindex={0}>
      <table class="ds-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th scope="col" class={numericClass(index)}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colspan={columns.length}>{empty}</td>
            </tr>
          ) : (
            rows.map((cells) => (
              <tr>
                {cells.map((cell, index) =>
                  rowHeaders && index === 0 ? (
                    <th scope="row" class={numericClass(index)}>
                      {cell}
                    </th>
                  ) : (
                    <td class={numericClass(index)}>{cell}</td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
