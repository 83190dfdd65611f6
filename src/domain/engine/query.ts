import type { QueryIndex } from '../indexes';
import { EMPTY_FILTERS, filterMeetings, meetingsInWindow, searchAmong, searchTerms, type Filters, type TextOf } from '../filters';
import { facetCounters } from '../facetCounts';
import { NETWORK_CAP, type NetworkCap } from '../networkCap';
import { memoizeLast } from '../memo';
import type { EgoDepth } from '../analysis/ego';
import { buildFlatGraph, flatEgo, flatPicture, unpackPicture, type CountedMeasure, type FlatGraph, type GraphWire, type UnpackedPicture } from './queryGraph';
import { RecentAnswers } from './recentAnswers';

/**
 * The data engine's questions (issue #11): what the views ask of a dataset on every step, answered where the
 * dataset's columns live. `QueryEngine` answers them synchronously over a `QueryIndex`; the query worker runs one
 * over copies of the columns, and the page asks it through a `DataSource` (query/client.ts). Every answer equals
 * what the pure functions (filters.ts, facetCounts.ts, graph.ts, networkCap.ts) give for the same index.
 */

export interface FilterAnswer {
  /** Positions of the meetings passing the filters, in display order. */
  positions: Int32Array;
  count: number;
}

/**
 * A search's matches for the page (state/workerSearch.ts): every match in the dataset (`within` false), or, while the
 * engine has only read the texts of the meetings the other filters leave, the matches among those (`within` true:
 * the meetings passing all of the question's filters).
 */
export interface SearchAnswer {
  positions: Int32Array;
  within: boolean;
}

export interface FacetCountsAnswer {
  /** Meetings per country or organization among those matching every other filter (see facetCounts.ts). */
  countries: ReadonlyMap<string, number>;
  topics: ReadonlyMap<string, number>;
}

export interface TimeBinsQuery {
  filters: Filters;
  /** Ascending bin edges (ms); bin k is [edges[k], edges[k + 1]). */
  edges: Float64Array;
}

export interface GraphQuery {
  filters: Filters;
  /**
   * The meetings passing the filters, when the page found them itself: a search (the worker holds no meeting
   * texts; the page's search already ran for the count). Otherwise the engine filters.
   */
  positions?: Int32Array;
  /** The timeline window the network follows (ms, end exclusive), or null for every filtered meeting. */
  window: { fromMs: number; toMs: number } | null;
  /** Actors a selection is about: always drawn, with their strongest counterparts (networkCap.ts). */
  focus: readonly string[];
  /** The ego network the view is cut to (analysis/ego.ts), before the cap. */
  ego?: { actor: string; depth: EgoDepth } | null;
  /** A measure to size the drawn actors by and rank the whole (uncapped) network by, with the `top` highest. */
  measure?: CountedMeasure | null;
  top?: number;
  cap?: NetworkCap;
}

/** The drawn network (capped), with what the view says about the whole one. See GraphWire. */
export type GraphAnswer = UnpackedPicture;

/**
 * The questions, asked asynchronously. For each method a newer call supersedes an older one still in flight: the
 * older resolves to `null` (never to a stale answer), so a view applies only answers it can still show.
 */
export interface DataSource {
  filter(f: Filters): Promise<FilterAnswer | null>;
  facetCounts(f: Filters): Promise<FacetCountsAnswer | null>;
  timeBins(q: TimeBinsQuery): Promise<Uint32Array | null>;
  graph(q: GraphQuery): Promise<GraphAnswer | null>;
  dispose(): void;
}

export type QueryKind = 'search' | 'filter' | 'facetCounts' | 'timeBins' | 'graph';

/** Same filters by value: answers crossing a worker boundary arrive as new objects. */
export const filtersKey = (f: Filters): string => JSON.stringify([f.actors, f.countries, f.topics, f.from, f.to, f.q, f.between]);

/**
 * How many filter results and graphs the engine keeps. A graph of 30,000 of 250,000 meetings (~100,000 links, ~2 MB)
 * took 45 ms to build in Node and 200-300 ms in the worker on a loaded machine; the filter results are positions.
 */
const RECENT_FILTERS = 8;
/** See computePositions: below 1 in this many meetings a search reads the texts of those meetings only. */
const SEARCH_ALL_SHARE = 8;
const RECENT_GRAPHS = 4;

/** The synchronous engine: the pure functions over one index, each memoized on its last questions (by value). */
export class QueryEngine {
  private readonly counters;
  private readonly recentPositions = new RecentAnswers<Int32Array>(RECENT_FILTERS);
  private readonly recentGraphs = new RecentAnswers<FlatGraph>(RECENT_GRAPHS);
  private readonly recentCounts = new RecentAnswers<FacetCountsAnswer>(RECENT_FILTERS);

  constructor(
    readonly index: QueryIndex,
    /** Each meeting's search text; null when the engine holds no texts (then a search is refused, not guessed). */
    private readonly textOf: TextOf | null = null,
  ) {
    this.counters = facetCounters((_, f) => this.computePositions(f));
  }

  private readonly recentHits = new RecentAnswers<Uint8Array | null>(RECENT_FILTERS);
  /**
   * The meetings matching a search, as a mask (1 at each match), or null when `q` has no terms. Computed once per
   * search: the filter, both facet counts and the graph of one step would otherwise each read every text.
   */
  private searchHits(q: string): Uint8Array | null {
    const terms = searchTerms(q);
    if (!terms.length || !this.textOf) return null;
    return this.recentHits.get(terms.join(' '), () => {
      const mask = new Uint8Array(this.index.meetings.length);
      const matching = filterMeetings(this.index, { ...EMPTY_FILTERS, q }, this.textOf);
      for (let k = 0; k < matching.length; k++) mask[matching[k]!] = 1;
      return mask;
    });
  }

