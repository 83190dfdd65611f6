import { axisTop, max, scaleLinear, scaleUtc } from 'd3';
import { filterClauses } from '../../domain/export/filterWords';
import { estimateTextWidth } from '../../domain/export/textLayout';
import { meetingsInWindow } from '../../domain/filters';
import { DAY_MS, formatIsoDay, isoToMs } from '../../domain/dates';
import { MEETING_TYPE_LABELS } from '../../domain/meetingTypes';
import type { MeetingType } from '../../domain/schema';
import { citationText } from '../../state/url/citation';
import type { TimeWindow } from '../../state/types';
import { toTimelineItem, TYPE_SYMBOLS, type TimelineItemSpec } from '../timeline/toTimelineItems';
import { drawFigure, FONT, INK, type Figure, type Group, type LegendItem } from './figure';
import { plural, type ExportContext } from './context';

const AXIS_H = 30;
const LANE_H = 22;
const LABEL_PX = 11;
/** Past this many meetings (or lanes) the figure shows counts per period, as the view does. */
export const MAX_ITEMS = 150;
const MAX_LANES = 30;
const MIN_WIDTH = 600;

interface Placed {
  item: TimelineItemSpec;
  lane: number;
  x0: number;
  x1: number;
  labelX: number;
}

/** Where the label starts: after the dot, inside a range wide enough to hold it, else just after the range. */
function labelStart(item: TimelineItemSpec, x0: number, x1: number): number {
  if (item.kind === 'point') return x0 + 8;
  return x1 - x0 >= estimateTextWidth(item.label, LABEL_PX) + 8 ? x0 + 4 : x1 + 4;
}

/** Greedy lanes: each item goes into the first lane whose last occupant (label included) ends before it starts. */
function packLanes(items: TimelineItemSpec[], x: (ms: number) => number): Placed[] | null {
  const laneEnds: number[] = [];
  const placed: Placed[] = [];
  for (const item of items) {
    const x0 = Math.max(0, x(item.start));
    const x1 = item.end === null ? x0 : Math.max(x0 + 4, x(item.end));
    const labelX = labelStart(item, x0, x1);
    const right = Math.max(x1, labelX + estimateTextWidth(item.label, LABEL_PX)) + 8;
    let lane = laneEnds.findIndex((end) => end <= x0);
    if (lane < 0) {
      if (laneEnds.length >= MAX_LANES) return null;
      lane = laneEnds.length;
      laneEnds.push(right);
    } else laneEnds[lane] = right;
    placed.push({ item, lane, x0, x1, labelX });
  }
  return placed;
}

function drawItems(body: Group, placed: Placed[]) {
  const items = body.append('g').attr('class', 'items').attr('font-size', LABEL_PX).attr('fill', INK.text);
  for (const { item, lane, x0, x1, labelX } of placed) {
    const y = AXIS_H + 6 + lane * LANE_H;
    const g = items.append('g').attr('class', `item ${item.circa ? 'is-circa' : ''}`);
    g.append('title').text(item.accessibleLabel);
    if (item.kind === 'range') {
      g.append('rect').attr('x', x0.toFixed(1)).attr('y', y).attr('width', (x1 - x0).toFixed(1)).attr('height', LANE_H - 6).attr('rx', 3)
        .attr('fill', '#e9ecf1').attr('stroke', INK.accent).attr('stroke-dasharray', '4 2');
    } else {
      g.append('circle').attr('cx', x0.toFixed(1)).attr('cy', y + (LANE_H - 6) / 2).attr('r', 4).attr('fill', INK.accent);
    }
    g.append('text').attr('x', labelX.toFixed(1)).attr('y', y + LANE_H - 10)
      .attr('style', 'unicode-bidi: isolate').attr('direction', 'ltr').text(item.label);
  }
}

function drawDensity(body: Group, ctx: ExportContext, positions: Int32Array, domain: [Date, Date], width: number, height: number) {
  const x = scaleUtc().domain(domain).range([0, width]);
  const edges = x.ticks(Math.max(4, Math.floor(width / 60))).map((d) => d.valueOf());
  const bounds = [domain[0].valueOf(), ...edges.filter((e) => e > domain[0].valueOf() && e < domain[1].valueOf()), domain[1].valueOf()];
  const counts = new Array<number>(bounds.length - 1).fill(0);
  for (const pos of positions) {
    const t = Math.max(bounds[0]!, ctx.index.start[pos]!);
    let b = 0;
    while (b < counts.length - 1 && t >= bounds[b + 1]!) b++;
    counts[b]!++;
  }
  const y = scaleLinear().domain([0, max(counts) ?? 1]).nice().range([height - 4, AXIS_H + 18]);
  const bars = body.append('g').attr('class', 'density');
  counts.forEach((n, b) => {
    if (!n) return;
    const x0 = x(bounds[b]!) + 1;
    const x1 = x(bounds[b + 1]!) - 1;
    bars.append('rect').attr('x', x0.toFixed(1)).attr('y', y(n).toFixed(1)).attr('width', Math.max(1, x1 - x0).toFixed(1))
      .attr('height', (height - 4 - y(n)).toFixed(1)).attr('fill', INK.accent).attr('fill-opacity', 0.75);
    bars.append('text').attr('x', ((x0 + x1) / 2).toFixed(1)).attr('y', (y(n) - 3).toFixed(1)).attr('text-anchor', 'middle')
      .attr('font-size', 10).attr('fill', INK.text).text(n.toLocaleString('en'));
  });
}

