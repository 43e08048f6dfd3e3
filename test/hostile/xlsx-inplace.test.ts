// Masters from other programs keep what Tuijin didn't write: print setup and protection from LibreOffice,
// comments, charts, images, extra sheets, defined names and conditional formats from openpyxl and
// LibreOffice, through `check --write`, the page's 打印 and `consolidate`. Inputs never change.
import * as fs from 'fs';
import * as path from 'path';
import { fileJobs } from '../../src/apps/taskpane/jobs/file';
import { SHEET } from '../../src/core/tracking/sheet';
import { readWorkbookGrid } from '../../src/adapters/exceljs/read';
import { formsOf, fillWithOpenpyxl, seedPlan } from '../consolidate/fixtures';
import {
  changedParts,
  decorate,
  expectUnchanged,
  expectWellFormed,
  filledSeed,
  loResave,
  partsOf,
  pdfPages,
  sheetPart,
  snapshot,
  tmpDir,
  tuijin,
} from './xlsx-helpers';

// The page bundles the seed as a webpack asset; here it comes from disk.
jest.mock('../../src/apps/taskpane/jobs/seed', () => ({
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.mock factories are hoisted above the imports
  seedText: require('fs').readFileSync(require('path').join(__dirname, '../../seeds/000_c36e4d77f78aadb1.txt'), 'utf8'),
}));

const dir = tmpDir('inplace');
let loMaster = '';
let decorated = '';

beforeAll(async () => {
  const filled = await filledSeed(dir);
  loMaster = loResave(filled, path.join(dir, 'lo'));
  decorated = decorate(filled, path.join(dir, 'decorated.xlsx'));
});

/** Pages before 汇总 (推进计划表 and 指标; 汇总 is filled by the check, so it may grow). */
const nonSummaryPages = (pages: string[]) =>
  pages.slice(
    0,
    pages.findIndex((t) => t.includes('推进情况汇总')),
  );

/** What a sheet says about print and protection, as LibreOffice wrote it. */
async function printAndProtection(bytes: Uint8Array, sheet: string): Promise<string[]> {
  const xml = (await partsOf(bytes)).get(await sheetPart(bytes, sheet))!.toString();
  return ['sheetProtection', 'pageSetUpPr', 'pageSetup', 'pageMargins', 'printOptions'].map(
    (el) => new RegExp(`<${el}\\b[^>]*>`).exec(xml)?.[0] ?? `(no ${el})`,
  );
}

test('LibreOffice-saved master: check --write keeps its page count, fit-to-width and protection', async () => {
  const snap = snapshot([loMaster]);
  const out = path.join(dir, 'lo-checked.xlsx');
  const r = await tuijin('check', loMaster, '--as-of', '2023-07-15', '--write', out);
  expect(r.code).toBe(0);
  const before = new Uint8Array(fs.readFileSync(loMaster));
  const after = new Uint8Array(fs.readFileSync(out));
  expect(await printAndProtection(after, SHEET.main)).toEqual(await printAndProtection(before, SHEET.main));
  expect((await printAndProtection(before, SHEET.main))[0]).toMatch(/<sheetProtection sheet="true"/);
  expect(await printAndProtection(after, SHEET.targets)).toEqual(await printAndProtection(before, SHEET.targets));
  const pagesBefore = pdfPages(loMaster, path.join(dir, 'pdf-before'));
  const pagesAfter = pdfPages(out, path.join(dir, 'pdf-after'));
  expect(nonSummaryPages(pagesAfter).length).toBe(nonSummaryPages(pagesBefore).length);
  expect(pagesAfter.join('')).toContain('截至2023年7月15日');
  expect(pagesAfter.join('')).toContain('未达标');
  expectUnchanged(snap);
});

test("LibreOffice-saved master: the page's 打印 copy keeps print setup and protection too", async () => {
  const bytes = new Uint8Array(fs.readFileSync(loMaster));
  const copy = Uint8Array.from(bytes);
  const { file } = await fileJobs.printCopy({ name: 'master.xlsx', bytes }, '2023-07-15', () => undefined);
  expect(Buffer.from(bytes).equals(Buffer.from(copy))).toBe(true);
  expect(await printAndProtection(file.bytes, SHEET.main)).toEqual(await printAndProtection(bytes, SHEET.main));
  // Only the sheets and styles Tuijin owns changed; every other part has its bytes.
  expect(await changedParts(bytes, file.bytes)).toEqual(
    [
      await sheetPart(bytes, SHEET.main),
      await sheetPart(bytes, SHEET.targets),
      await sheetPart(bytes, SHEET.summary),
      'xl/sharedStrings.xml',
      'xl/styles.xml',
    ].sort(),
  );
});