  /** Whether this engine can answer a search (`q`). */
  get searches(): boolean {
    return this.textOf !== null;
  }

  private positions(f: Filters): Int32Array {
    return this.recentPositions.get(filtersKey(f), () => this.computePositions(f));
  }

  /**
   * A search among few meetings reads only their texts: when the other filters leave fewer than 1 in
   * SEARCH_ALL_SHARE meetings (an actor's 1,117 of 250,000) and this search's matches are not known yet. Otherwise
   * every text is read once and the matches kept for the next questions (the counts, the network, the next step).
   */
  private computePositions(f: Filters): Int32Array {
    const terms = searchTerms(f.q);
    if (!terms.length || !this.textOf) return filterMeetings(this.index, f, this.textOf);
    if (this.recentHits.peek(terms.join(' ')) === undefined) {
      const rest = this.positions({ ...f, q: '' });
      if (rest.length * SEARCH_ALL_SHARE < this.index.meetings.length) return searchAmong(rest, f.q, this.textOf);
    }
    return filterMeetings(this.index, f, this.textOf, this.searchHits(f.q));
  }

  /** The page's search (see SearchAnswer): every match once they are known, else the matches the filters leave. */
  search(f: Filters): SearchAnswer {
    const inView = this.positions(f);
    const all = this.recentHits.peek(searchTerms(f.q).join(' '));
    if (!all) return { positions: inView, within: true };
    return { positions: filterMeetings(this.index, { ...EMPTY_FILTERS, q: f.q }, null, all), within: false };
  }

  filter(f: Filters): FilterAnswer {
    const positions = this.positions(f);
    return { positions, count: positions.length };
  }

  facetCounts(f: Filters): FacetCountsAnswer {
    return this.recentCounts.get(filtersKey(f), () => {
      // Filters from a worker message are new objects each time: equal fields are given one identity.
      const same = this.canonical(f);
      return { countries: this.counters.countries(this.index, same), topics: this.counters.topics(this.index, same) };
    });
  }

  timeBins({ filters, edges }: TimeBinsQuery): Uint32Array {
    return binStarts(this.index.start, this.positions(filters), edges);
  }

  graph(q: GraphQuery): GraphAnswer {
    return unpackPicture(this.graphWire(q), this.actorIds);
  }

  /** The graph answer as the worker sends it (see GraphWire). */
  graphWire({ filters, positions, window, focus, ego = null, measure = null, top = 10, cap = NETWORK_CAP }: GraphQuery): GraphWire {
    const visible = positions ?? this.positions(filters);
    const meetings = this.windowed(visible, window?.fromMs ?? NaN, window?.toMs ?? NaN);
    // Meetings the page found (a search) are known by identity only; filters and a window are known by value.
    const whole = positions ? this.built(meetings) : this.recentGraphs.get(`${filtersKey(filters)} ${window?.fromMs} ${window?.toMs}`, () => this.built(meetings));
    const shown = ego ? this.egoOf(whole, ego.actor, ego.depth) : whole;
    return flatPicture(this.index, whole, shown, meetings.length, { focus, ego, measure, top, cap });
  }

  private get actorIds(): string[] {
    return (this.ids ??= this.index.actors.map((a) => a.id));
  }
  private ids: string[] | undefined;

  // Memoized by value: a playback step or a selection asks again with the same meetings (a new focus, measure or cap).
  private readonly windowed = memoizeLast((visible: Int32Array, fromMs: number, toMs: number) =>
    Number.isNaN(fromMs) ? visible : meetingsInWindow(this.index, visible, fromMs, toMs),
  );
  private readonly built = memoizeLast((meetings: Int32Array) => {
    // The whole dataset's network (no filter, no window) is the opening picture and where every "clear" returns:
    // kept, not rebuilt (every list of all meetings holds the same positions in the same display order).
    if (meetings.length !== this.index.meetings.length) return buildFlatGraph(this.index, meetings);
    return (this.everyMeeting ??= buildFlatGraph(this.index, meetings));
  });
  private everyMeeting: FlatGraph | undefined;
  private readonly egoOf = memoizeLast((whole: FlatGraph, actor: string, depth: EgoDepth) => {
    const pos = this.index.actorPos.get(actor);
    return flatEgo(whole, pos === undefined ? -1 : whole.actors.indexOf(pos), depth);
  });

  private readonly interned = new Map<keyof Filters, { json: string; value: unknown }>();
  /** A field equal by value to the last one seen gets that one's reference (the counters memoize on identity). */
  private intern<K extends keyof Filters>(k: K, value: Filters[K]): Filters[K] {
    const json = JSON.stringify(value);
    const last = this.interned.get(k);
    if (last?.json === json) return last.value as Filters[K];
    this.interned.set(k, { json, value });
    return value;
  }

  private canonical(f: Filters): Filters {
    return { ...f, actors: this.intern('actors', f.actors), countries: this.intern('countries', f.countries), topics: this.intern('topics', f.topics), between: this.intern('between', f.between) };
  }
}

/** Meetings (at `positions`) per bin by their start: bin k counts starts in [edges[k], edges[k + 1]). */
export function binStarts(start: Float64Array, positions: Int32Array, edges: Float64Array): Uint32Array {
  const bins = Math.max(0, edges.length - 1);
  const counts = new Uint32Array(bins);
  if (!bins) return counts;
  const first = edges[0]!;
  const last = edges[bins]!;
  for (let k = 0; k < positions.length; k++) {
    const t = start[positions[k]!]!;
    if (t < first || t >= last) continue;
    // Last edge <= t.
    let lo = 0;
    let hi = bins;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid]! <= t) lo = mid;
      else hi = mid;
    }
    counts[lo]!++;
  }
  return counts;
}
