// Consolidation rules StrykerJS found unpinned, on grids (no workbook library, no other program): the round's
// date from its name, consolidation and check as one patch, twin returns, 日志's sender rows, 未报送 across runs.
import type { CellValue, WorkbookGrid, WorkbookPatch } from '../../src/core/layout/types';
import { gridWithPatch, layoutGrid } from '../../src/core/layout/grid';
import { buildTrackingLayout } from '../../src/core/tracking/layout';
import { checkTracking } from '../../src/core/tracking/check';
import { readTracking } from '../../src/core/tracking/read';
import { buildReturnLayout, RETURN_COL, RETURN_SHEET } from '../../src/core/returns/layout';
import { returnSourceFromPlan } from '../../src/core/returns/source';
import {
  consolidateAndCheck,
  consolidateGrids,
  consolidationAsOf,
  normalizeFigure,
  LOG_COLUMNS,
  LOG_SHEET,
  logRowHeight,
  readLog,
  PROGRESS_COLUMNS,
  PROGRESS_SHEET,
  readProgress,
  roundAsOf,
  type ReturnInput,
} from '../../src/core/consolidate';
import { uncalculatedFormula } from '../../src/core/formula';
import { seedPlan } from './fixtures';

const plan = seedPlan();
const source = returnSourceFromPlan(plan);
const masterGrid = layoutGrid(buildTrackingLayout(plan));
const T = '2023-07-05 09:30:00';

/** A unit's form for `round` with entries typed in: id → { h1, annual, progress }. */
function form(
  unit: string,
  values: Record<string, { h1?: CellValue; annual?: CellValue; progress?: string }>,
  round = '2023年上半年',
  who?: { reporter: string; phone: string },
): WorkbookGrid {
  const ident = { planId: source.planId, planHash: source.planHash, round, createdAt: T };
  const layout = buildReturnLayout(source.plan, unit, ident);
  const main = layout.sheets.find((s) => s.name === RETURN_SHEET)!;
  const idAt = new Map(main.cells.filter((c) => c.c === RETURN_COL.id).map((c) => [c.r, String(c.value)]));
  for (const cell of main.cells) {
    const v = values[idAt.get(cell.r) ?? ''];
    if (!v) continue;
    if (cell.c === RETURN_COL.h1 && 'h1' in v) cell.value = v.h1 ?? null;
    if (cell.c === RETURN_COL.annual && 'annual' in v) cell.value = v.annual ?? null;
    if (cell.c === RETURN_COL.progress && 'progress' in v) cell.value = v.progress ?? null;
  }
  const grid = layoutGrid(layout);
  if (who) {
    // The form's 填报人： and 联系电话： labels, each followed by its value cell.
    const row = grid.sheets.find((sh) => sh.name === RETURN_SHEET)!.rows.find((r) => r?.[0] === '填报人：')!;
    row[row.indexOf('填报人：') + 1] = who.reporter;
    row[row.indexOf('联系电话：') + 1] = who.phone;
  }
  return grid;
}
const input = (file: string, grid: WorkbookGrid): ReturnInput => ({ file, grid });

describe('the date a round is judged at', () => {
  test.each([
    ['2023年半年调度', '2023-06-30'],
    ['2023年度', '2023-12-31'],
    ['2023年年底', '2023-12-31'],
    ['2023年年终', '2023-12-31'],
    ['2023年年末', '2023-12-31'],
    ['2024年第1季度', '2024-03-31'],
    ['第二季度', '2023-06-30'],
    ['四季度', '2023-12-31'],
    ['2023年2月调度', '2023-02-28'],
    ['2023年12月调度', '2023-12-31'],
    ['十二月调度', '2023-12-31'],
    ['2023年13月调度', null],
    ['1800年上半年', null],
    ['2023年', null],
    ['2024 年上半年', '2024-06-30'],
    ['1900年上半年', '1900-06-30'],
    ['9999年全年', '9999-12-31'],
    ['5月调度', '2023-05-31'],
    ['2023年5 月调度', '2023-05-31'],
    ['2023年1月调度', '2023-01-31'],
    ['2023年0月调度', null],
  ])('%s → %s', (round, date) => expect(roundAsOf(round, 2023)).toBe(date));

  test('an as-of date asked for must be a real date; else the latest round decides', () => {
    expect(consolidationAsOf(['2023年上半年'], 2023, '2023-07-05', '2023-02-30')).toBe('2023-06-30');
    expect(consolidationAsOf(['2023年上半年', '2023年3月调度'], 2023, '2023-07-05')).toBe('2023-06-30');
    expect(consolidationAsOf(['临时抽查', '2023年上半年'], 2023, '2023-07-05')).toBe('2023-06-30');
  });
});

