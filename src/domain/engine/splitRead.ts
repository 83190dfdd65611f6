import { createDelimitedStream, detectDelimiter, FIRST_PIECE, guessLineBreak, headerOf, type DelimitedStream } from '../import/delimited';
import { createPieceDecoder, encodingOf, headOf } from '../import/decode';
import { eventOutcome, eventReadingFor, looksLikeJson, type EventReading, type ImportOutcome } from '../import/pipeline';
import { rowKinds } from '../import/eventRows';
import { BodyTap } from './bodyTap';
import type { PartDone, PartStart } from './partParse';
import { forEachRow, type RowBatch } from './rowBatch';

/**
 * A large event file read on both cores: a helper worker parses the first part of the body (most of it) while the
 * load worker parses the rest and reads the helper's contact rows as they come; the load worker then reads its own
 * rows, so every row goes through one reader in file order and the outcome is `importStream`'s for the same text.
 * The cut is at a line break; if that line break was inside a quoted cell (the helper's part ends in a quote), or the
 * helper fails, the caller reads the body whole instead.
 */

export type PartRequest = { type: 'start'; start: PartStart } | { type: 'piece'; bytes: Uint8Array } | { type: 'end' };
export type PartReply = { type: 'rows'; batch: RowBatch; rows: number; chars: number } | { type: 'done'; done: PartDone };

/** The helper as the load worker sees it (a worker in the browser; the same parser in-process in tests). */
export interface PartHelper {
  post(request: PartRequest): void;
  listen(take: (reply: PartReply) => void): void;
  close(): void;
}

export function workerHelper(worker: Worker): PartHelper {
  return {
    post: (request) => worker.postMessage(request),
    listen(take) {
      worker.onmessage = (event: MessageEvent<PartReply>) => take(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        take({ type: 'done', done: { ok: false, why: event.message || 'the helper could not start' } });
      };
    },
    close: () => worker.terminate(),
  };
}

/** Bodies from this size are split (their Content-Length must be known): below it a helper's start costs more than it saves. */
export const SPLIT_MIN_BYTES = 16 * 2 ** 20;
/** The helper's share of the body: the load worker also reads every contact row (the helper's too) and its own part. */
export const HELPER_SHARE = 0.8;
/** Enough bytes for papaparse's line-break guess over the first megabyte of characters (UTF-8: up to 4 bytes each). */
const PLAN_BYTES = 4 * FIRST_PIECE + 4;

export interface SplitPlan {
  delimiter: string;
  newline: string;
  header: string[];
  reading: EventReading;
  /** The cut is at the first line break that ends at or after this byte. */
  cutFrom: number;
}

/** A split for a body on its way, decided from its first megabytes: only a large UTF-8 event file is split. */
export async function planSplit(tap: BodyTap, fileName: string, minBytes = SPLIT_MIN_BYTES): Promise<SplitPlan | null> {
  const total = tap.total;
  if (total === null || total < minBytes) return null;
  const head = await tap.head(Math.min(total, PLAN_BYTES));
  if (encodingOf(head) !== 'utf-8') return null;
  const text = createPieceDecoder('utf-8').push(head);
  // The line break is guessed from the first megabyte of characters, as the whole text's parse guesses it.
  if (!text || (text.length < FIRST_PIECE && head.length < total)) return null;
  const delimiter = detectDelimiter(text, fileName);
  const newline = guessLineBreak(text, delimiter);
  const header = headerOf(text, delimiter, newline, head.length === total);
  const reading = header && eventReadingFor(header, fileName);
  return header && reading ? { delimiter, newline, header, reading, cutFrom: Math.floor(total * HELPER_SHARE) } : null;
}

/** Where the first line break at or after `from` ends in `piece` (the index after it), or −1; `before`: the byte before the piece. */
export function lineBreakEnd(piece: Uint8Array, from: number, newline: string, before: number): number {
  if (newline === '\r') {
    const k = piece.indexOf(13, from);
    return k < 0 ? -1 : k + 1;
  }
  for (let k = piece.indexOf(10, from); k >= 0; k = piece.indexOf(10, k + 1)) {
    if (newline === '\n' || (k > 0 ? piece[k - 1] : before) === 13) return k + 1;
  }
  return -1;
}

const sameCells = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((cell, i) => cell === b[i]);

/** A copy the helper can be sent without cloning the rest of a larger buffer the piece is a view of. */
const own = (piece: Uint8Array) => (piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength ? piece : piece.slice());

