import type { Dataset } from '../schema';
import type { DatasetIndex } from '../indexes';

/**
 * A dataset holding only the meetings at `positions` (kept in dataset order, so an unfiltered
 * export is the dataset itself) and exactly the actors, topics, sources (evidence and corroboration),
 * occasions and countries they use:
 * the validator requires every actor to take part in some meeting, and unused records would
 * only mislead. Records keep every field, so the file validates as the original did.
 */
export function subsetDataset(index: DatasetIndex, positions: ArrayLike<number>, description?: string): Dataset {
  const { dataset } = index;
  const keep = new Uint8Array(index.meetings.length);
  for (let k = 0; k < positions.length; k++) keep[positions[k]!] = 1;
  const meetings = dataset.meetings.filter((_, i) => keep[i] === 1);
  const actorIds = new Set<string>();
  const topicIds = new Set<string>();
  const sourceIds = new Set<string>();
  for (const m of meetings) {
    for (const p of m.participants) actorIds.add(p.actorId);
    for (const t of m.topics) topicIds.add(t);
    for (const e of m.evidence) sourceIds.add(e.sourceId);
    for (const c of m.corroboration ?? []) sourceIds.add(c.sourceId);
  }
  const occasionIds = new Set(meetings.flatMap((m) => (m.occasion === undefined ? [] : [m.occasion])));
  const actors = dataset.actors.filter((a) => actorIds.has(a.id));
  const codes = new Set(actors.map((a) => a.affiliation));
  const { $schema, ...rest } = dataset;
  return {
    ...rest,
    ...(description !== undefined ? { description } : {}),
    countries: dataset.countries.filter((c) => codes.has(c.code)),
    sources: dataset.sources.filter((s) => sourceIds.has(s.id)),
    actors,
    topics: dataset.topics.filter((t) => topicIds.has(t.id)),
    ...(dataset.occasions ? { occasions: dataset.occasions.filter((o) => occasionIds.has(o.id)) } : {}),
    meetings,
  };
}

export function datasetToJson(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}
