/// <reference types="office-js" />
// Reads sheets back as the core's grid: used ranges with their number formats, in one request or in row
// blocks when the response would be too large; date-formatted serials become ISO days in the workbook's system.
import type { CellValue, GridSheet } from '../../core/layout/types';
import { isPercentFormat } from '../../core/layout/numberFormat';
import { serialFormatKind, serialToIso } from '../../core/dates';
import { BUDGET_SHARE, jsonBytes, PAYLOAD_LIMIT } from './batch';
import type { SheetInfo } from './sheets';

export interface ReadRequest {
  name: string;
  visibility: string;
  used: Excel.Range;
  protection: Excel.WorksheetProtection;
  /** The workbook's date system, probed in the same request (queueDateSystem); absent: the 1900 system. */
  dateSystem?: Excel.FunctionResult<number>;
}

/** A sheet's contents once read: values and number formats from (top, left), 0-based. */
export interface SheetData {
  name: string;
  visibility: string;
  top: number;
  left: number;
  values: unknown[][];
  formats: string[][];
  protected: boolean;
  /** Date-formatted serials count from 1904 (a workbook made on an old Mac). */
  date1904?: boolean;
}

/**
 * Queues the probe for the workbook's date system: DATE(1904,1,1) is day 0 in the 1904 system and day 1462 in
 * the 1900 one. Workbook.use1904DateSystem says so directly, but it is a preview API (no released ExcelApi set
 * has it), and worksheet functions are ExcelApi 1.2, well under the manifest's floor.
 */
function queueDateSystem(context: Excel.RequestContext): Excel.FunctionResult<number> {
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load('value');
  return probe;
}

/** After the sync: true when the probe found the 1904 system. An error result means 1900, Excel's default. */
function is1904(probe: Excel.FunctionResult<number> | undefined): boolean {
  return probe !== undefined && probe.value === 0;
}

/** Queues reads of the named sheets' used ranges (values, formats for dates, protection). */
export function queueRead(context: Excel.RequestContext, sheets: SheetInfo[]): ReadRequest[] {
  const dateSystem = queueDateSystem(context);
  return sheets.map((s) => {
    const ws = context.workbook.worksheets.getItem(s.name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('values,numberFormat,rowIndex,columnIndex');
    ws.protection.load('protected');
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- hands on the proxy (a navigation property), read after the caller's sync
    return { name: s.name, visibility: s.visibility, used, protection: ws.protection, dateSystem };
  });
}

/** After the sync: what a queued read brought back. */
export function collect(r: ReadRequest): SheetData {
  const base = {
    name: r.name,
    visibility: r.visibility,
    protected: r.protection.protected,
    date1904: is1904(r.dateSystem),
  };
  if (r.used.isNullObject) return { ...base, top: 0, left: 0, values: [], formats: [] };
  return {
    ...base,
    top: r.used.rowIndex,
    left: r.used.columnIndex,
    values: r.used.values as unknown[][],
    formats: r.used.numberFormat as string[][],
  };
}

/** True for Office.js's "the response would be too large" failure (5 MB on the web). */
export function isResponseTooLarge(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return (
    code === 'ResponsePayloadSizeLimitExceeded' ||
    /ResponsePayloadSizeLimitExceeded/.test(String((e as Error)?.message))
  );
}

/**
 * Reads sheets in row blocks, one block per sync, for workbooks whose used range is too big to come
 * back in one response. Blocks halve when even they are too big.
 */
export async function readInBlocks(
  context: Excel.RequestContext,
  sheets: SheetInfo[],
  rowsPerBlock = 4000,
  responseLimit = PAYLOAD_LIMIT,
): Promise<{ data: SheetData[]; syncs: number }> {
  const heads = sheets.map((s) => {
    const ws = context.workbook.worksheets.getItem(s.name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    ws.protection.load('protected');
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- hands on the proxy (a navigation property), read after the sync below
    return { info: s, ws, used, protection: ws.protection };
  });
  const dateSystem = queueDateSystem(context);
  await context.sync();
  const date1904 = is1904(dateSystem);
  let syncs = 1;
  const data: SheetData[] = [];
  for (const h of heads) {
    const d: SheetData = {
      name: h.info.name,
      visibility: h.info.visibility,
      protected: h.protection.protected,
      date1904,
      top: 0,
      left: 0,
      values: [],
      formats: [],
    };
    data.push(d);
    if (h.used.isNullObject) continue;
    d.top = h.used.rowIndex;
    d.left = h.used.columnIndex;
    const rows = h.used.rowCount;
    const cols = h.used.columnCount;
    let step = rowsPerBlock;
    for (let i = 0; i < rows;) {
      const n = Math.min(step, rows - i);
      const block = h.ws.getRangeByIndexes(d.top + i, d.left, n, cols);
      block.load('values,numberFormat');
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block on purpose: a whole large sheet in one response fails (ResponsePayloadSizeLimitExceeded)
        await context.sync();
        syncs++;
      } catch (e) {
        syncs++;
        if (!isResponseTooLarge(e) || n === 1) throw e;
        step = Math.max(1, Math.floor(n / 2));
        continue;
      }
      const values = block.values as unknown[][];
      const formats = block.numberFormat as string[][];
      d.values.push(...values);
      d.formats.push(...formats);
      i += n;
      // Size the next block from what this one weighed, to fill a response without passing it.
      const perRow = (jsonBytes(values) + jsonBytes(formats)) / n;
      step = Math.max(1, Math.floor((responseLimit * BUDGET_SHARE) / Math.max(1, perRow)));
    }
  }
  return { data, syncs };
}

/** Turns read sheets into grid sheets (0-based from A1; '' → null; date-formatted serials → ISO days in the
 *  workbook's date system; time-only formats keep their number, as the file readers do). */
export function toGrid(data: SheetData[]): GridSheet[] {
  return data.map((r) => {
    const state: GridSheet['state'] =
      r.visibility === 'Hidden' ? 'hidden' : r.visibility === 'VeryHidden' ? 'veryHidden' : 'visible';
    const rows: CellValue[][] = [];
    const percentCells: [number, number][] = [];
    for (let i = 0; i < r.top; i++) rows.push([]);
    r.values.forEach((vrow, i) => {
      const row: CellValue[] = new Array<CellValue>(r.left).fill(null);
      vrow.forEach((v, j) => {
        let out: CellValue;
        if (v === '' || v === undefined || v === null) out = null;
        else if (typeof v === 'number' && serialFormatKind(r.formats[i]?.[j]) === 'date')
          out = serialToIso(v, r.date1904) ?? v;
        else out = v as CellValue;
        if (typeof out === 'number' && isPercentFormat(r.formats[i]?.[j]))
          percentCells.push([r.top + i + 1, r.left + j + 1]);
        row.push(out);
      });
      while (row.length && row[row.length - 1] === null) row.pop();
      rows.push(row);
    });
    while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
    return { name: r.name, state, rows, ...(percentCells.length ? { percentCells } : {}) };
  });
}