describe('consolidation and check in one patch', () => {
  const ret = form('市司法局', { '17.1': { h1: 1500 } });

  test('the round decides the date; the check judges the merged figure', () => {
    const r = consolidateAndCheck(masterGrid, [input('r.xlsx', ret)], { time: T, today: '2023-07-05' });
    expect(r.check.asOf).toBe('2023-06-30');
    expect(r.check.judgements.find((j) => j.id === '17.1')!.h1Actual).toBe(1500);
    const merged = readTracking(gridWithPatch(masterGrid, r.patch));
    expect(r.check.judgements).toEqual(checkTracking(merged, '2023-06-30').judgements);
  });

  test('a date asked for wins; without rounds the plan year and today decide', () => {
    const asked = consolidateAndCheck(masterGrid, [input('r.xlsx', ret)], {
      time: T,
      today: '2023-07-05',
      asOf: '2023-08-01',
    });
    expect(asked.check.asOf).toBe('2023-08-01');
    const none = consolidateAndCheck(masterGrid, [], { time: T, today: '2023-07-05' });
    expect(none.check.asOf).toBe('2023-07-05');
  });

  test('the combined patch: the consolidation first, then the check; same-named sheets replaced', () => {
    const r = consolidateAndCheck(masterGrid, [input('r.xlsx', ret)], { time: T, today: '2023-07-05' });
    const a: WorkbookPatch = r.patch;
    const b: WorkbookPatch = r.check.patch;
    expect(r.combined.cells).toEqual([...a.cells, ...b.cells]);
    expect(r.combined.styles).toEqual({ ...a.styles, ...b.styles });
    expect(r.combined.minRowHeights).toEqual([...(a.minRowHeights ?? []), ...(b.minRowHeights ?? [])]);
    expect(r.combined.printHeaders).toEqual([...(a.printHeaders ?? []), ...(b.printHeaders ?? [])]);
    const names = new Set(b.sheets.map((s) => s.name));
    expect(r.combined.sheets).toEqual([...a.sheets.filter((s) => !names.has(s.name)), ...b.sheets]);
    expect(r.combined.rowBreaks ?? []).toEqual(b.rowBreaks ?? []);
  });

  test('a second run: 日志 is appended to (row heights from both), the check’s sheets still come whole', () => {
    const first = consolidateAndCheck(masterGrid, [input('r.xlsx', ret)], { time: T, today: '2023-07-05' });
    const after = gridWithPatch(masterGrid, first.combined);
    const again = consolidateAndCheck(after, [input('r2.xlsx', form('市妇联', { '9.1': { h1: 3 } }))], {
      time: T,
      today: '2023-07-05',
    });
    expect(again.patch.sheets).toEqual([]);
    expect(again.patch.minRowHeights!.length).toBeGreaterThan(0);
    expect(again.combined.minRowHeights!.slice(0, again.patch.minRowHeights!.length)).toEqual(
      again.patch.minRowHeights,
    );
    expect(again.combined.sheets.map((s) => s.name)).toEqual(again.check.patch.sheets.map((s) => s.name));
  });
});

