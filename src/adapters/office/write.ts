/// <reference types="office-js" />
// Draws one sheet of the layout model onto an empty worksheet: values, styles, merges, widths and heights,
// validations, freeze panes, filter, print setup and visibility.
import type { CellStyle, DataValidationRule, SheetLayout } from '../../core/layout/types';
import { columnPoints } from '../../core/layout/excelUnits';
import { type Batch, jsonBytes } from './batch';
import { applyStyles, fill, rangeOf, toExcelValue, writeBlock } from './cells';
import { applyPrint, setRowBreaks } from './print';

/** Renders one sheet of the layout onto an empty worksheet. */
export async function renderSheet(
  b: Batch,
  ws: Excel.Worksheet,
  sheet: SheetLayout,
  styles: Record<string, CellStyle>,
): Promise<void> {
  let maxR = 0;
  let maxC = 0;
  for (const cell of sheet.cells) {
    maxR = Math.max(maxR, cell.r);
    maxC = Math.max(maxC, cell.c);
  }
  if (maxR > 0) {
    const grid = fill<string | number | boolean>(maxR, maxC, '');
    for (const cell of sheet.cells) grid[cell.r - 1][cell.c - 1] = toExcelValue(cell.value);
    await writeBlock(b, ws, 1, 1, grid);
  }

  const byStyle = new Map<string, Array<{ r: number; c: number }>>();
  for (const cell of sheet.cells) {
    if (!cell.style) continue;
    const list = byStyle.get(cell.style);
    if (list) list.push(cell);
    else byStyle.set(cell.style, [cell]);
  }
  await applyStyles(b, ws, byStyle, styles);

  for (const m of sheet.merges) {
    await b.room(60);
    rangeOf(ws, m).merge(false);
  }

  // Widths and heights: one command per run of equal values.
  for (let i = 0; i < sheet.columnWidths.length;) {
    let j = i;
    while (j + 1 < sheet.columnWidths.length && sheet.columnWidths[j + 1] === sheet.columnWidths[i]) j++;
    await b.room(40);
    ws.getRangeByIndexes(0, i, 1, j - i + 1).format.columnWidth = columnPoints(sheet.columnWidths[i]);
    i = j + 1;
  }
  const heights = Object.entries(sheet.rowHeights)
    .map(([r, h]) => [Number(r), h] as const)
    .sort((x, y) => x[0] - y[0]);
  for (let i = 0; i < heights.length;) {
    let j = i;
    while (j + 1 < heights.length && heights[j + 1][0] === heights[j][0] + 1 && heights[j + 1][1] === heights[i][1])
      j++;
    await b.room(40);
    ws.getRangeByIndexes(heights[i][0] - 1, 0, heights[j][0] - heights[i][0] + 1, 1).format.rowHeight = heights[i][1];
    i = j + 1;
  }

  for (const v of sheet.validations) await applyValidation(b, ws, v);

  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    await b.room(60);
    if (sheet.freeze.cols > 0)
      ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, Math.max(1, sheet.freeze.rows), sheet.freeze.cols));
    else ws.freezePanes.freezeRows(sheet.freeze.rows);
  }
  if (sheet.autoFilter) {
    await b.room(60);
    ws.autoFilter.apply(rangeOf(ws, sheet.autoFilter));
  }
  if (sheet.print) await applyPrint(b, ws, sheet.print);
  if (sheet.rowBreaks?.length) await setRowBreaks(b, ws, sheet.rowBreaks, false);
  if (sheet.state !== 'visible') {
    await b.room(40);
    ws.visibility = sheet.state === 'hidden' ? 'Hidden' : 'VeryHidden';
  }
}

async function applyValidation(b: Batch, ws: Excel.Worksheet, v: DataValidationRule): Promise<void> {
  await b.room(jsonBytes(v) + 200);
  const dv = rangeOf(ws, v.range).dataValidation;
  if (v.type === 'decimal') {
    dv.rule =
      v.max === undefined
        ? { decimal: { formula1: v.min ?? 0, operator: 'GreaterThanOrEqualTo' } }
        : { decimal: { formula1: v.min ?? 0, formula2: v.max, operator: 'Between' } };
  } else {
    dv.rule = { list: { inCellDropDown: true, source: (v.list ?? []).join(',') } };
  }
  dv.ignoreBlanks = v.allowBlank;
  if (v.prompt || v.promptTitle) dv.prompt = { showPrompt: true, title: v.promptTitle ?? '', message: v.prompt ?? '' };
  if (v.error || v.errorTitle)
    dv.errorAlert = {
      showAlert: true,
      style: v.errorStyle === 'warning' ? 'Warning' : 'Stop',
      title: v.errorTitle ?? '',
      message: v.error ?? '',
    };
}
