import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeMeeting, encodeMeetings } from '../../../src/domain/engine/meetingCodec';
import { RecordTexts, textChunk } from '../../../src/domain/engine/recordText';
import { importText } from '../../../src/domain/import/pipeline';

const text = fc.string({ unit: 'binary', maxLength: 12 });
// The shape an event file's import writes, with every optional part present or not.
const meeting = fc
  .record({
    id: text, date: text, datePrecision: text, earliest: text, latest: text, dateNote: text, type: text, cameo: text,
    location: fc.option(text, { nil: undefined }),
    coordinates: fc.option(fc.record({ latitude: fc.double({ min: -90, max: 90, noNaN: true }), longitude: fc.double({ min: -180, max: 180, noNaN: true }) }), { nil: undefined }),
    participants: fc.array(fc.record({ actorId: text, role: fc.option(text, { nil: undefined }) }), { maxLength: 4 }),
    topics: fc.array(text, { maxLength: 2 }),
    summary: text,
    locator: fc.option(text, { nil: undefined }),
    sourceId: text,
  })
  .map(({ location, coordinates, participants, locator, sourceId, topics, summary, ...head }) => ({
    ...head,
    ...(location !== undefined ? { location } : {}),
    ...(coordinates ? { coordinates: { latitude: coordinates.latitude + 0, longitude: coordinates.longitude + 0 } } : {}),
    participants: participants.map(({ actorId, role }) => (role === undefined ? { actorId } : { actorId, role })),
    topics,
    summary,
    evidence: [locator === undefined ? { sourceId } : { sourceId, locator }],
  }));

const asJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe("an event file's meetings coded for the hand-over", () => {
  it('read back as their JSON would be: the same values, keys in the same order', () => {
    fc.assert(
      fc.property(fc.array(meeting, { maxLength: 12 }), fc.nat(), (meetings, cut) => {
        const from = meetings.length ? cut % meetings.length : 0;
        const coded = encodeMeetings(meetings, from, meetings.length);
        expect(coded).not.toBeNull();
        meetings.slice(from).forEach((m, k) => {
          const back = decodeMeeting(coded!, k);
          expect(back).toEqual(asJson(m));
          expect(JSON.stringify(back)).toBe(JSON.stringify(m));
        });
      }),
      { numRuns: 400 },
    );
  });

  it('are left to JSON when any record has another shape', () => {
    const base = asJson(fc.sample(meeting, { numRuns: 1, seed: 3 })[0]) as Record<string, unknown>;
    expect(encodeMeetings([base], 0, 1)).not.toBeNull();
    const { id, ...noId } = base;
    const others: unknown[] = [
      { ...base, quote: 'x' },
      { id, ...noId, date: 1 },
      { date: base.date, id, ...noId },
      { ...base, evidence: [{ sourceId: 's' }, { sourceId: 't' }] },
      { ...base, evidence: [{ sourceId: 's', quote: 'q' }] },
      { ...base, evidence: [{ locator: 'l', sourceId: 's' }] },
      { ...base, participants: [{ actorId: 'a', role: undefined }] },
      { ...base, participants: [{ role: 'host', actorId: 'a' }] },
      { ...base, coordinates: { latitude: Number.NaN, longitude: 1 } },
      { ...base, coordinates: { latitude: -0, longitude: 1 } },
      { ...base, coordinates: { longitude: 1, latitude: 1 } },
      { ...base, topics: [1] },
      Object.assign(Object.create({ inherited: true }), base),
      null,
    ];
    for (const other of others) expect(encodeMeetings([base, other], 0, 2)).toBeNull();
    // eslint-disable-next-line no-sparse-arrays
    expect(encodeMeetings([base, , base], 0, 3)).toBeNull();
  });

  it("round-trip a real import's meetings through the page's record store, coded chunks and JSON chunks side by side", () => {
    const outcome = importText(readFileSync('tests/fixtures/import/icews-sample.tab', 'utf8'), 'e.tab');
    if (!outcome.ok) throw new Error('fixture');
    const meetings = [...outcome.dataset.meetings, { ...outcome.dataset.meetings[0]!, id: 'other-shape', occasion: 'x' }];
    const texts = new RecordTexts<unknown>(meetings.length, 2, true);
    for (let offset = 0; offset < meetings.length; offset += 2) texts.add(offset, textChunk(meetings, offset, Math.min(meetings.length, offset + 2), true));
    expect('coded' in textChunk(meetings, 0, 2, true)).toBe(true);
    expect('coded' in textChunk(meetings, 2, 4, true)).toBe(false);
    expect(meetings.map((_, i) => texts.read(i))).toEqual(asJson(meetings));
    // Sources are never coded; a coded chunk cut short is refused.
    const sources = new RecordTexts<unknown>(2, 2);
    expect(() => sources.add(0, textChunk(meetings, 0, 2, true))).toThrow(/not a whole chunk/);
    const coded = encodeMeetings(meetings, 0, 2)!;
    expect(() => new RecordTexts<unknown>(2, 2, true).add(0, { coded: { ...coded, text: coded.text.slice(1) } })).toThrow(/not a whole chunk/);
  });
});
