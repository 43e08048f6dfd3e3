// Test helpers: a small hand-built plan, and a layout turned into the grid an adapter would read.
import * as fs from 'fs';
import * as path from 'path';
import type { Indicator, Plan } from '../../src/core/model';
import type { CellValue, WorkbookGrid, WorkbookPatch } from '../../src/core/layout/types';
import { parsePlan } from '../../src/core/plan/parse';
import { layoutGrid } from '../../src/core/layout/grid';

export function seedPlan(): Plan {
  return parsePlan(fs.readFileSync(path.join(__dirname, '../../seeds/000_c36e4d77f78aadb1.txt'), 'utf8'));
}

function ind(id: string, extra: Partial<Indicator>): Indicator {
  return {
    id,
    item: Number(id.split('.')[0]),
    label: '',
    unit: '人',
    kind: 'count',
    comparator: '>=',
    annual: null,
    h1: null,
    h2: null,
    deadline: null,
    per: null,
    source: '',
    review: null,
    ...extra,
  };
}

/** Three items: two indicators (count + ratio), none (qualitative), one milestone; item 1's halves are separate,
 *  item 2's were one merged cell in the source. */
export function smallPlan(): Plan {
  return {
    title: '测试市2023年重要事项推进计划表',
    year: 2023,
    warnings: [],
    items: [
      {
        no: 1,
        name: '扩大两癌检查覆盖面',
        summary: '宫颈癌和乳腺癌是严重威胁妇女健康的恶性肿瘤。'.repeat(8),
        annualGoal: '预计完成“两癌”检查22万人，覆盖率达到52%。',
        h1Plan: '完成10万人。',
        h2Plan: '完成12万人。',
        leadUnits: ['市卫生健康委'],
        indicators: [
          ind('1.1', {
            label: '完成“两癌”检查',
            annual: 220000,
            h1: 100000,
            h2: 120000,
            source: '预计完成“两癌”检查22万人',
          }),
          ind('1.2', { label: '覆盖率', unit: '%', kind: 'ratio', annual: 52, source: '覆盖率达到52%' }),
        ],
      },
      {
        no: 2,
        name: '营造良好社会氛围',
        summary: '宣传。',
        annualGoal: '加强宣传。',
        h1Plan: '全年持续开展宣传。',
        h2Plan: '',
        leadUnits: ['市妇联', '市委宣传部'],
        indicators: [],
      },
      {
        no: 3,
        name: '出台实施方案',
        summary: '方案。',
        annualGoal: '6月底前出台实施方案。',
        h1Plan: '出台方案。',
        h2Plan: '组织实施。',
        leadUnits: ['市教育局'],
        indicators: [
          ind('3.1', {
            label: '出台实施方案',
            unit: '',
            kind: 'milestone',
            comparator: '=',
            deadline: '2023-06-30',
            source: '6月底前出台实施方案',
          }),
        ],
      },
    ],
  };
}

/** The values a layout's workbook would read back as (merged slaves empty, as adapters return them). */
export { layoutGrid };

/** Sets a cell (1-based) in a grid sheet. */
export function setCell(grid: WorkbookGrid, sheet: string, r: number, c: number, value: CellValue): void {
  const s = grid.sheets.find((x) => x.name === sheet)!;
  while (s.rows.length < r) s.rows.push([]);
  const row = s.rows[r - 1];
  while (row.length < c) row.push(null);
  row[c - 1] = value;
}

export function getCell(grid: WorkbookGrid, sheet: string, r: number, c: number): CellValue {
  return grid.sheets.find((x) => x.name === sheet)!.rows[r - 1]?.[c - 1] ?? null;
}

/** A grid with its per-cell styles, to apply patches to in tests the way an adapter would. */
export interface StyledGrid {
  grid: WorkbookGrid;
  styles: Map<string, string>;
}

export function applyPatchToGrid(target: StyledGrid, patch: WorkbookPatch): void {
  for (const p of patch.cells) {
    if (p.value !== undefined) setCell(target.grid, p.sheet, p.r, p.c, p.value);
    target.styles.set(`${p.sheet}!${p.r},${p.c}`, p.style);
  }
  for (const sheet of patch.sheets) {
    const i = target.grid.sheets.findIndex((s) => s.name === sheet.name);
    const fresh = layoutGrid({ sheets: [sheet] }).sheets[0];
    if (i >= 0) target.grid.sheets[i] = fresh;
    else target.grid.sheets.push(fresh);
  }
}
