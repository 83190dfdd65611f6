import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureIcews, ICEWS_YEAR, writeIcews } from '../../scripts/bench/importTier';

describe('benchmark ICEWS file', () => {
  it('is deterministic, has the ICEWS header, and imports with merged sentences and left-out non-contacts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-icews-'));
    writeIcews(join(dir, 'a.tsv'), 600, 3);
    writeIcews(join(dir, 'b.tsv'), 600, 3);
    const text = readFileSync(join(dir, 'a.tsv'), 'utf8');
    expect(text).toBe(readFileSync(join(dir, 'b.tsv'), 'utf8'));
    expect(text.split('\n')[0]).toMatch(/^Event ID\tEvent Date\tSource Name\t/);
    expect(text.trim().split('\n')).toHaveLength(601);
    const { meetings } = ensureIcews(dir, 600, 3);
    expect(meetings).toBeGreaterThan(200);
    expect(meetings).toBeLessThan(450); // pairs of rows merge and about a quarter are not contacts
    // The count is kept next to the file: asking again reads it instead of importing again.
    expect(JSON.parse(readFileSync(join(dir, 'icews-600-s3.tsv.meetings.json'), 'utf8'))).toMatchObject({ meetings });
  });

  it('scales to a year of event data: few contacts per row, many actors, one year', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-icews-'));
    const shape = { ...ICEWS_YEAR, actors: 500 };
    const { meetings, actors, name } = ensureIcews(dir, 5000, 2, shape);
    expect(name).toBe('icews-5000-500a-1y-s2.tsv');
    // one in five sentences a contact, 1.4 rows each: ~5000 × 0.22 / 1.09 ≈ 1,000 meetings
    expect(meetings).toBeGreaterThan(800);
    expect(meetings).toBeLessThan(1200);
    expect(actors).toBeGreaterThan(400);
    const days = new Set(readFileSync(join(dir, name), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[1]!.slice(0, 4)));
    expect([...days]).toEqual(['2018']);
  });
});
