import { overallFraction, throttled } from './loadProgress';
import type { Post } from './protocol';
import { SpanScanner } from './recordBytes';

/** `scanned`: where the records lie in the body, found while it arrived (recordBytes.ts). */
export type Fetched = { ok: true; bytes: ArrayBuffer; scanned?: SpanScanner } | { ok: false; message: string; aborted: boolean };

/** The body of a same-origin URL, reporting bytes as they arrive (the share of Content-Length when the server sends it). */
export async function fetchBytes(url: string, onBytes: (received: number, total: number | null) => void, signal?: AbortSignal, scanner?: SpanScanner): Promise<Fetched> {
  try {
    const response = await fetch(url, signal ? { signal } : undefined);
    if (!response.ok) return { ok: false, message: `the server answered ${response.status} ${response.statusText}`.trim(), aborted: false };
    const length = Number(response.headers.get('content-length')) || null;
    if (!response.body) return { ok: true, bytes: await response.arrayBuffer() };
    const reader = response.body.getReader();
    const parts: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      scanner?.push(value);
      received += value.byteLength;
      onBytes(received, length);
    }
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.byteLength;
    }
    return { ok: true, bytes: bytes.buffer, ...(scanner?.alive ? { scanned: scanner } : {}) };
  } catch (error) {
    return { ok: false, message: (error as Error).message, aborted: signal?.aborted ?? false };
  }
}

/** A link's body, with the download's share of the progress bar reported through `post` (at most every 100 ms). */
export function fetchDataset(url: string, post: Post, signal?: AbortSignal): Promise<Fetched> {
  const report = throttled(100, (rows, within) => post({ type: 'progress', stage: 'download', rows, fraction: overallFraction('download', within) }));
  return fetchBytes(url, (received, total) => report(0, total ? received / total : 0), signal, new SpanScanner());
}
