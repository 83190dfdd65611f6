/**
 * Records as JSON bytes, one span per record, so the page can read a record when it is first needed instead of
 * receiving every record before it draws (at 250,000 meetings the page's side of a structured-clone hand-over was
 * ~2.2 s of main-thread time, the largest part of the first render). The bytes are transferred, not copied.
 */
export interface RecordBytes {
  bytes: ArrayBuffer;
  /** Record i is bytes[starts[i], ends[i]), a JSON value. */
  starts: Float64Array;
  ends: Float64Array;
  /** Every record's id in order, joined by newlines (ids are slugs: no newline), for id lookups without reading records. */
  ids: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const BOM_FIRST = 0xef;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/**
 * Finds where the elements of a UTF-8 JSON text's top-level arrays lie, fed the bytes as they arrive (the scan runs
 * during the download instead of after it: ~0.55 s for a 250 MB file in Node). It records every value nested two deep (an
 * element of an array that is a top-level key's value) and where each top-level array opens; which key an array
 * belongs to is read back from the text at the end, for the few top-level keys only. Structural characters are
 * ASCII and never part of a multi-byte UTF-8 character, so bytes can be scanned directly. A text that does not
 * start with an object stops the scan at once (an event file costs nothing).
 */
export class SpanScanner {
  private offset = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  private given = false;
  private elementStarts: number[] = [];
  private elementEnds: number[] = [];
  /** Per top-level array: where it opens, and its first element's place in the lists above. */
  private arrays: { open: number; first: number; last: number }[] = [];
  private openArray: { open: number; first: number; last: number } | null = null;

  /** Whether the text may still be scanned (a JSON object so far). */
  get alive(): boolean {
    return !this.given;
  }

  push(chunk: Uint8Array): void {
    if (this.given) return;
    let { depth, inString, escaped } = this;
    const base = this.offset;
    const n = chunk.length;
    let i = 0;
    if (!this.started) {
      if (base === 0 && chunk[0] === BOM_FIRST) i = 3;
      while (i < n && isSpace(chunk[i]!)) i++;
      if (i === n) {
        this.offset += n;
        return;
      }
      if (chunk[i] !== OPEN_OBJECT) return this.giveUp();
      this.started = true;
    }
    const starts = this.elementStarts;
    const ends = this.elementEnds;
    let inArray = this.openArray !== null;
    if (inString) {
      // A string left open by the previous chunk.
      i = stringEnd(chunk, escaped ? i + 1 : i);
      escaped = i > n;
      inString = i >= n;
      i++;
    }
    for (; i < n; i++) {
      const b = chunk[i]!;
      if (b === QUOTE) {
        i = stringEnd(chunk, i + 1);
        if (i >= n) {
          escaped = i > n;
          inString = true;
        }
      }
      else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
        if (depth === 2 && inArray) starts.push(base + i);
        else if (depth === 1 && b === OPEN_ARRAY) {
          this.openArray = { open: base + i, first: starts.length, last: 0 };
          inArray = true;
        }
        depth++;
      } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
        depth--;
        if (depth === 2 && inArray) ends.push(base + i + 1);
        else if (depth === 1 && inArray) {
          this.openArray!.last = starts.length;
          this.arrays.push(this.openArray!);
          this.openArray = null;
          inArray = false;
        }
      } else if (depth === 2 && inArray && b !== 0x2c && !isSpace(b) && starts.length === ends.length) {
        // A scalar element (not a record): marked, so that this array's spans are refused.
        starts.push(-1);
        ends.push(-1);
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    this.offset += n;
  }

  private giveUp(): void {
    this.given = true;
    this.elementStarts = [];
    this.elementEnds = [];
    this.arrays = [];
  }

  /**
   * The spans of the elements of top-level key `key` (the last such key, as JSON.parse takes it), read against the
   * whole text; null unless they are certainly `count` records (the key written with escapes, another count).
   */
  spansOf(bytes: Uint8Array, key: string, count: number): { starts: Float64Array; ends: Float64Array } | null {
    if (this.given || !this.started || this.depth !== 0 || this.offset !== bytes.length) return null;
    for (let a = this.arrays.length - 1; a >= 0; a--) {
      const array = this.arrays[a]!;
      const name = keyBefore(bytes, array.open);
      if (name === null) return null;
      if (name !== key) continue;
      if (array.last - array.first !== count) return null;
      const starts = Float64Array.from(this.elementStarts.slice(array.first, array.last));
      const ends = Float64Array.from(this.elementEnds.slice(array.first, array.last));
      for (let k = 0; k < count; k++) if (starts[k]! < 0 || bytes[starts[k]!] !== OPEN_OBJECT) return null;
      return { starts, ends };
    }
    return null;
  }
}

/**
 * The index of the quote that closes a string whose content starts at `from`; the chunk's length when it does not
 * close in this chunk, or one more when the chunk ends in a backslash (the next chunk's first byte is escaped).
 */
function stringEnd(chunk: Uint8Array, from: number): number {
  const n = chunk.length;
  let i = from;
  for (; i < n; i++) {
    const c = chunk[i]!;
    if (c === QUOTE) return i;
    if (c === BACKSLASH) i++;
  }
  return i;
}

/** The key before a top-level value opening at `open` (`"key" : [`), or null if it is written with escapes. */
function keyBefore(bytes: Uint8Array, open: number): string | null {
  let at = open - 1;
  while (at >= 0 && isSpace(bytes[at]!)) at--;
  if (bytes[at] !== COLON) return null;
  at--;
  while (at >= 0 && isSpace(bytes[at]!)) at--;
  if (bytes[at] !== QUOTE) return null;
  const close = at;
  at--;
  while (at >= 0 && bytes[at] !== QUOTE) {
    if (bytes[at] === BACKSLASH) return null;
    at--;
  }
  // An escaped quote is part of the key (`"x\"meetings"`), not its start: a key with escapes is refused.
  if (at < 0 || bytes[at - 1] === BACKSLASH) return null;
  return new TextDecoder().decode(bytes.subarray(at + 1, close));
}

/** The spans of a whole text's `key` records at once (bytes that did not come through a download). */
export function elementSpans(bytes: Uint8Array, key: string, count: number): { starts: Float64Array; ends: Float64Array } | null {
  const scanner = new SpanScanner();
  scanner.push(bytes);
  return scanner.spansOf(bytes, key, count);
}

export const joinIds = (records: readonly { id: string }[]): string => records.map((r) => r.id).join('\n');

/** Record i, read from its bytes. */
export function readRecord<T>(source: RecordBytes, view: Uint8Array, decoder: TextDecoder, i: number): T {
  return JSON.parse(decoder.decode(view.subarray(source.starts[i], source.ends[i]))) as T;
}
