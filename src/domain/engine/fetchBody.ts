import { overallFraction, throttled } from './loadProgress';
import type { Post } from './protocol';
import { SpanScanner } from './recordBytes';
import { BodyTap } from './bodyTap';

/** `scanned`: where the records lie in the body, found while it arrived (recordBytes.ts). `body()` joins the pieces once. */
export type Fetched = { ok: true; size: number; body: () => ArrayBuffer; scanned?: SpanScanner } | { ok: false; message: string; aborted: boolean };

/** A link's body on its way: `done` when it has all arrived; `tap` for a reader that parses it as it arrives. */
export interface Download {
  done: Promise<Fetched>;
  tap: BodyTap;
}

/** The body of a same-origin URL, reporting bytes as they arrive (the share of Content-Length when the server sends it). */
export async function fetchBytes(url: string, onBytes: (received: number, total: number | null) => void, signal?: AbortSignal, scanner?: SpanScanner, tap?: BodyTap): Promise<Fetched> {
  try {
    const response = await fetch(url, signal ? { signal } : undefined);
    if (!response.ok) return { ok: false, message: `the server answered ${response.status} ${response.statusText}`.trim(), aborted: false };
    const length = Number(response.headers.get('content-length')) || null;
    if (tap) tap.total = length;
    if (!response.body) {
      const whole = new Uint8Array(await response.arrayBuffer());
      tap?.push(whole);
      return { ok: true, size: whole.byteLength, body: () => whole.buffer };
    }
    const reader = response.body.getReader();
    const parts: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      scanner?.push(value);
      tap?.push(value);
      received += value.byteLength;
      onBytes(received, length);
    }
    let joined: ArrayBuffer | null = null;
    const body = () => (joined ??= join(parts, received));
    return { ok: true, size: received, body, ...(scanner?.alive ? { scanned: scanner } : {}) };
  } catch (error) {
    return { ok: false, message: (error as Error).message, aborted: signal?.aborted ?? false };
  } finally {
    tap?.end();
  }
}

function join(parts: readonly Uint8Array[], size: number): ArrayBuffer {
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.byteLength;
  }
  return bytes.buffer;
}

/**
 * A link's body, with the download's share of the progress bar reported through `post` (at most every 100 ms) until a
 * reader attaches to the tap (then the reader reports: rows read and the share of the body parsed).
 */
export function fetchDataset(url: string, post: Post, signal?: AbortSignal): Download {
  const report = throttled(100, (rows, within) => post({ type: 'progress', stage: 'download', rows, fraction: overallFraction('download', within) }));
  const tap = new BodyTap();
  const done = fetchBytes(url, (received, total) => tap.attached || report(0, total ? received / total : 0), signal, new SpanScanner(), tap);
  return { done, tap };
}
