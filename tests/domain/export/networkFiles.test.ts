// @vitest-environment jsdom
// (GraphML and GEXF are checked by parsing them with the DOM's XML parser.)
import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { buildGraph } from '../../../src/domain/graph';
import { EMPTY_FILTERS, filterMeetings } from '../../../src/domain/filters';
import { networkToGexf, networkToGraphml, nodeKey, toGraphology } from '../../../src/domain/export/networkFiles';
import { escapeXml } from '../../../src/domain/export/xml';
import { bundled, bundledIndex, hostileIndex } from './fixtures';
import { buildIndex } from '../../../src/domain/indexes';

const META = { title: 'T <&>', description: 'Filters: country: "Iran"' };

describe('Network as GEXF / GraphML', () => {
  const index = bundledIndex();
  const visible = filterMeetings(index, { ...EMPTY_FILTERS, countries: ['SYR'] });
  const graph = buildGraph(index, visible);
  const placement = new Map(graph.nodes.map((n, i) => [n.id, { x: i * 10.123, y: -i, color: '#0072B2', radius: 7.5 }]));

  it('the graphology graph is the derived graph: same nodes, edges, counts and weights', () => {
    const g = toGraphology(index, graph);
    expect(g.order).toBe(graph.nodes.length);
    expect(g.size).toBe(graph.edges.length);
    for (const n of graph.nodes) expect(g.getNodeAttribute(nodeKey(n.id), 'meetings')).toBe(n.count);
    for (const e of graph.edges) expect(g.getEdgeAttribute(g.edge(nodeKey(e.source), nodeKey(e.target))!, 'weight')).toBe(e.weight);
    expect(g.getNodeAttributes(nodeKey('khaji'))).toMatchObject({ label: 'Ali Asghar Khaji', affiliation: 'IRN', affiliationName: 'Iran', kind: 'person' });
  });

  it('GEXF parses back with graphology-gexf: same node and edge counts, attributes and weights', () => {
    const text = networkToGexf(toGraphology(index, graph, placement), META);
    const back = parseGexf(Graph, text);
    expect(back.order).toBe(graph.nodes.length);
    expect(back.size).toBe(graph.edges.length);
    expect(back.getNodeAttributes('khaji')).toMatchObject({ label: 'Ali Asghar Khaji', affiliation: 'IRN', meetings: graph.nodes.find((n) => n.id === 'khaji')!.count });
    for (const e of graph.edges) expect(back.getEdgeAttribute(back.edge(e.source, e.target)!, 'weight')).toBe(e.weight);
    expect(text).toContain('<viz:position');
    expect(text).toContain('<description>T &lt;&amp;&gt;. Filters: country: "Iran"</description>');
  });

  it('GraphML parses back with graphology-graphml, typed, with hostile names intact', () => {
    const hostile = hostileIndex();
    const g = buildGraph(hostile, hostile.order);
    const text = networkToGraphml(toGraphology(hostile, g, new Map([['evil', { x: 1, y: 2, color: '#D55E00', radius: 3 }]])), META);
    const back = parseGraphml(Graph, text);
    expect(back.type).toBe('undirected');
    expect(back.order).toBe(g.nodes.length);
    expect(back.size).toBe(g.edges.length);
    expect(back.getAttribute('title')).toBe(META.title);
    expect(back.getNodeAttributes('evil')).toMatchObject({ label: '@SUM(A1:A2) <script>alert(1)</script>', affiliationName: 'United <Nations>', meetings: 1, x: 1, y: 2, size: 3 });
    expect(back.getNodeAttribute('khaji', 'label')).toBe('علی اصغر خاجی');
    expect(back.getNodeAttribute('plain', 'label')).toBe("Geir O'Pedersen");
    expect(back.getEdgeAttribute(back.edge('khaji', 'plain')!, 'weight')).toBe(2);
    expect(text).not.toContain('<script>');
  });

  it('actors whose ids are Object.prototype names export to GEXF and GraphML under their own ids', () => {
    const ds = bundled();
    const renamed = ds.actors.find((a) => a.id === 'khaji')!;
    const ids = ['constructor', 'hasOwnProperty', 'toString'];
    // Three actors of the first meeting, renamed: every link among them was refused by graphology before.
    const firstIds = ds.meetings[0]!.participants.map((p) => p.actorId);
    ds.actors.push(...ids.map((id) => ({ ...renamed, id, name: `Actor ${id}` })));
    ds.meetings[0]!.participants.push(...ids.map((actorId) => ({ actorId })));
    const index = buildIndex(ds);
    const g = buildGraph(index, index.order);
    // Read with the DOM's XML parser: graphology itself (which the parsers build) cannot hold these ids.
    for (const text of [networkToGexf(toGraphology(index, g), META), networkToGraphml(toGraphology(index, g), META)]) {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const nodeIds = Array.from(doc.getElementsByTagName('node'), (n) => n.getAttribute('id'));
      expect(nodeIds).toHaveLength(g.nodes.length);
      expect(nodeIds).toEqual(expect.arrayContaining(ids));
      const edges = Array.from(doc.getElementsByTagName('edge'), (e) => [e.getAttribute('source'), e.getAttribute('target')].sort().join(' '));
      expect(edges).toHaveLength(g.edges.length);
      expect(edges).toContain([firstIds[0]!, 'constructor'].sort().join(' '));
      expect(text).not.toMatch(/ (id|source|target)="a:/);
    }
  });

  it('XML escaping covers markup characters and characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('bell\u0007 lone\uD800 ok\uD83D\uDE00')).toBe('bell\uFFFD lone\uFFFD ok\uD83D\uDE00');
  });
});
