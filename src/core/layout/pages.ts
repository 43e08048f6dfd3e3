// Where printed pages end: manual row breaks so a merged block (an item and its indicator rows) is
// never cut in the middle of a page, which would clip its text on both pages.
import type { PrintSetup } from './types';

/** Paper size in points, portrait. */
const PAPER: Record<PrintSetup['paper'], { w: number; h: number }> = {
  A3: { w: 841.89, h: 1190.55 },
  A4: { w: 595.28, h: 841.89 },
};

/** Width of a column in points for a width in Excel character units (7 px per unit plus 5 px padding). */
function columnPt(widthChars: number): number {
  return (Math.round(widthChars * 7) + 5) * 0.75;
}

/** Sheet points that fit on one printed page when the sheet is scaled to fit one page wide.
 *  `safety` leaves room for hosts whose scale differs slightly from ours. */
export function pageCapacity(columnWidths: number[], print: PrintSetup, safety = 0.95): number {
  const paper = PAPER[print.paper];
  const [pw, ph] = print.orientation === 'landscape' ? [paper.h, paper.w] : [paper.w, paper.h];
  const m = print.margins;
  const printableW = pw - (m.left + m.right) * 72;
  const printableH = ph - (m.top + m.bottom) * 72;
  const sheetW = columnWidths.reduce((a, w) => a + columnPt(w), 0);
  const scale = Math.min(1, Math.floor((printableW / sheetW) * 100) / 100);
  return (printableH / scale) * safety;
}

/** Greedy page filling: returns the rows after which to break so no block spans two pages
 *  (unless a block is taller than a page by itself).
 *  `lead`: height of the rows above the first block on page 1; `repeated`: height of the title rows
 *  printed again on every later page; `blocks`: consecutive row spans with their heights. */
export function blockBreaks(capacity: number, lead: number, repeated: number, blocks: { first: number; height: number }[]): number[] {
  const breaks: number[] = [];
  let used = lead;
  let onPage = 0;
  for (const b of blocks) {
    if (used + b.height > capacity && onPage > 0) {
      breaks.push(b.first - 1);
      used = repeated;
      onPage = 0;
    }
    used += b.height;
    onPage++;
  }
  return breaks;
}

/** Sum of row heights over rows [from, to], with `fallback` for rows without a height. */
export function spanHeight(heights: Record<number, number>, from: number, to: number, fallback = 15): number {
  let h = 0;
  for (let r = from; r <= to; r++) h += heights[r] ?? fallback;
  return h;
}
