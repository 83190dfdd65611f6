import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { displayOrder } from '../../src/domain/indexes';

/** The order as it was defined before grouping by day: earliest day, then id. */
const reference = (ids: string[], start: Float64Array) =>
  Int32Array.from(ids.keys()).sort((a, b) => start[a]! - start[b]! || (ids[a]! < ids[b]! ? -1 : 1));

describe('displayOrder', () => {
  it('sorts by earliest day, then by id, whatever the number of meetings per day', () => {
    const day = 86_400_000;
    const meetings = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,6}$/), day: fc.integer({ min: -3, max: 4 }) }), { selector: (m) => m.id, maxLength: 60 });
    fc.assert(
      fc.property(meetings, (list) => {
        const ids = list.map((m) => m.id);
        const start = Float64Array.from(list, (m) => m.day * day);
        expect([...displayOrder(list, start)]).toEqual([...reference(ids, start)]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps one meeting per day in day order and handles an empty list', () => {
    expect([...displayOrder([{ id: 'b' }, { id: 'a' }, { id: 'c' }], Float64Array.of(20, 10, 30))]).toEqual([1, 0, 2]);
    expect(displayOrder([], new Float64Array(0))).toHaveLength(0);
  });
});
