import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assembledFrom, csrOfRows, packIndex } from '../../../src/domain/engine/packedIndex';
import { columnsOf, queryIndexOf } from '../../../src/domain/engine/queryColumns';
import { buildFlatGraph } from '../../../src/domain/engine/queryGraph';
import { buildIndex } from '../../../src/domain/indexes';
import { countByAffiliation } from '../../../src/domain/facetCounts';
import { lazyList } from '../../../src/domain/engine/lazyList';
import type { Dataset } from '../../../src/domain/schema';
import { generateSynthetic } from '../../../scripts/bench/synthetic/generate';

const rowsOf = (csr: { offsets: Int32Array; values: Int32Array }) =>
  Array.from({ length: csr.offsets.length - 1 }, (_, i) => Array.from(csr.values.subarray(csr.offsets[i]!, csr.offsets[i + 1]!)));

describe('csrOfRows: a list of rows as one CSR', () => {
  it('holds the rows in order, built once per list', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: -1, max: 50 }), { maxLength: 7 }), { maxLength: 40 }), (lists) => {
        const rows = lists.map((r) => Int32Array.from(r));
        const csr = csrOfRows(rows);
        expect(rowsOf(csr)).toEqual(lists);
        expect(csrOfRows(rows)).toBe(csr);
      }),
    );
  });

  it('is the packed list itself for rows assembled from one, not a copy (also for a lazy list)', () => {
    const packed = packIndex(JSON.parse(generateSynthetic({ meetings: 300, actors: 40, seed: 3 })) as Dataset).participants;
    const views = Array.from({ length: packed.offsets.length - 1 }, (_, i) => packed.values.subarray(packed.offsets[i]!, packed.offsets[i + 1]!));
    expect(csrOfRows(assembledFrom(views, packed))).toBe(packed);
    const lazy = lazyList(views.length, (i) => views[i]!);
    expect(csrOfRows(assembledFrom(lazy as Int32Array[], packed))).toBe(packed);
  });
});

describe("the query worker's index reads its columns", () => {
  const dataset = JSON.parse(generateSynthetic({ meetings: 2000, actors: 150, seed: 5 })) as Dataset;
  const page = buildIndex(dataset);
  const columns = columnsOf(page);
  const worker = queryIndexOf(columns);

  it('without copying them, and gives the graph and country counts the page index gives', () => {
    expect(csrOfRows(worker.participants)).toBe(columns.participants);
    const some = Int32Array.from(page.order.filter((_, k) => k % 3 !== 1));
    for (const meetings of [page.order, some]) {
      expect(buildFlatGraph(worker, meetings)).toEqual(buildFlatGraph(page, meetings));
      expect([...countByAffiliation(worker, meetings)]).toEqual([...countByAffiliation(page, meetings)]);
    }
  });
});
