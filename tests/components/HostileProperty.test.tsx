import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/App';
import type { Dataset } from '../../src/domain/schema';
import { validateDataset } from '../../src/domain/validate';
import { meetingCountText } from '../../src/domain/countText';
import { selectTotalCount, selectVisibleCount } from '../../src/state/selectors';
import { useStore } from '../../src/state/store';
import { bindUrl, initialDataUrl } from '../../src/state/url/bindUrl';
import { CANONICAL_ORDER } from '../../src/state/url/params';
import { loadIntoStore, smallDataset } from '../fixtures/smallDataset';
import { loadVisLibrary } from '../../src/viz/timeline/visLibrary';

// The timeline's library is a chunk of its own in the app (main.tsx starts loading it); here it is loaded up front.
beforeAll(() => loadVisLibrary());

/**
 * Random hostile strings in every free-text field of a small dataset and in every URL parameter, the whole App
 * rendered: nothing throws, nothing from the data becomes an element or an attribute, and the counts agree.
 */
const PIECES = [
  '\u202E', // right-to-left override
  '\u200F', // right-to-left mark
  '\u2066', // left-to-right isolate, never closed
  '\u200B', // zero-width space
  '\uFEFF',
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '😀',
  'مرحبا',
  'constructor',
  '__proto__',
  'hasOwnProperty',
  'toString',
  '.*+?^${}()|[]\\',
  '(a+)+$',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '" onmouseover="alert(1)',
  '<svg onload=alert(1)>',
  'javascript:alert(1)',
  '&lt;b&gt;',
  '%00%E2%80%AE',
  ' \t\n ',
];
const LONG_RUN = fc.constantFrom('x', '\u202E', '\u200B', 'ab ').map((s) => s.repeat(30_000));
const hostile = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: LONG_RUN },
);

/** Keys holding ids, codes, dates and enumerations: the schema decides those, so they keep their valid values. */
const STRUCTURAL = new Set([
  '$schema', 'id', 'actorId', 'sourceId', 'affiliation', 'code', 'kind', 'type', 'cameo', 'date', 'datePrecision', 'earliest', 'latest',
  'from', 'to', 'published', 'retrieved', 'occasion', 'context', 'relation', 'version', 'cameoPerspective', 'url', 'role', 'topics', 'participants',
]);

/** Every free-text string field of the small dataset, as paths, in a fixed order. */
function textPaths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof value === 'string') out.push(path);
  else if (Array.isArray(value)) value.forEach((v, i) => textPaths(v, [...path, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) if (!STRUCTURAL.has(k) && k !== 'quote') textPaths(v, [...path, k], out);
  return out;
}
const PATHS = textPaths(smallDataset);

function hostileDataset(values: string[], quotes: string[]): Dataset {
  const ds = structuredClone(smallDataset) as unknown as Record<string, unknown>;
  PATHS.forEach((path, i) => {
    let at = ds as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    const key = path[path.length - 1]!;
    // Names and labels need a visible character (the validator rejects invisible ones): keep one in front.
    at[key] = `${key === 'text' ? at[key] : 'N'} ${values[i % values.length]}`;
  });
  const dataset = ds as unknown as Dataset;
  // A quote must occur verbatim in its source: each hostile quote is appended to the source text.
  dataset.meetings.forEach((m, i) => {
    const evidence = m.evidence[0];
    const source = dataset.sources.find((s) => s.id === evidence?.sourceId);
    if (!evidence || !source?.text) return;
    evidence.quote = `Q${i} ${quotes[i % quotes.length]}`;
    source.text = `${source.text} ${evidence.quote}`;
  });
  return dataset;
}

/** Elements and attributes a string parsed as HTML would have created. */
function injected(root: Element): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (['IMG', 'SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName)) found.push(el.tagName);
    if (el.tagName === 'svg' && el.hasAttribute('onload')) found.push('svg[onload]');
    for (const attr of el.attributes) if (attr.name.startsWith('on')) found.push(`${el.tagName}[${attr.name}]`);
    const href = el.getAttribute('href');
    if (href && /^\s*javascript:/i.test(href)) found.push(`${el.tagName}[href=javascript:]`);
  }
  return found;
}

const PARAMS = CANONICAL_ORDER;
const VALID: Record<string, string[]> = {
  actor: ['khaji', 'khaji,assad'], country: ['IRN'], topic: ['astana'], from: ['2019-01-01'], to: ['2021-12-31'], q: ['Khaji'],
  between: ['IRN~SYR'], select: ['meeting:m-khaji-assad-2019', 'actor:khaji'], window: ['2019-01-01..2020-12-31', '0000-01-01..9999-12-31'],
  follow: ['1'], lanes: ['country'], play: ['1y'], speed: ['2'], view: ['table'], size: ['degree'], color: ['community'], ego: ['khaji'], depth: ['2'], data: ['data/x.json'],
};
const query = fc
  .tuple(...PARAMS.map((name) => fc.option(fc.oneof(hostile, fc.constantFrom(...(VALID[name] ?? ['x']))), { nil: undefined })))
  .map((values) => {
    const params = new URLSearchParams();
    values.forEach((v, i) => v !== undefined && params.append(PARAMS[i]!, v));
    return params.toString();
  });

describe('hostile strings everywhere (property)', () => {
  afterEach(() => {
    cleanup();
    history.replaceState(null, '', '/');
    vi.restoreAllMocks();
  });

  it('renders without an error, without markup from the data, with counts that agree', () => {
    const failures: string[] = [];
    const consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      const text = args.map(String).join(' ');
      failures.push(text.slice(0, 300));
    });
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 3, maxLength: 6 }), fc.array(hostile, { minLength: 1, maxLength: 3 }), query, (values, quotes, search) => {
        failures.length = 0;
        const dataset = hostileDataset(values, quotes);
        const checked = validateDataset(dataset);
        expect(checked.ok ? [] : checked.issues).toEqual([]);
        history.replaceState(null, '', `/?${search}`);
        loadIntoStore(dataset);
        initialDataUrl();
        const unbind = bindUrl();
        try {
          const { container, unmount } = render(<App />);
          const state = useStore.getState();
          expect(failures).toEqual([]);
          expect(injected(document.body)).toEqual([]);
          expect(container.querySelector('header .count-status')).toHaveTextContent(meetingCountText(selectVisibleCount(state), selectTotalCount(state)));
          // The detail of a meeting with every source text open: quotes are located in hostile text.
          act(() => useStore.getState().select({ kind: 'meeting', id: dataset.meetings[0]!.id }));
          for (const button of screen.queryAllByRole('button', { name: 'Show source text' })) fireEvent.click(button);
          expect(container.querySelectorAll('.source-text mark').length).toBeGreaterThan(0);
          expect(injected(document.body)).toEqual([]);
          act(() => useStore.getState().setMode('table'));
          const table = container.querySelector('table');
          const rows = table ? table.querySelectorAll('tbody tr').length : 0;
          expect(rows).toBe(selectVisibleCount(useStore.getState()));
          expect(injected(document.body)).toEqual([]);
          expect(failures).toEqual([]);
          unmount();
        } finally {
          unbind();
        }
      }),
      { numRuns: 5, endOnFailure: true },
    );
    expect(consoleError).toHaveBeenCalledTimes(0);
  });

  it('would notice markup made from data (the check itself can fail)', () => {
    const probe = document.createElement('div');
    probe.innerHTML = '<img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>';
    expect(injected(probe)).toEqual(['IMG', 'IMG[onerror]', 'A[href=javascript:]']);
  });
});
