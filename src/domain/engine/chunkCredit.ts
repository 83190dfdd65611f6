/**
 * Chunks sent but not yet acknowledged by the page. Without a limit the worker queued every chunk at once, and a
 * click's follow-up task (its paint) waited behind all of them: 5.7 s at 250,000 meetings.
 */
export const CHUNKS_IN_FLIGHT = 4;

/**
 * A hand-over of at most this many records, and this many characters of source text, goes at once, not paced: the
 * page files it in a few tens of milliseconds, and paced, any long task in the worker held up the first render (at
 * 20,000 meetings one always came, DevTools' copy of the response body in the benchmark's browser, and the last
 * records reached the page 40–55 ms later).
 */
export const UNPACED_HAND_OVER = { records: 5000, chars: 1 << 23 };

/**
 * Flow control for the hand-over: `take` waits while `limit` chunks are unacknowledged; the page's `ack` frees one.
 * `paces(records, chars)`: whether a hand-over of that size waits for acknowledgements at all (see UNPACED_HAND_OVER).
 */
export function chunkCredit(limit = CHUNKS_IN_FLIGHT, unpaced = UNPACED_HAND_OVER) {
  let inFlight = 0;
  let wake: (() => void) | null = null;
  return {
    paces: (records: number, chars: number): boolean => records > unpaced.records || chars > unpaced.chars,
    async take(): Promise<void> {
      while (inFlight >= limit) await new Promise<void>((resolve) => (wake = resolve));
      inFlight++;
    },
    ack(): void {
      inFlight = Math.max(0, inFlight - 1);
      const resume = wake;
      wake = null;
      resume?.();
    },
  };
}
export type ChunkCredit = ReturnType<typeof chunkCredit>;
