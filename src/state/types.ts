import type { Filters } from '../domain/filters';
import type { SizeMetric } from '../domain/analysis/metricNames';
import type { EgoDepth } from '../domain/analysis/ego';
import type { LaneMode } from '../domain/lanes';
import type { PlaySpan, PlaySpeed } from '../domain/playback';

export type Selection =
  | { kind: 'meeting'; id: string }
  | { kind: 'actor'; id: string }
  | { kind: 'edge'; a: string; b: string };

/** The timeline's visible range, as inclusive ISO days. */
export interface TimeWindow {
  start: string;
  end: string;
}

/** Everything a deep link carries: the shareable part of the state. */
export interface View {
  filters: Filters;
  selection: Selection | null;
  window: TimeWindow | null;
  /** When on, the network shows only meetings in the timeline's visible window. */
  followWindow: boolean;
  /** Charts (timeline + network) or the accessible table alternative. */
  mode: 'charts' | 'table';
  /** Timeline lanes: one per country/organisation or per actor, or a single lane (null). */
  lanes: LaneMode | null;
  /** Playback window length and speed (steps per second). */
  playSpan: PlaySpan;
  playSpeed: PlaySpeed;
  /** How the network is measured and drawn (size, colour, ego network). */
  analysis: AnalysisView;
}

export interface AnalysisView {
  /** What node size and the "Most central" list follow. */
  size: SizeMetric;
  /** Node colour: the actor's affiliation or its Louvain community. */
  color: 'affiliation' | 'community';
  /** Show only actors within `depth` steps of `actor`. */
  ego: { actor: string; depth: EgoDepth } | null;
}

export interface Notice {
  id: string;
  tone: 'info' | 'warning' | 'error';
  text: string;
}
