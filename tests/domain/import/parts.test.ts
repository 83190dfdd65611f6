import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBytes } from '../../../src/domain/import/decode';
import { resolveAffiliation } from '../../../src/domain/import/countries';
import { SlugRegistry, shortHash, slugify } from '../../../src/domain/import/slug';
import { parseSheetDate } from '../../../src/domain/import/sheetDates';
import { validateDataset, formatIssue } from '../../../src/domain/validate';
import type { Dataset } from '../../../src/domain/schema';

const utf16 = (text: string, endian: 'le' | 'be') => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i + (endian === 'le' ? 0 : 1)] = c & 0xff;
    out[2 + 2 * i + (endian === 'le' ? 1 : 0)] = c >> 8;
  }
  return out;
};

describe('decodeBytes', () => {
  it('decodes by byte-order mark and removes it', () => {
    const text = 'date,participants\n2020,علی; Zarif';
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toEqual({ ok: true, text, encoding: 'utf-8' });
    expect(decodeBytes(utf16(text, 'le'))).toEqual({ ok: true, text, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(text, 'be'))).toEqual({ ok: true, text, encoding: 'utf-16be' });
  });

  it('names the line of the first invalid UTF-8 byte', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a,b\n1,2\n'), 0xff, 0x41]);
    const decoded = decodeBytes(bytes);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toMatch(/not UTF-8.*line 3/);
  });
});

describe('countries', () => {
  it.each([
    ['IRN', 'IRN'], ['ir', 'IRN'], ['Iran', 'IRN'], ['Iran, Islamic Republic of', 'IRN'], ['Syria', 'SYR'], ['syrian arab republic', 'SYR'],
    ['Laos', 'LAO'], ['Moldova', 'MDA'], ['Burma', 'MMR'], ['Türkiye', 'TUR'], ['Turkey', 'TUR'], ['Côte d’Ivoire', 'CIV'], ['United States', 'USA'],
    ['UN', 'UN'], ['AU', 'AU'], ['European Union', 'EU'], ['nato', 'NATO'], ['ASEAN', 'ASEAN'], ['Arab League', 'ARAB-LEAGUE'],
  ])('%s → %s', (raw, code) => {
    expect(resolveAffiliation(raw)?.code).toBe(code);
  });

  it('keeps organisations apart from countries and rejects unknown names', () => {
    expect(resolveAffiliation('AU')).toMatchObject({ kind: 'organization', name: 'African Union' });
    expect(resolveAffiliation('Syria')).toMatchObject({ kind: 'country', name: 'Syria' });
    expect(resolveAffiliation('Narnia')).toBeNull();
    expect(resolveAffiliation('ZZZ')).toBeNull();
    expect(resolveAffiliation('')).toBeNull();
  });
});

describe('slugs', () => {
  it('are readable for Latin names and stable hashes otherwise', () => {
    expect(slugify('José Ángel Zarif')).toBe('jose-angel-zarif');
    expect(slugify('  Ali   Asghar Khaji ')).toBe('ali-asghar-khaji');
    expect(slugify('علی اصغر خاجی')).toMatch(/^a-[0-9a-z]{7}$/);
    expect(slugify('علی اصغر خاجی')).toBe(slugify('علی اصغر خاجی'));
    expect(slugify('علی اصغر خاجی')).not.toBe(slugify('محمد جواد ظریف'));
    // Mixed scripts keep the readable part and stay unique.
    expect(slugify('Khaji خاجی')).toMatch(/^khaji-[0-9a-z]{7}$/);
    expect(slugify('Лавров')).toMatch(/^a-[0-9a-z]{7}$/);
  });

  it('are the same with or without the ASCII short cut, for any name (ids must not change between versions)', () => {
    // The slug as it was computed before ASCII names skipped Unicode normalization.
    const byNormalizing = (name: string, prefix = 'a') => {
      const normalized = name.normalize('NFKC').trim().replace(/\s+/g, ' ');
      const latin = normalized.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ß/g, 'ss')
        .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '');
      const lossy = /[\p{L}\p{N}]/u.test(normalized.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[A-Za-z0-9ß]/g, ''));
      if (!latin) return `${prefix}-${shortHash(normalized.toLowerCase())}`;
      if (lossy || latin.length === 48) return `${latin}-${shortHash(normalized.toLowerCase())}`;
      return /^[a-z0-9]/.test(latin) ? latin : `${prefix}-${latin}`;
    };
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 70 });
    // Lower-case words and single spaces take a shortcut: the same slug, up to and past the longest slug.
    const plain = fc.array(fc.stringMatching(/^[a-z0-9]{1,12}$/), { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
    fc.assert(fc.property(fc.oneof(ascii, plain, fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('story 38551234', 'ICEWS story 38551234', '  Ali   Asghar Khaji ', 'José', 'Straße', 'ﬁle')), (name) => {
      expect(slugify(name)).toBe(byNormalizing(name));
      expect(slugify(name, 's')).toBe(byNormalizing(name, 's'));
    }), { numRuns: 600 });
  });

  it('separate names that give one slug', () => {
    const ids = new SlugRegistry();
    expect(ids.idFor('josé', 'José')).toBe('jose');
    expect(ids.idFor('jose', 'Jose')).toMatch(/^jose-[0-9a-z]{7}$/);
    expect(ids.idFor('josé', 'José')).toBe('jose');
  });
});

