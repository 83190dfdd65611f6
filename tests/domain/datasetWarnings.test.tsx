import { describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { formatIssue, MAX_ISSUES, validateDataset } from '../../src/domain/validate';
import { ErrorScreen } from '../../src/components/ErrorScreen';
import { smallDataset } from '../fixtures/smallDataset';

const copy = () => structuredClone(smallDataset) as unknown as Record<string, any>;

describe('names with no visible character', () => {
  it.each([
    ['actors', 0, 'name', '\u200b'],
    ['actors', 1, 'name', '\u200b\u200c\u2060\u202e'],
    ['topics', 0, 'label', '\u3164'],
    ['countries', 0, 'name', '\u0301'],
  ])('rejects %s[%i].%s = %j with its path', (list, i, field, value) => {
    const ds = copy();
    ds[list][i][field] = value;
    const result = validateDataset(ds);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map(formatIssue)).toContain(`${list}[${i}].${field}: has no visible character`);
  });

  it('rejects an invisible alias and keeps names with visible letters in any script', () => {
    const ds = copy();
    ds.actors[0].aliases.push('\u200b');
    const bad = validateDataset(ds);
    expect(!bad.ok && bad.issues.map(formatIssue)).toContain('actors[0].aliases[2]: has no visible character');
    const ok = copy();
    ok.actors[0].name = '\u200fعلی اصغر خاجی\u200e';
    expect(validateDataset(ok).ok).toBe(true);
  });
});

describe('unknown fields', () => {
  it('are reported as warnings with their path, and the dataset still loads', () => {
    const ds = copy();
    ds.meetings[1].locaton = 'Damascus';
    ds.meetings[2].evidence[0].qoute = 'x';
    ds.actors[0].nickname = 'K';
    ds.extra = 1;
    const result = validateDataset(ds);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map(formatIssue)).toEqual([
      'actors[0]: unknown field "\u2068nickname\u2069" was ignored',
      'meetings[1]: unknown field "\u2068locaton\u2069" was ignored (did you mean "location"?)',
      'meetings[2].evidence[0]: unknown field "\u2068qoute\u2069" was ignored (did you mean "quote"?)',
      'unknown field "\u2068extra\u2069" was ignored',
    ]);
    expect(result.warningTotal).toBe(4);
  });

  it('knows every field of the schema, including prototype-named keys as unknown', () => {
    expect(validateDataset(copy()).ok && (validateDataset(copy()) as { warnings: unknown[] }).warnings).toEqual([]);
    const ds = JSON.parse(JSON.stringify(smallDataset).replace('"id":"khaji"', '"constructor":1,"__proto__":2,"id":"khaji"'));
    const result = validateDataset(ds);
    expect(result.ok && result.warnings.map(formatIssue)).toEqual(['actors[0]: unknown field "\u2068constructor\u2069" was ignored', 'actors[0]: unknown field "\u2068__proto__\u2069" was ignored']);
  });
});

describe('absurdly long fields', () => {
  it('warn with the path and length; the dataset still loads', () => {
    const ds = copy();
    ds.meetings[0].summary = 'x'.repeat(100_000);
    const result = validateDataset(ds);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings.map(formatIssue)).toEqual(['meetings[0].summary: is 100,000 characters long (more than 10,000); it is shown shortened']);
  });
});

describe('the error total', () => {
  it('counts every problem while listing the first MAX_ISSUES', () => {
    const ds = copy();
    const m = ds.meetings[0];
    ds.meetings = Array.from({ length: 1500 }, (_, i) => ({ ...m, id: `m-${i}`, type: 'dinner' }));
    const result = validateDataset(ds);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(MAX_ISSUES);
    expect(result.total).toBe(1500);
    render(<ErrorScreen title="bad" issues={result.issues} total={result.total} onRetry={() => {}} onOpenBundled={() => {}} />);
    expect(screen.getByText(/The first 200 of 1,500 problems found are listed below/)).toBeInTheDocument();
    cleanup();
  });
});
