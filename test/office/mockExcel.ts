/// <reference types="office-js" />
// A mock Excel object model for the Office.js adapter, built on office-addin-mock for the load/sync
// state of every readable property. Writes are queued and applied at context.sync(), as Office.js
// does, so a forgotten sync loses data here too. No jest globals: the bench uses it as well.
import { OfficeMockObject } from 'office-addin-mock';
import type { ClientProfile } from './clients';

export type Cell = string | number | boolean | null;

/** office-addin-mock's sentinels for a read without load() or before sync(). */
const SENTINELS = new Set(['Error, property was not loaded', 'Error, context.sync() was not called']);

export interface CellFormat {
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  fontColor?: string;
  fill?: string | null;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  locked?: boolean;
  borders?: Record<string, string>;
}

export interface StoredCell {
  value: Cell;
  numberFormat: string;
  format: CellFormat;
  /** What Excel made of a written string when it is not text: a formula, a date, an error value. */
  typed?: 'Formula' | 'Date' | 'Error' | 'Number' | 'Boolean';
}

export interface StoredValidation {
  address: string;
  rule?: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
  ignoreBlanks?: boolean;
}

export interface StoredSheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, StoredCell>;
  merges: string[];
  colWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  freeze: { rows: number; cols: number } | null;
  protected: boolean;
  protectOptions?: unknown;
  autoFilter: string | null;
  validations: StoredValidation[];
  page: Record<string, unknown>;
  /** Manual page breaks: rows after which a new page starts. */
  rowBreaks: number[];
  handlers: Array<(e: Excel.WorksheetChangedEventArgs) => Promise<unknown> | unknown>;
  /** The double holding the sheet (for its host switches). */
  owner: MockExcel;
}

type Guarded = 'format' | 'merge' | 'validation' | 'filter' | 'columns' | 'rows' | 'print';

/** What a protected sheet refuses, by its protect options (as the UI does; page setup behind a switch). */
function guard(s: StoredSheet, what: Guarded): void {
  if (!s.protected) return;
  const o = (s.protectOptions ?? {}) as Excel.WorksheetProtectionOptions;
  const allowed =
    (what === 'format' && o.allowFormatCells) ||
    (what === 'columns' && o.allowFormatColumns) ||
    (what === 'rows' && o.allowFormatRows) ||
    (what === 'print' && s.owner.printSetupWhenProtected === 'allow');
  if (!allowed) throw fail('AccessDenied', `${what} on protected sheet ${s.name}`);
}

function checkZoom(v: unknown): void {
  const z = (v ?? {}) as { scale?: unknown; horizontalFitToPages?: unknown; verticalFitToPages?: unknown };
  if ('scale' in z && z.scale !== undefined && (typeof z.scale !== 'number' || z.scale < 10 || z.scale > 400))
    throw fail('InvalidArgument', `zoom scale ${String(z.scale)}`);
  for (const k of ['horizontalFitToPages', 'verticalFitToPages'] as const)
    if (z[k] !== undefined && (typeof z[k] !== 'number' || (z[k] as number) < 0))
      throw fail('InvalidArgument', `zoom ${k} ${String(z[k])}`);
}

export interface MockStats {
  syncs: number;
  /** Estimated request bytes of every sync, in order. */
  payloads: number[];
  /** Queued operations of every sync. */
  ops: number[];
  /** Reads of a property that was not loaded (or not yet synced): always a bug in the adapter. */
  unloadedReads: string[];
  suspendCalc: number;
  suspendScreen: number;
  /** Value writes, as [sheet, address] (one per range write, not per cell). */
  valueWrites: Array<[string, string]>;
  selected: string | null;
  /** Times the user's undo stack was cleared (Microsoft's list of APIs without undo; every write before ExcelApi 1.20). */
  undoCleared: number;
  /** protect()/unprotect() calls that reached Excel, as [sheet, call], in order. */
  protection: Array<[string, 'protect' | 'unprotect']>;
  /** Every RichApi.Error the double raised, in order. */
  errors: RichApiError[];
}

export interface MockOptions {
  /** Request payload limit in bytes (Excel on the web: 5 MB). */
  payloadLimit?: number;
  /** Supported ExcelApi minor versions, e.g. 13 means ExcelApi 1.1–1.13 (default: the client's, else 13). */
  apiMinor?: number;
  /** The Excel client modelled: its API sets, platform and webview (clients.ts). */
  client?: ClientProfile;
  /** unprotect() on an unprotected sheet: a no-op (historic) or AccessDenied (office-js #6784 regression). */
  unprotectUnprotected?: 'noop' | 'throw';
  /** Host quirk (office-js #1860): "fit to N pages wide" is silently not applied. */
  fitToPagesDropped?: boolean;
  /** Page breaks, page layout and headers on a protected sheet: refused (default) or allowed. Unconfirmed in
   *  real Excel either way, so the adapter must not depend on it. */
  printSetupWhenProtected?: 'throw' | 'allow';
  /** Response payload limit in bytes (Excel on the web: 5 MB); reads above it fail. */
  responseLimit?: number;
  /** The workbook counts dates from 1904 (Excel for Mac before 2011; File → Options → "Use 1904 date system"). */
  date1904?: boolean;
}

// ---------- addresses ----------

export function colLetters(c: number): string {
  let s = '';
  let n = c;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function key(r: number, c: number): string {
  return `${r},${c}`;
}

interface Box {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function parseRef(ref: string): { r: number; c: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.trim().toUpperCase());
  if (!m) throw fail('InvalidArgument', `bad cell reference ${ref}`);
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]), c };
}

/** "A1", "A1:B3", "Sheet!A1:B3" (sheet part ignored), "$1:$4" (whole rows). */
export function parseBox(address: string): Box {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(bare);
  if (rows) return { r1: Number(rows[1]), c1: 1, r2: Number(rows[2]), c2: 16384 };
  const [a, b] = bare.split(':');
  const p = parseRef(a);
  const q = b ? parseRef(b) : p;
  return { r1: Math.min(p.r, q.r), c1: Math.min(p.c, q.c), r2: Math.max(p.r, q.r), c2: Math.max(p.c, q.c) };
}

export function boxAddress(b: Box): string {
  const a = `${colLetters(b.c1)}${b.r1}`;
  return b.r1 === b.r2 && b.c1 === b.c2 ? a : `${a}:${colLetters(b.c2)}${b.r2}`;
}

/** What Office.js rejects with: `name` 'RichApi.Error', a `code`, and `debugInfo`, raised at sync(). */
export class RichApiError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

const MESSAGES: Record<string, string> = {
  AccessDenied: 'You cannot perform the requested operation.',
  InvalidOperationInCellEditMode:
    'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: 'The resource being created already exists.',
  InvalidOperation: 'The requested operation is invalid.',
  ApiNotFound: 'The API you are trying to use could not be found.',
  UndoNotSupported: "The operation can't be grouped for undo.",
  PropertyNotLoaded:
    'The property is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  InvalidRequestContext: 'Cannot use the object across different request contexts.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
};

/** A RichApi.Error with Excel's sentence as the message; the detail goes to debugInfo.errorLocation. */
export function fail(code: string, detail: string): RichApiError {
  return new RichApiError(code, MESSAGES[code] ?? 'GeneralException', detail);
}

