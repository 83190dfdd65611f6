import { URL_CHANGE_EVENT } from './bindUrl';
import { PARAM } from './params';

/**
 * Drops `data=` from the address without a history entry, when what is shown is no longer the linked dataset (the
 * bundled one chosen after a failure, a stored file): the address must not claim a dataset the page does not show.
 */
export function removeDataParam(): void {
  const params = new URLSearchParams(location.search);
  if (!params.has(PARAM.data)) return;
  params.delete(PARAM.data);
  const query = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  window.dispatchEvent(new Event(URL_CHANGE_EVENT));
}
