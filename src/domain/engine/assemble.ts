import type { DatasetIndex } from '../indexes';
import type { Actor, Country, Dataset, Meeting, Source, Topic } from '../schema';
import { assembledFrom, csrRow, type KeyedCsr, type PackedIndex } from './packedIndex';
import type { ChunkField } from './protocol';
import { readRecord, type RecordBytes } from './recordBytes';
import { lazyList, PositionMap, RecordMap } from './lazyList';
import { RecordTexts, type TextChunk } from './recordText';

/**
 * Builds the page's `DatasetIndex` from what the loading worker produced: the typed arrays as they arrived (no copy,
 * nothing recomputed) and the records chunk by chunk, filing each chunk's id→position entries as it comes, so the
 * work is spread over many short tasks. Chunks may come in any order and any size; `finish` checks that all came.
 */
export class IndexAssembler {
  private readonly meetings: Meeting[];
  private readonly actors: Actor[];
  private readonly sources: Source[];
  private readonly sourceTexts: RecordTexts<Source> | null = null;
  private readonly participants: Int32Array[];
  private readonly meetingPos: Map<string, number> | PositionMap;
  private readonly actorPos = new Map<string, number>();
  private readonly sourceById: Map<string, Source> | RecordMap<Source>;
  private readonly received: Record<ChunkField, number> = { meetings: 0, actors: 0, sources: 0 };
  /** Whether every chunk so far came right after the previous one (then each map is already in position order). */
  private readonly inOrder: Record<ChunkField, boolean> = { meetings: true, actors: true, sources: true };

  constructor(
    private readonly packed: PackedIndex,
    private readonly rest: Dataset,
    private readonly counts: Record<ChunkField, number>,
    private readonly meetingBytes?: RecordBytes,
    meetingText?: { ids: string; chunk: number },
    sourceText?: { ids: string; chunk: number },
  ) {
    if (packed.meetingCount !== counts.meetings || packed.actorCount !== counts.actors) throw new Error('the index does not match the records announced');
    this.actors = new Array<Actor>(counts.actors);
    if (sourceText) {
      const texts = (this.sourceTexts = new RecordTexts<Source>(counts.sources, sourceText.chunk));
      this.sources = lazyList(counts.sources, (i) => texts.read(i)) as Source[];
      this.sourceById = new RecordMap(new PositionMap(sourceText.ids, counts.sources), this.sources);
    } else {
      this.sources = new Array<Source>(counts.sources);
      this.sourceById = new Map<string, Source>();
    }
    if (meetingBytes) {
      const n = counts.meetings;
      if (meetingBytes.starts.length !== n || meetingBytes.ends.length !== n) throw new Error('the meetings do not match the records announced');
      const view = new Uint8Array(meetingBytes.bytes);
      const decoder = new TextDecoder();
      this.meetings = lazyList(n, (i) => readRecord<Meeting>(meetingBytes, view, decoder, i)) as Meeting[];
      this.participants = lazyList(n, (i) => csrRow(packed.participants, i)) as Int32Array[];
      this.meetingPos = new PositionMap(meetingBytes.ids, n);
      this.received.meetings = n;
    } else if (meetingText) {
      const n = counts.meetings;
      const texts = (this.meetingTexts = new RecordTexts<Meeting>(n, meetingText.chunk, true));
      this.meetings = lazyList(n, (i) => texts.read(i)) as Meeting[];
      this.participants = lazyList(n, (i) => csrRow(packed.participants, i)) as Int32Array[];
      this.meetingPos = new PositionMap(meetingText.ids, n);
    } else {
      this.meetings = new Array<Meeting>(counts.meetings);
      this.participants = new Array<Int32Array>(counts.meetings);
      this.meetingPos = new Map<string, number>();
    }
  }

  /** Records received so far, of all kinds, and the total expected. */
  get progress(): { received: number; total: number } {
    const { meetings, actors, sources } = this.received;
    return { received: meetings + actors + sources, total: this.counts.meetings + this.counts.actors + this.counts.sources };
  }

  /** Meetings announced as text (the head's `meetingText`), filed chunk by chunk. */
  private readonly meetingTexts: RecordTexts<Meeting> | null = null;

  addMeetingText(offset: number, chunk: TextChunk): void {
    if (!this.meetingTexts) throw new Error('meeting text that was not announced');
    this.received.meetings += this.meetingTexts.add(offset, chunk);
  }