test('openpyxl master with comment, chart, image, extra sheet, defined name, conditional format: check --write keeps them all', async () => {
  const snap = snapshot([decorated]);
  const out = path.join(dir, 'deco-checked.xlsx');
  const r = await tuijin('check', decorated, '--as-of', '2023-07-15', '--write', out);
  expect(r).toMatchObject({ code: 0, err: '' });
  const before = new Uint8Array(fs.readFileSync(decorated));
  const after = new Uint8Array(fs.readFileSync(out));
  const main = await sheetPart(before, SHEET.main);
  // openpyxl wrote inline strings and no shared-string table: ours is added (a part, its relationship and type).
  expect(await changedParts(before, after)).toEqual(
    [
      main,
      await sheetPart(before, SHEET.targets),
      await sheetPart(before, SHEET.summary),
      'xl/styles.xml',
      'xl/sharedStrings.xml',
      'xl/_rels/workbook.xml.rels',
      '[Content_Types].xml',
    ].sort(),
  );
  const parts = await partsOf(after);
  expect([...parts.keys()].filter((n) => /chart|comment|media|drawing/.test(n)).length).toBeGreaterThanOrEqual(6);
  const mainXml = parts.get(main)!.toString();
  expect(mainXml).toMatch(/<conditionalFormatting sqref="K5:K200">/);
  expect(mainXml).toMatch(/<drawing [^>]*r:id="[^"]+"\/>/);
  expect(mainXml).toMatch(/<legacyDrawing [^>]*r:id="[^"]+"\/>/);
  expect(parts.get('xl/workbook.xml')!.toString()).toContain('备注数量');
  expect((await readWorkbookGrid(after)).sheets.map((s) => s.name)).toEqual([
    SHEET.main,
    SHEET.targets,
    SHEET.summary,
    SHEET.meta,
    '备注',
  ]);
  await expectWellFormed(after);
  expectUnchanged(snap);
});

test('the same master saved by LibreOffice: check --write keeps its chart, comment and image', async () => {
  const lo = loResave(decorated, path.join(dir, 'lo-deco'));
  const snap = snapshot([lo]);
  const out = path.join(dir, 'lo-deco-checked.xlsx');
  expect((await tuijin('check', lo, '--as-of', '2023-07-15', '--write', out)).code).toBe(0);
  const before = new Uint8Array(fs.readFileSync(lo));
  const after = new Uint8Array(fs.readFileSync(out));
  const kept = [...(await partsOf(before)).keys()].filter((n) => /chart|comment|media|drawing/.test(n));
  expect(kept.some((n) => n.includes('charts/'))).toBe(true);
  expect(kept.some((n) => n.includes('media/'))).toBe(true);
  expect(kept.some((n) => n.includes('comments'))).toBe(true);
  const changed = await changedParts(before, after);
  for (const n of kept) expect(changed).not.toContain(n);
  expect(changed).toEqual(
    [
      await sheetPart(before, SHEET.main),
      await sheetPart(before, SHEET.targets),
      await sheetPart(before, SHEET.summary),
      'xl/sharedStrings.xml',
      'xl/styles.xml',
    ].sort(),
  );
  expectUnchanged(snap);
});

test('consolidate into the decorated master: figures applied, 日志 added, chart, comment and image kept', async () => {
  const forms = await formsOf(seedPlan());
  const unit = [...forms.keys()][0];
  const form = forms.get(unit)!;
  const grid = await readWorkbookGrid(form.data);
  const ids = grid.sheets[0].rows.flat().filter((v): v is string => typeof v === 'string' && /^\d+\.\d+$/.test(v));
  const ret = path.join(dir, 'return.xlsx');
  fs.writeFileSync(ret, fillWithOpenpyxl(form.data, { values: { [ids[0]]: { annual: 7 } }, reporter: '张三' }, dir));
  const snap = snapshot([decorated, ret]);
  const out = path.join(dir, 'deco-merged.xlsx');
  const r = await tuijin('consolidate', decorated, ret, '--out', out);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/applied 1 cell;/);
  const before = new Uint8Array(fs.readFileSync(decorated));
  const after = new Uint8Array(fs.readFileSync(out));
  const changed = await changedParts(before, after);
  // The main sheet (the figure), styles, and a new 日志 part with its entries in workbook, rels and types.
  expect(changed.filter((n) => !/^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort()).toEqual([
    '[Content_Types].xml',
    'xl/_rels/workbook.xml.rels',
    'xl/sharedStrings.xml',
    'xl/styles.xml',
    'xl/workbook.xml',
  ]);
  for (const n of (await partsOf(before)).keys())
    if (/chart|comment|media|drawing/.test(n)) expect(changed).not.toContain(n);
  const names = (await readWorkbookGrid(after)).sheets.map((s) => s.name);
  expect(names).toEqual([SHEET.main, SHEET.targets, SHEET.summary, SHEET.meta, '备注', '日志']);
  await expectWellFormed(after);
  expectUnchanged(snap);
});

test('a checked and consolidated master opens in LibreOffice with every sheet printed', async () => {
  const out = path.join(dir, 'deco-merged.xlsx');
  const pages = pdfPages(out, path.join(dir, 'pdf-merged'));
  const text = pages.join('');
  expect(text).toContain('推进计划表'.slice(0, 2));
  expect(text).toContain('汇总日志');
  expect(text).toContain('张三');
});
