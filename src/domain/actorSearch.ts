import type { DatasetIndex } from './indexes';
import { searchTerms } from './filters';
import { matchableAliases } from './actors';

interface ActorSearchIndex {
  /** Lower-cased name and matchable aliases per actor position (groups: name only). */
  text: string[];
  names: string[];
  /** Actor positions, most meetings first, then by name: the order shown before anything is typed. */
  byActivity: Int32Array;
}

const cache = new WeakMap<DatasetIndex, ActorSearchIndex>();

function searchIndexFor(index: DatasetIndex): ActorSearchIndex {
  let s = cache.get(index);
  if (!s) {
    const names = index.actors.map((a) => a.name.toLowerCase());
    const text = index.actors.map((a, i) => [names[i], ...matchableAliases(a).map((x) => x.toLowerCase())].join('\n'));
    const byActivity = Int32Array.from(index.actors.keys()).sort(
      (a, b) => index.byActor[b]!.length - index.byActor[a]!.length || names[a]!.localeCompare(names[b]!),
    );
    cache.set(index, (s = { text, names, byActivity }));
  }
  return s;
}

/**
 * Actors whose name or an alias contains every typed word, at most `limit`, best first:
 * names starting with the query, then other matches, each group by activity.
 * One linear scan over precomputed strings: well under a millisecond for 5,000 actors.
 */
export function findActors(index: DatasetIndex, query: string, limit = 50): number[] {
  const s = searchIndexFor(index);
  const terms = searchTerms(query);
  const q = query.trim().toLowerCase();
  if (!terms.length) return Array.from(s.byActivity.subarray(0, limit));
  const prefix: number[] = [];
  const other: number[] = [];
  for (const pos of s.byActivity) {
    const text = s.text[pos]!;
    if (!terms.every((t) => text.includes(t))) continue;
    if (s.names[pos]!.startsWith(q)) {
      prefix.push(pos);
      if (prefix.length >= limit) break;
    } else if (other.length < limit) other.push(pos);
  }
  return prefix.concat(other).slice(0, limit);
}
