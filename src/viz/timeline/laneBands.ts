import type { Timeline } from 'vis-timeline/esnext';
import type { DatasetIndex } from '../../domain/indexes';
import { NO_HIGHLIGHT, type Highlight } from '../../domain/derive';
import type { LaneEntries } from '../../domain/lanes';
import { createDensityBand, type DensityBand } from './densityBand';
import type { DensityBin } from './density';
import { laneHolds } from './laneDensity';
import { groupRow } from './visInternals';
import { laneGroupId } from './visItems';

/** Bars in a lane's row (about 50 px tall) start this low, so small counts still read as bars. */
const LANE_MIN_BAR_PX = 3;
const LANE_BIN_WIDTH_PX = 30;

export interface LaneSpec {
  key: string;
  label: string;
}

/**
 * Density per lane: a lane holding more meetings than can be drawn as items gets its own density band
 * (a canvas in that lane's row, with its own counts and text alternative), while the other lanes keep
 * their items. Bands are made when a lane first turns dense and kept until the lanes change.
 */
export function createLaneBands(host: HTMLElement, timeline: Timeline) {
  let index: DatasetIndex | null = null;
  let lanes: readonly LaneSpec[] = [];
  let entries: LaneEntries | null = null;
  let dense: readonly boolean[] = [];
  const bands = new Map<number, { band: DensityBand; row: HTMLElement }>();
  let selected: Highlight = NO_HIGHLIGHT;
  let hovered: Highlight = NO_HIGHLIGHT;
  let focus: { start: number; pos: number } | null = null;
  let hoverLane = -1;

  function clear() {
    for (const { band } of bands.values()) band.destroy();
    bands.clear();
    hoverLane = -1;
  }

  function holds(l: number, pos: number): boolean {
    return !!index && !!entries && laneHolds(entries.starts[l]!, entries.positions[l]!, index.start[pos]!, pos);
  }

  function bandOf(l: number): DensityBand | null {
    const row = groupRow(timeline, laneGroupId(lanes[l]!.key));
    const have = bands.get(l);
    if (have && have.row === row) return have.band;
    have?.band.destroy();
    bands.delete(l);
    if (!row || !index || !entries) return null;
    const band = createDensityBand(host, row, { label: `${lanes[l]!.label} lane`, minBarPx: LANE_MIN_BAR_PX, binWidthPx: LANE_BIN_WIDTH_PX });
    band.setData(index, entries.starts[l]!, (pos) => holds(l, pos));
    band.setHighlight(selected, hovered);
    band.setFocus(focus && holds(l, focus.pos) ? focus.start : null);
    bands.set(l, { band, row });
    return band;
  }

  /** The lane index of a vis-timeline group id, or -1. */
  function laneOfGroup(groupId: unknown): number {
    return typeof groupId === 'string' ? lanes.findIndex((lane) => laneGroupId(lane.key) === groupId) : -1;
  }

  const denseBands = () => [...bands].filter(([l]) => dense[l]).map(([, { band }]) => band);

  return {
    setData(nextIndex: DatasetIndex, nextLanes: readonly LaneSpec[], nextEntries: LaneEntries | null) {
      clear();
      index = nextIndex;
      lanes = nextLanes;
      entries = nextEntries;
      dense = [];
    },
    setHighlight(nextSelected: Highlight, nextHovered: Highlight) {
      selected = nextSelected;
      hovered = nextHovered;
      for (const { band } of bands.values()) band.setHighlight(selected, hovered);
    },
    /** Draws the dense lanes and hides the others' bars; `describe` also refreshes the text alternatives. */
    render(nextDense: readonly boolean[] | null, ws: number, we: number, describe: boolean) {
      dense = nextDense ?? [];
      for (const [l, { band }] of bands) if (!dense[l]) band.hide();
      dense.forEach((isDense, l) => {
        if (!isDense) return;
        const band = bandOf(l);
        band?.draw(ws, we);
        if (describe) band?.describe(ws, we);
      });
    },
    /** Per animation frame during a pan or zoom: repaint the bars only; the counts follow when the move settles. */
    draw(ws: number, we: number) {
      for (const band of denseBands()) band.draw(ws, we, false);
    },
    /** The bar under `ms` in a dense lane's row (by vis-timeline group id), if any. */
    binAt(groupId: unknown, ms: number): DensityBin | null {
      const l = laneOfGroup(groupId);
      return l >= 0 && dense[l] ? (bands.get(l)?.band.binAt(ms) ?? null) : null;
    },
    hover(groupId: unknown, ms: number | null) {
      const l = ms === null ? -1 : laneOfGroup(groupId);
      const lane = l >= 0 && dense[l] ? l : -1;
      // The bands share the host's tooltip: clear the old lane's before naming the new one's bar.
      if (lane !== hoverLane) bands.get(hoverLane)?.band.hover(null);
      hoverLane = lane;
      if (lane >= 0) bands.get(lane)?.band.hover(ms);
    },
    /** Rings the bar holding the keyboard's meeting in each dense lane that holds it. */
    setFocus(pos: number | null) {
      focus = pos === null || !index ? null : { start: index.start[pos]!, pos };
      for (const [l, { band }] of bands) band.setFocus(focus && holds(l, focus.pos) ? focus.start : null);
    },
    destroy: clear,
  };
}

export type LaneBands = ReturnType<typeof createLaneBands>;
