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
    expect(await pane.page.getByRole('tab', { name: '校验' }).isVisible()).toBe(true);
    await shot(pane.page, 'mode-office-js-no-host');
    expect(pane.problems.filter((p) => /CSP|Content Security Policy/.test(p))).toEqual([]);
    expect(pane.outside).toEqual([]);
  });

  test('office.js cannot be fetched: file mode within a few seconds', async () => {
    const t0 = Date.now();
    pane = await openPane({ officeJs: 'fail' });
    expect(await waitForMode(pane.page)).toBe('file');
    expect(Date.now() - t0).toBeLessThan(10000);
    await expect(pane.page.getByTestId('mode').innerText()).resolves.toContain('未能连接 Office');
    await shot(pane.page, 'mode-office-js-failed');
  });
});
