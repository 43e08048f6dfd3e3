// An indicator row removed from the main sheet while the 指标 sheet still lists it: `check` says so (stderr,
// the count line, --json, the 汇总 sheet of --write) instead of judging 38 of 39 without a word.
import * as fs from 'fs';
import * as path from 'path';
import { readTracking } from '../../src/core/tracking/read';
import { SHEET } from '../../src/core/tracking/sheet';
import { colLetters } from '../../src/core/layout/address';
import {
  editWithOpenpyxl,
  fillWithOpenpyxl,
  formsOf,
  readBytes,
  readWorkbookGrid,
  seedPlan,
  snapshot,
  tmpDir,
  tuijin,
} from './forms-fixtures';

const dir = tmpDir('hostile-dropped');
const book = path.join(dir, 'dropped.xlsx');
const label = seedPlan()
  .items.flatMap((i) => i.indicators)
  .find((i) => i.id === '13.2')!.label;
const warning = `警告：指标 13.2（${label}）在“指标”工作表中有，但“推进计划表”中没有这一行，未校验；请恢复该行，或从“指标”工作表中删除`;

beforeAll(async () => {
  const master = path.join(dir, 'master.xlsx');
  expect((await tuijin('generate', '--out', master)).code).toBe(0);
  const read = readTracking(await readWorkbookGrid(readBytes(master)));
  // Someone empties the row of 13.2 in 推进计划表 (指标编号 through 说明); 指标 still has it.
  const r = read.positions.rows['13.2'];
  const cells = Array.from({ length: 9 }, (_, i) => `${colLetters(read.positions.columns.id + i)}${r}`);
  fs.writeFileSync(book, editWithOpenpyxl(readBytes(master), [{ op: 'clear', sheet: SHEET.main, cells }], dir));
});

test('check names the indicator it could not judge, on stderr and in the count line', async () => {
  const s = snapshot([book]);
  const r = await tuijin('check', book, '--as-of', '2023-07-15');
  expect(r.code).toBe(0);
  expect(r.err).toBe(warning);
  expect(r.out.split('\n')[0]).toBe('截至2023年7月15日，共38项指标（“指标”工作表共39项，1项未校验：13.2）');
  expect(r.out).not.toMatch(/^13\.2 /m);
  expect(s.unchanged()).toBe(true);
});

test('check --json lists it under notInSheet', async () => {
  const r = await tuijin('check', book, '--as-of', '2023-07-15', '--json');
  const json = JSON.parse(r.out);
  expect(json.indicators).toHaveLength(38);
  expect(json.notInSheet).toEqual(['13.2']);
  expect(r.err).toBe(warning);
});

test('check --write lists it in 汇总 as 未校验', async () => {
  const out = path.join(dir, 'checked.xlsx');
  const s = snapshot([book]);
  expect((await tuijin('check', book, '--as-of', '2023-07-15', '--write', out)).code).toBe(0);
  const summary = (await readWorkbookGrid(readBytes(out))).sheets.find((x) => x.name === SHEET.summary)!;
  const rows = summary.rows.map((row) => row.filter((v) => v !== null));
  expect(rows).toContainEqual(['未校验的指标（“指标”工作表中有，“推进计划表”中没有这一行）：1项']);
  expect(rows).toContainEqual([
    '13',
    label,
    '13.2',
    '未校验',
    '推进计划表中没有这一行，未校验；请恢复该行，或从“指标”工作表中删除',
  ]);
  expect(s.unchanged()).toBe(true);
});

test('consolidate into such a master reports it too (its check ends the run)', async () => {
  const forms = await formsOf(seedPlan());
  const ret = path.join(dir, 'r.xlsx');
  fs.writeFileSync(ret, fillWithOpenpyxl(forms.get('市卫生健康委')!.data, { values: { '13.1': { h1: 5 } } }, dir));
  const s = snapshot([book, ret]);
  const out = path.join(dir, 'merged.xlsx');
  const r = await tuijin('consolidate', book, ret, '--out', out);
  expect(r.code).toBe(0);
  expect(r.err).toBe(warning);
  const summary = (await readWorkbookGrid(readBytes(out))).sheets.find((x) => x.name === SHEET.summary)!;
  expect(summary.rows.flat()).toContain('13.2');
  expect(s.unchanged()).toBe(true);
});
