import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import Papa from 'papaparse';
import { parseDatasetText } from '../../src/domain/validate';
import { generateSynthetic } from '../../scripts/generate-synthetic';
import { openApp, useBrowser, waitForViews } from './browser';
import { expectViewsAgree, network, seriousAxeViolations, shownCount, TOTAL } from './helpers';

const BUNDLED_VERSION = (JSON.parse(readFileSync('public/data/meetings.json', 'utf8')) as { version: string }).version;

const browser = useBrowser();

interface Saved {
  name: string;
  bytes: Buffer;
  text: string;
  status: string;
}

/** Chooses an export as a person would (keyboard: focus, Enter, arrows, Enter; or two clicks) and captures the download. */
async function exportVia(page: Page, label: string, via: 'keyboard' | 'click'): Promise<Saved> {
  const button = page.getByRole('button', { name: 'Export', exact: true });
  const downloaded = page.waitForEvent('download');
  if (via === 'keyboard') {
    await button.focus();
    await page.keyboard.press('Enter');
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.textContent)) !== label; i++) await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    await page.keyboard.press('Enter');
  } else {
    await button.click();
    await page.getByRole('menuitem', { name: label, exact: true }).click();
  }
  const download = await downloaded;
  const bytes = readFileSync((await download.path())!);
  const status = page.locator('.export-status');
  await expect.poll(() => status.textContent()).toContain(`Saved ${download.suggestedFilename()}`);
  return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8'), status: (await status.textContent()) ?? '' };
}

const pngSize = (png: Buffer) => {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
};
const svgSize = (svg: string) => {
  const m = /<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svg);
  if (!m) throw new Error('no size on the svg element');
  return { width: Number(m[1]), height: Number(m[2]) };
};
const networkCounts = async (page: Page) => {
  const root = network(page).locator('[data-rendered-nodes]');
  return { nodes: Number(await root.getAttribute('data-rendered-nodes')), edges: Number(await root.getAttribute('data-total-edges')), mode: await root.getAttribute('data-mode') };
};

