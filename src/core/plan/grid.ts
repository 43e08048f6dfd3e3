// A plan table in a grid of cells (a sheet, a Word table): rows for the plan parser, with merged cells marked.
import type { CellValue, Range } from '../layout/types';
import { InputError, type Plan } from '../model';
import { parsePlanRows, type PlanRow } from './parse';
import { isHeaderRow } from './sources/header';
import { cellString } from '../text';

export interface GridOptions {
  /** Merged areas (1-based, as in Excel): cells below an area's first row continue it. */
  merges?: Range[];
  /** How messages name row r (1-based); '第r行' when not given. */
  where?: (r: number) => string;
}

/** Rows of a grid as the plan parser reads them: every row as wide as the widest, merged cells marked. */
function planRowsFromGrid(rows: CellValue[][], opts: GridOptions = {}): PlanRow[] {
  const width = rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  const out: PlanRow[] = rows.map((r, i) => ({
    line: i + 1,
    where: opts.where?.(i + 1),
    cells: Array.from({ length: width }, (_, c) => cellString(r?.[c])),
    kind: 'table' as const,
  }));
  for (const m of opts.merges ?? []) {
    for (let r = m.r1; r <= m.r2 && r <= out.length; r++) {
      const row = out[r - 1];
      for (let c = m.c1; c <= m.c2 && c <= width; c++) {
        if (r === m.r1 && c === m.c1) continue;
        row.cells[c - 1] = '';
        if (r > m.r1) (row.up ??= Array(width).fill(false))[c - 1] = true;
      }
    }
  }
  return out;
}

/**
 * The plan in a grid: the header row (found by its texts, in any column) and the rows under it, the title lines
 * above it. `place` names the sheet in the message when there is no header.
 */
export function planFromGrid(rows: CellValue[][], opts: GridOptions & { place?: string; advice?: string } = {}): Plan {
  const planRows = planRowsFromGrid(rows, opts);
  if (!planRows.some((r) => isHeaderRow(r.cells))) {
    const where = opts.place ?? '当前工作表';
    const advice = opts.advice ?? '请把计划表粘贴到工作表中，或改用粘贴计划文本。';
    const zh = `${where}中没有找到计划表的表头（序号、事项名称、年度任务目标、上半年、下半年、牵头单位等）。${advice}`;
    throw new InputError(`${zh} (no plan table header found)`, undefined, zh);
  }
  return parsePlanRows(planRows);
}
