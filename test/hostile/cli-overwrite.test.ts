// Never overwrite: every command refuses an output that is one of its inputs (also through a symlink or a
// hard link) and an existing workbook unless --force; generate --force keeps what a workbook holds.
import * as fs from 'fs';
import * as path from 'path';
import { colLetters } from '../../src/core/layout/address';
import { readTracking } from '../../src/core/tracking/read';
import { readLog } from '../../src/core/consolidate';
import { buildTrackingLayout } from '../../src/core/tracking/layout';
import { writeWorkbook } from '../../src/adapters/exceljs/render';
import type { Plan } from '../../src/core/model';
import type { CellValue } from '../../src/core/layout/types';
import {
  editWithOpenpyxl,
  fillWithOpenpyxl,
  formsOf,
  readBytes,
  readWorkbookGrid,
  SEED,
  seedPlan,
  sha,
  snapshot,
  tmpDir,
  tuijin,
} from './forms-fixtures';

const dir = tmpDir('hostile-cli');
const plan = seedPlan();
let seq = 0;
const fresh = (name: string) => {
  const d = path.join(dir, `case-${++seq}`);
  fs.mkdirSync(d);
  return path.join(d, name);
};

/** A master with figures typed into its entry cells by another program. */
async function filledMaster(
  bytes: Uint8Array,
  values: Record<string, { h1?: CellValue; annual?: CellValue }>,
): Promise<Uint8Array> {
  const read = readTracking(await readWorkbookGrid(bytes));
  const { rows, columns, sheet } = read.positions;
  const ops = Object.entries(values).flatMap(([id, v]) => [
    ...(v.h1 !== undefined
      ? [{ op: 'set' as const, sheet, cell: `${colLetters(columns.h1)}${rows[id]}`, value: v.h1 }]
      : []),
    ...(v.annual !== undefined
      ? [{ op: 'set' as const, sheet, cell: `${colLetters(columns.annual)}${rows[id]}`, value: v.annual }]
      : []),
  ]);
  return editWithOpenpyxl(bytes, ops, dir);
}

const entriesOf = async (file: string) =>
  new Map(readTracking(await readWorkbookGrid(readBytes(file))).entries.map((e) => [e.id, e]));

let master: string;
beforeAll(async () => {
  master = path.join(dir, 'master.xlsx');
  expect((await tuijin('generate', '--out', master)).code).toBe(0);
});

test('generate --plan X --out X: refused, the plan file untouched', async () => {
  const planFile = fresh('plan.txt');
  fs.copyFileSync(SEED, planFile);
  const s = snapshot([planFile]);
  const r = await tuijin('generate', '--plan', planFile, '--out', planFile);
  expect(r).toEqual({
    code: 2,
    out: '',
    err: `tuijin generate：${planFile}：输出文件就是输入文件 ${planFile}；输入文件从不被改写，请为 --out 另选一个文件名`,
  });
  expect(s.unchanged()).toBe(true);
});

test('generate --out through a symlink to the plan (even with --force): refused, the plan untouched', async () => {
  const planFile = fresh('plan.txt');
  fs.copyFileSync(SEED, planFile);
  const link = path.join(path.dirname(planFile), 'book.xlsx');
  fs.symlinkSync(planFile, link);
  const s = snapshot([planFile]);
  const r = await tuijin('generate', '--plan', planFile, '--out', link, '--force');
  expect(r.code).toBe(2);
  expect(r.err).toBe(
    `tuijin generate：${link}：输出文件就是输入文件 ${planFile}；输入文件从不被改写，请为 --out 另选一个文件名`,
  );
  expect(s.unchanged()).toBe(true);
  expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
});

test('generate --out onto a filled master without --force: refused, every figure still there', async () => {
  const book = fresh('filled.xlsx');
  fs.writeFileSync(book, await filledMaster(readBytes(master), { '1.1': { h1: 98000 } }));
  const s = snapshot([book]);
  const r = await tuijin('generate', '--out', book);
  expect(r).toEqual({
    code: 2,
    out: '',
    err: `tuijin generate：${book}：文件已存在，不会覆盖（其中可能有已填的数据）；请另选文件名，或加 --force 替换`,
  });
  expect(s.unchanged()).toBe(true);
});