export function readInParts(tap: BodyTap, plan: SplitPlan, fileName: string, helper: PartHelper, onProgress: (rows: number, within: number) => void): { end(): Promise<ImportOutcome | null> } {
  const { reader } = plan.reading;
  const kindOf = rowKinds(plan.reading.mapping, plan.reading.layout);
  const total = Math.max(1, tap.total ?? 1);
  let helperRows = 0;
  let helperChars = 0;
  let ownRows = 0;
  let ownChars = 0;
  const progress = () => onProgress(helperRows + ownRows, Math.min(1, (helperChars + ownChars) / total));

  // The helper's rows are read once the body has arrived: read as they came, they held up the download (this worker's
  // loop also takes the body's pieces, and the helper's part is most of them).
  const batches: RowBatch[] = [];
  let reading = false;
  let finish!: (done: PartDone) => void;
  const helperDone = new Promise<PartDone>((resolve) => (finish = resolve));
  // A reader's bug must not end the download's loop or this worker: it is thrown where the outcome is asked for.
  let failure: unknown = null;
  const guard = (work: () => void) => {
    if (failure) return;
    try {
      work();
    } catch (error) {
      failure = error;
    }
  };
  helper.listen((reply) => {
    if (reply.type === 'done') return finish(reply.done);
    if (reading) guard(() => forEachRow(reply.batch, reader.read));
    else batches.push(reply.batch);
    helperRows = reply.rows;
    helperChars = reply.chars;
    progress();
  });
  helper.post({ type: 'start', start: { fileName, delimiter: plan.delimiter, newline: plan.newline } });

  // The load worker's part: its contact rows are held until the helper says how many rows came before them.
  const heldCells: (readonly string[])[] = [];
  const heldRows: number[] = [];
  let ownNotContacts = 0;
  let ownStream: DelimitedStream | null = null;
  const ownDecoder = createPieceDecoder('utf-8', { midText: true });
  let ownValid = true;
  const ownPush = (text: string | null) => {
    if (text === null) ownValid = false;
    else if (text && ownValid) ownStream!.push(text);
  };
  const startOwn = () =>
    createDelimitedStream(
      fileName,
      (rows, chars) => {
        ownRows = rows;
        ownChars = chars;
        progress();
      },
      () => (cells, j) => {
        const kind = kindOf(cells);
        if (kind === 'contact') {
          heldCells.push(cells);
          heldRows.push(j);
        } else if (kind === 'notContact') ownNotContacts++;
      },
      { delimiter: plan.delimiter, newline: plan.newline, header: plan.header },
    );

  let at = 0;
  let before = -1;
  let helperEnded = false;
  const endHelper = () => {
    if (!helperEnded) helper.post({ type: 'end' });
    helperEnded = true;
  };
  tap.attach((piece) => guard(() => take(piece)));
  function take(piece: Uint8Array) {
    if (ownStream) return ownPush(ownDecoder.push(piece));
    const k = at + piece.length <= plan.cutFrom ? -1 : lineBreakEnd(piece, Math.max(0, plan.cutFrom - at), plan.newline, before);
    at += piece.length;
    before = piece.length ? piece[piece.length - 1]! : before;
    if (k < 0) return helper.post({ type: 'piece', bytes: own(piece) });
    if (k > 0) helper.post({ type: 'piece', bytes: piece.slice(0, k) });
    endHelper();
    ownStream = startOwn();
    if (k < piece.length) ownPush(ownDecoder.push(piece.subarray(k)));
  }

  return {
    async end() {
      endHelper();
      reading = true;
      for (const batch of batches.splice(0)) guard(() => forEachRow(batch, reader.read));
      const done = await helperDone;
      helper.close();
      if (failure) throw failure;
      if (ownStream) ownPush(ownDecoder.end());
      // Ending in a quote is the file's own problem when the helper had all of it (no line break after the cut).
      if (!done.ok || (done.unclosedQuote && ownStream) || !ownValid || !sameCells(done.header, plan.header)) return null;
      const ownTable = ownStream?.end();
      const offset = done.rows;
      for (let k = 0; k < heldCells.length; k++) reader.read(heldCells[k]!, offset + heldRows[k]!);
      reader.tally(done.notContacts + ownNotContacts);
      onProgress(offset + (ownTable ? ownRows : 0), 1);
      const problems = [...done.problems, ...(ownTable?.problems ?? []).map((p) => ({ ...p, row: p.row + offset }))];
      return eventOutcome({ header: plan.header, rows: [], delimiter: plan.delimiter, problems }, plan.reading, fileName);
    },
  };
}

/** A helper that cannot start (a policy against workers here) is no reason not to read the file: in one part, then. */
export function startHelper(helper: () => PartHelper): PartHelper | null {
  try {
    return helper();
  } catch {
    return null;
  }
}

/** Pieces a file already in memory is handed to the two parts in (views, not copies, on this side). */
const FILE_PIECE = 1 << 20;

/**
 * A file opened from disk (or reopened from this browser's storage) read in two parts like a link's body, or null
 * when it is not one to split (small, JSON, a sheet, not UTF-8) or no helper can start: the caller reads it whole.
 */
export async function readFileInParts(bytes: ArrayBuffer, fileName: string, helper: (() => PartHelper) | undefined, onProgress: (rows: number, within: number) => void, minBytes = SPLIT_MIN_BYTES): Promise<{ end(): Promise<ImportOutcome | null> } | null> {
  if (!helper || bytes.byteLength < minBytes) return null;
  const view = new Uint8Array(bytes);
  if (looksLikeJson(headOf(view), fileName)) return null;
  const tap = new BodyTap();
  tap.total = view.length;
  for (let at = 0; at < view.length; at += FILE_PIECE) tap.push(view.subarray(at, at + FILE_PIECE));
  tap.end();
  const plan = await planSplit(tap, fileName, minBytes);
  const started = plan ? startHelper(helper) : null;
  if (!plan || !started) {
    tap.release();
    return null;
  }
  return readInParts(tap, plan, fileName, started, onProgress);
}
