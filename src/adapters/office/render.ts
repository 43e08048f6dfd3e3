/// <reference types="office-js" />
// Renders the core's layout model into Excel through Office.js, and reads sheets back as a grid.
// Knows nothing about plans: everything tracking-specific comes from src/core.
// Every write is queued on one request context; `Batch` syncs early only when a request would pass
// Excel on the web's 5 MB payload limit.
import type {
  CellPatch,
  CellStyle,
  CellValue,
  DataValidationRule,
  GridSheet,
  PrintSetup,
  Range,
  SheetLayout,
  WorkbookLayout,
  WorkbookPatch,
} from '../../core/layout/types';
import type { OfficeCaps } from './caps';
import { rangeA1 as a1 } from '../../core/layout/address';
import { isPercentFormat } from '../../core/layout/numberFormat';
import { columnPoints, inchesToPoints } from '../../core/layout/excelUnits';
import { headerSection } from '../../core/layout/print';
import { serialFormatKind, serialToIso } from '../../core/dates';
import { swallow, type Leftovers } from './errors';

/** Excel on the web refuses requests above 5 MB. */
const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Our estimate is rough, so stop well short of the limit. */
const BUDGET_SHARE = 0.8;
/** Per-command envelope in the request (object path, method name, ids). */
const COMMAND_BYTES = 120;

/** UTF-8 size of a value as JSON: the request body Office.js sends is JSON. */
function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x ?? null);
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code > 0x7ff) n += 2;
    else if (code > 0x7f) n += 1;
  }
  return n;
}

export interface BatchOptions {
  /** Request limit in bytes; tests lower it to exercise splitting. */
  payloadLimit?: number;
  /** Sheets left unprotected on purpose (live validation keeps the main sheet open while it is on). */
  keepOpen?: ReadonlySet<string>;
}

/** An old sheet renamed aside while its replacement is written. */
interface Aside {
  ws: Excel.Worksheet;
  /** Its temporary name (`~…`, or `<name>_旧` when kept). */
  sheet: string;
  was: string;
  wasProtected: boolean;
}

/** Sheets left unprotected on purpose while live validation is on (it writes 状态/说明 as people type, and
 *  protect/unprotect on every edit would clear their undo stack). Batches don't protect these at the end. */
export const heldOpen = new Set<string>();

/** One request context's queued commands, with their estimated size. */
export class Batch {
  bytes = 0;
  /** context.sync() calls made through this batch. */
  syncs = 0;
  /** Syncs forced by the payload limit. */
  splits = 0;
  private readonly budget: number;
  private eventsOff = false;
  /** Sheets to protect once, at the end of the batch, after every write to them. */
  private readonly toProtect = new Map<string, Excel.Worksheet>();
  /** Sheets unprotected in this batch (never twice). */
  private readonly opened = new Set<string>();
  private readonly keepOpen: ReadonlySet<string>;
  /** Sheets this batch added, and old ones it renamed aside: what a failure must clean up. */
  readonly created: string[] = [];
  readonly aside: Aside[] = [];

  constructor(
    readonly context: Excel.RequestContext,
    readonly caps: OfficeCaps,
    opts: BatchOptions = {},
  ) {
    this.budget = Math.floor((opts.payloadLimit ?? PAYLOAD_LIMIT) * BUDGET_SHARE);
    this.keepOpen = opts.keepOpen ?? new Set();
  }

  /** Pauses recalculation, repainting and our own change events until the next sync. */
  quiet(): void {
    this.context.workbook.application.suspendApiCalculationUntilNextSync();
    this.context.workbook.application.suspendScreenUpdatingUntilNextSync();
    if (!this.eventsOff) {
      this.context.runtime.enableEvents = false;
      this.eventsOff = true;
    }
    this.bytes += 3 * COMMAND_BYTES;
  }

  /**
   * Makes a sheet writable for the rest of the batch: unprotects it only if it is protected (unprotect() on
   * an unprotected sheet can throw, office-js #6784), and protects it again once, at the end.
   */
  open(ws: Excel.Worksheet, name: string, isProtected: boolean): void {
    if (!isProtected || this.opened.has(name)) return;
    ws.protection.unprotect();
    this.opened.add(name);
    this.protectAtEnd(ws, name);
  }

