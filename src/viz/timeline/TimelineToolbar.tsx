import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useStore } from '../../state/store';
import { useRovingFocus } from '../../components/useRovingFocus';
import type { Playback } from './usePlayback';
import { TimelineSettings } from './TimelineSettings';
import { TimelineLegend } from './TimelineLegend';

interface Props {
  playback: Playback;
  /** A playback step back or forward (the view says when there is nothing further that way). */
  onStep: (direction: -1 | 1) => void;
  brushing: boolean;
  onFit(): void;
  onZoom(factor: number): void;
  onToggleBrush(): void;
  onFilterToVisible(): void;
  /** The status line: beside the controls when the row has room, else on its own row below them. */
  status: ReactNode;
}

/**
 * The timeline's controls in one row (one Tab stop, ←/→ between controls: the ARIA toolbar pattern), so
 * the chart keeps the pane's height. What is used less (filter to the visible dates, the network's
 * follow option, lanes, playback window and speed, and the legend) sits behind "More", a disclosure over the chart.
 */
export function TimelineToolbar({ playback, onStep, brushing, onFit, onZoom, onToggleBrush, onFilterToVisible, status }: Props) {
  const followWindow = useStore((s) => s.followWindow);
  const { ref, onKeyDown } = useRovingFocus();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const moreRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  // A click or focus outside the panel (and its button) closes it, as a menu would.
  useEffect(() => {
    if (!open) return;
    const onOutside = (ev: Event) => {
      const target = ev.target as Node;
      if (!panelRef.current?.contains(target) && !moreRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('pointerdown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, [open]);

  const onPanelKeyDown = (ev: KeyboardEvent<HTMLDivElement>) => {
    if (ev.key !== 'Escape') return;
    // Escape closes only the panel (not the selection), and focus goes back to its button.
    ev.stopPropagation();
    setOpen(false);
    moreRef.current?.focus();
  };

  return (
    <div className="timeline-bar">
      <div className="timeline-toolbar" role="toolbar" aria-label="Timeline controls" ref={ref} onKeyDown={onKeyDown}>
        <button type="button" onClick={onFit}>
          Fit all
        </button>
        <button type="button" onClick={() => onZoom(1.5)} aria-label="Zoom in" title="Zoom in (+)">
          <span aria-hidden="true">+</span>
        </button>
        <button type="button" onClick={() => onZoom(1 / 1.5)} aria-label="Zoom out" title="Zoom out (−)">
          <span aria-hidden="true">−</span>
        </button>
        <button type="button" aria-pressed={brushing} onClick={onToggleBrush} aria-label="Brush dates" title="Brush dates: drag across the timeline to set the date filter">
          Brush
        </button>
        <span className="timeline-playback" role="group" aria-label="Playback">
          <button type="button" onClick={() => onStep(-1)} aria-label="Step back" title="Step back">
            <span aria-hidden="true">|◀</span>
          </button>
          <button type="button" className="tl-play" aria-pressed={playback.playing} onClick={playback.toggle}>
            {playback.playing ? '❚❚ Pause' : '▶ Play'}
          </button>
          <button type="button" onClick={() => onStep(1)} aria-label="Step forward" title="Step forward">
            <span aria-hidden="true">▶|</span>
          </button>
        </span>
        <button
          type="button"
          ref={moreRef}
          className="timeline-more-button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          More <span aria-hidden="true">▾</span>
        </button>
      </div>
      {status}
      <div id={panelId} ref={panelRef} className="timeline-more" role="group" aria-label="More timeline controls" hidden={!open} onKeyDown={onPanelKeyDown}>
        <button type="button" onClick={onFilterToVisible}>
          Filter to visible dates
        </button>
        <label className="timeline-follow">
          <input type="checkbox" checked={followWindow} onChange={(e) => useStore.getState().setFollowWindow(e.target.checked)} />
          Network: only visible period
        </label>
        <TimelineSettings />
        {/* Also here for short panes, which hide the legend under the chart. */}
        <TimelineLegend />
      </div>
    </div>
  );
}
