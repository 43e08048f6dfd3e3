// Hostile returns: rows moved, swapped or relabelled in another program (openpyxl, sheet unprotected — there
// is no password), old forms, a tampered binding, and unreadable cells. Each case runs `tuijin consolidate`
// and checks the exact outcome, what landed in the master, and that no input file changed.
import * as fs from 'fs';
import * as path from 'path';
import { readTracking } from '../../src/core/tracking/read';
import { readLog } from '../../src/core/consolidate';
import { readReturn } from '../../src/core/returns/read';
import { readReturnMeta, returnChecksum } from '../../src/core/returns/meta';
import { RETURN_SHEET } from '../../src/core/returns/layout';
import type { ReturnForm } from '../../src/adapters/exceljs/returns';
import {
  editWithOpenpyxl,
  fillWithOpenpyxl,
  formsOf,
  masterOf,
  readBytes,
  readWorkbookGrid,
  seedPlan,
  snapshot,
  tmpDir,
  tuijin,
  type EditOp,
} from './forms-fixtures';

const UNIT = '市司法局'; // rows 4–7 of its form: 17.1, 17.2, 17.3, 17.4 (one item)
const dir = tmpDir('hostile-returns');
const masterFile = path.join(dir, 'master.xlsx');
let forms: Map<string, ReturnForm>;
let n = 0;

beforeAll(async () => {
  const plan = seedPlan();
  fs.writeFileSync(masterFile, await masterOf(plan));
  forms = await formsOf(plan);
});

const unprotect: EditOp = { op: 'unprotect', sheet: RETURN_SHEET };

/** Writes the return, consolidates it into the master; report, merged entries and 日志, plus input hashes. */
async function consolidate(bytes: Uint8Array) {
  const file = path.join(dir, `return-${++n}.xlsx`);
  fs.writeFileSync(file, bytes);
  const out = path.join(dir, `merged-${n}.xlsx`);
  const inputs = snapshot([masterFile, file]);
  const r = await tuijin('consolidate', masterFile, file, '--out', out, '--json');
  expect(r.code).toBe(0);
  const grid = await readWorkbookGrid(readBytes(out));
  const entries = new Map(readTracking(grid).entries.map((e) => [e.id, e]));
  return {
    file: path.basename(file),
    report: JSON.parse(r.out),
    entries,
    log: readLog(grid)!.rows,
    inputsUnchanged: inputs.unchanged(),
  };
}

const filled = (values: Parameters<typeof fillWithOpenpyxl>[1]['values']) =>
  fillWithOpenpyxl(forms.get(UNIT)!.data, { values }, dir);
const labelAt = async (bytes: Uint8Array, row: number) => {
  const r = readReturn(await readWorkbookGrid(bytes));
  if (!r.ok) throw new Error(r.reason);
  return r.value.labels.get(row)!;
};
const nothingFrom = (entries: Map<string, { h1: unknown; annual: unknown }>) =>
  ['17.1', '17.2', '17.3', '17.4'].every((id) => entries.get(id)!.h1 === null && entries.get(id)!.annual === null);

test('two 指标编号 cells swapped in an unprotected return: rejected naming both rows, no figure lands', async () => {
  const bytes = editWithOpenpyxl(
    filled({ '17.1': { h1: 1500 }, '17.2': { h1: 60 } }),
    [unprotect, { op: 'swap', sheet: RETURN_SHEET, a: 'D4', b: 'D5' }],
    dir,
  );
  const c = await consolidate(bytes);
  expect(c.report.rejected).toEqual([
    {
      file: c.file,
      reason:
        '表单的行被移动、交换或改动：第4行（D4）：指标编号应为 17.1，表中为 17.2；第5行（D5）：指标编号应为 17.2，表中为 17.1。请在原表单中填写，不要移动或修改指标行',
    },
  ]);
  expect(nothingFrom(c.entries)).toBe(true);
  expect(c.report.missingUnits).toContain(UNIT);
  expect(c.inputsUnchanged).toBe(true);
});

test('two whole rows swapped (ids, labels, targets and figures together): rejected, rows named', async () => {
  const bytes = editWithOpenpyxl(
    filled({ '17.1': { h1: 1500 }, '17.2': { h1: 60 } }),
    [unprotect, { op: 'swap_rows', sheet: RETURN_SHEET, a: 4, b: 5, from: 4, to: 11 }],
    dir,
  );
  const c = await consolidate(bytes);
  expect(c.report.rejected.map((r: { reason: string }) => r.reason)).toEqual([
    '表单的行被移动、交换或改动：第4行（D4）：指标编号应为 17.1，表中为 17.2；第5行（D5）：指标编号应为 17.2，表中为 17.1。请在原表单中填写，不要移动或修改指标行',
  ]);
  expect(nothingFrom(c.entries)).toBe(true);
  expect(c.inputsUnchanged).toBe(true);
});

