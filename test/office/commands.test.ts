import { harness } from './harness';
import { syntheticPlan } from './fixtures';
import { generateTracking } from '../../src/adapters/office/tracking';
import { COL, SHEET } from '../../src/core/tracking/sheet';

type Globals = { Office?: unknown; Excel?: unknown };

describe('ribbon 校验 (function file)', () => {
  const g = globalThis as unknown as Globals;
  afterEach(() => {
    delete g.Office;
    delete g.Excel;
    jest.resetModules();
  });

  test('associates runCheck, checks the workbook and completes the event', async () => {
    const h = harness();
    await generateTracking(h.ctx, syntheticPlan(20), { caps: h.caps });
    const associate = jest.fn();
    g.Office = {
      onReady: (cb: () => void) => Promise.resolve(cb()),
      actions: { associate },
      context: { requirements: { isSetSupported: h.mock.isSetSupported } },
    };
    g.Excel = { run: h.mock.run };
    const mod = await import('../../src/apps/commands/commands');
    await Promise.resolve();
    expect(associate).toHaveBeenCalledWith('runCheck', mod.runCheck);
    const completed = jest.fn();
    await mod.runCheck({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(mod.lastOutcome?.ok).toBe(true);
    const statuses = [...h.mock.sheet(SHEET.main).cells.entries()]
      .filter(([k]) => Number(k.split(',')[1]) === COL.status)
      .map(([, c]) => String(c.value ?? ''));
    expect(statuses.some((s) => /未填报|未到期|进度滞后|未达标/.test(s))).toBe(true);
    expect(h.mock.stats.unloadedReads).toEqual([]);
  });

  test('a workbook without the table: event still completes, message kept', async () => {
    const h = harness();
    g.Office = { onReady: () => Promise.resolve(), actions: { associate: jest.fn() } };
    g.Excel = { run: h.mock.run };
    const mod = await import('../../src/apps/commands/commands');
    const completed = jest.fn();
    const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await mod.runCheck({ completed } as unknown as Office.AddinCommands.Event);
    err.mockRestore();
    expect(completed).toHaveBeenCalledTimes(1);
    expect(mod.lastOutcome).toEqual({ ok: false, message: expect.stringContaining('推进计划表') });
  });
});
