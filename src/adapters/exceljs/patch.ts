// Applies a WorkbookPatch (check results, 汇总 sheet) to .xlsx bytes and returns new bytes.
import * as ExcelJS from 'exceljs';
import type { WorkbookPatch } from '../../core/layout/types';
import { InputError } from '../../core/model';
import { loadWorkbook } from './read';
import { renderSheet, setRowBreaks, workbookBytes } from './render';
import { styleTable } from './styles';

function headerCode(text: string): string {
  return `&C${text.replace(/&(?![PN])/g, '&&')}`;
}

/** Applies `patch` to a loaded workbook in place. */
export function patchWorkbook(wb: ExcelJS.Workbook, patch: WorkbookPatch): void {
  const styleOf = styleTable(patch.styles);
  for (const p of patch.cells) {
    const ws = wb.getWorksheet(p.sheet);
    if (!ws) throw new InputError(`sheet ${p.sheet} is missing`, `sheet ${p.sheet}`, `缺少工作表“${p.sheet}”`);
    const cell = ws.getRow(p.r).getCell(p.c);
    if (p.value !== undefined) cell.value = p.value;
    const st = styleOf(p.style);
    if (st) cell.style = st;
  }
  for (const m of patch.minRowHeights ?? []) {
    const row = wb.getWorksheet(m.sheet)?.getRow(m.r);
    if (row && (row.height === undefined || row.height < m.height)) row.height = m.height;
  }
  for (const sheet of patch.sheets) {
    const old = wb.getWorksheet(sheet.name);
    // Replace a sheet in place: same position in the tab order.
    const orderNo = old ? (old as unknown as { orderNo: number }).orderNo : undefined;
    if (old) wb.removeWorksheet(old.id);
    const ws = wb.addWorksheet(sheet.name);
    if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
    renderSheet(ws, sheet, styleOf);
  }
  // ExcelJS reads every sheet back with firstPageNumber=1, which makes LibreOffice restart page
  // numbers on each sheet; drop it so numbering stays as generated.
  for (const ws of wb.worksheets) ws.pageSetup.firstPageNumber = undefined;
  for (const b of patch.rowBreaks ?? []) {
    const ws = wb.getWorksheet(b.sheet);
    if (ws) setRowBreaks(ws, b.rows);
  }
  for (const h of patch.printHeaders ?? []) {
    const ws = wb.getWorksheet(h.sheet);
    if (ws) ws.headerFooter = { ...ws.headerFooter, oddHeader: headerCode(h.header) };
  }
}

/** Applies `patch` to .xlsx bytes; returns new bytes (the input is not changed). */
export async function applyPatch(data: Uint8Array, patch: WorkbookPatch, where?: string): Promise<Uint8Array> {
  const wb = await loadWorkbook(data, where);
  patchWorkbook(wb, patch);
  return workbookBytes(wb);
}