describe('returns and 日志', () => {
  test('a second return from the same unit is rejected whole, naming the one taken', () => {
    const { report } = consolidateGrids(
      masterGrid,
      [input('a.xlsx', form('市妇联', { '9.1': { h1: 3 } })), input('b.xlsx', form('市妇联', { '9.1': { h1: 4 } }))],
      { time: T },
    );
    expect(report.rejected).toEqual([{ file: 'b.xlsx', reason: '“市妇联”重复报送（已采用 a.xlsx）' }]);
    expect(report.accepted.map((a) => a.file)).toEqual(['a.xlsx']);
    const last = report.log[report.log.length - 1];
    expect(last).toMatchObject({
      file: 'b.xlsx',
      unit: '市妇联',
      round: '2023年上半年',
      id: '',
      field: '报送',
      action: 'rejected',
    });
  });

  test('a file that could not be read is logged with its error', () => {
    const { report } = consolidateGrids(masterGrid, [{ file: 'x.xlsx', error: '文件已损坏' }], { time: T });
    expect(report.rejected).toEqual([{ file: 'x.xlsx', reason: '文件已损坏' }]);
    expect(report.log).toEqual([
      {
        time: T,
        round: '',
        file: 'x.xlsx',
        unit: '',
        id: '',
        field: '报送',
        old: null,
        new: null,
        action: 'rejected',
        note: '文件已损坏',
      },
    ]);
    expect(report.rounds).toEqual([]);
  });

  test('the sender row counts what came in and what was sent back', () => {
    const { report } = consolidateGrids(
      masterGrid,
      [input('a.xlsx', form('市妇联', { '9.1': { h1: 3, progress: '已开展' }, '9.2': { h1: '很多' } }))],
      { time: T },
    );
    expect(report.log[0]).toMatchObject({
      field: '报送',
      action: 'applied',
      note: '收到2项，退回1项（已报送（部分退回））',
    });
    expect(report.accepted[0]).toMatchObject({ values: 2, rejectedCells: 1 });
    expect(report.partialUnits).toEqual(['市妇联']);
    const bad = report.log.find((r) => r.action === 'rejected')!;
    expect(bad).toMatchObject({ id: '9.2', field: '上半年完成', new: '很多' });
    expect(bad.note).toMatch(/^单元格 [A-Z]+\d+：/);
  });

  test('未报送 counts a unit whose return went in at an earlier run of the same round', () => {
    const first = consolidateGrids(masterGrid, [input('a.xlsx', form('市妇联', { '9.1': { h1: 3 } }))], {
      time: T,
    });
    expect(first.report.missingUnits).not.toContain('市妇联');
    expect(first.report.missingUnits).toContain('市教育局');
    const after = gridWithPatch(masterGrid, first.patch);
    const same = consolidateGrids(after, [input('b.xlsx', form('市教育局', { '7.2': { h1: 5 } }))], { time: T });
    expect(same.report.missingUnits).not.toContain('市妇联');
    expect(same.report.missingUnits).not.toContain('市教育局');
    const other = consolidateGrids(after, [input('c.xlsx', form('市教育局', { '7.2': { h1: 5 } }, '2023年全年'))], {
      time: T,
    });
    expect(other.report.missingUnits).toContain('市妇联');
  });
});

