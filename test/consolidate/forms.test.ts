// Return forms for every lead unit of the seed: content, protection, validation, identification, print setup.
import * as ExcelJS from 'exceljs';
import { leadUnitsOf, indicatorsOfUnit, returnFileName } from '../../src/core/returns/units';
import { readReturnMeta } from '../../src/core/returns/meta';
import { planIdentity } from '../../src/core/tracking/layout';
import { RETURN_SHEET, entryPrompt } from '../../src/core/returns/layout';
import { readReturn } from '../../src/core/returns/read';
import { formsOf, readWorkbookGrid, seedPlan } from './fixtures';
import type { ReturnForm } from '../../src/adapters/exceljs/returns';

const plan = seedPlan();
let forms: Map<string, ReturnForm>;

beforeAll(async () => {
  forms = await formsOf(plan);
});

async function load(form: ReturnForm): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(form.data as unknown as ArrayBuffer);
  return wb;
}

test('one form per lead unit of the seed, named after the unit', () => {
  const units = leadUnitsOf(plan);
  expect(units).toHaveLength(12);
  expect([...forms.keys()]).toEqual(units);
  expect(forms.get('市卫生健康委')!.fileName).toBe('2023年重要事项进展填报-市卫生健康委.xlsx');
  expect(returnFileName(2023, 'a/b:c')).toBe('2023年重要事项进展填报-a_b_c.xlsx');
});

test.each(leadUnitsOf(seedPlan()))('form for %s holds only its own indicators and says who it is for', async (unit) => {
  const form = forms.get(unit)!;
  const grid = await readWorkbookGrid(form.data);
  const read = readReturn(grid);
  if (!read.ok) throw new Error(read.reason);
  const own = indicatorsOfUnit(plan, unit).map((i) => i.id);
  expect(read.value.rows.map((r) => r.id)).toEqual(own);
  expect(read.value.meta.unit).toBe(unit);
  expect(read.value.meta.round).toBe('2023年上半年');
  expect(read.value.meta.ids).toEqual(own);
  // Blank form: nothing entered yet.
  expect(read.value.rows.every((r) => r.h1 === null && r.annual === null && r.progress === null)).toBe(true);
  const others = plan.items
    .filter((it) => !it.leadUnits.includes(unit))
    .flatMap((it) => it.indicators.map((i) => i.id));
  const ids = new Set(read.value.rows.map((r) => r.id));
  expect(others.some((id) => ids.has(id))).toBe(false);
});

test('entry headers, read-only targets, unlocked entry cells, protected sheet', async () => {
  const wb = await load(forms.get('市卫生健康委')!);
  const ws = wb.getWorksheet(RETURN_SHEET)!;
  const header = (ws.getRow(3).values as unknown[]).slice(1);
  for (const h of ['指标编号', '上半年完成', '全年完成', '进展情况', '上半年目标', '全年目标'])
    expect(header).toContain(h);
  const col = (h: string) => header.indexOf(h) + 1;
  expect(ws.getCell(4, col('指标编号')).value).toBe('1.1');
  expect(ws.getCell(4, col('上半年目标')).value).toBe('≥10万人');
  expect(ws.getCell(4, col('全年目标')).value).toBe('≥22万人');
  for (const h of ['上半年完成', '全年完成', '进展情况']) expect(ws.getCell(4, col(h)).protection?.locked).toBe(false);
  for (const h of ['指标编号', '上半年目标', '全年目标'])
    expect(ws.getCell(4, col(h)).protection?.locked).not.toBe(false);
  expect(ws.getCell(4, col('进展情况')).numFmt).toBe('@');
  const prot = (ws as unknown as { sheetProtection: { sheet?: boolean } }).sheetProtection;
  expect(prot?.sheet).toBe(true);
});