  /** Sources announced as text (the head's `sourceText`), filed chunk by chunk. */
  addSourceText(offset: number, chunk: TextChunk): void {
    if (!this.sourceTexts) throw new Error('source text that was not announced');
    this.received.sources += this.sourceTexts.add(offset, chunk);
  }

  add(field: ChunkField, offset: number, items: readonly unknown[]): void {
    if (offset < 0 || offset + items.length > this.counts[field]) throw new Error(`${field} ${offset}–${offset + items.length} is outside the ${this.counts[field]} announced`);
    if (offset !== this.received[field]) this.inOrder[field] = false;
    if (field === 'meetings') {
      if (this.meetingBytes || this.meetingTexts) throw new Error('meetings came twice');
      const meetingPos = this.meetingPos as Map<string, number>;
      for (let k = 0; k < items.length; k++) {
        const m = items[k] as Meeting;
        const i = offset + k;
        this.meetings[i] = m;
        meetingPos.set(m.id, i);
        this.participants[i] = csrRow(this.packed.participants, i);
      }
    } else if (field === 'actors') {
      for (let k = 0; k < items.length; k++) {
        const a = items[k] as Actor;
        this.actors[offset + k] = a;
        this.actorPos.set(a.id, offset + k);
      }
    } else {
      const { sourceById } = this;
      if (!(sourceById instanceof Map)) throw new Error('sources came twice');
      for (let k = 0; k < items.length; k++) {
        const s = items[k] as Source;
        this.sources[offset + k] = s;
        sourceById.set(s.id, s);
      }
    }
    this.received[field] += items.length;
  }

  /** The index, once every record has arrived. Maps are in position order whatever order the chunks came in. */
  finish(): DatasetIndex {
    for (const field of ['meetings', 'actors', 'sources'] as const) {
      if (this.received[field] !== this.counts[field]) throw new Error(`received ${this.received[field]} of ${this.counts[field]} ${field}`);
    }
    const { packed, meetings, actors, sources } = this;
    const dataset: Dataset = Object.assign(this.rest, { meetings, actors, sources });
    const byActor = new Array<Int32Array>(packed.actorCount);
    for (let a = 0; a < packed.actorCount; a++) byActor[a] = csrRow(packed.byActor, a);
    const index: DatasetIndex = {
      dataset,
      meetings,
      actors,
      meetingPos: this.meetingPos instanceof PositionMap || this.inOrder.meetings ? this.meetingPos : inPositionOrder(this.meetingPos, meetings),
      actorPos: this.inOrder.actors ? this.actorPos : inPositionOrder(this.actorPos, actors),
      topicById: new Map<string, Topic>(dataset.topics.map((t) => [t.id, t])),
      countryByCode: new Map<string, Country>(dataset.countries.map((c) => [c.code, c])),
      sourceById: this.sourceById instanceof RecordMap || this.inOrder.sources ? this.sourceById : inPositionOrder(this.sourceById, sources, (s) => s),
      start: packed.start,
      end: packed.end,
      participants: assembledFrom(this.participants, packed.participants),
      byActor: assembledFrom(byActor, packed.byActor),
      byAffiliation: assembledFrom(keyedRows(packed.byAffiliation), packed.byAffiliation),
      byTopic: assembledFrom(keyedRows(packed.byTopic), packed.byTopic),
      order: packed.order,
      minTime: packed.minTime,
      maxTime: packed.maxTime,
      nameRank: packed.nameRank,
    };
    return index;
  }
}

/**
 * Chunks that came in order already filed their ids in position order (the usual case: `finish` skips this, which took
 * 60 ms at 250,000 meetings); otherwise the map is rebuilt in position order if it is not, so iteration matches
 * `buildIndex` exactly. Duplicate ids were refused by validation.
 */
function inPositionOrder<T extends { id: string }, V>(map: Map<string, V>, list: readonly T[], value: (item: T, i: number) => V = (_, i) => i as V): Map<string, V> {
  let k = 0;
  for (const id of map.keys()) if (list[k++]!.id !== id) return new Map(list.map((item, i) => [item.id, value(item, i)]));
  return map;
}

function keyedRows(csr: KeyedCsr): Map<string, Int32Array> {
  return new Map(csr.keys.map((key, k) => [key, csrRow(csr, k)]));
}
