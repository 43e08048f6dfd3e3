// The one-file offline page: dist/tuijin.html copied alone into an empty folder and opened from file:// in
// Chromium with the network off and every request blocked. It does the whole round: generate the workbook,
// check the filled-in copy, the return forms as a zip, consolidation of two returns, the print copy.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import JSZip from 'jszip';
import { STATUS_LABEL, type Status } from '../../src/core/model';
import { DIST, downloadBy, OUT, ROOT, selectTab, shot, waitForMode } from './harness';
import { openSealed, type Sealed } from './sealed';
import { fillReturn, fillTracking, readReturnForm, readTrackingFile, type ReturnForm } from './workbooks';

const DIR = path.join(OUT, 'offline');

describe('one-file offline page from file://', () => {
  let sealed: Sealed | undefined;
  let folder: string;
  let pageUrl: string;

  beforeAll(() => {
    const built = path.join(DIST, 'tuijin.html');
    if (!fs.existsSync(built)) throw new Error('dist/tuijin.html is missing: run `npm run build` before `npm run e2e`');
    fs.rmSync(DIR, { recursive: true, force: true });
    fs.mkdirSync(DIR, { recursive: true });
    // As a clerk would: the one file, alone, somewhere else.
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-offline-'));
    fs.copyFileSync(built, path.join(folder, 'tuijin.html'));
    pageUrl = pathToFileURL(path.join(folder, 'tuijin.html')).href;
  });
  afterAll(async () => {
    await sealed?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('generate, check, forms zip, consolidate, print, with no network at all', async () => {
    expect(fs.readdirSync(folder)).toEqual(['tuijin.html']);
    // The page file itself, and nothing else.
    sealed = await openSealed({ allowed: (url) => url === pageUrl, offline: true });
    const { page } = sealed;
    const t0 = Date.now();
    await page.goto(pageUrl, { waitUntil: 'load' });
    expect(await waitForMode(page)).toBe('file');
    // Straight to file mode: it never waits for an office.js it must not fetch.
    expect(Date.now() - t0).toBeLessThan(4000);
    expect(await page.getByTestId('offline-notice').innerText()).toBe('离线版：文件只在本机处理');
    expect(await page.getByTestId('mode').innerText()).toContain('文件模式：在本页打开');
    await shot(page, 'offline-start');

    // 计划: the bundled seed plan → the tracking workbook.
    await page.getByTestId('extract').click();
    await page.getByTestId('plan-review').waitFor({ timeout: 60000 });
    expect(await page.getByTestId('plan-review').innerText()).toMatch(/共 20 项事项，提取出 \d+ 个指标/);
    const master = await downloadBy(page, () => page.getByTestId('generate').click(), DIR);
    expect(master.name).toMatch(/\.xlsx$/);
    const generated = await readTrackingFile(master.file);
    expect(generated.indicators.length).toBeGreaterThan(20);

    // 校验: figures typed in Excel, judged as the CLI judges them.
    const filled = path.join(DIR, 'filled.xlsx');
    await fillTracking(master.file, filled, (ind, i) => {
      if (ind.kind === 'milestone') return i % 2 ? { annual: '已完成' } : undefined;
      const target = ind.annual ?? ind.h1;
      if (target === null) return undefined;
      return i % 3 === 0 ? { annual: target * 1.2 } : i % 3 === 1 ? { annual: target * 0.3 } : undefined;
    });
    await selectTab(page, '校验');
    const check = page.getByTestId('tab-check');
    await check.getByTestId('check-file').setInputFiles(filled);
    await check.getByTestId('check-file-info').waitFor({ timeout: 60000 });
    await check.getByTestId('as-of-dec').click();
    const asOf = await check.getByTestId('as-of').inputValue();
    await check.getByTestId('run-check').click();
    await check.getByTestId('results').waitFor({ timeout: 60000 });
    const cli = JSON.parse(
      execFileSync(process.execPath, [path.join(ROOT, 'bin/tuijin.js'), 'check', filled, '--as-of', asOf, '--json'], {
        encoding: 'utf8',
      }),
    ) as { summary: Record<Status, number> };
    expect(cli.summary.shortfall).toBeGreaterThan(0);
    for (const [status, n] of Object.entries(cli.summary) as [Status, number][]) {
      const group = check.getByTestId(`group-${status}`);
      if (n === 0) expect(await group.count()).toBe(0);
      else expect(Number(await group.getAttribute('data-count'))).toBe(n);
    }
    const annotated = await downloadBy(page, () => check.getByTestId('download-annotated').click(), DIR);
    const after = await readTrackingFile(annotated.file);
    expect(after.entries.length).toBe(generated.entries.length);
    await shot(page, 'offline-check');

    // 打印: the print copy and the 通报 paragraph.
    await selectTab(page, '打印');
    const print = page.getByTestId('tab-print');
    const printed = await downloadBy(page, () => print.getByTestId('print').click(), DIR);
    expect(printed.name).toContain('打印版');
    expect(fs.statSync(printed.file).size).toBeGreaterThan(5000);
    expect(await print.getByTestId('bulletin').inputValue()).toMatch(
      /^截至12月31日，按事项统计（事项有多项指标的，以进度最慢的一项为准），20项重要事项中，已达标\d+项/,
    );
    expect(await print.getByTestId('bulletin').inputValue()).toContain(STATUS_LABEL.shortfall);

    // 填报: every lead unit's form in one zip; two come back with different figures for a shared indicator.
    await selectTab(page, '填报');
    const returns = page.getByTestId('tab-returns');
    const zipped = await downloadBy(page, () => returns.getByTestId('make-returns').click(), DIR);
    expect(zipped.name).toMatch(/\.zip$/);
    const zip = await JSZip.loadAsync(fs.readFileSync(zipped.file));
    const names = Object.keys(zip.files).filter((n) => n.endsWith('.xlsx'));
    expect(names.length).toBe(12);
    const forms: ReturnForm[] = [];
    for (const n of names) {
      const file = path.join(DIR, n);
      fs.writeFileSync(file, await zip.files[n].async('nodebuffer'));
      forms.push(await readReturnForm(file));
    }
    const numeric = new Set(generated.indicators.filter((i) => i.kind !== 'milestone').map((i) => i.id));
    let pair: [ReturnForm, ReturnForm, string] | undefined;
    for (const a of forms)
      for (const b of forms) {
        const shared = a !== b && a.ids.find((id) => numeric.has(id) && b.ids.includes(id));
        if (!pair && shared) pair = [a, b, shared];
      }
    expect(pair).toBeDefined();
    const [a, b, shared] = pair!;
    const filledA = path.join(DIR, `填好-${a.unit}.xlsx`);
    const filledB = path.join(DIR, `填好-${b.unit}.xlsx`);
    await fillReturn(a.file, filledA, { [shared]: { annual: 120 } });
    await fillReturn(b.file, filledB, { [shared]: { annual: 80 } });

    await returns.getByTestId('master-file').setInputFiles(master.file);
    await returns.getByTestId('return-files').setInputFiles([filledA, filledB]);
    await returns.getByTestId('consolidate').click();
    await returns.getByTestId('report').waitFor({ timeout: 60000 });
    const conflicts = await returns.getByTestId('report-conflicts').innerText();
    expect(conflicts).toContain(shared);
    expect(conflicts).toContain(`${a.unit} 120`);
    expect(conflicts).toContain(`${b.unit} 80`);
    expect(await returns.getByTestId('report-missing').innerText()).toContain('未报送 10 个单位');
    const merged = await downloadBy(page, () => returns.getByTestId('download-merged').click(), DIR);
    const entry = (await readTrackingFile(merged.file)).entries.find((e) => e.id === shared)!;
    expect([120, 80]).toContain(entry.annual);
    await shot(page, 'offline-consolidate');

    // Nothing asked for the network; the only loads were the page itself and the downloads it made.
    expect(sealed.blocked).toEqual([]);
    expect(
      sealed.requests
        .map((r) => r.url)
        .filter((u) => u !== pageUrl && !u.startsWith('blob:') && !u.startsWith('data:')),
    ).toEqual([]);
    expect(sealed.problems.filter((p) => /CSP|Content Security Policy|pageerror/.test(p))).toEqual([]);
    expect(fs.readdirSync(folder)).toEqual(['tuijin.html']);
  });
});
