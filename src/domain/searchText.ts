import { stemmer } from 'stemmer';
import { forEachWord } from './wordChars';
import type { DatasetIndex } from './indexes';

/**
 * Lower-cased searchable text per meeting: summary, location, type, names, aliases, roles, topics, quotes,
 * the titles of its sources, then the Porter stem of every word (each after a space), so a search term
 * matches as typed (any substring) or by its stem at the start of a word ("meetings" finds "meeting").
 * Built per meeting on first use (and ahead of time in idle moments, see warmSearchText) rather than in
 * buildIndex: at 100k meetings building it all takes longer than everything else the first render needs.
 */
const texts = new WeakMap<DatasetIndex, (string | undefined)[]>();
/** Warm-up progress: texts before `next` are built; those from `blockFrom` on are not yet joined into a block. */
const warmth = new WeakMap<DatasetIndex, { next: number; blockFrom: number; blockChars: number }>();

/**
 * Warmed texts are joined into blocks of about this many characters and kept as slices of them (the same characters).
 * A block is past V8's large-object size (128 KB), so it is never copied by a young-generation collection, and the
 * slices are small. As separate strings, the texts (~800 characters per meeting, 200 MB at 250,000 meetings) were
 * copied by each scavenge that ran during the warm-up: pauses of 50-150 ms.
 */
export const BLOCK_CHARS = 1 << 18;

function textsFor(index: DatasetIndex): (string | undefined)[] {
  let list = texts.get(index);
  if (!list) texts.set(index, (list = new Array<string | undefined>(index.meetings.length)));
  return list;
}

/** What a meeting's search text is made of: an index, or (in the load worker) the dataset with its actors' positions. */
export interface TextParts {
  readonly meetings: DatasetIndex['meetings'];
  readonly actors: DatasetIndex['actors'];
  readonly topicById: DatasetIndex['topicById'];
  readonly sourceById: DatasetIndex['sourceById'];
  /** Positions (in `actors`) of the meeting's participants, −1 for an unknown actor. */
  participantsOf(i: number): ArrayLike<number>;
}

const indexParts = new WeakMap<DatasetIndex, TextParts>();
function partsOf(index: DatasetIndex): TextParts {
  let parts = indexParts.get(index);
  if (!parts) {
    const { meetings, actors, topicById, sourceById, participants } = index;
    indexParts.set(index, (parts = { meetings, actors, topicById, sourceById, participantsOf: (i) => participants[i]! }));
  }
  return parts;
}

/** A piece of text shared by many meetings (an actor's names, a topic, a source's title), lower-cased with its stems. */
interface Segment {
  lower: string;
  stems: readonly string[];
}

/** Per dataset (its TextParts): each shared piece lower-cased and stemmed once, not once per meeting that names it. */
interface Segments {
  actors: (Segment | undefined)[];
  byText: Map<string, Segment>;
}
const segmentCaches = new WeakMap<TextParts, Segments>();
const SHARED_TEXTS_KEPT = 20_000;
const segmentsOf = (src: TextParts): Segments => {
  let cache = segmentCaches.get(src);
  if (!cache) segmentCaches.set(src, (cache = { actors: [], byText: new Map() }));
  return cache;
};

function segment(text: string): Segment {
  const lower = text.toLowerCase();
  const stems: string[] = [];
  forEachWord(lower, (word) => void stems.push(stemOf(word)));
  return { lower, stems };
}

/**
 * A meeting's search text (see the top of this file). The parts are lower-cased one by one and joined by line breaks,
 * which is the whole joined text lower-cased (no word and no case rule crosses a line break); the stems are every
 * part's in order, each once. At 250,000 meetings building every text took ~4.7 s in Node, a core of the machine
 * for seconds after the first picture; names, topics and source titles repeat across meetings and are done once.
 */
export function buildSearchText(src: TextParts, i: number): string {
  const m = src.meetings[i]!;
  const cache = segmentsOf(src);
  const lower: string[] = [];
  const seen = new Set<string>();
  const own = (text: string) => {
    const part = text.toLowerCase();
    lower.push(part);
    forEachWord(part, (word) => void seen.add(stemOf(word)));
  };
  const shared = (piece: Segment) => {
    lower.push(piece.lower);
    for (const stem of piece.stems) seen.add(stem);
  };
  const byText = (text: string) => {
    let piece = cache.byText.get(text);
    if (!piece) {
      piece = segment(text);
      // An event file's sources are one story per meeting: kept, they would only cost memory.
      if (cache.byText.size < SHARED_TEXTS_KEPT) cache.byText.set(text, piece);
    }
    shared(piece);
  };
  own(m.summary);
  own(m.location ?? '');
  byText(m.type);
  const actors = src.participantsOf(i);
  for (let k = 0; k < actors.length; k++) {
    const a = actors[k]!;
    if (a < 0) lower.push('');
    else shared((cache.actors[a] ??= segment([src.actors[a]!.name, ...src.actors[a]!.aliases].join(' '))));
  }
  for (const p of m.participants) own(p.role ?? '');
  for (const t of m.topics) byText(src.topicById.get(t)?.label ?? t);
  for (const e of m.evidence) {
    own(e.quote ?? '');
    byText(src.sourceById.get(e.sourceId)?.title ?? '');
  }
  // join, not concatenation: `+` leaves a tree of string pieces per meeting (at 20k meetings ~850,000 pieces,
  // 16 MB of heap) until the first search flattens it; join writes one flat string.
  return [lower.join('\n'), seen.size ? ` ${[...seen].join(' ')}` : ''].join('\n');
}

