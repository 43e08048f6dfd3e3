// The consolidation rules on their own: grids in, decisions out (no workbook library involved).
import type { CellValue, WorkbookGrid, WorkbookLayout } from '../../src/core/layout/types';
import type { Plan } from '../../src/core/model';
import { buildTrackingLayout } from '../../src/core/tracking/layout';
import { buildReturnLayout, RETURN_COL, RETURN_SHEET } from '../../src/core/returns/layout';
import { makeReturnMeta, RETURN_META_SHEET, returnMetaSheet } from '../../src/core/returns/meta';
import { returnSourceFromPlan } from '../../src/core/returns/source';
import {
  consolidateGrids,
  LOG_SHEET,
  normalizeFigure,
  PROGRESS_SHEET,
  type ReturnInput,
} from '../../src/core/consolidate';
import { seedPlan } from './fixtures';

/** What an adapter would read back from a rendered layout: values only, 0-based. */
function gridOf(layout: WorkbookLayout): WorkbookGrid {
  return {
    sheets: layout.sheets.map((s) => {
      const rows: CellValue[][] = [];
      for (const c of s.cells) {
        rows[c.r - 1] ??= [];
        rows[c.r - 1][c.c - 1] = c.value;
      }
      for (let r = 0; r < rows.length; r++) {
        rows[r] ??= [];
        for (let c = 0; c < rows[r].length; c++) if (rows[r][c] === undefined) rows[r][c] = null;
      }
      return { name: s.name, state: s.state, rows };
    }),
  };
}

const plan: Plan = seedPlan();
const source = returnSourceFromPlan(plan);
const masterGrid = gridOf(buildTrackingLayout(plan));
const T = '2023-07-05 09:30:00';

/** A unit's form with entries typed in: id → [h1, annual, progress]. */
function filled(
  unit: string,
  values: Record<string, [CellValue, CellValue?, string?]>,
  round = '2023年上半年',
): WorkbookGrid {
  const layout = buildReturnLayout(source.plan, unit, {
    planId: source.planId,
    planHash: source.planHash,
    round,
    createdAt: T,
  });
  const main = layout.sheets.find((s) => s.name === RETURN_SHEET)!;
  const idAt = new Map(main.cells.filter((c) => c.c === RETURN_COL.id && c.r > 3).map((c) => [c.r, String(c.value)]));
  for (const cell of main.cells) {
    const v = values[idAt.get(cell.r) ?? ''];
    if (!v) continue;
    if (cell.c === RETURN_COL.h1) cell.value = v[0];
    if (cell.c === RETURN_COL.annual) cell.value = v[1] ?? null;
    if (cell.c === RETURN_COL.progress) cell.value = v[2] ?? null;
  }
  return gridOf(layout);
}

const input = (file: string, grid: WorkbookGrid): ReturnInput => ({ file, grid });

test('the same figure from two lead units is no conflict: written once, both logged as applied', () => {
  const { report, patch } = consolidateGrids(
    masterGrid,
    [input('a', filled('市妇联', { '10.1': [30] })), input('b', filled('团市委', { '10.1': [30] }))],
    { time: T },
  );
  expect(report.conflicts).toEqual([]);
  expect(report.applied).toBe(1);
  expect(patch.cells.filter((c) => c.sheet !== LOG_SHEET && c.value === 30)).toHaveLength(1);
  expect(report.log.filter((r) => r.id === '10.1').map((r) => [r.unit, r.action])).toEqual([
    ['市妇联', 'applied'],
    ['团市委', 'applied'],
  ]);
});

test.each([
  ['总工会 first', ['总工会', '团市委', '妇联']],
  ['团市委 first', ['团市委', '妇联', '总工会']],
  ['妇联 first', ['妇联', '总工会', '团市委']],
])('the figure of the unit listed first in 牵头单位 wins whatever the file order (%s)', (_, order) => {
  const grids: Record<string, ReturnInput> = {
    妇联: input('妇联', filled('市妇联', { '10.1': [30] })),
    总工会: input('总工会', filled('市总工会', { '10.1': [25] })),
    团市委: input('团市委', filled('团市委', { '10.1': [28] })),
  };
  const { report, patch } = consolidateGrids(
    masterGrid,
    order.map((k) => grids[k]),
    { time: T },
  );
  expect(report.conflicts).toHaveLength(1);
  expect(report.conflicts[0].chosen).toBe('市妇联');
  const written = patch.cells.filter((c) => c.sheet !== LOG_SHEET && typeof c.value === 'number');
  expect(written.map((c) => c.value)).toEqual([30]);
  expect(
    report.log
      .filter((r) => r.action === 'conflict')
      .map((r) => r.unit)
      .sort(),
  ).toEqual(['团市委', '市总工会'].sort());
});