  /** Protects `ws` when the batch finishes (unless it is kept open). */
  protectAtEnd(ws: Excel.Worksheet, name: string): void {
    this.toProtect.set(name, ws);
  }

  /** Accounts for a command of about `n` bytes, syncing first if it would overflow the request. */
  async room(n: number): Promise<void> {
    const need = n + COMMAND_BYTES;
    if (this.bytes > 3 * COMMAND_BYTES && this.bytes + need > this.budget) {
      await this.sync();
      this.splits++;
      this.quiet();
    }
    this.bytes += need;
  }

  /** Largest 2D block that fits a fresh request, in rows of `rowBytes` each. */
  rowsPerRequest(rowBytes: number): number {
    return Math.max(1, Math.floor((this.budget - 4 * COMMAND_BYTES) / Math.max(1, rowBytes)));
  }

  async sync(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.bytes = 0;
  }

  /** Final sync of a write: protects what must be protected, last, and turns our events back on. */
  async finish(): Promise<void> {
    await this.room(this.toProtect.size * 200);
    for (const [name, ws] of this.toProtect) if (!this.keepOpen.has(name)) protectSheet(ws);
    this.toProtect.clear();
    if (this.eventsOff) this.context.runtime.enableEvents = true;
    await this.sync();
    // Only now: if this sync fails, recover() must still turn them back on.
    this.eventsOff = false;
  }

  /**
   * After a failed sync: events back on, half-written new sheets deleted and old sheets renamed back
   * (Office.js has no rollback: what ran before the failure stays). Returns the old sheets it could not
   * restore, so the user can be told where their data is.
   */
  async recover(): Promise<Leftovers> {
    const context = this.context;
    const sheets = context.workbook.worksheets;
    const hadOld = new Set(this.aside.map((a) => a.was));
    try {
      if (this.eventsOff) context.runtime.enableEvents = true;
      this.eventsOff = false;
      if (this.aside.length || this.created.length) {
        const olds = this.aside.map((a) => ({ a, ws: sheets.getItemOrNullObject(a.sheet) }));
        const news = this.created.map((name) => ({ name, ws: sheets.getItemOrNullObject(name) }));
        await context.sync();
        const stillAside = olds.filter((o) => !o.ws.isNullObject);
        const restore = new Set(stillAside.map((o) => o.a.was));
        // A new sheet goes when its old one can come back, or when there was none (nothing of the user's in it).
        for (const n of news)
          if (!n.ws.isNullObject && (restore.has(n.name) || !hadOld.has(n.name))) {
            n.ws.visibility = 'Visible';
            n.ws.delete();
          }
        for (const { a, ws } of stillAside) {
          ws.name = a.was;
          if (a.wasProtected) protectSheet(ws);
        }
      }
      // Sheets this batch unprotected are protected again, as they were (unless kept open on purpose).
      const reopen = [...this.opened].filter((n) => !this.keepOpen.has(n) && !hadOld.has(n));
      const prot = reopen.map((n) => ({ ws: sheets.getItemOrNullObject(n) }));
      if (prot.length) await context.sync();
      const live = prot.filter((p) => !p.ws.isNullObject);
      for (const p of live) p.ws.protection.load('protected');
      if (live.length) await context.sync();
      for (const p of live) if (!p.ws.protection.protected) protectSheet(p.ws);
      await context.sync();
      return { aside: [] };
    } catch (e) {
      swallow('recover', e);
      // Still in cell-edit mode: the failed batch was refused as a whole, so nothing was renamed.
      if ((e as { code?: string })?.code === 'InvalidOperationInCellEditMode') return { aside: [] };
      // The workbook is gone or busy: say where the old data is instead.
      return { aside: this.aside.map((a) => ({ sheet: a.sheet, was: a.was })) };
    }
  }
}

// ---------- geometry ----------

