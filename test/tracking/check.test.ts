// checkTracking: the one check the CLI, the page and the add-in share.
import { judgeAll } from '../../src/core/judge';
import { buildTrackingLayout } from '../../src/core/tracking/layout';
import { readTracking } from '../../src/core/tracking/read';
import { checkTracking, planYearOf } from '../../src/core/tracking/check';
import { SHEET } from '../../src/core/tracking/sheet';
import { layoutGrid, seedPlan, setCell } from './helpers';

const plan = seedPlan();
const grid = layoutGrid(buildTrackingLayout(plan, { toolVersion: 'test' }));

test('judges in the plan year, counts every status and writes every indicator row', () => {
  const read = readTracking(grid);
  const row = read.positions.rows['1.1'];
  // 全年完成 left blank: the year has closed, so 1.1 is 未填报 even with an H1 figure.
  setCell(grid, SHEET.main, row, read.positions.columns.h1, '8万');
  const fresh = readTracking(grid);
  // As of the next January, the 2023 plan is still judged as 2023: the year has closed.
  const check = checkTracking(fresh, '2024-01-10');
  expect(planYearOf(fresh, '2024-01-10')).toBe(2023);
  expect(check.judgements).toEqual(judgeAll(fresh.indicators, fresh.entries, '2024-01-10', 2023));
  expect(check.judgements.find((j) => j.id === '1.1')).toMatchObject({ status: 'missing', h1Actual: 80000 });
  expect(Object.values(check.counts).reduce((a, b) => a + b, 0)).toBe(fresh.indicators.length);
  expect(check.bulletin).toMatch(/^截至/);
  expect(check.patch.sheets.map((s) => s.name)).toContain(SHEET.summary);
});
