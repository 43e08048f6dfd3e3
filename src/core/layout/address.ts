// A1-style addresses, the way every host names cells.
import type { Range } from './types';

/** Column letters for a 1-based column number: 1 → A, 27 → AA. */
export function colLetters(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 'B3' for a single cell, 'B3:D9' for a larger range (1-based). */
export function rangeA1(r: Range): string {
  const tl = `${colLetters(r.c1)}${r.r1}`;
  return r.r1 === r.r2 && r.c1 === r.c2 ? tl : `${tl}:${colLetters(r.c2)}${r.r2}`;
}