test('a round with a conflict, an overwrite, progress texts, a bad cell and an unreadable file: report and 日志', () => {
  const pos = readTracking(masterGrid).positions;
  const master = gridWithPatch(masterGrid, {
    styles: {},
    sheets: [],
    cells: [{ sheet: pos.sheet, r: pos.rows['7.2'], c: pos.columns.h1, value: 8, style: '' }],
  });
  // Item 7 is led by 市教育局, then 市妇联.
  const { report, patch } = consolidateGrids(
    master,
    [
      input(
        'a.xlsx',
        form('市教育局', { '7.2': { h1: 10, progress: '已开展10场' } }, undefined, {
          reporter: '张三',
          phone: '0535-1234567',
        }),
      ),
      input(
        'b.xlsx',
        form('市妇联', { '7.2': { h1: 12, progress: '配合开展' }, '9.1': { h1: '很多' } }, undefined, {
          reporter: '',
          phone: '123',
        }),
      ),
      { file: 'c.xlsx', error: '文件已损坏' },
    ],
    { time: T },
  );
  const R = '2023年上半年';
  const row = (
    file: string,
    unit: string,
    id: string,
    field: string,
    old: CellValue,
    v: CellValue,
    action: string,
    note: string,
  ) => ({
    time: T,
    round: file === 'c.xlsx' ? '' : R,
    file,
    unit,
    id,
    field,
    old,
    new: v,
    action,
    note,
  });
  expect(report.log).toEqual([
    row('a.xlsx', '市教育局', '', '报送', null, '填报人：张三，联系电话：0535-1234567', 'applied', '收到2项'),
    row(
      'a.xlsx',
      '市教育局',
      '7.2',
      '上半年完成',
      8,
      10,
      'applied',
      '与市妇联报送不一致，按牵头单位顺序采用本单位数据；覆盖原值',
    ),
    row('a.xlsx', '市教育局', '7.2', '进展情况', null, '已开展10场', 'applied', ''),
    row('b.xlsx', '市妇联', '', '报送', null, '联系电话：123', 'applied', '收到2项，退回1项（已报送（部分退回））'),
    row(
      'b.xlsx',
      '市妇联',
      '7.2',
      '上半年完成',
      8,
      12,
      'conflict',
      '与市教育局报送的 10 不一致，未采用（市教育局在牵头单位中排序在前）',
    ),
    row('b.xlsx', '市妇联', '7.2', '进展情况', null, '配合开展', 'applied', ''),
    row('b.xlsx', '市妇联', '9.1', '上半年完成', null, '很多', 'rejected', '单元格 I7：无法识别为数字：“很多”'),
    row('c.xlsx', '', '', '报送', null, null, 'rejected', '文件已损坏'),
  ]);
  expect(report).toMatchObject({
    applied: 3,
    conflicts: [
      {
        id: '7.2',
        field: 'h1',
        values: [
          { unit: '市教育局', file: 'a.xlsx', value: 10 },
          { unit: '市妇联', file: 'b.xlsx', value: 12 },
        ],
        chosen: '市教育局',
      },
    ],
    rejected: [{ file: 'c.xlsx', reason: '文件已损坏' }],
    rejectedCells: [
      {
        file: 'b.xlsx',
        unit: '市妇联',
        round: R,
        id: '9.1',
        field: 'h1',
        cell: 'I7',
        row: 7,
        value: '很多',
        reason: '无法识别为数字：“很多”',
      },
    ],
    partialUnits: ['市妇联'],
    accepted: [
      {
        file: 'a.xlsx',
        unit: '市教育局',
        round: R,
        reporter: '张三',
        phone: '0535-1234567',
        values: 2,
        rejectedCells: 0,
      },
      { file: 'b.xlsx', unit: '市妇联', round: R, reporter: '', phone: '123', values: 2, rejectedCells: 1 },
    ],
    rounds: [R],
  });
  expect(report.missingUnits).not.toContain('市教育局');
  expect(report.missingUnits).not.toContain('市妇联');
  expect(report.missingUnits.length).toBeGreaterThan(5);
  expect(patch.cells.filter((c) => c.sheet === pos.sheet)).toEqual([
    { sheet: pos.sheet, r: pos.rows['7.2'], c: pos.columns.h1, value: 10, style: 'entry' },
  ]);
  expect(patch.sheets.map((sh) => sh.name)).toEqual(['日志', '进展情况']);
});

test('进展情况 rows follow the plan’s order, then the unit’s place in 牵头单位, whatever the file order', () => {
  const { patch } = consolidateGrids(
    masterGrid,
    [
      input('b.xlsx', form('市妇联', { '9.1': { progress: '妇联九' }, '7.2': { progress: '妇联七' } })),
      input('a.xlsx', form('市教育局', { '7.2': { progress: '教育七' } })),
    ],
    { time: T },
  );
  const rows = readProgress(gridWithPatch(masterGrid, patch));
  expect(rows.map((r) => [r.id, r.unit, r.text])).toEqual([
    ['7.2', '市教育局', '教育七'],
    ['7.2', '市妇联', '妇联七'],
    ['9.1', '市妇联', '妇联九'],
  ]);
});

