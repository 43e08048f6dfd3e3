// The pane's Office-mode jobs driven end to end on the Office.js mock (test/office's MockExcel):
// plan review → write → type figures → check → select a row → return forms → preview → apply → print.
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import * as ExcelJS from 'exceljs';
import { MockExcel } from '../office/mockExcel';
import { expectAllLoaded } from '../office/harness';
import { parsePlan } from '../../src/core/plan/parse';
import { judgeAll } from '../../src/core/judge';
import { readTracking } from '../../src/core/tracking/read';
import { layoutGrid } from '../../src/core/layout/grid';
import { buildTrackingLayout } from '../../src/core/tracking/layout';
import { RETURN_HEADERS, RETURN_SHEET } from '../../src/core/returns/layout';
import { SHEET } from '../../src/core/tracking/sheet';

jest.mock('../../src/apps/taskpane/jobs/seed', () => ({
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.mock factories are hoisted above the imports
  seedText: require('fs').readFileSync(require('path').join(__dirname, '../../seeds/000_c36e4d77f78aadb1.txt'), 'utf8'),
}));

import { officeJobs } from '../../src/apps/taskpane/jobs/office';

const seed = fs.readFileSync(path.join(__dirname, '../../seeds/000_c36e4d77f78aadb1.txt'), 'utf8');
const progress = () => undefined;

let mock: MockExcel;
beforeEach(() => {
  mock = new MockExcel();
  mock.addSheet('Sheet1');
  const g = globalThis as unknown as Record<string, unknown>;
  g.TUIJIN_VERSION = 'test';
  g.Office = { context: { requirements: { isSetSupported: mock.isSetSupported } } };
  g.Excel = { run: mock.run, createWorkbook: jest.fn().mockResolvedValue(undefined) };
});
afterEach(() => expectAllLoaded(mock));

