import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/domain/graph';
import { EMPTY_FILTERS, filterMeetings, type Filters } from '../../../src/domain/filters';
import type { DatasetIndex } from '../../../src/domain/indexes';
import { affiliationColors } from '../../../src/viz/palette';
import { buildScene } from '../../../src/viz/network/scene';
import { snapshotScene } from '../../../src/viz/network/snapshot';
import { networkFigure } from '../../../src/viz/export/networkFigure';
import { timelineFigure, MAX_ITEMS } from '../../../src/viz/export/timelineFigure';
import type { ExportContext } from '../../../src/viz/export/context';
import { bundledIndex, hostileIndex } from '../../domain/export/fixtures';
import { applyAppearance } from '../../../src/viz/network/appearance';
import { egoGraph } from '../../../src/domain/analysis/ego';
import { INITIAL_ANALYSIS } from '../../../src/state/slices/viewSlice';

function contextFor(index: DatasetIndex, filters: Filters = EMPTY_FILTERS): ExportContext {
  const visible = filterMeetings(index, filters);
  const graph = buildGraph(index, visible);
  const scene = buildScene(graph, index, affiliationColors(index.dataset.countries.map((c) => c.code)), new Map(), visible.length, [5, 22]);
  return {
    index, filters, visible, graphMeetings: visible, graph, analysis: INITIAL_ANALYSIS, url: 'https://example.org/parley/?country=IRN&from=2020-01-01', accessed: new Date(2026, 0, 2),
    network: snapshotScene(scene, { k: 2, x: 350, y: 220 }, 700, 440),
    timeline: { window: { start: '2019-01-01', end: '2023-12-31' }, width: 900 },
  };
}

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}
const texts = (doc: Document) => Array.from(doc.querySelectorAll('text'), (t) => t.textContent ?? '');

describe('Network as SVG', () => {
  it('draws every actor from the layout snapshot, with title, filters, legend and citation', () => {
    const index = bundledIndex();
    const ctx = contextFor(index, { ...EMPTY_FILTERS, countries: ['SYR'] });
    const figure = networkFigure(ctx, ctx.network!);
    const doc = parse(figure.svg);
    const root = doc.documentElement;
    expect(root.getAttribute('width')).toBe(String(figure.width));
    expect(root.getAttribute('height')).toBe(String(figure.height));
    expect(figure.width).toBe(700 + 48);
    expect(doc.querySelectorAll('.nodes circle')).toHaveLength(ctx.network!.nodes.length);
    expect(doc.querySelectorAll('.edges line')).toHaveLength(ctx.network!.edges.length);
    const all = texts(doc);
    for (const node of ctx.network!.nodes) expect(all).toContain(node.short);
    expect(Array.from(doc.querySelectorAll('.node title'), (t) => t.textContent)).toContain('\u2068Ali Asghar Khaji\u2069 — \u2068Iran\u2069 (IRN), 6 meetings');
    expect(all).toContain('Legend');
    const legend = doc.querySelector('.figure-legend')!.textContent!;
    expect(legend).toContain('Syria (SYR)');
    expect(legend).toContain('Iran (IRN)');
    expect(legend).not.toContain('Japan');
    expect(all.some((t) => t.startsWith('Filters: country or organization: Syria'))).toBe(true);
    const citation = Array.from(doc.querySelectorAll('.citation'), (t) => t.textContent).join('');
    expect(citation).toContain(`(dataset version ${index.dataset.version})`);
    expect(citation).toContain('https://example.org/parley/?country=IRN&from=2020-01-01');
    // Circles sit where the snapshot put them (screen coordinates of the live layout).
    const first = ctx.network!.nodes[0]!;
    expect(doc.querySelector('.node')!.getAttribute('transform')).toBe(`translate(${first.x.toFixed(1)},${first.y.toFixed(1)})`);
  });

  it('keeps data as text: markup in names stays text, and data spans are bidi-isolated', () => {
    const index = hostileIndex();
    const ctx = contextFor(index);
    const doc = parse(networkFigure(ctx, ctx.network!).svg);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(doc.documentElement.textContent).toContain('<script>alert(1)</script>');
    expect(doc.querySelector('.figure-legend')!.textContent).toContain('United <Nations> (UN)');
    const dataSpans = Array.from(doc.querySelectorAll('tspan.data'));
    expect(dataSpans.map((s) => s.textContent)).toContain('United <Nations>');
    expect(dataSpans.every((s) => s.getAttribute('style') === 'unicode-bidi: isolate')).toBe(true);
    expect(Array.from(doc.querySelectorAll('.labels text')).every((t) => t.getAttribute('style') === 'unicode-bidi: isolate')).toBe(true);
  });
});

