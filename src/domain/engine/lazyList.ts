/**
 * A read-only array whose item i is made by `make(i)` the first time it is read, then kept. Every array operation
 * works on it (indexing, length, iteration, map, slice, JSON.stringify), so code written for plain arrays needs no
 * change; only what it reads is made. Used for a large dataset's records on the page, which arrive as bytes.
 */
export function lazyList<T>(count: number, make: (i: number) => T): readonly T[] {
  // Filled, not holey: array methods ask whether an index exists before reading it, and every index does.
  const made = new Array<T | undefined>(count).fill(undefined);
  return new Proxy(made, {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        const value = (target as unknown as Record<string, unknown>)[key];
        if (value !== undefined) return value;
        const first = key.charCodeAt(0);
        if (first >= 48 && first <= 57) {
          const i = Number(key);
          // Only an index as arrays spell it ("7", not "07" or "7e0").
          if (Number.isInteger(i) && i < count && String(i) === key) return (target[i] = make(i));
        }
        return value;
      }
      return Reflect.get(target, key, receiver);
    },
    set: () => false,
    deleteProperty: () => false,
    defineProperty: () => false,
  }) as readonly T[];
}

/**
 * Id → position for ids given as one newline-joined string (ids are slugs), filed a slice at a time (`fileSome`, while
 * the page is idle): filing 250,000 at once took ~115 ms. An id not filed yet is found in the rest of the text (a few
 * milliseconds), or, with few left, all are filed; so answers are always complete. Iterating files everything first.
 */
/** Ids left unfiled that a lookup files at once rather than searching the text. */
const FILE_AT_ONCE = 50_000;
/** Lookups answered by searching the text before the rest is filed at once: many in a row (an export) is a bulk read. */
const SEARCHES_BEFORE_FILING = 16;

export class PositionMap implements ReadonlyMap<string, number> {
  private readonly map = new Map<string, number>();
  /** Where the first id not yet filed starts in `ids` (−1 when all are), and its position. */
  private at = 0;
  private next = 0;
  private searches = 0;

  constructor(
    private readonly ids: string,
    readonly size: number,
    private readonly fileAtOnce = FILE_AT_ONCE,
  ) {
    if (size === 0) this.at = -1;
  }

  /** Files up to `limit` more ids; whether any are left. */
  fileSome(limit: number): boolean {
    const { ids, map } = this;
    let at = this.at;
    let position = this.next;
    for (let k = 0; k < limit && at >= 0; k++) {
      const cut = ids.indexOf('\n', at);
      map.set(ids.slice(at, cut < 0 ? ids.length : cut), position++);
      at = cut < 0 ? -1 : cut + 1;
    }
    this.at = at;
    this.next = position;
    return at >= 0;
  }

  get(id: string): number | undefined {
    const filed = this.map.get(id);
    if (filed !== undefined || this.at < 0 || id === '' || id.includes('\n')) return filed;
    // A few left (30,000 actors: ~12 ms), or many lookups already (an export reading every meeting's source): filed
    // now, so that many lookups in a row stay cheap.
    if (this.size - this.next <= this.fileAtOnce || ++this.searches > SEARCHES_BEFORE_FILING) {
      this.fileSome(Infinity);
      return this.map.get(id);
    }
    const { ids } = this;
    // The id as a whole line of the part not yet filed.
    for (let hit = ids.indexOf(id, this.at); hit >= 0; hit = ids.indexOf(id, hit + 1)) {
      const end = hit + id.length;
      if ((hit === this.at || ids.charCodeAt(hit - 1) === 10) && (end === ids.length || ids.charCodeAt(end) === 10)) {
        let position = this.next;
        for (let cut = ids.indexOf('\n', this.at); cut >= 0 && cut < hit; cut = ids.indexOf('\n', cut + 1)) position++;
        return position;
      }
    }
    return undefined;
  }
  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  private get all(): Map<string, number> {
    if (this.at >= 0) this.fileSome(Infinity);
    return this.map;
  }
  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    this.all.forEach((value, key) => callback.call(thisArg, value, key, this));
  }
  entries(): MapIterator<[string, number]> {
    return this.all.entries();
  }
  keys(): MapIterator<string> {
    return this.all.keys();
  }
  values(): MapIterator<number> {
    return this.all.values();
  }
  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.all[Symbol.iterator]();
  }
}

/**
 * Id → record for records that arrive as text (a large import's story sources): the position from a PositionMap, the
 * record read from the list the first time it is asked for. Iterates in position order, as a Map filled in order would.
 */
export class RecordMap<T> implements ReadonlyMap<string, T> {
  constructor(
    readonly positions: PositionMap,
    private readonly records: readonly T[],
  ) {}

  get size(): number {
    return this.positions.size;
  }
  get(id: string): T | undefined {
    const at = this.positions.get(id);
    return at === undefined ? undefined : this.records[at];
  }
  has(id: string): boolean {
    return this.positions.has(id);
  }
  forEach(callback: (value: T, key: string, map: ReadonlyMap<string, T>) => void, thisArg?: unknown): void {
    this.positions.forEach((at, key) => callback.call(thisArg, this.records[at]!, key, this));
  }
  *entries(): MapIterator<[string, T]> {
    for (const [key, at] of this.positions) yield [key, this.records[at]!];
  }
  *keys(): MapIterator<string> {
    yield* this.positions.keys();
  }
  *values(): MapIterator<T> {
    for (const at of this.positions.values()) yield this.records[at]!;
  }
  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }
}
