import { createPieceDecoder, encodingOf, headOf } from '../import/decode';
import { importStream, type ImportOutcome } from '../import/pipeline';
import type { Download } from './fetchBody';
import { planSplit, readInParts, startHelper, type PartHelper } from './splitRead';

/** JSON datasets by name or first characters; everything else goes through the import readers. */
export const isJsonText = (text: string, name: string): boolean => /\.json$/i.test(name.split('?')[0]!) || /^\s*[[{]/.test(text.slice(0, 64));

/** A delimited body being read as it arrives: `end` once it has all arrived gives the outcome, or null if it is not valid text. */
export interface StreamedRead {
  end(): Promise<ImportOutcome | null>;
}

/**
 * A link's delimited file (an event file, a sheet) parsed while it downloads, so reading overlaps the transfer (a year
 * of ICEWS, 180 MB, took ~1 s to arrive before its first row was read). JSON is left to the whole-body path: null.
 * `onProgress(rows, within)`: rows read and the share of the body parsed (of Content-Length, when sent). With
 * `helper` (a way to start a parsing helper), a large event file is read in two parts, one on each core.
 */
export async function readWhileDownloading(download: Download, fileName: string, onProgress: (rows: number, within: number) => void, helper?: () => PartHelper): Promise<StreamedRead | null> {
  const { tap } = download;
  const head = await tap.head();
  if (head.length === 0 || isJsonText(headOf(head), fileName)) {
    tap.release();
    return null;
  }
  // A large event file is parsed on both cores (splitRead.ts).
  const plan = helper ? await planSplit(tap, fileName) : null;
  const started = plan ? startHelper(helper!) : null;
  if (plan && started) return readInParts(tap, plan, fileName, started, onProgress);
  const decoder = createPieceDecoder(encodingOf(head));
  let chars = 0;
  const stream = importStream(fileName, (rows, parsed) => onProgress(rows, tap.total ? (parsed / Math.max(1, chars)) * (tap.received / tap.total) : 0));
  let valid = true;
  let failure: unknown = null;
  const push = (text: string | null) => {
    if (text === null) valid = false;
    else if (text) {
      chars += text.length;
      stream.push(text);
    }
  };
  tap.attach((piece) => {
    if (!valid || failure) return;
    // A reader's bug must not end the download's loop: it is thrown where the outcome is asked for.
    try {
      push(decoder.push(piece));
    } catch (error) {
      failure = error;
    }
  });
  return {
    async end() {
      if (failure) throw failure;
      if (valid) push(decoder.end());
      return valid ? stream.end() : null;
    },
  };
}