test('a milestone’s 已完成 is written as text, in the entry look kept as text', () => {
  const ms = plan.items.flatMap((i) => i.indicators.map((ind) => ({ ind, unit: i.leadUnits[0] })));
  const found = ms.find((x) => x.ind.kind === 'milestone')!;
  const { patch } = consolidateGrids(
    masterGrid,
    [input('m.xlsx', form(found.unit, { [found.ind.id]: { h1: '已完成' } }))],
    { time: T },
  );
  const cell = patch.cells.find((c) => c.sheet === '推进计划表')!;
  expect(cell).toMatchObject({ value: '已完成', style: 'cons.entryText' });
  expect(patch.styles['cons.entryText']).toMatchObject({ numFmt: '@' });
});

test.each([
  ['the same figure held as text', '10', 10, false],
  ['text that is no figure', '待核实', 10, true],
  ['a figure that differs by more than noise', 10.001, 10, true],
  ['a figure that differs by float noise', 10 + 1e-12, 10, false],
  ['an empty text', '', 10, false],
  ['nothing', null, 10, false],
])('覆盖原值 against %s in the master', (_what, old, sent, overwrites) => {
  const pos = readTracking(masterGrid).positions;
  const master = gridWithPatch(masterGrid, {
    styles: {},
    sheets: [],
    cells: [{ sheet: pos.sheet, r: pos.rows['7.2'], c: pos.columns.h1, value: old, style: '' }],
  });
  const { report } = consolidateGrids(master, [input('a.xlsx', form('市教育局', { '7.2': { h1: sent } }))], {
    time: T,
  });
  const note = report.log.find((r) => r.id === '7.2')!.note;
  expect(note === '覆盖原值').toBe(overwrites);
});

// Consolidations run inside each test, not at describe time: StrykerJS counts coverage per test.
const LONG = '已开展家庭教育公益大讲堂10场，覆盖全市中小学家长，另有线上直播三场，累计观看人数超过两万人次，反响良好';

describe('日志 written and read back', () => {
  const run = () =>
    consolidateGrids(masterGrid, [input('a.xlsx', form('市教育局', { '7.2': { h1: 10, progress: LONG } }))], {
      time: T,
    });

  test('a new sheet: header, one row per log row, numbers right-aligned, 处理 in words, tall rows for long text', () => {
    const first = run();
    const sheet = first.patch.sheets.find((sh) => sh.name === LOG_SHEET)!;
    expect(sheet.cells.filter((c) => c.r === 1).map((c) => [c.value, c.style])).toEqual(
      LOG_COLUMNS.map(([, label]) => [label, 'log.head']),
    );
    const row2 = sheet.cells.filter((c) => c.r === 3);
    expect(row2.map((c) => c.value)).toEqual([
      T,
      '2023年上半年',
      'a.xlsx',
      '市教育局',
      '7.2',
      '上半年完成',
      null,
      10,
      '已采用',
      '',
    ]);
    expect(row2.map((c) => c.style)).toEqual([...Array(7).fill('log.text'), 'log.num', 'log.text', 'log.text']);
    expect(sheet.rowHeights![1]).toBe(22);
    expect(sheet.rowHeights![3]).toBe(logRowHeight(first.report.log[1]));
    expect(sheet.rowHeights![4]).toBe(logRowHeight(first.report.log[2]));
    expect(sheet.rowHeights![4]).toBeGreaterThan(sheet.rowHeights![3]);
    expect(sheet.columnWidths).toEqual(LOG_COLUMNS.map(([, , w]) => w));
  });

  test('read back: every row, 处理 as its code, the last row found', () => {
    const first = run();
    const after = gridWithPatch(masterGrid, first.patch);
    const log = readLog(after)!;
    expect(log.lastRow).toBe(1 + first.report.log.length);
    expect(log.rows).toEqual(first.report.log);
  });

  test('a later run appends below the last row, with row heights for the new rows', () => {
    const first = run();
    const after = gridWithPatch(masterGrid, first.patch);
    const lastRow = readLog(after)!.lastRow;
    const second = consolidateGrids(after, [input('b.xlsx', form('市妇联', { '9.1': { h1: 3 } }))], { time: T });
    const logCells = second.patch.cells.filter((c) => c.sheet === LOG_SHEET);
    expect(Math.min(...logCells.map((c) => c.r))).toBe(lastRow + 1);
    expect(second.patch.minRowHeights).toEqual(
      second.report.log.map((row, i) => ({ sheet: LOG_SHEET, r: lastRow + 1 + i, height: logRowHeight(row) })),
    );
    const again = readLog(gridWithPatch(after, second.patch))!;
    expect(again.lastRow).toBe(lastRow + second.report.log.length);
  });

  test('columns found by header text, the last row holding anything, old action codes read', () => {
    const grid: WorkbookGrid = {
      sheets: [
        {
          name: LOG_SHEET,
          rows: [
            ['说明', ' 处理 ', '单位', null],
            ['覆盖原值', '冲突', '市妇联'],
            [],
            ['', 'rejected', '市教育局'],
            [null, '', ''],
          ],
        } as WorkbookGrid['sheets'][number],
      ],
    } as WorkbookGrid;
    const log = readLog(grid)!;
    expect(log.lastRow).toBe(4);
    // Rows are read as they stand, blanks included; a column the sheet lacks is not read at all.
    expect(log.rows.map((r) => [r.note, r.action, r.unit, 'time' in r])).toEqual([
      ['覆盖原值', 'conflict', '市妇联', false],
      [null, null, null, false],
      ['', 'rejected', '市教育局', false],
      [null, '', '', false],
    ]);
  });
});