test('figures are read as people type them; what cannot be a figure is refused', () => {
  const ind = (id: string) => plan.items.flatMap((i) => i.indicators).find((i) => i.id === id)!;
  expect(normalizeFigure(ind('1.1'), '8.5万')).toEqual({ ok: true, value: 85000 });
  expect(normalizeFigure(ind('1.1'), '３０')).toEqual({ ok: true, value: 30 });
  expect(normalizeFigure(ind('1.1'), '  ')).toEqual({ ok: true, value: undefined });
  expect(normalizeFigure(ind('1.1'), -3).ok).toBe(false);
  expect(normalizeFigure(ind('4.1'), -0.6)).toEqual({ ok: true, value: -0.6 }); // a change may be negative
  expect(normalizeFigure(ind('2.1'), 1).ok).toBe(false);
  expect(normalizeFigure(ind('2.1'), true)).toEqual({ ok: true, value: '已完成' });
  expect(normalizeFigure(ind('2.1'), ' 已完成 ')).toEqual({ ok: true, value: '已完成' });
});

test('a return whose hidden sheet was edited or removed is rejected', () => {
  const g = filled('市公安局', { '16.1': [25] });
  const meta = g.sheets.find((s) => s.name === RETURN_META_SHEET)!;
  const roundRow = meta.rows.find((r) => r[0] === 'round')!;
  roundRow[1] = '2023年全年';
  const noMeta: WorkbookGrid = {
    sheets: filled('市公安局', { '16.1': [25] }).sheets.filter((s) => s.name !== RETURN_META_SHEET),
  };
  const { report } = consolidateGrids(masterGrid, [input('edited', g), input('nometa', noMeta)], { time: T });
  expect(report.rejected).toEqual([
    { file: 'edited', reason: expect.stringContaining('已被改动') },
    { file: 'nometa', reason: expect.stringContaining('不是推进表填报表') },
  ]);
});

test('a well-formed return from a unit the plan does not know, or for items not its own, is rejected', () => {
  const strangerPlan = {
    ...source.plan,
    items: source.plan.items.map((it) => (it.no === 16 ? { ...it, leadUnits: ['市外事办'] } : it)),
  };
  const stranger = gridOf(
    buildReturnLayout(strangerPlan, '市外事办', {
      planId: source.planId,
      planHash: source.planHash,
      round: 'r',
      createdAt: T,
    }),
  );
  // A form whose id list (sealed) claims 市公安局 reports on item 1.
  const forged = filled('市公安局', { '16.1': [25] });
  const ids = ['16.1', '1.1'];
  forged.sheets = forged.sheets.filter((s) => s.name !== RETURN_META_SHEET);
  forged.sheets.push(
    gridOf({
      sheets: [
        returnMetaSheet(
          makeReturnMeta({
            planId: source.planId,
            planHash: source.planHash,
            year: 2023,
            unit: '市公安局',
            round: 'r',
            ids,
          }),
          T,
        ),
      ],
      styles: {},
    }).sheets[0],
  );
  const main = forged.sheets.find((s) => s.name === RETURN_SHEET)!;
  main.rows.splice(
    4,
    0,
    main.rows[3].map((v, c) => (c === RETURN_COL.id - 1 ? '1.1' : c === RETURN_COL.h1 - 1 ? 999999 : v)),
  );
  const { report } = consolidateGrids(masterGrid, [input('stranger', stranger), input('forged', forged)], { time: T });
  expect(report.rejected[0]).toEqual({ file: 'stranger', reason: '“市外事办”不是本计划的牵头单位' });
  expect(report.rejected[1].reason).toMatch(/1\.1 不属于“市公安局”/);
  expect(report.applied).toBe(0);
});

test('进展情况 of two units on one indicator are kept side by side, not a conflict', () => {
  const { report, patch } = consolidateGrids(
    masterGrid,
    [
      input('a', filled('市文化和旅游局', { '18.2': [null, null, '举办40场'] })),
      input('b', filled('市教育局', { '18.2': [null, null, '=举办12场'] })),
    ],
    { time: T },
  );
  expect(report.conflicts).toEqual([]);
  const sheet = patch.sheets.find((s) => s.name === PROGRESS_SHEET)!;
  const rows = [2, 3].map((r) => sheet.cells.filter((c) => c.r === r).map((c) => c.value));
  expect(rows.map((r) => [r[0], r[3], r[5]])).toEqual([
    ['18.2', '市文化和旅游局', '举办40场'],
    ['18.2', '市教育局', '=举办12场'],
  ]);
  expect(sheet.cells.filter((c) => c.c === 6 && c.r > 1).every((c) => patch.styles[c.style!].numFmt === '@')).toBe(
    true,
  );
});