const ERROR_VALUES = ['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!'];
const MONTH =
  '(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)';
/** Full-width digits and signs (what a Chinese IME types) read as ASCII, as Excel does. */
const halfWidth = (s: string) =>
  s.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

/** Excel's serial day for a date (1900 system). */
function serial(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / 86400000) + 25569;
}

/** What Excel stores for a value written through `values` (or typed): a model of the Range.values docs
 *  and of Excel's parsing of typed text, independent of the adapter's own guard. */
export function excelCoerce(v: unknown): { value: Cell; typed?: StoredCell['typed']; numberFormat?: string } {
  if (typeof v === 'number') return { value: v, typed: 'Number' };
  if (typeof v === 'boolean') return { value: v, typed: 'Boolean' };
  if (typeof v !== 'string') return { value: v as Cell };
  if (v.length > 32767) throw fail('InvalidArgument', `text of ${v.length} characters (Excel's limit is 32,767)`);
  // A leading apostrophe is the quote prefix: it makes the rest text, and is not part of the value.
  if (v.startsWith("'")) return { value: v.slice(1) };
  if (v === '') return { value: null };
  const t = halfWidth(v).trim();
  const num = (x: string): number | null => {
    const m = /^([+-]?)[$¥]?((\d{1,3}(,\d{3})+|\d+)(\.\d*)?|\.\d+)(e[+-]?\d+)?(%?)$/i.exec(x);
    if (!m) return null;
    const n = Number((m[1] + x.slice(m[1].length)).replace(/[$¥,%]/g, ''));
    return Number.isFinite(n) ? (m[7] ? n / 100 : n) : null;
  };
  const n = num(t);
  if (n !== null) return { value: n, typed: 'Number' };
  const paren = /^\((.+)\)$/.exec(t);
  if (paren && num(paren[1]) !== null) return { value: -(num(paren[1]) as number), typed: 'Number' };
  if (/^[=+\-@]/.test(t)) return { value: `#FORMULA(${v})`, typed: 'Formula' };
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === 'TRUE', typed: 'Boolean' };
  if (ERROR_VALUES.includes(t.toUpperCase())) return { value: t.toUpperCase(), typed: 'Error' };
  const date = (y: number, m: number, d: number) => ({
    value: serial(y, m, d),
    typed: 'Date' as const,
    numberFormat: 'yyyy/m/d',
  });
  const year = new Date().getFullYear();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (m) return date(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/-](\d{1,2})([/-](\d{2,4}))?$/.exec(t) ?? /^(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (m && +m[1] <= 12 && +m[2] <= 31) return date(m[4] ? +m[4] : year, +m[1], +m[2]);
  const month = (name: string) =>
    ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(
      name.slice(0, 3).toLowerCase(),
    ) + 1;
  m = new RegExp(`^${MONTH}[ -](\\d{1,2})(,? (\\d{4}))?$`, 'i').exec(t);
  if (m) return date(m[m.length - 1] ? +m[m.length - 1] : year, month(m[1]), +m[m.length - 3]);
  m = new RegExp(`^(\\d{1,2})[ -]${MONTH}([ -](\\d{2,4}))?$`, 'i').exec(t);
  if (m) return date(m[m.length - 1] ? +m[m.length - 1] : year, month(m[2]), +m[1]);
  if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(t)) return { value: 0.5, typed: 'Date', numberFormat: 'h:mm' };
  return { value: v };
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The value Excel keeps for a typed or written value. */
function coerce(v: unknown): Cell {
  return excelCoerce(v).value;
}

/** Request bytes of a value: JSON, UTF-8 encoded (CJK text is 3 bytes a character). */
function bytes(x: unknown): number {
  const s = JSON.stringify(x ?? null);
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7ff) n += 2;
    else if (c > 0x7f) n += 1;
  }
  return n;
}

// ---------- the mock ----------

type Op = () => void;

export class MockExcel {
  readonly sheets: StoredSheet[] = [];
  readonly stats: MockStats = {
    syncs: 0,
    payloads: [],
    ops: [],
    unloadedReads: [],
    suspendCalc: 0,
    suspendScreen: 0,
    valueWrites: [],
    selected: null,
    undoCleared: 0,
    protection: [],
    errors: [],
  };
  readonly payloadLimit: number;
  readonly responseLimit: number;
  readonly apiMinor: number;
  readonly platform: ClientProfile['platform'];
  readonly unprotectUnprotected: 'noop' | 'throw';
  readonly printSetupWhenProtected: 'throw' | 'allow';
  readonly fitToPagesDropped: boolean;
  readonly date1904: boolean;
  enableEvents = true;
  /** The user is typing in a cell: batches fail unless run with delayForCellEdit (then they wait). */
  editing = false;
  private editEnded: Array<() => void> = [];
  /** Injected failures, in order: the first queued operation with the first entry's label fails at sync with
   *  its code (after skipping `after` such operations). Tests of partial failure. */
  failOn: Array<{ label: string; code: string; after?: number }> = [];
  /** The sheet the user sees (activate() changes it). */
  active: StoredSheet | null = null;
  private nextId = 1;

  constructor(opts: MockOptions = {}) {
    this.payloadLimit = opts.payloadLimit ?? 5 * 1024 * 1024;
    this.responseLimit = opts.responseLimit ?? 5 * 1024 * 1024;
    this.apiMinor = opts.apiMinor ?? opts.client?.excelApi ?? 13;
    this.platform = opts.client?.platform ?? 'PC';
    this.unprotectUnprotected = opts.unprotectUnprotected ?? 'throw';
    this.printSetupWhenProtected = opts.printSetupWhenProtected ?? 'throw';
    this.fitToPagesDropped = opts.fitToPagesDropped ?? false;
    this.date1904 = opts.date1904 ?? false;
    // Checked after every test by test/office/setup.ts: reads before load() are always adapter bugs.
    doubles().push(this);
  }

  /** The user starts typing in a cell (Excel's cell-edit mode). */
  startEditing(): void {
    this.editing = true;
  }

  /** The user presses Enter: batches waiting with delayForCellEdit go ahead. */
  stopEditing(): void {
    this.editing = false;
    const waiting = this.editEnded;
    this.editEnded = [];
    for (const go of waiting) go();
  }

  /** Resolves when cell-edit mode ends. */
  whenNotEditing(): Promise<void> {
    if (!this.editing) return Promise.resolve();
    return new Promise((res) => this.editEnded.push(res));
  }

  /** Undo support for API calls came with ExcelApi 1.20; before it any write clears the user's undo stack. */
  get apiUndo(): boolean {
    return this.apiMinor >= 20;
  }

  isSetSupported = (name: string, version?: string): boolean => {
    if (name !== 'ExcelApi') return false;
    const minor = Number((version ?? '1.1').split('.')[1] ?? 0);
    return minor <= this.apiMinor;
  };

