// Reading a filled-in return form back from a workbook grid: the identification sheet and the entry rows,
// found by header text (another program may have moved or restyled things, so never by fixed position).
import type { CellValue, WorkbookGrid } from '../layout/types';
import { RETURN_HEADERS, RETURN_PHONE_LABEL, RETURN_REPORTER_LABEL, RETURN_SHEET } from './layout';
import { findSheet, readReturnMeta, ReturnMeta } from './meta';

interface ReturnRow {
  id: string;
  h1: CellValue;
  annual: CellValue;
  progress: CellValue;
  /** The cell is formatted as a percentage (a return form's % cells: 52% is stored 0.52). */
  h1Percent?: boolean;
  annualPercent?: boolean;
  /** 1-based row in the form, for messages. */
  row: number;
}

export interface ParsedReturn {
  meta: ReturnMeta;
  rows: ReturnRow[];
  /** 1-based row of the header (指标编号, …). */
  headerRow: number;
  /** 1-based columns found by header text; label and progress may be missing from an edited form. */
  columns: { id: number; label: number | null; h1: number; annual: number; progress: number | null };
  /** The 指标 text beside each id, by 1-based row (for the row-binding check). */
  labels: Map<number, string>;
  reporter: string;
  phone: string;
}

export type ReturnRead = { ok: true; value: ParsedReturn } | { ok: false; reason: string };

const cellText = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

/** The value right of a label cell (merged label cells leave blanks between). */
function valueAfterLabel(rows: CellValue[][], label: string): string {
  for (const row of rows) {
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]);
      if (!t.startsWith(label)) continue;
      for (let k = c + 1; k < row.length; k++) {
        const v = cellText(row[k]);
        // The next label ("联系电话：") means this one was left blank.
        if (v) return /[：:]$/.test(v) ? '' : v;
      }
      return '';
    }
  }
  return '';
}

export function readReturn(grid: WorkbookGrid): ReturnRead {
  const meta = readReturnMeta(grid);
  if (!meta.ok) return meta;
  const sheet = findSheet(grid, RETURN_SHEET);
  if (!sheet) return { ok: false, reason: `找不到“${RETURN_SHEET}”工作表` };
  const rows = sheet.rows;
  let header = -1;
  const col: Record<string, number> = {};
  for (let r = 0; r < Math.min(rows.length, 20) && header < 0; r++) {
    const row = rows[r] ?? [];
    const idCol = row.findIndex((v) => cellText(v) === RETURN_HEADERS.id);
    if (idCol < 0) continue;
    header = r;
    row.forEach((v, c) => {
      const t = cellText(v);
      if (t && col[t] === undefined) col[t] = c;
    });
  }
  if (header < 0) return { ok: false, reason: `找不到表头“${RETURN_HEADERS.id}”` };
  for (const h of [RETURN_HEADERS.h1, RETURN_HEADERS.annual]) {
    if (col[h] === undefined) return { ok: false, reason: `找不到表头“${h}”` };
  }
  const idCol = col[RETURN_HEADERS.id];
  const progressCol = col[RETURN_HEADERS.progress];
  const labelCol = col[RETURN_HEADERS.label];
  const out: ReturnRow[] = [];
  const percent = new Set((sheet.percentCells ?? []).map(([pr, pc]) => `${pr},${pc}`));
  const pctAt = (r0: number, c0: number) => percent.has(`${r0 + 1},${c0 + 1}`);
  const labels = new Map<number, string>();
  for (let r = header + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const id = cellText(row[idCol]);
    if (!id) continue;
    if (id.startsWith(RETURN_REPORTER_LABEL)) break;
    if (labelCol !== undefined) labels.set(r + 1, cellText(row[labelCol]));
    out.push({
      id,
      h1: row[col[RETURN_HEADERS.h1]] ?? null,
      annual: row[col[RETURN_HEADERS.annual]] ?? null,
      progress: progressCol === undefined ? null : (row[progressCol] ?? null),
      ...(pctAt(r, col[RETURN_HEADERS.h1]) ? { h1Percent: true } : {}),
      ...(pctAt(r, col[RETURN_HEADERS.annual]) ? { annualPercent: true } : {}),
      row: r + 1,
    });
  }
  return {
    ok: true,
    value: {
      meta: meta.meta,
      rows: out,
      headerRow: header + 1,
      columns: {
        id: idCol + 1,
        label: labelCol === undefined ? null : labelCol + 1,
        h1: col[RETURN_HEADERS.h1] + 1,
        annual: col[RETURN_HEADERS.annual] + 1,
        progress: progressCol === undefined ? null : progressCol + 1,
      },
      labels,
      reporter: valueAfterLabel(rows, RETURN_REPORTER_LABEL),
      phone: valueAfterLabel(rows, RETURN_PHONE_LABEL),
    },
  };
}
