import { decodeFlat, encodeFlat, flatCount, flatIsWhole, type CodedFlat } from './flatRecordCodec';
import { codedBuffers, codedCount, codedIsWhole, decodeMeeting, encodeMeetings, type CodedMeetings } from './meetingCodec';

/**
 * Records as JSON text, a chunk of them per message: a large dataset's meetings that are not the file's own bytes (an
 * imported event file's; a JSON file's that validation changed). Handed over as objects, the 202,572 meetings of a
 * year of ICEWS kept the page's main thread deserializing for ~1.9 s, with collections of 50–65 ms; a string crosses
 * as one copy, and the page parses a meeting the first time it is read (see lazyList), as it does for file bytes.
 */

/** Meetings per text message: ~1 MB of text, a fraction of a millisecond for the page to receive. */
export const TEXT_CHUNK = 2000;

/**
 * Records `from`…`to - 1` back to back as JSON; `ends[k]` is where record `from + k` ends (each starts where the one
 * before ends). Or, for meetings of one shape (an event file's), `coded` (meetingCodec.ts).
 */
export type TextChunk = { text: string; ends: Float64Array } | { coded: CodedMeetings } | { flat: CodedFlat };

export const chunkBuffers = (chunk: TextChunk): ArrayBuffer[] =>
  'coded' in chunk ? codedBuffers(chunk.coded) : 'flat' in chunk ? [chunk.flat.ends.buffer, chunk.flat.nulls.buffer] as ArrayBuffer[] : [chunk.ends.buffer as ArrayBuffer];

/** `meetings`: the records are meetings, coded when they all have the shape meetingCodec.ts writes. */
export function textChunk(records: readonly unknown[], from: number, to: number, meetings = false): TextChunk {
  const coded = meetings ? encodeMeetings(records, from, to) : null;
  if (coded) return { coded };
  const flat = meetings ? null : encodeFlat(records, from, to);
  if (flat) return { flat };
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
  private readonly coded: CodedMeetings[];
  private readonly flat: CodedFlat[];
  private filed = 0;

  /** `meetings`: the records are meetings, whose chunks may come coded. */
  constructor(
    readonly count: number,
    readonly chunk: number,
    private readonly meetings = false,
  ) {
    if (!(chunk >= 1)) throw new Error('a text chunk holds at least one record');
    const chunks = Math.ceil(count / chunk);
    this.texts = new Array<string>(chunks);
    this.ends = new Array<Float64Array>(chunks);
    this.coded = new Array<CodedMeetings>(chunks);
    this.flat = new Array<CodedFlat>(chunks);
  }

  /** Files the chunk starting at record `offset`; returns how many records it holds. */
  add(offset: number, chunk: TextChunk): number {
    const c = offset / this.chunk;
    const expected = Math.min(this.chunk, this.count - offset);
    const size = 'coded' in chunk ? codedCount(chunk.coded) : 'flat' in chunk ? flatCount(chunk.flat) : chunk.ends.length;
    if (!Number.isInteger(c) || offset < 0 || offset >= this.count || size !== expected) throw new Error(`meeting text ${offset}–${offset + size} does not fit the ${this.count} announced`);
    if (this.texts[c] !== undefined || this.coded[c] !== undefined || this.flat[c] !== undefined) throw new Error(`meeting text ${offset} came twice`);
    if ('flat' in chunk) {
      if (!flatIsWhole(chunk.flat)) throw new Error(`meeting text ${offset} is not a whole chunk of records`);
      this.flat[c] = chunk.flat;
    } else if ('coded' in chunk) {
      if (!this.meetings || !codedIsWhole(chunk.coded)) throw new Error(`meeting text ${offset} is not a whole chunk of meetings`);
      this.coded[c] = chunk.coded;
    } else {
      const { text, ends } = chunk;
      if (ends.length && ends[ends.length - 1] !== text.length) throw new Error(`meeting text ${offset} is cut short`);
      this.texts[c] = text;
      this.ends[c] = ends;
    }
    this.filed += size;
    return size;
  }

  get complete(): boolean {
    return this.filed === this.count;
  }

  read(i: number): T {
    const c = Math.floor(i / this.chunk);
    const k = i - c * this.chunk;
    const coded = this.coded[c];
    if (coded) return decodeMeeting(coded, k) as T;
    const flat = this.flat[c];
    if (flat) return decodeFlat(flat, k) as T;
    const ends = this.ends[c]!;
    return JSON.parse(this.texts[c]!.slice(k ? ends[k - 1] : 0, ends[k])) as T;
  }
}