  addSheet(name: string, visibility: StoredSheet['visibility'] = 'Visible'): StoredSheet {
    if (this.sheets.some((s) => s.name === name)) throw fail('ItemAlreadyExists', `${name}`);
    const s: StoredSheet = {
      id: `{sheet-${this.nextId++}}`,
      name,
      visibility,
      cells: new Map(),
      merges: [],
      colWidths: new Map(),
      rowHeights: new Map(),
      freeze: null,
      protected: false,
      autoFilter: null,
      validations: [],
      page: {},
      rowBreaks: [],
      handlers: [],
      owner: this,
    };
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): StoredSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw fail('ItemNotFound', `worksheet ${name}`);
    return s;
  }

  cell(sheet: string | StoredSheet, r: number, c: number): StoredCell | undefined {
    const s = typeof sheet === 'string' ? this.sheet(sheet) : sheet;
    return s.cells.get(key(r, c));
  }

  value(sheet: string, r: number, c: number): Cell {
    return this.cell(sheet, r, c)?.value ?? null;
  }

  /** Sets cell values directly, as a person typing would (strings coerced like Excel). */
  type(sheet: string, r: number, c: number, v: unknown): void {
    const s = this.sheet(sheet);
    const cell = this.ensure(s, r, c);
    cell.value = coerce(v);
  }

  /** A person edits cells: values change and the sheet's onChanged handlers run. */
  /** `address` may be a cell, a block, whole rows ("5:7"), whole columns ("K:K") or several areas ("K5,K7");
   *  `values` is a grid for one area, one grid per area, or one value for every cell of each area
   *  (e.g. Ctrl+Enter over a multi-selection, or clearing a column). One event with the whole address. */
  async edit(sheet: string, address: string, values: unknown): Promise<void> {
    const s = this.sheet(sheet);
    const areas = address.split(',');
    areas.forEach((area, k) => {
      const b = parseArea(area);
      const grid = Array.isArray(values)
        ? areas.length > 1 && Array.isArray(values[0]?.[0])
          ? values[k]
          : values
        : null;
      const cellsIn: Array<[number, number]> = [];
      if (b.r2 - b.r1 > 10000 || b.c2 - b.c1 > 1000) {
        // A whole row or column: only cells that exist can change.
        for (const key0 of s.cells.keys()) {
          const [r, c] = key0.split(',').map(Number);
          if (r >= b.r1 && r <= b.r2 && c >= b.c1 && c <= b.c2) cellsIn.push([r, c]);
        }
      } else for (let r = b.r1; r <= b.r2; r++) for (let c = b.c1; c <= b.c2; c++) cellsIn.push([r, c]);
      for (const [r, c] of cellsIn) {
        const v = grid ? (grid as unknown[][])[r - b.r1]?.[c - b.c1] : values;
        const out = excelCoerce(v);
        const cell = this.ensure(s, r, c);
        cell.value = out.value;
        cell.typed = out.typed;
      }
    });
    await this.fire(s, address, 'Local');
  }

  /** Excel reports a change with this address (after `type`, e.g. a paste reported as whole columns). */
  async notify(sheet: string, address: string, source: 'Local' | 'Remote' = 'Local'): Promise<void> {
    await this.fire(this.sheet(sheet), address, source);
  }

  private async fire(s: StoredSheet, address: string, source: 'Local' | 'Remote'): Promise<void> {
    // Handlers of a deleted sheet stay in memory but never fire.
    if (!this.sheets.includes(s)) return;
    for (const h of [...s.handlers])
      await h({
        address,
        worksheetId: s.id,
        changeType: 'RangeEdited',
        source,
        type: 'WorksheetChanged',
      } as unknown as Excel.WorksheetChangedEventArgs);
  }

  ensure(s: StoredSheet, r: number, c: number): StoredCell {
    let cell = s.cells.get(key(r, c));
    if (!cell) {
      cell = { value: null, numberFormat: 'General', format: {} };
      s.cells.set(key(r, c), cell);
    }
    return cell;
  }

  /** Used range in 1-based coordinates over non-empty values, or null. */
  usedBox(s: StoredSheet): Box | null {
    let box: Box | null = null;
    for (const [k, cell] of s.cells) {
      if (cell.value === null || cell.value === '') continue;
      const [r, c] = k.split(',').map(Number);
      if (!box) box = { r1: r, c1: c, r2: r, c2: c };
      else {
        box.r1 = Math.min(box.r1, r);
        box.c1 = Math.min(box.c1, c);
        box.r2 = Math.max(box.r2, r);
        box.c2 = Math.max(box.c2, c);
      }
    }
    return box;
  }

  /** A fresh request context, like Excel.run gives. */
  context(): MockContext {
    return new MockContext(this);
  }

  /** Excel.run over this mock: run(fn), run(options, fn), and run(context, fn) (an event handler's context). */
  run: {
    <T>(fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
    <T>(options: unknown, fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  } = async <T>(a: unknown, b?: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const fn = (typeof a === 'function' ? a : b) as (ctx: Excel.RequestContext) => Promise<T>;
    let ctx: MockContext;
    if (a instanceof MockContext) ctx = a;
    else {
      ctx = this.context();
      if (a && typeof a === 'object') ctx.options = a as RunOptions;
    }
    ctx.open++;
    try {
      const out = await fn(ctx as unknown as Excel.RequestContext);
      // Excel.run syncs what is still queued when the function returns.
      if (ctx.pending > 0) await ctx.sync();
      return out;
    } finally {
      ctx.open--;
      ctx.finished = true;
    }
  };

  // Used by the context at sync.
  afterWrites: Array<{ sheet: StoredSheet; address: string }> = [];
  /** Events of a sync's writes reach handlers after the sync has resolved, as in Excel. */
  private eventsQueued: Promise<void> = Promise.resolve();
  flushEvents(): void {
    const pending = this.afterWrites;
    this.afterWrites = [];
    if (!pending.length) return;
    this.eventsQueued = this.eventsQueued
      .then(() => new Promise<void>((res) => setImmediate(res)))
      .then(async () => {
        for (const w of pending) await this.fire(w.sheet, w.address, 'Local');
      });
  }
  /** Waits for change events raised by earlier syncs to be delivered. */
  eventsDelivered(): Promise<void> {
    return this.eventsQueued;
  }
}

export interface RunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

/** Every double made in the current test (test/office/setup.ts checks and clears them after each test). */
export function doubles(): MockExcel[] {
  const g = globalThis as unknown as { __tuijinOfficeDoubles?: MockExcel[] };
  return (g.__tuijinOfficeDoubles ??= []);
}

/** An address area: "A1", "A1:B3", "5:7" (rows), "K:M" (columns), sheet part ignored. */
export function parseArea(address: string): Box {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const cols = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(bare.trim());
  if (cols) {
    const c = (x: string) => parseRef(`${x}1`).c;
    return { r1: 1, c1: c(cols[1]), r2: 1048576, c2: c(cols[2]) };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(bare.trim());
  if (rows) return { r1: Number(rows[1]), c1: 1, r2: Number(rows[2]), c2: 16384 };
  return parseBox(bare);
}

/** A readable proxy's loadable state, held by an office-addin-mock object. */
class Loadable {
  readonly mock: OfficeMockObject;
  constructor(
    private readonly ctx: MockContext,
    private readonly what: string,
    private readonly keys: string[],
    private readonly snapshot: () => Record<string, unknown>,
  ) {
    const init: Record<string, unknown> = {};
    for (const k of keys) init[k] = 0;
    this.mock = new OfficeMockObject(init);
  }

  load(arg?: string | string[] | Record<string, unknown>): void {
    const names = this.mark(arg);
    this.ctx.queue(() => this.capture(names), names.length * 16, 'load', 'read');
  }

  /** Marks properties as requested (office-addin-mock: "sync not called" until the sync). */
  mark(arg?: string | string[] | Record<string, unknown>): string[] {
    let names: string[];
    if (arg === undefined) names = this.keys;
    else if (typeof arg === 'string') names = arg.split(',').map((s) => s.trim());
    else if (Array.isArray(arg)) names = arg;
    else names = Object.keys(arg);
    names = names.filter((n) => this.keys.includes(n));
    for (const n of names) (this.mock as unknown as { load(p: string): void }).load(n);
    return names;
  }

  /** Runs during sync, at the load's place in the queue: the values as of that point. */
  capture(names: string[]): void {
    const snap = this.snapshot();
    for (const n of names) this.ctx.responseBytes += n === 'items' ? 100 : bytes(snap[n]);
    for (const n of names) {
      (this.mock as unknown as { setValue(k: string, v: unknown): void }).setValue(n, snap[n]);
      (this.mock as unknown as { load(p: string): void }).load(n);
    }
    this.ctx.resolvers.push(this.mock);
  }

  get(k: string): unknown {
    const v = (this.mock as unknown as Record<string, unknown>)[k];
    if (typeof v === 'string' && SENTINELS.has(v)) {
      this.ctx.mock.stats.unloadedReads.push(`${this.what}.${k}`);
      throw fail('PropertyNotLoaded', `${this.what}.${k} (${v})`);
    }
    return v;
  }
}

/** How an operation bears on the undo stack: a read, an undoable write, or a write Excel can't undo. */
type UndoKind = 'read' | 'write' | 'no-undo';

export class MockContext {
  private ops: Array<{ run: Op; bytes: number; label: string; undo: UndoKind }> = [];
  options: RunOptions = {};
  /** Excel.run calls currently running on this context. */
  open = 0;
  /** Its Excel.run has returned: objects from it can't be used in a new batch except through run(context, …). */
  finished = false;
  resolvers: OfficeMockObject[] = [];
  responseBytes = 0;
  readonly workbook: MockWorkbook;
  readonly runtime: { enableEvents: boolean };
  readonly application: {
    suspendApiCalculationUntilNextSync(): void;
    suspendScreenUpdatingUntilNextSync(): void;
  };
  constructor(readonly mock: MockExcel) {
    const runtime = {} as { enableEvents: boolean };
    Object.defineProperty(runtime, 'enableEvents', {
      set: (v: boolean) => {
        this.queue(
          () => {
            mock.enableEvents = v;
          },
          40,
          'enableEvents',
          'read',
        );
      },
      get() {
        throw fail('PropertyNotLoaded', 'runtime.enableEvents');
      },
    });
    this.runtime = runtime;
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        this.queue(
          () => {
            mock.stats.suspendCalc++;
          },
          40,
          'suspend',
          'read',
        );
      },
      suspendScreenUpdatingUntilNextSync: () => {
        this.queue(
          () => {
            if (mock.apiMinor < 9) throw fail('ApiNotFound', 'suspendScreenUpdatingUntilNextSync');
            mock.stats.suspendScreen++;
          },
          40,
          'suspend',
          'read',
        );
      },
    };
    this.workbook = new MockWorkbook(this);
  }

  /** Queues an operation for the next sync. `label` names it for failure injection; `undo` says whether
   *  Excel can undo it (Microsoft's "unsupported APIs" list: protect, unprotect, delete, name, visibility). */
  queue(run: Op, payload: number, label = 'op', undo: UndoKind = 'write'): void {
    this.ops.push({ run, bytes: payload + 60, label, undo });
  }

  get pending(): number {
    return this.ops.length;
  }

  private raise(e: RichApiError): never {
    this.mock.stats.errors.push(e);
    throw e;
  }

  async sync(): Promise<void> {
    const mock = this.mock;
    if (this.finished && this.open === 0) {
      // A context whose Excel.run has returned: Office.js has released its objects. Handlers are removed
      // through Excel.run(handlerResult.context, …) (EventHandlerResult docs).
      this.ops = [];
      this.raise(fail('InvalidRequestContext', 'sync() on a context whose Excel.run has finished'));
    }
    if (mock.editing) {
      if (!this.options.delayForCellEdit) {
        this.ops = [];
        this.resolvers = [];
        mock.stats.syncs++;
        this.raise(fail('InvalidOperationInCellEditMode', 'the user is editing a cell'));
      }
      await mock.whenNotEditing();
    }
    const ops = this.ops;
    this.ops = [];
    const total = ops.reduce((a, o) => a + o.bytes, 0);
    mock.stats.syncs++;
    mock.stats.payloads.push(total);
    mock.stats.ops.push(ops.length);
    if (total > mock.payloadLimit) {
      this.resolvers = [];
      this.raise(fail('RequestPayloadSizeLimitExceeded', `${total} bytes`));
    }
    this.responseBytes = 0;
    let wrote = false;
    try {
      // In order; the first failure stops the batch: what ran stays applied, the rest is dropped.
      for (const o of ops) {
        if (o.undo === 'no-undo' && this.options.mergeUndoGroup && mock.apiUndo)
          throw fail('UndoNotSupported', `${o.label} can't be part of an undo group`);
        const f = mock.failOn[0];
        if (f && f.label === o.label) {
          if (!f.after) {
            mock.failOn.shift();
            throw fail(f.code, `injected failure at ${o.label}`);
          }
          f.after--;
        }
        o.run();
        if (o.undo === 'no-undo') mock.stats.undoCleared++;
        if (o.undo !== 'read') wrote = true;
      }
    } catch (e) {
      this.resolvers = [];
      if (wrote && !mock.apiUndo) mock.stats.undoCleared++;
      mock.flushEvents();
      if (e instanceof RichApiError) this.raise(e);
      throw e;
    }
    // Before ExcelApi 1.20 a batch that changes the workbook leaves nothing for the user to undo.
    if (wrote && !mock.apiUndo) mock.stats.undoCleared++;
    const resolvers = this.resolvers;
    this.resolvers = [];
    if (this.responseBytes > mock.responseLimit)
      this.raise(fail('ResponsePayloadSizeLimitExceeded', `${this.responseBytes} bytes`));
    for (const r of resolvers) await r.sync();
    // office-addin-mock settles nested properties a microtask later.
    await new Promise((res) => setImmediate(res));
    mock.flushEvents();
  }
}

