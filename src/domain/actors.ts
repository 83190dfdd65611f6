import type { DatasetIndex } from './indexes';
import { memoizeLast } from './memo';
import { nameRankOf } from './nameOrder';
import type { Actor, Meeting, Role } from './schema';

/**
 * The aliases a search or an importer may match an actor by. A group of unnamed people has none: its aliases
 * ("senior Syrian officials") describe people, they do not name them, so a text using the words names no one.
 */
export function matchableAliases(actor: Pick<Actor, 'kind' | 'aliases'>): readonly string[] {
  return actor.kind === 'group' ? [] : actor.aliases;
}

/** The role(s) an actor held when a meeting could have taken place: roles overlapping [earliest, latest]. */
export function rolesAt(actor: Actor, meeting: Pick<Meeting, 'earliest' | 'latest'>): Role[] {
  return actor.roles.filter((r) => (!r.from || r.from <= meeting.latest) && (!r.to || r.to >= meeting.earliest));
}

export interface Counterpart {
  actorId: string;
  count: number;
}

/**
 * Who an actor met, with how many shared meetings, most frequent first (ties by name, in the order the network's
 * actor list uses). Names are compared by rank, not by a collator: the busiest actor at 20k meetings has ~1,700
 * counterparts, mostly tied on one or two meetings, and collator comparisons took 2-9 ms of the selection's task.
 */
export function counterparts(index: DatasetIndex, actorId: string, within?: Int32Array): Counterpart[] {
  const pos = index.actorPos.get(actorId);
  if (pos === undefined) return [];
  const allowed = within ? new Set(within) : null;
  const counts = new Uint32Array(index.actors.length);
  const met: number[] = [];
  for (const m of index.byActor[pos]!) {
    if (allowed && !allowed.has(m)) continue;
    for (const other of index.participants[m]!) {
      if (other >= 0 && other !== pos && counts[other]!++ === 0) met.push(other);
    }
  }
  const rank = nameRankOf(index);
  met.sort((x, y) => counts[y]! - counts[x]! || rank[x]! - rank[y]!);
  return met.map((a) => ({ actorId: index.actors[a]!.id, count: counts[a]! }));
}

/**
 * Positions of the actor's meetings among `visible`, in the order of `visible`. Remembered: a selection asks for
 * the same list twice (the views' emphasis and the details panel).
 */
export const actorMeetingsIn = memoizeLast((index: DatasetIndex, actorPos: number, visible: Int32Array): Int32Array => {
  const all = index.byActor[actorPos];
  if (!all) return new Int32Array(0);
  const mine = new Uint8Array(index.meetings.length);
  for (const i of all) mine[i] = 1;
  const out = new Int32Array(all.length);
  let n = 0;
  for (let k = 0; k < visible.length; k++) if (mine[visible[k]!] === 1) out[n++] = visible[k]!;
  return out.slice(0, n);
});

/** Display name of an affiliation code, falling back to the code itself. */
export function affiliationName(index: DatasetIndex, code: string): string {
  return index.countryByCode.get(code)?.name ?? code;
}

/** Longest heading name for a group before it is cut at a word boundary. */
const GROUP_HEADING_MAX = 36;

/**
 * The name a detail heading shows. People and organisations keep their name. A group's name is a
 * description ("Iranian delegation accompanying Khaji (August 2020, members unnamed)") that would fill
 * a heading of five lines, so the heading keeps its head: without the parenthetical remarks and the
 * clause that says whom it accompanied or who led it ("Iranian delegation"), cut at a word boundary
 * when still long. The result is always a part of the name (the full name is shown with it), so what
 * a heading says is still what the data says.
 */
export function headingName(actor: Pick<Actor, 'name' | 'kind'>): string {
  if (actor.kind !== 'group') return actor.name;
  const paren = actor.name.search(/\s*\(/);
  let short = (paren > 0 ? actor.name.slice(0, paren) : actor.name).trim();
  const clause = short.search(/\s+(?:accompanying|led by|headed by|with|of the|from)\s/i);
  if (clause > 0 && short.slice(0, clause).includes(' ')) short = short.slice(0, clause);
  if (short.length > GROUP_HEADING_MAX) {
    const cut = short.slice(0, GROUP_HEADING_MAX + 1).lastIndexOf(' ');
    short = short.slice(0, cut > 0 ? cut : GROUP_HEADING_MAX);
    // Not "… of parliament and": a cut never ends on a joining word.
    short = short.replace(/(?:\s+(?:and|or|of|the|to|for|with|in|on|at|by|from|a|an))+$/i, '');
  }
  return short || actor.name;
}
