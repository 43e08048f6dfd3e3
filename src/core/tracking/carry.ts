// Regenerating a tracking workbook keeps what people entered: old figures go into the new layout by indicator id.
import type { Entry } from '../model';
import type { CellValue, LayoutCell, SheetLayout, WorkbookLayout } from '../layout/types';
import { layoutGrid } from '../layout/grid';
import { readTracking } from './read';

function hasFigure(v: Entry['h1']): boolean {
  return v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');
}

/**
 * Puts `entries` into the layout's entry cells (found by core's own reader), in place. Entries whose indicator
 * the new plan no longer has come back as `orphaned`, so the caller can keep them somewhere.
 */
export function carryEntries(layout: WorkbookLayout, all: Entry[]): { kept: number; orphaned: Entry[] } {
  const entries = all.filter((e) => hasFigure(e.h1) || hasFigure(e.annual));
  if (!entries.length) return { kept: 0, orphaned: [] };
  const pos = readTracking(layoutGrid(layout)).positions;
  const main = layout.sheets.find((s) => s.name === pos.sheet) as SheetLayout;
  const at = new Map<string, LayoutCell>();
  for (const cell of main.cells) at.set(`${cell.r},${cell.c}`, cell);
  const put = (r: number, c: number, value: Entry['h1']) => {
    if (!hasFigure(value)) return;
    const v: CellValue = value instanceof Date ? value.toISOString().slice(0, 10) : (value as CellValue);
    const cell = at.get(`${r},${c}`);
    if (cell) cell.value = v;
    else main.cells.push({ r, c, value: v, style: 'entry' });
  };
  let kept = 0;
  const orphaned: Entry[] = [];
  for (const e of entries) {
    const r = pos.rows[e.id];
    if (r === undefined) {
      orphaned.push(e);
      continue;
    }
    put(r, pos.columns.h1, e.h1);
    put(r, pos.columns.annual, e.annual);
    kept++;
  }
  return { kept, orphaned };
}