/** Excel's DATE(y, m, d) as the serial it returns in the workbook's date system (1900: day 1 is 1900-01-01 and
 *  1900-02-29 is counted; 1904: day 0 is 1904-01-01). Months and days past their end roll over, as in Excel. */
function excelDate(y: number, m: number, d: number, date1904: boolean): number {
  const utcDays = Date.UTC(y, m - 1, d) / 86400000;
  if (date1904) return utcDays - Date.UTC(1904, 0, 1) / 86400000;
  const days = utcDays - Date.UTC(1899, 11, 31) / 86400000;
  return days >= 60 ? days + 1 : days;
}

/** Workbook.functions: worksheet functions evaluated at sync (ExcelApi 1.2); only DATE is modelled. */
class MockFunctions {
  constructor(private readonly ctx: MockContext) {}
  date(year: number, month: number, day: number): { value: number; error: string; load(arg?: string): void } {
    const ctx = this.ctx;
    const state = new Loadable(ctx, 'functionResult', ['value', 'error'], () => {
      if (ctx.mock.apiMinor < 2) throw fail('ApiNotFound', 'workbook.functions');
      return { value: excelDate(year, month, day, ctx.mock.date1904), error: '' };
    });
    return {
      get value() {
        return state.get('value') as number;
      },
      get error() {
        return state.get('error') as string;
      },
      load: (arg?: string) => state.load(arg),
    };
  }
}