test('generate --force over a filled, consolidated master keeps every figure and its 日志 and 进展情况', async () => {
  const forms = await formsOf(plan);
  const ret = fresh('r.xlsx');
  fs.writeFileSync(
    ret,
    fillWithOpenpyxl(forms.get('市司法局')!.data, { values: { '17.1': { h1: 1500, progress: '已开展培训' } } }, dir),
  );
  const merged = path.join(path.dirname(ret), 'merged.xlsx');
  expect((await tuijin('consolidate', master, ret, '--out', merged)).code).toBe(0);
  const book = path.join(path.dirname(ret), 'book.xlsx');
  fs.writeFileSync(
    book,
    await filledMaster(readBytes(merged), { '1.1': { h1: 98000, annual: '8.5万' }, '2.1': { h1: '已完成' } }),
  );
  const before = await entriesOf(book);
  const logBefore = readLog(await readWorkbookGrid(readBytes(book)))!.rows.filter((r) => r.time);
  const r = await tuijin('generate', '--out', book, '--force');
  expect(r.code).toBe(0);
  expect(r.out).toContain('保留了原工作簿中 3 项指标已填的数字，以及工作表“日志”、“进展情况”');
  const after = await entriesOf(book);
  expect([...after.values()]).toEqual([...before.values()]);
  expect(after.get('1.1')).toMatchObject({ h1: 98000, annual: '8.5万' });
  expect(after.get('17.1')!.h1).toBe(1500);
  const grid = await readWorkbookGrid(readBytes(book));
  expect(readLog(grid)!.rows.filter((x) => x.time)).toEqual(logBefore);
  expect(grid.sheets.find((x) => x.name === '进展情况')!.rows.flat()).toContain('已开展培训');
  expect(snapshot([ret, merged]).unchanged()).toBe(true);
});

test('generate --force over a master with figures on an indicator the plan no longer has: refused, nothing lost', async () => {
  const extra: Plan = {
    ...plan,
    items: [
      ...plan.items,
      {
        ...plan.items[0],
        no: 21,
        name: '新增事项',
        indicators: [{ ...plan.items[0].indicators[0], id: '21.1', item: 21 }],
      },
    ],
  };
  const book = fresh('book.xlsx');
  fs.writeFileSync(book, await filledMaster(await writeWorkbook(buildTrackingLayout(extra)), { '21.1': { h1: 7 } }));
  const s = snapshot([book]);
  const r = await tuijin('generate', '--out', book, '--force');
  expect(r.code).toBe(2);
  expect(r.err).toBe(
    `tuijin generate：${book}：原工作簿中指标 21.1 已填了数字，新计划中没有这些指标；为免丢失，不覆盖此文件。请输出到另一个文件`,
  );
  expect(s.unchanged()).toBe(true);
});

test("generate --force over a master holding a sheet of the user's own: refused, nothing lost", async () => {
  const book = fresh('book.xlsx');
  fs.writeFileSync(
    book,
    editWithOpenpyxl(readBytes(master), [{ op: 'add_sheet', sheet: '我的备注', cell: 'A1', value: '会议要点' }], dir),
  );
  const s = snapshot([book]);
  const r = await tuijin('generate', '--out', book, '--force');
  expect(r.code).toBe(2);
  expect(r.err).toBe(
    `tuijin generate：${book}：原工作簿还有其他工作表（“我的备注”），重新生成会丢失它们；为免丢失，不覆盖此文件。请输出到另一个文件`,
  );
  expect(s.unchanged()).toBe(true);
});

test('check --write onto a hard link of its input: refused, the input untouched', async () => {
  const book = fresh('book.xlsx');
  fs.copyFileSync(master, book);
  const hard = path.join(path.dirname(book), 'other-name.xlsx');
  fs.linkSync(book, hard);
  const s = snapshot([book]);
  const r = await tuijin('check', book, '--write', hard, '--force');
  expect(r.code).toBe(2);
  expect(r.err).toBe(
    `tuijin check：${hard}：输出文件就是输入文件 ${book}；输入文件从不被改写，请为 --write 另选一个文件名`,
  );
  expect(s.unchanged()).toBe(true);
});

