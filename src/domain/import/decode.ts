/**
 * Bytes to text, the same way for a file from disk, a fetched `?data=` link and the CLI: a byte-order mark decides
 * the encoding (UTF-8, UTF-16 LE/BE) and is removed; without one the bytes must be UTF-8. Invalid UTF-8 is an
 * error naming the byte offset, never a page of replacement characters.
 */
export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { ok: false; message: string };

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding a text's first bytes declare (a UTF-16 byte-order mark), else UTF-8. */
export const encodingOf = (bytes: Uint8Array): Encoding => (bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8');

export function decodeBytes(input: ArrayBuffer | Uint8Array): Decoded {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const encoding = encodingOf(bytes);
  try {
    // TextDecoder removes the BOM it recognises (ignoreBOM defaults to false).
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    return { ok: false, message: `the file is not ${encoding === 'utf-8' ? 'UTF-8 text (save it as UTF-8, or UTF-16 with a byte-order mark)' : `valid ${encoding.toUpperCase()} text`}${firstInvalidAt(bytes, encoding)}` };
  }
}

/** Where decoding first fails, so the message points at the line to fix. */
function firstInvalidAt(bytes: Uint8Array, encoding: string): string {
  if (encoding !== 'utf-8') return '';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the longest valid prefix (a cut inside a character is invalid too, so allow 3 bytes of slack).
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (validPrefix(decoder, bytes, mid)) lo = mid;
    else hi = mid;
  }
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, lo));
  const line = text.split('\n').length;
  return ` (invalid byte at offset ${lo}, line ${line})`;
}

function validPrefix(decoder: TextDecoder, bytes: Uint8Array, end: number): boolean {
  for (let cut = end; cut >= Math.max(0, end - 3); cut--) {
    try {
      decoder.decode(bytes.subarray(0, cut));
      return true;
    } catch {
      /* try a shorter prefix: the cut may split one character */
    }
  }
  return false;
}

/**
 * `decodeBytes` for bytes that arrive in pieces (their encoding read from the first ones): each piece's text, or null
 * from the first invalid byte on (decodeBytes over the whole then says where; nothing of a bad text is used).
 */
export function createPieceDecoder(encoding: Encoding, { midText = false } = {}): { push(bytes: Uint8Array): string | null; end(): string | null } {
  // Mid-text (a part that starts after a cut), EF BB BF is a character of a cell, not a byte-order mark to remove.
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: midText });
  let failed = false;
  const decode = (bytes?: Uint8Array) => {
    if (failed) return null;
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      failed = true;
      return null;
    }
  };
  return { push: (bytes) => decode(bytes), end: () => decode() };
}

/** Text that was already decoded elsewhere (e.g. Response.text()) may still start with a BOM character. */
export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** The first characters of a file, decoded like the whole file would be, without decoding megabytes to read them. */
export function headOf(input: ArrayBuffer | Uint8Array, bytes = 256): string {
  const all = input instanceof Uint8Array ? input : new Uint8Array(input);
  return new TextDecoder(encodingOf(all)).decode(all.subarray(0, bytes)); // not fatal: the cut may split a character
}
