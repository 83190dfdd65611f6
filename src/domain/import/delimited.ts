import Papa from 'papaparse';
import type { ImportProblem } from './problems';

export interface Table {
  header: string[];
  /** Data rows; `rows[i]` is spreadsheet row `i + 2` (the header is row 1). Empty lines stay as empty rows. */
  rows: string[][];
  delimiter: string;
  problems: ImportProblem[];
}

const CANDIDATES = ['\t', ',', ';', '|'] as const;
const NAMES: Record<string, string> = { '\t': 'tab', ',': 'comma', ';': 'semicolon', '|': 'vertical bar' };
export const delimiterName = (d: string): string => NAMES[d] ?? JSON.stringify(d);

/**
 * The delimiter is read from the header line alone: data cells often hold `;`-separated lists, which would fool
 * a guess over the whole file, while header names rarely contain a delimiter. `.tsv`/`.tab` files are tab-separated.
 */
export function detectDelimiter(text: string, fileName = ''): string {
  if (/\.(tsv|tab)$/i.test(fileName)) return '\t';
  const firstLine = text.slice(0, Math.min(text.length, 64 * 1024)).split(/\r\n|\n|\r/, 1)[0] ?? '';
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  let best: string = ',';
  let bestCount = 0;
  for (const d of CANDIDATES) {
    const count = outsideQuotes.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

export interface ParseProgress {
  rows: number;
  /** 0–1 of the text read. */
  fraction: number;
}

/**
 * A data row a reader has already decided to leave out (see `skipRow`): kept as this one shared empty row, so row
 * numbers stay as in the file while the row's cells are never held.
 */
export const SKIPPED_ROW: readonly string[] = Object.freeze([]);

/**
 * CSV/TSV text to a table with papaparse (quoting, doubled quotes, CRLF, line breaks inside quoted cells).
 * Structural errors (an unclosed quote) become problems with the row they start in. `skipRow`, given the header,
 * may return a test for data rows to keep out as SKIPPED_ROW (an event file's non-contact rows: four in five rows of a
 * year of ICEWS, whose million rows of cells held until the reader ran were most of the import's garbage-collection time).
 */
export function parseDelimited(text: string, fileName = '', onProgress?: (p: ParseProgress) => void, skipRow?: (header: readonly string[]) => ((cells: readonly string[]) => boolean) | null): Table {
  const delimiter = detectDelimiter(text, fileName);
  const all: string[][] = [];
  const problems: ImportProblem[] = [];
  const every = 5000;
  let skip: ((cells: readonly string[]) => boolean) | null = null;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      void parser;
      if (all.length === 0) {
        all.push(result.data);
        skip = skipRow?.(result.data.map((h) => h.trim())) ?? null;
      } else all.push(skip && !result.errors.length && skip(result.data) ? (SKIPPED_ROW as string[]) : result.data);
      for (const e of result.errors) {
        problems.push({ row: all.length, column: '', value: '', message: e.code === 'MissingQuotes' ? 'a quoted cell is never closed (a " is missing)' : e.message });
      }
      if (onProgress && all.length % every === 0) onProgress({ rows: all.length - 1, fraction: Math.min(1, result.meta.cursor / Math.max(1, text.length)) });
    },
  });
  const header = (all[0] ?? []).map((h) => h.trim());
  return { header, rows: all.slice(1), delimiter, problems };
}

/** A row with nothing in it (an empty line or only delimiters) is skipped without a problem. */
export const isBlankRow = (row: readonly string[]): boolean => row.every((cell) => cell.trim() === '');