class MockWorkbook {
  readonly worksheets: MockWorksheetCollection;
  readonly application: MockContext['application'];
  readonly functions: MockFunctions;
  constructor(readonly ctx: MockContext) {
    this.worksheets = new MockWorksheetCollection(ctx);
    this.application = ctx.application;
    this.functions = new MockFunctions(ctx);
  }
  getSelectedRange(): never {
    throw new Error('not mocked');
  }
}

class MockWorksheetCollection {
  private readonly state: Loadable;
  private snapshotItems: MockWorksheet[] = [];
  constructor(private readonly ctx: MockContext) {
    this.state = new Loadable(ctx, 'worksheets', ['items'], () => ({ items: this.snapshotItems }));
  }

  /** Loads 'items/name,items/visibility' and the like. */
  load(arg?: string): this {
    const props = (arg ?? 'items/name')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.startsWith('items/'))
      .map((s) => s.slice(6));
    const items: MockWorksheet[] = [];
    this.ctx.queue(
      () => {
        items.length = 0;
        for (const s of this.ctx.mock.sheets) {
          const w = new MockWorksheet(this.ctx, () => s);
          items.push(w);
        }
        this.snapshotItems = items;
      },
      40,
      'load',
      'read',
    );
    this.state.load('items');
    // Load the items' properties after the snapshot op has run.
    this.ctx.queue(
      () => {
        for (const w of items) w.loadNow(props);
      },
      0,
      'load',
      'read',
    );
    return this;
  }

  get items(): MockWorksheet[] {
    return this.state.get('items') as MockWorksheet[];
  }

  add(name: string): MockWorksheet {
    let stored: StoredSheet | undefined;
    this.ctx.queue(
      () => {
        if (!name.trim() || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name))
          throw fail('InvalidArgument', `sheet name ${name}`);
        if (this.ctx.mock.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase()))
          throw fail('ItemAlreadyExists', name);
        stored = this.ctx.mock.addSheet(name);
      },
      bytes(name),
      'add',
    );
    return new MockWorksheet(this.ctx, () => {
      if (!stored) throw fail('InvalidOperation', 'sheet used before sync');
      return stored;
    });
  }

  getItem(name: string): MockWorksheet {
    return this.bind(name, false);
  }

  getActiveWorksheet(): MockWorksheet {
    let stored: StoredSheet | undefined;
    this.ctx.queue(
      () => {
        stored = this.ctx.mock.active ?? this.ctx.mock.sheets.find((s) => s.visibility === 'Visible');
      },
      20,
      'getActiveWorksheet',
      'read',
    );
    return new MockWorksheet(this.ctx, () => {
      if (!stored) throw fail('ItemNotFound', 'no active sheet');
      return stored;
    });
  }

  getItemOrNullObject(name: string): MockWorksheet {
    return this.bind(name, true);
  }

  private bind(name: string, nullable: boolean): MockWorksheet {
    let stored: StoredSheet | undefined;
    let bound = false;
    this.ctx.queue(
      () => {
        stored = this.ctx.mock.sheets.find((s) => s.name === name);
        bound = true;
        if (!stored && !nullable) throw fail('ItemNotFound', `worksheet ${name}`);
      },
      bytes(name),
      'getItem',
      'read',
    );
    const ws = new MockWorksheet(
      this.ctx,
      () => {
        if (!bound) throw fail('InvalidOperation', 'sheet used before sync');
        if (!stored) throw fail('ItemNotFound', `worksheet ${name} (null object)`);
        return stored;
      },
      () => !stored,
    );
    // isNullObject needs no load(), only a sync.
    if (nullable) ws.autoNull();
    return ws;
  }
}

class MockWorksheet {
  private readonly state: Loadable;
  readonly protection: {
    protect(options?: unknown): void;
    unprotect(): void;
    load(p: string): void;
    readonly protected: boolean;
  };
  readonly freezePanes: { freezeRows(n: number): void; freezeAt(r: unknown): void; unfreeze(): void };
  readonly autoFilter: { apply(range: unknown): void; remove(): void };
  readonly pageLayout: Record<string, unknown>;
  readonly horizontalPageBreaks: { add(range: unknown): void; removePageBreaks(): void };
  readonly onChanged: { add(h: StoredSheet['handlers'][number]): { context: MockContext; remove(): void } };

  constructor(
    private readonly ctx: MockContext,
    readonly resolve: () => StoredSheet,
    isNull: () => boolean = () => false,
  ) {
    this.state = new Loadable(ctx, 'worksheet', ['name', 'visibility', 'id', 'isNullObject', 'position'], () => {
      if (isNull()) return { isNullObject: true };
      const s = resolve();
      return {
        name: s.name,
        visibility: s.visibility,
        id: s.id,
        isNullObject: false,
        position: ctx.mock.sheets.indexOf(s),
      };
    });
    const q = (run: (s: StoredSheet) => void, payload = 40, label = 'op', undo: UndoKind = 'write') =>
      ctx.queue(() => run(resolve()), payload, label, undo);
    const mock = ctx.mock;
    this.protState = new Loadable(ctx, 'protection', ['protected'], () => ({ protected: resolve().protected }));
    const protState = this.protState;
    this.protection = {
      protect(options?: unknown) {
        q(
          (s) => {
            // "Fails if the worksheet has already been protected" (WorksheetProtection.protect).
            if (s.protected) throw fail('AccessDenied', `${s.name} is already protected`);
            s.protected = true;
            s.protectOptions = options;
            mock.stats.protection.push([s.name, 'protect']);
          },
          bytes(options),
          'protect',
          'no-undo',
        );
      },
      unprotect() {
        q(
          (s) => {
            // office-js #6784: on some builds unprotect() of an unprotected sheet throws.
            if (!s.protected && mock.unprotectUnprotected === 'throw')
              throw fail('AccessDenied', `${s.name} is not protected`);
            s.protected = false;
            mock.stats.protection.push([s.name, 'unprotect']);
          },
          40,
          'unprotect',
          'no-undo',
        );
      },
      load(p: string) {
        protState.load(p);
      },
      get protected() {
        return protState.get('protected') as boolean;
      },
    };
    this.freezePanes = {
      freezeRows(n: number) {
        q((s) => {
          s.freeze = { rows: n, cols: 0 };
        });
      },
      freezeAt(r: unknown) {
        const box = (r as MockRange).box;
        q((s) => {
          s.freeze = { rows: box.r2, cols: box.c2 };
        });
      },
      unfreeze() {
        q((s) => {
          s.freeze = null;
        });
      },
    };
    const minor = ctx.mock.apiMinor;
    this.autoFilter = {
      apply(range: unknown) {
        const a = typeof range === 'string' ? range : boxAddress((range as MockRange).box);
        q(
          (s) => {
            // allowAutoFilter lets people use an existing filter; a new one can't be applied.
            guard(s, 'filter');
            s.autoFilter = a;
          },
          bytes(a),
          'autoFilter',
        );
      },
      remove() {
        q(
          (s) => {
            guard(s, 'filter');
            s.autoFilter = null;
          },
          40,
          'autoFilter',
        );
      },
    };
    this.pageLayout = makePageLayout(ctx, q, minor, resolve);
    this.horizontalPageBreaks = {
      add(range: unknown) {
        const top = typeof range === 'string' ? parseBox(range).r1 : (range as MockRange).box.r1;
        q(
          (s) => {
            guard(s, 'print');
            s.rowBreaks.push(top - 1);
          },
          40,
          'pageBreak',
        );
      },
      removePageBreaks() {
        q(
          (s) => {
            guard(s, 'print');
            s.rowBreaks = [];
          },
          40,
          'pageBreak',
        );
      },
    };
    this.onChanged = {
      add(h) {
        q(
          (s) => {
            s.handlers.push(h);
          },
          40,
          'onChanged',
          'read',
        );
        return {
          // EventHandlerResult: "the same RequestContext … must be used when removing the handler".
          context: ctx,
          remove() {
            q(
              (s) => {
                s.handlers = s.handlers.filter((x) => x !== h);
              },
              40,
              'onChanged',
              'read',
            );
          },
        };
      },
    };
  }