describe('the 进展情况 sheet', () => {
  test('header, text columns as text, row heights for long texts, the column widths', () => {
    const { patch } = consolidateGrids(
      masterGrid,
      [
        input('a.xlsx', form('市教育局', { '7.2': { progress: LONG } })),
        input('b.xlsx', form('市妇联', { '9.1': { progress: '短' } })),
      ],
      { time: T },
    );
    const sheet = patch.sheets.find((sh) => sh.name === PROGRESS_SHEET)!;
    expect(sheet.cells.filter((c) => c.r === 1).map((c) => [c.value, c.style])).toEqual(
      PROGRESS_COLUMNS.map(([, label]) => [label, 'prog.head']),
    );
    expect(sheet.cells.filter((c) => c.r === 2).map((c) => c.style)).toEqual(
      PROGRESS_COLUMNS.map(([key]) => (key === 'text' || key === 'label' ? 'prog.text' : 'prog.cell')),
    );
    expect(sheet.rowHeights![1]).toBe(22);
    expect(sheet.rowHeights![2]).toBeGreaterThan(sheet.rowHeights![3]);
    expect(sheet.columnWidths).toEqual(PROGRESS_COLUMNS.map(([, , w]) => w));
  });
  test('read back by header text; rows with neither id nor text are left out', () => {
    const grid: WorkbookGrid = {
      sheets: [
        {
          name: PROGRESS_SHEET,
          rows: [
            ['进展情况', ' 指标编号 ', '填报单位'],
            [' 有进展 ', null, '市妇联'],
            [null, '', '市教育局'],
            [null, '7.2', null],
          ],
        } as WorkbookGrid['sheets'][number],
      ],
    } as WorkbookGrid;
    expect(readProgress(grid).map((r) => [r.text, r.id, r.unit, r.round])).toEqual([
      [' 有进展 ', null, '市妇联', null],
      [null, '7.2', null, null],
    ]);
    expect(readProgress({ sheets: [] } as unknown as WorkbookGrid)).toEqual([]);
  });
});

