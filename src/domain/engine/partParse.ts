import { createDelimitedStream } from '../import/delimited';
import { createPieceDecoder } from '../import/decode';
import { findDyadicLayout } from '../import/layouts';
import { rowKinds } from '../import/eventRows';
import type { ImportProblem } from '../import/problems';
import { createRowBatcher, type RowBatch } from './rowBatch';

/** What the part's parse needs from the whole text's (splitRead.ts): the file name, delimiter and line break. */
export interface PartStart {
  fileName: string;
  delimiter: string;
  newline: string;
}

/**
 * The first part of an event file, parsed: its data rows (blank ones too, so the next part knows its first row's
 * index), the rows that were not contacts, the parser's problems and whether it ended inside a quoted cell (the cut
 * was not between rows). Not ok: the bytes were not UTF-8, or the header names no event layout.
 */
export type PartDone = { ok: true; header: string[]; rows: number; notContacts: number; problems: ImportProblem[]; unclosedQuote: boolean } | { ok: false; why: string };

/** Contact rows per batch sent: a few milliseconds to read on the other side. */
const BATCH_ROWS = 2000;

/**
 * The helper's half of a split import, without the worker around it: bytes in (`push`), contact rows out (`send`, with
 * the rows and characters parsed so far), then `end` for the rest. Non-contact rows are only counted.
 */
export function createPartParser(start: PartStart, send: (batch: RowBatch, rows: number, chars: number) => void): { push(bytes: Uint8Array): void; end(): PartDone } {
  const decoder = createPieceDecoder('utf-8');
  let valid = true;
  let layoutFound = false;
  let rows = 0;
  let notContacts = 0;
  let chars = 0;
  const batcher = createRowBatcher(BATCH_ROWS, (batch) => send(batch, rows, chars));
  const stream = createDelimitedStream(
    start.fileName,
    (_, parsed) => (chars = parsed),
    (header) => {
      const found = findDyadicLayout(header);
      if (!found) return () => undefined;
      layoutFound = true;
      const kindOf = rowKinds(found.mapping, found.layout);
      return (cells, i) => {
        rows = i + 1;
        const kind = kindOf(cells);
        if (kind === 'contact') batcher.add(cells, i);
        else if (kind === 'notContact') notContacts++;
      };
    },
    { delimiter: start.delimiter, newline: start.newline, cutAtLineBreak: true },
  );
  const take = (text: string | null) => {
    if (text === null) valid = false;
    else if (text) stream.push(text);
  };
  return {
    push(bytes) {
      if (valid) take(decoder.push(bytes));
    },
    end() {
      if (valid) take(decoder.end());
      if (!valid) return { ok: false, why: 'not UTF-8 text' };
      const table = stream.end();
      batcher.flush();
      if (!layoutFound) return { ok: false, why: 'not an event layout' };
      return { ok: true, header: table.header, rows, notContacts, problems: table.problems, unclosedQuote: table.unclosedQuote === true };
    },
  };
}
