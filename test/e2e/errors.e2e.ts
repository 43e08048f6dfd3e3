// A broken file gets a plain Chinese message, and the page keeps working afterwards.
import * as fs from 'fs';
import * as path from 'path';
import { downloadBy, openPane, OUT, selectTab, shot, waitForMode, type Pane } from './harness';

const DIR = path.join(OUT, 'errors');

describe('file mode: broken files', () => {
  let pane: Pane;
  beforeAll(async () => {
    fs.rmSync(DIR, { recursive: true, force: true });
    fs.mkdirSync(DIR, { recursive: true });
    pane = await openPane({ officeJs: 'package' });
  });
  afterAll(async () => {
    await pane?.close();
  });

  const CHINESE = /[\u4e00-\u9fff]/;
  const STACK = /\bat \S+ \(|Error:|TypeError|undefined|\.ts:\d+|\.js:\d+/;

  test('garbage, a truncated workbook and a non-tracking workbook: Chinese errors; then a good file checks', async () => {
    const { page } = pane;
    expect(await waitForMode(page)).toBe('file');

    // Pasted text that is no plan table: a Chinese message; then a real one extracts.
    const plan = page.getByTestId('tab-plan');
    await plan.getByTestId('source-text').click();
    await plan.getByTestId('plan-text').fill('这不是计划表\n只是几行字');
    await plan.getByTestId('extract').click();
    await plan.getByTestId('error').waitFor({ timeout: 30000 });
    const noPlan = await plan.getByTestId('error').innerText();
    expect(noPlan).toContain('没有找到任何事项行');
    expect(noPlan).not.toMatch(/no item rows|[A-Za-z]{5,}/);
    await shot(page, 'error-pasted-text');
    await plan
      .getByTestId('plan-text')
      .fill(
        [
          '某市2024年重要事项推进计划表<img src=x onerror="window.__injected=1">',
          '序号\t事项名称\t事项简介\t年度任务目标\t上半年\t下半年\t牵头单位',
          '1\t技能培训\t面向妇女开展技能培训\t全年培训1000人次\t培训500人次\t培训500人次\t市人社局',
        ].join('\n'),
      );
    await plan.getByTestId('extract').click();
    await plan.getByTestId('plan-review').waitFor({ timeout: 30000 });
    expect(await plan.getByTestId('error').count()).toBe(0);
    expect(await plan.getByTestId('plan-review').innerText()).toContain('共 1 项事项');
    // Text from the user's files is shown as text, never parsed as HTML.
    expect(await plan.getByTestId('plan-review').innerText()).toContain('<img src=x onerror="window.__injected=1">');
    expect(await plan.getByTestId('plan-review').locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    const pasted = await downloadBy(page, () => plan.getByTestId('generate').click(), DIR);
    expect(pasted.name).toBe('2024年重要事项推进计划表.xlsx');

    // Back to the bundled plan for the rest.
    await plan.getByText('内置计划').click();
    await page.getByTestId('extract').click();
    await page.getByTestId('plan-review').waitFor({ timeout: 60000 });
    const good = await downloadBy(page, () => page.getByTestId('generate').click(), DIR);

    const garbage = path.join(DIR, '乱码.xlsx');
    fs.writeFileSync(garbage, Buffer.from('PK\u0003\u0004 not really a zip'));
    const truncated = path.join(DIR, '截断.xlsx');
    const bytes = fs.readFileSync(good.file);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));

    await selectTab(page, '校验');
    const tab = page.getByTestId('tab-check');
    const messages: string[] = [];
    for (const bad of [garbage, truncated]) {
      await tab.getByTestId('check-file').setInputFiles(bad);
      const error = tab.getByTestId('error');
      await error.waitFor({ timeout: 30000 });
      const text = await error.innerText();
      messages.push(text);
      expect(text).toMatch(CHINESE);
      expect(text).not.toMatch(STACK);
      expect(text).toContain(path.basename(bad));
    }
    await shot(page, 'error-broken-file');

    // A return form is a real workbook, but not a tracking workbook.
    await selectTab(page, '填报');
    const returns = page.getByTestId('tab-returns');
    const zipped = await downloadBy(page, () => returns.getByTestId('make-returns').click(), DIR);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(fs.readFileSync(zipped.file));
    const first = Object.keys(zip.files).find((n) => n.endsWith('.xlsx'))!;
    const form = path.join(DIR, first);
    fs.writeFileSync(form, await zip.files[first].async('nodebuffer'));
    await selectTab(page, '校验');
    await tab.getByTestId('check-file').setInputFiles(form);
    await tab.getByTestId('error').waitFor({ timeout: 30000 });
    const notTracking = await tab.getByTestId('error').innerText();
    expect(notTracking).toContain('这不是推进表');
    expect(notTracking).not.toMatch(STACK);
    expect(await tab.getByTestId('run-check').isDisabled()).toBe(true);

    // The page still works: the good workbook opens and checks.
    await tab.getByTestId('check-file').setInputFiles(good.file);
    await tab.getByTestId('check-file-info').waitFor({ timeout: 30000 });
    expect(await tab.getByTestId('error').count()).toBe(0);
    await tab.getByTestId('as-of-june').click();
    await tab.getByTestId('run-check').click();
    await tab.getByTestId('results').waitFor({ timeout: 60000 });
    expect(await tab.getByTestId('results').innerText()).toContain('未填报');
    await shot(page, 'after-error-check');
    expect(pane.problems.filter((p) => /pageerror/.test(p))).toEqual([]);
  });
});