test('a new 日志 sheet when there is none; appended cells below the last row when there is', () => {
  const first = consolidateGrids(masterGrid, [input('a', filled('市残联', { '14.1': [800] }))], { time: T });
  const log = first.patch.sheets.find((s) => s.name === LOG_SHEET)!;
  expect(log.cells.filter((c) => c.r === 1).map((c) => c.value)).toContain('原值');
  const rowsWritten = Math.max(...log.cells.map((c) => c.r));
  const withLog: WorkbookGrid = { sheets: [...masterGrid.sheets, gridOf({ sheets: [log], styles: {} }).sheets[0]] };
  const second = consolidateGrids(withLog, [input('b', filled('市残联', { '14.1': [900] }))], { time: T });
  expect(second.patch.sheets.find((s) => s.name === LOG_SHEET)).toBeUndefined();
  const appended = second.patch.cells.filter((c) => c.sheet === LOG_SHEET);
  expect(Math.min(...appended.map((c) => c.r))).toBe(rowsWritten + 1);
  // Appended rows get heights too (wrapped text; LibreOffice won't grow rows by itself).
  const heights = new Set((second.patch.minRowHeights ?? []).filter((h) => h.sheet === LOG_SHEET).map((h) => h.r));
  expect([...new Set(appended.map((c) => c.r))].every((r) => heights.has(r))).toBe(true);
  expect(Object.keys(log.rowHeights).length).toBe(rowsWritten);
  // Text cells of the log are text-formatted, so '=…' or '+…' stay strings in any host.
  expect(
    appended.filter((c) => typeof c.value === 'string').every((c) => second.patch.styles[c.style].numFmt === '@'),
  ).toBe(true);
});

describe('figures as units type them into the form', () => {
  test('a % cell of the form holds 0.52 for 52%: the master gets 52', () => {
    const grid = filled('市公安局', { '16.1': [0.22] });
    const form = grid.sheets.find((s) => s.name === RETURN_SHEET)!;
    const r = form.rows.findIndex((row) => row[RETURN_COL.id - 1] === '16.1');
    form.percentCells = [[r + 1, RETURN_COL.h1]];
    const { report, patch } = consolidateGrids(masterGrid, [input('gaj', grid)], { time: T });
    expect(report.rejected).toEqual([]);
    expect(patch.cells.find((c) => c.sheet !== LOG_SHEET && c.value === 22)).toBeDefined();
  });

  test('a figure with a remark goes in as the figure; the remark joins the unit’s 进展情况', () => {
    const { report, patch } = consolidateGrids(
      masterGrid,
      [input('fl', filled('市妇联', { '15.1': ['约2次', null, '已走访'] }))],
      { time: T },
    );
    expect(report.rejected).toEqual([]);
    expect(patch.cells.find((c) => c.sheet !== LOG_SHEET && c.value === 2)).toBeDefined();
    const progress = patch.sheets.find((s) => s.name === PROGRESS_SHEET)!;
    expect(progress.cells.map((c) => c.value)).toContain('已走访；上半年完成填报“约2次”');
  });

  test('a unit of another kind (人次 for 人) is refused with the reason; the rest of the return goes in', () => {
    const { report } = consolidateGrids(
      masterGrid,
      [input('fl', filled('市妇联', { '9.2': ['1,200人次'], '9.1': [10] }))],
      { time: T },
    );
    expect(report.rejectedCells.map((c) => [c.id, c.reason])).toEqual([
      ['9.2', expect.stringContaining('的单位是“人次”，本指标按“人”统计')],
    ]);
    expect(report.applied).toBe(1);
  });
});

test('return forms: % cells are formatted as percentages and validated 0–100%; a 全年 form shows the master’s H1 figure', () => {
  const known = { ...source.plan, h1Known: { '16.1': 22, '15.1': 2 } };
  const opts = { planId: source.planId, planHash: source.planHash, createdAt: T };
  const year = buildReturnLayout(known, '市公安局', { ...opts, round: '2023年全年' });
  const main = year.sheets.find((s) => s.name === RETURN_SHEET)!;
  const h1 = main.cells.find((c) => c.c === RETURN_COL.h1 && c.r === 4)!;
  expect(h1.value).toBeCloseTo(0.22, 10);
  expect(year.styles[h1.style!].numFmt).toBe('0.0%');
  const rule = main.validations.find((v) => v.range.r1 === 4 && v.range.c1 === RETURN_COL.annual)!;
  expect(rule).toMatchObject({ type: 'decimal', min: 0, max: 1 });
  expect(String(main.cells.find((c) => c.r === 2)!.value)).toContain('上半年完成已填入总表中的数字');
  // A 上半年 form stays blank.
  const half = buildReturnLayout(known, '市公安局', { ...opts, round: '2023年上半年' });
  expect(half.sheets[0].cells.find((c) => c.c === RETURN_COL.h1 && c.r === 4)!.value).toBeNull();
});
