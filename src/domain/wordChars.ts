/**
 * Letters and digits (`\p{L}` ∪ `\p{N}`, Unicode 17) as a table, for splitting text into words without a Unicode
 * property regex: V8 compiles such a regex to native code on its second use, and the huge character class made that one
 * compilation a 65–350 ms main-thread task in the middle of the idle search warm-up. The boundaries (code points where
 * "is a word character" flips, starting with "no") are stored as base-36 deltas; tests/domain/wordChars.test.ts checks
 * every code point against the regex and prints the new string when the runtime's Unicode version moves on.
 */
export const WORD_CHAR_RUNS =
  '1c,a,7,q,6,q,1b,1,7,2,1,1,3,2,1,3,1,n,1,v,1,cq,4,c,e,5,7,1,1,1,3l,5,1,2,2,4,1,1,6,1,1,3,1,1,1,k,1,2b,1,3v,8,4m,1,12,2,1,6,15,1z,r,4,4,19,17,l,a,4,2,1,2r,1,1,f,2,7,f,2,1,g,1,1,u,t,2h,b,1,e,17,9,2,4,1,5,m,4,1,9,1,3,1,n,p,7,b,5,o,1,7,g,16,1m,1i,3,1,i,1,7,a,4,a,1,g,4,8,2,2,2,m,1,7,1,1,3,4,3,1,g,1,d,2,1,3,4,c,2,6,2,1,8,6,4,2,2,m,1,7,1,2,1,2,1,2,v,4,1,1,7,a,2,3,g,9,1,3,1,m,1,7,1,2,1,5,3,1,i,1,f,2,4,a,9,1,b,8,2,2,2,m,1,7,1,2,1,5,3,1,u,2,1,3,4,a,1,7,b,1,1,6,3,3,1,4,3,2,1,1,1,2,3,2,3,3,3,c,m,1,l,d,i,8,1,3,1,n,1,g,3,1,q,3,1,2,2,2,4,a,8,7,1,1,4,8,1,3,1,n,1,a,1,5,3,1,u,3,1,2,4,a,1,2,h,9,1,3,1,15,2,1,g,1,5,3,1,a,4,j,1,6,5,i,3,o,1,9,1,1,2,7,v,a,h,1c,1,2,c,7,9,a,13,2,1,1,1,5,1,o,1,1,1,a,1,2,9,1,2,5,1,1,9,a,2,4,w,1,v,k,c,8,1,10,r,5,37,17,k,b,6,6,4,4,3,1,3,2,7,3,4,d,c,1,1,a,6,12,1,1,5,1,2,17,1,99,1,4,2,7,1,1,1,4,2,15,1,4,2,x,1,4,2,7,1,1,1,4,2,f,1,1l,1,4,2,1v,e,k,3,g,g,2e,2,6,3,h8,2,h,1,q,5,23,3,b,7,i,d,j,e,i,e,d,1,3,f,1g,z,1,4,1,3,a,6,a,m,a,6,2h,7,5,2,y,1,1,5,1y,a,v,13,14,2,5,b,18,4,q,6,b,11,n,9,1h,17,a,6,a,d,1,2l,1b,h,8,3,a,15,u,d,1k,q,10,s,a,3,1d,2,b,5,17,2,3,15,4,1,6,1,2,3,1,5,5c,1s,7q,2,6,2,12,2,6,2,8,1,1,1,1,1,1,1,v,2,1h,1,7,1,1,3,3,1,7,3,4,2,6,4,d,5,3,1,7,37,2,2,6,5,b,6,d,2t,1,4,1,2,a,1,1,3,5,6,1,1,1,1,1,1,4,1,b,2,4,5,5,4,1,1,1m,k6,1o,26,m,hi,u,vg,6d,6,4,3,2,9,1,2,12,1,1,5,1,2,1k,7,1,g,n,9,7,1,7,1,7,1,7,1,7,1,7,1,7,1,7,28,1,d1,3,p,9,7,5,2,5,4,2e,6,3,1,2i,1,4,5,17,1,2m,3,4,a,w,1c,g,w,a,u,8,1,f,w,a,13,f,8w,534,1s,h3h,1v,1a,2,7h,3,s,k,1b,g,v,2,28,13,9,2,2v,2,2a,k,h,1,3,1,4,1,n,d,6,a,1g,e,1e,s,a,o,6,3,1,1,2,1,12,a,n,p,t,7,1b,s,b,6,5,1,p,1,15,n,3,1,8,4,a,6,n,3,1,3,1e,1,1,3,2,2,5,2,1,1,1,o,3,2,b,7,3,c,6,2,6,2,6,9,7,1,7,1,17,1,e,6,37,d,a,6,8mc,c,n,4,1d,6is,a6,2,2y,12,7,c,5,5,1,1,a,1,d,1,5,1,1,1,2,1,2,1,30,x,a3,i,1s,2,1i,14,c,38,5,1,3r,j,a,7,q,6,q,b,2h,3,6,2,6,2,6,2,3,z,c,1,q,1,j,1,2,1,f,2,e,y,3f,c,19,c,1l,h,2,6s,t,3,1d,g,r,4,10,9,u,5,12,a,u,2,10,4,8,1,5,16,4e,2,a,6,10,4,10,4,14,8,1g,c,b,1,f,1,7,1,2,1,b,1,f,1,7,1,2,3,1g,c,8n,9,m,a,8,o,6,1,16,1,9,1x,6,2,1,1,18,1,2,3,1,2,n,2,v,2,12,8,9,1c,j,1,2,5,x,4,q,6,q,12,1k,4,k,2,1b,f,4,1,3,1,t,a,9,n,v,1,w,w,8,1,s,6,5,g,1i,a,m,2,r,5,q,n,7,28,21,1j,1f,d,1f,7,16,c,a,6,12,9,n,62,v,1,16,6,2,g,6,1k,14,8,m,b,4,r,i,1a,s,k,n,c,1h,q,u,1,2,2,1,d,19,w,p,7,a,9,10,f,a,4,1,2,1,8,z,3,1,c,1c,e,4,b,b,1,1,4,k,b,i,1,p,j,2,1r,7,1,1,1,4,1,f,1,a,7,1b,h,a,b,8,2,2,2,m,1,7,1,2,1,5,3,1,i,1,c,5,u,a,1,1,2,1,1,12,1,1,p,1,1,1,18,1h,i,4,5,a,5,3,u,1c,k,2,1,1,8,a,4m,1b,15,4,10,1c,k,1,b,a,12,17,d,1,7,a,6,k,s,r,l,c,4,7,55,18,38,2b,c,8,2,1,2,8,1,2,1,o,f,1,1,1,e,a,1y,8,2,13,g,1,1,1,s,1,a,14,7,1,l,1,b,1a,j,1,i,21,5j,x,f,a,6,9,1,11,h,1,f,t,5,u,34,7,1,2,1,12,l,1,9,a,6,6,1,2,1,w,e,1,7,a,6,18,4,a,6u,j,f,1,1,d,1,y,s,a,2e,1,f,l,17,pm,2u,33,h,5g,218,2p,f,ts,h,6,p,32z,5,g7,5a1,u,i,a,1c6,ft,7,v,1,a,6,27,1,a,6,u,i,1c,g,4,c,a,1,7,1,l,5,j,c0,19,3,a,5i,2f,9,p,2,p,18,23,5,1,1u,d,1s,2,1,1,e,5,9,5p2,15,w,2p,37,6pp,4,1,7,1,2,1,83,f,1,t,3,2,1,e,4,8,b0,1s4,2z,5,d,3,9,7,a,386,a,152,k,c,k,30,p,3r,2d,1,1z,1,2,2,1,2,2,2,4,1,c,1,1,1,7,1,1t,1,4,2,8,1,7,1,s,1,4,1,5,1,1,3,7,1,9g,2,p,1,p,1,v,1,p,1,v,1,p,1,v,1,p,1,v,1,p,1,8,2,1e,1ds,v,6,6,79,1q,42,19,a,7,2,a,4,1,8x,u,i,18,4,a,d2,s,4,a,5y,u,2,b,5h,v,1,3,1,2,1,7,2,5,9,2,68,7,1,4,1,2,1,f,1,5h,2,9,1c,1w,7,1,4,a,lz,1n,1,3,1,4,24,19,1,f,5e,4,1,r,1,2,1,1,2,1,1,a,1,4,1,1,1,1,6,1,4,1,1,1,1,1,1,3,1,2,1,1,2,1,1,1,1,1,1,1,1,1,1,2,1,1,2,4,1,7,1,4,1,4,1,1,1,a,1,h,5,3,1,5,1,h,g4,d,25f,a,sm,wyo,w,3dq,2,4ge,2,5rl,f,ha,1wi,f2,15u,3t7,5,6ju';