test('entry cells carry native validation: a number ≥ 0 with a prompt naming the unit, a list for milestones', async () => {
  const wb = await load(forms.get('市卫生健康委')!);
  const ws = wb.getWorksheet(RETURN_SHEET)!;
  const header = (ws.getRow(3).values as unknown[]).slice(1);
  const col = (h: string) => header.indexOf(h) + 1;
  const dv = (r: number, c: number) =>
    ws.getCell(r, c).dataValidation as ExcelJS.DataValidation & { prompt?: string; showInputMessage?: boolean };
  const h1 = dv(4, col('上半年完成'));
  expect(h1.type).toBe('decimal');
  expect(h1.operator).toBe('greaterThanOrEqual');
  expect(Number(h1.formulae[0])).toBe(0);
  expect(h1.prompt).toBe('单位：人，填写数字，如 100000');
  expect(h1.showInputMessage).toBe(true);
  expect(dv(4, col('全年完成')).type).toBe('decimal');
  // 2.1 is a milestone.
  const ms = dv(5, col('上半年完成'));
  expect(ms.type).toBe('list');
  expect(String(ms.formulae[0])).toContain('已完成');
  expect(String(ms.formulae[0])).toContain('未完成');
  // Every indicator of every form has both entry cells validated.
  for (const [unit, form] of forms) {
    const w = (await load(form)).getWorksheet(RETURN_SHEET)!;
    const n = indicatorsOfUnit(plan, unit).length;
    for (let r = 4; r < 4 + n; r++) {
      expect(w.getCell(r, col('上半年完成')).dataValidation?.type).toMatch(/decimal|list/);
      expect(w.getCell(r, col('全年完成')).dataValidation?.type).toMatch(/decimal|list/);
    }
  }
});

test('prompts name the unit of every kind of figure', () => {
  const inds = plan.items.flatMap((it) => it.indicators);
  const pct = inds.find((i) => i.unit === '%')!;
  expect(entryPrompt(pct)).toMatch(/^单位：%，填写百分比，如 \d+%/);
  const pts = inds.find((i) => i.unit === '个百分点')!;
  expect(entryPrompt(pts)).toContain('单位：个百分点');
  const ms = inds.find((i) => i.kind === 'milestone')!;
  expect(entryPrompt(ms)).toContain('已完成');
});

test('a hidden sheet identifies plan, unit and round; the entry sheet prints A4 landscape, one page wide', async () => {
  const form = forms.get('市妇联')!;
  const grid = await readWorkbookGrid(form.data);
  const meta = readReturnMeta(grid);
  expect(meta.ok).toBe(true);
  if (meta.ok) {
    expect(meta.meta.unit).toBe('市妇联');
    const { planId, planHash } = planIdentity(plan);
    expect(meta.meta.planId).toBe(planId);
    expect(meta.meta.planHash).toBe(planHash);
  }
  const wb = await load(form);
  const hidden = wb.worksheets.filter((w) => w.state !== 'visible').map((w) => w.name);
  expect(hidden).toEqual(['tuijin_return']);
  const ws = wb.getWorksheet(RETURN_SHEET)!;
  expect(ws.pageSetup.orientation).toBe('landscape');
  expect(ws.pageSetup.paperSize).toBe(9); // A4
  expect(ws.pageSetup.fitToWidth).toBe(1);
  expect(ws.pageSetup.printTitlesRow).toBe('3:3');
  // Every data row has a height (LibreOffice won't grow wrapped rows by itself).
  const n = indicatorsOfUnit(plan, '市妇联').length;
  for (let r = 4; r < 4 + n; r++) expect(ws.getRow(r).height).toBeGreaterThan(15);
});

test('forms made from the master carry its plan identity and the targets as corrected in its 指标 sheet', async () => {
  const { masterOf } = await import('./fixtures');
  const { returnSourceFromTracking, returnSourceFromPlan } = await import('../../src/core/returns/source');
  const { buildReturnLayout, RETURN_COL } = await import('../../src/core/returns/layout');
  const grid = await readWorkbookGrid(await masterOf(plan));
  const targets = grid.sheets.find((s) => s.name === '指标')!;
  const header = targets.rows.findIndex((r) => r.includes('指标编号'));
  const col = (h: string) => targets.rows[header].indexOf(h);
  const row = targets.rows.find((r) => r[col('指标编号')] === '1.1')!;
  row[col('全年目标')] = 230000; // the user corrects 22万 to 23万
  const source = returnSourceFromTracking(grid);
  expect({ id: source.planId, hash: source.planHash }).toEqual(
    (({ planId, planHash }) => ({ id: planId, hash: planHash }))(returnSourceFromPlan(plan)),
  );
  const layout = buildReturnLayout(source.plan, '市卫生健康委', {
    planId: source.planId,
    planHash: source.planHash,
    round: 'r',
    createdAt: 't',
  });
  const cell = layout.sheets[0].cells.find((c) => c.r === 4 && c.c === RETURN_COL.annualTarget)!;
  expect(cell.value).toBe('≥23万人');
});