function legendFor(items: readonly TimelineItemSpec[], density: boolean, types: ReadonlySet<MeetingType>): { legend: LegendItem[]; note: string } {
  if (density) {
    return { legend: [{ swatch: { kind: 'dot', color: INK.accent }, label: [{ text: 'bar: meetings per period' }] }], note: 'Too many meetings in this window to draw one by one: bars count meetings by their earliest possible day.' };
  }
  const legend: LegendItem[] = [{ swatch: { kind: 'point' }, label: [{ text: 'meeting dated to the day' }] }];
  if (items.some((i) => i.circa)) legend.push({ swatch: { kind: 'range' }, label: [{ text: 'c.: known only to the month or year (bar spans the possible dates)' }] });
  for (const type of Object.keys(TYPE_SYMBOLS) as MeetingType[]) {
    if (TYPE_SYMBOLS[type] && types.has(type)) legend.push({ swatch: { kind: 'symbol', text: TYPE_SYMBOLS[type] }, label: [{ text: MEETING_TYPE_LABELS[type] }] });
  }
  return { legend, note: 'Labels: contact type symbol, then the participants (two names, +N for more).' };
}

/** The whole extent of the visible meetings, when no timeline is on screen to ask. */
function fallbackWindow(ctx: ExportContext): TimeWindow {
  const { index, visible } = ctx;
  let lo = Infinity;
  let hi = -Infinity;
  for (const pos of visible) {
    lo = Math.min(lo, index.start[pos]!);
    hi = Math.max(hi, index.end[pos]!);
  }
  if (!visible.length) [lo, hi] = [index.minTime, index.maxTime];
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { start: iso(lo - 15 * DAY_MS), end: iso(hi + 15 * DAY_MS) };
}

/** The timeline's current window and the filtered meetings in it, as a figure. */
export function timelineFigure(ctx: ExportContext): Figure {
  const { index } = ctx;
  const window = ctx.timeline?.window ?? fallbackWindow(ctx);
  const width = Math.max(MIN_WIDTH, Math.round(ctx.timeline?.width || 1000));
  const fromMs = isoToMs(window.start);
  const toMs = isoToMs(window.end) + DAY_MS;
  const positions = meetingsInWindow(index, ctx.visible, fromMs, toMs);
  const x = scaleUtc().domain([new Date(fromMs), new Date(toMs)]).range([0, width]);
  const items = positions.length <= MAX_ITEMS ? Array.from(positions, (pos) => toTimelineItem(index, pos)) : [];
  const placed = positions.length <= MAX_ITEMS ? packLanes(items, (ms) => x(new Date(ms))) : null;
  const density = placed === null;
  const lanes = placed ? Math.max(1, ...placed.map((p) => p.lane + 1)) : 0;
  const height = density ? 220 : Math.max(90, AXIS_H + 12 + lanes * LANE_H);
  const types = new Set(Array.from(positions, (pos) => index.meetings[pos]!.type));
  const { legend, note } = legendFor(items, density, types);
  return drawFigure({
    subject: 'Timeline',
    datasetTitle: index.dataset.title,
    summary: `${plural(positions.length, 'meeting')} between ${formatIsoDay(window.start)} and ${formatIsoDay(window.end)}`,
    clauses: filterClauses(index, ctx.filters),
    legend,
    legendNote: note,
    citation: citationText({ title: index.dataset.title, version: index.dataset.version, meetingCount: ctx.visible.length, accessed: ctx.accessed, url: ctx.url }),
    bodyWidth: width,
    bodyHeight: height,
    drawBody: (body, clipId) => {
      body.append('clipPath').attr('id', clipId).append('rect').attr('width', width).attr('height', height);
      const inner = body.append('g').attr('clip-path', `url(#${clipId})`) as unknown as Group;
      const axis = inner.append('g').attr('class', 'axis').attr('transform', `translate(0,${AXIS_H - 6})`);
      axis.call(axisTop(x).ticks(Math.max(3, Math.floor(width / 110))).tickSizeOuter(0));
      axis.attr('font-family', FONT).selectAll('text').attr('fill', INK.text);
      axis.selectAll('line,path').attr('stroke', INK.muted);
      if (density) drawDensity(inner, ctx, positions, [new Date(fromMs), new Date(toMs)], width, height);
      else drawItems(inner, placed);
      if (!positions.length) {
        inner.append('text').attr('x', width / 2).attr('y', height / 2 + 10).attr('text-anchor', 'middle').attr('fill', INK.muted)
          .attr('font-size', 14).text('No meetings in this window.');
      }
    },
  });
}
