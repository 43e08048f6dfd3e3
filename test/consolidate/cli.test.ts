// The `tuijin returns` and `tuijin consolidate` commands: files written, JSON contract, inputs untouched.
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/apps/cli/main';
import { readReturnMeta } from '../../src/core/returns/meta';
import { readTracking } from '../../src/core/tracking/read';
import { fillWithOpenpyxl, readWorkbookGrid, SEED, tmpDir } from './fixtures';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) } };
}

async function tuijin(...args: string[]) {
  const c = io();
  const code = await main(args, c.io, {});
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

const dir = tmpDir('cli');
const book = path.join(dir, 'master.xlsx');
const formsDir = path.join(dir, 'forms');

beforeAll(async () => {
  expect((await tuijin('generate', '--out', book)).code).toBe(0);
});

test('returns writes one form per lead unit and never overwrites a form already there', async () => {
  const r = await tuijin('returns', '--plan', SEED, '--round', '2023年上半年', '--out', formsDir);
  expect(r).toMatchObject({ code: 0, err: '' });
  const files = fs.readdirSync(formsDir).sort();
  expect(files).toHaveLength(12);
  expect(files).toContain('2023年重要事项进展填报-市人力资源社会保障局.xlsx');
  const target = path.join(formsDir, files[0]);
  fs.writeFileSync(target, 'a filled-in return would be here');
  const again = await tuijin('returns', '--out', formsDir);
  expect(again.code).toBe(2);
  expect(again.err).toMatch(/已有\d+份填报表.*--force/);
  expect(fs.readFileSync(target, 'utf8')).toBe('a filled-in return would be here');
  expect((await tuijin('returns', '--out', formsDir, '--force', '--round', '2023年上半年')).code).toBe(0);
  expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe('PK');
});

test('returns --from BOOK.xlsx makes forms that match the master', async () => {
  const out = path.join(dir, 'from-book');
  expect((await tuijin('returns', '--from', book, '--round', '2023年5月调度', '--out', out)).code).toBe(0);
  const files = fs.readdirSync(out);
  expect(files).toHaveLength(12);
  const meta = readReturnMeta(await readWorkbookGrid(new Uint8Array(fs.readFileSync(path.join(out, files[0])))));
  const masterMeta = readTracking(await readWorkbookGrid(new Uint8Array(fs.readFileSync(book)))).meta;
  expect(meta.ok && meta.meta.planId).toBe(masterMeta.planId);
  expect(meta.ok && meta.meta.planHash).toBe(masterMeta.planHash);
  expect(meta.ok && meta.meta.round).toBe('2023年5月调度');
});

test('returns refuses bad arguments with exit 2 and one line', async () => {
  const a = await tuijin('returns', '--plan', SEED, '--from', book, '--out', dir);
  expect(a.code).toBe(2);
  expect(a.err.split('\n')).toHaveLength(1);
  expect((await tuijin('returns')).code).toBe(2);
  const bad = await tuijin('returns', '--from', path.join(dir, 'nope.xlsx'), '--out', dir);
  expect(bad.code).toBe(2);
  expect(bad.err).toContain('nope.xlsx：文件不存在');
});

test('consolidate --json prints exactly {applied, conflicts, rejected, rejectedCells, partialUnits, missingUnits, check}; inputs untouched; output atomic', async () => {
  const formOf = (unit: string) =>
    new Uint8Array(fs.readFileSync(path.join(formsDir, `2023年重要事项进展填报-${unit}.xlsx`)));
  const r1 = path.join(dir, 'r1.xlsx');
  const r2 = path.join(dir, 'r2.xlsx');
  fs.writeFileSync(r1, fillWithOpenpyxl(formOf('市文化和旅游局'), { values: { '18.2': { h1: 50 } } }, dir));
  fs.writeFileSync(r2, fillWithOpenpyxl(formOf('市教育局'), { values: { '18.2': { h1: 48 } } }, dir));
  const bad = path.join(dir, 'bad.xlsx');
  fs.writeFileSync(bad, 'PK\u0003\u0004 not really');
  const inputs = [book, r1, r2, bad];
  const before = inputs.map((f) => fs.readFileSync(f));
  const out = path.join(dir, 'out', 'merged.xlsx');
  fs.mkdirSync(path.dirname(out));
  const r = await tuijin('consolidate', book, r2, r1, bad, path.join(dir, 'missing.xlsx'), '--out', out, '--json');
  expect(r.code).toBe(0);
  const json = JSON.parse(r.out);
  expect(Object.keys(json).sort()).toEqual([
    'applied',
    'check',
    'conflicts',
    'missingUnits',
    'partialUnits',
    'rejected',
    'rejectedCells',
  ]);
  expect(json.rejectedCells).toEqual([]);
  expect(json.partialUnits).toEqual([]);
  // Checked at the round's date (2023年上半年 → 2023-06-30) right after the merge.
  expect(json.check.asOf).toBe('2023-06-30');
  expect(json.applied).toBe(1);
  expect(json.conflicts).toEqual([
    {
      id: '18.2',
      field: 'h1',
      values: [
        { unit: '市教育局', file: 'r2.xlsx', value: 48 },
        { unit: '市文化和旅游局', file: 'r1.xlsx', value: 50 },
      ],
      chosen: '市文化和旅游局',
    },
  ]);
  expect(json.rejected.map((x: { file: string }) => x.file)).toEqual(['bad.xlsx', 'missing.xlsx']);
  expect(json.rejected[1].reason).toContain('文件不存在');
  expect(json.missingUnits).toHaveLength(10);
  inputs.forEach((f, i) => expect(fs.readFileSync(f).equals(before[i])).toBe(true));
  expect(fs.readdirSync(path.dirname(out))).toEqual(['merged.xlsx']);
  const e = readTracking(await readWorkbookGrid(new Uint8Array(fs.readFileSync(out)))).entries.find(
    (x) => x.id === '18.2',
  )!;
  expect(e.h1).toBe(50);
});

test('consolidate without --json says what happened in plain lines', async () => {
  const r1 = path.join(dir, 'r1.xlsx');
  const r = await tuijin('consolidate', book, r1, '--out', path.join(dir, 'plain.xlsx'));
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/已采用 r1\.xlsx：市文化和旅游局/);
  expect(r.out).toMatch(/未报送（11个单位）/);
  expect(r.out.replace(/\S*\.xlsx/g, '')).not.toMatch(/[a-z]{4,}/i);
  const en = await tuijin('consolidate', book, r1, '--out', path.join(dir, 'plain-en.xlsx'), '--lang', 'en');
  expect(en.out).toMatch(/accepted r1\.xlsx: 市文化和旅游局, .*, 1 value$/m);
});

test('consolidate refuses to write over an input, and a bad master, with exit 2', async () => {
  const r1 = path.join(dir, 'r1.xlsx');
  const same = await tuijin('consolidate', book, r1, '--out', book);
  expect(same.code).toBe(2);
  expect(same.err).toMatch(/输出文件就是输入文件/);
  const notMaster = await tuijin('consolidate', r1, r1, '--out', path.join(dir, 'x.xlsx'));
  expect(notMaster.code).toBe(2);
  expect(notMaster.err.split('\n')).toHaveLength(1);
  expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  const none = await tuijin('consolidate', book, '--out', path.join(dir, 'y.xlsx'));
  expect(none.code).toBe(2);
});
