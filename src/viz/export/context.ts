import type { Filters } from '../../domain/filters';
import type { ActorGraph } from '../../domain/graph';
import type { AnalysisView } from '../../state/types';
import type { DatasetIndex } from '../../domain/indexes';
import type { NetworkSnapshot } from '../network/snapshot';
import type { TimelineShot } from '../exportSources';

/** Everything an export reads, gathered once from the store and the views when the user asks. */
export interface ExportContext {
  index: DatasetIndex;
  filters: Filters;
  /** Meetings passing the filters, in date order. */
  visible: Int32Array;
  /** Meetings the network is built from (the visible ones, or those in the timeline window when following it). */
  graphMeetings: Int32Array;
  /** The graph the network shows: built from graphMeetings, cut to the ego network when one is set. */
  graph: ActorGraph;
  /** How the network sizes and colours actors, and whether it shows an ego network. */
  analysis: AnalysisView;
  /** The link to this view (for the citation line). */
  url: string;
  accessed: Date;
  network: NetworkSnapshot | null;
  timeline: TimelineShot | null;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
