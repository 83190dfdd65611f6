import type { DatasetIndex } from '../../domain/indexes';
import { isHighlightedMeeting, NO_HIGHLIGHT, type Highlight } from '../../domain/derive';
import { binIndexOf, chooseBinUnit, computeBins, type BinUnit, type DensityBin } from './density';
import { binLabel, densitySummary } from './densityText';
import { COUNT_FONT, COUNT_FONT_PX, LINKED_MARK } from './countFont';

/**
 * The density view: one <canvas> under vis-timeline's centre panel instead of a vis item per bin, so
 * a pan frame costs a few dozen rectangles, not a re-layout of hundreds of DOM nodes. Bins are
 * computed for a margin of one window each side and only recomputed when the bin size changes or the
 * window leaves that margin. What the canvas shows is also given as text (a visually hidden summary
 * of the busiest bins in view, and a native tooltip naming the bin under the pointer).
 */

const BIN_WIDTH_PX = 18;
const BAR_SHARE = 0.85;
const MIN_BAR_PX = 18;

export interface DensityBand {
  /** `holds`: which highlighted meetings this band counts as linked (a lane's band counts only its own). */
  setData(index: DatasetIndex, sortedStarts: Float64Array, holds?: (pos: number) => boolean): void;
  setHighlight(selected: Highlight, hovered: Highlight): void;
  /**
   * Draws the window [ws, we); cheap enough to call on every animation frame. `counts: false` leaves
   * the numbers off the bars (text is the costly part of a paint): for frames while the window moves.
   */
  draw(ws: number, we: number, counts?: boolean): void;
  /** Refreshes the text alternative; call when a move has settled, not per frame. */
  describe(ws: number, we: number): void;
  hide(): void;
  /** The bin under `ms` in the current drawing, if any. */
  binAt(ms: number): DensityBin | null;
  /** Names the bin under the pointer (native tooltip) and brightens it; null when the pointer leaves. */
  hover(ms: number | null): void;
  /** Rings the bar holding the keyboard's current meeting (its start, ms), or none. */
  setFocus(ms: number | null): void;
  /** Width of the drawing area (CSS px), kept from resize observations so reading it forces no layout. */
  width(): number;
  destroy(): void;
}

/** Bins over [from, to) at `unit`, with per-bin counts of linked meetings and the busiest count. */
interface BinCache {
  unit: BinUnit;
  from: number;
  to: number;
  bins: DensityBin[];
  linked: Uint32Array;
  max: number;
}

interface Palette {
  bar: string;
  linked: string;
  text: string;
  focus: string;
}

function readPalette(el: HTMLElement): Palette {
  const style = getComputedStyle(el);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return { bar: v('--accent', '#0b5cad'), linked: v('--highlight', '#ffd24d'), text: v('--text', '#16191f'), focus: v('--focus', '#c2410c') };
}

export interface DensityBandOptions {
  /** Names what the band counts in its text alternative (a lane: "Iran"). */
  label?: string;
  /** Shortest bar (CSS px): a lane's row is short, so its bars start lower than the full band's. */
  minBarPx?: number;
  /** Narrowest bin (CSS px): lanes use wider bins, so a dozen rows of bars stay cheap to draw and read. */
  binWidthPx?: number;
}

