import { vi } from 'vitest';
import type { Actor, Dataset, Meeting } from '../../../src/domain/schema';
import { msToIso, DAY_MS } from '../../../src/domain/dates';

export const XSS = '<img src=x onerror=alert(1)>';

export const actors: Actor[] = [
  { id: 'khaji', name: 'Ali Asghar Khaji', aliases: ['Ali Asghar Khaji', 'Asghar Khaji', 'Khaji'], kind: 'person', affiliation: 'IRN', roles: [] },
  { id: 'pedersen', name: 'Geir O. Pedersen', aliases: ['Geir Pedersen', 'Pedersen', 'Pederson'], kind: 'person', affiliation: 'UN', roles: [] },
  { id: 'muallem', name: 'Walid al-Muallem', aliases: ['Walid al-Muallem', 'Walid al-Moallem'], kind: 'person', affiliation: 'SYR', roles: [] },
  { id: 'abdollahian', name: 'Hossein Amir Abdollahian', aliases: ['Hossein Amir Abdollahian', 'Amir Abdollahian'], kind: 'person', affiliation: 'IRN', roles: [] },
  { id: 'officials', name: 'Senior Syrian officials (unnamed)', aliases: ['senior Syrian officials'], kind: 'organization', affiliation: 'SYR', roles: [] },
  { id: 'evil', name: XSS, aliases: [], kind: 'person', affiliation: 'SYR', roles: [] },
];

export function meeting(id: string, over: Partial<Meeting> = {}): Meeting {
  return {
    id,
    date: '2020-08-17',
    datePrecision: 'day',
    earliest: '2020-08-17',
    latest: '2020-08-17',
    dateNote: 'Stated.',
    type: 'meeting',
    cameo: '040',
    participants: [{ actorId: 'khaji' }, { actorId: 'pedersen' }],
    topics: [],
    summary: 'They met.',
    evidence: [{ sourceId: 's', quote: 'They met.' }],
    ...over,
  };
}

export function dataset(meetings: Meeting[]): Dataset {
  return {
    version: '1',
    title: 'Timeline test',
    countries: [
      { code: 'IRN', name: 'Iran', kind: 'country' },
      { code: 'SYR', name: 'Syria', kind: 'country' },
      { code: 'UN', name: 'United Nations', kind: 'organization' },
    ],
    sources: [{ id: 's', title: 'S', publisher: null, published: null, text: 'They met.' }],
    actors,
    topics: [],
    meetings,
  };
}

/** `n` day-precision meetings, one every `everyDays` days from 2000-01-01, in date order. */
export function manyMeetings(n: number, everyDays = 1): Meeting[] {
  const t0 = Date.UTC(2000, 0, 1);
  return Array.from({ length: n }, (_, i) => {
    const day = msToIso(t0 + Math.floor(i * everyDays) * DAY_MS);
    return meeting(`m-${i}`, { date: day, earliest: day, latest: day });
  });
}

/**
 * jsdom has no canvas: hands out a 2D context that records what the last paint drew (texts and bars).
 * Restored by vi.restoreAllMocks or at the end of the test file.
 */
export function recordCanvas() {
  const drawn = { texts: [] as string[], bars: 0 };
  const ctx = {
    setTransform: () => undefined,
    clearRect: () => {
      drawn.texts = [];
      drawn.bars = 0;
    },
    fillRect: () => void drawn.bars++,
    fillText: (text: string) => void drawn.texts.push(text),
  } as unknown as CanvasRenderingContext2D;
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as never);
  return drawn;
}