  readonly protState: Loadable;

  autoNull(): void {
    const names = this.state.mark(['isNullObject']);
    this.ctx.queue(() => this.state.capture(names), 0, 'load', 'read');
  }

  loadNow(props: string[]): void {
    // Used by the collection while its snapshot op runs during sync ('protection/protected' included).
    if (props.includes('protection/protected')) this.protState.capture(this.protState.mark(['protected']));
    const own = props.filter((p) => !p.includes('/'));
    this.state.capture(this.state.mark(own.length ? own : ['name']));
  }

  load(arg?: string): this {
    this.state.load(arg);
    return this;
  }
  get name(): string {
    return this.state.get('name') as string;
  }
  set name(v: string) {
    this.ctx.queue(
      () => {
        const s = this.resolve();
        if (this.ctx.mock.sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase()))
          throw fail('ItemAlreadyExists', `${v}`);
        if (!v.trim() || v.length > 31 || /[[\]:*?/\\]/.test(v) || /^'|'$/.test(v))
          throw fail('InvalidArgument', `sheet name ${v}`);
        s.name = v;
      },
      bytes(v),
      'name',
      'no-undo',
    );
  }
  get id(): string {
    return this.state.get('id') as string;
  }
  get isNullObject(): boolean {
    return this.state.get('isNullObject') as boolean;
  }
  get visibility(): string {
    return this.state.get('visibility') as string;
  }
  set visibility(v: string) {
    this.ctx.queue(
      () => {
        this.resolve().visibility = v as StoredSheet['visibility'];
      },
      bytes(v),
      'visibility',
      'no-undo',
    );
  }
  set position(v: number) {
    this.ctx.queue(() => {
      const s = this.resolve();
      const all = this.ctx.mock.sheets;
      all.splice(all.indexOf(s), 1);
      all.splice(Math.min(v, all.length), 0, s);
    }, 20);
  }
  get position(): number {
    return this.state.get('position') as number;
  }
  delete(): void {
    this.ctx.queue(
      () => {
        const s = this.resolve();
        const all = this.ctx.mock.sheets;
        if (all.filter((x) => x !== s && x.visibility === 'Visible').length === 0)
          throw fail('InvalidOperation', 'cannot delete the last visible sheet');
        if (s.visibility === 'VeryHidden') throw fail('InvalidOperation', 'a very hidden sheet cannot be deleted');
        all.splice(all.indexOf(s), 1);
      },
      20,
      'delete',
      'no-undo',
    );
  }
  activate(): void {
    this.ctx.queue(
      () => {
        this.ctx.mock.active = this.resolve();
      },
      20,
      'activate',
      'read',
    );
  }
  getRange(address?: string): MockRange {
    return new MockRange(this.ctx, this, address ? parseBox(address) : { r1: 1, c1: 1, r2: 1, c2: 1 });
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): MockRange {
    if (rows < 1 || cols < 1) throw fail('InvalidArgument', 'empty range');
    return new MockRange(this.ctx, this, { r1: r + 1, c1: c + 1, r2: r + rows, c2: c + cols });
  }
  getRanges(address: string): MockRangeAreas {
    if (address.length > 8192) throw fail('InvalidArgument', `address of ${address.length} characters`);
    return new MockRangeAreas(
      this.ctx,
      address.split(',').map((a) => new MockRange(this.ctx, this, parseBox(a))),
      address,
    );
  }
  getUsedRange(valuesOnly?: boolean): MockRange {
    return this.used(valuesOnly, false);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): MockRange {
    return this.used(valuesOnly, true);
  }
  private used(_valuesOnly: boolean | undefined, nullable: boolean): MockRange {
    let box: Box | null = null;
    this.ctx.queue(
      () => {
        box = this.ctx.mock.usedBox(this.resolve());
        if (!box && !nullable) box = { r1: 1, c1: 1, r2: 1, c2: 1 };
      },
      30,
      'getUsedRange',
      'read',
    );
    return new MockRange(this.ctx, this, () => box, nullable);
  }
}

function makePageLayout(
  ctx: MockContext,
  q: (run: (s: StoredSheet) => void, payload?: number, label?: string) => void,
  minor: number,
  resolve: () => StoredSheet,
): Record<string, unknown> {
  const need = () => {
    if (minor < 9) throw fail('ApiNotFound', 'pageLayout');
  };
  const page: Record<string, unknown> = {};
  // zoom can be loaded back (to see whether a fit-to setting stuck).
  const state = new Loadable(ctx, 'pageLayout', ['zoom'], () => ({ zoom: resolve().page.zoom ?? { scale: 100 } }));
  page.load = (p: string) => state.load(p);
  const setter = (name: string) => ({
    set(v: unknown) {
      need();
      if (name === 'zoom') checkZoom(v);
      if (/Header|Footer/.test(name) && String(v).length > 255)
        throw fail('InvalidArgument', `${name} longer than 255`);
      q(
        (s) => {
          guard(s, 'print');
          // office-js #1860: fit-to-pages is dropped unless the Page Layout tab is showing.
          const fit = name === 'zoom' && (v as { horizontalFitToPages?: number }).horizontalFitToPages !== undefined;
          s.page[name] = fit && s.owner.fitToPagesDropped ? { scale: 100 } : v;
        },
        bytes(v),
        'pageLayout',
      );
    },
    get() {
      if (name === 'zoom') return state.get('zoom');
      throw fail('PropertyNotLoaded', `pageLayout.${name}`);
    },
    enumerable: true,
  });
  for (const p of [
    'orientation',
    'paperSize',
    'zoom',
    'leftMargin',
    'rightMargin',
    'topMargin',
    'bottomMargin',
    'headerMargin',
    'footerMargin',
    'centerHorizontally',
    'centerVertically',
  ])
    Object.defineProperty(page, p, setter(p));
  page.setPrintTitleRows = (rows: string) => {
    need();
    if (!/^\$?\d+:\$?\d+$/.test(rows)) throw fail('InvalidArgument', `print title rows ${rows} are not whole rows`);
    q(
      (s) => {
        guard(s, 'print');
        s.page.printTitleRows = rows;
      },
      bytes(rows),
      'pageLayout',
    );
  };
  const footer: Record<string, unknown> = {};
  for (const p of ['centerHeader', 'centerFooter', 'leftHeader', 'rightHeader', 'leftFooter', 'rightFooter'])
    Object.defineProperty(footer, p, setter(p));
  page.headersFooters = { defaultForAllPages: footer };
  void ctx;
  return page;
}

