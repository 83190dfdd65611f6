import { useEffect, useRef, useState } from 'react';

/**
 * `text`, passed on at most once per `intervalMs` (the latest value wins): a live region fed by
 * playback would otherwise talk over itself at several windows a second.
 */
export function useThrottledText(text: string, intervalMs = 1000): string {
  const [shown, setShown] = useState(text);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + intervalMs - Date.now();
    if (wait <= 0) {
      last.current = Date.now();
      setShown(text);
      return;
    }
    const timer = setTimeout(() => {
      last.current = Date.now();
      setShown(text);
    }, wait);
    return () => clearTimeout(timer);
  }, [text, intervalMs]);
  return shown;
}
