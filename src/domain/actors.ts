import type { DatasetIndex } from './indexes';
import type { Actor, Meeting, Role } from './schema';

/** The role(s) an actor held when a meeting could have taken place: roles overlapping [earliest, latest]. */
export function rolesAt(actor: Actor, meeting: Pick<Meeting, 'earliest' | 'latest'>): Role[] {
  return actor.roles.filter((r) => (!r.from || r.from <= meeting.latest) && (!r.to || r.to >= meeting.earliest));
}

export interface Counterpart {
  actorId: string;
  count: number;
}

/** Who an actor met, with how many shared meetings, most frequent first (ties by name). */
export function counterparts(index: DatasetIndex, actorId: string, within?: Int32Array): Counterpart[] {
  const pos = index.actorPos.get(actorId);
  if (pos === undefined) return [];
  const allowed = within ? new Set(within) : null;
  const counts = new Map<number, number>();
  for (const m of index.byActor[pos]!) {
    if (allowed && !allowed.has(m)) continue;
    for (const other of index.participants[m]!) {
      if (other >= 0 && other !== pos) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([a, count]) => ({ actorId: index.actors[a]!.id, count }))
    .sort((x, y) => y.count - x.count || index.actors[index.actorPos.get(x.actorId)!]!.name.localeCompare(index.actors[index.actorPos.get(y.actorId)!]!.name));
}

/** Display name of an affiliation code, falling back to the code itself. */
export function affiliationName(index: DatasetIndex, code: string): string {
  return index.countryByCode.get(code)?.name ?? code;
}
