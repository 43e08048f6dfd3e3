// A quarterly round end to end on the seed, through the same code as the half-year rounds: forms for
// 2023年一季度, filled by openpyxl, consolidated and checked at 03-31 pro rata, applied to the .xlsx and read
// back; then a 三季度 round made from the merged master shows its H1 figures and is judged at 09-30.
import { consolidateAndCheck, type CheckedConsolidation } from '../../src/core/consolidate';
import { readTracking } from '../../src/core/tracking/read';
import { SHEET } from '../../src/core/tracking/sheet';
import { statusText } from '../../src/core/tracking/patch';
import { RETURN_COL, RETURN_HEADERS, RETURN_SHEET } from '../../src/core/returns/layout';
import { leadUnitsOf } from '../../src/core/returns/units';
import { returnSourceFromPlan } from '../../src/core/returns/source';
import { loadMaster, readReturnFiles } from '../../src/adapters/exceljs/consolidate';
import { returnSourceFromWorkbook, writeReturnForms, type ReturnForm } from '../../src/adapters/exceljs/returns';
import type { WorkbookGrid } from '../../src/core/layout/types';
import { cell, fillWithOpenpyxl, masterOf, readWorkbookGrid, seedPlan, sheetOf, tmpDir } from '../consolidate/fixtures';

const DAY = 86_400_000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY + 1;
/** Share of a period's target due on `asOf`, counted in days as the plan offices do (both ends included). */
const dueBy = (target: number, from: string, asOf: string, close: string) =>
  (target * days(from, asOf)) / days(from, close);

const dir = tmpDir('quarter');
const plan = seedPlan();
let q1Forms: Map<string, ReturnForm>;
let q1: CheckedConsolidation;
let merged: Uint8Array;
let mergedGrid: WorkbookGrid;

async function consolidate(master: Uint8Array, filled: Array<[string, Uint8Array]>, today: string) {
  const loaded = await loadMaster(master, 'master.xlsx');
  const inputs = await readReturnFiles(filled.map(([file, data]) => ({ file, data })));
  const result = consolidateAndCheck(loaded.grid, inputs, { time: `${today} 09:00:00`, today });
  const bytes = await loaded.apply(result.combined);
  return { result, bytes, grid: await readWorkbookGrid(bytes) };
}

/** 状态 and 说明 of an indicator row in a workbook read back from its bytes. */
function row(grid: WorkbookGrid, id: string) {
  const read = readTracking(grid);
  const main = sheetOf(grid, read.positions.sheet);
  const r = main.rows[read.positions.rows[id] - 1];
  const { status, note, h1, annual } = read.positions.columns;
  return { status: r[status - 1], note: String(r[note! - 1]), h1: r[h1 - 1], annual: r[annual - 1] };
}

const summaryText = (grid: WorkbookGrid) =>
  sheetOf(grid, SHEET.summary)
    .rows.flat()
    .filter((v) => typeof v === 'string')
    .join('\n');

beforeAll(async () => {
  const master = await masterOf(plan);
  const forms = await writeReturnForms(returnSourceFromPlan(plan), {
    round: '2023年一季度',
    createdAt: '2023-03-25 10:00:00',
  });
  q1Forms = new Map(forms.map((f) => [f.unit, f]));
  // 1.1 (two-cancer screening, H1 target 10万人) ahead of its share; 17.1 (legal aid, 3000件 a year) behind.
  const health = fillWithOpenpyxl(q1Forms.get('市卫生健康委')!.data, { values: { '1.1': { h1: 60000 } } }, dir);
  const justice = fillWithOpenpyxl(q1Forms.get('市司法局')!.data, { values: { '17.1': { h1: 500 } } }, dir);
  const out = await consolidate(
    master,
    [
      ['卫健委.xlsx', health],
      ['司法局.xlsx', justice],
    ],
    '2023-04-06',
  );
  q1 = out.result;
  merged = out.bytes;
  mergedGrid = out.grid;
}, 120_000);

test('一季度 forms keep the two entry columns and say which to fill, up to which date', async () => {
  const grid = await readWorkbookGrid(q1Forms.get('市司法局')!.data);
  expect(cell(grid, RETURN_SHEET, 3, RETURN_COL.h1)).toBe(RETURN_HEADERS.h1);
  expect(cell(grid, RETURN_SHEET, 3, RETURN_COL.annual)).toBe(RETURN_HEADERS.annual);
  const info = String(cell(grid, RETURN_SHEET, 2, 1));
  expect(info).toContain('轮次：2023年一季度');
  expect(info).toContain('本轮填写截至3月31日的累计数，填在“上半年完成”列。');
  // Nothing of the master's is shown before the H1 figures are final.
  expect(info).not.toContain('上半年完成已填入总表中的数字');
});