/** Covers a set of cells with rectangles: runs along each row, then equal runs stacked down. */
function toRects(cells: Array<{ r: number; c: number }>): Range[] {
  const byRow = new Map<number, number[]>();
  for (const { r, c } of cells) {
    const cols = byRow.get(r);
    if (cols) cols.push(c);
    else byRow.set(r, [c]);
  }
  const open = new Map<string, Range>();
  const done: Range[] = [];
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(r))].sort((a, b) => a - b);
    const runs: Array<[number, number]> = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const seen = new Set<string>();
    for (const [c1, c2] of runs) {
      const k = `${c1}:${c2}`;
      seen.add(k);
      const prev = open.get(k);
      if (prev && prev.r2 === r - 1) prev.r2 = r;
      else {
        if (prev) done.push(prev);
        open.set(k, { r1: r, c1, r2: r, c2 });
      }
    }
    for (const [k, rect] of open)
      if (!seen.has(k) && rect.r2 < r) {
        done.push(rect);
        open.delete(k);
      }
  }
  done.push(...open.values());
  return done.sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
}

// ---------- values ----------

/** Excel's limit on the characters of one cell. */
export const CELL_TEXT_LIMIT = 32767;

const ERROR_LITERAL =
  /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;
const MONTH_NAME = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/i;

/** Strings Excel would not keep as typed when written through `values`: formulas, numbers, dates, times,
 *  booleans, error values, "(123)" (a negative number), a leading apostrophe (the quote prefix). */
function wouldConvert(s: string): boolean {
  // Full-width digits and signs (a Chinese IME) are read as ASCII ones.
  const t = s
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
  if (/^['=+\-@]/.test(s) || /^[=+\-@]/.test(t)) return true;
  if (/^(true|false)$/i.test(t) || ERROR_LITERAL.test(t)) return true;
  if (!/\d/.test(t)) return false;
  if (/^\(.*\)$/.test(t)) return true;
  // Dates in words: "Jun 30", "30-Jun-2023", "June 30, 2023".
  if (MONTH_NAME.test(t) && /^[\sA-Za-z.,/\-\d]+$/.test(t)) return true;
  // Numbers, percentages, currency, fractions, times and dates (incl. 2023年6月30日) are digits plus these marks.
  return /^[\s\d.,%/:\-+eE年月日时分秒$¥￥]+$/.test(t);
}

/** A layout value as Office.js should receive it: text stays text (leading apostrophe), within Excel's
 *  32,767-character cell limit (longer text is cut, with an ellipsis, rather than failing the whole write). */
export function toExcelValue(v: CellValue): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'string') {
    const text = v.length > CELL_TEXT_LIMIT ? `${v.slice(0, CELL_TEXT_LIMIT - 1)}…` : v;
    return wouldConvert(text) ? `'${text}` : text;
  }
  return v;
}

// ---------- formats ----------

type Formattable = { format: Excel.RangeFormat };

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

/** Sets every property the style governs, so a re-applied style replaces an earlier one. */
function applyFormat(target: Formattable, st: CellStyle, multiCell: boolean): number {
  const f = target.format;
  let n = 0;
  const font = st.font ?? {};
  if (font.name !== undefined) {
    f.font.name = font.name;
    n++;
  }
  if (font.size !== undefined) {
    f.font.size = font.size;
    n++;
  }
  f.font.bold = font.bold ?? false;
  f.font.color = `#${font.color ?? '000000'}`;
  if (st.fill) f.fill.color = `#${st.fill}`;
  else f.fill.clear();
  if (st.horizontal) {
    f.horizontalAlignment = H_ALIGN[st.horizontal];
    n++;
  }
  if (st.vertical) {
    f.verticalAlignment = V_ALIGN[st.vertical];
    n++;
  }
  f.wrapText = st.wrap ?? false;
  // Text kept off the border (RangeFormat.indentLevel, ExcelApi 1.9).
  f.indentLevel = st.indent ?? 0;
  n++;
  f.protection.locked = st.locked ?? true;
  n += 5;
  const edges = multiCell ? BORDER_EDGES : BORDER_EDGES.slice(0, 4);
  for (const edge of edges) {
    const b = f.borders.getItem(edge);
    if (st.border) {
      b.style = 'Continuous';
      b.weight = 'Thin';
      b.color = '#000000';
      n += 3;
    } else {
      b.style = 'None';
      n++;
    }
  }
  return n;
}

/** Address lists for getRanges, kept short: long multi-area addresses fail unpredictably
 *  ("argument is invalid", seen from about 8,000 characters; office-js issue 5198). */