describe('exports', () => {
  it('every choice of the Export menu saves what the filtered view shows', async () => {
    const { page, context, errors } = await openApp(browser());
    await waitForViews(page, TOTAL);
    await page.getByRole('group', { name: 'Country or organization' }).getByRole('checkbox', { name: /^Syria/ }).check();
    await expectViewsAgree(page, 11);
    await network(page).locator('[data-layout="settled"]').waitFor({ state: 'attached' });
    const counts = await networkCounts(page);
    expect(counts.mode).toBe('svg');
    // The open menu passes axe, and Escape hands focus back to its button.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menu', { name: 'Export' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('false');

    const csv = await exportVia(page, 'Meetings as CSV', 'keyboard');
    expect(csv.name).toBe('parley-meetings-syria.csv');
    const rows = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(rows.errors).toEqual([]);
    expect(rows.data).toHaveLength(11);
    expect(rows.data.every((r) => r['participant countries']!.split('; ').includes('SYR'))).toBe(true);
    // Focus is back on the menu button after a choice.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe('menu');

    const json = await exportVia(page, 'Dataset as JSON', 'click');
    expect(json.name).toBe('parley-dataset-syria.json');
    const parsed = parseDatasetText(json.text);
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    expect(parsed.dataset.meetings.map((m) => m.id).sort()).toEqual(rows.data.map((r) => r.id).sort());

    const gexf = await exportVia(page, 'Network as GEXF', 'keyboard');
    expect(gexf.name).toBe('parley-network-syria.gexf');
    const fromGexf = parseGexf(Graph, gexf.text);
    expect([fromGexf.order, fromGexf.size]).toEqual([counts.nodes, counts.edges]);
    expect(await network(page).locator('.network-summary').textContent()).toContain(`${counts.nodes} actors, ${counts.edges} links`);

    const graphml = await exportVia(page, 'Network as GraphML', 'click');
    const fromGraphml = parseGraphml(Graph, graphml.text);
    expect([fromGraphml.order, fromGraphml.size]).toEqual([counts.nodes, counts.edges]);
    expect(fromGraphml.getNodeAttribute('khaji', 'label')).toBe('Ali Asghar Khaji');

    const networkSvg = await exportVia(page, 'Network as SVG', 'keyboard');
    expect(networkSvg.name).toBe('parley-network-syria.svg');
    for (const text of ['Khaji', 'Assad', 'Legend', 'Syria', '(SYR)', 'Filters: ', `dataset version ${BUNDLED_VERSION}`]) expect(networkSvg.text).toContain(text);
    expect(networkSvg.text.match(/<circle/g)!.length).toBeGreaterThanOrEqual(counts.nodes);
    const frame = (await network(page).locator('.network-host').boundingBox())!;
    expect(svgSize(networkSvg.text).width).toBe(Math.max(640, Math.round(frame.width) + 48));

    const networkPng = await exportVia(page, 'Network as PNG', 'click');
    expect(networkPng.name).toBe('parley-network-syria.png');
    const stated = svgSize(networkSvg.text);
    expect(pngSize(networkPng.bytes)).toEqual({ width: stated.width * 2, height: stated.height * 2 });
    expect(networkPng.status).toContain(`(2× ${stated.width} × ${stated.height})`);

    const timelineSvg = await exportVia(page, 'Timeline as SVG', 'keyboard');
    expect(timelineSvg.name).toBe('parley-timeline-syria.svg');
    for (const text of ['Khaji', 'Legend', 'meeting dated to the day', 'Timeline']) expect(timelineSvg.text).toContain(text);
    const timelinePng = await exportVia(page, 'Timeline as PNG', 'keyboard');
    const statedTimeline = svgSize(timelineSvg.text);
    expect(pngSize(timelinePng.bytes)).toEqual({ width: statedTimeline.width * 2, height: statedTimeline.height * 2 });

    // Dataset as JSON → open it → the same view: the same 11 meetings, now as the whole dataset.
    await page.locator('input[type="file"]').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: json.bytes });
    await expect.poll(() => page.locator('.count-status').textContent()).toBe('11 meetings');
    await expectViewsAgree(page, 11);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the canvas network exports crisply from its layout, with the counts it shows', async () => {
    const { page, context } = await openApp(browser());
    await waitForViews(page, TOTAL);
    const body = generateSynthetic({ meetings: 1500, actors: 600, seed: 7 });
    await page.route('**/big.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    await page.goto(page.url() + '?data=big.json');
    await expect.poll(() => shownCount(page), { timeout: 30_000 }).toBe(1500);
    await expect.poll(async () => (await networkCounts(page)).mode, { timeout: 30_000 }).toBe('canvas');
    const counts = await networkCounts(page);
    // 600 actors is past the drawing cap: the panel says how many of how many it draws, and the data export carries the
    // whole network of the view (nothing dropped), while the figure shows what is drawn.
    const summary = (await network(page).locator('.network-summary').textContent()) ?? '';
    const stated = /showing ([\d,]+) of ([\d,]+) actors and ([\d,]+) of ([\d,]+) links/.exec(summary);
    expect(stated, summary).not.toBeNull();
    const [drawnActors, allActors, , allLinks] = stated!.slice(1).map((n) => Number(n.replace(/,/g, '')));
    expect(drawnActors).toBe(counts.nodes);
    expect(allActors).toBeGreaterThan(drawnActors!);
    const gexf = parseGexf(Graph, (await exportVia(page, 'Network as GEXF', 'click')).text);
    expect([gexf.order, gexf.size]).toEqual([allActors, allLinks]);
    const svg = await exportVia(page, 'Network as SVG', 'click');
    expect(svg.text.match(/<circle/g)!.length).toBeGreaterThanOrEqual(counts.nodes);
    expect(svg.text).toContain('Legend');
    const png = await exportVia(page, 'Network as PNG', 'keyboard');
    const size = svgSize(svg.text);
    expect(pngSize(png.bytes)).toEqual({ width: size.width * 2, height: size.height * 2 });
    await context.close();
  });
});