describe('sheet dates', () => {
  it('read every precision strictly', () => {
    expect(parseSheetDate('2020-7')).toEqual({ date: '2020-07', datePrecision: 'month', earliest: '2020-07-01', latest: '2020-07-31' });
    expect(parseSheetDate('2024-02')).toMatchObject({ latest: '2024-02-29' });
    expect(parseSheetDate('0044-03-15')).toMatchObject({ date: '0044-03-15' });
    expect(parseSheetDate('0044-02')).toMatchObject({ latest: '0044-02-29' });
    expect(parseSheetDate('2021-00')).toEqual({ error: 'month 0 does not exist' });
    expect(parseSheetDate('2021-04-31')).toEqual({ error: 'day 31 does not exist in 2021-04' });
  });
});

describe('evidence without a quote or without a source text', () => {
  const base = (): Dataset => ({
    version: '1', title: 't',
    countries: [{ code: 'IRN', name: 'Iran', kind: 'country' }],
    sources: [{ id: 's', title: 'A report', publisher: null, published: null }, { id: 'full', title: 'Full', publisher: null, published: null, text: 'Khaji met Zarif.' }],
    actors: [
      { id: 'a', name: 'A', aliases: [], kind: 'person', affiliation: 'IRN', roles: [] },
      { id: 'b', name: 'B', aliases: [], kind: 'person', affiliation: 'IRN', roles: [] },
    ],
    topics: [],
    meetings: [{ id: 'm', date: '2020', datePrecision: 'year', earliest: '2020-01-01', latest: '2020-12-31', dateNote: 'n', type: 'meeting', cameo: '040', participants: [{ actorId: 'a' }, { actorId: 'b' }], topics: [], summary: 's', evidence: [{ sourceId: 's', quote: 'anything' }] }],
  });
  const issues = (ds: Dataset) => {
    const r = validateDataset(ds);
    return r.ok ? [] : r.issues.map(formatIssue);
  };

  it('accepts a quote whose source has no text, and a citation with no quote', () => {
    const ds = base();
    expect(issues(ds)).toEqual([]);
    ds.meetings[0]!.evidence = [{ sourceId: 's', locator: 'sentence 3' }];
    expect(issues(ds)).toEqual([]);
  });

  it('still checks quotes verbatim when the source has text', () => {
    const ds = base();
    ds.meetings[0]!.evidence = [{ sourceId: 'full', quote: 'Khaji met Assad' }];
    expect(issues(ds)).toEqual(['meetings[0].evidence[0].quote: quote does not occur verbatim in source "full"']);
  });
});

describe('npm run validate:data decodes like the app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-validate-'));
  const json = readFileSync('public/data/meetings.json', 'utf8');
  const run = (file: string) => execFileSync('npx', ['tsx', 'scripts/validate-data.ts', file], { encoding: 'utf8' });
  it('accepts a UTF-8 BOM and UTF-16 with a BOM', () => {
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${json}`);
    writeFileSync(join(dir, 'utf16.json'), utf16(json, 'le'));
    expect(run(join(dir, 'bom.json'))).toMatch(/valid — 13 meetings/);
    expect(run(join(dir, 'utf16.json'))).toMatch(/valid — 13 meetings/);
  }, 60_000);
});
