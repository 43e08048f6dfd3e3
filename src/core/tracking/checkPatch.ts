// What a check writes into 推进计划表: 状态 (mark + word), fill per status, 完成率, 说明, refreshed target
// texts and 进展情况 per indicator row, raised row heights and page breaks.
// Every indicator row is restyled on every check, so highlights replace earlier ones instead of piling up.
import type { Judgement } from '../model';
import type { CellPatch, WorkbookPatch } from '../layout/types';
import { heightForText } from '../layout/rowHeights';
import { SIZE, TEXT_INDENT } from '../layout/styles';
import { targetText } from './format';
import { mainRowBreaks } from './print';
import type { TrackingRead } from './read';
import { MAIN_WIDTHS, COL, HEADER } from './sheet';
import { statusText } from './statusPolicy';

type MinHeight = { sheet: string; r: number; height: number };

const width = (c: number) => MAIN_WIDTHS[c - 1];
const fraction = (rate: number | null) => (rate === null ? null : Math.round(rate * 10) / 1000);

/** One indicator row's cells; returns the height its 说明 and 进展情况 need (0: no need). */
function indicatorCells(
  read: TrackingRead,
  ind: TrackingRead['indicators'][number],
  at: { j: Judgement; r: number; year: number; entry: TrackingRead['entries'][number] | undefined },
  cells: CellPatch[],
): number {
  const { j, r, year, entry } = at;
  const pos = read.positions;
  const cols = pos.columns;
  const sheet = pos.sheet;
  // A workbook from before the two rate columns: its one 完成率 column becomes 全年完成率, so it never mixes bases.
  const annualRateCol = cols.annualRate ?? cols.rate;
  const s = j.status;
  cells.push({ sheet, r, c: cols.status, value: statusText(s), style: `chk.status.${s}` });
  if (cols.h1Rate !== null) cells.push({ sheet, r, c: cols.h1Rate, value: fraction(j.h1Rate), style: `chk.rate.${s}` });
  if (annualRateCol !== null)
    cells.push({ sheet, r, c: annualRateCol, value: fraction(j.annualRate), style: `chk.rate.${s}` });
  if (cols.note !== null) cells.push({ sheet, r, c: cols.note, value: j.message, style: `chk.left.${s}` });
  if (cols.id > 0) cells.push({ sheet, r, c: cols.id, style: `chk.center.${s}` });
  if (cols.label > 0) cells.push({ sheet, r, c: cols.label, style: `chk.left.${s}` });
  if (cols.h1Target > 0)
    cells.push({ sheet, r, c: cols.h1Target, value: targetText(ind, 'h1', year), style: `chk.center.${s}` });
  if (cols.annualTarget > 0)
    cells.push({ sheet, r, c: cols.annualTarget, value: targetText(ind, 'annual', year), style: `chk.center.${s}` });
  // Entry cells: style reset to the entry tint, value untouched; a cell the user formatted as a percentage stays one.
  cells.push(
    { sheet, r, c: cols.h1, style: entry?.h1Percent ? 'entryPct' : 'entry' },
    { sheet, r, c: cols.annual, style: entry?.annualPercent ? 'entryPct' : 'entry' },
  );
  // 进展情况 comes from the consolidated returns; without a text the cell keeps what it holds.
  const progress = read.progress[ind.id];
  if (cols.progress !== null && progress !== undefined)
    cells.push({ sheet, r, c: cols.progress, value: progress, style: 'progressText' });
  return Math.max(
    cols.note !== null ? heightForText(j.message, width(COL.note), SIZE.body, TEXT_INDENT) : 0,
    cols.progress !== null && progress !== undefined
      ? heightForText(progress, width(COL.progress), SIZE.body, TEXT_INDENT)
      : 0,
  );
}

/** Page breaks again, for the heights after 说明 raised some rows (only when the adapter told us heights). */
function rowBreaksAfter(read: TrackingRead, minRowHeights: MinHeight[]): WorkbookPatch['rowBreaks'] {
  const pos = read.positions;
  if (!pos.rowHeights) return undefined;
  const heights = { ...pos.rowHeights };
  for (const m of minRowHeights) heights[m.r] = Math.max(heights[m.r] ?? 0, m.height);
  return [{ sheet: pos.sheet, rows: mainRowBreaks(heights, read.items) }];
}

/** The main sheet's part of a check: 状态/完成率/说明 per indicator row with fills, refreshed target texts
 *  (from the 指标 sheet), raised row heights where 说明 needs them, and page breaks for them.
 *  Entry cells keep their values (only their style is reset). */
export function mainSheetChecked(
  read: TrackingRead,
  judgements: Judgement[],
  asOf: string,
): Pick<WorkbookPatch, 'cells' | 'minRowHeights' | 'rowBreaks'> {
  const pos = read.positions;
  const cols = pos.columns;
  const byId = new Map(judgements.map((j) => [j.id, j]));
  const entryOf = new Map(read.entries.map((e) => [e.id, e]));
  const cells: CellPatch[] = [];
  const minRowHeights: MinHeight[] = [];
  const sheet = pos.sheet;
  const year = read.meta.year ?? Number(asOf.slice(0, 4));
  if (cols.annualRate === null && cols.rate !== null) {
    cells.push({ sheet, r: pos.headerRow, c: cols.rate, value: HEADER.annualRate, style: 'head' });
  }
  for (const ind of read.indicators) {
    const r = pos.rows[ind.id];
    const j = byId.get(ind.id);
    if (r === undefined || !j) continue;
    const need = indicatorCells(read, ind, { j, r, year, entry: entryOf.get(ind.id) }, cells);
    if (need > 0) minRowHeights.push({ sheet, r, height: need });
  }
  const rowBreaks = rowBreaksAfter(read, minRowHeights);
  return { cells, minRowHeights, ...(rowBreaks ? { rowBreaks } : {}) };
}
