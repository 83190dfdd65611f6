import { describe, expect, it } from 'vitest';
import { meetingsToCsv } from '../../../src/domain/export/meetingsCsv';
import { importText } from '../../../src/domain/import/pipeline';
import type { DatasetIndex } from '../../../src/domain/indexes';
import type { Dataset } from '../../../src/domain/schema';
import { bundledIndex, hostileIndex } from './fixtures';

/** What the meetings-sheet layout carries for a meeting: the fields a re-import must give back unchanged. */
function sheetFields(ds: Dataset) {
  const actor = new Map(ds.actors.map((a) => [a.id, a]));
  const topic = new Map(ds.topics.map((t) => [t.id, t.label]));
  const source = new Map(ds.sources.map((s) => [s.id, s.url ?? s.title]));
  return new Map(
    ds.meetings.map((m) => [
      m.id,
      {
        date: m.date,
        datePrecision: m.datePrecision,
        type: m.type,
        location: m.location,
        summary: m.summary,
        participants: m.participants.map((p) => actor.get(p.actorId)!.name),
        affiliations: m.participants.map((p) => actor.get(p.actorId)!.affiliation),
        topics: m.topics.map((t) => topic.get(t)),
        source: source.get(m.evidence[0]!.sourceId),
        quote: m.evidence[0]!.quote,
      },
    ]),
  );
}

function roundTrip(index: DatasetIndex, positions: Int32Array) {
  const outcome = importText(meetingsToCsv(index, positions), 'parley-meetings.csv');
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  expect(outcome.problems).toEqual([]);
  const original = sheetFields({ ...index.dataset, meetings: Array.from(positions, (p) => index.meetings[p]!) });
  expect(sheetFields(outcome.dataset)).toEqual(original);
  return outcome;
}

describe('Meetings as CSV → import → the same meetings', () => {
  it('the bundled dataset, all of it and a filtered part', () => {
    const index = bundledIndex();
    const outcome = roundTrip(index, index.order);
    expect(outcome.meetings).toBe(index.meetings.length);
    expect(outcome.format).toMatch(/meetings sheet/);
    // The extra columns are listed as ignored, not lost silently.
    expect(outcome.unmatched).toEqual(expect.arrayContaining(['earliest', 'latest', 'date note', 'participant roles', 'quote 2']));
    roundTrip(index, index.order.slice(3, 7));
  });

  it('formula-like cells, quotes, line breaks and right-to-left names come back exactly', () => {
    const index = hostileIndex();
    roundTrip(index, index.order);
  });
});
