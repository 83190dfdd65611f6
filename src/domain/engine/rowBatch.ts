/**
 * Rows of cells as one string and three integer arrays, so a parsing helper's rows cross to the load worker as a few
 * objects (the arrays transferred) instead of hundreds of thousands of small arrays and strings to clone.
 */
export interface RowBatch {
  text: string;
  /** Where each cell ends in `text`. */
  cellEnds: Int32Array;
  /** Where each row's cells end in `cellEnds`. */
  rowEnds: Int32Array;
  /** Each row's index among the file's data rows. */
  rows: Int32Array;
}

export const batchBuffers = (batch: RowBatch): ArrayBuffer[] => [batch.cellEnds.buffer, batch.rowEnds.buffer, batch.rows.buffer] as ArrayBuffer[];

/** Collects rows and sends them `size` at a time (`flush` sends the rest). */
export function createRowBatcher(size: number, send: (batch: RowBatch) => void): { add(cells: readonly string[], i: number): void; flush(): void } {
  let parts: string[] = [];
  let cellEnds: number[] = [];
  let rowEnds: number[] = [];
  let rows: number[] = [];
  let length = 0;
  const flush = () => {
    if (rows.length === 0) return;
    send({ text: parts.join(''), cellEnds: Int32Array.from(cellEnds), rowEnds: Int32Array.from(rowEnds), rows: Int32Array.from(rows) });
    parts = [];
    cellEnds = [];
    rowEnds = [];
    rows = [];
    length = 0;
  };
  return {
    add(cells, i) {
      for (const cell of cells) {
        parts.push(cell);
        length += cell.length;
        cellEnds.push(length);
      }
      rowEnds.push(cellEnds.length);
      rows.push(i);
      if (rows.length >= size) flush();
    },
    flush,
  };
}

/** Each row of a batch, in order: its cells and its index. */
export function forEachRow(batch: RowBatch, take: (cells: string[], i: number) => void): void {
  const { text, cellEnds, rowEnds, rows } = batch;
  let cell = 0;
  let at = 0;
  for (let r = 0; r < rows.length; r++) {
    const end = rowEnds[r]!;
    const cells = new Array<string>(end - cell);
    for (let k = 0; cell < end; cell++, k++) {
      const next = cellEnds[cell]!;
      cells[k] = text.slice(at, next);
      at = next;
    }
    take(cells, rows[r]!);
  }
}