test('a master whose plan id was emptied is refused with a Chinese reason', () => {
  const broken: WorkbookGrid = {
    ...masterGrid,
    sheets: masterGrid.sheets.map((sh) =>
      sh.name === '_tuijin' ? { ...sh, rows: sh.rows.map((r) => r?.map((v) => (v === source.planId ? '' : v))) } : sh,
    ),
  } as WorkbookGrid;
  expect(() => consolidateGrids(broken, [], { time: T })).toThrow(
    expect.objectContaining({
      name: 'InputError',
      zh: '工作簿缺少计划标识（隐藏的计划信息表被删除或清空），请重新生成推进表',
    }),
  );
});

test('未报送 lists lead units in the plan’s item order', () => {
  const { report } = consolidateGrids(masterGrid, [], { time: T });
  const firstSeen: string[] = [];
  for (const item of [...plan.items].sort((a, b) => a.no - b.no))
    for (const u of item.leadUnits) if (!firstSeen.includes(u)) firstSeen.push(u);
  expect(report.missingUnits).toEqual(firstSeen);
});

test('a round named without a year is dated in the master’s plan year, not today’s', () => {
  const r = consolidateAndCheck(masterGrid, [input('q.xlsx', form('市妇联', { '9.1': { h1: 3 } }, '第三季度'))], {
    time: T,
    today: '2024-01-05',
  });
  expect(r.check.asOf).toBe('2023-09-30');
});

describe('forms of another plan', () => {
  test('of the same year, or of another year: the reason says which; its round still counts', () => {
    const same = returnSourceFromPlan({ ...plan, title: `${plan.title}（另一份）` });
    const other = returnSourceFromPlan({ ...plan, year: 2024 });
    const of = (src: typeof source) => {
      const layout = buildReturnLayout(src.plan, '市妇联', {
        planId: src.planId,
        planHash: src.planHash,
        round: '2023年上半年',
        createdAt: T,
      });
      return layoutGrid(layout);
    };
    const { report } = consolidateGrids(masterGrid, [input('s.xlsx', of(same)), input('o.xlsx', of(other))], {
      time: T,
    });
    expect(report.rejected).toEqual([
      { file: 's.xlsx', reason: '来自另一份计划（同为2023年度，但不是本主表的计划），请用本主表生成的填报表填报' },
      {
        file: 'o.xlsx',
        reason: '来自另一份计划（填报表为2024年度计划，主表为2023年度计划），请用本主表生成的填报表填报',
      },
    ]);
    expect(report.rounds).toEqual(['2023年上半年']);
    expect(report.log.map((r) => [r.unit, r.round, r.action])).toEqual([
      ['市妇联', '2023年上半年', 'rejected'],
      ['市妇联', '2023年上半年', 'rejected'],
    ]);
  });
});

test('a form whose indicator rows were moved is rejected whole, naming at most three places', () => {
  const grid = form('市教育局', { '7.2': { h1: 10 } });
  const sheet = grid.sheets.find((sh) => sh.name === RETURN_SHEET)!;
  const idCol = RETURN_COL.id - 1;
  const at = sheet.rows.map((r, i) =>
    typeof r?.[idCol] === 'string' && /^\d+\.\d+$/.test(r[idCol] as string) ? i : -1,
  );
  const rows = at.filter((i) => i >= 0);
  const swapped = { ...sheet, rows: [...sheet.rows] };
  [swapped.rows[rows[0]], swapped.rows[rows[1]]] = [swapped.rows[rows[1]], swapped.rows[rows[0]]];
  const two = { ...grid, sheets: grid.sheets.map((sh) => (sh === sheet ? swapped : sh)) };
  const reversed = { ...sheet, rows: [...sheet.rows] };
  const block = rows.slice(0, 6).map((i) => sheet.rows[i]);
  rows.slice(0, 6).forEach((i, k) => (reversed.rows[i] = block[block.length - 1 - k]));
  const six = { ...grid, sheets: grid.sheets.map((sh) => (sh === sheet ? reversed : sh)) };
  const { report } = consolidateGrids(masterGrid, [input('two.xlsx', two), input('six.xlsx', six)], { time: T });
  const [a, b] = report.rejected;
  expect(a.reason).toMatch(/^表单的行被移动、交换或改动：.+。请在原表单中填写，不要移动或修改指标行$/);
  expect(a.reason).not.toMatch(/等\d+处/);
  expect(a.reason.split('；').length).toBe(2);
  expect(b.reason).toMatch(/^表单的行被移动、交换或改动：[^；]+；[^；]+；[^；]+等6处。/);
  expect(report.applied).toBe(0);
});

