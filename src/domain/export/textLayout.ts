/**
 * Text layout for exported figures, without a DOM to measure in: a run is a piece of text, and
 * data runs (names, titles, anything from the dataset) are kept apart so the drawing can
 * bidi-isolate each one. Widths are estimates (sans-serif averages under 0.6 em per character).
 */
export interface TextRun {
  text: string;
  /** From the data: drawn in its own bidi-isolated span. */
  data?: boolean;
}

export const CHAR_EM = 0.6;

export const estimateTextWidth = (text: string, fontPx: number): number => text.length * fontPx * CHAR_EM;

/** Splits runs into lines of at most `maxChars` characters, at spaces where possible. */
export function wrapRuns(runs: readonly TextRun[], maxChars: number): TextRun[][] {
  const limit = Math.max(8, Math.floor(maxChars));
  const lines: TextRun[][] = [[]];
  let used = 0;
  const push = (text: string, data: boolean | undefined) => {
    const line = lines[lines.length - 1]!;
    const last = line[line.length - 1];
    if (last && !!last.data === !!data) last.text += text;
    else line.push(data ? { text, data } : { text });
    used += text.length;
  };
  for (const run of runs) {
    // Words keep their following space so a break never eats a character of the data.
    for (const word of run.text.match(/\S+\s*|\s+/g) ?? []) {
      let rest = word;
      while (rest.length) {
        const room = limit - used;
        const bare = rest.trimEnd().length;
        if (bare <= room) {
          push(rest, run.data);
          rest = '';
        } else if (used > 0 && bare <= limit) {
          lines.push([]);
          used = 0;
        } else {
          // Longer than a line (a long link): cut it.
          const take = Math.max(1, room);
          push(rest.slice(0, take), run.data);
          rest = rest.slice(take);
          if (rest) {
            lines.push([]);
            used = 0;
          }
        }
      }
    }
  }
  for (const line of lines) {
    const last = line[line.length - 1];
    if (last) last.text = last.text.trimEnd();
  }
  return lines.filter((line) => line.some((r) => r.text.length));
}
