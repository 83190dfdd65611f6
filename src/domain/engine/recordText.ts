/**
 * Records as JSON text, a chunk of them per message: a large dataset's meetings that are not the file's own bytes (an
 * imported event file's; a JSON file's that validation changed). Handed over as objects, the 202,572 meetings of a
 * year of ICEWS kept the page's main thread deserializing for ~1.9 s, with collections of 50–65 ms; a string crosses
 * as one copy, and the page parses a meeting the first time it is read (see lazyList), as it does for file bytes.
 */

/** Meetings per text message: ~1 MB of text, a fraction of a millisecond for the page to receive. */
export const TEXT_CHUNK = 2000;

/** Records `from`…`to - 1` back to back; `ends[k]` is where record `from + k` ends (each starts where the one before ends). */
export interface TextChunk {
  text: string;
  ends: Float64Array;
}

export function textChunk(records: readonly unknown[], from: number, to: number): TextChunk {
  const parts = new Array<string>(to - from);
  const ends = new Float64Array(to - from);
  let at = 0;
  for (let i = from; i < to; i++) {
    const json = JSON.stringify(records[i]);
    parts[i - from] = json;
    at += json.length;
    ends[i - from] = at;
  }
  return { text: parts.join(''), ends };
}

/** The page's side: chunks filed as they arrive (in any order), a record read from its chunk when asked. */
export class RecordTexts<T> {
  private readonly texts: string[];
  private readonly ends: Float64Array[];
  private filed = 0;

  constructor(
    readonly count: number,
    readonly chunk: number,
  ) {
    if (!(chunk >= 1)) throw new Error('a text chunk holds at least one record');
    const chunks = Math.ceil(count / chunk);
    this.texts = new Array<string>(chunks);
    this.ends = new Array<Float64Array>(chunks);
  }

  /** Files the chunk starting at record `offset`; returns how many records it holds. */
  add(offset: number, { text, ends }: TextChunk): number {
    const c = offset / this.chunk;
    const expected = Math.min(this.chunk, this.count - offset);
    if (!Number.isInteger(c) || offset < 0 || offset >= this.count || ends.length !== expected) throw new Error(`meeting text ${offset}–${offset + ends.length} does not fit the ${this.count} announced`);
    if (this.texts[c] !== undefined) throw new Error(`meeting text ${offset} came twice`);
    if (ends.length && ends[ends.length - 1] !== text.length) throw new Error(`meeting text ${offset} is cut short`);
    this.texts[c] = text;
    this.ends[c] = ends;
    this.filed += ends.length;
    return ends.length;
  }

  get complete(): boolean {
    return this.filed === this.count;
  }

  read(i: number): T {
    const c = Math.floor(i / this.chunk);
    const k = i - c * this.chunk;
    const ends = this.ends[c]!;
    return JSON.parse(this.texts[c]!.slice(k ? ends[k - 1] : 0, ends[k])) as T;
  }
}
