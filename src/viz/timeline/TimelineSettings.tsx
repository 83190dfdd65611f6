import { LANE_MODES, type LaneMode } from '../../domain/lanes';
import { PLAY_SPAN_LABELS, PLAY_SPANS, PLAY_SPEEDS, type PlaySpan, type PlaySpeed } from '../../domain/playback';
import { useStore } from '../../state/store';

const LANE_LABELS: Record<LaneMode, string> = { country: 'By country or organisation', actor: 'By actor' };

/** Lanes, playback window and speed: in the toolbar's "More" panel. */
export function TimelineSettings() {
  const lanes = useStore((s) => s.lanes);
  const playSpan = useStore((s) => s.playSpan);
  const playSpeed = useStore((s) => s.playSpeed);
  return (
    <div className="timeline-settings">
      <label>
        Lanes{' '}
        <select value={lanes ?? ''} onChange={(e) => useStore.getState().setLanes((e.target.value || null) as LaneMode | null)}>
          <option value="">None</option>
          {LANE_MODES.map((m) => (
            <option key={m} value={m}>
              {LANE_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Playback window{' '}
        <select value={playSpan} onChange={(e) => useStore.getState().setPlayback({ playSpan: e.target.value as PlaySpan })}>
          {PLAY_SPANS.map((s) => (
            <option key={s} value={s}>
              {PLAY_SPAN_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Speed{' '}
        <select value={String(playSpeed)} onChange={(e) => useStore.getState().setPlayback({ playSpeed: Number(e.target.value) as PlaySpeed })}>
          {PLAY_SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {s === 1 ? '1 step a second' : s < 1 ? `1 step every ${1 / s} seconds` : `${s} steps a second`}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
