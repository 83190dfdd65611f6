import type { RecordPositions } from '../validate';
import type { Dataset } from '../schema';
import { DAY_MS, isoToMs } from '../dates';
import { displayOrder, timeSpan } from '../indexes';
import { rankNames } from '../nameOrder';

/**
 * A dataset's index as flat typed arrays: what a worker computes and hands to the page by transferring the buffers
 * (no copy, no main-thread work). Lists per meeting, actor, affiliation or topic are CSR pairs: the items of entry `k`
 * are `values[offsets[k]] … values[offsets[k + 1] - 1]`. Same content as `buildIndex`, in the same order.
 */
export interface PackedIndex {
  meetingCount: number;
  actorCount: number;
  start: Float64Array;
  end: Float64Array;
  order: Int32Array;
  /** Actor positions per meeting (−1 for an unknown actor), in the meeting's listed order. */
  participants: Csr;
  /** Meeting positions per actor position, ascending. */
  byActor: Csr;
  /** Keys in first-seen order; meeting positions per key, ascending, once per meeting. */
  byAffiliation: KeyedCsr;
  byTopic: KeyedCsr;
  minTime: number;
  maxTime: number;
  /** Each actor's place in name order (nameOrder.ts). */
  nameRank: Int32Array;
}

export interface Csr {
  offsets: Int32Array;
  values: Int32Array;
}

export interface KeyedCsr extends Csr {
  keys: string[];
}

/** The buffers to list in postMessage's transfer list. */
export function packedBuffers(p: PackedIndex): ArrayBuffer[] {
  const arrays = [p.start, p.end, p.order, p.participants.offsets, p.participants.values, p.byActor.offsets, p.byActor.values,
    p.byAffiliation.offsets, p.byAffiliation.values, p.byTopic.offsets, p.byTopic.values, p.nameRank];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** A copy of a CSR list's two buffers. */
export const copyCsr = (c: Csr): Csr => ({ offsets: c.offsets.slice(), values: c.values.slice() });

/** A copy of every column (the load worker sends one for the query worker, so the page copies nothing). */
export function copyPacked(p: PackedIndex): PackedIndex {
  return {
    ...p,
    start: p.start.slice(),
    end: p.end.slice(),
    order: p.order.slice(),
    participants: copyCsr(p.participants),
    byActor: copyCsr(p.byActor),
    byAffiliation: { keys: [...p.byAffiliation.keys], ...copyCsr(p.byAffiliation) },
    byTopic: { keys: [...p.byTopic.keys], ...copyCsr(p.byTopic) },
    nameRank: p.nameRank.slice(),
  };
}

/**
 * The packed list a page's list of rows (an array, or a map by key) was assembled from as views (assemble.ts), so
 * that copying it for the query worker copies two buffers instead of walking 250,000 rows (60 ms of one task).
 */
const packedRows = new WeakMap<object, Csr>();
export function assembledFrom<T extends object>(rows: T, csr: Csr): T {
  packedRows.set(rows, csr);
  return rows;
}
export const packedListOf = (rows: object): Csr | undefined => packedRows.get(rows);

/**
 * A list of rows (each meeting's participants) as one CSR: the packed list it was assembled from, or one built on
 * first use and kept. Hot loops read the two flat arrays instead of one view object per row: building a 35,000-meeting
 * graph at 250k took half the time (Node, 22–28 → 11–14 ms), and on the page the rows may be a lazy list, whose every
 * read goes through a proxy.
 */
export function csrOfRows(rows: readonly ArrayLike<number>[]): Csr {
  let csr = packedRows.get(rows);
  if (csr) return csr;
  const offsets = new Int32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) offsets[i + 1] = offsets[i]! + rows[i]!.length;
  const values = new Int32Array(offsets[rows.length]!);
  for (let i = 0; i < rows.length; i++) values.set(rows[i]!, offsets[i]!);
  packedRows.set(rows, (csr = { offsets, values }));
  return csr;
}

/**
 * Items of entry `k` of a CSR list (a view, no copy). Made with the constructor rather than `subarray`, which is
 * about twice as slow (it looks up the species constructor): 250,000 rows are made on the page and again in the
 * query worker for every large dataset.
 */
export const csrRow = (csr: Csr, k: number): Int32Array => {
  const from = csr.offsets[k]!;
  const { values } = csr;
  return new Int32Array(values.buffer, values.byteOffset + from * Int32Array.BYTES_PER_ELEMENT, csr.offsets[k + 1]! - from);
};

/**
 * Meeting positions per key from (key, meeting) pairs listed in meeting order: each meeting once per key, ascending.
 * A counting sort over typed arrays (a list per key grown with push cost ~120 ms at 250,000 meetings).
 */
function pairsToCsr(keys: string[], pairKeys: Int32Array, pairMeetings: Int32Array, pairs: number): KeyedCsr {
  const offsets = new Int32Array(keys.length + 1);
  for (let p = 0; p < pairs; p++) offsets[pairKeys[p]! + 1]!++;
  for (let k = 0; k < keys.length; k++) offsets[k + 1]! += offsets[k]!;
  const values = new Int32Array(offsets[keys.length]!);
  const fill = offsets.slice(0, keys.length);
  for (let p = 0; p < pairs; p++) values[fill[pairKeys[p]!]!++] = pairMeetings[p]!;
  return { keys, offsets, values };
}

