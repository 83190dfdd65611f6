import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { Dataset } from '../domain/schema';

/** A dataset opened from the user's computer, kept in this browser (IndexedDB) so a reload or a later visit can reopen it. */
export interface RecentDataset {
  id: string;
  name: string;
  /** Bytes of the file as opened. */
  size: number;
  meetings: number;
  /** ISO timestamp of the last time it was opened. */
  openedAt: string;
}

const MAX_RECENT = 6;
const LIST_KEY = 'recent';
/** Per tab: the local dataset this tab shows, so a reload keeps it while new tabs and links open what their address names. */
const SESSION_KEY = 'parley:local-dataset';

let store: UseStore | null = null;
const db = () => (store ??= createStore('parley', 'datasets'));

const canStore = () => typeof indexedDB !== 'undefined';

export async function listRecent(): Promise<RecentDataset[]> {
  if (!canStore()) return [];
  try {
    return ((await get<RecentDataset[]>(LIST_KEY, db())) ?? []).slice(0, MAX_RECENT);
  } catch {
    return [];
  }
}

const idOf = (name: string, dataset: Dataset) => `${name}|${dataset.version}|${dataset.meetings.length}`;

/** Stores the dataset and puts it first in the list; the oldest beyond MAX_RECENT are forgotten. Failures (private mode, quota) only cost the memory. */
export async function rememberDataset(dataset: Dataset, name: string, size: number): Promise<RecentDataset | null> {
  if (!canStore()) return null;
  const entry: RecentDataset = { id: idOf(name, dataset), name, size, meetings: dataset.meetings.length, openedAt: new Date().toISOString() };
  try {
    await set(`dataset:${entry.id}`, dataset, db());
    const list = (await listRecent()).filter((r) => r.id !== entry.id);
    const kept = [entry, ...list];
    for (const old of kept.slice(MAX_RECENT)) await del(`dataset:${old.id}`, db());
    await set(LIST_KEY, kept.slice(0, MAX_RECENT), db());
    markShown(entry.id);
    return entry;
  } catch {
    return null;
  }
}

export async function readStored(id: string): Promise<Dataset | null> {
  if (!canStore()) return null;
  try {
    return (await get<Dataset>(`dataset:${id}`, db())) ?? null;
  } catch {
    return null;
  }
}

export async function touchRecent(id: string): Promise<void> {
  const list = await listRecent();
  const entry = list.find((r) => r.id === id);
  if (!entry) return;
  await set(LIST_KEY, [{ ...entry, openedAt: new Date().toISOString() }, ...list.filter((r) => r.id !== id)], db());
  markShown(id);
}

export async function forgetDataset(id: string): Promise<void> {
  if (!canStore()) return;
  await del(`dataset:${id}`, db());
  await set(LIST_KEY, (await listRecent()).filter((r) => r.id !== id), db());
  if (shownLocalDataset() === id) markShown(null);
}

/** The stored dataset this tab showed last (kept across reloads of the tab only). */
export function shownLocalDataset(): string | null {
  try {
    return sessionStorage.getItem(SESSION_KEY);
  } catch {
    return null;
  }
}

export function markShown(id: string | null): void {
  try {
    if (id) sessionStorage.setItem(SESSION_KEY, id);
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    /* storage blocked: the reload opens the linked dataset, as a link would */
  }
}
