// Consolidation ends with a check, the same in core for the CLI, the page and the add-in; the round's date.
import { consolidateAndCheck, consolidationAsOf, roundAsOf } from '../../src/core/consolidate';
import { checkTracking } from '../../src/core/tracking/check';
import { readTracking } from '../../src/core/tracking/read';
import { gridWithPatch } from '../../src/core/layout/grid';
import { returnFileNames } from '../../src/core/returns/units';
import { fillWithOpenpyxl, formsOf, masterOf, readWorkbookGrid, seedPlan, tmpDir } from './fixtures';

jest.mock('../../src/apps/taskpane/jobs/seed', () => ({ seedText: '' }));
import { fileJobs } from '../../src/apps/taskpane/jobs/file';

test.each([
  ['2023年上半年', '2023-06-30'],
  ['2023年全年', '2023-12-31'],
  ['2023年下半年', '2023-12-31'],
  ['2023年5月调度', '2023-05-31'],
  ['2024年2月调度', '2024-02-29'],
  ['第三季度', '2023-09-30'],
  ['十一月调度', '2023-11-30'],
  ['临时抽查', null],
])('the round %s is judged at %s', (round, date) => expect(roundAsOf(round, 2023)).toBe(date));

test('the as-of date: the one asked for, else the latest round, else today', () => {
  expect(consolidationAsOf(['2023年上半年'], 2023, '2023-07-05', '2023-07-01')).toBe('2023-07-01');
  expect(consolidationAsOf(['2023年5月调度', '2023年上半年'], 2023, '2023-07-05')).toBe('2023-06-30');
  expect(consolidationAsOf(['临时抽查'], 2023, '2023-07-05')).toBe('2023-07-05');
  expect(consolidationAsOf([], 2023, '2023-07-05')).toBe('2023-07-05');
});

test('unit file names never collide, also where letter case does not count', () => {
  const names = returnFileNames(2023, ['市/局', '市_局', 'ABC局', 'abc局', '市:局']);
  expect([...names.values()]).toEqual([
    '2023年重要事项进展填报-市_局.xlsx',
    '2023年重要事项进展填报-市_局-2.xlsx',
    '2023年重要事项进展填报-ABC局.xlsx',
    '2023年重要事项进展填报-abc局-2.xlsx',
    '2023年重要事项进展填报-市_局-3.xlsx',
  ]);
});

describe('with the seed master and a filled return', () => {
  const dir = tmpDir('cons-check');
  let master: Uint8Array;
  let ret: Uint8Array;
  beforeAll(async () => {
    const plan = seedPlan();
    master = await masterOf(plan);
    ret = fillWithOpenpyxl((await formsOf(plan)).get('市司法局')!.data, { values: { '17.1': { h1: 1500 } } }, dir);
  });

  test('core: the check judges the merged figures, and its patch follows the consolidation in one', async () => {
    const grid = await readWorkbookGrid(master);
    const r = consolidateAndCheck(grid, [{ file: 'r.xlsx', grid: await readWorkbookGrid(ret) }], {
      time: '2023-07-05 09:00:00',
      today: '2023-07-05',
    });
    expect(r.check.asOf).toBe('2023-06-30');
    const merged = readTracking(gridWithPatch(grid, r.patch));
    expect(r.check.judgements).toEqual(checkTracking(merged, '2023-06-30').judgements);
    expect(r.check.judgements.find((j) => j.id === '17.1')!.h1Actual).toBe(1500);
    // Consolidation cells first, then the check's; 汇总 from the check, 日志 from the consolidation.
    expect(r.combined.cells.slice(0, r.patch.cells.length)).toEqual(r.patch.cells);
    expect(r.combined.sheets.map((s) => s.name).sort()).toEqual(['日志', '汇总']);
  });

  test('the page: 合并 writes statuses of the merged figures and says at which date', async () => {
    (globalThis as unknown as Record<string, unknown>).TUIJIN_VERSION = 'test';
    const out = await fileJobs.consolidate(
      { name: 'master.xlsx', bytes: master },
      [{ name: 'r.xlsx', bytes: ret }],
      () => {},
      '2023-07-15',
    );
    expect(out.message).toMatch(/^已按截至 2023-07-15 重新校验：未达标 \d+ 个，进度滞后 \d+ 个，已达标 \d+ 个。$/);
    const grid = await readWorkbookGrid(out.merged.bytes);
    const read = readTracking(grid);
    const main = grid.sheets.find((s) => s.name === read.positions.sheet)!;
    const judged = checkTracking(read, '2023-07-15').judgements;
    for (const j of judged) {
      const row = main.rows[read.positions.rows[j.id] - 1];
      expect(row[read.positions.columns.note! - 1]).toBe(j.message);
    }
    expect(grid.sheets.find((s) => s.name === '汇总')!.rows[1][0]).toBe('截至 2023年7月15日');
  });
});
