import { randomLcg } from 'd3';
import { msToIso } from '../../../src/domain/dates';
import type { MeetingType } from '../../../src/domain/schema';
import {
  COUNTRY_POOL, FIRST_NAMES, LAST_NAMES, ORGANIZATION_BODIES, ORGANIZATION_POOL, OUTCOMES, PUBLISHERS, ROLE_TITLES,
  TOPIC_DESCRIPTIONS, TOPIC_POOL,
} from './pools';

export interface SyntheticOptions {
  meetings: number;
  actors: number;
  seed: number;
  topics?: number;
  countries?: number;
}

/** The generated file spans these 15 calendar years. */
const FIRST_YEAR = 2010;
const YEARS = 15;
/** Roughly how many meetings quote the same source text (keeps the file size sane). */
const MEETINGS_PER_SOURCE = 50;
/** Zipf exponents: how strongly activity concentrates on a few actors, countries, topics. */
const ACTOR_SKEW = 0.85;
const COUNTRY_SKEW = 0.7;
const TOPIC_SKEW = 0.6;
const MAX_PARTICIPANTS = 6;

type Rng = () => number;

interface CountryRow { code: string; name: string; capital: string; kind: 'country' | 'organization' }
interface ActorRow { id: string; name: string; last: string; title: string; affiliation: CountryRow; kind: 'person' | 'organization' }

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

/** Cumulative Zipf weights for `n` items; sample with `sampleCumulative`. */
function zipfCumulative(n: number, skew: number): Float64Array {
  const cum = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cum[i] = total += 1 / Math.pow(i + 1, skew);
  for (let i = 0; i < n; i++) cum[i]! /= total;
  return cum;
}

function sampleCumulative(cum: Float64Array, u: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Fisher–Yates; used so the busiest actors are not simply the first ones in the file. */
function shuffled(rng: Rng, n: number): Int32Array {
  const out = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

function buildCountries(count: number): CountryRow[] {
  const rows: CountryRow[] = COUNTRY_POOL.slice(0, count).map(([code, name, capital]) => ({ code, name, capital, kind: 'country' }));
  // Beyond the real list, ISO's user-assigned X.. range keeps codes valid without claiming real states.
  for (let i = rows.length; i < count; i++) {
    const code = `X${String.fromCharCode(65 + Math.floor(i / 26) % 26)}${String.fromCharCode(65 + (i % 26))}`;
    rows.push({ code, name: `Synthetic State ${code}`, capital: `Capital of ${code}`, kind: 'country' });
  }
  return rows.concat(ORGANIZATION_POOL.map(([code, name, capital]) => ({ code, name, capital, kind: 'organization' as const })));
}

function buildTopics(count: number): { id: string; label: string; description: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const label = TOPIC_POOL[i] ?? `Topic ${i + 1}`;
    return { id: slug(label), label, description: `${TOPIC_DESCRIPTIONS[i % TOPIC_DESCRIPTIONS.length]} ${label.toLowerCase()} (synthetic).` };
  });
}

/** Consecutive role periods between 2008 and 2025, the last one sometimes open-ended. */
function buildRoles(rng: Rng): { title: string; from: string; to?: string }[] {
  const count = 1 + Math.floor(rng() * 3);
  let day = Date.UTC(2008, 0, 1) + Math.floor(rng() * 1500) * 86_400_000;
  const roles: { title: string; from: string; to?: string }[] = [];
  for (let r = 0; r < count; r++) {
    const length = (400 + Math.floor(rng() * 2200)) * 86_400_000;
    const open = r === count - 1 && rng() < 0.4;
    roles.push({ title: pick(rng, ROLE_TITLES), from: msToIso(day), ...(open ? {} : { to: msToIso(day + length) }) });
    day += length + 86_400_000;
  }
  return roles;
}

interface DatePick { date: string; precision: 'day' | 'month' | 'year'; earliest: string; latest: string; note: string }

