import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lazyList, PositionMap, RecordMap } from '../../../src/domain/engine/lazyList';

describe('a lazy list', () => {
  it('makes only the items read, once each', () => {
    const made: number[] = [];
    const list = lazyList(1000, (i) => {
      made.push(i);
      return { i };
    });
    expect(list.length).toBe(1000);
    expect(list[7]).toEqual({ i: 7 });
    expect(list[7]).toBe(list[7]);
    expect(list[999]!.i).toBe(999);
    expect(list[1000]).toBeUndefined();
    const byName = list as unknown as Record<string, unknown>;
    expect([byName['07'], byName['7e0'], byName['1.5'], byName['-1']]).toEqual([undefined, undefined, undefined, undefined]);
    expect(made).toEqual([7, 999]);
  });

  it('behaves as the plain array of the same items under every array operation the app uses', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.string(), n: fc.integer() }), { maxLength: 40 }), fc.nat(), fc.nat(), (items, a, b) => {
        const list = lazyList(items.length, (i) => items[i]!);
        expect(Array.isArray(list)).toBe(true);
        expect([...list]).toEqual(items);
        expect(list.map((x) => x.n)).toEqual(items.map((x) => x.n));
        expect(list.filter((x) => x.n > 0)).toEqual(items.filter((x) => x.n > 0));
        expect(list.slice(a % 41, b % 41)).toEqual(items.slice(a % 41, b % 41));
        expect(list.find((x) => x.n === a)).toEqual(items.find((x) => x.n === a));
        expect(JSON.stringify(list)).toBe(JSON.stringify(items));
        const seen: number[] = [];
        list.forEach((_, i) => seen.push(i));
        expect(seen).toEqual(items.map((_, i) => i));
      }),
    );
  });

  it('cannot be changed', () => {
    const list = lazyList(3, (i) => i) as number[];
    expect(() => {
      list[0] = 5;
    }).toThrow(TypeError);
    expect(() => list.push(1)).toThrow(TypeError);
    expect(list[0]).toBe(0);
  });
});

describe('a position map filed a slice at a time', () => {
  it('answers exactly as a Map of the same ids, however much was filed before the first read', () => {
    fc.assert(
      // Short ids from few letters: many are parts of others ("ab" in "cab", "b-a"), which a text search must not take.
      fc.property(fc.uniqueArray(fc.stringMatching(/^[ab-]{1,4}$/), { maxLength: 30 }), fc.array(fc.nat({ max: 20 }), { maxLength: 5 }), fc.stringMatching(/^[ab-]{0,5}$/), (ids, slices, probe) => {
        const expected = new Map(ids.map((id, i) => [id, i]));
        // Nothing filed at once on a lookup: the text search is what answers ids not filed yet.
        const map = new PositionMap(ids.join('\n'), ids.length, 0);
        for (const s of slices) map.fileSome(s);
        // Looked up before and after everything is filed.
        for (const id of [...ids, probe, 'a\nb']) expect(map.get(id), id).toBe(expected.get(id));
        expect(map.has(probe)).toBe(expected.has(probe));
        expect(map.size).toBe(ids.length);
        expect([...map]).toEqual([...expected]);
        for (const id of ids) expect(map.get(id)).toBe(expected.get(id));
      }),
    );
  });

  it('finds an id in the text when many are left, without filing them', () => {
    const ids = Array.from({ length: 60_000 }, (_, i) => `m-${i}`);
    const map = new PositionMap(ids.join('\n'), ids.length);
    map.fileSome(5);
    expect(map.get('m-59999')).toBe(59_999);
    expect(map.get('m-5999')).toBe(5999);
    expect(map.get('m-')).toBeUndefined();
    // Still not filed: filing the rest now does not stop early.
    expect(map.fileSome(59_994)).toBe(true);
    expect(map.fileSome(1)).toBe(false);
  });

  it('files every id once many lookups in a row had to search the text (a bulk read such as an export)', () => {
    const ids = Array.from({ length: 60_000 }, (_, i) => `s-${i}`);
    const map = new PositionMap(ids.join('\n'), ids.length);
    for (let k = 0; k < 16; k++) expect(map.get(`s-${59_999 - k}`)).toBe(59_999 - k);
    expect(map.fileSome(0)).toBe(true);
    expect(map.get('s-30000')).toBe(30_000);
    expect(map.fileSome(0)).toBe(false);
    expect(map.get('s-59999')).toBe(59_999);
  });

  it('says when every id is filed', () => {
    const map = new PositionMap('a\nb\nc', 3);
    // Few left: a lookup files them all.
    const few = new PositionMap('a\nb\nc', 3);
    expect(few.get('c')).toBe(2);
    expect(few.fileSome(1)).toBe(false);
    expect(map.fileSome(2)).toBe(true);
    expect(map.fileSome(2)).toBe(false);
    const empty = new PositionMap('', 0);
    expect([empty.size, empty.get(''), [...empty]]).toEqual([0, undefined, []]);
  });
});

describe('a record map over a position map', () => {
  it('answers and iterates as a Map of the same records, reading only the records asked for', () => {
    const records = ['a', 'b', 'c'].map((id) => ({ id, title: id.toUpperCase() }));
    const read: number[] = [];
    const list = lazyList(records.length, (i) => (read.push(i), records[i]!));
    const map = new RecordMap(new PositionMap('a\nb\nc', 3), list);
    expect(map.get('b')).toEqual({ id: 'b', title: 'B' });
    expect([map.get('d'), map.has('c'), map.has('d'), map.size]).toEqual([undefined, true, false, 3]);
    expect(read).toEqual([1]);
    const expected = new Map(records.map((r) => [r.id, r]));
    expect([...map]).toEqual([...expected]);
    expect([...map.keys()]).toEqual([...expected.keys()]);
    expect([...map.values()]).toEqual([...expected.values()]);
    const seen: string[] = [];
    map.forEach((value, key, self) => seen.push(`${key}=${value.title}${self === map ? '' : '?'}`));
    expect(seen).toEqual(['a=A', 'b=B', 'c=C']);
  });
});
