import { formatIsoDay } from './dates';
import type { Meeting, Role } from './schema';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const PRECISION_WORDS: Record<Meeting['datePrecision'], string> = { day: 'exact day', month: 'month known', year: 'year known' };

/** "on 17 August 2020", "between 2 and 3 July 2019", "between 30 June and 2 July 2019", "between 1 January 2021 and 31 December 2021". */
export function formatDayBounds(earliest: string, latest: string): string {
  if (earliest === latest) return `on ${formatIsoDay(earliest)}`;
  const [y1, m1, d1] = earliest.split('-');
  const [y2, m2] = latest.split('-');
  if (y1 === y2 && m1 === m2) return `between ${Number(d1)} and ${formatIsoDay(latest)}`;
  if (y1 === y2 && !(m1 === '01' && d1 === '01' && latest.endsWith('-12-31'))) {
    return `between ${Number(d1)} ${MONTHS[Number(m1) - 1]} and ${formatIsoDay(latest)}`;
  }
  return `between ${formatIsoDay(earliest)} and ${formatIsoDay(latest)}`;
}

/** "15 August 2013 – 25 August 2021", "since 2000-07-17" in words, "until …", or "dates unknown". */
export function formatRoleSpan(role: Pick<Role, 'from' | 'to'>): string {
  if (role.from && role.to) return `${formatIsoDay(role.from)} – ${formatIsoDay(role.to)}`;
  if (role.from) return `since ${formatIsoDay(role.from)}`;
  if (role.to) return `until ${formatIsoDay(role.to)}`;
  return 'dates unknown';
}
