import { useStore } from '../../state/store';
import { useRovingFocus } from '../../components/useRovingFocus';
import type { Playback } from './usePlayback';

interface Props {
  playback: Playback;
  brushing: boolean;
  onFit(): void;
  onZoom(factor: number): void;
  onToggleBrush(): void;
  onFilterToVisible(): void;
}

/** The timeline's controls: one Tab stop, ←/→ between controls (ARIA toolbar pattern). */
export function TimelineToolbar({ playback, brushing, onFit, onZoom, onToggleBrush, onFilterToVisible }: Props) {
  const followWindow = useStore((s) => s.followWindow);
  const { ref, onKeyDown } = useRovingFocus();
  return (
    <div className="timeline-toolbar" role="toolbar" aria-label="Timeline controls" ref={ref} onKeyDown={onKeyDown}>
      <button type="button" onClick={onFit}>
        Fit all
      </button>
      <button type="button" onClick={() => onZoom(1.5)} aria-label="Zoom in">
        + Zoom in
      </button>
      <button type="button" onClick={() => onZoom(1 / 1.5)} aria-label="Zoom out">
        − Zoom out
      </button>
      <button type="button" aria-pressed={brushing} onClick={onToggleBrush}>
        Brush dates
      </button>
      <button type="button" onClick={onFilterToVisible}>
        Filter to visible dates
      </button>
      <span className="timeline-playback" role="group" aria-label="Playback">
        <button type="button" onClick={() => playback.step(-1)} aria-label="Step back">
          <span aria-hidden="true">|◀</span> <span className="tl-button-text">Back</span>
        </button>
        <button type="button" className="tl-play" aria-pressed={playback.playing} onClick={playback.toggle}>
          {playback.playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button type="button" onClick={() => playback.step(1)} aria-label="Step forward">
          <span className="tl-button-text">Forward</span> <span aria-hidden="true">▶|</span>
        </button>
      </span>
      <label className="timeline-follow">
        <input type="checkbox" checked={followWindow} onChange={(e) => useStore.getState().setFollowWindow(e.target.checked)} />
        Network: only visible period
      </label>
    </div>
  );
}
