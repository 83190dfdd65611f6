import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetToJson, subsetDataset } from '../../../src/domain/export/datasetJson';
import { EMPTY_FILTERS, filterMeetings, type Filters } from '../../../src/domain/filters';
import { buildIndex } from '../../../src/domain/indexes';
import { parseDatasetText } from '../../../src/domain/validate';
import { bundled, bundledIndex, hostileIndex } from './fixtures';

const VIEWS: [string, Filters][] = [
  ['no filters', EMPTY_FILTERS],
  ['Japan', { ...EMPTY_FILTERS, countries: ['JPN'] }],
  ['one actor', { ...EMPTY_FILTERS, actors: ['sosan'] }],
  ['a topic and a year', { ...EMPTY_FILTERS, topics: ['astana'], from: '2019-01-01', to: '2019-12-31' }],
  ['nothing matches', { ...EMPTY_FILTERS, q: 'no such words anywhere' }],
];

describe('Dataset as JSON', () => {
  it.each(VIEWS)('%s: valid, and holds exactly what its meetings use', (_, filters) => {
    const index = bundledIndex();
    const visible = filterMeetings(index, filters);
    const subset = subsetDataset(index, visible, 'Exported');
    const result = parseDatasetText(datasetToJson(subset));
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    expect(subset.meetings.map((m) => m.id).sort()).toEqual(Array.from(visible, (p) => index.meetings[p]!.id).sort());
    const used = new Set(subset.meetings.flatMap((m) => m.participants.map((p) => p.actorId)));
    expect(new Set(subset.actors.map((a) => a.id))).toEqual(used);
    expect(new Set(subset.topics.map((t) => t.id))).toEqual(new Set(subset.meetings.flatMap((m) => m.topics)));
    const cited = subset.meetings.flatMap((m) => [...m.evidence.map((e) => e.sourceId), ...(m.corroboration ?? []).map((c) => c.sourceId)]);
    expect(new Set(subset.sources.map((s) => s.id))).toEqual(new Set(cited));
    expect(new Set(subset.countries.map((c) => c.code))).toEqual(new Set(subset.actors.map((a) => a.affiliation)));
    // Same view: the file, loaded and filtered the same way, shows the same meetings.
    const reloaded = buildIndex(result.dataset);
    expect(Array.from(filterMeetings(reloaded, filters), (p) => reloaded.meetings[p]!.id)).toEqual(Array.from(visible, (p) => index.meetings[p]!.id));
  });

  it('unfiltered, it is the dataset itself (records untouched, in dataset order)', () => {
    const original = bundled();
    const subset = subsetDataset(bundledIndex(), bundledIndex().order);
    const { $schema: _, ...rest } = original;
    expect(subset).toEqual(rest);
  });

  it('keeps the occasions and corroborating sources its meetings cite, and only those', () => {
    const ds = bundled();
    const [first, second] = ds.meetings;
    ds.sources.push(
      { id: 'outside-1', title: 'Outside check', publisher: null, published: null, corroborating: true },
      { id: 'outside-2', title: 'Other check', publisher: null, published: null, corroborating: true },
    );
    ds.occasions = [{ id: 'trip-a', label: 'Trip A' }, { id: 'trip-b', label: 'Trip B' }];
    Object.assign(first!, { occasion: 'trip-a', order: 1, corroboration: [{ sourceId: 'outside-1', supports: 'the day' }] });
    Object.assign(second!, { occasion: 'trip-b', corroboration: [{ sourceId: 'outside-2', supports: 'the day' }] });
    const index = buildIndex(ds);
    const subset = subsetDataset(index, Int32Array.of(0));
    const result = parseDatasetText(datasetToJson(subset));
    if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    expect(subset.occasions).toEqual([{ id: 'trip-a', label: 'Trip A' }]);
    expect(subset.sources.map((s) => s.id)).toContain('outside-1');
    expect(subset.sources.map((s) => s.id)).not.toContain('outside-2');
  });

  it('passes the project validator script (npm run validate:data path)', () => {
    const index = hostileIndex();
    const dir = mkdtempSync(join(tmpdir(), 'parley-export-'));
    const file = join(dir, 'subset.json');
    writeFileSync(file, datasetToJson(subsetDataset(index, Int32Array.of(1), 'Exported: one meeting')));
    const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/validate-data.ts', file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('valid — 1 meetings, 2 actors');
    expect(run.status).toBe(0);
  }, 60_000); // starts a TypeScript runner in a child process
});
