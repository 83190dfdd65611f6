import { subsetDataset, datasetToJson } from '../../domain/export/datasetJson';
import { exportFileName, type ExportSubject } from '../../domain/export/fileName';
import { filtersInWords } from '../../domain/export/filterWords';
import { meetingsToCsv } from '../../domain/export/meetingsCsv';
import { networkToGexf, networkToGraphml, toGraphology, type NodePlacement } from '../../domain/export/networkFiles';
import { citationText } from '../../state/url/citation';
import { networkFigure } from './networkFigure';
import { timelineFigure } from './timelineFigure';
import { PNG_SCALE, svgToPng } from './rasterize';
import { plural, type ExportContext } from './context';
import type { Figure } from './figure';

/**
 * The lazily loaded half of the Export menu: every export is a function of what the user sees
 * (dataset, filters, layout on screen) to a file. Nothing here is in the main bundle.
 */
export const EXPORT_KINDS = ['meetings-csv', 'dataset-json', 'network-gexf', 'network-graphml', 'network-svg', 'network-png', 'timeline-svg', 'timeline-png'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportFile {
  name: string;
  blob: Blob;
  /** What was saved, for the status line, e.g. "13 meetings" or "1,600 × 1,100 px (2× 800 × 550)". */
  details: string;
}

function describe(ctx: ExportContext): string {
  const { index } = ctx;
  return `${filtersInWords(index, ctx.filters)}. ${citationText({ title: index.dataset.title, version: index.dataset.version, meetingCount: ctx.visible.length, accessed: ctx.accessed, url: ctx.url })}`;
}

function placements(ctx: ExportContext): Map<string, NodePlacement> | undefined {
  return ctx.network ? new Map(ctx.network.nodes.map((n) => [n.id, { x: n.x, y: n.y, color: n.color, radius: n.r }])) : undefined;
}

const NETWORK_NEEDS_CHARTS = 'The network picture is drawn from the layout on screen: switch to Charts, then export it.';

async function figureFile(ctx: ExportContext, subject: ExportSubject, figure: Figure, png: boolean): Promise<ExportFile> {
  const size = `${figure.width} × ${figure.height}`;
  if (!png) {
    return { name: exportFileName(subject, 'svg', ctx.index, ctx.filters), blob: new Blob([figure.svg], { type: 'image/svg+xml' }), details: `${size} px` };
  }
  const blob = await svgToPng(figure.svg, figure.width, figure.height);
  return {
    name: exportFileName(subject, 'png', ctx.index, ctx.filters),
    blob,
    details: `${figure.width * PNG_SCALE} × ${figure.height * PNG_SCALE} px (${PNG_SCALE}× ${size})`,
  };
}

export async function buildExport(kind: ExportKind, ctx: ExportContext): Promise<ExportFile> {
  const { index, filters } = ctx;
  switch (kind) {
    case 'meetings-csv':
      return {
        name: exportFileName('meetings', 'csv', index, filters),
        blob: new Blob([meetingsToCsv(index, ctx.visible)], { type: 'text/csv;charset=utf-8' }),
        details: plural(ctx.visible.length, 'meeting'),
      };
    case 'dataset-json': {
      const subset = subsetDataset(index, ctx.visible, `Exported from Parley. ${describe(ctx)}`);
      return {
        name: exportFileName('dataset', 'json', index, filters),
        blob: new Blob([datasetToJson(subset)], { type: 'application/json' }),
        details: `${plural(subset.meetings.length, 'meeting')}, ${plural(subset.actors.length, 'actor')}`,
      };
    }
    case 'network-gexf':
    case 'network-graphml': {
      const { graph } = ctx;
      const g = toGraphology(index, graph, placements(ctx));
      const meta = { title: `${index.dataset.title} — actor network`, description: `${plural(graph.nodes.length, 'actor')}, ${plural(graph.edges.length, 'link')} from ${plural(ctx.graphMeetings.length, 'meeting')}. ${describe(ctx)}` };
      const gexf = kind === 'network-gexf';
      return {
        name: exportFileName('network', gexf ? 'gexf' : 'graphml', index, filters),
        blob: new Blob([gexf ? networkToGexf(g, meta) : networkToGraphml(g, meta)], { type: gexf ? 'application/gexf+xml' : 'application/graphml+xml' }),
        details: `${plural(graph.nodes.length, 'actor')}, ${plural(graph.edges.length, 'link')}`,
      };
    }
    case 'network-svg':
    case 'network-png':
      if (!ctx.network) throw new Error(NETWORK_NEEDS_CHARTS);
      return figureFile(ctx, 'network', networkFigure(ctx, ctx.network), kind === 'network-png');
    case 'timeline-svg':
    case 'timeline-png':
      return figureFile(ctx, 'timeline', timelineFigure(ctx), kind === 'timeline-png');
  }
}

/** Hands the file to the browser's download manager. */
export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
