// Consolidation ends with a check at the round's as-of date: the merged master's 状态, 说明 and 汇总 are the
// ones a fresh `check` of it gives, not stale or blank.
import * as fs from 'fs';
import * as path from 'path';
import { readTracking } from '../../src/core/tracking/read';
import { SHEET } from '../../src/core/tracking/sheet';
import { statusText } from '../../src/core/tracking/patch';
import {
  fillWithOpenpyxl,
  formsOf,
  readBytes,
  readWorkbookGrid,
  seedPlan,
  snapshot,
  tmpDir,
  tuijin,
} from './forms-fixtures';

const dir = tmpDir('hostile-cons-check');
const master = path.join(dir, 'master.xlsx');
const ret = path.join(dir, 'r.xlsx');

beforeAll(async () => {
  expect((await tuijin('generate', '--out', master)).code).toBe(0);
  const forms = await formsOf(seedPlan());
  fs.writeFileSync(
    ret,
    fillWithOpenpyxl(forms.get('市司法局')!.data, { values: { '17.1': { h1: 1500 }, '17.3': { h1: 2 } } }, dir),
  );
});

/** 状态 and 说明 of every indicator row of a workbook file. */
async function statuses(file: string) {
  const grid = await readWorkbookGrid(readBytes(file));
  const read = readTracking(grid);
  const main = grid.sheets.find((s) => s.name === read.positions.sheet)!;
  const { status, note } = read.positions.columns;
  return {
    grid,
    rows: read.indicators.map((ind) => {
      const row = main.rows[read.positions.rows[ind.id] - 1];
      return [ind.id, row[status - 1], row[note! - 1]];
    }),
  };
}

async function runCase(extra: string[], expectedAsOf: string, cnDate: string, status17: string) {
  const out = path.join(dir, `merged-${expectedAsOf}.xlsx`);
  const s = snapshot([master, ret]);
  const r = await tuijin('consolidate', master, ret, '--out', out, ...extra);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(new RegExp(`^已按截至${cnDate}重新校验：`, 'm'));
  const merged = await statuses(out);
  // What a fresh check at the same date says, indicator by indicator.
  const fresh = JSON.parse((await tuijin('check', out, '--as-of', expectedAsOf, '--json')).out);
  expect(merged.rows).toEqual(
    fresh.indicators.map((j: { id: string; status: never; message: string }) => [
      j.id,
      statusText(j.status),
      j.message,
    ]),
  );
  // The figure just applied is what was judged (at 06-30 the half-year figure counts; at 12-31 the annual is missing).
  expect(merged.rows.find((x) => x[0] === '17.1')![1]).toBe(status17);
  const summary = merged.grid.sheets.find((x) => x.name === SHEET.summary)!;
  expect(summary.rows[1][0]).toBe(`截至 ${cnDate}`);
  expect(s.unchanged()).toBe(true);
}

test('without --as-of: checked at the round’s date (2023年上半年 → 2023-06-30)', async () => {
  await runCase([], '2023-06-30', '2023年6月30日', statusText('on-track'));
});

test('with --as-of: checked at that date', async () => {
  await runCase(['--as-of', '2023-12-31'], '2023-12-31', '2023年12月31日', statusText('missing'));
});

test('a bad --as-of is refused before anything is written', async () => {
  const r = await tuijin('consolidate', master, ret, '--out', path.join(dir, 'never.xlsx'), '--as-of', '2023-02-30');
  expect(r.code).toBe(2);
  expect(fs.existsSync(path.join(dir, 'never.xlsx'))).toBe(false);
});
