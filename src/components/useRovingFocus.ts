import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

const ITEMS = 'button:not([disabled]), input:not([disabled]), select:not([disabled])';

/**
 * ARIA toolbar keyboard pattern for a row of controls: the row is one Tab stop (the control last
 * used), and ←/→, Home/End move between its controls. Keeps the way from the skip link to the
 * timeline short (skip link → view arrangement → timeline toolbar → timeline: 3 Tabs).
 */
export function useRovingFocus(): { ref: RefObject<HTMLDivElement | null>; onKeyDown: (ev: KeyboardEvent<HTMLDivElement>) => void } {
  const ref = useRef<HTMLDivElement>(null);
  const active = useRef(0);

  const items = () => (ref.current ? Array.from(ref.current.querySelectorAll<HTMLElement>(ITEMS)) : []);
  const setActive = (list: HTMLElement[], i: number) => {
    active.current = i;
    list.forEach((el, j) => (el.tabIndex = j === i ? 0 : -1));
  };

  // After every render: new or removed controls (e.g. Play ↔ Pause) still leave exactly one Tab stop.
  useEffect(() => {
    const list = items();
    if (list.length) setActive(list, Math.min(active.current, list.length - 1));
  });

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const onFocus = (ev: FocusEvent) => {
      const list = items();
      const i = list.indexOf(ev.target as HTMLElement);
      if (i >= 0) setActive(list, i);
    };
    root.addEventListener('focusin', onFocus);
    return () => root.removeEventListener('focusin', onFocus);
  }, []);

  const onKeyDown = (ev: KeyboardEvent<HTMLDivElement>) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const list = items();
    const i = list.indexOf(document.activeElement as HTMLElement);
    if (i < 0) return;
    let next: number;
    if (ev.key === 'ArrowRight') next = (i + 1) % list.length;
    else if (ev.key === 'ArrowLeft') next = (i - 1 + list.length) % list.length;
    else if (ev.key === 'Home') next = 0;
    else if (ev.key === 'End') next = list.length - 1;
    else return;
    ev.preventDefault();
    setActive(list, next);
    list[next]!.focus();
  };

  return { ref, onKeyDown };
}
