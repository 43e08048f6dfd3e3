// 填报: return forms as one zip → two units fill theirs (disagreeing on a shared item) → consolidate with a
// broken file among the returns → the report shows the conflict, the rejected file and 未报送, like the CLI.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { downloadBy, openPane, OUT, ROOT, selectTab, shot, waitForMode, type Pane } from './harness';
import { fillReturn, readReturnForm, readTrackingFile, type ReturnForm } from './workbooks';

const DIR = path.join(OUT, 'returns');

interface CliReport {
  applied: number;
  conflicts: { id: string; field: string; values: { unit: string; file: string; value: unknown }[]; chosen: string }[];
  rejected: { file: string; reason: string }[];
  missingUnits: string[];
}

describe('file mode: return forms and consolidation', () => {
  let pane: Pane;
  beforeAll(async () => {
    fs.rmSync(DIR, { recursive: true, force: true });
    fs.mkdirSync(DIR, { recursive: true });
    // This run also covers the path where office.js can't be fetched at all.
    pane = await openPane({ officeJs: 'fail' });
  });
  afterAll(async () => {
    await pane?.close();
  });

  test('forms → two filled returns and a broken one → report → merged master', async () => {
    const { page } = pane;
    expect(await waitForMode(page)).toBe('file');

    // The master, as the office makes it.
    await page.getByTestId('extract').click();
    await page.getByTestId('plan-review').waitFor({ timeout: 60000 });
    const master = await downloadBy(page, () => page.getByTestId('generate').click(), DIR);

    // Every lead unit's form, in one zip.
    await selectTab(page, '填报');
    const tab = page.getByTestId('tab-returns');
    const zipped = await downloadBy(page, () => tab.getByTestId('make-returns').click(), DIR);
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

    // Two units that share an indicator (an item with two lead units) report different figures for it.
    // (Numeric ones: a milestone takes 已完成/未完成, not a figure.)
    const numeric = new Set(
      (await readTrackingFile(master.file)).indicators.filter((i) => i.kind !== 'milestone').map((i) => i.id),
    );
    let pair: [ReturnForm, ReturnForm, string] | null = null;
    for (const a of forms)
      for (const b of forms) {
        const shared = a !== b && a.ids.find((id) => numeric.has(id) && b.ids.includes(id));
        if (!pair && shared) pair = [a, b, shared];
      }
    expect(pair).not.toBeNull();
    const [a, b, shared] = pair!;
    const filledA = path.join(DIR, `填好-${a.unit}.xlsx`);
    const filledB = path.join(DIR, `填好-${b.unit}.xlsx`);
    const own = a.ids.find((id) => numeric.has(id) && !b.ids.includes(id));
    await fillReturn(a.file, filledA, { [shared]: { annual: 120 }, ...(own ? { [own]: { annual: 5 } } : {}) });
    await fillReturn(b.file, filledB, { [shared]: { annual: 80 } });
    const broken = path.join(DIR, '损坏的填报表.xlsx');
    fs.writeFileSync(broken, Buffer.from('this is not a workbook at all'));

    await tab.getByTestId('master-file').setInputFiles(master.file);
    await tab.getByTestId('return-files').setInputFiles([filledA, filledB, broken]);
    await tab.getByTestId('consolidate').click();
    const report = tab.getByTestId('report');
    await report.waitFor({ timeout: 60000 });
    await shot(page, 'consolidation-report');

    const cli = JSON.parse(
      execFileSync(
        process.execPath,
        [
          path.join(ROOT, 'bin/tuijin.js'),
          'consolidate',
          master.file,
          filledA,
          filledB,
          broken,
          '--out',
          path.join(DIR, 'cli-merged.xlsx'),
          '--json',
        ],
        { encoding: 'utf8' },
      ),
    ) as CliReport;
    expect(cli.conflicts.map((c) => c.id)).toContain(shared);
    expect(cli.rejected.map((r) => r.file)).toEqual(['损坏的填报表.xlsx']);

    expect(await tab.getByTestId('report-applied').innerText()).toContain(`已写入 ${cli.applied} 个数字`);
    const conflicts = await tab.getByTestId('report-conflicts').innerText();
    expect(conflicts).toContain(`冲突 ${cli.conflicts.length} 处`);
    expect(conflicts).toContain(shared);
    expect(conflicts).toContain(`${a.unit} 120`);
    expect(conflicts).toContain(`${b.unit} 80`);
    const chosen = cli.conflicts.find((c) => c.id === shared)!.chosen;
    expect(conflicts).toContain(`采用 ${chosen} 的数字`);
    const rejected = await tab.getByTestId('report-rejected').innerText();
    expect(rejected).toContain('损坏的填报表.xlsx');
    // The reason is Chinese, without the English the core writes for the CLI.
    expect(rejected).toMatch(/文件无法读取：/);
    expect(rejected.replace(/Excel|\.xlsx/g, '')).not.toMatch(/[A-Za-z]{4,}/);
    const missing = await tab.getByTestId('report-missing').innerText();
    expect(missing).toContain(`未报送 ${cli.missingUnits.length} 个单位`);
    for (const u of cli.missingUnits) expect(missing).toContain(u);
    expect(cli.missingUnits).not.toContain(a.unit);

    // The merged master: the chosen unit's figure in place, by indicator id.
    const merged = await downloadBy(page, () => tab.getByTestId('download-merged').click(), DIR);
    const read = await readTrackingFile(merged.file);
    const entry = read.entries.find((e) => e.id === shared)!;
    expect(entry.annual).toBe(chosen === a.unit ? 120 : 80);
    expect(pane.problems.filter((p) => /CSP|pageerror/.test(p))).toEqual([]);
    // office.js never loaded, so nothing at all tried to leave localhost.
    expect(pane.outside).toEqual([]);
  });
});
