/// <reference types="office-js" />
// Live validation: when someone types into the entry cells (上半年完成/全年完成), re-judge just those
// rows. Typed text such as "8.5万" becomes the number, and 说明 records what was typed.
// One switch: startLiveValidation / stopLiveValidation.
// Excel's rules it lives by: batches wait while someone is typing in a cell (delayForCellEdit), rows that
// could not be judged are tried again; the main sheet stays unprotected while it is on (protect/unprotect on
// every edit would clear the undo stack each time), and on ExcelApi 1.20 each re-judge joins the user's
// own edit in one undo step (mergeUndoGroup). Handlers are removed through their own context.
import type { Entry, EntryValue, Judgement } from '../../core/model';
import { judge } from '../../core/judge';
import { readFigureFor } from '../../core/entryInput';
import { parseFigure } from '../../core/numbers';
import { buildCheckPatch } from '../../core/tracking/patch';
import { SHEET } from '../../core/tracking/sheet';
import type { CellPatch, Range } from '../../core/layout/types';
import { detectCaps, type OfficeCaps } from './caps';
import { batchFor, queueFullPatch, readTrackingWorkbook, writable, writing } from './tracking';
import { planYearOf } from '../../core/tracking/check';
import { heldOpen, protectSheet } from './render';
import { explainOfficeError, swallow, type Lang } from './errors';

/** Excel.run with its three forms: run(fn), run(options, fn), run(context, fn). */
export type ExcelRun = <T>(
  a: Excel.RunOptions | Excel.RequestContext | ((context: Excel.RequestContext) => Promise<T>),
  b?: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

/** Failures that mean "not now": the rows are judged again after the next pause. */
const RETRY = new Set(['InvalidOperationInCellEditMode', 'ActivityLimitReached', 'EditModeCannotAcquireLock']);
const MAX_RETRIES = 5;

interface Normalized {
  id: string;
  field: 'h1' | 'annual';
  /** What was typed. */
  text: string;
  value: number;
}

export interface LiveUpdate {
  judgements: Judgement[];
  normalized: Normalized[];
  syncs: number;
}

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

/** Every area of a change address: "K5", "K5:K7,M9", "5:5", "K:K" (sheet prefixes allowed). */
export function parseAddresses(address: string): Range[] {
  return address
    .split(',')
    .map((a) => parseAddress(a.trim()))
    .filter((b): b is Range => b !== null);
}

/** "K5", "K5:M9", "'推进计划表'!K5" → 1-based box. Whole rows/columns are clipped to something finite. */
export function parseAddress(address: string): Range | null {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const ref = (s: string): { r: number; c: number } | null => {
    const m = /^\$?([A-Z]*)\$?(\d*)$/i.exec(s.trim());
    if (!m || (!m[1] && !m[2])) return null;
    let c = 0;
    for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
    return { r: m[2] ? Number(m[2]) : 0, c };
  };
  const [a, b] = bare.split(':');
  const p = ref(a);
  const q = b ? ref(b) : p;
  if (!p || !q) return null;
  const r1 = Math.min(p.r || 1, q.r || 1);
  const r2 = Math.max(p.r || 1048576, q.r || 1048576);
  const c1 = Math.min(p.c || 1, q.c || 1);
  const c2 = Math.max(p.c || 16384, q.c || 16384);
  return { r1, c1, r2: p.r && q.r ? Math.max(p.r, q.r) : r2, c2: p.c && q.c ? Math.max(p.c, q.c) : c2 };
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
    const opts = { ...this.opts, caps: this.caps };
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

/**
 * Re-judges the indicator rows inside `boxes` whose entry cells changed: one sync to read, one to
 * write. Returns null when no entry cell was touched (e.g. our own 状态/说明 writes).
 */
async function rejudge(
  context: Excel.RequestContext,
  boxes: Range[],
  opts: LiveOptions = {},
): Promise<LiveUpdate | null> {
  const caps = opts.caps ?? detectCaps();
  const b = batchFor(context, { caps });
  const wb = await readTrackingWorkbook(context);
  b.syncs += wb.syncs;
  const read = wb.read;
  const pos = read.positions;
  const entryCols = [pos.columns.h1, pos.columns.annual];
  const touches = (r: number) =>
    boxes.some((x) => r >= x.r1 && r <= x.r2 && entryCols.some((c) => c >= x.c1 && c <= x.c2));
  const ids = new Set(read.indicators.filter((ind) => touches(pos.rows[ind.id])).map((ind) => ind.id));
  if (ids.size === 0) return null;

  const asOf = (opts.asOf ?? (() => todayIso()))();
  const year = planYearOf(read, asOf);
  const normalized: Normalized[] = [];
  const entries = new Map<string, Entry>(read.entries.map((e) => [e.id, e]));
  const indicators = read.indicators.filter((ind) => ids.has(ind.id));
  for (const ind of indicators) {
    const e = entries.get(ind.id);
    if (!e || ind.kind === 'milestone') continue;
    const fix = (field: 'h1' | 'annual', v: EntryValue): EntryValue => {
      if (typeof v !== 'string') return v;
      const p = parseFigure(v);
      if (!p.ok || p.text === undefined) return v;
      // Only a plain figure ("8.5万", "3,200") becomes a number; a remark ("约10场") or a unit of another kind
      // ("1,200人次" for 人) stays as typed, for the judgement to explain.
      const r = readFigureFor(ind, v, '');
      if (r.error !== null || r.remark !== null || r.value === null) return v;
      normalized.push({ id: ind.id, field, text: v, value: r.value });
      return r.value;
    };
    entries.set(ind.id, { ...e, h1: fix('h1', e.h1), annual: fix('annual', e.annual) });
  }
  const judgements = indicators.map((ind) => judge(ind, entries.get(ind.id), asOf, year));
  const patch = buildCheckPatch({ ...read, indicators }, judgements, asOf);
  // Only these rows: the 汇总 sheet and print headers wait for a full 校验.
  patch.sheets = [];
  patch.printHeaders = [];
  patch.minRowHeights = [];
  delete patch.rowBreaks;
  const cells: CellPatch[] = patch.cells;
  for (const n of normalized) {
    const r = pos.rows[n.id];
    const c = n.field === 'h1' ? pos.columns.h1 : pos.columns.annual;
    const at = cells.find((p) => p.r === r && p.c === c);
    if (at) at.value = n.value;
    else cells.push({ sheet: pos.sheet, r, c, value: n.value, style: 'entry' });
    const note = pos.columns.note;
    if (note !== null) {
      const label = n.field === 'h1' ? '上半年完成' : '全年完成';
      const cell = cells.find((p) => p.r === r && p.c === note);
      const extra = `${label}原填“${n.text}”，已按${n.value}计。`;
      if (cell) cell.value = [cell.value, extra].filter((x) => x !== null && x !== undefined && x !== '').join(' ');
      else cells.push({ sheet: pos.sheet, r, c: note, value: extra, style: 'left' });
    }
  }
  await writing(b, async () => {
    // Protected again meanwhile (the ribbon's 校验 runs elsewhere): open it; it stays open while this is on.
    writable(b, wb, pos.sheet);
    await queueFullPatch(b, patch, wb);
  });
  return { judgements, normalized, syncs: b.syncs };
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
