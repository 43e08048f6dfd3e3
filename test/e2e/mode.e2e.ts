// The pane finds out where it runs: with office.js but no Office host, and with office.js unreachable.
import { openPane, shot, waitForMode, type Pane } from './harness';

describe('mode detection', () => {
  let pane: Pane | undefined;
  afterEach(async () => {
    await pane?.close();
    pane = undefined;
  });

  test('office.js loads but there is no Office host: file mode, no CSP violations', async () => {
    pane = await openPane({ officeJs: 'package' });
    expect(await waitForMode(pane.page)).toBe('file');
    await expect(pane.page.getByTestId('mode').innerText()).resolves.toContain('文件模式');
    // A mode, not an error.
    await expect(pane.page.getByTestId('mode').innerText()).resolves.not.toMatch(/未能|失败|错误/);
    expect(await pane.page.getByRole('tab', { name: '校验' }).isVisible()).toBe(true);
    await shot(pane.page, 'mode-office-js-no-host');
    expect(pane.problems.filter((p) => /CSP|Content Security Policy/.test(p))).toEqual([]);
    expect(pane.outside).toEqual([]);
  });

  test('office.js cannot be fetched: file mode within a few seconds', async () => {
    pane = await openPane({ officeJs: 'fail' });
    // From the page's load (office.js failed by then) to the pane in file mode: no waiting out the timeout.
    const t0 = Date.now();
    expect(await waitForMode(pane.page)).toBe('file');
    expect(Date.now() - t0).toBeLessThan(3500);
    await expect(pane.page.getByTestId('mode').innerText()).resolves.toContain('本页独立运行');
    await shot(pane.page, 'mode-office-js-failed');
  });

  test('inside Excel with an English display language: Office mode, English texts', async () => {
    pane = await openPane({ officeJs: 'stub-excel-en' });
    const { page } = pane;
    expect(await waitForMode(page)).toBe('office');
    expect(await page.getByTestId('mode').innerText()).toContain('Add-in mode: works on the open Excel workbook');
    for (const tab of ['Plan', 'Check', 'Returns', 'Print'])
      expect(await page.getByRole('tab', { name: tab }).isVisible()).toBe(true);
    // Office mode offers the plan table in the current sheet as a source, and writes instead of downloading.
    expect(await page.getByText('Recognize the plan table in the current sheet').isVisible()).toBe(true);
    await page.getByTestId('extract').click();
    await page.getByTestId('plan-review').waitFor({ timeout: 60000 });
    expect(await page.getByTestId('generate').innerText()).toBe('Write to workbook');
    await shot(page, 'office-mode-en-plan');
    await page.getByRole('tab', { name: 'Check' }).click();
    const check = page.getByTestId('tab-check');
    await check.getByText('Check as I type').waitFor();
    // No file picker in Office mode, and starting live validation on a workbook without the sheets is quiet.
    expect(await check.getByTestId('check-file').count()).toBe(0);
    expect(await check.getByTestId('error').count()).toBe(0);
    await shot(page, 'office-mode-en-check');
    expect(pane.problems.filter((p) => /CSP|pageerror/.test(p))).toEqual([]);
  });

  test('the ribbon 校验 left its outcome: the pane shows it once when it opens', async () => {
    pane = await openPane({ officeJs: 'stub-excel-en' });
    const { page } = pane;
    expect(await waitForMode(page)).toBe('office');
    await page.evaluate(() =>
      localStorage.setItem(
        'tuijin.ribbonCheck',
        JSON.stringify({ ok: false, message: 'Ribbon Check did not finish: Excel is editing a cell.', at: '' }),
      ),
    );
    await page.reload();
    const note = page.getByTestId('ribbon-note');
    await note.waitFor({ timeout: 15000 });
    expect(await note.innerText()).toContain('Excel is editing a cell');
    expect(await page.evaluate(() => localStorage.getItem('tuijin.ribbonCheck'))).toBeNull();
  });

  test('office.js arriving late inside Excel: file mode first, then Office mode', async () => {
    pane = await openPane({ officeJs: 'stub-excel-en', officeDelayMs: 6000 });
    expect(await waitForMode(pane.page)).toBe('file');
    await pane.page.locator('[data-testid="mode"][data-mode="office"]').waitFor({ timeout: 15000 });
    expect(await pane.page.getByTestId('mode').innerText()).toContain('Add-in mode: works on the open Excel workbook');
  });
});
