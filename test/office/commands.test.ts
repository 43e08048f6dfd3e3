import { harness } from './harness';
import { syntheticPlan } from './fixtures';
import { generateTracking } from '../../src/adapters/office/tracking';
import { COL, SHEET } from '../../src/core/tracking/sheet';
import { RIBBON_OUTCOME_KEY as PANE_KEY, takeRibbonNote } from '../../src/apps/taskpane/ribbonNote';

type Globals = { Office?: unknown; Excel?: unknown; localStorage?: Storage };

/** Same-origin storage the function file and the pane share. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    clear: () => m.clear(),
    key: (i: number) => [...m.keys()][i] ?? null,
    get length() {
      return m.size;
    },
  };
}

describe('ribbon 校验 (function file)', () => {
  const g = globalThis as unknown as Globals;
  let info: jest.SpyInstance;
  let error: jest.SpyInstance;
  beforeEach(() => {
    g.localStorage = memoryStorage();
    info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    delete g.Office;
    delete g.Excel;
    delete g.localStorage;
    info.mockRestore();
    error.mockRestore();
    jest.resetModules();
  });

  test('associates runCheck, checks the workbook, completes the event and leaves the outcome for the pane', async () => {
    const h = harness();
    await generateTracking(h.ctx, syntheticPlan(20), { caps: h.caps });
    const associate = jest.fn();
    g.Office = {
      onReady: (cb: () => void) => Promise.resolve(cb()),
      actions: { associate },
      context: { displayLanguage: 'zh-CN', requirements: { isSetSupported: h.mock.isSetSupported } },
    };
    g.Excel = { run: h.mock.run };
    const mod = await import('../../src/apps/commands/commands');
    await Promise.resolve();
    expect(associate).toHaveBeenCalledWith('runCheck', mod.runCheck);
    expect(mod.RIBBON_OUTCOME_KEY).toBe(PANE_KEY);
    const completed = jest.fn();
    // The user is still typing in a cell when they click 校验: the check waits instead of failing.
    h.mock.startEditing();
    const running = mod.runCheck({ completed } as unknown as Office.AddinCommands.Event);
    await new Promise((r) => setTimeout(r, 20));
    expect(completed).not.toHaveBeenCalled();
    h.mock.stopEditing();
    await running;
    expect(completed).toHaveBeenCalledTimes(1);
    expect(mod.lastOutcome?.ok).toBe(true);
    const statuses = [...h.mock.sheet(SHEET.main).cells.entries()]
      .filter(([k]) => Number(k.split(',')[1]) === COL.status)
      .map(([, c]) => String(c.value ?? ''));
    expect(statuses.some((s) => /未填报|未到期|进度滞后|未达标/.test(s))).toBe(true);
    const note = takeRibbonNote(g.localStorage);
    expect(note).toEqual({
      ok: true,
      message: expect.stringMatching(/^功能区“校验”已完成（截至 \d{4}-\d\d-\d\d）：未达标 \d+ 个/),
    });
    // Shown once.
    expect(takeRibbonNote(g.localStorage)).toBeNull();
  });

  test("a failure is explained by its code in Office's language and left for the pane; the event still completes", async () => {
    const h = harness();
    await generateTracking(h.ctx, syntheticPlan(20), { caps: h.caps });
    h.mock.sheet(SHEET.main).protected = true;
    h.mock.failOn.push({ label: 'values', code: 'AccessDenied' });
    g.Office = {
      onReady: () => Promise.resolve(),
      actions: { associate: jest.fn() },
      context: { displayLanguage: 'en-US' },
    };
    g.Excel = { run: h.mock.run };
    const mod = await import('../../src/apps/commands/commands');
    const completed = jest.fn();
    await mod.runCheck({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    const note = takeRibbonNote(g.localStorage)!;
    expect(note.ok).toBe(false);
    expect(note.message).toMatch(/^Ribbon Check did not finish: The sheet is protected/);
  });

  test('a workbook without the table: the Chinese reason is kept', async () => {
    const h = harness();
    g.Office = { onReady: () => Promise.resolve(), actions: { associate: jest.fn() } };
    g.Excel = { run: h.mock.run };
    const mod = await import('../../src/apps/commands/commands');
    const completed = jest.fn();
    await mod.runCheck({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(mod.lastOutcome).toEqual(
      expect.objectContaining({ ok: false, message: expect.stringContaining('没有“推进计划表”') }),
    );
    expect(takeRibbonNote(g.localStorage)?.message).toContain('功能区“校验”未完成');
  });
});
