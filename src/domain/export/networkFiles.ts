import { UndirectedGraph } from 'graphology';
import { write as writeGexf } from 'graphology-gexf/browser';
import type { ActorGraph } from '../graph';
import type { DatasetIndex } from '../indexes';
import { affiliationName } from '../actors';
import { escapeXml } from './xml';

export interface NetworkNodeAttributes {
  label: string;
  affiliation: string;
  affiliationName: string;
  kind: string;
  /** Meetings the actor takes part in, among those the network shows. */
  meetings: number;
  /** Where the view drew the actor and in which colour, when known (Gephi reads them as its viz attributes). */
  x?: number;
  y?: number;
  color?: string;
  size?: number;
}

export interface NetworkEdgeAttributes {
  /** Meetings the two actors share, among those the network shows. */
  weight: number;
}

export interface NetworkFileMeta {
  title: string;
  /** What the graph was drawn from, in words (dataset version, filters, meeting count). */
  description: string;
}

export interface NodePlacement {
  x: number;
  y: number;
  color: string;
  radius: number;
}

/**
 * The network view's graph as a graphology graph: the same nodes and edges the view derives
 * (src/domain/graph.ts), with names, affiliations, meeting counts and edge weights.
 */
/**
 * Node keys in the graphology graph are the actor ids behind a prefix: graphology keeps neighbours in plain
 * objects, where an id such as `constructor` would find Object.prototype's member. The files show the bare ids.
 */
const KEY_PREFIX = 'a:';
export const nodeKey = (actorId: string): string => KEY_PREFIX + actorId;
const actorIdOf = (key: string): string => (key.startsWith(KEY_PREFIX) ? key.slice(KEY_PREFIX.length) : key);

export function toGraphology(
  index: DatasetIndex,
  graph: ActorGraph,
  placement?: ReadonlyMap<string, NodePlacement>,
): UndirectedGraph<NetworkNodeAttributes, NetworkEdgeAttributes> {
  const g = new UndirectedGraph<NetworkNodeAttributes, NetworkEdgeAttributes>();
  for (const node of graph.nodes) {
    const pos = index.actorPos.get(node.id);
    const actor = pos === undefined ? undefined : index.actors[pos];
    const affiliation = actor?.affiliation ?? '';
    const at = placement?.get(node.id);
    g.addNode(nodeKey(node.id), {
      label: actor?.name ?? node.id,
      affiliation,
      affiliationName: affiliationName(index, affiliation),
      kind: actor?.kind ?? '',
      meetings: node.count,
      ...(at ? { x: round(at.x), y: round(at.y), color: at.color, size: round(at.radius) } : {}),
    });
  }
  for (const edge of graph.edges) g.addUndirectedEdgeWithKey(`${edge.source}~${edge.target}`, nodeKey(edge.source), nodeKey(edge.target), { weight: edge.weight });
  return g;
}

const round = (v: number) => Math.round(v * 100) / 100;

/** GEXF 1.3 for Gephi, written by graphology-gexf; positions and colours go into its viz namespace. */
export function networkToGexf(graph: UndirectedGraph<NetworkNodeAttributes, NetworkEdgeAttributes>, meta: NetworkFileMeta): string {
  const described = graph.copy();
  // GEXF's meta element knows creator, description and keywords only.
  described.replaceAttributes({ creator: 'Parley', description: `${meta.title}. ${meta.description}` });
  // Actor ids are slugs (no colon, nothing XML escapes), so the prefix is found only where a node key was written.
  return writeGexf(described, { version: '1.3' }).replace(/ (id|source|target)="a:/g, ' $1="');
}

type KeyType = 'string' | 'int' | 'double';
const NODE_KEYS: readonly [keyof NetworkNodeAttributes, KeyType][] = [
  ['label', 'string'],
  ['affiliation', 'string'],
  ['affiliationName', 'string'],
  ['kind', 'string'],
  ['meetings', 'int'],
  ['x', 'double'],
  ['y', 'double'],
  ['color', 'string'],
  ['size', 'double'],
];

/**
 * GraphML (graphology-graphml only reads it, so this writes it): typed keys for every attribute,
 * every value XML-escaped, undirected edges with their weight.
 */
export function networkToGraphml(graph: UndirectedGraph<NetworkNodeAttributes, NetworkEdgeAttributes>, meta: NetworkFileMeta): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="g_title" for="graph" attr.name="title" attr.type="string"/>',
    '  <key id="g_description" for="graph" attr.name="description" attr.type="string"/>',
    ...NODE_KEYS.map(([name, type]) => `  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`),
    '  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <graph id="parley" edgedefault="undirected">',
    `    <data key="g_title">${escapeXml(meta.title)}</data>`,
    `    <data key="g_description">${escapeXml(meta.description)}</data>`,
  ];
  graph.forEachNode((id, attrs) => {
    lines.push(`    <node id="${escapeXml(actorIdOf(id))}">`);
    for (const [name] of NODE_KEYS) {
      const value = attrs[name];
      if (value !== undefined && value !== '') lines.push(`      <data key="n_${name}">${escapeXml(String(value))}</data>`);
    }
    lines.push('    </node>');
  });
  graph.forEachEdge((key, attrs, source, target) => {
    lines.push(`    <edge id="${escapeXml(key)}" source="${escapeXml(actorIdOf(source))}" target="${escapeXml(actorIdOf(target))}">`);
    lines.push(`      <data key="e_weight">${attrs.weight}</data>`);
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