async function fillForm(bytes: Uint8Array, figures: Record<string, number>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(RETURN_SHEET)!;
  let idCol = 0;
  let annualCol = 0;
  ws.eachRow((row) =>
    row.eachCell((cell, c) => {
      if (cell.value === RETURN_HEADERS.id) idCol = c;
      if (cell.value === RETURN_HEADERS.annual) annualCol = c;
    }),
  );
  ws.eachRow((row) => {
    const id = String(row.getCell(idCol).value ?? '');
    if (figures[id] !== undefined) row.getCell(annualCol).value = figures[id];
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('every pane action on the open workbook', async () => {
  const plan = parsePlan(seed);
  const review = await officeJobs.reviewPlan({ kind: 'seed' });
  // Indicators to check (待核) first, then the rest, each in plan order.
  const all = plan.items.flatMap((it) => it.indicators);
  expect(review.indicators.map((i) => i.id)).toEqual(
    [...all.filter((i) => i.review), ...all.filter((i) => !i.review)].map((i) => i.id),
  );

  expect(await officeJobs.hasTracking()).toBe(false);
  expect(await officeJobs.generate({ kind: 'seed' }, progress)).toContain(`${review.indicators.length} 个指标`);
  expect(await officeJobs.hasTracking()).toBe(true);

  // Someone types figures into the entry cells.
  const pos = readTracking(layoutGrid(buildTrackingLayout(plan))).positions;
  const numeric = plan.items.flatMap((it) => it.indicators).filter((i) => i.kind === 'count' && i.annual !== null);
  const [low, high] = numeric;
  mock.type(SHEET.main, pos.rows[low.id], pos.columns.annual, low.annual! * 0.2);
  mock.type(SHEET.main, pos.rows[high.id], pos.columns.annual, `${high.annual! * 2}`);

  // Regenerating keeps them, by indicator id.
  expect(await officeJobs.generate({ kind: 'seed' }, progress)).toContain('保留 2 个指标的已填数字');

  const view = await officeJobs.check('2023-12-31', progress);
  const read = readTracking({
    sheets: mock.sheets.map((s) => ({ name: s.name, state: 'visible', rows: gridRows(s.name) })),
  });
  const expected = judgeAll(read.indicators, read.entries, '2023-12-31', 2023);
  expect(view.rows.map((r) => [r.id, r.status])).toEqual(expected.map((j) => [j.id, j.status]));
  expect(view.rows.find((r) => r.id === low.id)!.status).toBe('shortfall');
  expect(view.rows.find((r) => r.id === high.id)!.status).toBe('met');
  expect(view.bulletin).toMatch(
    /^截至12月31日，(按事项统计（事项有多项指标的，以进度最慢的一项为准），)?20项重要事项中/,
  );

  await officeJobs.selectIndicator(low.id);
  expect(mock.stats.selected).toContain(`${SHEET.main}!`);
  expect(mock.stats.selected).toContain(String(pos.rows[low.id]));
  await expect(officeJobs.selectIndicator('99.9')).rejects.toThrow(/找不到指标 99.9/);

  // Return forms from the open workbook; two units answer.
  const forms = await officeJobs.returnForms(progress);
  expect(forms.forms).toHaveLength(12);
  expect(Object.keys((await JSZip.loadAsync(forms.zip.bytes)).files)).toHaveLength(12);
  expect(forms.canOpen).toBe(true);
  const unitOf = (id: string) => plan.items.find((it) => it.indicators.some((i) => i.id === id))!.leadUnits[0];
  const form = forms.forms.find((f) => f.unit === unitOf(low.id))!;
  const filled = await fillForm(form.bytes, { [low.id]: low.annual! });
  const report = await officeJobs.previewConsolidation(
    [
      { name: form.fileName, bytes: filled },
      { name: '坏文件.xlsx', bytes: new Uint8Array([1, 2, 3]) },
    ],
    progress,
  );
  expect(report.applied).toBe(1);
  expect(report.rejected.map((r) => r.file)).toEqual(['坏文件.xlsx']);
  expect(report.rejected[0].reason).toMatch(/^文件无法读取：/);
  // Nothing written before the user confirms.
  expect(mock.value(SHEET.main, pos.rows[low.id], pos.columns.annual)).toBe(low.annual! * 0.2);
  const applied = await officeJobs.applyConsolidation('2023-12-31', progress);
  expect(applied.message).toContain('已写入 1 个数字');
  expect(mock.value(SHEET.main, pos.rows[low.id], pos.columns.annual)).toBe(low.annual!);
  await expect(officeJobs.applyConsolidation('2023-12-31', progress)).rejects.toThrow(/请先汇总/);

  const printed = await officeJobs.print('2023-12-31', progress);
  expect(printed.bulletin).toMatch(/^截至12月31日/);
  expect(printed.note).toContain('打印格式');
  expect(Object.keys(mock.sheet(SHEET.main).page).length).toBeGreaterThan(0);
});

test('a plan table pasted into the active sheet is recognized', async () => {
  const rows = seed.split('\n').map((l) => l.split('\t'));
  // Only tab-free lines are safe to type cell by cell here; the seed quotes none.
  expect(seed.includes('"')).toBe(false);
  rows.forEach((cells, r) => cells.forEach((v, c) => v !== '' && mock.type('Sheet1', r + 3, c + 2, v)));
  const review = await officeJobs.reviewPlan({ kind: 'sheet' });
  const plan = parsePlan(seed);
  expect(review.itemCount).toBe(plan.items.length);
  expect(review.indicators).toHaveLength(plan.items.reduce((n, it) => n + it.indicators.length, 0));
});

function gridRows(sheet: string): (string | number | boolean | null)[][] {
  const s = mock.sheet(sheet);
  const rows: (string | number | boolean | null)[][] = [];
  for (const [k, cell] of s.cells) {
    const [r, c] = k.split(',').map(Number);
    (rows[r - 1] ??= [])[c - 1] = cell.value;
  }
  for (let i = 0; i < rows.length; i++) rows[i] = Array.from(rows[i] ?? [], (v) => v ?? null);
  return rows;
}

test('a .docx plan file is reviewed without touching the workbook, then generates the tracking sheets', async () => {
  const { execFileSync } = await import('child_process');
  const os = await import('os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-plan-docx-'));
  const seedFile = path.join(__dirname, '../../seeds/000_c36e4d77f78aadb1.txt');
  execFileSync('/usr/bin/python3', [path.join(__dirname, '../plan/make_plan_files.py'), seedFile, dir], {
    stdio: 'pipe',
    timeout: 60_000,
  });
  const file = { name: '附件.docx', bytes: new Uint8Array(fs.readFileSync(path.join(dir, 'plan-python-docx.docx'))) };
  fs.rmSync(dir, { recursive: true, force: true });

  const review = await officeJobs.reviewPlan({ kind: 'file', file });
  expect(review).toEqual(await officeJobs.reviewPlan({ kind: 'seed' }));
  // Reviewing wrote nothing: no sheet added, no value written.
  expect(mock.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  expect(mock.stats.valueWrites).toEqual([]);

  await officeJobs.generate({ kind: 'file', file }, progress);
  expect(mock.sheets.map((s) => s.name)).toContain(SHEET.main);
});

test('Excel for Mac: return forms open as new workbooks, no downloads offered', async () => {
  await officeJobs.generate({ kind: 'seed' }, progress);
  const g = globalThis as unknown as { Office: { context: Record<string, unknown> } };
  g.Office.context.platform = 'Mac';
  const mac = await officeJobs.returnForms(progress);
  expect(mac.canOpen).toBe(true);
  expect(mac.canDownload).toBe(false);
  g.Office.context.platform = 'PC';
  expect((await officeJobs.returnForms(progress)).canDownload).toBe(true);
  // "在 Excel 中打开" hands the form to Excel.createWorkbook as base64.
  await officeJobs.openInExcel(mac.forms[0]);
  const create = (globalThis as unknown as { Excel: { createWorkbook: jest.Mock } }).Excel.createWorkbook;
  expect(create).toHaveBeenCalledTimes(1);
  expect(Buffer.from(create.mock.calls[0][0] as string, 'base64').equals(Buffer.from(mac.forms[0].bytes))).toBe(true);
});

test('live validation: the pane is told plainly what it means for protection and undo', async () => {
  await officeJobs.generate({ kind: 'seed' }, progress);
  const note = await officeJobs.setLiveValidation(
    true,
    () => '2023-06-30',
    () => undefined,
  );
  expect(note).toContain('暂不加工作表保护');
  expect(note).toContain('清空撤消记录');
  expect(mock.sheet(SHEET.main).protected).toBe(false);
  expect(
    await officeJobs.setLiveValidation(
      false,
      () => '2023-06-30',
      () => undefined,
    ),
  ).toBeNull();
  expect(mock.sheet(SHEET.main).protected).toBe(true);
});

test('打印 copy: Clipboard API, else execCommand on the selected text, else the text stays selected for Ctrl+C', async () => {
  const { copyText } = await import('../../src/apps/taskpane/tabs/PrintTab');
  const g = globalThis as unknown as { navigator?: unknown; document?: unknown };
  const savedNav = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  const area = { focus: jest.fn(), select: jest.fn() } as unknown as HTMLTextAreaElement;
  const setNav = (v: unknown) => Object.defineProperty(globalThis, 'navigator', { value: v, configurable: true });
  try {
    const writeText = jest.fn().mockResolvedValue(undefined);
    setNav({ clipboard: { writeText } });
    await expect(copyText('通报', area)).resolves.toBe('copied');
    expect(writeText).toHaveBeenCalledWith('通报');
    // Office on the web: the frame has no clipboard-write permission.
    setNav({ clipboard: { writeText: jest.fn().mockRejectedValue(new Error('NotAllowedError')) } });
    const execCommand = jest.fn().mockReturnValue(true);
    g.document = { execCommand };
    await expect(copyText('通报', area)).resolves.toBe('copied');
    expect(area.select).toHaveBeenCalled();
    expect(execCommand).toHaveBeenCalledWith('copy');
    execCommand.mockReturnValue(false);
    await expect(copyText('通报', area)).resolves.toBe('selected');
    setNav({});
    g.document = {
      execCommand: () => {
        throw new Error('blocked');
      },
    };
    await expect(copyText('通报', area)).resolves.toBe('selected');
  } finally {
    if (savedNav) Object.defineProperty(globalThis, 'navigator', savedNav);
    else delete g.navigator;
    delete g.document;
  }
});
