/// <reference types="office-js" />
// Live validation: when someone types into the entry cells (上半年完成/全年完成), re-judge just those
// rows. Typed text such as "8.5万" becomes the number, and 说明 records what was typed.
// One switch: startLiveValidation / stopLiveValidation.
import type { Entry, EntryValue, Judgement } from '../../core/model';
import { judge } from '../../core/judge';
import { readFigureFor } from '../../core/entryInput';
import { parseFigure } from '../../core/numbers';
import { buildCheckPatch } from '../../core/tracking/patch';
import { SHEET } from '../../core/tracking/sheet';
import type { CellPatch, Range } from '../../core/layout/types';
import { detectCaps, type OfficeCaps } from './caps';
import { batchFor, queueFullPatch, readTrackingWorkbook, writing } from './tracking';
import { planYearOf } from '../../core/tracking/check';

export type ExcelRun = <T>(fn: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface Normalized {
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
  /** A plain Chinese message; live validation stays on. */
  onError?: (message: string) => void;
}

export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
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

const defaultRun: ExcelRun = (fn) => (globalThis as unknown as { Excel: typeof Excel }).Excel.run(fn);

export class LiveValidation {
  private pending: Range[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<void> = Promise.resolve();
  private handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
  private handlerCtx: Excel.RequestContext | null = null;
  private readonly run: ExcelRun;

  constructor(private readonly opts: LiveOptions = {}) {
    this.run = opts.run ?? defaultRun;
  }

  /** Registers onChanged on the main sheet (ExcelApi 1.7). One sync. */
  async start(): Promise<void> {
    if (this.handler) return;
    // The handler must be removed through the context that added it, so keep that context.
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(SHEET.main);
      this.handler = ws.onChanged.add((e) => this.onChanged(e));
      this.handlerCtx = ctx;
      await ctx.sync();
    });
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
    const h = this.handler;
    const ctx = this.handlerCtx;
    this.handler = null;
    this.handlerCtx = null;
    if (h && ctx) {
      h.remove();
      try {
        await ctx.sync();
      } catch {
        // The workbook closed or the sheet was deleted; the handler is gone with it.
      }
    }
    await this.chain;
  }

  get on(): boolean {
    return this.handler !== null;
  }

  private onChanged(e: Excel.WorksheetChangedEventArgs): Promise<void> {
    // Co-authors' edits are judged in their own Excel.
    if (e.source === 'Remote') return Promise.resolve();
    const box = parseAddress(e.address);
    if (!box) return Promise.resolve();
    this.pending.push(box);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.opts.debounceMs ?? 600);
    return Promise.resolve();
  }

  /** Judges what is pending now (the debounce timer calls this; tests call it directly). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const boxes = this.pending;
    this.pending = [];
    if (boxes.length === 0) return this.chain;
    this.chain = this.chain
      .then(() => this.run((ctx) => rejudge(ctx, boxes, this.opts)))
      .then((u) => {
        if (u) this.opts.onUpdate?.(u);
      })
      .catch((err: unknown) => {
        const msg = err instanceof Error ? err.message : String(err);
        this.opts.onError?.(`实时校验未完成：${msg}`);
      });
    return this.chain;
  }
}

/**
 * Re-judges the indicator rows inside `boxes` whose entry cells changed: one sync to read, one to
 * write. Returns null when no entry cell was touched (e.g. our own 状态/说明 writes).
 */
export async function rejudge(ctx: Excel.RequestContext, boxes: Range[], opts: LiveOptions = {}): Promise<LiveUpdate | null> {
  const caps = opts.caps ?? detectCaps();
  const b = batchFor(ctx, { caps });
  const wb = await readTrackingWorkbook(ctx);
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
  await writing(b, () => queueFullPatch(b, patch, wb));
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
