/**
 * A row that could not be read, located the way a spreadsheet user finds it: row number (the header is row 1),
 * column name and the value found. The UI, the notice after `?data=` and tests all print `formatProblem`.
 */
export interface ImportProblem {
  row: number;
  column: string;
  value: string;
  message: string;
}

import { isolate } from '../bidi';

/** Shortened and isolated: a cell or header holding a right-to-left override must not reorder the message. */
const shown = (value: string) => isolate(value.length > 60 ? `${value.slice(0, 57)}…` : value);

export function formatProblem(p: ImportProblem): string {
  const where = p.row > 0 ? `Row ${p.row}` : 'File';
  const column = p.column ? `, ${shown(p.column)}` : '';
  const value = p.value ? ` "${shown(p.value)}"` : '';
  return `${where}${column}${value}: ${p.message}`;
}

/** The problems of one row, so a row with two mistakes is still counted once as skipped. */
export const skippedRows = (problems: readonly ImportProblem[]): number => new Set(problems.filter((p) => p.row > 0).map((p) => p.row)).size;
