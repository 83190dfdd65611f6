import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { installTapGuard, noteLayoutShift } from './tapGuard';

/** Phones: the detail panel is a sheet over the views, so focus goes into it and comes back on close. */
export const SHEET_QUERY = '(max-width: 700px)';
const isSheet = () => typeof matchMedia === 'function' && matchMedia(SHEET_QUERY).matches;

/**
 * Focus and position of the detail panel as the selection opens, changes and closes: the sheet takes
 * focus (and gives it back to where it was), a new selection starts at the top of the panel, and a
 * click arriving just after the layout changed is checked by the tap guard.
 */
export function useDetailFocus(panelRef: RefObject<HTMLElement | null>, selectionKey: string | null): void {
  const returnTo = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);

  useEffect(() => installTapGuard(), []);

  useLayoutEffect(() => {
    noteLayoutShift();
    const open = selectionKey !== null;
    const panel = panelRef.current;
    if (open && panel) {
      // A panel that just opened is new and at its top already; writing scrollTop would force a layout of
      // the whole page inside the click's task.
      if (wasOpen.current) panel.scrollTop = 0;
      else {
        const active = document.activeElement;
        returnTo.current = active instanceof HTMLElement && active !== document.body ? active : null;
      }
      if (isSheet() && !panel.contains(document.activeElement)) {
        const heading = panel.querySelector<HTMLElement>('h2[tabindex="-1"]') ?? panel;
        heading.focus({ preventScroll: true });
      }
    } else if (!open && wasOpen.current) {
      const back = returnTo.current;
      returnTo.current = null;
      // Only when focus was in the panel that just closed (it is now on the body), never stealing it.
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (back && back.isConnected && lost) back.focus({ preventScroll: true });
    }
    wasOpen.current = open;
  }, [panelRef, selectionKey]);
}