function areaChunks(rects: Range[], maxChars = 1500): Range[][] {
  const out: Range[][] = [];
  let cur: Range[] = [];
  let len = 0;
  for (const r of rects) {
    const l = a1(r).length + 1;
    if (cur.length && len + l > maxChars) {
      out.push(cur);
      cur = [];
      len = 0;
    }
    cur.push(r);
    len += l;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Formats cells style by style: one RangeAreas per style (1.9), else one range per rectangle. */
async function applyStyles(
  b: Batch,
  ws: Excel.Worksheet,
  cellsByStyle: Map<string, Array<{ r: number; c: number }>>,
  styles: Record<string, CellStyle>,
): Promise<void> {
  for (const [name, cells] of cellsByStyle) {
    const st = styles[name];
    if (!st) throw new Error(`layout style "${name}" is not defined`);
    const rects = toRects(cells);
    const multi = rects.some((r) => r.r1 !== r.r2 || r.c1 !== r.c2);
    for (const chunk of areaChunks(rects)) {
      const address = chunk.map(a1).join(',');
      await b.room(address.length + 400);
      // Inside borders only where some area has an inside (finding 24: unconfirmed for 1×1 areas).
      const inside = chunk.some((r) => r.r1 !== r.r2 || r.c1 !== r.c2);
      applyFormat(ws.getRanges(address), st, multi && inside);
    }
    if (st.numFmt) {
      for (const r of rects) {
        const grid = fill(r.r2 - r.r1 + 1, r.c2 - r.c1 + 1, st.numFmt);
        await b.room(jsonBytes(grid));
        rangeOf(ws, r).numberFormat = grid;
      }
    }
  }
}

function fill<T>(rows: number, cols: number, v: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(v));
}

export function rangeOf(ws: Excel.Worksheet, r: Range): Excel.Range {
  return ws.getRangeByIndexes(r.r1 - 1, r.c1 - 1, r.r2 - r.r1 + 1, r.c2 - r.c1 + 1);
}

/** Writes a 2D block of values, split by rows only when one request can't carry it. */
async function writeBlock(b: Batch, ws: Excel.Worksheet, top: number, left: number, rows: unknown[][]): Promise<void> {
  if (!rows.length) return;
  const total = jsonBytes(rows);
  const perRow = Math.ceil(total / rows.length);
  const step = total + COMMAND_BYTES <= b.rowsPerRequest(1) ? rows.length : b.rowsPerRequest(perRow);
  for (let i = 0; i < rows.length; i += step) {
    const part = rows.slice(i, i + step);
    await b.room(i === 0 && step === rows.length ? total : jsonBytes(part));
    ws.getRangeByIndexes(top - 1 + i, left - 1, part.length, part[0].length).values = part;
  }
}

// ---------- sheets ----------

/** Renders one sheet of the layout onto an empty worksheet. */
async function renderSheet(
  b: Batch,
  ws: Excel.Worksheet,
  sheet: SheetLayout,
  styles: Record<string, CellStyle>,
): Promise<void> {
  let maxR = 0;
  let maxC = 0;
  for (const cell of sheet.cells) {
    maxR = Math.max(maxR, cell.r);
    maxC = Math.max(maxC, cell.c);
  }
  if (maxR > 0) {
    const grid = fill<string | number | boolean>(maxR, maxC, '');
    for (const cell of sheet.cells) grid[cell.r - 1][cell.c - 1] = toExcelValue(cell.value);
    await writeBlock(b, ws, 1, 1, grid);
  }

  const byStyle = new Map<string, Array<{ r: number; c: number }>>();
  for (const cell of sheet.cells) {
    if (!cell.style) continue;
    const list = byStyle.get(cell.style);
    if (list) list.push(cell);
    else byStyle.set(cell.style, [cell]);
  }
  await applyStyles(b, ws, byStyle, styles);

  for (const m of sheet.merges) {
    await b.room(60);
    rangeOf(ws, m).merge(false);
  }

  // Widths and heights: one command per run of equal values.
  for (let i = 0; i < sheet.columnWidths.length;) {
    let j = i;
    while (j + 1 < sheet.columnWidths.length && sheet.columnWidths[j + 1] === sheet.columnWidths[i]) j++;
    await b.room(40);
    ws.getRangeByIndexes(0, i, 1, j - i + 1).format.columnWidth = columnPoints(sheet.columnWidths[i]);
    i = j + 1;
  }
  const heights = Object.entries(sheet.rowHeights)
    .map(([r, h]) => [Number(r), h] as const)
    .sort((x, y) => x[0] - y[0]);
  for (let i = 0; i < heights.length;) {
    let j = i;
    while (j + 1 < heights.length && heights[j + 1][0] === heights[j][0] + 1 && heights[j + 1][1] === heights[i][1])
      j++;
    await b.room(40);
    ws.getRangeByIndexes(heights[i][0] - 1, 0, heights[j][0] - heights[i][0] + 1, 1).format.rowHeight = heights[i][1];
    i = j + 1;
  }

  for (const v of sheet.validations) await applyValidation(b, ws, v);

  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    await b.room(60);
    if (sheet.freeze.cols > 0)
      ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, Math.max(1, sheet.freeze.rows), sheet.freeze.cols));
    else ws.freezePanes.freezeRows(sheet.freeze.rows);
  }
  if (sheet.autoFilter) {
    await b.room(60);
    ws.autoFilter.apply(rangeOf(ws, sheet.autoFilter));
  }
  if (sheet.print) await applyPrint(b, ws, sheet.print);
  if (sheet.rowBreaks?.length) await setRowBreaks(b, ws, sheet.rowBreaks, false);
  if (sheet.state !== 'visible') {
    await b.room(40);
    ws.visibility = sheet.state === 'hidden' ? 'Hidden' : 'VeryHidden';
  }
}