/** Meetings per affiliation of their participants; keys in first-seen order (meetings, then participants, in order). */
function groupByAffiliation(actors: Dataset['actors'], partOffsets: Int32Array, partValues: Int32Array): KeyedCsr {
  const n = partOffsets.length - 1;
  const keyOfActor = new Int32Array(actors.length).fill(-1);
  const keyOf = new Map<string, number>();
  const keys: string[] = [];
  // Per key (there are at most as many affiliations as actors): the last meeting listed under it.
  const lastMeeting = new Int32Array(actors.length).fill(-1);
  const pairKeys = new Int32Array(partValues.length);
  const pairMeetings = new Int32Array(partValues.length);
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    for (let j = partOffsets[i]!; j < partOffsets[i + 1]!; j++) {
      const a = partValues[j]!;
      if (a < 0) continue;
      let k = keyOfActor[a]!;
      if (k < 0) {
        const affiliation = actors[a]!.affiliation;
        k = keyOf.get(affiliation) ?? -1;
        if (k < 0) {
          keyOf.set(affiliation, (k = keys.length));
          keys.push(affiliation);
        }
        keyOfActor[a] = k;
      }
      if (lastMeeting[k] === i) continue;
      lastMeeting[k] = i;
      pairKeys[pairs] = k;
      pairMeetings[pairs++] = i;
    }
  }
  return pairsToCsr(keys, pairKeys, pairMeetings, pairs);
}

/** Meetings per topic; keys in first-seen order. `meetingTopics`: each slot's topic position, when already known. */
function groupByTopic(meetings: Dataset['meetings'], topics: Dataset['topics'], meetingTopics?: Int32Array): KeyedCsr {
  let slots = 0;
  for (let i = 0; i < meetings.length; i++) slots += meetings[i]!.topics.length;
  const known = meetingTopics?.length === slots;
  const keyOf = new Map<string, number>();
  const keyOfTopic = new Int32Array(known ? topics.length : 0).fill(-1);
  const keys: string[] = [];
  const lastMeeting: number[] = [];
  const pairKeys = new Int32Array(slots);
  const pairMeetings = new Int32Array(slots);
  let pairs = 0;
  let slot = 0;
  for (let i = 0; i < meetings.length; i++) {
    const ids = meetings[i]!.topics;
    for (let t = 0; t < ids.length; t++) {
      const position = known ? meetingTopics![slot++]! : -1;
      let k = position >= 0 ? keyOfTopic[position]! : (keyOf.get(ids[t]!) ?? -1);
      if (k < 0) {
        k = keys.length;
        if (position >= 0) keyOfTopic[position] = k;
        else keyOf.set(ids[t]!, k);
        keys.push(ids[t]!);
        lastMeeting.push(-1);
      }
      if (lastMeeting[k] === i) continue;
      lastMeeting[k] = i;
      pairKeys[pairs] = k;
      pairMeetings[pairs++] = i;
    }
  }
  return pairsToCsr(keys, pairKeys, pairMeetings, pairs);
}

/**
 * Index of a validated dataset, in flat arrays (runs in the loading worker). `positions`: the actors' and topics'
 * positions validation looked up on its way (validate.ts; ids are unique then), used instead of looking them up again.
 */
export function packIndex(dataset: Dataset, positions?: RecordPositions): PackedIndex {
  const participantActors = positions?.participantActors;
  const { meetings, actors } = dataset;
  const n = meetings.length;
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const partOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) partOffsets[i + 1] = partOffsets[i]! + meetings[i]!.participants.length;
  const known = participantActors?.length === partOffsets[n];
  const partValues = known ? participantActors! : new Int32Array(partOffsets[n]!);
  const actorPos = known ? null : new Map<string, number>(actors.map((a, i) => [a.id, i]));
  const actorCounts = new Int32Array(actors.length + 1);
  for (let i = 0; i < n; i++) {
    const m = meetings[i]!;
    start[i] = isoToMs(m.earliest);
    end[i] = isoToMs(m.latest) + DAY_MS;
    const base = partOffsets[i]!;
    for (let j = 0; j < m.participants.length; j++) {
      const pos = actorPos ? (actorPos.get(m.participants[j]!.actorId) ?? -1) : partValues[base + j]!;
      partValues[base + j] = pos;
      if (pos >= 0) actorCounts[pos + 1]!++;
    }
  }
  // byActor by counting sort: meetings are visited in position order, so each actor's list comes out ascending.
  const actorOffsets = new Int32Array(actors.length + 1);
  for (let a = 0; a < actors.length; a++) actorOffsets[a + 1] = actorOffsets[a]! + actorCounts[a + 1]!;
  const actorValues = new Int32Array(actorOffsets[actors.length]!);
  const fill = actorOffsets.slice(0, actors.length);
  for (let i = 0; i < n; i++) {
    for (let k = partOffsets[i]!; k < partOffsets[i + 1]!; k++) {
      const a = partValues[k]!;
      if (a >= 0) actorValues[fill[a]!++] = i;
    }
  }
  const byAffiliation = groupByAffiliation(actors, partOffsets, partValues);
  const byTopic = groupByTopic(meetings, dataset.topics, positions?.meetingTopics);
  const order = displayOrder(meetings, start);
  const { minTime, maxTime } = timeSpan(start, end);
  return {
    meetingCount: n,
    actorCount: actors.length,
    start,
    end,
    order,
    participants: { offsets: partOffsets, values: partValues },
    byActor: { offsets: actorOffsets, values: actorValues },
    byAffiliation,
    byTopic,
    minTime,
    maxTime,
    nameRank: rankNames(actors),
  };
}
