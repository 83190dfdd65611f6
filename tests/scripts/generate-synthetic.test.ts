import { describe, expect, it } from 'vitest';
import { generateSynthetic, parseGeneratorArgs } from '../../scripts/generate-synthetic';
import { validateDataset } from '../../src/domain/validate';
import type { Dataset } from '../../src/domain/schema';

const small = { meetings: 500, actors: 100, seed: 1 };
const text = generateSynthetic(small);
const dataset = JSON.parse(text) as Dataset;

describe('generateSynthetic', () => {
  it('produces identical output for the same seed and different output for another seed', () => {
    expect(generateSynthetic(small)).toBe(text);
    expect(generateSynthetic({ ...small, seed: 2 })).not.toBe(text);
  });

  it('passes the app validator, including verbatim quotes and every actor taking part', () => {
    const result = validateDataset(dataset);
    expect(result.ok ? [] : result.issues.slice(0, 5)).toEqual([]);
  });

  it('stays valid at another size and with non-default topic and country counts', () => {
    const other = JSON.parse(generateSynthetic({ meetings: 300, actors: 250, seed: 7, topics: 30, countries: 90 })) as Dataset;
    expect(validateDataset(other).ok).toBe(true);
    expect(other.topics).toHaveLength(30);
    expect(other.countries.filter((c) => c.kind === 'country')).toHaveLength(90);
  });

  it('has the requested numbers of meetings, actors, topics and countries, plus a few organizations', () => {
    expect(dataset.meetings).toHaveLength(500);
    expect(dataset.actors).toHaveLength(100);
    expect(dataset.topics).toHaveLength(20);
    expect(dataset.countries.filter((c) => c.kind === 'country')).toHaveLength(60);
    expect(dataset.countries.filter((c) => c.kind === 'organization').map((c) => c.code)).toEqual(expect.arrayContaining(['UN', 'EU']));
    expect(dataset.countries.filter((c) => c.kind === 'country').every((c) => /^[A-Z]{3}$/.test(c.code))).toBe(true);
  });

  it('gives every meeting 2 to 6 participants and uses the whole range', () => {
    const sizes = new Set(dataset.meetings.map((m) => m.participants.length));
    expect(Math.min(...sizes)).toBe(2);
    expect(Math.max(...sizes)).toBe(6);
  });

  it('mixes day, month and year precision, mostly day', () => {
    const counts = { day: 0, month: 0, year: 0 };
    for (const m of dataset.meetings) counts[m.datePrecision]++;
    expect(counts.day).toBeGreaterThan(counts.month);
    expect(counts.month).toBeGreaterThan(0);
    expect(counts.year).toBeGreaterThan(0);
  });

  it('spans about fifteen years', () => {
    const years = dataset.meetings.map((m) => Number(m.earliest.slice(0, 4)));
    expect(Math.max(...years) - Math.min(...years)).toBeGreaterThanOrEqual(12);
    expect(Math.max(...years) - Math.min(...years)).toBeLessThanOrEqual(15);
  });

  it('concentrates activity on a few actors (power law): the top 1% take a large share of participations', () => {
    const big = JSON.parse(generateSynthetic({ meetings: 5000, actors: 1000, seed: 3 })) as Dataset;
    const perActor = new Map<string, number>();
    for (const m of big.meetings) for (const p of m.participants) perActor.set(p.actorId, (perActor.get(p.actorId) ?? 0) + 1);
    const counts = [...perActor.values()].sort((a, b) => b - a);
    const total = counts.reduce((a, b) => a + b, 0);
    const top = counts.slice(0, 10).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.15);
    expect(counts[0]! / counts[counts.length - 1]!).toBeGreaterThan(100);
  });

  it('keeps the source pool small: about one source per fifty meetings', () => {
    expect(dataset.sources).toHaveLength(10);
  });

  it('refuses sizes where not every actor can take part', () => {
    expect(() => generateSynthetic({ meetings: 2, actors: 50, seed: 1 })).toThrow(/cannot all take part/);
  });
});

describe('parseGeneratorArgs', () => {
  it('reads the options and fills defaults', () => {
    expect(parseGeneratorArgs(['--meetings', '1000', '--seed', '4'])).toEqual({ meetings: 1000, actors: 2000, seed: 4, topics: 20, countries: 60, out: null });
    expect(parseGeneratorArgs(['--out', 'x.json']).out).toBe('x.json');
  });

  it('rejects unknown options and non-numbers', () => {
    expect(() => parseGeneratorArgs(['--size', '3'])).toThrow(/unknown option/);
    expect(() => parseGeneratorArgs(['--meetings', 'many'])).toThrow(/whole number/);
  });
});

describe('generateSynthetic with more actors than meetings', () => {
  it('ends and seats every actor when the first pass leaves fewer free seats than unused actors', () => {
    for (const [meetings, actors] of [[100, 500], [40, 240], [10, 60], [3, 18]] as const) {
      const d = JSON.parse(generateSynthetic({ meetings, actors, seed: 5 })) as Dataset;
      expect(d.actors).toHaveLength(actors);
      const seen = new Set(d.meetings.flatMap((m) => m.participants.map((p) => p.actorId)));
      expect(seen.size).toBe(actors);
      expect(d.meetings.every((m) => m.participants.length >= 2 && m.participants.length <= 6)).toBe(true);
      expect(d.meetings.every((m) => new Set(m.participants.map((p) => p.actorId)).size === m.participants.length)).toBe(true);
      expect(validateDataset(d).ok).toBe(true);
    }
  });
});