const build = (index: DatasetIndex, i: number): string => buildSearchText(partsOf(index), i);

/** Stems by word: a dataset's vocabulary is far smaller than its word count. */
const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;
export function stemOf(word: string): string {
  // The stemmer gives a word under three letters (once lower-cased) as it is: no lookup for those.
  if (word.length < 3) {
    const lower = word.toLowerCase();
    if (lower.length < 3) return lower;
  }
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    if (stems.size < STEM_CACHE_LIMIT) stems.set(word, stem);
  }
  return stem;
}

/**
 * Each distinct word stem after a space (so a stem can be matched at the start of a word). Once each: a term has no
 * spaces, so whether " stem" occurs depends only on the set of stems, and repeats only cost heap (a meeting's stems
 * repeat its names and topics several times).
 */
export function stemWords(text: string): string {
  const seen = new Set<string>();
  forEachWord(text, (word) => void seen.add(stemOf(word)));
  return seen.size ? ` ${[...seen].join(' ')}` : '';
}

/**
 * A test for one lower-cased search term against a text from `searchTextOf`: the term itself anywhere,
 * or its stem at the start of a word (stems shorter than three letters would match almost anything).
 */
export function termMatcher(term: string): (text: string) => boolean {
  const stem = stemOf(term);
  if (stem === term || stem.length < 3) return (text) => text.includes(term);
  const atWord = ` ${stem}`;
  return (text) => text.includes(term) || text.includes(atWord);
}

export function searchTextOf(index: DatasetIndex, i: number): string {
  const list = textsFor(index);
  return (list[i] ??= build(index, i));
}

/** A joined block of texts: meetings `first`, `first + 1`, … back to back in `block`, with their lengths. */
export type TextBlock = (first: number, block: string, lengths: Int32Array) => void;

/**
 * Builds texts until `timeLeft` says stop; true once every meeting has one. `blockChars`: see BLOCK_CHARS (tests vary
 * it). `onBlock` is given each block as it is joined, in order, every meeting once (a query worker searches them).
 */
export function warmSearchText(index: DatasetIndex, timeLeft: () => boolean, blockChars = BLOCK_CHARS, onBlock?: TextBlock): boolean {
  const list = textsFor(index);
  let w = warmth.get(index);
  if (!w) warmth.set(index, (w = { next: 0, blockFrom: 0, blockChars: 0 }));
  while (w.next < list.length) {
    // Small batches: with stemming a meeting's text takes ~50 µs (several times that on a loaded machine, or when a
    // meeting brings many new words to stem), and a batch that overruns its idle slice delays the next input's task.
    for (const stop = Math.min(list.length, w.next + 4); w.next < stop; w.next++) w.blockChars += (list[w.next] ??= build(index, w.next)).length;
    if (w.blockChars >= blockChars) {
      joinBlock(list, w.blockFrom, w.next, onBlock);
      w.blockFrom = w.next;
      w.blockChars = 0;
    }
    if (!timeLeft()) break;
  }
  if (w.next >= list.length && w.blockFrom < list.length) {
    joinBlock(list, w.blockFrom, list.length, onBlock);
    w.blockFrom = list.length;
  }
  return w.next >= list.length;
}

/** Replaces the texts `from`…`to` − 1 with slices of one string holding them all (see BLOCK_CHARS). */
function joinBlock(list: (string | undefined)[], from: number, to: number, onBlock?: TextBlock): void {
  const block = list.slice(from, to).join('');
  const lengths = new Int32Array(to - from);
  let at = 0;
  for (let k = from; k < to; k++) {
    const length = (lengths[k - from] = list[k]!.length);
    list[k] = block.slice(at, (at += length));
  }
  onBlock?.(from, block, lengths);
}

/** Forgets an index's texts (a query worker now holds them); a later searchTextOf builds them again. */
export function dropSearchText(index: DatasetIndex): void {
  texts.delete(index);
  warmth.delete(index);
}
