import type { DatasetIndex, QueryIndex } from '../indexes';
import type { Dataset } from '../schema';
import { assembledFrom, copyCsr, csrRow, packedListOf, type Csr, type KeyedCsr, type PackedIndex } from './packedIndex';

/** What the query worker is given: the index's columns (transferable copies) and the few strings the queries read. */
export interface QueryColumns extends Omit<PackedIndex, 'actorCount' | 'nameRank'> {
  actorIds: string[];
  actorAffiliations: string[];
  countryCodes: string[];
}

/**
 * Rows as one CSR copy. The assembled index's rows are views into one buffer, back to back (the load worker's
 * CSR): then the copy is one block copy; otherwise the rows are concatenated.
 */
function csrOf(rows: readonly Int32Array[]): Csr {
  const packed = packedListOf(rows);
  if (packed) return copyCsr(packed);
  const offsets = new Int32Array(rows.length + 1);
  let contiguous = rows.length > 0;
  const buffer = rows[0]?.buffer;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    offsets[k + 1] = offsets[k]! + row.length;
    if (contiguous && (row.buffer !== buffer || row.byteOffset !== rows[0]!.byteOffset + offsets[k]! * 4)) contiguous = false;
  }
  const total = offsets[rows.length]!;
  if (contiguous) return { offsets, values: new Int32Array(buffer as ArrayBuffer, rows[0]!.byteOffset, total).slice() };
  const values = new Int32Array(total);
  for (let k = 0; k < rows.length; k++) values.set(rows[k]!, offsets[k]!);
  return { offsets, values };
}

function keyedCsrOf(map: ReadonlyMap<string, Int32Array>): KeyedCsr {
  const packed = packedListOf(map);
  if (packed) return { keys: [...map.keys()], ...copyCsr(packed) };
  return { keys: [...map.keys()], ...csrOf([...map.values()]) };
}

/**
 * The query worker's columns as the load worker makes them, from its own copy of the packed index (`spare`, not the
 * one the page gets): sent with the index's head, so the page can start the query worker before the records arrive.
 */
export function queryColumnsFrom(spare: PackedIndex, dataset: Pick<Dataset, 'actors' | 'countries'>): QueryColumns {
  const { start, end, order, participants, byActor, byAffiliation, byTopic, minTime, maxTime } = spare;
  return { meetingCount: spare.meetingCount, start, end, order, participants, byActor, byAffiliation, byTopic, ...namesOf(dataset), minTime, maxTime };
}

/** Copies of an index's columns for the query worker (the page keeps its own). */
export function columnsOf(index: DatasetIndex): QueryColumns {
  return {
    meetingCount: index.meetings.length,
    start: index.start.slice(),
    end: index.end.slice(),
    order: index.order.slice(),
    participants: csrOf(index.participants),
    byActor: csrOf(index.byActor),
    byAffiliation: keyedCsrOf(index.byAffiliation),
    byTopic: keyedCsrOf(index.byTopic),
    ...namesOf(index.dataset),
    minTime: index.minTime,
    maxTime: index.maxTime,
  };
}

/** The names the queries read, in the dataset's order (country codes are unique in a valid dataset, as in `countryByCode`). */
function namesOf(dataset: Pick<Dataset, 'actors' | 'countries'>): Pick<QueryColumns, 'actorIds' | 'actorAffiliations' | 'countryCodes'> {
  return { actorIds: dataset.actors.map((a) => a.id), actorAffiliations: dataset.actors.map((a) => a.affiliation), countryCodes: dataset.countries.map((c) => c.code) };
}

export function columnBuffers(c: QueryColumns): ArrayBuffer[] {
  const arrays = [c.start, c.end, c.order, c.participants.offsets, c.participants.values, c.byActor.offsets, c.byActor.values,
    c.byAffiliation.offsets, c.byAffiliation.values, c.byTopic.offsets, c.byTopic.values];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

const NO_TOPICS: readonly string[] = Object.freeze([]);

/** The engine's index from the columns: rows are views, each meeting's topics come from the by-topic lists. */
export function queryIndexOf(c: QueryColumns): QueryIndex {
  const topics: string[][] = new Array(c.meetingCount);
  c.byTopic.keys.forEach((key, k) => {
    const row = csrRow(c.byTopic, k);
    for (let j = 0; j < row.length; j++) (topics[row[j]!] ??= []).push(key);
  });
  const meetings = Array.from({ length: c.meetingCount }, (_, i) => ({ topics: topics[i] ?? NO_TOPICS }));
  const actors = c.actorIds.map((id, i) => ({ id, affiliation: c.actorAffiliations[i]! }));
  // Views over the columns, registered as assembled from them (csrOfRows then reads the columns themselves).
  const rows = (csr: Csr, n: number) => assembledFrom(Array.from({ length: n }, (_, k) => csrRow(csr, k)), csr);
  const keyed = (csr: KeyedCsr) => new Map(csr.keys.map((key, k) => [key, csrRow(csr, k)]));
  return {
    meetings,
    actors,
    actorPos: new Map(c.actorIds.map((id, i) => [id, i])),
    countryByCode: new Map(c.countryCodes.map((code) => [code, true])),
    start: c.start,
    end: c.end,
    participants: rows(c.participants, c.meetingCount),
    byActor: rows(c.byActor, c.actorIds.length),
    byAffiliation: keyed(c.byAffiliation),
    byTopic: keyed(c.byTopic),
    order: c.order,
    minTime: c.minTime,
    maxTime: c.maxTime,
  };
}
