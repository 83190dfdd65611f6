import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { elementSpans, SpanScanner } from '../../../src/domain/engine/recordBytes';

const encode = (text: string) => new TextEncoder().encode(text);

/** Every span read back with JSON.parse. */
function readAll(bytes: Uint8Array, spans: { starts: Float64Array; ends: Float64Array }): unknown[] {
  const decoder = new TextDecoder();
  return Array.from(spans.starts, (s, i) => JSON.parse(decoder.decode(bytes.subarray(s, spans.ends[i]))));
}

// Strings full of what a scanner can trip on: quotes, backslashes, brackets, braces, commas, colons, multi-byte text.
const awkward = fc.string({ unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'a', 'é', '中', '😀', '\n', '\u2028') });
const meeting = fc.record({ id: fc.stringMatching(/^[a-z0-9-]{1,8}$/), summary: awkward, topics: fc.array(awkward, { maxLength: 3 }), nested: fc.record({ list: fc.array(fc.record({ q: awkward }), { maxLength: 2 }) }) });
const dataset = fc.record({ title: awkward, meetings: fc.array(meeting, { maxLength: 12 }), actors: fc.array(fc.record({ id: awkward }), { maxLength: 3 }), extra: fc.array(fc.array(fc.nat(), { maxLength: 2 }), { maxLength: 2 }) });

describe("a JSON text's record spans", () => {
  it('read back as exactly the records JSON.parse gives, compact or indented, fed whole or in any pieces', () => {
    fc.assert(
      fc.property(dataset, fc.boolean(), fc.array(fc.nat(), { maxLength: 6 }), (data, indent, cuts) => {
        const bytes = encode(JSON.stringify(data, null, indent ? 2 : undefined));
        const whole = elementSpans(bytes, 'meetings', data.meetings.length);
        expect(whole).not.toBeNull();
        expect(readAll(bytes, whole!)).toEqual(JSON.parse(new TextDecoder().decode(bytes)).meetings);
        // The download's pieces split anywhere: inside a string, after a backslash, inside a multi-byte character.
        const scanner = new SpanScanner();
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        let from = 0;
        for (const p of [...points, bytes.length]) {
          scanner.push(bytes.subarray(from, p));
          from = p;
        }
        const pieces = scanner.spansOf(bytes, 'meetings', data.meetings.length);
        expect(pieces && { starts: Array.from(pieces.starts), ends: Array.from(pieces.ends) }).toEqual({ starts: Array.from(whole!.starts), ends: Array.from(whole!.ends) });
      }),
      { numRuns: 300 },
    );
  });

  it('takes the last of two keys of that name, as JSON.parse does, and allows a byte-order mark', () => {
    const text = '\ufeff{"meetings":[{"id":"a"}],"x":1,"meetings" : [ {"id":"b"} , {"id":"c","t":"}]\\"{"} ]}';
    const bytes = encode(text);
    const spans = elementSpans(bytes, 'meetings', 2);
    expect(readAll(bytes, spans!)).toEqual([{ id: 'b' }, { id: 'c', t: '}]"{' }]);
    expect(elementSpans(bytes, 'meetings', 1)).toBeNull();
  });

  it('gives no spans when they are not certain: an escaped key, another count, scalars, not an object, cut short', () => {
    expect(elementSpans(encode('{"meet\\u0069ngs":[{"id":"a"}]}'), 'meetings', 1)).toBeNull();
    // A later key that ends like the real one after an escaped quote must not pass for it.
    expect(elementSpans(encode('{"meetings":[{"id":"a"}],"x\\"meetings":[{"id":"forged"}]}'), 'meetings', 1)).toBeNull();
    expect(elementSpans(encode('{"meetings":[{"id":"a"},{"id":"b"}]}'), 'meetings', 3)).toBeNull();
    expect(elementSpans(encode('{"meetings":[{"id":"a"},2]}'), 'meetings', 2)).toBeNull();
    expect(elementSpans(encode('{"meetings":[[1],{"id":"b"}]}'), 'meetings', 2)).toBeNull();
    expect(elementSpans(encode('{"other":[{"id":"a"}]}'), 'meetings', 1)).toBeNull();
    expect(elementSpans(encode('{"meetings":[{"id":"a"}'), 'meetings', 1)).toBeNull();
    const sheet = new SpanScanner();
    sheet.push(encode('id\tdate\n{"meetings":[]}'));
    expect(sheet.alive).toBe(false);
  });
});
