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

/** Given the header, where each data row goes as it is read (its cells and its index among the data rows), or null to keep them. */
export type RowSink = (header: readonly string[]) => ((cells: readonly string[], i: number) => void) | null;

/**
 * CSV/TSV text to a table with papaparse (quoting, doubled quotes, CRLF, line breaks inside quoted cells).
 * Structural errors (an unclosed quote) become problems with the row they start in. `sink`, given the header, may take
 * the data rows as they are read instead of the table (an event file's reader: then `rows` stays empty and no row's
 * cells are held once read; see createDyadicReader).
 */
export function parseDelimited(text: string, fileName = '', onProgress?: (p: ParseProgress) => void, sink?: RowSink): Table {
  const delimiter = detectDelimiter(text, fileName);
  let header: string[] | null = null;
  const rows: string[][] = [];
  const problems: ImportProblem[] = [];
  const every = 5000;
  let read = 0;
  let take: ((cells: readonly string[], i: number) => void) | null = null;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      if (header === null) {
        header = result.data.map((h) => h.trim());
        take = sink?.(header) ?? null;
      } else if (take) take(result.data, read++);
      else {
        rows.push(result.data);
        read++;
      }
      for (const e of result.errors) {
        problems.push({ row: read + 1, column: '', value: '', message: e.code === 'MissingQuotes' ? 'a quoted cell is never closed (a " is missing)' : e.message });
      }
      if (onProgress && (read + 1) % every === 0) onProgress({ rows: read, fraction: Math.min(1, result.meta.cursor / Math.max(1, text.length)) });
    },
  });
  return { header: header ?? [], rows, delimiter, problems };
}

/** A row with nothing in it (an empty line or only delimiters) is skipped without a problem. */
export const isBlankRow = (row: readonly string[]): boolean => row.every((cell) => cell.trim() === '');
