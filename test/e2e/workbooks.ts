// What a person does in Excel between the pane's steps: type figures into the downloaded workbooks.
// Written with ExcelJS in node; positions come from the core's own readers (by header text, never fixed).
import * as fs from 'fs';
import * as ExcelJS from 'exceljs';
import { readWorkbookGrid } from '../../src/adapters/exceljs/read';
import { readTracking, type TrackingRead } from '../../src/core/tracking/read';
import { RETURN_HEADERS, RETURN_SHEET } from '../../src/core/returns/layout';
import { readReturnMeta } from '../../src/core/returns/meta';
import type { Indicator } from '../../src/core/model';

export async function readTrackingFile(file: string): Promise<TrackingRead> {
  return readTracking(await readWorkbookGrid(new Uint8Array(fs.readFileSync(file)), file));
}

export type Figures = Record<string, { h1?: ExcelJS.CellValue; annual?: ExcelJS.CellValue }>;

/** Types figures into the tracking workbook's entry cells (上半年完成 / 全年完成) and saves a copy. */
export async function fillTracking(
  file: string,
  out: string,
  figures: (ind: Indicator, i: number) => Figures[string] | undefined,
): Promise<TrackingRead> {
  const read = await readTrackingFile(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(read.positions.sheet)!;
  read.indicators.forEach((ind, i) => {
    const f = figures(ind, i);
    if (!f) return;
    const r = read.positions.rows[ind.id];
    if (f.h1 !== undefined) ws.getCell(r, read.positions.columns.h1).value = f.h1;
    if (f.annual !== undefined) ws.getCell(r, read.positions.columns.annual).value = f.annual;
  });
  await wb.xlsx.writeFile(out);
  return read;
}

export interface ReturnForm {
  file: string;
  unit: string;
  ids: string[];
}

export async function readReturnForm(file: string): Promise<ReturnForm> {
  const grid = await readWorkbookGrid(new Uint8Array(fs.readFileSync(file)), file);
  const meta = readReturnMeta(grid);
  if (!meta.ok) throw new Error(`${file}: ${meta.reason}`);
  return { file, unit: meta.meta.unit, ids: meta.meta.ids };
}

/** Fills a return form's entry cells by indicator id, found under the 指标编号 header. */
export async function fillReturn(file: string, out: string, figures: Figures): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(RETURN_SHEET)!;
  let header = 0;
  const col: Record<string, number> = {};
  ws.eachRow((row, r) => {
    if (header) return;
    row.eachCell((cell, c) => {
      const t = String(cell.value ?? '').trim();
      if (t === RETURN_HEADERS.id) header = r;
      col[t] = c;
    });
  });
  if (!header) throw new Error(`${file}: no ${RETURN_HEADERS.id} header`);
  ws.eachRow((row, r) => {
    if (r <= header) return;
    const id = String(row.getCell(col[RETURN_HEADERS.id]).value ?? '').trim();
    const f = figures[id];
    if (!f) return;
    if (f.h1 !== undefined) row.getCell(col[RETURN_HEADERS.h1]).value = f.h1;
    if (f.annual !== undefined) row.getCell(col[RETURN_HEADERS.annual]).value = f.annual;
  });
  await wb.xlsx.writeFile(out);
}
