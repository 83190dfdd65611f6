import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRowBatcher, forEachRow, type RowBatch } from '../../../src/domain/engine/rowBatch';

describe('rows sent in batches (one string and offsets)', () => {
  it('gives back every row, its cells and its index, in order, however they are batched', () => {
    const rows = fc.array(fc.tuple(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 6 }), fc.nat()), { maxLength: 40 });
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 7 }), (given, size) => {
        const batches: RowBatch[] = [];
        const batcher = createRowBatcher(size, (b) => batches.push(b));
        for (const [cells, i] of given) batcher.add(cells, i);
        batcher.flush();
        expect(batches.every((b) => b.rows.length <= size && b.rows.length > 0)).toBe(true);
        const back: [string[], number][] = [];
        for (const b of batches) forEachRow(b, (cells, i) => back.push([cells, i]));
        expect(back).toEqual(given);
      }),
      { numRuns: 300 },
    );
  });
});