let boundaries: Uint32Array | null = null;
/** 1 = letter or digit, per BMP code unit (surrogates are 0); astral code points are looked up in `boundaries`. */
let bmp: Uint8Array | null = null;

function decode(): void {
  const deltas = WORD_CHAR_RUNS.split(',');
  boundaries = new Uint32Array(deltas.length);
  let at = 0;
  for (let k = 0; k < deltas.length; k++) boundaries[k] = at += parseInt(deltas[k]!, 36);
  bmp = new Uint8Array(0x10000);
  for (let k = 0; k + 1 < boundaries.length && boundaries[k]! < 0x10000; k += 2) bmp.fill(1, boundaries[k]!, Math.min(0x10000, boundaries[k + 1]!));
}

/** Whether a code point is a letter or a digit. */
export function isWordCodePoint(cp: number): boolean {
  if (!bmp) decode();
  if (cp < 0x10000) return bmp![cp] === 1;
  // The number of boundaries at or below cp is odd inside a run of word characters.
  const b = boundaries!;
  let lo = 0;
  let hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (b[mid]! <= cp) lo = mid + 1;
    else hi = mid;
  }
  return (lo & 1) === 1;
}

/**
 * Calls `word` with each maximal run of letters and digits, in order: the same words as
 * `text.split(/[^\p{L}\p{N}]+/u).filter(Boolean)` (a lone surrogate separates words, as there).
 */
export function forEachWord(text: string, word: (w: string) => void): void {
  if (!bmp) decode();
  const table = bmp!;
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    let width = 1;
    let isWord: boolean;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        width = 2;
        isWord = isWordCodePoint(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
      } else isWord = false;
    } else isWord = table[c] === 1;
    if (isWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      word(text.slice(start, i));
      start = -1;
    }
    i += width;
  }
  if (start >= 0) word(text.slice(start));
}