/** Mostly exact days, some month-only and year-only dates; earliest/latest always lie inside the stated date. */
function datePick(rng: Rng, dayMs: number): DatePick {
  const iso = msToIso(dayMs);
  const u = rng();
  if (u < 0.8) return { date: iso, precision: 'day', earliest: iso, latest: iso, note: 'Date as given in the source.' };
  const [y, m] = iso.split('-');
  if (u < 0.95) {
    const lastDay = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    const first = Number(iso.slice(8, 10));
    const last = Math.min(lastDay, first + Math.floor(rng() * 5));
    const latest = `${y}-${m}-${String(last).padStart(2, '0')}`;
    return { date: `${y}-${m}`, precision: 'month', earliest: iso, latest, note: 'The source names the month only; the range is inferred from context.' };
  }
  return { date: y!, precision: 'year', earliest: `${y}-01-01`, latest: `${y}-12-31`, note: 'The source names the year only.' };
}

const TYPE_WEIGHTS: readonly (readonly [MeetingType, number])[] = [
  ['meeting', 0.45], ['phone-call', 0.2], ['visit', 0.15], ['reception', 0.08], ['video-call', 0.07], ['letter', 0.05],
];
const VERB: Record<MeetingType, string> = {
  meeting: 'met', 'phone-call': 'spoke by phone with', visit: 'visited', reception: 'received', 'video-call': 'held a video call with', letter: 'wrote to',
};
const PARTICIPANT_COUNT_CUM = [0.45, 0.7, 0.85, 0.94, 1];

function meetingType(rng: Rng): MeetingType {
  let u = rng();
  for (const [type, w] of TYPE_WEIGHTS) if ((u -= w) < 0) return type;
  return 'meeting';
}

function cameoOf(type: MeetingType, thirdPlace: boolean): '040' | '041' | '042' | '043' | '044' {
  if (type === 'phone-call' || type === 'video-call') return '041';
  if (type === 'visit') return '042';
  if (type === 'reception') return '043';
  return type === 'meeting' && thirdPlace ? '044' : '040';
}

/**
 * The long tail: every actor must appear somewhere, so each unused one joins a meeting that has room. When every
 * meeting is full (many actors, few meetings), it takes the seat of an actor who also sits in another meeting. One of
 * those always exists while an actor is unused, because the caller ensures actors ≤ seats (pigeonhole), so this ends.
 */
export function placeUnusedActors(rng: Rng, slots: Int32Array, slotCount: Uint8Array, useCount: Int32Array): void {
  const M = slotCount.length;
  let seat = 0; // scan position for a seat held by a repeated actor; only moves forward (a seat taken stays single)
  let full = false; // once every meeting is full it stays so
  for (let a = 0; a < useCount.length; a++) {
    if (useCount[a]! > 0) continue;
    const start = Math.floor(rng() * M);
    let m = start;
    while (!full && slotCount[m]! >= MAX_PARTICIPANTS) {
      m = (m + 1) % M;
      if (m === start) full = true;
    }
    if (!full) {
      slots[m * MAX_PARTICIPANTS + slotCount[m]!] = a;
      slotCount[m]!++;
    } else {
      while (useCount[slots[seat]!]! < 2) seat++;
      useCount[slots[seat]!]!--;
      slots[seat] = a;
    }
    useCount[a]!++;
  }
}

/**
 * Writes a valid synthetic dataset as JSON through `write`, chunk by chunk, so 100k meetings never sit in memory as
 * objects. Deterministic for a seed. Meetings come before sources in the file because each source text is assembled
 * from the quotes of its meetings.
 */
