// Where printed pages end: manual row breaks so a merged block (an item and its indicator rows) is
// never cut in the middle of a page, which would clip its text on both pages.
import type { PrintSetup } from './types';
import { columnPoints, POINTS_PER_INCH } from './excelUnits';

/** Paper size in points, portrait. */
const PAPER: Record<PrintSetup['paper'], { w: number; h: number }> = {
  A3: { w: 841.89, h: 1190.55 },
  A4: { w: 595.28, h: 841.89 },
};

/** Sheet points that fit on one printed page when the sheet is scaled to fit one page wide.
 *  `safety` leaves room for hosts whose scale differs slightly from ours. */
export function pageCapacity(columnWidths: number[], print: PrintSetup, safety = 0.95): number {
  const paper = PAPER[print.paper];
  const [pw, ph] = print.orientation === 'landscape' ? [paper.h, paper.w] : [paper.w, paper.h];
  const m = print.margins;
  const printableW = pw - (m.left + m.right) * POINTS_PER_INCH;
  const printableH = ph - (m.top + m.bottom) * POINTS_PER_INCH;
  const sheetW = columnWidths.reduce((a, w) => a + columnPoints(w), 0);
  const scale = Math.min(1, Math.floor((printableW / sheetW) * 100) / 100);
  return (printableH / scale) * safety;
}

/** Page breaks so no block spans two pages (unless a block is taller than a page by itself), using as few
 *  pages as greedy filling would, and among those the arrangement whose emptiest page (the last aside) is
 *  fullest: a block too tall for the space left moves to the next page, and earlier blocks may follow it
 *  there, instead of leaving one page half empty.
 *  `lead`: height of the rows above the first block on page 1; `repeated`: height of the title rows printed
 *  again on every later page; `blocks`: consecutive row spans with their heights. Returns the rows after which
 *  a new page starts. */
export function blockBreaks(
  capacity: number,
  lead: number,
  repeated: number,
  blocks: { first: number; height: number }[],
): number[] {
  const n = blocks.length;
  if (n === 0) return [];
  // best[i]: pages and the lowest fill of a full page for blocks i..n-1 starting a page; next[i]: where the following page starts.
  const pages = new Array<number>(n + 1).fill(0);
  const minFill = new Array<number>(n + 1).fill(Infinity);
  const next = new Array<number>(n).fill(n);
  for (let i = n - 1; i >= 0; i--) {
    const top = i === 0 ? lead : repeated;
    let used = top;
    let bestPages = Infinity;
    let bestFill = -Infinity;
    for (let j = i; j < n; j++) {
      used += blocks[j].height;
      if (used > capacity && j > i) break;
      const end = j + 1;
      const fill = end === n ? Infinity : Math.min(used / capacity, minFill[end]);
      const p = 1 + pages[end];
      if (p < bestPages || (p === bestPages && fill > bestFill)) {
        bestPages = p;
        bestFill = fill;
        next[i] = end;
      }
    }
    pages[i] = bestPages;
    minFill[i] = bestFill;
  }
  const breaks: number[] = [];
  for (let i = next[0]; i < n; i = next[i]) breaks.push(blocks[i].first - 1);
  return breaks;
}

/** Sum of row heights over rows [from, to], with `fallback` for rows without a height. */
export function spanHeight(heights: Record<number, number>, from: number, to: number, fallback = 15): number {
  let h = 0;
  for (let r = from; r <= to; r++) h += heights[r] ?? fallback;
  return h;
}
