/**
 * CSV formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab / carriage
 * return) as a formula, so text from a dataset could run `=HYPERLINK(…)` on the reader's machine.
 * We prefix such cells with an apostrophe (the OWASP advice; spreadsheets show it as text).
 *
 * To keep the export re-importable to the same meetings, the prefix is reversible: a cell that
 * already starts with apostrophes followed by a trigger character gets one more, and the reader
 * removes exactly one. So `=1` ↔ `'=1` and `'=1` ↔ `''=1`, and every other text is untouched.
 */
export const FORMULA_TRIGGER = /^'*[=+\-@\t\r]/;

export function escapeSpreadsheetCell(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

/** The inverse of escapeSpreadsheetCell, for readers of sheets that Parley (or a careful tool) wrote. */
export function unescapeSpreadsheetCell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
