import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureIcews, writeIcews } from '../../scripts/bench/importTier';

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
  });
});