type BoxSource = Box | (() => Box | null);

class MockRange {
  private readonly state: Loadable;
  readonly format: Record<string, unknown>;
  readonly dataValidation: Record<string, unknown>;
  constructor(
    private readonly ctx: MockContext,
    private readonly sheet: MockWorksheet,
    private readonly source: BoxSource,
    nullable = false,
  ) {
    this.state = new Loadable(
      ctx,
      'range',
      ['values', 'numberFormat', 'address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'isNullObject'],
      () => {
        const b = this.currentBox();
        if (!b) return { isNullObject: true };
        const s = sheet.resolve();
        const values: Cell[][] = [];
        const formats: string[][] = [];
        for (let r = b.r1; r <= b.r2; r++) {
          const row: Cell[] = [];
          const frow: string[] = [];
          for (let c = b.c1; c <= b.c2; c++) {
            const cell = s.cells.get(key(r, c));
            // Excel gives "" for empty cells.
            row.push(cell?.value ?? '');
            frow.push(cell?.numberFormat ?? 'General');
          }
          values.push(row);
          formats.push(frow);
        }
        return {
          values,
          numberFormat: formats,
          address: `${quoteSheet(s.name)}!${boxAddress(b)}`,
          rowIndex: b.r1 - 1,
          columnIndex: b.c1 - 1,
          rowCount: b.r2 - b.r1 + 1,
          columnCount: b.c2 - b.c1 + 1,
          isNullObject: false,
        };
      },
    );
    if (nullable) {
      const names = this.state.mark(['isNullObject']);
      ctx.queue(() => this.state.capture(names), 0, 'load', 'read');
    }
    this.format = makeFormat(
      ctx,
      (fn) => this.eachCell(fn),
      (fn) => this.withBox(fn),
    );
    this.dataValidation = makeValidation(ctx, (fn) => this.withBox(fn));
  }

  get box(): Box {
    const b = this.currentBox();
    if (!b) throw fail('ItemNotFound', 'null range');
    return b;
  }

  private currentBox(): Box | null {
    return typeof this.source === 'function' ? this.source() : this.source;
  }

  private withBox(fn: (s: StoredSheet, b: Box) => void): void {
    const s = this.sheet.resolve();
    const b = this.currentBox();
    if (!b) throw fail('ItemNotFound', 'null range');
    fn(s, b);
  }

  private eachCell(fn: (cell: StoredCell, s: StoredSheet, r: number, c: number) => void): void {
    this.withBox((s, b) => {
      for (let r = b.r1; r <= b.r2; r++) for (let c = b.c1; c <= b.c2; c++) fn(this.ctx.mock.ensure(s, r, c), s, r, c);
    });
  }

  load(arg?: string | string[]): this {
    this.state.load(arg);
    return this;
  }

  private grid(v: unknown[][], what: string): void {
    if (typeof this.source === 'function') throw fail('InvalidOperation', 'write to a used range');
    const b = this.source;
    const rows = b.r2 - b.r1 + 1;
    const cols = b.c2 - b.c1 + 1;
    if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols))
      throw fail('InvalidArgument', `${what} is not ${rows}x${cols}`);
  }

  set values(v: unknown[][]) {
    this.grid(v, 'values');
    const b = this.box;
    this.ctx.queue(
      () => {
        this.withBox((s) => {
          if (s.protected) {
            // Entry cells may still be written when unlocked; anything else fails, like Excel.
            for (let r = b.r1; r <= b.r2; r++)
              for (let c = b.c1; c <= b.c2; c++)
                if (s.cells.get(key(r, c))?.format.locked !== false)
                  throw fail('AccessDenied', `${s.name}!${boxAddress(b)} is protected`);
          }
          // Parse everything first: a value Excel refuses fails the write as a whole.
          const parsed = v.map((row) =>
            row.map((x) => (x === null || (typeof x === 'number' && !Number.isFinite(x)) ? null : excelCoerce(x))),
          );
          for (let r = b.r1; r <= b.r2; r++)
            for (let c = b.c1; c <= b.c2; c++) {
              // null (and NaN/Infinity, which JSON sends as null) leaves the cell as it is.
              const out = parsed[r - b.r1][c - b.c1];
              if (!out) continue;
              const cell = this.ctx.mock.ensure(s, r, c);
              cell.value = out.value;
              cell.typed = out.typed;
              if (out.numberFormat && cell.numberFormat === 'General') cell.numberFormat = out.numberFormat;
            }
          this.ctx.mock.stats.valueWrites.push([s.name, boxAddress(b)]);
          // Our own writes raise onChanged only while the add-in's events are on.
          if (this.ctx.mock.enableEvents) this.ctx.mock.afterWrites.push({ sheet: s, address: boxAddress(b) });
        });
      },
      bytes(v),
      'values',
    );
  }
  get values(): Cell[][] {
    return this.state.get('values') as Cell[][];
  }
  set numberFormat(v: unknown[][]) {
    this.grid(v, 'numberFormat');
    const b = this.box;
    this.ctx.queue(
      () => {
        this.withBox((s) => guard(s, 'format'));
        this.eachCell((cell, _s, r, c) => {
          cell.numberFormat = String(v[r - b.r1][c - b.c1]);
        });
      },
      bytes(v),
      'numberFormat',
    );
  }
  get numberFormat(): string[][] {
    return this.state.get('numberFormat') as string[][];
  }
  get address(): string {
    return this.state.get('address') as string;
  }
  get rowIndex(): number {
    return this.state.get('rowIndex') as number;
  }
  get columnIndex(): number {
    return this.state.get('columnIndex') as number;
  }
  get rowCount(): number {
    return this.state.get('rowCount') as number;
  }
  get columnCount(): number {
    return this.state.get('columnCount') as number;
  }
  get isNullObject(): boolean {
    return this.state.get('isNullObject') as boolean;
  }
  merge(across?: boolean): void {
    if (across) throw new Error('not mocked: merge across');
    const b = this.box;
    this.ctx.queue(
      () => {
        this.withBox((s) => {
          guard(s, 'merge');
          s.merges.push(boxAddress(b));
        });
      },
      30,
      'merge',
    );
  }
  unmerge(): void {
    const b = this.box;
    this.ctx.queue(
      () => {
        this.withBox((s) => {
          guard(s, 'merge');
          s.merges = s.merges.filter((m) => m !== boxAddress(b));
        });
      },
      30,
      'merge',
    );
  }
  select(): void {
    const b = this.box;
    this.ctx.queue(
      () => {
        this.withBox((s) => {
          this.ctx.mock.stats.selected = `${s.name}!${boxAddress(b)}`;
        });
      },
      20,
      'select',
      'read',
    );
  }
  getRowProperties(_want: unknown): { readonly value: Array<{ rowIndex: number; format: { rowHeight: number } }> } {
    const st = new Loadable(this.ctx, 'rowProperties', ['value'], () => {
      const b = this.currentBox();
      const s = this.sheet.resolve();
      const value = [];
      if (b)
        for (let r = b.r1; r <= b.r2; r++)
          value.push({ rowIndex: r - 1, format: { rowHeight: s.rowHeights.get(r) ?? 15 } });
      return { value };
    });
    st.load('value');
    return {
      get value() {
        return st.get('value') as Array<{ rowIndex: number; format: { rowHeight: number } }>;
      },
    };
  }
  getCell(r: number, c: number): MockRange {
    const b = this.box;
    return new MockRange(this.ctx, this.sheet, { r1: b.r1 + r, c1: b.c1 + c, r2: b.r1 + r, c2: b.c1 + c });
  }
}

