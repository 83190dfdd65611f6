import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RecordTexts, textChunk } from '../../../src/domain/engine/recordText';

describe('records as text chunks', () => {
  it('reads back every record, whatever the chunk size and the order the chunks are filed in', () => {
    const record = fc.record({ id: fc.string(), n: fc.integer(), tags: fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), fc.boolean(), (records, chunk, reversed) => {
        const texts = new RecordTexts<unknown>(records.length, chunk);
        const offsets = Array.from({ length: Math.ceil(records.length / chunk) }, (_, c) => c * chunk);
        for (const offset of reversed ? offsets.reverse() : offsets) texts.add(offset, textChunk(records, offset, Math.min(records.length, offset + chunk)));
        expect(texts.complete).toBe(true);
        expect(records.map((_, i) => texts.read(i))).toEqual(records);
      }),
    );
  });

  it('refuses a chunk that does not fit what was announced, or comes twice', () => {
    const records = [{ a: 1 }, { b: 2 }, { c: 3 }];
    const texts = new RecordTexts<unknown>(3, 2);
    expect(() => texts.add(1, textChunk(records, 1, 3))).toThrow(/does not fit/);
    expect(() => texts.add(2, textChunk(records, 1, 3))).toThrow(/does not fit/);
    const cut = textChunk(records, 0, 2) as { text: string; ends: Float64Array };
    expect(() => texts.add(0, { ...cut, text: cut.text.slice(0, -1) })).toThrow(/cut short/);
    texts.add(0, cut);
    expect(() => texts.add(0, cut)).toThrow(/twice/);
    expect(texts.complete).toBe(false);
    texts.add(2, textChunk(records, 2, 3));
    expect(texts.complete).toBe(true);
  });
});
