import { createStore, get, set, type UseStore } from 'idb-keyval';

/**
 * The bytes of files the user opened, kept in this browser's IndexedDB (the same store as the list of recent
 * datasets). Written and read by the loading worker, so neither saving nor reopening a large file copies or decodes
 * it on the page: the page only keeps the small list.
 */
let store: UseStore | null = null;
const db = () => (store ??= createStore('parley', 'datasets'));

export const storedFileKey = (id: string): string => `file:${id}`;

interface StoredFile {
  bytes: ArrayBuffer;
}

/** True once stored; false where storage is refused (private mode, quota): the file is then only not remembered. */
export async function storeFileBytes(key: string, bytes: ArrayBuffer): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  try {
    await set(key, { bytes } satisfies StoredFile, db());
    return true;
  } catch {
    return false;
  }
}

export async function readFileBytes(key: string): Promise<ArrayBuffer | null> {
  if (typeof indexedDB === 'undefined') return null;
  try {
    const found = await get<StoredFile>(key, db());
    // Checked by shape, not instanceof: a buffer cloned in another realm (a test environment) is one too.
    return found && typeof found.bytes?.byteLength === 'number' ? found.bytes : null;
  } catch {
    return null;
  }
}