class MockRangeAreas {
  readonly format: Record<string, unknown>;
  constructor(
    ctx: MockContext,
    readonly areas: MockRange[],
    readonly address: string,
  ) {
    const each = (fn: (cell: StoredCell, s: StoredSheet, r: number, c: number) => void) => {
      for (const a of areas) (a as unknown as { eachCell(f: typeof fn): void }).eachCell(fn);
    };
    const withBoxes = (fn: (s: StoredSheet, b: Box) => void) => {
      for (const a of areas) (a as unknown as { withBox(f: typeof fn): void }).withBox(fn);
    };
    this.format = makeFormat(ctx, each, withBoxes);
  }
}

type EachCell = (fn: (cell: StoredCell, s: StoredSheet, r: number, c: number) => void) => void;
type WithBox = (fn: (s: StoredSheet, b: Box) => void) => void;

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];

function makeFormat(ctx: MockContext, each: EachCell, withBox: WithBox): Record<string, unknown> {
  const set = (apply: (f: CellFormat, v: unknown) => void) => ({
    set(v: unknown) {
      ctx.queue(
        () => {
          withBox((s) => guard(s, 'format'));
          each((cell) => apply(cell.format, v));
        },
        bytes(v) + 20,
        'format',
      );
    },
    get(): never {
      throw fail('PropertyNotLoaded', 'format (mock reads formats from the store)');
    },
    enumerable: true,
  });
  const font = {};
  Object.defineProperty(
    font,
    'name',
    set((f, v) => (f.fontName = v as string)),
  );
  Object.defineProperty(
    font,
    'size',
    set((f, v) => (f.fontSize = v as number)),
  );
  Object.defineProperty(
    font,
    'bold',
    set((f, v) => (f.bold = v as boolean)),
  );
  Object.defineProperty(
    font,
    'color',
    set((f, v) => (f.fontColor = v as string)),
  );
  const fill = {
    clear() {
      ctx.queue(
        () => {
          withBox((s) => guard(s, 'format'));
          each((cell) => (cell.format.fill = null));
        },
        20,
        'format',
      );
    },
  };
  Object.defineProperty(
    fill,
    'color',
    set((f, v) => (f.fill = v as string)),
  );
  const protection = {};
  Object.defineProperty(
    protection,
    'locked',
    set((f, v) => (f.locked = v as boolean)),
  );
  const borders = {
    getItem(edge: string) {
      if (!EDGES.includes(edge)) throw fail('InvalidArgument', `border ${edge}`);
      const item = {};
      Object.defineProperty(
        item,
        'style',
        set((f, v) => {
          f.borders = { ...(f.borders ?? {}), [edge]: v as string };
        }),
      );
      Object.defineProperty(
        item,
        'weight',
        set(() => undefined),
      );
      Object.defineProperty(
        item,
        'color',
        set(() => undefined),
      );
      return item;
    },
  };
  const format: Record<string, unknown> = { font, fill, protection, borders };
  Object.defineProperty(
    format,
    'horizontalAlignment',
    set((f, v) => (f.horizontal = v as string)),
  );
  Object.defineProperty(
    format,
    'verticalAlignment',
    set((f, v) => (f.vertical = v as string)),
  );
  Object.defineProperty(
    format,
    'wrapText',
    set((f, v) => (f.wrap = v as boolean)),
  );
  Object.defineProperty(format, 'columnWidth', {
    set(v: number) {
      ctx.queue(
        () =>
          withBox((s, b) => {
            guard(s, 'columns');
            if (v < 0 || v > 255 * 7.5) throw fail('InvalidArgument', `column width ${v}`);
            for (let c = b.c1; c <= b.c2; c++) s.colWidths.set(c, v);
          }),
        20,
        'columnWidth',
      );
    },
    enumerable: true,
  });
  Object.defineProperty(format, 'rowHeight', {
    set(v: number) {
      ctx.queue(
        () =>
          withBox((s, b) => {
            guard(s, 'rows');
            if (v < 0 || v > 409) throw fail('InvalidArgument', `row height ${v}`);
            for (let r = b.r1; r <= b.r2; r++) s.rowHeights.set(r, v);
          }),
        20,
        'rowHeight',
      );
    },
    enumerable: true,
  });
  return format;
}

function makeValidation(ctx: MockContext, withBox: WithBox): Record<string, unknown> {
  const minor = ctx.mock.apiMinor;
  const record = (field: keyof StoredValidation) => ({
    set(v: unknown) {
      if (minor < 8) throw fail('ApiNotFound', 'dataValidation');
      // Excel's limits: titles 32 characters, messages and list sources 255.
      const m = (v ?? {}) as { title?: string; message?: string; list?: { source?: unknown } };
      const tooLong =
        (m.title?.length ?? 0) > 32 ||
        (m.message?.length ?? 0) > 255 ||
        (typeof m.list?.source === 'string' && m.list.source.length > 255);
      ctx.queue(
        () =>
          withBox((s, b) => {
            guard(s, 'validation');
            if (tooLong) throw fail('InvalidArgument', `data validation ${field} over Excel's length limits`);
            const address = boxAddress(b);
            let dv = s.validations.find((x) => x.address === address);
            if (!dv) {
              dv = { address };
              s.validations.push(dv);
            }
            (dv as unknown as Record<string, unknown>)[field] = v;
          }),
        bytes(v),
        'validation',
      );
    },
    enumerable: true,
  });
  const dv: Record<string, unknown> = {
    clear() {
      ctx.queue(
        () =>
          withBox((s, b) => {
            guard(s, 'validation');
            s.validations = s.validations.filter((x) => x.address !== boxAddress(b));
          }),
        20,
        'validation',
      );
    },
  };
  for (const f of ['rule', 'prompt', 'errorAlert', 'ignoreBlanks'] as const) Object.defineProperty(dv, f, record(f));
  return dv;
}
