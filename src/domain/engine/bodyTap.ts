/**
 * A download's pieces for a reader that starts after the download did (the load worker fetches before its readers'
 * code has loaded): held until the reader attaches, then handed to it as they arrive. No piece is copied.
 */
export class BodyTap {
  /** Content-Length, when the server sent it. */
  total: number | null = null;
  received = 0;
  private held: Uint8Array[] | null = [];
  private take: ((piece: Uint8Array) => void) | null = null;
  private ended = false;
  private heads: { bytes: number; resolve: (head: Uint8Array) => void }[] = [];

  get attached(): boolean {
    return this.take !== null;
  }

  push(piece: Uint8Array): void {
    this.received += piece.byteLength;
    if (this.take) return this.take(piece);
    if (!this.held) return;
    this.held.push(piece);
    this.heads = this.heads.filter((h) => (this.received >= h.bytes ? (h.resolve(this.first(h.bytes)), false) : true));
  }

  /** No more pieces (the body has arrived, or the download failed). */
  end(): void {
    this.ended = true;
    for (const h of this.heads) h.resolve(this.first(h.bytes));
    this.heads = [];
  }

  /** The body's first `bytes` bytes (fewer if it ends or fails before), once they have arrived; before a reader attaches. */
  head(bytes = 256): Promise<Uint8Array> {
    if (!this.held) throw new Error('the pieces are no longer held (a reader attached, or the tap was released)');
    if (this.ended || this.received >= bytes) return Promise.resolve(this.first(bytes));
    return new Promise((resolve) => this.heads.push({ bytes, resolve }));
  }

  /** From now on every piece goes to `take`, beginning with those that arrived before. */
  attach(take: (piece: Uint8Array) => void): void {
    if (!this.held) throw new Error('the pieces are no longer held (a reader attached, or the tap was released)');
    const held = this.held;
    this.held = null;
    this.take = take;
    for (const piece of held) take(piece);
  }

  /** No reader will attach (the body is read whole): pieces are no longer held here. */
  release(): void {
    this.held = null;
    for (const h of this.heads) h.resolve(new Uint8Array(0));
    this.heads = [];
  }

  private first(bytes: number): Uint8Array {
    const out = new Uint8Array(Math.min(bytes, this.received));
    let at = 0;
    for (const piece of this.held ?? []) {
      if (at >= out.length) break;
      const part = piece.subarray(0, out.length - at);
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}
