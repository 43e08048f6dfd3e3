// The `tuijin generate` / `tuijin check` contract (issue 2): output shape, exit codes, one-line errors.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import * as ExcelJS from 'exceljs';
import { main } from '../../src/apps/cli/main';
import { COL, SHEET } from '../../src/core/tracking/sheet';
import { STATUSES } from '../../src/core/model';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const p = (name: string) => path.join(dir, name);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  // No locale from the environment: Chinese unless --lang en is given.
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const runEn = (...argv: string[]) => run(...argv, '--lang', 'en');

async function fillBook(src: string, dst: string, entries: Record<string, [ExcelJS.CellValue, ExcelJS.CellValue]>) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  wb.getWorksheet(SHEET.main)!.eachRow((row) => {
    const e = entries[String(row.getCell(COL.id).value)];
    if (e) {
      row.getCell(COL.h1).value = e[0];
      row.getCell(COL.annual).value = e[1];
    }
  });
  await wb.xlsx.writeFile(dst);
}

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

describe('tuijin generate / check', () => {
  beforeAll(async () => {
    const g = await run('generate', '--out', p('book.xlsx'));
    expect(g.code).toBe(0);
    expect(g.out).toMatch(/20项事项，39项指标/);
    expect((await runEn('generate', '--out', p('book-en.xlsx'))).out).toMatch(/20 items, 39 indicators/);
    await fillBook(p('book.xlsx'), p('filled.xlsx'), {
      '1.1': [80000, null],
      '3.1': ['55%', null],
      '2.1': ['已完成', null],
    });
  });

  test('generate writes a workbook whose entry sheet has the contract headers and one row per indicator', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(p('book.xlsx'));
    const ws = wb.getWorksheet(SHEET.main)!;
    const header = (ws.getRow(4).values as unknown[]).map(String);
    for (const h of ['指标编号', '上半年完成', '全年完成', '状态']) expect(header).toContain(h);
    const ids: string[] = [];
    ws.eachRow((row, r) => {
      if (r > 4 && /^\d+\.\d+$/.test(String(row.getCell(COL.id).value))) ids.push(String(row.getCell(COL.id).value));
    });
    const plan = JSON.parse((await run('plan', '--json')).out);
    expect(ids).toEqual(plan.items.flatMap((it: { indicators: { id: string }[] }) => it.indicators.map((i) => i.id)));
  });

  test('check --json prints exactly {asOf, indicators:[{id,item,status,h1Actual,annualActual,h1Rate,annualRate,message}], summary}', async () => {
    const r = await run('check', p('filled.xlsx'), '--as-of', '2023-07-15', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['asOf', 'indicators', 'summary']);
    expect(json.asOf).toBe('2023-07-15');
    for (const ind of json.indicators) {
      expect(Object.keys(ind)).toEqual([
        'id',
        'item',
        'status',
        'h1Actual',
        'annualActual',
        'h1Rate',
        'annualRate',
        'message',
      ]);
    }
    const i11 = json.indicators.find((i: { id: string }) => i.id === '1.1');
    expect(i11).toMatchObject({
      item: 1,
      status: 'shortfall',
      h1Actual: 80000,
      annualActual: null,
      h1Rate: 80,
      annualRate: 36.4,
    });
    expect(json.indicators.find((i: { id: string }) => i.id === '3.1')).toMatchObject({ h1Actual: 55 });
    expect(Object.keys(json.summary).sort()).toEqual([...STATUSES].sort());
    expect(Object.values(json.summary).reduce((a: number, b) => a + (b as number), 0)).toBe(json.indicators.length);
  });

  test('as-of defaults to today', async () => {
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const json = JSON.parse((await run('check', p('filled.xlsx'), '--json')).out);
    expect(json.asOf).toBe(today);
  });

  test('--write saves a highlighted copy and never touches the input', async () => {
    const before = sha(p('filled.xlsx'));
    const r = await run('check', p('filled.xlsx'), '--as-of', '2023-07-15', '--write', p('out.xlsx'));
    expect(r.code).toBe(0);
    expect(sha(p('filled.xlsx'))).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(p('out.xlsx'));
    const ws = wb.getWorksheet(SHEET.main)!;
    expect(ws.getCell(5, COL.status).value).toBe('✖ 未达标');
    expect((ws.getCell(5, COL.status).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(ws.getCell(5, COL.h1).value).toBe(80000);
    // the written copy checks the same as its source
    const again = JSON.parse((await run('check', p('out.xlsx'), '--as-of', '2023-07-15', '--json')).out);
    const first = JSON.parse((await run('check', p('filled.xlsx'), '--as-of', '2023-07-15', '--json')).out);
    expect(again).toEqual(first);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('--write onto the input is refused', async () => {
    const before = sha(p('filled.xlsx'));
    const r = await run('check', p('filled.xlsx'), '--write', p('filled.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/输出文件就是输入文件/);
    expect(sha(p('filled.xlsx'))).toBe(before);
  });

  const oneLine = (r: { code: number; err: string; out: string }, msg: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(msg);
    expect(r.err).not.toMatch(/\bat .*\.(ts|js):\d+/);
  };

  test('bad inputs exit 2 with one line naming what and where', async () => {
    fs.writeFileSync(p('empty.xlsx'), '');
    fs.writeFileSync(p('garbage.xlsx'), 'this is not a workbook at all\n');
    const good = fs.readFileSync(p('book.xlsx'));
    fs.writeFileSync(p('truncated.xlsx'), good.subarray(0, good.length - 100));
    const fake = new JSZip();
    fake.file('hello.txt', 'hi');
    fs.writeFileSync(p('fake.xlsx'), await fake.generateAsync({ type: 'uint8array' }));
    const bomb = new JSZip();
    bomb.file('xl/workbook.xml', '<workbook/>');
    bomb.file('xl/worksheets/sheet1.xml', new Uint8Array(60 * 1024 * 1024));
    fs.writeFileSync(
      p('bomb.xlsx'),
      await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } }),
    );
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    await other.xlsx.writeFile(p('other.xlsx'));

    oneLine(await runEn('check', p('filled.xlsx'), '--as-of', '2023-02-30'), /--as-of '2023-02-30' is not a real date/);
    oneLine(await runEn('check', p('filled.xlsx'), '--as-of', 'yesterday'), /not a real date/);
    oneLine(await runEn('check', p('missing.xlsx')), /missing\.xlsx: file not found/);
    oneLine(await runEn('check', p('empty.xlsx')), /empty\.xlsx: file is empty/);
    oneLine(await runEn('check', p('garbage.xlsx')), /garbage\.xlsx: not an \.xlsx workbook/);
    oneLine(await runEn('check', p('truncated.xlsx')), /truncated\.xlsx: the \.xlsx file is truncated or damaged/);
    oneLine(await runEn('check', p('fake.xlsx')), /fake\.xlsx: not an \.xlsx workbook/);
    oneLine(await runEn('check', p('bomb.xlsx')), /bomb\.xlsx: refusing to open.*50 MB/);
    oneLine(await runEn('check', p('other.xlsx')), /other\.xlsx: not a Tuijin tracking workbook/);
    oneLine(await runEn('check'), /give exactly one workbook/);
    oneLine(await runEn('generate'), /--out BOOK\.xlsx is required/);
    oneLine(await runEn('generate', '--plan', p('empty.xlsx'), '--out', p('x.xlsx')), /empty\.xlsx/);
    oneLine(await runEn('generate', '--plan', p('garbage.xlsx'), '--out', p('x.xlsx')), /garbage\.xlsx/);
    // The same failures in Chinese (the default), place first.
    oneLine(
      await run('check', p('filled.xlsx'), '--as-of', '2023-02-30'),
      /^tuijin check：命令参数：--as-of“2023-02-30”不是有效日期/,
    );
    oneLine(await run('check', p('missing.xlsx')), /missing\.xlsx：文件不存在$/);
    oneLine(await run('check', p('empty.xlsx')), /empty\.xlsx：文件是空的$/);
    oneLine(await run('check', p('other.xlsx')), /other\.xlsx：这不是推进表/);
    oneLine(await run('generate'), /请用 --out 推进表\.xlsx 指定输出文件/);
    oneLine(await run('check', '--bogus'), /不认识的选项 --bogus/);
    expect(fs.existsSync(p('x.xlsx'))).toBe(false);
  });

  test('a corrected target in the 指标 sheet changes the judgement', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(p('filled.xlsx'));
    const t = wb.getWorksheet(SHEET.targets)!;
    t.eachRow((row) => {
      if (row.getCell(1).value === '1.1') row.getCell(8).value = 80000; // 上半年目标 10万 → 8万
    });
    await wb.xlsx.writeFile(p('corrected.xlsx'));
    const json = JSON.parse((await run('check', p('corrected.xlsx'), '--as-of', '2023-07-15', '--json')).out);
    expect(json.indicators.find((i: { id: string }) => i.id === '1.1').status).not.toBe('shortfall');
  });
});
