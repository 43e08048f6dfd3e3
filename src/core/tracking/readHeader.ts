// Finding things in a tracking workbook read back from any program: by header text, never by fixed position
// (another program may have moved or restyled them).
import type { GridSheet } from '../layout/types';
import { colLetters } from '../layout/address';
import { cellText } from '../text';

/** An indicator id: 序号.k ("3.1"). */
export const ID = /^\d+\.\d+$/;

/** 'A1'-style address of a 0-based position. */
export function a1(r0: number, c0: number): string {
  return `${colLetters(c0 + 1)}${r0 + 1}`;
}

/** Finds the first row (0-based) containing all `texts`, returning the column of each. */
export function findHeader(
  sheet: GridSheet,
  texts: string[],
  maxRows = 30,
): { row: number; cols: Map<string, number> } | null {
  for (let r = 0; r < Math.min(sheet.rows.length, maxRows); r++) {
    const row = sheet.rows[r] ?? [];
    const cols = new Map<string, number>();
    row.forEach((v, c) => {
      const t = cellText(v).replace(/\s+/g, '');
      if (texts.includes(t) && !cols.has(t)) cols.set(t, c);
    });
    if (texts.every((t) => cols.has(t))) return { row: r, cols };
  }
  return null;
}
