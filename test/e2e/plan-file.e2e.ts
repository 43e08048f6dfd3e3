// The 计划 tab opens the plan as it arrives, a Word attachment (.docx), and shows the review before anything is
// written (no download until 下载推进表 is clicked). A GBK text file says how it was read; a PDF says what to do.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { downloadBy, openPane, OUT, ROOT, shot, waitForMode, type Pane } from './harness';

const DIR = path.join(OUT, 'plan-file');
const SEED = path.join(ROOT, 'seeds/000_c36e4d77f78aadb1.txt');

describe('file mode: 打开计划文件', () => {
  let pane: Pane;
  beforeAll(async () => {
    fs.rmSync(DIR, { recursive: true, force: true });
    fs.mkdirSync(DIR, { recursive: true });
    execFileSync('/usr/bin/python3', [path.join(ROOT, 'test/plan/make_plan_files.py'), SEED, DIR], {
      stdio: 'pipe',
      timeout: 60_000,
    });
    execFileSync('/usr/bin/python3', [
      '-c',
      'import sys; open(sys.argv[2], "wb").write(open(sys.argv[1], encoding="utf-8").read().encode("gb18030"))',
      SEED,
      path.join(DIR, '计划-GBK.txt'),
    ]);
    fs.writeFileSync(
      path.join(DIR, '计划.pdf'),
      '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n',
    );
    pane = await openPane({ officeJs: 'package' });
  });
  afterAll(async () => {
    await pane?.close();
  });

  test('a .docx plan shows its review before anything is written; generating then downloads the workbook', async () => {
    const { page } = pane;
    expect(await waitForMode(page)).toBe('file');
    let downloads = 0;
    page.on('download', () => downloads++);

    const tab = page.getByTestId('tab-plan');
    await tab.getByTestId('source-file').click();
    await tab.getByTestId('plan-file').setInputFiles(path.join(DIR, 'plan-python-docx.docx'));
    const review = tab.getByTestId('plan-review');
    await review.waitFor({ timeout: 60000 });
    const text = await review.innerText();
    expect(text).toContain('烟台市“十四五”妇女儿童发展规划 2023 年重要事项推进计划表');
    expect(text).toContain('共 20 项事项');
    expect(text).toContain('完成“两癌”检查');
    expect(await tab.getByTestId('plan-file-name').innerText()).toBe('plan-python-docx.docx');
    expect(await tab.getByTestId('error').count()).toBe(0);
    await shot(page, 'plan-file-docx-review');
    // Nothing written yet: no download, no done notice; the write is the next, separate step.
    expect(downloads).toBe(0);
    expect(await tab.getByTestId('plan-done').count()).toBe(0);

    const book = await downloadBy(page, () => tab.getByTestId('generate').click(), DIR);
    expect(book.name).toBe('2023年重要事项推进计划表.xlsx');
    expect(fs.readFileSync(book.file).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(downloads).toBe(1);
  });

  test('a GBK text plan says how it was read; a PDF says what to do instead, naming the file', async () => {
    const { page } = pane;
    const tab = page.getByTestId('tab-plan');
    await tab.getByTestId('plan-file').setInputFiles(path.join(DIR, '计划-GBK.txt'));
    await tab.getByTestId('plan-notes').waitFor({ timeout: 60000 });
    expect(await tab.getByTestId('plan-notes').innerText()).toContain('文件是 GBK 编码的文本，已按 GBK 读取');
    expect(await tab.getByTestId('plan-review').innerText()).toContain('共 20 项事项');

    await tab.getByTestId('plan-file').setInputFiles(path.join(DIR, '计划.pdf'));
    const error = tab.getByTestId('error');
    await error.waitFor({ timeout: 30000 });
    const message = await error.innerText();
    expect(message).toContain('计划.pdf');
    expect(message).toContain('这是 PDF 文件');
    expect(message).not.toMatch(/[A-Za-z]{5,}/);
    expect(await tab.getByTestId('plan-review').count()).toBe(0);
    await shot(page, 'plan-file-pdf-error');
    expect(pane.problems.filter((p) => /pageerror/.test(p))).toEqual([]);
  });
});
