// The 进展情况 sheet of the master: the latest progress text per indicator and reporting unit.
// Rewritten whole each run from what it held plus the new texts; replaced texts go to 日志 first.
import type { CellStyle, CellValue, LayoutCell, SheetLayout, WorkbookGrid } from '../layout/types';
import { COLOR, FONT, SIZE } from '../layout/styles';
import { heightForText } from '../layout/rowHeights';
import { listSheet } from '../layout/listSheet';
import { cellText } from '../text';

export const PROGRESS_SHEET = '进展情况';

export const PROGRESS_COLUMNS = [
  ['id', '指标编号', 9],
  ['item', '序号', 6],
  ['label', '指标', 26],
  ['unit', '填报单位', 22],
  ['round', '轮次', 16],
  ['text', '进展情况', 60],
  ['time', '更新时间', 23],
] as const;
type ProgressKey = (typeof PROGRESS_COLUMNS)[number][0];
export type ProgressRow = Record<ProgressKey, CellValue>;

export const PROGRESS_STYLES: Record<string, CellStyle> = {
  'prog.head': {
    font: { name: FONT.heading, size: SIZE.body },
    fill: COLOR.headerFill,
    border: true,
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
  },
  'prog.cell': {
    font: { name: FONT.body, size: SIZE.body },
    border: true,
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
  },
  // '@': a text starting with '=' or '+' stays text.
  'prog.text': {
    font: { name: FONT.body, size: SIZE.body },
    border: true,
    horizontal: 'left',
    vertical: 'middle',
    wrap: true,
    numFmt: '@',
  },
};

/** Rows the sheet holds now, read by header text. */
export function readProgress(grid: WorkbookGrid): ProgressRow[] {
  const sheet = grid.sheets.find((s) => s.name === PROGRESS_SHEET);
  if (!sheet) return [];
  const header = sheet.rows[0] ?? [];
  const colOf = new Map<ProgressKey, number>();
  for (const [key, label] of PROGRESS_COLUMNS) {
    const c = header.findIndex((v) => cellText(v) === label);
    if (c >= 0) colOf.set(key, c);
  }
  const out: ProgressRow[] = [];
  for (let r = 1; r < sheet.rows.length; r++) {
    const src = sheet.rows[r] ?? [];
    const row = Object.fromEntries(
      PROGRESS_COLUMNS.map(([key]) => [key, colOf.has(key) ? (src[colOf.get(key)!] ?? null) : null]),
    ) as ProgressRow;
    if (cellText(row.id) || cellText(row.text)) out.push(row);
  }
  return out;
}

export const progressKey = (id: string, unit: string) => `${id}|${unit}`;

/** The whole sheet: `rows` sorted by indicator order, then by the unit's place in 牵头单位. */
export function progressSheet(rows: ProgressRow[], order: (row: ProgressRow) => number[]): SheetLayout {
  const sorted = rows
    .map((row, i) => ({ row, key: [...order(row), i] }))
    .sort((a, b) => {
      for (let k = 0; k < a.key.length; k++) if (a.key[k] !== b.key[k]) return a.key[k] - b.key[k];
      return 0;
    })
    .map((x) => x.row);
  const cells: LayoutCell[] = PROGRESS_COLUMNS.map(([, label], i) => ({
    r: 1,
    c: i + 1,
    value: label,
    style: 'prog.head',
  }));
  const rowHeights: Record<number, number> = { 1: 22 };
  sorted.forEach((row, i) => {
    const r = i + 2;
    PROGRESS_COLUMNS.forEach(([key], c) => {
      cells.push({
        r,
        c: c + 1,
        value: row[key],
        style: key === 'text' || key === 'label' ? 'prog.text' : 'prog.cell',
      });
    });
    rowHeights[r] = Math.max(
      heightForText(cellText(row.text), PROGRESS_COLUMNS[5][2], SIZE.body),
      heightForText(cellText(row.label), PROGRESS_COLUMNS[2][2], SIZE.body),
      heightForText(cellText(row.unit), PROGRESS_COLUMNS[3][2], SIZE.body),
    );
  });
  return listSheet({
    name: PROGRESS_SHEET,
    columnWidths: PROGRESS_COLUMNS.map(([, , w]) => w),
    cells,
    rowHeights,
    printHeader: '各单位进展情况',
  });
}
