import { countInRange, lowerBound } from './density';

/**
 * Density per lane: how many meetings each lane holds in a window, and whether a lane holds a given
 * meeting. Works on each lane's own sorted start times (see splitByLane), so both cost O(log n) per lane.
 */

/** Meetings of each lane overlapping [from, to), given the longest meeting span `maxDuration`. */
export function laneCountsInWindow(laneStarts: readonly Float64Array[], from: number, to: number, maxDuration = 0): Int32Array {
  return Int32Array.from(laneStarts, (starts) => countInRange(starts, from - maxDuration, to));
}

/** Whether the lane with these sorted `starts` (and matching `positions`) holds meeting `pos`, which starts at `start`. */
export function laneHolds(starts: Float64Array, positions: Int32Array, start: number, pos: number): boolean {
  for (let k = lowerBound(starts, start); k < starts.length && starts[k] === start; k++) if (positions[k] === pos) return true;
  return false;
}
