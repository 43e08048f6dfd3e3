/// <reference types="office-js" />
// Live validation: when someone types into the entry cells (上半年完成/全年完成), re-judge just those
// rows. Typed text such as "8.5万" becomes the number, and 说明 records what was typed.
// One switch: startLiveValidation / stopLiveValidation.
// Excel's rules it lives by: batches wait while someone is typing in a cell (delayForCellEdit), rows that
// could not be judged are tried again; the main sheet stays unprotected while it is on (protect/unprotect on
// every edit would clear the undo stack each time), and on ExcelApi 1.20 each re-judge joins the user's
// own edit in one undo step (mergeUndoGroup). Handlers are removed through their own context.
// The re-judging itself is in rejudge.ts, reading change addresses in addresses.ts.
import { SHEET } from '../../core/tracking/sheet';
import type { Range } from '../../core/layout/types';
import { parseAddresses } from './addresses';
import { detectCaps, type OfficeCaps } from './caps';
import { heldOpen, protectSheet } from './render';
import { explainOfficeError, swallow, type Lang } from './errors';
import { rejudge, type LiveUpdate } from './rejudge';

// Kept for importers (the tests and the pane import them from here).
export { parseAddress, parseAddresses } from './addresses';
export type { LiveUpdate } from './rejudge';

