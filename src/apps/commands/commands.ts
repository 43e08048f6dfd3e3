/// <reference types="office-js" />
// The ribbon's function file: 校验 checks the tracking table as of today without opening the pane.
// Results land in the workbook itself (状态/说明 and the 汇总 sheet). A function command has no UI of its
// own, so its outcome, in plain words, is left where the pane picks it up: same-origin localStorage (the pane
// shows it at once if it is open, else the next time it opens).
// Before the core: zod's one-off `new Function` probe would break the page's no-eval policy (see zodConfig).
import '../taskpane/jobs/zodConfig';
import { checkTracking, type CheckResult } from '../../adapters/office/tracking';
import { todayIso } from '../../adapters/office/live';
import { explainOfficeError, type Lang } from '../../adapters/office/errors';
import { countsText } from '../../core/status';

/** localStorage key of the last ribbon 校验 (read and cleared by the pane: apps/taskpane/ribbonNote.ts). */
export const RIBBON_OUTCOME_KEY = 'tuijin.ribbonCheck';

export interface RibbonOutcome {
  ok: boolean;
  /** What to tell the user, in Office's display language. */
  message: string;
  /** When, ISO. */
  at: string;
}

/** Last outcome, for tests. */
export let lastOutcome: (RibbonOutcome & { result?: CheckResult }) | null = null;

function language(): Lang {
  try {
    return /^en/i.test(Office.context.displayLanguage) ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function summary(r: CheckResult, asOf: string, lang: Lang): string {
  const c = r.counts;
  if (lang === 'en')
    return `Ribbon Check done (as of ${asOf}): ${c.shortfall} shortfall, ${c['at-risk']} behind, ${c.missing} not filled, ${c.met} met. See 状态/说明 and the 汇总 sheet.`;
  return `功能区“校验”已完成（截至 ${asOf}）：${countsText(c, ['shortfall', 'at-risk', 'missing', 'met'])}。详见“状态”“说明”列和“汇总”工作表。`;
}

function leave(outcome: RibbonOutcome): void {
  try {
    globalThis.localStorage?.setItem(RIBBON_OUTCOME_KEY, JSON.stringify(outcome));
  } catch {
    // Storage off (private mode): the console line below is all that is left.
  }
  (outcome.ok ? console.info : console.error)(`推进表助手：${outcome.message}`);
}

export async function runCheck(event?: Office.AddinCommands.Event): Promise<void> {
  const lang = language();
  const asOf = todayIso();
  try {
    // Waits for the user to leave a cell they are typing in, rather than failing.
    const result = await Excel.run({ delayForCellEdit: true }, (context) => checkTracking(context, asOf));
    lastOutcome = { ok: true, message: summary(result, asOf, lang), at: new Date().toISOString(), result };
  } catch (e) {
    const what = lang === 'en' ? 'Ribbon Check did not finish: ' : '功能区“校验”未完成：';
    lastOutcome = { ok: false, message: what + explainOfficeError(e, lang), at: new Date().toISOString() };
  } finally {
    if (lastOutcome) leave({ ok: lastOutcome.ok, message: lastOutcome.message, at: lastOutcome.at });
    // Excel waits for this; without it the button stays busy.
    event?.completed();
  }
}

// Older hosts call global functions by the manifest's FunctionName; newer ones use associate.
(globalThis as unknown as Record<string, unknown>).runCheck = runCheck;
if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    if (Office.actions && typeof Office.actions.associate === 'function')
      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- runCheck catches its own failures and completes the event itself
      Office.actions.associate('runCheck', runCheck);
  });
}
