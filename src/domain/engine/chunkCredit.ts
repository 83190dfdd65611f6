/**
 * Chunks sent but not yet acknowledged by the page. Without a limit the worker queued every chunk at once, and a
 * click's follow-up task (its paint) waited behind all of them: 5.7 s at 250,000 meetings.
 */
export const CHUNKS_IN_FLIGHT = 4;

/** Flow control for the hand-over: `take` waits while `limit` chunks are unacknowledged; the page's `ack` frees one. */
export function chunkCredit(limit = CHUNKS_IN_FLIGHT) {
  let inFlight = 0;
  let wake: (() => void) | null = null;
  return {
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