/** Excel.run with its three forms: run(fn), run(options, fn), run(context, fn). */
export type ExcelRun = <T>(
  a: Excel.RunOptions | Excel.RequestContext | ((context: Excel.RequestContext) => Promise<T>),
  b?: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

/** Failures that mean "not now": the rows are judged again after the next pause. */
const RETRY = new Set(['InvalidOperationInCellEditMode', 'ActivityLimitReached', 'EditModeCannotAcquireLock']);
const MAX_RETRIES = 5;

export interface LiveOptions {
  /** Excel.run, or a test's stand-in. */
  run?: ExcelRun;
  /** As-of date for judging, 'YYYY-MM-DD' (default: today, local time). */
  asOf?: () => string;
  /** Quiet time after the last edit before judging (ms). */
  debounceMs?: number;
  caps?: OfficeCaps;
  onUpdate?: (u: LiveUpdate) => void;
  /** A plain message (Chinese, or English); live validation stays on. */
  onError?: (message: string) => void;
  /** Language of onError's messages. */
  lang?: Lang;
}

export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

const defaultRun: ExcelRun = (a, b) =>
  (globalThis as unknown as { Excel: { run(a: unknown, b?: unknown): Promise<never> } }).Excel.run(a, b);

export class LiveValidation {
  private pending: Range[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<void> = Promise.resolve();
  private handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
  /** We unprotected the main sheet when turning on, so we protect it again when turning off. */
  private reprotect = false;
  private retries = 0;
  private readonly run: ExcelRun;
  private readonly caps: OfficeCaps;

  constructor(private readonly opts: LiveOptions = {}) {
    this.run = opts.run ?? defaultRun;
    this.caps = opts.caps ?? detectCaps();
  }

  /** Registers onChanged on the main sheet and opens it for the session. One or two syncs. */
  async start(): Promise<void> {
    if (this.handler) return;
    await this.run({ delayForCellEdit: true }, async (context) => {
      const ws = context.workbook.worksheets.getItem(SHEET.main);
      ws.protection.load('protected');
      this.handler = ws.onChanged.add((e) => this.onChanged(e));
      await context.sync();
      // Once now rather than twice per edit: each protect/unprotect clears the user's undo stack.
      // eslint-disable-next-line office-addins/load-object-before-read -- ws.protection is a navigation property; its `protected` was loaded on it before the sync
      if (ws.protection.protected) {
        ws.protection.unprotect();
        await context.sync();
        this.reprotect = true;
      }
      heldOpen.add(SHEET.main);
    });
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
    const h = this.handler;
    this.handler = null;
    await this.chain;
    heldOpen.delete(SHEET.main);
    if (!h) return;
    const reprotect = this.reprotect;
    this.reprotect = false;
    try {
      // The documented way: through the context the handler was added in (EventHandlerResult).
      await this.run(h.context as Excel.RequestContext, async (context) => {
        h.remove();
        await context.sync();
        if (!reprotect) return;
        const ws = context.workbook.worksheets.getItemOrNullObject(SHEET.main);
        await context.sync();
        if (ws.isNullObject) return;
        ws.protection.load('protected');
        await context.sync();
        if (!ws.protection.protected) {
          protectSheet(ws);
          await context.sync();
        }
      });
    } catch (e) {
      // The workbook closed: the handler and the sheet went with it.
      swallow('live.stop', e);
    }
  }

  get on(): boolean {
    return this.handler !== null;
  }

  private onChanged(e: Excel.WorksheetChangedEventArgs): Promise<void> {
    // Co-authors' edits are judged in their own Excel.
    if (e.source === 'Remote') return Promise.resolve();
    const boxes = parseAddresses(e.address);
    if (!boxes.length) return Promise.resolve();
    this.pending.push(...boxes);
    this.schedule();
    return Promise.resolve();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.opts.debounceMs ?? 600);
  }

  /** Judges what is pending now (the debounce timer calls this; tests call it directly). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const boxes = this.pending;
    this.pending = [];
    if (boxes.length === 0) return this.chain;
    this.chain = this.chain.then(async () => {
      try {
        const u = await this.judge(boxes);
        this.retries = 0;
        if (u) this.opts.onUpdate?.(u);
      } catch (err) {
        const code = (err as { code?: string })?.code ?? '';
        // Not now (someone is typing, Excel is busy): these rows wait for the next pause.
        if (RETRY.has(code) && this.retries < MAX_RETRIES && this.handler) {
          this.retries++;
          this.pending.unshift(...boxes);
          this.schedule();
          return;
        }
        this.retries = 0;
        const lang = this.opts.lang ?? 'zh';
        this.opts.onError?.(
          (lang === 'en' ? 'Live check did not finish: ' : '自动校验未完成：') + explainOfficeError(err, lang),
        );
      }
    });
    return this.chain;
  }

  private async judge(boxes: Range[]): Promise<LiveUpdate | null> {
    const opts = { caps: this.caps, asOf: this.opts.asOf ?? (() => todayIso()) };
    if (!this.caps.undoGroups) return this.run({ delayForCellEdit: true }, (context) => rejudge(context, boxes, opts));
    try {
      // One undo step with the user's edit: Ctrl+Z takes back the figure and what we wrote for it.
      return await this.run({ delayForCellEdit: true, mergeUndoGroup: true }, (context) =>
        rejudge(context, boxes, opts),
      );
    } catch (e) {
      // The sheet was protected again meanwhile (e.g. by the ribbon's 校验): unprotecting can't be grouped.
      if ((e as { code?: string })?.code !== 'UndoNotSupported') throw e;
      return this.run({ delayForCellEdit: true }, (context) => rejudge(context, boxes, opts));
    }
  }
}

let current: LiveValidation | null = null;

/** Turns live validation on (replacing an earlier session's options). */
export async function startLiveValidation(opts: LiveOptions = {}): Promise<LiveValidation> {
  if (current) await current.stop();
  const session = new LiveValidation(opts);
  await session.start();
  current = session;
  return session;
}

/** Turns live validation off. */
export async function stopLiveValidation(): Promise<void> {
  const s = current;
  current = null;
  if (s) await s.stop();
}

export function isLiveValidationOn(): boolean {
  return current?.on ?? false;
}

/** Re-attaches live validation after the main sheet was replaced (generate deletes the old sheet and its
 *  handler with it). Does nothing when it is off. */
export async function refreshLiveValidation(): Promise<void> {
  const s = current;
  if (!s) return;
  await s.stop();
  await s.start();
}