describe('Network as SVG with analysis on', () => {
  it('names communities, the size measure and the ego network when the view shows them', () => {
    const index = bundledIndex();
    const visible = filterMeetings(index, EMPTY_FILTERS);
    const graph = egoGraph(buildGraph(index, visible), 'khaji', 1);
    const scene = buildScene(graph, index, affiliationColors(index.dataset.countries.map((c) => c.code)), new Map(), visible.length, [5, 22]);
    const community = (id: string) => (index.actors[index.actorPos.get(id)!]!.affiliation === 'IRN' ? 0 : 1);
    const palette = ['#0072B2', '#D55E00'];
    applyAppearance(scene, {
      size: new Map(graph.nodes.map((n) => [n.id, n.count])), sizeLabel: 'betweenness',
      color: new Map(graph.nodes.map((n) => [n.id, palette[community(n.id)]!])),
      group: new Map(graph.nodes.map((n) => [n.id, `community ${community(n.id) + 1}`])),
    }, [5, 22]);
    const ctx: ExportContext = {
      index, filters: EMPTY_FILTERS, visible, graphMeetings: visible, graph, url: 'https://example.org/', accessed: new Date(),
      analysis: { size: 'betweenness', color: 'community', ego: { actor: 'khaji', depth: 1 } },
      network: snapshotScene(scene, { k: 1, x: 300, y: 200 }, 600, 400), timeline: null,
    };
    const doc = parse(networkFigure(ctx, ctx.network!).svg);
    const legend = Array.from(doc.querySelectorAll('.figure-legend text'), (t) => t.textContent).join(' ');
    const iranians = graph.nodes.filter((n) => community(n.id) === 0).length;
    expect(legend).toContain(`Community 1 (${iranians} ${iranians === 1 ? 'actor' : 'actors'})`);
    expect(legend).toContain(`Community 2 (${graph.nodes.length - iranians} actors)`);
    expect(legend).toContain('Colour: Louvain community');
    expect(legend).toContain('Circle size: betweenness');
    expect(legend).not.toContain('(IRN)');
    expect(texts(doc).join(' ')).toContain('ego network of: Ali Asghar Khaji, within 1 step');
    expect(doc.querySelectorAll('.nodes circle')).toHaveLength(graph.nodes.length);
    expect(Array.from(doc.querySelectorAll('.node title'), (t) => t.textContent).some((t) => t!.endsWith('community 1'))).toBe(true);
  });
});

describe('Timeline as SVG', () => {
  it('draws the meetings in the window, circa ones as ranges, with a legend of the types shown', () => {
    const index = bundledIndex();
    const ctx = contextFor(index);
    ctx.timeline = { window: { start: '2020-01-01', end: '2021-12-31' }, width: 800 };
    const inWindow = Array.from(ctx.visible).filter((p) => index.end[p]! > Date.UTC(2020, 0, 1) && index.start[p]! < Date.UTC(2022, 0, 1));
    const doc = parse(timelineFigure(ctx).svg);
    expect(doc.querySelectorAll('.items .item')).toHaveLength(inWindow.length);
    expect(doc.querySelectorAll('.items rect')).toHaveLength(inWindow.filter((p) => index.meetings[p]!.datePrecision !== 'day').length);
    const all = texts(doc);
    expect(all.some((t) => t.includes('Khaji'))).toBe(true);
    expect(all.join(' ')).toContain(`${inWindow.length} meetings between 1 January 2020 and 31 December 2021`);
    const legend = doc.querySelector('.figure-legend')!.textContent!;
    expect(legend).toContain('Legend');
    expect(legend).toContain('meeting dated to the day');
    expect(legend).toContain('Phone call');
    expect(doc.querySelectorAll('.axis .tick').length).toBeGreaterThan(2);
  });

  it('shows counts per period when the window holds too many meetings to draw one by one', () => {
    const index = bundledIndex();
    const ctx = contextFor(index);
    const many = new Int32Array(MAX_ITEMS + 1).map((_, k) => index.order[k % index.order.length]!);
    const figure = timelineFigure({ ...ctx, visible: many });
    const doc = parse(figure.svg);
    expect(doc.querySelectorAll('.items')).toHaveLength(0);
    const bars = Array.from(doc.querySelectorAll('.density text'), (t) => Number(t.textContent));
    expect(bars.reduce((a, b) => a + b, 0)).toBe(MAX_ITEMS + 1);
    expect(doc.querySelector('.figure-legend')!.textContent).toContain('meetings per period');
  });
});
