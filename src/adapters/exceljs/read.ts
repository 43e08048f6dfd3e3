// Reads .xlsx bytes into the core's WorkbookGrid (values only). Refuses bad zips before ExcelJS sees them.
import * as ExcelJS from 'exceljs';
import type { CellValue, GridSheet, WorkbookGrid } from '../../core/layout/types';
import { InputError } from '../../core/model';
import { guardXlsx } from '../../core/zipGuard';
import { isPercentFormat } from '../../core/layout/numberFormat';
import { uncalculatedFormula } from '../../core/formula';
import { checkUnpackedSizes, readGridFast } from './grid';
import { serialFormatKind, serialToIso, utcDateToSerial } from '../../core/dates';

const DAY_MS = 86_400_000;

/** How a cell shows dates: its number format and the workbook's date system. */
interface DateContext {
  numFmt?: string;
  date1904?: boolean;
}

/** A date ExcelJS made of a serial: an ISO day under a date format, the serial itself under a time-only one
 *  (the same values the fast reader and the Office.js reader give). */
function dateValue(d: Date, at: DateContext): CellValue {
  if (Number.isNaN(d.getTime())) return null;
  const serial = utcDateToSerial(d, at.date1904);
  if (serialFormatKind(at.numFmt) === 'time') return Math.round(serial * DAY_MS) / DAY_MS;
  // ExcelJS already moved 1904 serials to their day; the 1900 system's phantom 1900-02-29 is ours to mend.
  return serialToIso(utcDateToSerial(d), false);
}

/** One ExcelJS cell value as a plain grid value (rich text joined, formulas → cached result, dates → ISO). */
export function plainValue(v: ExcelJS.CellValue, at: DateContext = {}): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateValue(v, at);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const f = v as ExcelJS.CellFormulaValue;
      // No stored result (a script wrote the file): say so rather than read it as blank or 0.
      if (f.result === undefined || f.result === null) return uncalculatedFormula(f.formula ?? '');
      return plainValue(f.result as ExcelJS.CellValue, at);
    }
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return String(v.error);
  }
  return null;
}

/** Values of every sheet in an ExcelJS workbook, as the core reads them. */
export function gridOf(wb: ExcelJS.Workbook): WorkbookGrid {
  const sheets: GridSheet[] = [];
  const date1904 = Boolean(wb.properties.date1904);
  wb.eachSheet((ws) => {
    const rows: CellValue[][] = [];
    const rowHeights: Record<number, number> = {};
    const percentCells: [number, number][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (row.height) rowHeights[r] = row.height;
      const out: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // Slaves of a merge repeat the master's value in ExcelJS; the grid keeps it in the master only.
        const v =
          cell.isMerged && cell.master !== cell ? null : plainValue(cell.value, { numFmt: cell.numFmt, date1904 });
        if (v !== null && v !== '') out[c - 1] = v;
        if (typeof v === 'number' && isPercentFormat(cell.numFmt)) percentCells.push([r, c]);
      });
      for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
      if (out.length > 0) rows[r - 1] = out;
    });
    for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
    sheets.push({ name: ws.name, state: ws.state ?? 'visible', rows, rowHeights, percentCells });
  });
  return { sheets };
}

type MergeFn = (this: { _merges: Record<string, unknown> }, dims: unknown, ignoreStyle?: boolean) => void;

/** ExcelJS checks every merge it loads against all merges before it (quadratic: ~2 minutes for a
 *  10,000-row tracking workbook). A file's merges don't overlap (Excel refuses such files), so while
 *  we load, each merge is checked against an empty index and the index is put back together after. */
async function withLinearMerges<T>(fn: () => Promise<T>): Promise<T> {
  const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet('probe')) as { _mergeCellsInternal: MergeFn };
  const original = proto._mergeCellsInternal;
  if (typeof original !== 'function') return fn();
  proto._mergeCellsInternal = function (dims, ignoreStyle) {
    const all = this._merges;
    this._merges = {};
    try {
      original.call(this, dims, ignoreStyle);
    } finally {
      this._merges = Object.assign(all, this._merges);
    }
  };
  try {
    return await fn();
  } finally {
    proto._mergeCellsInternal = original;
  }
}

/** Loads .xlsx bytes into ExcelJS after the zip guard; any failure becomes a plain-words InputError. */
export async function loadWorkbook(data: Uint8Array, where?: string): Promise<ExcelJS.Workbook> {
  guardXlsx(data, where);
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS unpacks every entry whole; count real sizes first, as directory sizes can lie. And it trusts
    // cell references: the bounded reader refuses rows and columns past Excel's limits before ExcelJS sees them.
    await checkUnpackedSizes(data, where);
    await readGridFast(data, where);
    await withLinearMerges(() => wb.xlsx.load(data as unknown as ArrayBuffer));
  } catch (e) {
    if (e instanceof InputError) throw e;
    const why = e instanceof Error ? e.message.split('\n')[0].slice(0, 120) : String(e);
    throw new InputError(
      `not a readable .xlsx workbook (${why})`,
      where,
      '这不是有效的 Excel 工作簿（.xlsx），无法读取',
    );
  }
  return wb;
}

/** Reads .xlsx bytes into a WorkbookGrid (zip guard first; truncated, fake or oversized files → InputError).
 *  Values only, via the fast reader; gridOf(loadWorkbook(...)) gives the same grid through ExcelJS. */
export async function readWorkbookGrid(data: Uint8Array, where?: string): Promise<WorkbookGrid> {
  return readGridFast(data, where);
}