describe('later runs of the same round', () => {
  const twoUnits = () =>
    consolidateGrids(
      masterGrid,
      [
        input('a.xlsx', form('市教育局', { '7.2': { h1: 10, progress: '第一次' } })),
        input('b.xlsx', form('市妇联', { '7.2': { h1: 12 } })),
      ],
      { time: T },
    );
  test('a conflicting figure logged earlier does not stand in for the one applied', () => {
    const after = gridWithPatch(masterGrid, twoUnits().patch);
    const again = consolidateGrids(after, [input('b2.xlsx', form('市妇联', { '7.2': { h1: 12 } }))], { time: T });
    expect(again.report.conflicts.map((c) => [c.id, c.chosen])).toEqual([['7.2', '市教育局']]);
    expect(again.patch.cells.filter((c) => c.sheet === '推进计划表')).toEqual([]);
  });
  test('the first-listed unit sending a new figure replaces its own earlier one', () => {
    const after = gridWithPatch(masterGrid, twoUnits().patch);
    const again = consolidateGrids(
      after,
      [
        input('a2.xlsx', form('市教育局', { '7.2': { h1: 11 } })),
        input('b2.xlsx', form('市妇联', { '7.2': { h1: 12 } })),
      ],
      { time: T },
    );
    expect(again.patch.cells.filter((c) => c.sheet === '推进计划表').map((c) => c.value)).toEqual([11]);
    expect(again.report.log.find((r) => r.file === 'a2.xlsx' && r.id === '7.2')).toMatchObject({
      old: 10,
      new: 11,
      note: expect.stringContaining('覆盖原值'),
    });
  });
  test('a new 进展情况 text replaces the unit’s old one, which 日志 keeps', () => {
    const after = gridWithPatch(masterGrid, twoUnits().patch);
    const again = consolidateGrids(after, [input('a2.xlsx', form('市教育局', { '7.2': { progress: '第二次' } }))], {
      time: T,
    });
    expect(again.report.applied).toBe(1);
    expect(again.report.log.find((r) => r.field === '进展情况')).toMatchObject({
      old: '第一次',
      new: '第二次',
      note: '',
    });
    const rows = readProgress(gridWithPatch(after, again.patch));
    expect(rows.map((r) => [r.id, r.unit, r.text])).toEqual([['7.2', '市教育局', '第二次']]);
  });
});

test('the words around a figure join the unit’s 进展情况; a refused figure is logged as typed', () => {
  const { report } = consolidateGrids(
    masterGrid,
    [input('a.xlsx', form('市妇联', { '9.1': { h1: '约10场' }, '9.2': { h1: -5 } }))],
    { time: T },
  );
  expect(report.log.find((r) => r.id === '9.1' && r.field === '进展情况')!.new).toBe('上半年完成填报“约10场”');
  expect(report.log.find((r) => r.id === '9.2')).toMatchObject({ new: -5, action: 'rejected' });
});

describe('normalizeFigure', () => {
  const ind = (id: string) => plan.items.flatMap((i) => i.indicators).find((x) => x.id === id)!;
  const count = ind('9.1');
  test('blank and formula cells', () => {
    expect(normalizeFigure(count, '  ')).toEqual({ ok: true, value: undefined });
    expect(normalizeFigure(count, uncalculatedFormula('A1'))).toEqual({
      ok: false,
      reason: '公式未计算，请在 Excel 中打开并保存后再报',
    });
  });
  test('a negative figure is refused, with the figure', () => {
    expect(normalizeFigure(count, -5)).toEqual({ ok: false, reason: '不能为负数（-5）' });
  });
  test('a figure with a remark carries the note', () => {
    expect(normalizeFigure(count, ' 约10场 ')).toEqual({ ok: true, value: 10, note: '填报“约10场”' });
  });
});
