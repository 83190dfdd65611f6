import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { Dataset } from '../domain/schema';
import { storedFileKey } from '../domain/engine/storedFiles';

/** A dataset opened from the user's computer, kept in this browser (IndexedDB) so a reload or a later visit can reopen it. */
export interface RecentDataset {
  id: string;
  name: string;
  /** Bytes of the file as opened. */
  size: number;
  meetings: number;
  /** ISO timestamp of the last time it was opened. */
  openedAt: string;
  /**
   * 'file': the file's bytes are stored (by the loading worker) and reopening reads them in the worker again; absent:
   * the dataset itself is stored (files opened with a column mapping, and entries from before).
   */
  stored?: 'file';
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

/** A file's entry, known before it is read (the worker stores its bytes under `storedFileKey` of it while reading). */
export const fileIdOf = (name: string, size: number): string => `${name}|${size}`;

/** Both places an entry's data may be kept. */
async function dropStored(id: string): Promise<void> {
  await del(`dataset:${id}`, db());
  await del(storedFileKey(id), db());
}

async function putFirst(entry: RecentDataset): Promise<RecentDataset> {
  const list = (await listRecent()).filter((r) => r.id !== entry.id);
  const kept = [entry, ...list];
  for (const old of kept.slice(MAX_RECENT)) await dropStored(old.id);
  await set(LIST_KEY, kept.slice(0, MAX_RECENT), db());
  markShown(entry.id);
  return entry;
}

/**
 * A file whose bytes the loading worker stored: only the small entry is written here, so remembering a large file
 * costs the page no copy of it. Failures (private mode, quota) only cost the memory.
 */
export async function rememberFile(name: string, size: number, meetings: number): Promise<RecentDataset | null> {
  if (!canStore()) return null;
  const id = fileIdOf(name, size);
  try {
    await del(`dataset:${id}`, db());
    return await putFirst({ id, name, size, meetings, openedAt: new Date().toISOString(), stored: 'file' });
  } catch {
    return null;
  }
}

/**
 * Stores the dataset itself (structured clone on the page) and puts it first in the list: for datasets the worker
 * cannot rebuild from the file alone (a sheet read with the user's column mapping).
 */
export async function rememberDataset(dataset: Dataset, name: string, size: number): Promise<RecentDataset | null> {
  if (!canStore()) return null;
  const id = fileIdOf(name, size);
  try {
    // A large file's meetings are read from its bytes as needed (lazyList.ts), which storage cannot clone: a plain list.
    await set(`dataset:${id}`, { ...dataset, meetings: Array.from(dataset.meetings) }, db());
    await del(storedFileKey(id), db());
    return await putFirst({ id, name, size, meetings: dataset.meetings.length, openedAt: new Date().toISOString() });
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
  await dropStored(id);
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
