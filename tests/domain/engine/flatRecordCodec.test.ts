import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeFlat, encodeFlat } from '../../../src/domain/engine/flatRecordCodec';
import { RecordTexts, textChunk } from '../../../src/domain/engine/recordText';

const asJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
const value = fc.option(fc.string({ unit: 'binary', maxLength: 10 }), { nil: null });
const keys = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }).filter((k) => k !== '__proto__' && !/^(0|[1-9]\d*)$/.test(k)), { minLength: 1, maxLength: 5 });

describe('records of strings and nulls coded for the hand-over (an import\'s sources)', () => {
  it('read back as their JSON would be, keys in the same order, in a chunk of any size', () => {
    fc.assert(
      fc.property(keys, fc.array(fc.array(value, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 12 }), (names, rows) => {
        const records = rows.map((vals) => Object.fromEntries(names.map((k, j) => [k, vals[j]!])));
        const coded = encodeFlat(records, 0, records.length);
        expect(coded).not.toBeNull();
        records.forEach((r, k) => {
          expect(decodeFlat(coded!, k)).toEqual(asJson(r));
          expect(JSON.stringify(decodeFlat(coded!, k))).toBe(JSON.stringify(r));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('are left to JSON with a value that is not a string or null, other keys or another order, or keys an assignment bends', () => {
    const base = { id: 's1', title: 'ICEWS story 1', publisher: null, published: null, titleNote: 'Cited by ICEWS' };
    expect(encodeFlat([base, { ...base, id: 's2' }], 0, 2)).not.toBeNull();
    const others: unknown[] = [
      { ...base, published: '2020-01-01', extra: 'x' },
      { ...base, publisher: 3 },
      { ...base, title: { text: 'x' } },
      { title: base.title, id: 's2', publisher: null, published: null, titleNote: 'n' },
      { id: 's2', title: 't' },
      null,
      Object.assign(Object.create({ inherited: 'x' }), base),
    ];
    for (const other of others) expect(encodeFlat([base, other], 0, 2)).toBeNull();
    expect(encodeFlat([JSON.parse('{"__proto__":"x","a":"b"}')], 0, 1)).toBeNull();
    expect(encodeFlat([{ 1: 'x', a: 'b' }], 0, 1)).toBeNull();
  });

  it("go through the page's record store beside JSON chunks; a cut chunk is refused", () => {
    const sources = Array.from({ length: 5 }, (_, k) => ({ id: `s${k}`, title: `story ${k}`, publisher: k % 2 ? 'AFP' : null, published: null, titleNote: 'n' }));
    const records = [...sources, { id: 'x', title: 'with text', text: 'long', publisher: null, published: 1 }];
    const store = new RecordTexts<unknown>(records.length, 2);
    for (let offset = 0; offset < records.length; offset += 2) store.add(offset, textChunk(records, offset, Math.min(records.length, offset + 2)));
    expect('flat' in textChunk(records, 0, 2)).toBe(true);
    expect('flat' in textChunk(records, 4, 6)).toBe(false);
    expect(records.map((_, i) => store.read(i))).toEqual(asJson(records));
    const flat = encodeFlat(sources, 0, 2)!;
    expect(() => new RecordTexts<unknown>(2, 2).add(0, { flat: { ...flat, text: flat.text.slice(1) } })).toThrow(/not a whole chunk/);
  });
});