async function applyValidation(b: Batch, ws: Excel.Worksheet, v: DataValidationRule): Promise<void> {
  await b.room(jsonBytes(v) + 200);
  const dv = rangeOf(ws, v.range).dataValidation;
  if (v.type === 'decimal') {
    dv.rule =
      v.max === undefined
        ? { decimal: { formula1: v.min ?? 0, operator: 'GreaterThanOrEqualTo' } }
        : { decimal: { formula1: v.min ?? 0, formula2: v.max, operator: 'Between' } };
  } else {
    dv.rule = { list: { inCellDropDown: true, source: (v.list ?? []).join(',') } };
  }
  dv.ignoreBlanks = v.allowBlank;
  if (v.prompt || v.promptTitle) dv.prompt = { showPrompt: true, title: v.promptTitle ?? '', message: v.prompt ?? '' };
  if (v.error || v.errorTitle)
    dv.errorAlert = {
      showAlert: true,
      style: v.errorStyle === 'warning' ? 'Warning' : 'Stop',
      title: v.errorTitle ?? '',
      message: v.error ?? '',
    };
}

/** Page setup. Returns a check, valid after the batch's sync, that "fit to N pages wide" stuck: Excel can drop
 *  it silently (office-js #1860). The zoom is loaded in the same request, so it costs no sync. */
export async function applyPrint(b: Batch, ws: Excel.Worksheet, p: PrintSetup): Promise<() => boolean> {
  await b.room(jsonBytes(p) + 600);
  const pl = ws.pageLayout;
  pl.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  pl.paperSize = p.paper === 'A3' ? 'A3' : 'A4';
  // One page wide, as many tall as it takes (0 = automatic). No `scale`: fit-to replaces it.
  pl.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: 0 };
  const pt = inchesToPoints;
  pl.leftMargin = pt(p.margins.left);
  pl.rightMargin = pt(p.margins.right);
  pl.topMargin = pt(p.margins.top);
  pl.bottomMargin = pt(p.margins.bottom);
  pl.headerMargin = pt(p.margins.header);
  pl.footerMargin = pt(p.margins.footer);
  if (p.horizontalCentered !== undefined) pl.centerHorizontally = p.horizontalCentered;
  if (p.titleRows) pl.setPrintTitleRows(`$${p.titleRows.from}:$${p.titleRows.to}`);
  const hf = pl.headersFooters.defaultForAllPages;
  hf.centerHeader = headerSection(p.header ?? '');
  hf.centerFooter = headerSection(p.footer ?? '');
  pl.load('zoom');
  return () => pl.zoom?.horizontalFitToPages === p.fitToWidth;
}

/** Manual page breaks after the given rows. */
export async function setRowBreaks(b: Batch, ws: Excel.Worksheet, rows: number[], replace: boolean): Promise<void> {
  await b.room(80 + rows.length * 60);
  if (replace) ws.horizontalPageBreaks.removePageBreaks();
  // Office.js puts a break before the range's top row, so "after row r" is row r + 1.
  for (const r of rows) ws.horizontalPageBreaks.add(`A${r + 1}`);
}

