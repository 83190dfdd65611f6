/**
 * The app's code arrives in chunks after the entry (main.tsx): when one cannot be fetched (offline, or a newer deploy
 * replaced the files), the page would otherwise stay blank. Plain text only: the error message is never markup.
 */
export function showStartupFailure(host: HTMLElement, error: unknown): void {
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.className = 'startup-failure';
  const title = document.createElement('p');
  title.textContent = 'Parley could not load its code. Check the connection and reload the page.';
  const detail = document.createElement('p');
  detail.textContent = error instanceof Error ? error.message : String(error);
  box.append(title, detail);
  host.replaceChildren(box);
}
