// Formulas saved without a result (openpyxl and other scripts never calculate) are never a silent 0:
// check and consolidate say 公式未计算, and a formula with a stored result counts as that result.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbookGrid } from '../../src/adapters/exceljs/read';
import { COL } from '../../src/core/tracking/sheet';
import { formsOf, fillWithOpenpyxl, seedPlan } from '../consolidate/fixtures';
import {
  decorate,
  expectUnchanged,
  PYTHON,
  filledSeed,
  loResave,
  partsOf,
  sheetPart,
  snapshot,
  tmpDir,
  tuijin,
} from './xlsx-helpers';

const dir = tmpDir('formula');
const REASON = '公式未计算，请在 Excel 中打开并保存后再报';
let withFormula = '';

const FORMULA_PY = `
import sys, openpyxl
src, dst, ident = sys.argv[1:4]
wb = openpyxl.load_workbook(src)
ws = wb.worksheets[0]
for row in ws.iter_rows():
    texts = [c.value for c in row]
    if '指标编号' in texts:
        head = row[0].row
        cols = {t: i + 1 for i, t in enumerate(texts) if t}
        break
r = head + 1
while str(ws.cell(r, cols['指标编号']).value) != ident:
    r += 1
ws.cell(r, cols['全年完成']).value = '=2+3'
wb.save(dst)
`;

beforeAll(async () => {
  // K5 is 1.1's 上半年完成 in the seed master.
  withFormula = decorate(await filledSeed(dir), path.join(dir, 'formula.xlsx'), 'K5');
});

test('openpyxl master with =1000*3 and no stored result: check says 公式未计算, never 0', async () => {
  const snap = snapshot([withFormula]);
  const r = await tuijin('check', withFormula, '--as-of', '2023-07-15', '--json');
  expect(r.code).toBe(0);
  const one = JSON.parse(r.out).indicators.find((j: { id: string }) => j.id === '1.1');
  expect(one).toEqual({
    id: '1.1',
    item: 1,
    status: 'invalid',
    h1Actual: null,
    annualActual: null,
    h1Rate: null,
    annualRate: null,
    message: `上半年完成${REASON}`,
  });
  expectUnchanged(snap);
});

test('check --write leaves the formula in its cell and writes the reason into 说明', async () => {
  const out = path.join(dir, 'formula-checked.xlsx');
  expect((await tuijin('check', withFormula, '--as-of', '2023-07-15', '--write', out)).code).toBe(0);
  const bytes = new Uint8Array(fs.readFileSync(out));
  const xml = (await partsOf(bytes)).get(await sheetPart(bytes, '推进计划表'))!.toString();
  expect(xml).toMatch(/<c r="K5"[^>]*><f>1000\*3<\/f>/);
  const main = (await readWorkbookGrid(bytes)).sheets[0];
  expect(main.rows[4][COL.note - 1]).toBe(`上半年完成${REASON}`);
  expect(main.rows[4][COL.status - 1]).toBe('※ 数据有误');
});

test('after LibreOffice calculates and saves it, the stored result (3000) is the figure', async () => {
  const lo = loResave(withFormula, path.join(dir, 'lo'));
  const r = await tuijin('check', lo, '--as-of', '2023-07-15', '--json');
  const one = JSON.parse(r.out).indicators.find((j: { id: string }) => j.id === '1.1');
  expect(one).toMatchObject({ status: 'shortfall', h1Actual: 3000 });
});

test('a return with a formula without result: nothing (least of all 0) goes into the master, and the report says why', async () => {
  const master = await filledSeed(dir, 'master2.xlsx');
  const forms = await formsOf(seedPlan());
  const form = forms.get([...forms.keys()][0])!;
  const g = await readWorkbookGrid(form.data);
  const id = g.sheets[0].rows.flat().find((v): v is string => typeof v === 'string' && /^\d+\.\d+$/.test(v))!;
  const ret = path.join(dir, 'return-formula.xlsx');
  const filled = path.join(dir, 'return-filled.xlsx');
  fs.writeFileSync(filled, fillWithOpenpyxl(form.data, { reporter: '王五' }, dir));
  // A real formula (openpyxl stores it without a result), in the 全年完成 cell of the row holding `id`.
  execFileSync(PYTHON, ['-c', FORMULA_PY, filled, ret, id], { stdio: 'pipe', timeout: 60_000 });
  const snap = snapshot([master, ret]);
  const out = path.join(dir, 'merged.xlsx');
  const r = await tuijin('consolidate', master, ret, '--out', out, '--json');
  expect(r.code).toBe(0);
  expect(r.out).toContain(REASON);
  const merged = await tuijin('check', out, '--as-of', '2023-07-15', '--json');
  const after = JSON.parse(merged.out).indicators.find((j: { id: string }) => j.id === id);
  expect(after.annualActual).toBeNull();
  expectUnchanged(snap);
});