export function createDensityBand(host: HTMLElement, panel: HTMLElement, options: DensityBandOptions = {}): DensityBand {
  const minBarPx = options.minBarPx ?? MIN_BAR_PX;
  const binWidthPx = options.binWidthPx ?? BIN_WIDTH_PX;
  const canvas = document.createElement('canvas');
  canvas.className = 'tl-density-band';
  canvas.setAttribute('aria-hidden', 'true');
  canvas.hidden = true;
  panel.append(canvas);
  const summary = document.createElement('div');
  summary.className = 'visually-hidden tl-density-summary';
  summary.hidden = true;
  host.append(summary);

  let ctx: CanvasRenderingContext2D | null | undefined;
  let palette: Palette | null = null;
  let cssW = panel.clientWidth || 800;
  let cssH = panel.clientHeight || 260;
  let sizeDirty = true;
  let textStyled = false;
  let index: DatasetIndex | null = null;
  let starts: Float64Array = new Float64Array(0);
  let holds: ((pos: number) => boolean) | null = null;
  let selected = NO_HIGHLIGHT;
  let hovered = NO_HIGHLIGHT;
  let cache: BinCache | null = null;
  let hoverBin = -1;
  let focusMs: number | null = null;
  let last: { ws: number; we: number } | null = null;
  /** The window the summary describes, while it is shown. */
  let described: { ws: number; we: number } | null = null;

  const resizeObserver =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver((entries) => {
          const box = entries[entries.length - 1]!.contentRect;
          if (box.width === cssW && box.height === cssH) return;
          cssW = box.width;
          cssH = box.height;
          sizeDirty = true;
          cache = null;
          // A lane's row changes height when vis-timeline re-lays the lanes: repaint what was drawn.
          if (last) {
            const c = context();
            if (c) paint(c, last.ws, last.we, binsFor(last.ws, last.we));
          }
          // A new width can mean another bin size (the first width after loading, a resized pane): the words must
          // describe the bars now drawn, not those of the width before ("per 2 years" under bars per 6 months).
          if (described) api.describe(described.ws, described.we);
        })
      : null;
  resizeObserver?.observe(panel);
  const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const onScheme = () => (palette = null);
  darkQuery?.addEventListener?.('change', onScheme);

  function context(): CanvasRenderingContext2D | null {
    // Asked for lazily: only datasets big enough for density ever need it.
    if (ctx === undefined) ctx = canvas.getContext('2d');
    return ctx;
  }

  function binsFor(ws: number, we: number): BinCache {
    const span = we - ws;
    const unit = chooseBinUnit(span, Math.max(12, Math.round(cssW / binWidthPx)));
    if (cache && cache.unit.unit === unit.unit && cache.unit.step === unit.step && ws >= cache.from && we <= cache.to) return cache;
    const from = ws - span;
    const to = we + span;
    const bins = computeBins(starts, from, to, unit);
    const linked = new Uint32Array(bins.length);
    if (index) {
      for (const lit of [selected, hovered]) {
        for (const pos of lit.meetings) {
          if (lit === hovered && isHighlightedMeeting(selected, pos)) continue;
          if (holds && !holds(pos)) continue;
          const b = binIndexOf(bins, index.start[pos]!);
          if (b >= 0) linked[b]!++;
        }
      }
    }
    let max = 1;
    for (const b of bins) if (b.count > max) max = b.count;
    cache = { unit, from, to, bins, linked, max };
    return cache;
  }

  /** What the canvas shows now: an identical paint is skipped (text is slow to draw, and a dozen lanes repaint together). */
  let painted: { ws: number; we: number; data: BinCache; counts: boolean; hoverBin: number; focusMs: number | null; palette: Palette | null } | null = null;

  function paint(c: CanvasRenderingContext2D, ws: number, we: number, data: BinCache, counts = true) {
    if (!sizeDirty && painted && painted.ws === ws && painted.we === we && painted.data === data && painted.counts === counts && painted.hoverBin === hoverBin && painted.focusMs === focusMs && painted.palette === palette) return;
    const dpr = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
    if (sizeDirty) {
      canvas.width = Math.max(1, Math.round(cssW * dpr));
      canvas.height = Math.max(1, Math.round(cssH * dpr));
      sizeDirty = false;
      textStyled = false;
    }
    palette ??= readPalette(host);
    c.setTransform(dpr, 0, 0, dpr, 0, 0);
    c.clearRect(0, 0, cssW, cssH);
    const pxPerMs = cssW / (we - ws);
    const maxBar = cssH * BAR_SHARE - COUNT_FONT_PX - 4;
    // Setting the font resolves the canvas's style (a forced style recalc), and resizing is the only
    // thing that resets it: set once per size.
    if (!textStyled) {
      c.font = COUNT_FONT;
      c.textAlign = 'center';
      c.textBaseline = 'bottom';
      textStyled = true;
    }
    painted = { ws, we, data, counts, hoverBin, focusMs, palette };
    const { bins, linked, max } = data;
    const first = Math.max(0, lowerBin(bins, ws));
    for (let i = first; i < bins.length; i++) {
      const b = bins[i]!;
      if (b.start >= we) break;
      const x = (b.start - ws) * pxPerMs + 1;
      const w = Math.max(1, (b.end - b.start) * pxPerMs - 2);
      const h = Math.min(Math.max(1, maxBar), Math.max(minBarPx, Math.max(0.06, b.count / max) * maxBar));
      const y = cssH - h;
      const colour = linked[i]! > 0 ? palette.linked : palette.bar;
      c.globalAlpha = i === hoverBin ? 0.55 : 0.35;
      c.fillStyle = colour;
      c.fillRect(x, y, w, h);
      c.globalAlpha = 1;
      c.fillRect(x, y, w, 2);
      // The star keeps "linked" readable without colour; narrow bars drop the linked count first.
      const labels = linked[i]! > 0 ? [`${b.count} (${linked[i]}${LINKED_MARK})`, `${b.count}${LINKED_MARK}`] : [String(b.count)];
      const label = labels.find((l) => l.length * COUNT_FONT_PX * 0.6 <= w + 2);
      if (label && counts) {
        c.fillStyle = palette.text;
        c.fillText(label, x + w / 2, y - 2);
      }
      if (focusMs !== null && focusMs >= b.start && focusMs < b.end) {
        c.strokeStyle = palette.focus;
        c.lineWidth = 3;
        c.strokeRect(x - 1, Math.max(1.5, y - COUNT_FONT_PX - 6), w + 2, cssH - Math.max(1.5, y - COUNT_FONT_PX - 6) - 1.5);
      }
    }
  }

  const api: DensityBand = {
    setData(nextIndex, sortedStarts, nextHolds) {
      index = nextIndex;
      starts = sortedStarts;
      holds = nextHolds ?? null;
      cache = null;
    },
    setHighlight(nextSelected, nextHovered) {
      if (nextSelected === selected && nextHovered === hovered) return;
      selected = nextSelected;
      hovered = nextHovered;
      cache = null;
    },
    draw(ws, we, counts = true) {
      last = { ws, we };
      const data = binsFor(ws, we);
      canvas.hidden = false;
      panel.classList.add('has-density');
      const c = context();
      if (c) paint(c, ws, we, data, counts);
    },
    describe(ws, we) {
      described = { ws, we };
      const { bins, linked, unit } = binsFor(ws, we);
      summary.hidden = false;
      const text = densitySummary(bins, linked, unit, ws, we);
      summary.textContent = options.label ? `${options.label}: ${text}` : text;
    },
    hide() {
      last = null;
      described = null;
      painted = null;
      canvas.hidden = true;
      panel.classList.remove('has-density');
      summary.hidden = true;
      summary.textContent = '';
      hoverBin = -1;
      host.removeAttribute('title');
    },
    binAt(ms) {
      if (!cache || !last) return null;
      return cache.bins[binIndexOf(cache.bins, ms)] ?? null;
    },
    hover(ms) {
      const i = cache && last && ms !== null ? binIndexOf(cache.bins, ms) : -1;
      if (i === hoverBin) return;
      hoverBin = i;
      const b = cache?.bins[i];
      if (b) {
        const n = cache!.linked[i]!;
        const lines = [`${b.count} meeting${b.count === 1 ? '' : 's'} starting ${binLabel(b)}`];
        if (n > 0) lines.push(`${n} of them linked to the selection or hover`);
        lines.push('Click to zoom in');
        host.title = lines.join('\n');
      } else host.removeAttribute('title');
      const c = cache && last ? context() : null;
      if (c) paint(c, last!.ws, last!.we, cache!);
    },
    setFocus(ms) {
      if (ms === focusMs) return;
      focusMs = ms;
      const c = cache && last ? context() : null;
      if (c) paint(c, last!.ws, last!.we, cache!);
    },
    width: () => cssW,
    destroy() {
      resizeObserver?.disconnect();
      darkQuery?.removeEventListener?.('change', onScheme);
      canvas.remove();
      summary.remove();
      host.removeAttribute('title');
    },
  };
  return api;
}

/** Index of the first bin ending after `ms`. */
function lowerBin(bins: readonly DensityBin[], ms: number): number {
  let lo = 0;
  let hi = bins.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (bins[mid]!.end <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