test('check --write onto an existing workbook: refused without --force, replaced with it; the input never changes', async () => {
  const book = fresh('book.xlsx');
  fs.copyFileSync(master, book);
  const other = path.join(path.dirname(book), 'earlier-check.xlsx');
  fs.writeFileSync(other, 'an earlier annotated copy');
  const s = snapshot([book, other]);
  const refused = await tuijin('check', book, '--as-of', '2023-07-15', '--write', other);
  expect(refused.code).toBe(2);
  expect(refused.err).toBe(
    `tuijin check：${other}：文件已存在，不会覆盖（其中可能有已填的数据）；请另选文件名，或加 --force 替换`,
  );
  expect(s.unchanged()).toBe(true);
  const forced = await tuijin('check', book, '--as-of', '2023-07-15', '--write', other, '--force');
  expect(forced.code).toBe(0);
  expect(s.changed()).toEqual([other]);
  expect(readBytes(other).subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
});

test('consolidate --out through a symlink to one of the returns: refused, no input changed', async () => {
  const forms = await formsOf(plan);
  const ret = fresh('r.xlsx');
  fs.writeFileSync(ret, fillWithOpenpyxl(forms.get('市残联')!.data, { values: { '14.1': { h1: 800 } } }, dir));
  const link = path.join(path.dirname(ret), 'out.xlsx');
  fs.symlinkSync(ret, link);
  const s = snapshot([master, ret]);
  const r = await tuijin('consolidate', master, ret, '--out', link, '--force');
  expect(r.code).toBe(2);
  expect(r.err).toBe(
    `tuijin consolidate：${link}：输出文件就是输入文件 ${ret}；输入文件从不被改写，请为 --out 另选一个文件名`,
  );
  expect(s.unchanged()).toBe(true);
});

test('consolidate --out onto an existing merged master: refused without --force', async () => {
  const forms = await formsOf(plan);
  const ret = fresh('r.xlsx');
  fs.writeFileSync(ret, fillWithOpenpyxl(forms.get('市残联')!.data, { values: { '14.1': { h1: 800 } } }, dir));
  const out = path.join(path.dirname(ret), 'merged.xlsx');
  expect((await tuijin('consolidate', master, ret, '--out', out)).code).toBe(0);
  const s = snapshot([master, ret, out]);
  const again = await tuijin('consolidate', master, ret, '--out', out);
  expect(again).toEqual({
    code: 2,
    out: '',
    err: `tuijin consolidate：${out}：文件已存在，不会覆盖（其中可能有已填的数据）；请另选文件名，或加 --force 替换`,
  });
  expect(s.unchanged()).toBe(true);
});

test('returns --force into a folder where a form name links to the master: refused, the master untouched', async () => {
  const formsDir = path.dirname(fresh('x'));
  const book = path.join(dir, `master-copy-${seq}.xlsx`);
  fs.copyFileSync(master, book);
  fs.symlinkSync(book, path.join(formsDir, '2023年重要事项进展填报-市残联.xlsx'));
  const s = snapshot([book]);
  const r = await tuijin('returns', '--from', book, '--round', '2023年上半年', '--out', formsDir, '--force');
  expect(r.code).toBe(2);
  expect(r.err).toBe(
    `tuijin returns：${formsDir}：填报表 2023年重要事项进展填报-市残联.xlsx 会覆盖输入文件 ${book}，输入文件从不改写，请换一个输出文件夹`,
  );
  expect(s.unchanged()).toBe(true);
  expect(fs.readdirSync(formsDir)).toEqual(['2023年重要事项进展填报-市残联.xlsx']);
});

test('returns: unit names that map to one file name (市/局 vs 市_局, ABC局 vs abc局) get distinct files', async () => {
  const units = ['市/局', '市_局', 'ABC局', 'abc局'];
  const odd: Plan = {
    ...plan,
    items: plan.items.map((it, i) => (i < units.length ? { ...it, leadUnits: [units[i]] } : it)),
  };
  const book = fresh('odd.xlsx');
  fs.writeFileSync(book, await writeWorkbook(buildTrackingLayout(odd)));
  const formsDir = path.join(path.dirname(book), 'forms');
  const s = snapshot([book]);
  const r = await tuijin('returns', '--from', book, '--round', '2023年上半年', '--out', formsDir);
  expect(r.code).toBe(0);
  const files = fs.readdirSync(formsDir);
  expect(files).toEqual(
    expect.arrayContaining([
      '2023年重要事项进展填报-市_局.xlsx',
      '2023年重要事项进展填报-市_局-2.xlsx',
      '2023年重要事项进展填报-ABC局.xlsx',
      '2023年重要事项进展填报-abc局-2.xlsx',
    ]),
  );
  // Distinct even where letter case doesn't count (Windows, macOS).
  expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(files.length);
  expect(new Set(files.map((f) => sha(path.join(formsDir, f)))).size).toBe(files.length);
  expect(s.unchanged()).toBe(true);
});
