import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildIndex } from '../../../src/domain/indexes';
import { highlightOf, NO_HIGHLIGHT } from '../../../src/domain/derive';
import { filterMeetings, EMPTY_FILTERS } from '../../../src/domain/filters';
import * as density from '../../../src/viz/timeline/density';
import { createDensityBand, type DensityBand } from '../../../src/viz/timeline/densityBand';
import { densitySummary } from '../../../src/viz/timeline/densityText';
import { dataset, manyMeetings, recordCanvas } from './timelineFixture';

// 3,650 meetings, one a day through 2000–2009.
const index = buildIndex(dataset(manyMeetings(3650, 1)));
const starts = Float64Array.from(filterMeetings(index, EMPTY_FILTERS), (pos) => index.start[pos]!);
const year = (y: number) => Date.UTC(y, 0, 1);

let host: HTMLElement;
let band: DensityBand | null = null;
function mount() {
  host = document.createElement('div');
  const panel = document.createElement('div');
  host.append(panel);
  document.body.append(host);
  band = createDensityBand(host, panel);
  band.setData(index, starts);
  return band;
}
afterEach(() => {
  vi.restoreAllMocks();
  band?.destroy();
  band = null;
  host.remove();
});

describe('createDensityBand', () => {
  it('paints one bar per bin in view with its count, and describes the busiest bins in words', () => {
    const drawn = recordCanvas();
    const b = mount();
    b.draw(year(2000), year(2010));
    expect(drawn.texts.map(Number).reduce((x, y) => x + y, 0)).toBe(3650);
    b.describe(year(2000), year(2010));
    const text = host.querySelector('.tl-density-summary')!.textContent!;
    expect(text).toContain('3,650 meetings in view');
    expect(text).toMatch(/Busiest: .+: \d+/);
  });

  it('reuses its bins while a pan stays within the precomputed margin, and rebins on zoom', () => {
    recordCanvas();
    const spy = vi.spyOn(density, 'computeBins');
    const b = mount();
    b.draw(year(2003), year(2005));
    b.draw(year(2003) + 30 * 86_400_000, year(2005) + 30 * 86_400_000);
    b.draw(year(2002) + 90 * 86_400_000, year(2004) + 90 * 86_400_000);
    expect(spy).toHaveBeenCalledTimes(1);
    b.draw(year(2003), year(2004));
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('counts meetings linked to the selection per bin, and names the bin under the pointer', () => {
    const drawn = recordCanvas();
    const b = mount();
    b.setHighlight(highlightOf(index, new Set(), Int32Array.from(['m-0', 'm-1', 'm-400'], (id) => index.meetingPos.get(id)!)), NO_HIGHLIGHT);
    b.draw(year(2000), year(2002));
    // Two years over 800 px: monthly bars, too narrow for "31 (2★)". m-400 starts on 4 February 2001.
    expect(drawn.texts).toContain('31★');
    expect(drawn.texts).toContain('28★');
    expect(drawn.texts.filter((t) => t.includes('★'))).toHaveLength(2);
    b.hover(Date.UTC(2000, 0, 15));
    expect(host.title).toBe('31 meetings starting 1 January 2000 – 31 January 2000\n2 of them linked to the selection or hover\nClick to zoom in');
    expect(b.binAt(Date.UTC(2000, 0, 15))).toMatchObject({ start: year(2000), end: Date.UTC(2000, 1, 1), count: 31 });
    b.hover(null);
    expect(host.hasAttribute('title')).toBe(false);
  });

  it('describes the bars again when a new width changes the bin size (the first width after loading)', () => {
    recordCanvas();
    const resized: ((entries: { contentRect: { width: number; height: number } }[]) => void)[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: (entries: { contentRect: { width: number; height: number } }[]) => void) {
          resized.push(callback);
        }
        observe() {}
        disconnect() {}
      },
    );
    try {
      const b = mount();
      const summary = () => host.querySelector('.tl-density-summary')!.textContent!;
      resized[0]!([{ contentRect: { width: 120, height: 100 } }]);
      b.draw(year(2000), year(2010));
      b.describe(year(2000), year(2010));
      const narrow = summary();
      resized[0]!([{ contentRect: { width: 1200, height: 100 } }]);
      const wide = summary();
      expect(wide).not.toBe(narrow);
      // The words now are those a fresh description at this width gives.
      b.describe(year(2000), year(2010));
      expect(summary()).toBe(wide);
      // Hidden (items shown instead): a resize does not bring the words back.
      b.hide();
      resized[0]!([{ contentRect: { width: 600, height: 100 } }]);
      expect(summary()).toBe('');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('hides the canvas and empties its description when items are shown instead', () => {
    recordCanvas();
    const b = mount();
    b.draw(year(2000), year(2010));
    // The row it draws in says so (a zoom-in cursor over a lane's bars), by class: no :has() re-checked as items change.
    expect(host.firstElementChild!.classList.contains('has-density')).toBe(true);
    b.describe(year(2000), year(2010));
    b.hide();
    expect(host.firstElementChild!.classList.contains('has-density')).toBe(false);
    expect(host.querySelector('canvas')!.hidden).toBe(true);
    expect(host.querySelector('.tl-density-summary')!.textContent).toBe('');
    b.destroy();
    band = null;
    expect(host.querySelector('canvas, .tl-density-summary')).toBeNull();
  });
});

describe('densitySummary', () => {
  it('reports the total in view, the bin size and the busiest bins with linked counts', () => {
    const bins = [
      { start: year(2000), end: year(2001), count: 5 },
      { start: year(2001), end: year(2002), count: 9 },
      { start: year(2030), end: year(2031), count: 99 },
    ];
    const text = densitySummary(bins, Uint32Array.of(0, 2, 0), { unit: 'month', step: 12 }, year(2000), year(2002));
    expect(text).toBe(
      'Too many meetings to draw one by one: 14 meetings in view, counted per year. Busiest: 1 January 2001 – 31 December 2001: 9 (2 linked); ' +
        '1 January 2000 – 31 December 2000: 5. Zoom in to see individual meetings.',
    );
  });
});