// ---------- workbook-level ----------

export interface SheetInfo {
  name: string;
  visibility: string;
  /** Whether the sheet is protected (unknown: treated as not). */
  protected?: boolean;
}

/** What listSheets and readTrackingWorkbook load of every sheet. */
export const SHEET_LIST_PROPS = 'items/name,items/visibility,items/protection/protected';

/** The loaded sheet list as SheetInfo. */
export function sheetInfos(list: Excel.WorksheetCollection): SheetInfo[] {
  return list.items.map((s) => ({ name: s.name, visibility: s.visibility, protected: s.protection.protected }));
}

/** One sync: the workbook's sheets in order. */
export async function listSheets(context: Excel.RequestContext): Promise<SheetInfo[]> {
  const sheets = context.workbook.worksheets;
  sheets.load(SHEET_LIST_PROPS);
  await context.sync();
  return sheetInfos(sheets);
}

/**
 * Queues the layout's sheets, replacing same-named ones. Old sheets are renamed aside first and
 * deleted after the new ones exist, so the workbook never lacks a visible sheet mid-request.
 * With `keepOld` the old sheets stay, renamed "<name>_旧…", and their names are returned;
 * `activate` shows the first visible new sheet.
 * The caller syncs (`b.finish()`).
 */
export async function queueLayout(
  b: Batch,
  layout: WorkbookLayout,
  existing: SheetInfo[],
  keepOld = false,
  activate = false,
): Promise<string[]> {
  const sheets = b.context.workbook.worksheets;
  const names = new Set(existing.map((s) => s.name));
  const aside: Aside[] = [];
  const kept: string[] = [];
  const stamp = Date.now().toString(36);
  for (const sheet of layout.sheets) {
    const info = existing.find((s) => s.name === sheet.name);
    if (!info) continue;
    const old = sheets.getItem(sheet.name);
    // Only a protected sheet is unprotected (office-js #6784); it is deleted or kept as it was.
    if (info.protected) old.protection.unprotect();
    let newName = `~${stamp}${aside.length}`;
    if (keepOld) {
      newName = `${sheet.name}_旧`;
      for (let i = 2; names.has(newName); i++) newName = `${sheet.name}_旧${i}`;
      names.add(newName);
      kept.push(newName);
    }
    old.name = newName.slice(0, 31);
    const a = { ws: old, sheet: newName.slice(0, 31), was: sheet.name, wasProtected: !!info.protected };
    aside.push(a);
    b.aside.push(a);
    // A kept old sheet is protected again at the end, as it was.
    if (keepOld && info.protected) b.protectAtEnd(old, a.sheet);
  }
  const created: Array<[Excel.Worksheet, SheetLayout]> = [];
  for (const sheet of layout.sheets) {
    created.push([sheets.add(sheet.name), sheet]);
    b.created.push(sheet.name);
  }
  for (const [ws, sheet] of created) await renderSheet(b, ws, sheet, layout.styles);
  if (!keepOld)
    for (const a of aside) {
      // Very hidden sheets can't be deleted.
      a.ws.visibility = 'Visible';
      a.ws.delete();
    }
  // Only a fresh workbook jumps to its main sheet; a check's 汇总 refresh leaves the view alone.
  const first = created.find(([, s]) => s.state === 'visible');
  if (activate && first) first[0].activate();
  // Protected at the end of the batch, after every write to them (page setup and breaks included).
  for (const [ws, sheet] of created) if (sheet.protect) b.protectAtEnd(ws, sheet.name);
  return kept;
}

export function protectSheet(ws: Excel.Worksheet): void {
  // No password: it guards against accidents. Filtering, sorting and resizing stay possible.
  ws.protection.protect({
    allowAutoFilter: true,
    allowSort: true,
    allowFormatColumns: true,
    allowFormatRows: true,
    selectionMode: 'Normal',
  });
}

/**
 * Queues a patch: cell values (grouped into rectangles, one write each), styles grouped by style,
 * and whole sheets replaced. Protected sheets are unprotected for the write and protected again.
 */
