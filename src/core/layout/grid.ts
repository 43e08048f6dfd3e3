// A layout (or a patch on a grid) seen as the values a host would read back, so core's readers can work on it
// before anything is written.
import type { CellValue, GridSheet, WorkbookGrid, WorkbookLayout, WorkbookPatch } from './types';

function put(rows: CellValue[][], r: number, c: number, value: CellValue): void {
  while (rows.length < r) rows.push([]);
  const row = rows[r - 1];
  while (row.length < c) row.push(null);
  row[c - 1] = value;
}

/** The values of a layout as a grid (0-based rows, nulls where nothing is written). */
export function layoutGrid(layout: Pick<WorkbookLayout, 'sheets'>): WorkbookGrid {
  return {
    sheets: layout.sheets.map((s): GridSheet => {
      const rows: CellValue[][] = [];
      for (const cell of s.cells) put(rows, cell.r, cell.c, cell.value);
      return { name: s.name, state: s.state, rows, rowHeights: { ...s.rowHeights } };
    }),
  };
}

/** A copy of `grid` with the patch's cell values and whole sheets applied (styles aside). */
export function gridWithPatch(grid: WorkbookGrid, patch: WorkbookPatch): WorkbookGrid {
  const sheets = grid.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) }));
  for (const p of patch.cells) {
    if (p.value === undefined) continue;
    const s = sheets.find((x) => x.name === p.sheet);
    if (s) put(s.rows, p.r, p.c, p.value);
  }
  for (const ls of patch.sheets) {
    const g = layoutGrid({ sheets: [ls] }).sheets[0];
    const i = sheets.findIndex((x) => x.name === ls.name);
    if (i >= 0) sheets[i] = g;
    else sheets.push(g);
  }
  return { sheets };
}
