import { buildIndex } from '../domain/indexes';
import { parseDatasetText } from '../domain/validate';
import { useStore } from './store';

export const BUNDLED_DATA_URL = `${import.meta.env.BASE_URL}data/meetings.json`;

/** Loads, validates and indexes a dataset from text (a fetched file or a user's file). */
export function loadDatasetText(text: string, url: string): void {
  const result = parseDatasetText(text);
  const { setData } = useStore.getState();
  if (!result.ok) {
    setData({ state: 'error', url, title: `The dataset ${url} is not valid`, issues: result.issues });
    return;
  }
  setData({ state: 'ready', url, index: buildIndex(result.dataset) });
}

/** Fetches a same-origin dataset; network and HTTP failures land on the error screen with a retry. */
export async function loadDatasetUrl(url: string = BUNDLED_DATA_URL): Promise<void> {
  const { setData } = useStore.getState();
  setData({ state: 'loading', url });
  let text: string;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
    text = await response.text();
  } catch (error) {
    setData({ state: 'error', url, title: `Could not load the dataset ${url}`, issues: [{ path: '', message: (error as Error).message }] });
    return;
  }
  loadDatasetText(text, url);
}
