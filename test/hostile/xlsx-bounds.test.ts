// Crafted and odd .xlsx files meet a bounded, per-file reader: references past Excel's limits and cell
// floods are refused before anything is allocated, prefixed SpreadsheetML is read, encrypted and .xls
// files are named for what they are, one bad return is that return's rejection, a bug in the reader is
// an internal error (exit 1), and every error names its file. No input changes.
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import * as grid from '../../src/adapters/exceljs/grid';
import { readWorkbookGrid } from '../../src/adapters/exceljs/read';
import { formsOf, fillWithOpenpyxl, seedPlan } from '../consolidate/fixtures';
import {
  compoundFile,
  craftedSheet,
  expectUnchanged,
  filledSeed,
  partsOf,
  snapshot,
  tmpDir,
  tuijin,
} from './xlsx-helpers';

const dir = tmpDir('bounds');
let master = '';
let goodReturn = '';
let goodId = '';

beforeAll(async () => {
  master = await filledSeed(dir);
  const forms = await formsOf(seedPlan());
  const form = forms.get([...forms.keys()][0])!;
  const g = await readWorkbookGrid(form.data);
  goodId = g.sheets[0].rows.flat().find((v): v is string => typeof v === 'string' && /^\d+\.\d+$/.test(v))!;
  goodReturn = path.join(dir, 'good-return.xlsx');
  fs.writeFileSync(
    goodReturn,
    fillWithOpenpyxl(form.data, { values: { [goodId]: { annual: 9 } }, reporter: '李四' }, dir),
  );
});

function write(name: string, bytes: Uint8Array): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, bytes);
  return f;
}

/** Filler rows so the crafted file is the size of a real small workbook (about 26 KB). */
const filler = Array.from(
  { length: 300 },
  (_, i) =>
    `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>第${i + 1}行 ${'填充'.repeat(10)}</t></is></c></row>`,
).join('');

test('a cell at row 2000000000 is refused (exit 2, file named), not an out-of-memory crash', async () => {
  const f = write(
    'huge-row.xlsx',
    await craftedSheet(`${filler}<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>`),
  );
  expect(fs.statSync(f).size).toBeGreaterThan(1000);
  const snap = snapshot([f]);
  const r = await tuijin('check', f, '--as-of', '2023-07-15');
  expect(r.code).toBe(2);
  expect(r.err).toBe(
    `tuijin check: ${f}: sheet 推进计划表: row number 2000000000, beyond what Excel allows or this tool reads; refusing to read the file`,
  );
  expectUnchanged(snap);
});

test('a cell in column ZZZZZZ is refused the same way', async () => {
  const f = write('huge-col.xlsx', await craftedSheet(`${filler}<row r="301"><c r="ZZZZZZ301"><v>1</v></c></row>`));
  const snap = snapshot([f]);
  const r = await tuijin('check', f);
  expect(r.code).toBe(2);
  expect(r.err).toBe(
    `tuijin check: ${f}: sheet 推进计划表: cell reference ZZZZZZ301, beyond what Excel allows or this tool reads; refusing to read the file`,
  );
  expectUnchanged(snap);
});

test('valid references that would need more than 10 million cells are refused before allocating them', async () => {
  const rows = Array.from({ length: 700 }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join(
    '',
  );
  const f = write('flood.xlsx', await craftedSheet(rows));
  const snap = snapshot([f]);
  const r = await tuijin('check', f);
  expect(r.code).toBe(2);
  expect(r.err).toContain(`${f}: sheet 推进计划表: more than 10000000 cells`);
  expectUnchanged(snap);
});

test('the crafted file as one return among others: rejected alone, the good return goes in, the master is written', async () => {
  const bad = write(
    '2023年重要事项进展填报-坏.xlsx',
    await craftedSheet(`${filler}<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>`),
  );
  const out = path.join(dir, 'merged.xlsx');
  const snap = snapshot([master, goodReturn, bad]);
  const r = await tuijin('consolidate', master, bad, goodReturn, '--out', out, '--json');
  expect(r).toMatchObject({ code: 0, err: '' });
  const report = JSON.parse(r.out);
  expect(report.applied).toBe(1);
  expect(report.rejected).toEqual([
    {
      file: path.basename(bad),
      reason: '文件无法读取：工作表“推进计划表”中行号 2000000000 无效，超出 Excel 的范围或本工具可读取的大小，拒绝读取',
    },
  ]);
  const merged = await readWorkbookGrid(new Uint8Array(fs.readFileSync(out)));
  expect(JSON.stringify(merged.sheets.find((s) => s.name === '日志')!.rows)).toContain('李四');
  expectUnchanged(snap);
});

/** Every SpreadsheetML part rewritten with an x: prefix instead of the default namespace. */
async function prefixed(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/(workbook|styles|sharedStrings|worksheets\/sheet\d+)\.xml$/.test(name)) continue;
    const xml = await zip.file(name)!.async('string');
    const next = xml
      .replace(
        /xmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/,
        'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
      )
      .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s>/])/g, (_m, slash: string, el: string) => `<${slash}x:${el}`);
    zip.file(name, next);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

