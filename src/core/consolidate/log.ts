// The 日志 (audit log) sheet of the master: one row per figure or text a return brought, and per
// rejected file. Rows are only ever appended; earlier rounds stay as they were.
import type {
  CellPatch,
  CellStyle,
  CellValue,
  GridSheet,
  LayoutCell,
  SheetLayout,
  WorkbookGrid,
} from '../layout/types';
import { COLOR, FONT, SIZE } from '../layout/styles';
import { heightForText } from '../layout/rowHeights';
import { listSheet } from '../layout/listSheet';

export const LOG_SHEET = '日志';

export type LogAction = 'applied' | 'conflict' | 'rejected';

/** 处理 as the 日志 sheet says it. Rows written before these words (applied/conflict/rejected) still read back. */
const LOG_ACTION_TEXT: Record<LogAction, string> = { applied: '已采用', conflict: '冲突', rejected: '退回' };
const ACTION_BY_TEXT = new Map<string, LogAction>(
  (Object.entries(LOG_ACTION_TEXT) as [LogAction, string][]).flatMap(([code, word]) => [
    [word, code],
    [code, code],
  ]),
);

export const LOG_COLUMNS = [
  ['time', '时间', 23],
  ['round', '轮次', 16],
  ['file', '文件', 30],
  ['unit', '单位', 22],
  ['id', '指标编号', 9],
  ['field', '填报项', 12],
  ['old', '原值', 14],
  ['new', '新值', 14],
  ['action', '处理', 9],
  ['note', '说明', 48],
] as const;
type LogKey = (typeof LOG_COLUMNS)[number][0];
export type LogRow = Record<LogKey, CellValue>;

export const LOG_STYLES: Record<string, CellStyle> = {
  'log.head': {
    font: { name: FONT.heading, size: SIZE.body },
    fill: COLOR.headerFill,
    border: true,
    horizontal: 'center',
    vertical: 'middle',
  },
  // Text as text: a file name or 进展情况 starting with '=' stays a string in every host.
  'log.text': { font: { name: FONT.body, size: SIZE.body }, border: true, vertical: 'middle', wrap: true, numFmt: '@' },
  'log.num': { font: { name: FONT.body, size: SIZE.body }, border: true, vertical: 'middle', horizontal: 'right' },
};

function styleFor(v: CellValue): string {
  return typeof v === 'number' ? 'log.num' : 'log.text';
}

function pushRowCells(out: LayoutCell[], row: LogRow, r: number): void {
  for (let i = 0; i < LOG_COLUMNS.length; i++) {
    const key = LOG_COLUMNS[i][0];
    const v =
      key === 'action' && typeof row.action === 'string'
        ? (LOG_ACTION_TEXT[row.action as LogAction] ?? row.action)
        : row[key];
    out.push({ r, c: i + 1, value: v, style: styleFor(v) });
  }
}

const WRAPPING = new Set<LogKey>(['file', 'old', 'new', 'note', 'unit']);

/** Height a log row needs for its wrapped texts (LibreOffice won't grow rows by itself). */
export function logRowHeight(row: LogRow): number {
  let h = heightForText('', 10, SIZE.body);
  // Only free texts can run long; the other columns are sized to fit their contents.
  LOG_COLUMNS.forEach(([key, , width]) => {
    const v = row[key];
    if (WRAPPING.has(key) && typeof v === 'string' && v.length * 1.1 > width / 2)
      h = Math.max(h, heightForText(v, width, SIZE.body));
  });
  return h;
}

/** A new 日志 sheet holding `rows` under the header. */
export function logSheet(rows: LogRow[]): SheetLayout {
  const cells: LayoutCell[] = LOG_COLUMNS.map(([, label], i) => ({ r: 1, c: i + 1, value: label, style: 'log.head' }));
  const rowHeights: Record<number, number> = { 1: 22 };
  rows.forEach((row, i) => {
    pushRowCells(cells, row, i + 2);
    rowHeights[i + 2] = logRowHeight(row);
  });
  return listSheet({
    name: LOG_SHEET,
    columnWidths: LOG_COLUMNS.map(([, , w]) => w),
    cells,
    rowHeights,
    printHeader: '汇总日志',
  });
}

/** Cell patches that append `rows` below row `lastRow` of an existing 日志 sheet. */
export function appendLogCells(rows: LogRow[], lastRow: number): CellPatch[] {
  const cells: LayoutCell[] = [];
  rows.forEach((row, i) => pushRowCells(cells, row, lastRow + 1 + i));
  return cells.map((c) => ({ sheet: LOG_SHEET, r: c.r, c: c.c, value: c.value, style: c.style! }));
}

export interface ExistingLog {
  sheet: GridSheet;
  /** 1-based number of the last row holding anything. */
  lastRow: number;
  /** Earlier rows, read by header text (columns a user moved are still found). */
  rows: Partial<LogRow>[];
}

export function readLog(grid: WorkbookGrid): ExistingLog | undefined {
  const sheet = grid.sheets.find((s) => s.name === LOG_SHEET);
  if (!sheet) return undefined;
  let lastRow = 0;
  sheet.rows.forEach((row, i) => {
    if (row && row.some((v) => v !== null && v !== undefined && v !== '')) lastRow = i + 1;
  });
  const header = sheet.rows[0] ?? [];
  const colOf = new Map<LogKey, number>();
  for (const [key, label] of LOG_COLUMNS) {
    const c = header.findIndex((v) => v !== null && String(v).trim() === label);
    if (c >= 0) colOf.set(key, c);
  }
  const rows: Partial<LogRow>[] = [];
  for (let r = 1; r < sheet.rows.length; r++) {
    const src = sheet.rows[r];
    if (!src) continue;
    const row: Partial<LogRow> = {};
    for (const [key, c] of colOf) row[key] = src[c] ?? null;
    if (typeof row.action === 'string') row.action = ACTION_BY_TEXT.get(row.action.trim()) ?? row.action;
    rows.push(row);
  }
  return { sheet, lastRow: Math.max(lastRow, 1), rows };
}
