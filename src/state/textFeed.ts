/**
 * A large dataset's search texts, which the load worker can build after the load (see engine/searchTexts.ts). They go
 * straight to the query worker on a port of their own: 200 MB of text at 250,000 meetings never passes through the page.
 */
export interface TextFeed {
  /**
   * Asks the load worker to build them and send them on `port`; it stops itself when done (`textsDone`). `onFailed`
   * if the worker stops before (an error in it).
   */
  sendTo(port: MessagePort, onFailed: () => void): void;
  /** Not wanted (another dataset is on screen, or no query worker): the load worker is stopped. */
  stop(): void;
}