test('a relabelled row (指标 text changed beside its id): rejected naming the row and both texts', async () => {
  const base = filled({ '17.3': { h1: 20 } });
  const label = await labelAt(base, 6);
  const bytes = editWithOpenpyxl(
    base,
    [unprotect, { op: 'set', sheet: RETURN_SHEET, cell: 'E6', value: '社区矫正对象再犯罪率' }],
    dir,
  );
  const c = await consolidate(bytes);
  expect(c.report.rejected.map((r: { reason: string }) => r.reason)).toEqual([
    `表单的行被移动、交换或改动：第6行（E6）：指标 17.3 的“指标”应为“${label}”，表中为“社区矫正对象再犯罪率”。请在原表单中填写，不要移动或修改指标行`,
  ]);
  expect(nothingFrom(c.entries)).toBe(true);
  expect(c.inputsUnchanged).toBe(true);
});

test('an indicator row deleted from the return: rejected, the shifted rows named', async () => {
  const bytes = editWithOpenpyxl(
    filled({ '17.3': { h1: 20 } }),
    [unprotect, { op: 'delete_rows', sheet: RETURN_SHEET, row: 5 }],
    dir,
  );
  const c = await consolidate(bytes);
  expect(c.report.rejected.map((r: { reason: string }) => r.reason)).toEqual([
    '表单的行被移动、交换或改动：第5行（D5）：指标编号应为 17.2，表中为 17.3；第6行（D6）：指标编号应为 17.3，表中为 17.4；第7行（D7）：应为指标 17.4，表中没有指标编号。请在原表单中填写，不要移动或修改指标行',
  ]);
  expect(nothingFrom(c.entries)).toBe(true);
  expect(c.inputsUnchanged).toBe(true);
});

test('a row inserted above the indicators: rejected, every moved row counted', async () => {
  const bytes = editWithOpenpyxl(
    filled({ '17.1': { h1: 1500 } }),
    [unprotect, { op: 'insert_rows', sheet: RETURN_SHEET, row: 4 }],
    dir,
  );
  const c = await consolidate(bytes);
  expect(c.report.rejected).toHaveLength(1);
  expect(c.report.rejected[0].reason).toMatch(
    /^表单的行被移动、交换或改动：第4行（D4）：应为指标 17\.1，表中没有指标编号；第5行（D5）：指标编号应为 17\.2，表中为 17\.1；第6行（D6）：指标编号应为 17\.3，表中为 17\.2等5处。/,
  );
  expect(nothingFrom(c.entries)).toBe(true);
  expect(c.inputsUnchanged).toBe(true);
});

test('one unreadable cell is rejected alone: the rest goes in, 日志 and the report name the cell, the unit is 已报送（部分退回）', async () => {
  const c = await consolidate(filled({ '17.1': { h1: '大约一半吧', annual: 3000 }, '17.3': { h1: 20 } }));
  expect(c.report.rejected).toEqual([]);
  expect(c.report.rejectedCells).toEqual([
    {
      file: c.file,
      unit: UNIT,
      id: '17.1',
      field: 'h1',
      cell: 'I4',
      value: '大约一半吧',
      reason: '无法识别为数字：“大约一半吧”',
    },
  ]);
  expect(c.report.partialUnits).toEqual([UNIT]);
  expect(c.report.missingUnits).not.toContain(UNIT);
  expect(c.entries.get('17.1')).toMatchObject({ h1: null, annual: 3000 });
  expect(c.entries.get('17.3')!.h1).toBe(20);
  const bad = c.log.filter((r) => r.file === c.file && r.action === 'rejected');
  expect(bad).toEqual([
    expect.objectContaining({
      unit: UNIT,
      id: '17.1',
      field: '上半年完成',
      new: '大约一半吧',
      note: '单元格 I4：无法识别为数字：“大约一半吧”',
    }),
  ]);
  expect(c.log.find((r) => r.file === c.file && r.field === '报送')!.note).toBe(
    '收到2项，退回1项（已报送（部分退回））',
  );
  expect(c.inputsUnchanged).toBe(true);
});