export async function queuePatch(
  b: Batch,
  patch: WorkbookPatch,
  existing: SheetInfo[],
  protectedSheets: ReadonlySet<string>,
): Promise<void> {
  // Protected sheets are opened once for the whole batch and protected again by b.finish().
  const sheets = b.context.workbook.worksheets;
  const bySheet = new Map<string, CellPatch[]>();
  for (const p of patch.cells) {
    const list = bySheet.get(p.sheet);
    if (list) list.push(p);
    else bySheet.set(p.sheet, [p]);
  }
  for (const [name, cells] of bySheet) {
    const ws = sheets.getItem(name);
    b.open(ws, name, protectedSheets.has(name));
    await queueCellValues(b, ws, cells);
    const byStyle = new Map<string, Array<{ r: number; c: number }>>();
    for (const p of cells) {
      const list = byStyle.get(p.style);
      if (list) list.push(p);
      else byStyle.set(p.style, [p]);
    }
    await applyStyles(b, ws, byStyle, patch.styles);
  }
  if (patch.sheets.length) await queueLayout(b, { sheets: patch.sheets, styles: patch.styles }, existing);
}

/** Values of patched cells: rectangles of cells that all carry a value, each one 2D write. */
async function queueCellValues(b: Batch, ws: Excel.Worksheet, cells: CellPatch[]): Promise<void> {
  const withValue = cells.filter((p) => p.value !== undefined);
  if (!withValue.length) return;
  const at = new Map<string, CellValue>();
  for (const p of withValue) at.set(`${p.r},${p.c}`, p.value as CellValue);
  for (const rect of toRects(withValue)) {
    const rows: Array<Array<string | number | boolean>> = [];
    for (let r = rect.r1; r <= rect.r2; r++) {
      const row: Array<string | number | boolean> = [];
      for (let c = rect.c1; c <= rect.c2; c++) row.push(toExcelValue(at.get(`${r},${c}`) ?? null));
      rows.push(row);
    }
    await writeBlock(b, ws, rect.r1, rect.c1, rows);
  }
}

// ---------- reading ----------

export interface ReadRequest {
  name: string;
  visibility: string;
  used: Excel.Range;
  protection: Excel.WorksheetProtection;
  /** The workbook's date system, probed in the same request (queueDateSystem); absent: the 1900 system. */
  dateSystem?: Excel.FunctionResult<number>;
}

/** A sheet's contents once read: values and number formats from (top, left), 0-based. */
export interface SheetData {
  name: string;
  visibility: string;
  top: number;
  left: number;
  values: unknown[][];
  formats: string[][];
  protected: boolean;
  /** Date-formatted serials count from 1904 (a workbook made on an old Mac). */
  date1904?: boolean;
}

/**
 * Queues the probe for the workbook's date system: DATE(1904,1,1) is day 0 in the 1904 system and day 1462 in
 * the 1900 one. Workbook.use1904DateSystem says so directly, but it is a preview API (no released ExcelApi set
 * has it), and worksheet functions are ExcelApi 1.2, well under the manifest's floor.
 */
function queueDateSystem(context: Excel.RequestContext): Excel.FunctionResult<number> {
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load('value');
  return probe;
}

/** After the sync: true when the probe found the 1904 system. An error result means 1900, Excel's default. */
function is1904(probe: Excel.FunctionResult<number> | undefined): boolean {
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- loaded in queueDateSystem, read after the caller's sync
  return probe !== undefined && probe.value === 0;
}

