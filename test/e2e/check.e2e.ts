// 计划 → download → fill in figures → 校验 → the grouped results match the CLI → download the annotated copy;
// then 打印: the print copy and the 通报 text.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { STATUS_LABEL, STATUSES, type Status } from '../../src/core/model';
import { STATUS_FILL } from '../../src/core/tracking/sheet';
import { downloadBy, openPane, OUT, ROOT, selectTab, shot, waitForMode, type Pane } from './harness';
import { fillTracking, readTrackingFile } from './workbooks';

const DIR = path.join(OUT, 'check');
const OFFICE_HOSTS = /(^|\.)(oaspapps\.com|microsoft\.com|office\.net|office\.com)$/;

interface CliCheck {
  asOf: string;
  indicators: { id: string; status: Status }[];
  summary: Record<Status, number>;
}

function cliCheck(file: string, asOf: string): CliCheck {
  const out = execFileSync(
    process.execPath,
    [path.join(ROOT, 'bin/tuijin.js'), 'check', file, '--as-of', asOf, '--json'],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out) as CliCheck;
}

describe('file mode: generate, fill, check, download, print', () => {
  let pane: Pane;
  beforeAll(async () => {
    fs.rmSync(DIR, { recursive: true, force: true });
    fs.mkdirSync(DIR, { recursive: true });
    pane = await openPane({ officeJs: 'package' });
    await pane.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(pane.url).origin });
  });
  afterAll(async () => {
    await pane?.close();
  });

  test('the whole round on the seed plan', async () => {
    const { page } = pane;
    expect(await waitForMode(page)).toBe('file');

    // 计划: extract, review, download.
    await page.getByTestId('extract').click();
    const review = page.getByTestId('plan-review');
    await review.waitFor({ timeout: 60000 });
    const reviewText = await review.innerText();
    expect(reviewText).toMatch(/共 20 项事项，提取出 \d+ 个指标/);
    await shot(page, 'plan-review');
    const generated = await downloadBy(page, () => page.getByTestId('generate').click(), DIR);
    expect(generated.name).toMatch(/\.xlsx$/);
    expect(await page.getByTestId('plan-done').innerText()).toContain(generated.name);

    // The user types figures (a spread of good, short, wrong and missing), as they would in Excel.
    const filled = path.join(DIR, 'filled.xlsx');
    const read = await fillTracking(generated.file, filled, (ind, i) => {
      if (ind.kind === 'milestone') return i % 2 ? { annual: '已完成' } : undefined;
      const annual = ind.annual ?? ind.h1;
      if (annual === null) return undefined;
      switch (i % 5) {
        case 0:
          return { h1: annual * 0.6, annual: annual * 1.1 };
        case 1:
          return { h1: annual * 0.2, annual: annual * 0.3 };
        case 2:
          return { annual: '不详' };
        case 3:
          return undefined;
        default:
          return { h1: `${annual * 0.5}`, annual: annual };
      }
    });
    expect(read.indicators.length).toBeGreaterThan(20);

    // 校验: open, pick 12月31日 (of the plan's year), check.
    await selectTab(page, '校验');
    const tab = page.getByTestId('tab-check');
    expect(await page.getByTestId('app-title').innerText()).toBe('推进表助手');
    expect(await tab.innerText()).toContain('校验填报数字');
    // A quick pick made before the workbook loads keeps its month and day in the plan's year.
    await tab.getByTestId('as-of-june').click();
    await tab.getByTestId('check-file').setInputFiles(filled);
    await tab.getByTestId('check-file-info').waitFor({ timeout: 60000 });
    expect(await tab.getByTestId('as-of').inputValue()).toBe(`${read.meta.year}-06-30`);
    // A typed date is never replaced when a workbook loads.
    await tab.getByTestId('as-of').fill(`${read.meta.year}-09-30`);
    await tab.getByTestId('check-file').setInputFiles(filled);
    await tab.getByTestId('check-file-info').waitFor({ timeout: 60000 });
    expect(await tab.getByTestId('as-of').inputValue()).toBe(`${read.meta.year}-09-30`);
    await tab.getByTestId('as-of-dec').click();
    const asOf = await tab.getByTestId('as-of').inputValue();
    expect(asOf).toBe(`${read.meta.year}-12-31`);
    await tab.getByTestId('run-check').click();
    await tab.getByTestId('results').waitFor({ timeout: 60000 });
    await shot(page, 'check-results');

    // What the screen groups must be what the CLI judges for the same file and date.
    const cli = cliCheck(filled, asOf);
    const expected = new Map<Status, string[]>();
    for (const j of cli.indicators) expected.set(j.status, [...(expected.get(j.status) ?? []), j.id]);
    for (const status of STATUSES) {
      const group = tab.getByTestId(`group-${status}`);
      const want = expected.get(status) ?? [];
      if (want.length === 0) {
        expect(await group.count()).toBe(0);
        continue;
      }
      expect(Number(await group.getAttribute('data-count'))).toBe(want.length);
      const ids = await group.locator('li[data-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
      expect([...ids].sort()).toEqual([...want].sort());
      expect(await group.innerText()).toContain(STATUS_LABEL[status]);
    }
    // The spread above must have produced the statuses the annotated file is checked for.
    expect(cli.summary.shortfall).toBeGreaterThan(0);
    expect(cli.summary.met).toBeGreaterThan(0);
    expect(cli.summary.invalid).toBeGreaterThan(0);

    // The annotated copy: status words in 状态, red fill on shortfalls; figures kept as typed.
    const annotated = await downloadBy(page, () => tab.getByTestId('download-annotated').click(), DIR);
    const after = await readTrackingFile(annotated.file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(annotated.file);
    const ws = wb.getWorksheet(after.positions.sheet)!;
    const before = new Map(read.entries.map((e) => [e.id, e]));
    const filledEntries = (await readTrackingFile(filled)).entries;
    const typed = new Map(filledEntries.map((e) => [e.id, e]));
    for (const j of cli.indicators) {
      const r = after.positions.rows[j.id];
      const status = ws.getCell(r, after.positions.columns.status);
      expect(String(status.value)).toContain(STATUS_LABEL[j.status]);
      if (j.status === 'shortfall') {
        const fill = status.fill as ExcelJS.FillPattern;
        expect(fill.pattern).toBe('solid');
        expect(fill.fgColor?.argb?.slice(-6).toUpperCase()).toBe(STATUS_FILL.shortfall);
      }
      const entry = after.entries.find((e) => e.id === j.id)!;
      expect(entry.h1).toEqual(typed.get(j.id)!.h1);
      expect(entry.annual).toEqual(typed.get(j.id)!.annual);
      expect(before.has(j.id)).toBe(true);
    }

    // 打印: the print copy downloads, the 通报 text appears and copies.
    await selectTab(page, '打印');
    const print = page.getByTestId('tab-print');
    // The workbook opened in 校验 and the date carry over.
    expect(await print.getByTestId('as-of').inputValue()).toBe(asOf);
    const printed = await downloadBy(page, () => print.getByTestId('print').click(), DIR);
    expect(printed.name).toContain('打印版');
    const bulletin = await print.getByTestId('bulletin').inputValue();
    expect(bulletin).toMatch(/^截至12月31日，按事项统计（事项有多项指标的，以进度最慢的一项为准），20项重要事项中/);
    await print.getByTestId('copy-bulletin').click();
    await print.getByText('已复制到剪贴板').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(bulletin);
    await shot(page, 'print');

    expect(pane.problems.filter((p) => /CSP|Content Security Policy|pageerror/.test(p))).toEqual([]);
    // Only office.js itself reaches out (its telemetry frame); the pane and the files stay local.
    expect(pane.outside.filter((u) => !OFFICE_HOSTS.test(new URL(u).hostname))).toEqual([]);
  });
});
