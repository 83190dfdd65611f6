import { filterClauses } from '../../domain/export/filterWords';
import { citationText } from '../../state/url/citation';
import type { NetworkSnapshot, SnapshotNode } from '../network/snapshot';
import { LABEL_GAP_PX } from '../network/smallGraphLayout';
import { drawFigure, INK, type Figure, type Group, type LegendItem } from './figure';
import { plural, type ExportContext } from './context';
import { METRIC_LABEL } from '../../domain/analysis/metricNames';
import { isolate } from '../../domain/bidi';

function drawNetwork(body: Group, clipId: string, shot: NetworkSnapshot) {
  body.append('clipPath').attr('id', clipId).append('rect').attr('width', shot.width).attr('height', shot.height);
  const drawing = body.append('g').attr('clip-path', `url(#${clipId})`);
  const edges = drawing.append('g').attr('class', 'edges').attr('stroke', INK.muted).attr('stroke-opacity', 0.45).attr('stroke-linecap', 'round');
  for (const e of shot.edges) {
    const a = shot.nodes[e.source]!;
    const b = shot.nodes[e.target]!;
    edges.append('line').attr('x1', a.x.toFixed(1)).attr('y1', a.y.toFixed(1)).attr('x2', b.x.toFixed(1)).attr('y2', b.y.toFixed(1)).attr('stroke-width', e.width);
  }
  const nodes = drawing.append('g').attr('class', 'nodes');
  for (const n of shot.nodes) {
    const g = nodes.append('g').attr('class', 'node').attr('transform', `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`);
    g.append('title').text(`${isolate(n.name)} — ${isolate(n.affiliationName)} (${n.affiliation}), ${plural(n.count, 'meeting')}${n.note ? `, ${n.note}` : ''}`);
    g.append('circle').attr('r', n.r.toFixed(2)).attr('fill', n.color).attr('stroke', INK.bg).attr('stroke-width', 1.5);
  }
  // Labels above every disc, as on screen: 12 px with a halo in the background colour.
  const labels = drawing.append('g').attr('class', 'labels').attr('font-size', 12).attr('fill', INK.text)
    .attr('stroke', INK.bg).attr('stroke-width', 4).attr('stroke-linejoin', 'round').attr('paint-order', 'stroke');
  for (const n of shot.nodes) if (n.labelled) placeLabel(labels, n);
  if (!shot.nodes.length) {
    body.append('text').attr('x', shot.width / 2).attr('y', shot.height / 2).attr('text-anchor', 'middle').attr('fill', INK.muted)
      .attr('font-size', 14).text('No actors match the current filters.');
  }
}

function placeLabel(labels: Group, n: SnapshotNode) {
  const gap = n.r + LABEL_GAP_PX;
  const [dx, dy, anchor, baseline] =
    n.labelSide === 'right' ? [gap, 0, 'start', 'central']
    : n.labelSide === 'left' ? [-gap, 0, 'end', 'central']
    : n.labelSide === 'above' ? [0, -gap, 'middle', 'text-after-edge']
    : [0, gap, 'middle', 'text-before-edge'];
  labels.append('text').attr('x', (n.x + dx).toFixed(1)).attr('y', (n.y + dy).toFixed(1)).attr('text-anchor', anchor)
    .attr('dominant-baseline', baseline).attr('style', 'unicode-bidi: isolate').attr('direction', 'ltr').text(n.short);
}

function affiliationLegend(ctx: ExportContext, shot: NetworkSnapshot): LegendItem[] {
  const present = new Set(shot.nodes.map((n) => n.affiliation));
  const colorOf = new Map(shot.nodes.map((n) => [n.affiliation, n.color]));
  return ctx.index.dataset.countries
    .filter((c) => present.has(c.code))
    .map((c) => ({ swatch: { kind: 'dot', color: colorOf.get(c.code)! }, label: [{ text: c.name, data: true }, { text: ` (${c.code})` }] }));
}

/** One entry per colour on screen, named by the communities it stands for (smaller ones share grey, as in the view). */
function communityLegend(shot: NetworkSnapshot): LegendItem[] {
  const byColor = new Map<string, { communities: Set<string>; actors: number }>();
  for (const n of shot.nodes) {
    const entry = byColor.get(n.color) ?? { communities: new Set<string>(), actors: 0 };
    entry.communities.add(/community \d+/.exec(n.note ?? '')?.[0] ?? 'no community');
    entry.actors++;
    byColor.set(n.color, entry);
  }
  return [...byColor].map(([color, { communities, actors }]) => {
    const name = communities.size === 1 ? [...communities][0]!.replace(/^c/, 'C') : `${communities.size} smaller communities`;
    return { swatch: { kind: 'dot', color }, label: [{ text: `${name} (${plural(actors, 'actor')})` }] };
  });
}

/** The network as on screen (positions, sizes, colours and labels from the live layout), as a figure. */
export function networkFigure(ctx: ExportContext, shot: NetworkSnapshot): Figure {
  const { index, analysis } = ctx;
  const byCommunity = analysis.color === 'community';
  const legend = byCommunity ? communityLegend(shot) : affiliationLegend(ctx, shot);
  const drawnNote = shot.edges.length < shot.totalEdges ? ` The ${plural(shot.edges.length, 'strongest link')} of ${shot.totalEdges.toLocaleString('en')} are drawn, as on screen.` : '';
  const colour = byCommunity ? 'Louvain community (links weighted by shared meetings)' : 'affiliation';
  const size = analysis.size === 'meetings' ? 'meetings in view' : METRIC_LABEL[analysis.size].toLowerCase();
  const egoActor = analysis.ego ? (index.actors[index.actorPos.get(analysis.ego.actor) ?? -1]?.name ?? analysis.ego.actor) : null;
  const ego = analysis.ego && egoActor ? [{ label: 'ego network of', values: [egoActor, `${analysis.ego.depth} ${analysis.ego.depth === 1 ? 'step' : 'steps'}`], joiner: ', within ' }] : [];
  return drawFigure({
    subject: 'Actor network',
    datasetTitle: index.dataset.title,
    summary: `${plural(shot.nodes.length, 'actor')}, ${plural(shot.totalEdges, 'link')} from ${plural(shot.meetings, 'meeting')}`,
    clauses: [...filterClauses(index, ctx.filters), ...ego],
    legend,
    legendNote: `Colour: ${colour}. Circle size: ${size}; line width: meetings two actors share.${drawnNote}`,
    citation: citationText({ title: index.dataset.title, version: index.dataset.version, meetingCount: ctx.visible.length, accessed: ctx.accessed, url: ctx.url }),
    bodyWidth: shot.width,
    bodyHeight: shot.height,
    drawBody: (body, clipId) => drawNetwork(body, clipId, shot),
  });
}
