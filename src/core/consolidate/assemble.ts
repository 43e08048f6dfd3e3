// The patch that applies a consolidation: master cells, 日志 rows (appended, or a new sheet), and the
// 进展情况 sheet rewritten when its rows changed.
import type { CellPatch, CellStyle, WorkbookPatch } from '../layout/types';
import { cellText as text } from '../text';
import type { MasterLookup } from './decide';
import { appendLogCells, ExistingLog, LOG_SHEET, LOG_STYLES, LogRow, logRowHeight, logSheet } from './log';
import { ProgressRow, progressSheet, PROGRESS_STYLES } from './progress';

export function assemblePatch(
  at: MasterLookup,
  log: ExistingLog | undefined,
  cells: CellPatch[],
  logRows: LogRow[],
  progress: ProgressRow[] | null,
): WorkbookPatch {
  const { master } = at;
  const styles: Record<string, CellStyle> = {
    ...LOG_STYLES,
    ...PROGRESS_STYLES,
    [master.entryStyle.key]: master.entryStyle.style,
    [master.textStyle.key]: master.textStyle.style,
  };
  const patch: WorkbookPatch = log
    ? {
        styles,
        cells: [...cells, ...appendLogCells(logRows, log.lastRow)],
        sheets: [],
        minRowHeights: logRows.map((row, i) => ({
          sheet: LOG_SHEET,
          r: log.lastRow + 1 + i,
          height: logRowHeight(row),
        })),
      }
    : { styles, cells, sheets: [logSheet(logRows)] };
  if (progress) {
    // In plan order, then by the unit's place among the item's 牵头单位; rows of ids the plan lost go last.
    const order = [...master.indicators.keys()];
    patch.sheets.push(
      progressSheet(progress, (row) => {
        const id = text(row.id);
        const i = order.indexOf(id);
        return [i < 0 ? order.length : i, i < 0 ? 0 : at.rank(id, text(row.unit))];
      }),
    );
  }
  return patch;
}
