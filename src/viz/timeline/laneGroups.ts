import type { Timeline } from 'vis-timeline/esnext';
import type { DataSet } from 'vis-data/esnext';
import type { Lane } from '../../domain/lanes';
import { MORE_LANE } from '../../domain/lanes';
import { deferItemShow } from './visInternals';
import { laneGroupId } from './visItems';
import { visLibrary } from './visLibrary';

interface LaneGroup {
  id: string;
  content: HTMLElement;
  order: number;
  className: string;
}

/**
 * Lanes as vis-timeline groups. A lane's label is a button (so it is reachable by keyboard and says
 * what it holds) that filters to that country or actor; the "N more" lane names what it folds in.
 * Labels are text nodes, never markup.
 */
export function createLaneGroups(timeline: Timeline, onLane: (key: string) => void) {
  const groups = new (visLibrary().DataSet)<LaneGroup>();
  let current: string | null = null;
  let on = false;
  /** The label elements, in lane order: a lane drawn as density gets a taller label, so its row has room for bars. */
  let labels: HTMLElement[] = [];

  function label(lane: Lane, unit: string): HTMLElement {
    const meetings = `${lane.count.toLocaleString('en')} meeting${lane.count === 1 ? '' : 's'}`;
    if (lane.key === MORE_LANE) {
      const span = document.createElement('span');
      span.className = 'tl-lane-label is-more';
      span.textContent = `${lane.label} · ${meetings}`;
      span.title = `${lane.folded.length} more ${unit}: ${lane.foldedLabels.join(', ')}`;
      return span;
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'tl-lane-label';
    const name = document.createElement('span');
    name.className = 'tl-lane-name';
    name.textContent = lane.label;
    const count = document.createElement('span');
    count.className = 'tl-lane-count';
    count.textContent = lane.count.toLocaleString('en');
    button.append(name, count);
    button.setAttribute('aria-label', `${lane.label}: ${meetings}. Filter to ${lane.label}`);
    button.addEventListener('click', (ev) => {
      ev.stopPropagation();
      onLane(lane.key);
    });
    return button;
  }

  return {
    /** null removes the lanes. `unit` names what a lane is ("countries", "actors") for the "more" lane. */
    set(lanes: readonly Lane[] | null, unit: string) {
      const signature = lanes ? lanes.map((l) => `${l.key}=${l.count}`).join('|') + unit : null;
      if (signature === current) return;
      current = signature;
      if (!lanes) {
        if (on) {
          timeline.setGroups(undefined as unknown as DataSet<LaneGroup>);
          timeline.setOptions({ orientation: { axis: 'bottom', item: 'bottom' } });
        }
        groups.clear();
        labels = [];
        on = false;
        return;
      }
      labels = lanes.map((lane) => label(lane, unit));
      const next = lanes.map((lane, order) => ({ id: laneGroupId(lane.key), content: labels[order]!, order, className: lane.key === MORE_LANE ? 'tl-lane is-more' : 'tl-lane' }));
      const keep = new Set(next.map((g) => g.id));
      groups.remove(groups.getIds().filter((id) => !keep.has(String(id))));
      groups.update(next);
      if (!on) {
        // Lanes read top-down from the busiest, so the first lanes are in view when the lanes scroll.
        timeline.setOptions({ orientation: { axis: 'bottom', item: 'top' } });
        timeline.setGroups(groups as never);
        on = true;
      }
      // Groups are created by setGroups and update: skip their eager per-item draw as for the default group.
      deferItemShow(timeline);
    },
    /** Marks which lanes are drawn as density; true when a label changed (its row height follows at the next redraw). */
    markDense(dense: readonly boolean[] | null): boolean {
      let changed = false;
      labels.forEach((el, l) => {
        const on = dense?.[l] ?? false;
        if (el.classList.contains('is-dense') === on) return;
        el.classList.toggle('is-dense', on);
        changed = true;
      });
      return changed;
    },
    destroy() {
      groups.clear();
    },
  };
}
