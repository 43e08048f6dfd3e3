// Consolidation rules at their edges, on grids (no workbook library): a form of another plan or plan version,
// a figure overwriting one already in the master, float noise between two units' figures, and a later run in
// which a figure applied earlier still wins. Each of these survived a one-line mutation of consolidate.ts.
import type { CellValue, WorkbookGrid } from '../../src/core/layout/types';
import { layoutGrid, gridWithPatch } from '../../src/core/layout/grid';
import { buildTrackingLayout } from '../../src/core/tracking/layout';
import { readTracking } from '../../src/core/tracking/read';
import { buildReturnLayout, RETURN_COL, RETURN_SHEET } from '../../src/core/returns/layout';
import { returnSourceFromPlan } from '../../src/core/returns/source';
import { consolidateGrids, type ReturnInput } from '../../src/core/consolidate';
import { seedPlan } from './fixtures';

const plan = seedPlan();
const source = returnSourceFromPlan(plan);
const masterGrid = layoutGrid(buildTrackingLayout(plan));
const T = '2023-07-05 09:30:00';
const ROUND = '2023年上半年';

/** A unit's form with H1 figures typed in (id → figure), made for the given plan identity. */
function form(
  unit: string,
  h1: Record<string, CellValue>,
  ident = { planId: source.planId, planHash: source.planHash },
  progress: Record<string, string> = {},
): WorkbookGrid {
  const layout = buildReturnLayout(source.plan, unit, { ...ident, round: ROUND, createdAt: T });
  const main = layout.sheets.find((s) => s.name === RETURN_SHEET)!;
  const idAt = new Map(main.cells.filter((c) => c.c === RETURN_COL.id).map((c) => [c.r, String(c.value)]));
  for (const cell of main.cells) {
    const id = idAt.get(cell.r);
    if (cell.c === RETURN_COL.h1 && id !== undefined && id in h1) cell.value = h1[id];
    if (cell.c === RETURN_COL.progress && id !== undefined && id in progress) cell.value = progress[id];
  }
  return layoutGrid(layout);
}
const input = (file: string, grid: WorkbookGrid): ReturnInput => ({ file, grid });

test('a form of another plan, or of another version of this plan, is rejected whole with the reason', () => {
  const otherVersion = form('市卫生健康委', { '1.1': 98000 }, { planId: source.planId, planHash: '0000000000000000' });
  const otherPlan = form('市卫生健康委', { '1.1': 98000 }, { planId: '0000000000000000', planHash: source.planHash });
  const { report, patch } = consolidateGrids(masterGrid, [input('v.xlsx', otherVersion), input('p.xlsx', otherPlan)], {
    time: T,
  });
  expect(report.rejected.map((r) => [r.file, r.reason])).toEqual([
    ['v.xlsx', expect.stringContaining('计划版本不符')],
    ['p.xlsx', expect.stringContaining('来自另一份计划')],
  ]);
  expect(report.applied).toBe(0);
  expect(patch.cells.filter((c) => c.sheet === '推进计划表')).toEqual([]);
});

test('a figure overwriting a different one already in the master says 覆盖原值 in 日志; the same figure does not', () => {
  const pos = readTracking(masterGrid).positions;
  const withOld = gridWithPatch(masterGrid, {
    styles: {},
    sheets: [],
    cells: [
      { sheet: pos.sheet, r: pos.rows['9.1'], c: pos.columns.h1, value: 8, style: '' },
      { sheet: pos.sheet, r: pos.rows['9.2'], c: pos.columns.h1, value: 300, style: '' },
    ],
  });
  const { report } = consolidateGrids(withOld, [input('a.xlsx', form('市妇联', { '9.1': 10, '9.2': 300 }))], {
    time: T,
  });
  const note = (id: string) => report.log.find((r) => r.id === id && r.field === '上半年完成')!;
  expect(note('9.1')).toMatchObject({ old: 8, new: 10, action: 'applied' });
  expect(note('9.1').note).toContain('覆盖原值');
  expect(note('9.2')).toMatchObject({ old: 300, new: 300, action: 'applied' });
  expect(note('9.2').note).not.toContain('覆盖原值');
});

test('float noise between two units is the same figure, not a conflict', () => {
  const { report } = consolidateGrids(
    masterGrid,
    [input('a', form('市教育局', { '7.2': 0.1 + 0.2 })), input('b', form('市妇联', { '7.2': 0.3 }))],
    { time: T },
  );
  expect(report.conflicts).toEqual([]);
  expect(report.applied).toBe(1);
});

test('in a later run, a figure applied earlier that still wins is not written or counted again', () => {
  const first = consolidateGrids(masterGrid, [input('b.xlsx', form('市教育局', { '7.2': 10 }))], { time: T });
  expect(first.report.applied).toBe(1);
  const after = gridWithPatch(masterGrid, first.patch);
  const second = consolidateGrids(after, [input('c.xlsx', form('市妇联', { '7.2': 12 }))], {
    time: '2023-07-06 10:00:00',
  });
  // 市教育局 is listed before 市妇联 for item 7: its earlier 10 stands, and the master already holds it.
  expect(second.report.conflicts.map((c) => [c.id, c.chosen])).toEqual([['7.2', '市教育局']]);
  expect(second.report.applied).toBe(0);
  expect(second.patch.cells.filter((c) => c.sheet === '推进计划表')).toEqual([]);
});

test('in a later run, the same 进展情况 from the same unit is logged as unchanged and not counted again', () => {
  const ident = { planId: source.planId, planHash: source.planHash };
  const first = consolidateGrids(masterGrid, [input('a.xlsx', form('市妇联', {}, ident, { '9.1': '已开展培训5场' }))], {
    time: T,
  });
  expect(first.report.applied).toBe(1);
  const after = gridWithPatch(masterGrid, first.patch);
  const second = consolidateGrids(after, [input('a2.xlsx', form('市妇联', {}, ident, { '9.1': '已开展培训5场' }))], {
    time: '2023-07-06 10:00:00',
  });
  expect(second.report.applied).toBe(0);
  expect(second.report.log.find((r) => r.id === '9.1')!.note).toBe('与原进展情况相同');
});
