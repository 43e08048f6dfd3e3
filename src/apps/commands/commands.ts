/// <reference types="office-js" />
// The ribbon's function file: 校验 checks the tracking table as of today without opening the pane.
// Results land in the workbook itself (状态/说明 and the 汇总 sheet).
// Before the core: zod's one-off `new Function` probe would break the page's no-eval policy (see zodConfig).
import '../taskpane/jobs/zodConfig';
import { checkTracking, type CheckResult } from '../../adapters/office/tracking';
import { todayIso } from '../../adapters/office/live';

/** Last outcome, for the pane (same origin storage) and for tests. */
export let lastOutcome: { ok: true; result: CheckResult } | { ok: false; message: string } | null = null;

export async function runCheck(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    const result = await Excel.run((ctx) => checkTracking(ctx, todayIso()));
    lastOutcome = { ok: true, result };
  } catch (e) {
    // A command has no UI of its own: the message is kept for the pane and the console.
    const message = e instanceof Error ? e.message : String(e);
    lastOutcome = { ok: false, message };
    console.error(`推进表助手 校验未完成：${message}`);
  } finally {
    // Excel waits for this; without it the button stays busy.
    event?.completed();
  }
}

// Older hosts call global functions by the manifest's FunctionName; newer ones use associate.
(globalThis as unknown as Record<string, unknown>).runCheck = runCheck;
if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    if (Office.actions && typeof Office.actions.associate === 'function') Office.actions.associate('runCheck', runCheck);
  });
}