test('一二三 typed as a figure is refused with a reason, 一百二十 beside it reads as 120', async () => {
  const c = await consolidate(
    filled({ '17.1': { h1: '一二三' }, '17.3': { h1: '一百二十' }, '17.4': { h1: '三千五' } }),
  );
  expect(c.report.rejectedCells.map((x: { cell: string; reason: string }) => [x.cell, x.reason])).toEqual([
    ['I4', '无法识别为数字：“一二三”是逐位写的中文数字，无法确定数值，请填写阿拉伯数字（如 123）'],
    ['I7', '无法识别为数字：“三千五”是口语简写，数值不确定，请写完整（如“三千五百”）或填写阿拉伯数字'],
  ]);
  expect(c.entries.get('17.1')!.h1).toBeNull();
  expect(c.entries.get('17.3')!.h1).toBe(120);
  expect(c.entries.get('17.4')!.h1).toBeNull();
  expect(c.inputsUnchanged).toBe(true);
});

/** A form as the previous version made it: no row-binding table, the checksum over the id list only. */
async function legacy(bytes: Uint8Array): Promise<Uint8Array> {
  const meta = readReturnMeta(await readWorkbookGrid(bytes));
  if (!meta.ok) throw new Error(meta.reason);
  const { rows, checksum, schemaVersion, ...old } = meta.meta;
  void checksum;
  void schemaVersion;
  const cells = ['E1', 'F1', 'G1', ...rows!.flatMap((_, i) => [`E${i + 2}`, `F${i + 2}`, `G${i + 2}`])];
  return editWithOpenpyxl(
    bytes,
    [
      { op: 'clear', sheet: 'tuijin_return', cells },
      { op: 'set', sheet: 'tuijin_return', cell: 'B9', value: returnChecksum(old) },
    ],
    dir,
  );
}

test('a form made by the previous version, filled in place, is accepted by its sealed id order', async () => {
  const bytes = await legacy(filled({ '17.1': { h1: 1500 }, '17.2': { h1: 60 } }));
  const meta = readReturnMeta(await readWorkbookGrid(bytes));
  expect(meta.ok && meta.meta.rows).toBeUndefined();
  const c = await consolidate(bytes);
  expect(c.report.rejected).toEqual([]);
  expect(c.entries.get('17.1')!.h1).toBe(1500);
  expect(c.entries.get('17.2')!.h1).toBe(60);
  expect(c.inputsUnchanged).toBe(true);
});

test('a form made by the previous version with two ids swapped: rejected, saying it is an old form', async () => {
  const bytes = editWithOpenpyxl(
    await legacy(filled({ '17.1': { h1: 1500 }, '17.2': { h1: 60 } })),
    [unprotect, { op: 'swap', sheet: RETURN_SHEET, a: 'D4', b: 'D5' }],
    dir,
  );
  const c = await consolidate(bytes);
  expect(c.report.rejected.map((r: { reason: string }) => r.reason)).toEqual([
    '表单的行被移动、交换或改动（本表单由旧版本生成）：第4行（D4）：指标编号应为 17.1，表中为 17.2；第5行（D5）：指标编号应为 17.2，表中为 17.1。请在原表单中填写，不要移动或修改指标行',
  ]);
  expect(nothingFrom(c.entries)).toBe(true);
  expect(c.inputsUnchanged).toBe(true);
});

test('the hidden row binding edited to match swapped rows: the seal no longer matches, rejected', async () => {
  const bytes = editWithOpenpyxl(
    filled({ '17.1': { h1: 1500 } }),
    [
      unprotect,
      { op: 'swap', sheet: RETURN_SHEET, a: 'D4', b: 'D5' },
      { op: 'swap', sheet: 'tuijin_return', a: 'F2', b: 'F3' },
    ],
    dir,
  );
  const c = await consolidate(bytes);
  expect(c.report.rejected.map((r: { reason: string }) => r.reason)).toEqual(['填报信息已被改动（校验不符）']);
  expect(nothingFrom(c.entries)).toBe(true);
  expect(c.inputsUnchanged).toBe(true);
});

test('the hidden sheet of a new form carries each row: number, id and 指标 text, sealed', async () => {
  const bytes = forms.get(UNIT)!.data;
  const meta = readReturnMeta(await readWorkbookGrid(bytes));
  expect(meta.ok).toBe(true);
  if (!meta.ok) return;
  expect(meta.meta.rows!.map((r) => [r.row, r.id])).toEqual([
    [4, '17.1'],
    [5, '17.2'],
    [6, '17.3'],
    [7, '17.4'],
  ]);
  expect(meta.meta.rows![2].label).toBe(await labelAt(bytes, 6));
  expect(returnChecksum({ ...meta.meta, rows: undefined })).not.toBe(meta.meta.checksum);
});