test('the round is judged at its close, 03-31, pro rata against the targets', () => {
  expect(q1.check.asOf).toBe('2023-03-31');
  expect(q1.report.rounds).toEqual(['2023年一季度']);
  const health = row(mergedGrid, '1.1');
  expect(health.h1).toBe(60000);
  expect(health.status).toBe(statusText('on-track'));
  // The H1 target's share: 10万 × 90/181 days.
  const healthDue = dueBy(100000, '2023-01-01', '2023-03-31', '2023-06-30');
  expect(Math.round(healthDue)).toBe(49724);
  expect(health.note).toContain('上半年目标10万人，截至2023年3月31日应完成约');

  const justice = row(mergedGrid, '17.1');
  expect(justice.h1).toBe(500);
  expect(justice.status).toBe(statusText('at-risk'));
  // No H1 target: the year's, 3000 × 90/365 days ≈ 740, so 500 is about 240 behind.
  const justiceDue = dueBy(3000, '2023-01-01', '2023-03-31', '2023-12-31');
  expect(Math.round(justiceDue)).toBe(740);
  expect(justice.note).toBe(
    `全年目标3000件，截至2023年3月31日应完成约740件，上半年完成500件，` +
      `落后进度约${Math.round(justiceDue - 500)}件（完成全年${Math.round((500 / 3000) * 1000) / 10}%）`,
  );
  // What the check judged is what the workbook says.
  expect(q1.check.judgements.find((j) => j.id === '17.1')!.status).toBe('at-risk');
});

test('汇总 names the quarter and its date; 未报送 lists every unit that sent nothing', () => {
  const text = summaryText(mergedGrid);
  expect(text).toContain('截至 2023年3月31日（一季度）');
  expect(text).toMatch(/通报\n\s*截至3月31日，/);
  expect(text).toContain('市司法局牵头');
  expect(q1.check.bulletin).toMatch(/^截至3月31日，/);
  const others = leadUnitsOf(plan).filter((u) => u !== '市卫生健康委' && u !== '市司法局');
  expect(others.length).toBeGreaterThan(5);
  expect(q1.report.missingUnits).toEqual(others);
});

test('三季度 from the merged master: forms show the H1 figure, the figure goes in 全年完成, judged at 09-30', async () => {
  const source = await returnSourceFromWorkbook(merged, 'merged.xlsx');
  const forms = new Map(
    (await writeReturnForms(source, { round: '2023年三季度', createdAt: '2023-09-25 10:00:00' })).map((f) => [
      f.unit,
      f,
    ]),
  );
  const form = await readWorkbookGrid(forms.get('市司法局')!.data);
  const info = String(cell(form, RETURN_SHEET, 2, 1));
  expect(info).toContain('本轮填写截至9月30日的累计数，填在“全年完成”列。');
  expect(info).toContain('上半年完成已填入总表中的数字');
  const r17 = sheetOf(form, RETURN_SHEET).rows.findIndex((r) => r[RETURN_COL.id - 1] === '17.1') + 1;
  expect(cell(form, RETURN_SHEET, r17, RETURN_COL.h1)).toBe(500);

  const filled = fillWithOpenpyxl(forms.get('市司法局')!.data, { values: { '17.1': { annual: 2400 } } }, dir);
  const { result, grid } = await consolidate(merged, [['司法局-三季度.xlsx', filled]], '2023-10-08');
  expect(result.check.asOf).toBe('2023-09-30');
  const justice = row(grid, '17.1');
  expect([justice.h1, justice.annual]).toEqual([500, 2400]);
  // 3000 × 273/365 ≈ 2244 due by 09-30: 2400 is on track.
  expect(Math.round(dueBy(3000, '2023-01-01', '2023-09-30', '2023-12-31'))).toBe(2244);
  expect(justice.status).toBe(statusText('on-track'));
  expect(justice.note).toContain('截至2023年9月30日应完成约2244件');
  expect(summaryText(grid)).toContain('截至 2023年9月30日（三季度）');
});
