import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { clampSplit, loadPrefs, savePrefs, SPLIT_MAX, SPLIT_MIN, type Arrangement, type LayoutPrefs } from './layoutPrefs';
import { useRovingFocus } from '../useRovingFocus';
import './layout.css';

const STEP = 5;
const ARRANGEMENTS: { value: Arrangement; label: string }[] = [
  { value: 'stacked', label: 'Stacked' },
  { value: 'side-by-side', label: 'Side by side' },
];

interface Props {
  /** The timeline region; its id is what the separator controls. */
  first: ReactNode;
  firstId: string;
  second: ReactNode;
}

/**
 * The timeline and the network share the middle of the window: stacked or side by side, divided by a
 * separator that a pointer drags and arrow keys move. Both choices are remembered in this browser.
 */
export function ViewSplit({ first, firstId, second }: Props) {
  const [prefs, setPrefs] = useState<LayoutPrefs>(loadPrefs);
  const containerRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const { arrangement } = prefs;
  const split = prefs.split[arrangement];

  const update = useCallback((next: (p: LayoutPrefs) => LayoutPrefs, persist: boolean) => {
    setPrefs((p) => {
      const value = next(p);
      if (persist) savePrefs(value);
      return value;
    });
  }, []);
  const setSplit = (n: number, persist = true) =>
    update((p) => ({ ...p, split: { ...p.split, [p.arrangement]: clampSplit(n) } }), persist);

  // Another tab changing the layout is followed here too.
  useEffect(() => {
    const onStorage = () => setPrefs(loadPrefs());
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const back = arrangement === 'stacked' ? ['ArrowUp', 'ArrowLeft'] : ['ArrowLeft', 'ArrowUp'];
    const forward = arrangement === 'stacked' ? ['ArrowDown', 'ArrowRight'] : ['ArrowRight', 'ArrowDown'];
    let next: number | null = null;
    if (back.includes(e.key)) next = split - STEP;
    else if (forward.includes(e.key)) next = split + STEP;
    else if (e.key === 'PageUp') next = split - 2 * STEP;
    else if (e.key === 'PageDown') next = split + 2 * STEP;
    else if (e.key === 'Home') next = SPLIT_MIN;
    else if (e.key === 'End') next = SPLIT_MAX;
    if (next === null) return;
    e.preventDefault();
    setSplit(next);
  };

  const percentAt = (e: PointerEvent<HTMLDivElement>) => {
    const box = containerRef.current!.getBoundingClientRect();
    return arrangement === 'stacked' ? ((e.clientY - box.top) / Math.max(1, box.height)) * 100 : ((e.clientX - box.left) / Math.max(1, box.width)) * 100;
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus({ preventScroll: true });
    dragging.current = true;
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) setSplit(percentAt(e), false);
  };
  const arrangementFocus = useRovingFocus();
  const onPointerEnd = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    dragging.current = false;
    setSplit(percentAt(e));
  };

  const template = `minmax(0, ${split}fr) auto minmax(0, ${100 - split}fr)`;
  return (
    <div className={`view-split is-${arrangement}`}>
      {/* One Tab stop (←/→ between the two), so the timeline stays within 3 Tabs of the skip link. */}
      <div className="view-arrangement" role="group" aria-label="Arrange timeline and network" ref={arrangementFocus.ref} onKeyDown={arrangementFocus.onKeyDown}>
        {ARRANGEMENTS.map((a) => (
          <button
            key={a.value}
            type="button"
            aria-pressed={arrangement === a.value}
            onClick={() => update((p) => ({ ...p, arrangement: a.value }), true)}
          >
            {a.label}
          </button>
        ))}
      </div>
      <div
        ref={containerRef}
        className="view-panes"
        style={arrangement === 'stacked' ? { gridTemplateRows: template } : { gridTemplateColumns: template }}
      >
        {first}
        <div
          className="splitter"
          role="separator"
          tabIndex={0}
          aria-label="Resize timeline and network"
          aria-controls={firstId}
          aria-orientation={arrangement === 'stacked' ? 'horizontal' : 'vertical'}
          aria-valuemin={SPLIT_MIN}
          aria-valuemax={SPLIT_MAX}
          aria-valuenow={split}
          aria-valuetext={`Timeline ${split}%, network ${100 - split}%`}
          onKeyDown={onKeyDown}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
        />
        {second}
      </div>
    </div>
  );
}
