import type { DatasetIndex } from '../indexes';
import type { QueryColumns } from './query';
import type { Csr, KeyedCsr, PackedIndex } from './packedIndex';

/**
 * The query worker's copy of the columns, made by the loading worker and handed to the page with the index: the page
 * passes its buffers on (transferred, not copied) when it starts the query worker. Copying them on the page took a
 * 45-75 ms task at 250,000 meetings, right after the first render.
 */
export function copyPacked(p: PackedIndex): PackedIndex {
  const csr = (c: Csr): Csr => ({ offsets: c.offsets.slice(), values: c.values.slice() });
  const keyed = (c: KeyedCsr): KeyedCsr => ({ keys: c.keys, ...csr(c) });
  return {
    ...p,
    start: p.start.slice(),
    end: p.end.slice(),
    order: p.order.slice(),
    participants: csr(p.participants),
    byActor: csr(p.byActor),
    byAffiliation: keyed(p.byAffiliation),
    byTopic: keyed(p.byTopic),
  };
}

const copies = new WeakMap<DatasetIndex, PackedIndex>();

/** Keeps the loading worker's copy for this index until the query worker takes it. */
export const rememberQueryCopy = (index: DatasetIndex, copy: PackedIndex): void => void copies.set(index, copy);

/** The query columns from the worker's copy (once: its buffers are then the query worker's), or null when there is none. */
export function takeQueryColumns(index: DatasetIndex): QueryColumns | null {
  const copy = copies.get(index);
  if (!copy) return null;
  copies.delete(index);
  const { actorCount: _, ...columns } = copy;
  return {
    ...columns,
    actorIds: index.actors.map((a) => a.id),
    actorAffiliations: index.actors.map((a) => a.affiliation),
    countryCodes: [...index.countryByCode.keys()],
  };
}
