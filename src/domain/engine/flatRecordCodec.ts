import { isPlainObject, keysAre } from './meetingCodec';

/**
 * Records whose values are all strings or null, with the same keys in the same order (an event file's story sources:
 * 202,572 of them in a year of ICEWS, ~0.15 s of the hand-over as JSON): the keys once, the values back to back. Read
 * back as their JSON would be; anything else (a nested value, a number, another key order) stays JSON.
 */
export interface CodedFlat {
  keys: string[];
  text: string;
  /** Where each value ends in `text`, record by record and key by key. */
  ends: Int32Array;
  /** 1 where the value is null. */
  nulls: Uint8Array;
}

/** Keys a plain assignment would not make an own, in-order property of (`__proto__`, array indexes). */
const unsafeKey = (key: string) => key === '__proto__' || /^(0|[1-9]\d*)$/.test(key);

export function encodeFlat(records: readonly unknown[], from: number, to: number): CodedFlat | null {
  const first = records[from];
  if (!isPlainObject(first)) return null;
  const keys = Object.keys(first);
  if (keys.some(unsafeKey)) return null;
  for (let i = from; i < to; i++) {
    const r = records[i];
    if (!isPlainObject(r) || !keysAre(r, keys)) return null;
    for (const key of keys) if (typeof r[key] !== 'string' && r[key] !== null) return null;
  }
  const n = (to - from) * keys.length;
  const ends = new Int32Array(n);
  const nulls = new Uint8Array(n);
  let text = '';
  for (let i = from, at = 0; i < to; i++) {
    const r = records[i] as Record<string, string | null>;
    for (const key of keys) {
      const v = r[key]!;
      if (v === null) nulls[at] = 1;
      else text += v;
      ends[at++] = text.length;
    }
  }
  return { keys, text, ends, nulls };
}

export const flatCount = (c: CodedFlat): number => (c.keys.length ? c.ends.length / c.keys.length : 0);

export const flatIsWhole = (c: CodedFlat): boolean =>
  c.keys.length > 0 && !c.keys.some(unsafeKey) && c.ends.length % c.keys.length === 0 && c.nulls.length === c.ends.length && (c.ends.length === 0 ? c.text === '' : c.ends[c.ends.length - 1] === c.text.length);

export function decodeFlat(c: CodedFlat, k: number): Record<string, string | null> {
  const record: Record<string, string | null> = {};
  let at = k * c.keys.length;
  let start = at ? c.ends[at - 1]! : 0;
  for (const key of c.keys) {
    const end = c.ends[at]!;
    record[key] = c.nulls[at] ? null : c.text.slice(start, end);
    start = end;
    at++;
  }
  return record;
}