export function writeSynthetic(options: SyntheticOptions, write: (chunk: string) => void): void {
  const { meetings: M, actors: A, seed } = options;
  const topicCount = options.topics ?? 20;
  const countryCount = options.countries ?? 60;
  if (!(M >= 1 && A >= 2 && topicCount >= 1 && countryCount >= 1)) throw new Error('need at least 1 meeting, 2 actors, 1 topic, 1 country');
  if (A > M * MAX_PARTICIPANTS) throw new Error(`${A} actors cannot all take part in ${M} meetings of at most ${MAX_PARTICIPANTS}`);
  const rng: Rng = randomLcg(seed);

  const countries = buildCountries(countryCount);
  const realCountries = countries.filter((c) => c.kind === 'country');
  const organizations = countries.filter((c) => c.kind === 'organization');
  const topics = buildTopics(topicCount);

  const countryCum = zipfCumulative(realCountries.length, COUNTRY_SKEW);
  const actors: ActorRow[] = [];
  const actorJson: string[] = [];
  const usedIds = new Set<string>();
  for (let i = 0; i < A; i++) {
    const isOrg = rng() < 0.04;
    const affiliation = isOrg || rng() < 0.05 ? pick(rng, organizations) : realCountries[sampleCumulative(countryCum, rng())]!;
    const first = pick(rng, FIRST_NAMES);
    const last = pick(rng, LAST_NAMES);
    const initial = String.fromCharCode(65 + Math.floor(rng() * 26));
    const name = isOrg ? `${affiliation.name} ${pick(rng, ORGANIZATION_BODIES)} ${i + 1}` : `${first} ${initial}. ${last}`;
    let id = slug(isOrg ? `${affiliation.code} ${name.split(' ').slice(-2).join(' ')}` : `${first} ${initial} ${last}`);
    if (usedIds.has(id)) id = `${id}-${i.toString(36)}`;
    usedIds.add(id);
    const roles = isOrg ? [] : buildRoles(rng);
    const aliases = isOrg ? [] : [`${first} ${last}`, last];
    actors.push({ id, name, last: isOrg ? name : last, title: roles[0]?.title ?? '', affiliation, kind: isOrg ? 'organization' : 'person' });
    actorJson.push(JSON.stringify({ id, name, aliases, kind: isOrg ? 'organization' : 'person', affiliation: affiliation.code, roles }));
  }

  // Who meets whom, as flat typed arrays: a power law over actors, 2–6 distinct participants each.
  const rankToActor = shuffled(rng, A);
  const actorCum = zipfCumulative(A, ACTOR_SKEW);
  const slots = new Int32Array(M * MAX_PARTICIPANTS);
  const slotCount = new Uint8Array(M);
  const useCount = new Int32Array(A);
  for (let m = 0; m < M; m++) {
    const u = rng();
    const want = 2 + PARTICIPANT_COUNT_CUM.findIndex((c) => u < c);
    const base = m * MAX_PARTICIPANTS;
    let n = 0;
    for (let tries = 0; n < Math.min(want, A) && tries < 50; tries++) {
      const a = rankToActor[sampleCumulative(actorCum, rng())]!;
      let dup = false;
      for (let k = 0; k < n; k++) if (slots[base + k] === a) dup = true;
      if (dup) continue;
      slots[base + n++] = a;
      useCount[a]!++;
    }
    for (let a = 0; n < 2; a++) {
      if (n === 1 && slots[base] === a) continue;
      slots[base + n++] = a;
      useCount[a]!++;
    }
    slotCount[m] = n;
  }
  placeUnusedActors(rng, slots, slotCount, useCount);

  // Dates, chronological, denser in later years as reporting grows.
  const t0 = Date.UTC(FIRST_YEAR, 0, 1);
  const spanDays = Math.round((Date.UTC(FIRST_YEAR + YEARS, 0, 1) - t0) / 86_400_000);
  const days = Float64Array.from({ length: M }, () => Math.floor(Math.pow(rng(), 0.75) * spanDays)).sort();

  const topicCum = zipfCumulative(topicCount, TOPIC_SKEW);
  const sourceCount = Math.max(1, Math.ceil(M / MEETINGS_PER_SOURCE));
  const sourceSentences: string[][] = Array.from({ length: sourceCount }, () => []);
  const sourceRange: [string, string][] = [];

  write(`{"version":"synthetic-1","title":${JSON.stringify(`Synthetic dataset: ${M} meetings, ${A} actors (seed ${seed})`)},`);
  write(`"description":"Generated by scripts/generate-synthetic.ts for load testing. Names, dates and quotes are invented.",`);
  write(`"countries":${JSON.stringify(countries.map(({ code, name, kind }) => ({ code, name, kind })))},`);
  write(`"topics":${JSON.stringify(topics)},"actors":[`);
  for (let i = 0; i < A; i += 1000) write((i ? ',' : '') + actorJson.slice(i, i + 1000).join(','));
  write('],"meetings":[');

  let chunk: string[] = [];
  for (let m = 0; m < M; m++) {
    const when = datePick(rng, t0 + days[m]! * 86_400_000);
    const type = meetingType(rng);
    const n = slotCount[m]!;
    const people = Array.from(slots.subarray(m * MAX_PARTICIPANTS, m * MAX_PARTICIPANTS + n), (a) => actors[a]!);
    const host = people[0]!;
    const guest = people[1]!;
    const thirdPlace = type === 'meeting' && rng() < 0.25;
    const remote = type === 'phone-call' || type === 'video-call' || type === 'letter';
    const place = thirdPlace ? realCountries[Math.floor(rng() * realCountries.length)]! : host.affiliation;
    const topicIds = new Set<number>();
    const topicWant = 1 + Math.floor(rng() * 3);
    for (let t = 0; t < topicWant * 2 && topicIds.size < topicWant; t++) topicIds.add(sampleCumulative(topicCum, rng()));
    const labels = [...topicIds].map((t) => topics[t]!.label.toLowerCase());
    const others = n > 2 ? ` and ${n - 2} other participant${n > 3 ? 's' : ''}` : '';
    const where = remote ? '' : ` in ${place.capital}`;
    const s = Math.min(sourceCount - 1, Math.floor((m * sourceCount) / M));
    const quote = `${host.title ? `${host.title} ` : ''}${host.name} ${VERB[type]} ${guest.name}${others}${where} (${when.date}, ref ${m.toString(36)}), and the two sides discussed ${labels.join(', ')}.`;
    const evidence = [{ sourceId: `synthetic-source-${s + 1}`, quote }];
    sourceSentences[s]!.push(quote);
    if (rng() < 0.2) {
      const follow = `${guest.name} described the talks on ${labels[0]} as ${pick(rng, OUTCOMES)} (ref ${m.toString(36)}).`;
      evidence.push({ sourceId: `synthetic-source-${s + 1}`, quote: follow });
      sourceSentences[s]!.push(follow);
    }
    const range = sourceRange[s];
    if (!range) sourceRange[s] = [when.earliest, when.latest];
    else if (when.latest > range[1]) range[1] = when.latest;
    const meeting = {
      id: `${when.date}-${slug(host.last).slice(0, 20)}-${slug(guest.last).slice(0, 20)}-${m.toString(36)}`,
      date: when.date,
      datePrecision: when.precision,
      earliest: when.earliest,
      latest: when.latest,
      dateNote: when.note,
      type,
      cameo: cameoOf(type, thirdPlace),
      ...(remote ? {} : { location: `${place.capital}, ${place.name}` }),
      participants: people.map((p, k) => (type === 'visit' && k < 2 ? { actorId: p.id, role: k === 0 ? 'host' : 'visitor' } : { actorId: p.id })),
      topics: [...topicIds].map((t) => topics[t]!.id),
      summary: `${host.name} and ${guest.name}${others} (${type.replace('-', ' ')}) discussed ${labels.join(', ')}.`,
      evidence,
    };
    chunk.push(JSON.stringify(meeting));
    if (chunk.length === 2000) {
      write((m >= chunk.length ? ',' : '') + chunk.join(','));
      chunk = [];
    }
  }
  if (chunk.length) write((M > chunk.length ? ',' : '') + chunk.join(','));

  write('],"sources":[');
  for (let s = 0; s < sourceCount; s++) {
    const [first, last] = sourceRange[s] ?? [msToIso(t0), msToIso(t0)];
    const source = {
      id: `synthetic-source-${s + 1}`,
      title: `Synthetic bulletin ${s + 1}: diplomatic contacts ${first} to ${last}`,
      publisher: PUBLISHERS[s % PUBLISHERS.length]!,
      published: last,
      text: `Synthetic bulletin ${s + 1}. ${sourceSentences[s]!.join(' ')}`,
    };
    sourceSentences[s] = [];
    write((s ? ',' : '') + JSON.stringify(source));
  }
  write(']}\n');
}

/** The whole file as one string; convenient for tests and small sizes. */
export function generateSynthetic(options: SyntheticOptions): string {
  const parts: string[] = [];
  writeSynthetic(options, (c) => parts.push(c));
  return parts.join('');
}
