import { formatIsoDay } from './dates';
import { formatRoleSpan } from './dateText';
import type { Meeting, Role } from './schema';
import { DELEGATION_ROLE } from './idRules';

type Context = NonNullable<Meeting['evidence'][number]['context']>;

/** What a quote is: said in the contact, said to journalists around it, or the outlet's own account. */
export const CONTEXT_LABELS: Record<Context, string> = {
  talks: 'From the talks',
  'press remarks': 'Press remarks (to journalists, not the talks)',
  report: 'The outlet’s own report',
};

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** "second on this occasion": equal numbers mean the text gives no order between those contacts. */
export function formatOrder(order: number): string {
  return `${ORDINALS[order - 1] ?? `no. ${order}`} on this occasion`;
}

/** A participant's role as shown: the delegation role spelled out. */
export function participantRoleText(role: string | undefined): string | undefined {
  return role === DELEGATION_ROLE ? 'accompanying delegation' : role;
}

/** "first attested 2 July 2019, last attested 30 September 2020" for attested roles, else the tenure span. */
export function formatRoleDates(role: Pick<Role, 'from' | 'to' | 'attested'>): string {
  if (!role.attested) return formatRoleSpan(role);
  const parts = [role.from && `first attested ${formatIsoDay(role.from)}`, role.to && `last attested ${formatIsoDay(role.to)}`].filter(Boolean);
  return parts.length ? parts.join(', ') : 'dates unknown';
}
