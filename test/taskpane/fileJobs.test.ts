// The pane's file-mode jobs in node (the browser runs the same code; test/e2e covers it there):
// generate → open → check (matches the core's judgement) → print copy → return forms → consolidate.
import JSZip from 'jszip';
import { judgeAll } from '../../src/core/judge';
import { readTracking } from '../../src/core/tracking/read';
import { readWorkbookGrid } from '../../src/adapters/exceljs/read';

jest.mock('../../src/apps/taskpane/jobs/seed', () => ({
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.mock factories are hoisted above the imports
  seedText: require('fs').readFileSync(require('path').join(__dirname, '../../seeds/000_c36e4d77f78aadb1.txt'), 'utf8'),
}));

import { fileJobs } from '../../src/apps/taskpane/jobs/file';

const steps: [string, number | undefined][] = [];
const progress = (note: string, fraction?: number) => void steps.push([note, fraction]);

beforeAll(() => {
  (globalThis as unknown as Record<string, unknown>).TUIJIN_VERSION = 'test';
});

test('the four jobs on the seed, on bytes only', async () => {
  const review = await fileJobs.reviewPlan({ kind: 'seed' });
  expect(review.itemCount).toBe(20);
  // The indicators to check come first, with their reason; the rest keep plan order.
  expect(review.indicators.slice(0, 3).map((i) => [i.id, i.review !== null])).toEqual([
    ['14.1', true],
    ['15.1', true],
    ['1.1', false],
  ]);
  expect(review.indicators[0].review).toContain('标签取自事项名称');
  const book = await fileJobs.generate({ kind: 'seed' }, progress);
  expect(book.fileName).toBe('2023年重要事项推进计划表.xlsx');
  expect(steps.at(-1)).toEqual(['完成', 1]);

  const file = { name: book.fileName, bytes: book.bytes };
  const info = await fileJobs.openBook(file);
  expect(info).toEqual({ title: review.title, year: 2023, indicators: review.indicators.length });

  const { view, annotated } = await fileJobs.check(file, '2023-06-30', progress);
  const read = readTracking(await readWorkbookGrid(file.bytes));
  expect(view.rows.map((r) => [r.id, r.status, r.message])).toEqual(
    judgeAll(read.indicators, read.entries, '2023-06-30', 2023).map((j) => [j.id, j.status, j.message]),
  );
  expect(annotated.fileName).toBe('2023年重要事项推进计划表-校验2023-06-30.xlsx');
  // The input bytes are left alone; the copy carries the 汇总 sheet.
  expect(readTracking(await readWorkbookGrid(annotated.bytes)).entries).toEqual(read.entries);
  expect((await readWorkbookGrid(annotated.bytes)).sheets.map((s) => s.name)).toContain('汇总');
  await expect(fileJobs.check(file, '2023-02-30', progress)).rejects.toThrow('截至日期无效');

  const printed = await fileJobs.printCopy(file, '2023-06-30', progress);
  expect(printed.bulletin).toBe(view.bulletin);

  const forms = await fileJobs.returnForms(file, progress);
  const zip = await JSZip.loadAsync(forms.bytes);
  const names = Object.keys(zip.files);
  expect(names).toHaveLength(12);
  const first = { name: names[0], bytes: await zip.files[names[0]].async('uint8array') };
  const merged = await fileJobs.consolidate(
    file,
    [first, { name: 'x.xlsx', bytes: new Uint8Array([80, 75, 3, 4]) }],
    progress,
  );
  // A blank form brings nothing; its unit still counts as having reported.
  expect(merged.report.applied).toBe(0);
  expect(merged.report.rejected).toEqual([{ file: 'x.xlsx', reason: expect.stringMatching(/^文件无法读取：/) }]);
  expect(merged.report.missingUnits).toHaveLength(11);
  expect((await readWorkbookGrid(merged.merged.bytes)).sheets.map((s) => s.name)).toContain('日志');
});

test('a broken workbook fails to open with the core InputError the pane translates', async () => {
  await expect(fileJobs.openBook({ name: 'bad.xlsx', bytes: new Uint8Array([1, 2, 3]) })).rejects.toMatchObject({
    name: 'InputError',
  });
});