/** Queues reads of the named sheets' used ranges (values, formats for dates, protection). */
export function queueRead(context: Excel.RequestContext, sheets: SheetInfo[]): ReadRequest[] {
  const dateSystem = queueDateSystem(context);
  return sheets.map((s) => {
    const ws = context.workbook.worksheets.getItem(s.name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('values,numberFormat,rowIndex,columnIndex');
    ws.protection.load('protected');
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- hands on the proxy (a navigation property), read after the caller's sync
    return { name: s.name, visibility: s.visibility, used, protection: ws.protection, dateSystem };
  });
}

/** After the sync: what a queued read brought back. */
export function collect(r: ReadRequest): SheetData {
  const base = {
    name: r.name,
    visibility: r.visibility,
    protected: r.protection.protected,
    date1904: is1904(r.dateSystem),
  };
  if (r.used.isNullObject) return { ...base, top: 0, left: 0, values: [], formats: [] };
  return {
    ...base,
    top: r.used.rowIndex,
    left: r.used.columnIndex,
    values: r.used.values as unknown[][],
    formats: r.used.numberFormat as string[][],
  };
}

/** True for Office.js's "the response would be too large" failure (5 MB on the web). */
export function isResponseTooLarge(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return (
    code === 'ResponsePayloadSizeLimitExceeded' ||
    /ResponsePayloadSizeLimitExceeded/.test(String((e as Error)?.message))
  );
}

/**
 * Reads sheets in row blocks, one block per sync, for workbooks whose used range is too big to come
 * back in one response. Blocks halve when even they are too big.
 */
export async function readInBlocks(
  context: Excel.RequestContext,
  sheets: SheetInfo[],
  rowsPerBlock = 4000,
  responseLimit = PAYLOAD_LIMIT,
): Promise<{ data: SheetData[]; syncs: number }> {
  const heads = sheets.map((s) => {
    const ws = context.workbook.worksheets.getItem(s.name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    ws.protection.load('protected');
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- hands on the proxy (a navigation property), read after the sync below
    return { info: s, ws, used, protection: ws.protection };
  });
  const dateSystem = queueDateSystem(context);
  await context.sync();
  const date1904 = is1904(dateSystem);
  let syncs = 1;
  const data: SheetData[] = [];
  for (const h of heads) {
    const d: SheetData = {
      name: h.info.name,
      visibility: h.info.visibility,
      protected: h.protection.protected,
      date1904,
      top: 0,
      left: 0,
      values: [],
      formats: [],
    };
    data.push(d);
    if (h.used.isNullObject) continue;
    d.top = h.used.rowIndex;
    d.left = h.used.columnIndex;
    const rows = h.used.rowCount;
    const cols = h.used.columnCount;
    let step = rowsPerBlock;
    for (let i = 0; i < rows;) {
      const n = Math.min(step, rows - i);
      const block = h.ws.getRangeByIndexes(d.top + i, d.left, n, cols);
      block.load('values,numberFormat');
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block on purpose: a whole large sheet in one response fails (ResponsePayloadSizeLimitExceeded)
        await context.sync();
        syncs++;
      } catch (e) {
        syncs++;
        if (!isResponseTooLarge(e) || n === 1) throw e;
        step = Math.max(1, Math.floor(n / 2));
        continue;
      }
      const values = block.values as unknown[][];
      const formats = block.numberFormat as string[][];
      d.values.push(...values);
      d.formats.push(...formats);
      i += n;
      // Size the next block from what this one weighed, to fill a response without passing it.
      const perRow = (jsonBytes(values) + jsonBytes(formats)) / n;
      step = Math.max(1, Math.floor((responseLimit * BUDGET_SHARE) / Math.max(1, perRow)));
    }
  }
  return { data, syncs };
}

/** Turns read sheets into grid sheets (0-based from A1; '' → null; date-formatted serials → ISO days in the
 *  workbook's date system; time-only formats keep their number, as the file readers do). */
export function toGrid(data: SheetData[]): GridSheet[] {
  return data.map((r) => {
    const state: GridSheet['state'] =
      r.visibility === 'Hidden' ? 'hidden' : r.visibility === 'VeryHidden' ? 'veryHidden' : 'visible';
    const rows: CellValue[][] = [];
    const percentCells: [number, number][] = [];
    for (let i = 0; i < r.top; i++) rows.push([]);
    r.values.forEach((vrow, i) => {
      const row: CellValue[] = new Array<CellValue>(r.left).fill(null);
      vrow.forEach((v, j) => {
        let out: CellValue;
        if (v === '' || v === undefined || v === null) out = null;
        else if (typeof v === 'number' && serialFormatKind(r.formats[i]?.[j]) === 'date')
          out = serialToIso(v, r.date1904) ?? v;
        else out = v as CellValue;
        if (typeof out === 'number' && isPercentFormat(r.formats[i]?.[j]))
          percentCells.push([r.top + i + 1, r.left + j + 1]);
        row.push(out);
      });
      while (row.length && row[row.length - 1] === null) row.pop();
      rows.push(row);
    });
    while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
    return { name: r.name, state, rows, ...(percentCells.length ? { percentCells } : {}) };
  });
}
