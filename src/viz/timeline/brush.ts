/**
 * A transparent layer over the timeline that, while enabled, turns a drag into a date range instead
 * of a pan. Framework-free; owned by the timeline controller.
 */
export interface BrushOverlay {
  setEnabled(on: boolean): void;
  destroy(): void;
}

const MIN_DRAG_PX = 4;

export function createBrushOverlay(
  host: HTMLElement,
  timeAt: (ev: PointerEvent) => number,
  onBrush: (fromMs: number, toMs: number) => void,
): BrushOverlay {
  const layer = document.createElement('div');
  layer.className = 'tl-brush-layer';
  layer.hidden = true;
  const rect = document.createElement('div');
  rect.className = 'tl-brush-rect';
  rect.hidden = true;
  layer.append(rect);
  host.append(layer);

  let drag: { pointerId: number; x0: number; t0: number } | null = null;

  const localX = (ev: PointerEvent) => ev.clientX - layer.getBoundingClientRect().left;
  const draw = (x1: number) => {
    if (!drag) return;
    rect.hidden = false;
    rect.style.left = `${Math.min(drag.x0, x1)}px`;
    rect.style.width = `${Math.abs(x1 - drag.x0)}px`;
  };
  const cancel = () => {
    drag = null;
    rect.hidden = true;
  };

  const onDown = (ev: PointerEvent) => {
    if (ev.button !== 0) return;
    ev.preventDefault();
    layer.setPointerCapture?.(ev.pointerId);
    drag = { pointerId: ev.pointerId, x0: localX(ev), t0: timeAt(ev) };
    draw(drag.x0);
  };
  const onMove = (ev: PointerEvent) => {
    if (drag && ev.pointerId === drag.pointerId) draw(localX(ev));
  };
  const onUp = (ev: PointerEvent) => {
    if (!drag || ev.pointerId !== drag.pointerId) return;
    const { x0, t0 } = drag;
    cancel();
    if (Math.abs(localX(ev) - x0) < MIN_DRAG_PX) return;
    const t1 = timeAt(ev);
    onBrush(Math.min(t0, t1), Math.max(t0, t1));
  };
  const onKey = (ev: KeyboardEvent) => {
    if (ev.key === 'Escape' && drag) {
      ev.stopPropagation();
      cancel();
    }
  };

  layer.addEventListener('pointerdown', onDown);
  layer.addEventListener('pointermove', onMove);
  layer.addEventListener('pointerup', onUp);
  layer.addEventListener('pointercancel', cancel);
  host.addEventListener('keydown', onKey, true);

  return {
    setEnabled(on) {
      layer.hidden = !on;
      if (!on) cancel();
    },
    destroy() {
      host.removeEventListener('keydown', onKey, true);
      layer.remove();
    },
  };
}