test('namespace-prefixed SpreadsheetML (<x:row>) is read like the plain file, and check --write keeps the prefix', async () => {
  const plain = new Uint8Array(fs.readFileSync(master));
  const f = write('prefixed.xlsx', await prefixed(plain));
  const sheetXml = (await partsOf(new Uint8Array(fs.readFileSync(f)))).get('xl/worksheets/sheet1.xml')!.toString();
  expect(sheetXml).toContain('<x:row ');
  expect(sheetXml).not.toMatch(/<row /);
  const snap = snapshot([f]);
  const a = await tuijin('check', master, '--as-of', '2023-07-15', '--json');
  const b = await tuijin('check', f, '--as-of', '2023-07-15', '--json');
  expect(b.code).toBe(0);
  expect(JSON.parse(b.out)).toEqual(JSON.parse(a.out));
  expect(JSON.parse(b.out).summary.shortfall).toBe(2);
  const out = path.join(dir, 'prefixed-checked.xlsx');
  expect((await tuijin('check', f, '--as-of', '2023-07-15', '--write', out)).code).toBe(0);
  const written = (await partsOf(new Uint8Array(fs.readFileSync(out)))).get('xl/worksheets/sheet1.xml')!.toString();
  expect(written).toContain('<x:c r="O5" s="');
  expect(written).not.toMatch(/<(c|row|v|is|t) /);
  const again = await tuijin('check', out, '--as-of', '2023-07-15', '--json');
  expect(JSON.parse(again.out)).toEqual(JSON.parse(a.out));
  expectUnchanged(snap);
});

test('a workbook with an open password (encrypted package) is named as such, not "not a zip archive"', async () => {
  const f = write(
    'locked.xlsx',
    compoundFile({ EncryptionInfo: new Uint8Array(4096).fill(1), EncryptedPackage: new Uint8Array(4096).fill(7) }),
  );
  const snap = snapshot([f]);
  const r = await tuijin('check', f);
  expect(r.code).toBe(2);
  expect(r.err).toBe(
    `tuijin check: ${f}: the workbook is password-protected (encrypted); remove the open password and save it again`,
  );
  const c = await tuijin('consolidate', master, f, goodReturn, '--out', path.join(dir, 'merged-locked.xlsx'), '--json');
  expect(JSON.parse(c.out).rejected).toEqual([
    {
      file: 'locked.xlsx',
      reason:
        '文件无法读取：文件有打开密码，请在 Excel 中去掉打开密码（文件→信息→保护工作簿→用密码进行加密，清空密码）并保存后再试',
    },
  ]);
  expectUnchanged(snap);
});

test('an old .xls (compound file without encryption) is told to be saved as .xlsx', async () => {
  const f = write('old.xlsx', compoundFile({ Workbook: new Uint8Array(4096).fill(9) }));
  const snap = snapshot([f]);
  const r = await tuijin('check', f);
  expect(r).toMatchObject({ code: 2, err: `tuijin check: ${f}: an old-format Excel file (.xls), not .xlsx` });
  expectUnchanged(snap);
});

test("a damaged deflate stream inside the zip is the file's fault (exit 2), not an internal error", async () => {
  const bytes = Uint8Array.from(fs.readFileSync(master));
  // Scramble compressed bytes of the main sheet (its local header comes first, so its name's first occurrence).
  const name = 'xl/worksheets/sheet1.xml';
  const at = Buffer.from(bytes).indexOf(Buffer.from(name)) + name.length + 2000;
  for (let i = 0; i < 64; i++) bytes[at + i] ^= 0x5a;
  const f = write('scrambled.xlsx', bytes);
  const snap = snapshot([f]);
  const r = await tuijin('check', f);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(new RegExp(`^tuijin check: ${f}: the \\.xlsx file is damaged \\(entry ${name}: `));
  expectUnchanged(snap);
});

test("a bug in the reader is an internal error (exit 1), and as a return it is that return's rejection only", async () => {
  const original = grid.readGridFast;
  const spy = jest.spyOn(grid, 'readGridFast').mockImplementation((data, where) => {
    if (where && where.includes('bug')) throw new TypeError("Cannot read properties of undefined (reading 'x')");
    return original(data, where);
  });
  try {
    const bug = write('bug.xlsx', new Uint8Array(fs.readFileSync(goodReturn)));
    const snap = snapshot([bug, master, goodReturn]);
    const r = await tuijin('check', bug);
    expect(r).toMatchObject({
      code: 1,
      err: "tuijin check: internal error: Cannot read properties of undefined (reading 'x')",
    });
    const c = await tuijin(
      'consolidate',
      master,
      bug,
      goodReturn,
      '--out',
      path.join(dir, 'merged-bug.xlsx'),
      '--json',
    );
    expect(c.code).toBe(0);
    const report = JSON.parse(c.out);
    expect(report.applied).toBe(1);
    expect(report.rejected).toEqual([
      {
        file: 'bug.xlsx',
        reason: "读取时发生内部错误（不是文件的问题，请报告）：Cannot read properties of undefined (reading 'x')",
      },
    ]);
    expectUnchanged(snap);
  } finally {
    spy.mockRestore();
  }
});

test('"the master is not a master" names the master file', async () => {
  const snap = snapshot([goodReturn]);
  const r = await tuijin('consolidate', goodReturn, goodReturn, '--out', path.join(dir, 'never.xlsx'));
  expect(r.code).toBe(2);
  expect(r.err).toMatch(new RegExp(`^tuijin consolidate: ${goodReturn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
  expect(r.err).toMatch(/not a Tuijin tracking workbook/);
  expect(fs.existsSync(path.join(dir, 'never.xlsx'))).toBe(false);
  expectUnchanged(snap);
});

test('character references past Unicode and odd entities are kept as text, not a crash', async () => {
  const f = write(
    'entities.xlsx',
    await craftedSheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>a&#x110000;b&#99999999999;&bogus;</t></is></c></row>',
    ),
  );
  const g = await readWorkbookGrid(new Uint8Array(fs.readFileSync(f)), f);
  expect(g.sheets[0].rows[0][0]).toBe('a&#x110000;b&#99999999999;&bogus;');
});
