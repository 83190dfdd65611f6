import { select, type Selection } from 'd3';
import type { FilterClause } from '../../domain/export/filterWords';
import { estimateTextWidth, wrapRuns, type TextRun } from '../../domain/export/textLayout';

export const SVG_NS = 'http://www.w3.org/2000/svg';
/** Fixed light colours: a figure goes into papers and slides, whatever theme the viewer uses. */
export const INK = { text: '#16191f', muted: '#4a5160', bg: '#ffffff', border: '#c4cad4', accent: '#0b5cad' } as const;
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';

const PAD = 24;
const MIN_WIDTH = 640;

export type Group = Selection<SVGGElement, unknown, null, undefined>;

export type LegendSwatch = { kind: 'dot'; color: string } | { kind: 'symbol'; text: string } | { kind: 'range' } | { kind: 'point' };

export interface LegendItem {
  swatch: LegendSwatch;
  label: TextRun[];
}

export interface FigureSpec {
  /** What the figure shows: "Actor network", "Timeline". */
  subject: string;
  datasetTitle: string;
  /** Counts in words, e.g. "13 actors, 20 links from 13 meetings". */
  summary: string;
  clauses: FilterClause[];
  legend: LegendItem[];
  legendNote: string;
  /** The citation of the view (citationText), and the dataset title inside it to isolate. */
  citation: string;
  bodyWidth: number;
  bodyHeight: number;
  /** Draws the picture into a group whose origin is the body's top-left corner. */
  drawBody(body: Group, clipId: string): void;
}

export interface Figure {
  svg: string;
  width: number;
  height: number;
}

/**
 * Appends one line of text. Data runs go into their own tspan with `unicode-bidi: isolate`, so a
 * right-to-left name cannot reorder the words around it; all text is set as text nodes, never markup.
 */
export function appendRuns(parent: Group, runs: readonly TextRun[], x: number, y: number, size: number, fill: string, weight = 400) {
  const text = parent.append('text').attr('x', x).attr('y', y).attr('font-size', size).attr('fill', fill).attr('font-weight', weight);
  for (const run of runs) {
    const span = text.append('tspan').text(run.text);
    if (run.data) span.attr('style', 'unicode-bidi: isolate').attr('class', 'data');
  }
  return text;
}

function clauseRuns(clauses: readonly FilterClause[]): TextRun[][] {
  if (!clauses.length) return [[{ text: 'Filters: none — all meetings' }]];
  return clauses.map((c, k) => {
    const runs: TextRun[] = [{ text: `${k === 0 ? 'Filters: ' : ''}${c.label}: ` }];
    c.values.forEach((v, i) => {
      if (i > 0) runs.push({ text: c.joiner });
      runs.push({ text: v, data: true });
    });
    return runs;
  });
}

function citationRuns(citation: string, datasetTitle: string): TextRun[] {
  const at = citation.indexOf(datasetTitle);
  if (at < 0 || !datasetTitle) return [{ text: citation }];
  return [{ text: citation.slice(0, at) }, { text: datasetTitle, data: true }, { text: citation.slice(at + datasetTitle.length) }];
}

let figures = 0;

/** A standalone SVG document: title, filters in words, the body, a legend and the citation of the view. */
export function drawFigure(spec: FigureSpec): Figure {
  const width = Math.max(MIN_WIDTH, Math.ceil(spec.bodyWidth) + 2 * PAD);
  const inner = width - 2 * PAD;
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement as unknown as SVGSVGElement;
  const svg = select(root);
  svg.attr('xmlns', SVG_NS).attr('role', 'img').attr('font-family', FONT);
  svg.append('title').text(`${spec.subject} — ${spec.datasetTitle}`);
  const background = svg.append('rect').attr('width', '100%').attr('height', '100%').attr('fill', INK.bg);
  const g = svg.append('g') as unknown as Group;
  let y = PAD;

  y += 20;
  appendRuns(g, [{ text: spec.subject }], PAD, y, 20, INK.text, 700);
  for (const line of wrapRuns([{ text: spec.datasetTitle, data: true }, { text: ` · ${spec.summary}` }], inner / estimateTextWidth('x', 14))) {
    y += 20;
    appendRuns(g, line, PAD, y, 14, INK.text);
  }
  for (const clause of clauseRuns(spec.clauses)) {
    for (const line of wrapRuns(clause, inner / estimateTextWidth('x', 13))) {
      y += 18;
      appendRuns(g, line, PAD, y, 13, INK.muted);
    }
  }
  y += 12;

  const clipId = `parley-figure-${++figures}-clip`;
  const body = g.append('g').attr('class', 'figure-body').attr('transform', `translate(${PAD},${y})`) as unknown as Group;
  body.append('rect').attr('width', spec.bodyWidth).attr('height', spec.bodyHeight).attr('fill', 'none').attr('stroke', INK.border);
  spec.drawBody(body, clipId);
  y += spec.bodyHeight + 26;

  const legend = g.append('g').attr('class', 'figure-legend') as unknown as Group;
  appendRuns(legend, [{ text: 'Legend' }], PAD, y, 13, INK.text, 700);
  let x = PAD + estimateTextWidth('Legend', 13) + 16;
  for (const item of spec.legend) {
    const labelWidth = estimateTextWidth(item.label.map((r) => r.text).join(''), 13);
    const itemWidth = 22 + labelWidth + 18;
    if (x + itemWidth > width - PAD && x > PAD) {
      x = PAD;
      y += 22;
    }
    drawSwatch(legend, item.swatch, x + 8, y - 4);
    appendRuns(legend, item.label, x + 22, y, 13, INK.text);
    x += itemWidth;
  }
  for (const line of wrapRuns([{ text: spec.legendNote }], inner / estimateTextWidth('x', 12))) {
    y += 20;
    appendRuns(legend, line, PAD, y, 12, INK.muted);
  }
  y += 10;
  for (const line of wrapRuns(citationRuns(spec.citation, spec.datasetTitle), inner / estimateTextWidth('x', 12))) {
    y += 17;
    appendRuns(g, line, PAD, y, 12, INK.muted).attr('class', 'citation');
  }
  const height = Math.ceil(y + PAD);
  svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
  background.attr('width', width).attr('height', height);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`, width, height };
}

function drawSwatch(g: Group, swatch: LegendSwatch, cx: number, cy: number) {
  switch (swatch.kind) {
    case 'dot':
      g.append('circle').attr('cx', cx).attr('cy', cy).attr('r', 6).attr('fill', swatch.color).attr('stroke', INK.text).attr('stroke-width', 0.75);
      break;
    case 'symbol':
      g.append('text').attr('x', cx).attr('y', cy + 5).attr('text-anchor', 'middle').attr('font-size', 14).attr('fill', INK.text).text(swatch.text);
      break;
    case 'range':
      g.append('rect').attr('x', cx - 8).attr('y', cy - 5).attr('width', 16).attr('height', 10).attr('rx', 2)
        .attr('fill', '#e9ecf1').attr('stroke', INK.accent).attr('stroke-dasharray', '3 2');
      break;
    case 'point':
      g.append('circle').attr('cx', cx).attr('cy', cy).attr('r', 4).attr('fill', INK.accent);
      break;
  }
}
