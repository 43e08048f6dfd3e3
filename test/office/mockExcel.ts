/// <reference types="office-js" />
// A mock Excel object model for the Office.js adapter, built on office-addin-mock for the load/sync
// state of every readable property. Writes are queued and applied at context.sync(), as Office.js
// does, so a forgotten sync loses data here too. No jest globals: the bench uses it as well.
import { OfficeMockObject } from 'office-addin-mock';

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
}

export interface MockOptions {
  /** Request payload limit in bytes (Excel on the web: 5 MB). */
  payloadLimit?: number;
  /** Supported ExcelApi minor versions, e.g. 9 means ExcelApi 1.1–1.9. */
  apiMinor?: number;
  /** Response payload limit in bytes (Excel on the web: 5 MB); reads above it fail. */
  responseLimit?: number;
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
  if (!m) throw new Error(`InvalidArgument: bad cell reference ${ref}`);
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

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** What Excel does with a string typed or written through `values`. */
function coerce(v: unknown): Cell {
  if (v === undefined) return null;
  if (typeof v !== 'string') return v as Cell;
  if (v.startsWith("'")) return v.slice(1);
  if (v === '') return null;
  if (v.startsWith('=')) return `#FORMULA(${v})`;
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(v.trim())) return Number(v.trim());
  if (/^(TRUE|FALSE)$/i.test(v)) return v.toUpperCase() === 'TRUE';
  return v;
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
  };
  readonly payloadLimit: number;
  readonly responseLimit: number;
  readonly apiMinor: number;
  enableEvents = true;
  /** The sheet the user sees (activate() changes it). */
  active: StoredSheet | null = null;
  private nextId = 1;

  constructor(opts: MockOptions = {}) {
    this.payloadLimit = opts.payloadLimit ?? 5 * 1024 * 1024;
    this.responseLimit = opts.responseLimit ?? 5 * 1024 * 1024;
    this.apiMinor = opts.apiMinor ?? 9;
  }

  isSetSupported = (name: string, version?: string): boolean => {
    if (name !== 'ExcelApi') return false;
    const minor = Number((version ?? '1.1').split('.')[1] ?? 0);
    return minor <= this.apiMinor;
  };

  addSheet(name: string, visibility: StoredSheet['visibility'] = 'Visible'): StoredSheet {
    if (this.sheets.some((s) => s.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
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
    };
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): StoredSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`ItemNotFound: worksheet ${name}`);
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
  async edit(sheet: string, address: string, values: unknown[][]): Promise<void> {
    const s = this.sheet(sheet);
    const b = parseBox(address);
    for (let i = 0; i <= b.r2 - b.r1; i++)
      for (let j = 0; j <= b.c2 - b.c1; j++) this.ensure(s, b.r1 + i, b.c1 + j).value = coerce(values[i]?.[j]);
    await this.fire(s, address, 'Local');
  }

  private async fire(s: StoredSheet, address: string, source: 'Local' | 'Remote'): Promise<void> {
    for (const h of s.handlers)
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

  /** Excel.run over this mock. */
  run = async <T>(fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = this.context();
    return fn(ctx as unknown as Excel.RequestContext);
  };

  // Used by the context at sync.
  afterWrites: Array<{ sheet: StoredSheet; address: string }> = [];
  async flushEvents(): Promise<void> {
    const pending = this.afterWrites;
    this.afterWrites = [];
    for (const w of pending) await this.fire(w.sheet, w.address, 'Local');
  }
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
    this.ctx.queue(() => this.capture(names), names.length * 16);
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
      throw new Error(`PropertyNotLoaded: ${this.what}.${k} (${v})`);
    }
    return v;
  }
}

export class MockContext {
  private ops: Array<{ run: Op; bytes: number }> = [];
  resolvers: OfficeMockObject[] = [];
  responseBytes = 0;
  readonly workbook: MockWorkbook;
  readonly runtime: { enableEvents: boolean };
  readonly application: {
    suspendApiCalculationUntilNextSync(): void;
    suspendScreenUpdatingUntilNextSync(): void;
  };
  constructor(readonly mock: MockExcel) {
    const ctx = this;
    const runtime = {} as { enableEvents: boolean };
    Object.defineProperty(runtime, 'enableEvents', {
      set(v: boolean) {
        if (mock.apiMinor < 8) throw new Error('ApiNotFound: runtime.enableEvents');
        ctx.queue(() => {
          mock.enableEvents = v;
        }, 40);
      },
      get() {
        throw new Error('PropertyNotLoaded: runtime.enableEvents');
      },
    });
    this.runtime = runtime;
    this.application = {
      suspendApiCalculationUntilNextSync() {
        ctx.queue(() => {
          mock.stats.suspendCalc++;
        }, 40);
      },
      suspendScreenUpdatingUntilNextSync() {
        if (mock.apiMinor < 9) throw new Error('ApiNotFound: suspendScreenUpdatingUntilNextSync');
        ctx.queue(() => {
          mock.stats.suspendScreen++;
        }, 40);
      },
    };
    this.workbook = new MockWorkbook(this);
  }

  queue(run: Op, payload: number): void {
    this.ops.push({ run, bytes: payload + 60 });
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    const total = ops.reduce((a, o) => a + o.bytes, 0);
    this.mock.stats.syncs++;
    this.mock.stats.payloads.push(total);
    this.mock.stats.ops.push(ops.length);
    if (total > this.mock.payloadLimit) {
      const e = new Error(`RequestPayloadSizeLimitExceeded: ${total} bytes`) as Error & { code: string };
      e.code = 'RequestPayloadSizeLimitExceeded';
      throw e;
    }
    this.responseBytes = 0;
    try {
      for (const o of ops) o.run();
    } catch (e) {
      this.resolvers = [];
      throw e;
    }
    const resolvers = this.resolvers;
    this.resolvers = [];
    if (this.responseBytes > this.mock.responseLimit) {
      const e = new Error(`ResponsePayloadSizeLimitExceeded: ${this.responseBytes} bytes`) as Error & { code: string };
      e.code = 'ResponsePayloadSizeLimitExceeded';
      throw e;
    }
    for (const r of resolvers) await r.sync();
    // office-addin-mock settles nested properties a microtask later.
    await new Promise((res) => setImmediate(res));
    await this.mock.flushEvents();
  }
}

class MockWorkbook {
  readonly worksheets: MockWorksheetCollection;
  readonly application: MockContext['application'];
  constructor(readonly ctx: MockContext) {
    this.worksheets = new MockWorksheetCollection(ctx);
    this.application = ctx.application;
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
    this.ctx.queue(() => {
      items.length = 0;
      for (const s of this.ctx.mock.sheets) {
        const w = new MockWorksheet(this.ctx, () => s);
        items.push(w);
      }
      this.snapshotItems = items;
    }, 40);
    this.state.load('items');
    // Load the items' properties after the snapshot op has run.
    this.ctx.queue(() => {
      for (const w of items) w.loadNow(props);
    }, 0);
    return this;
  }

  get items(): MockWorksheet[] {
    return this.state.get('items') as MockWorksheet[];
  }

  add(name: string): MockWorksheet {
    let stored: StoredSheet | undefined;
    this.ctx.queue(() => {
      stored = this.ctx.mock.addSheet(name);
    }, bytes(name));
    return new MockWorksheet(this.ctx, () => {
      if (!stored) throw new Error('InvalidOperation: sheet used before sync');
      return stored;
    });
  }

  getItem(name: string): MockWorksheet {
    return this.bind(name, false);
  }

  getActiveWorksheet(): MockWorksheet {
    let stored: StoredSheet | undefined;
    this.ctx.queue(() => {
      stored = this.ctx.mock.active ?? this.ctx.mock.sheets.find((s) => s.visibility === 'Visible');
    }, 20);
    return new MockWorksheet(this.ctx, () => {
      if (!stored) throw new Error('ItemNotFound: no active sheet');
      return stored;
    });
  }

  getItemOrNullObject(name: string): MockWorksheet {
    return this.bind(name, true);
  }

  private bind(name: string, nullable: boolean): MockWorksheet {
    let stored: StoredSheet | undefined;
    let bound = false;
    this.ctx.queue(() => {
      stored = this.ctx.mock.sheets.find((s) => s.name === name);
      bound = true;
      if (!stored && !nullable) throw new Error(`ItemNotFound: worksheet ${name}`);
    }, bytes(name));
    const ws = new MockWorksheet(
      this.ctx,
      () => {
        if (!bound) throw new Error('InvalidOperation: sheet used before sync');
        if (!stored) throw new Error(`ItemNotFound: worksheet ${name} (null object)`);
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
  readonly onChanged: { add(h: StoredSheet['handlers'][number]): { remove(): void } };

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
    const q = (run: (s: StoredSheet) => void, payload = 40) => ctx.queue(() => run(resolve()), payload);
    const protState = new Loadable(ctx, 'protection', ['protected'], () => ({ protected: resolve().protected }));
    this.protection = {
      protect(options?: unknown) {
        q((s) => {
          if (s.protected) throw new Error('InvalidOperation: sheet already protected');
          s.protected = true;
          s.protectOptions = options;
        }, bytes(options));
      },
      unprotect() {
        q((s) => {
          s.protected = false;
        });
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
        if (minor < 9) throw new Error('ApiNotFound: autoFilter');
        const a = typeof range === 'string' ? range : boxAddress((range as MockRange).box);
        q((s) => {
          s.autoFilter = a;
        }, bytes(a));
      },
      remove() {
        q((s) => {
          s.autoFilter = null;
        });
      },
    };
    this.pageLayout = makePageLayout(ctx, q, minor);
    this.horizontalPageBreaks = {
      add(range: unknown) {
        if (minor < 9) throw new Error('ApiNotFound: horizontalPageBreaks');
        const top = typeof range === 'string' ? parseBox(range).r1 : (range as MockRange).box.r1;
        q((s) => {
          s.rowBreaks.push(top - 1);
        });
      },
      removePageBreaks() {
        if (minor < 9) throw new Error('ApiNotFound: horizontalPageBreaks');
        q((s) => {
          s.rowBreaks = [];
        });
      },
    };
    this.onChanged = {
      add(h) {
        q((s) => {
          s.handlers.push(h);
        });
        return {
          remove() {
            q((s) => {
              s.handlers = s.handlers.filter((x) => x !== h);
            });
          },
        };
      },
    };
  }

  autoNull(): void {
    const names = this.state.mark(['isNullObject']);
    this.ctx.queue(() => this.state.capture(names), 0);
  }

  loadNow(props: string[]): void {
    // Used by the collection while its snapshot op runs during sync.
    this.state.capture(this.state.mark(props.length ? props : ['name']));
  }

  load(arg?: string): this {
    this.state.load(arg);
    return this;
  }
  get name(): string {
    return this.state.get('name') as string;
  }
  set name(v: string) {
    this.ctx.queue(() => {
      const s = this.resolve();
      if (this.ctx.mock.sheets.some((x) => x !== s && x.name === v)) throw new Error(`ItemAlreadyExists: ${v}`);
      s.name = v;
    }, bytes(v));
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
    this.ctx.queue(() => {
      this.resolve().visibility = v as StoredSheet['visibility'];
    }, bytes(v));
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
    this.ctx.queue(() => {
      const s = this.resolve();
      const all = this.ctx.mock.sheets;
      if (all.filter((x) => x !== s && x.visibility === 'Visible').length === 0)
        throw new Error('InvalidOperation: cannot delete the last visible sheet');
      all.splice(all.indexOf(s), 1);
    }, 20);
  }
  activate(): void {
    this.ctx.queue(() => {
      this.ctx.mock.active = this.resolve();
    }, 20);
  }
  getRange(address?: string): MockRange {
    return new MockRange(this.ctx, this, address ? parseBox(address) : { r1: 1, c1: 1, r2: 1, c2: 1 });
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): MockRange {
    if (rows < 1 || cols < 1) throw new Error('InvalidArgument: empty range');
    return new MockRange(this.ctx, this, { r1: r + 1, c1: c + 1, r2: r + rows, c2: c + cols });
  }
  getRanges(address: string): MockRangeAreas {
    if (this.ctx.mock.apiMinor < 9) throw new Error('ApiNotFound: getRanges');
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
    this.ctx.queue(() => {
      box = this.ctx.mock.usedBox(this.resolve());
      if (!box && !nullable) box = { r1: 1, c1: 1, r2: 1, c2: 1 };
    }, 30);
    return new MockRange(this.ctx, this, () => box, nullable);
  }
}

function makePageLayout(
  ctx: MockContext,
  q: (run: (s: StoredSheet) => void, payload?: number) => void,
  minor: number,
): Record<string, unknown> {
  const need = () => {
    if (minor < 9) throw new Error('ApiNotFound: pageLayout');
  };
  const page: Record<string, unknown> = {};
  const setter = (name: string) => ({
    set(v: unknown) {
      need();
      q((s) => {
        s.page[name] = v;
      }, bytes(v));
    },
    get() {
      throw new Error(`PropertyNotLoaded: pageLayout.${name}`);
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
    q((s) => {
      s.page.printTitleRows = rows;
    }, bytes(rows));
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
      ctx.queue(() => this.state.capture(names), 0);
    }
    this.format = makeFormat(ctx, (fn) => this.eachCell(fn), (fn) => this.withBox(fn));
    this.dataValidation = makeValidation(ctx, (fn) => this.withBox(fn));
  }

  get box(): Box {
    const b = this.currentBox();
    if (!b) throw new Error('ItemNotFound: null range');
    return b;
  }

  private currentBox(): Box | null {
    return typeof this.source === 'function' ? this.source() : this.source;
  }

  private withBox(fn: (s: StoredSheet, b: Box) => void): void {
    const s = this.sheet.resolve();
    const b = this.currentBox();
    if (!b) throw new Error('ItemNotFound: null range');
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
    if (typeof this.source === 'function') throw new Error('InvalidOperation: write to a used range');
    const b = this.source;
    const rows = b.r2 - b.r1 + 1;
    const cols = b.c2 - b.c1 + 1;
    if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols))
      throw new Error(`InvalidArgument: ${what} is not ${rows}x${cols}`);
  }

  set values(v: unknown[][]) {
    this.grid(v, 'values');
    const b = this.box;
    this.ctx.queue(() => {
      this.withBox((s) => {
        if (s.protected) {
          // Entry cells may still be written when unlocked; anything else fails, like Excel.
          for (let r = b.r1; r <= b.r2; r++)
            for (let c = b.c1; c <= b.c2; c++)
              if (s.cells.get(key(r, c))?.format.locked !== false)
                throw new Error(`AccessDenied: ${s.name}!${boxAddress(b)} is protected`);
        }
        for (let r = b.r1; r <= b.r2; r++)
          for (let c = b.c1; c <= b.c2; c++) this.ctx.mock.ensure(s, r, c).value = coerce(v[r - b.r1][c - b.c1]);
        this.ctx.mock.stats.valueWrites.push([s.name, boxAddress(b)]);
        // Our own writes raise onChanged only while the add-in's events are on.
        if (this.ctx.mock.enableEvents) this.ctx.mock.afterWrites.push({ sheet: s, address: boxAddress(b) });
      });
    }, bytes(v));
  }
  get values(): Cell[][] {
    return this.state.get('values') as Cell[][];
  }
  set numberFormat(v: unknown[][]) {
    this.grid(v, 'numberFormat');
    const b = this.box;
    this.ctx.queue(() => {
      this.eachCell((cell, _s, r, c) => {
        cell.numberFormat = String(v[r - b.r1][c - b.c1]);
      });
    }, bytes(v));
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
    this.ctx.queue(() => {
      this.withBox((s) => {
        s.merges.push(boxAddress(b));
      });
    }, 30);
  }
  unmerge(): void {
    const b = this.box;
    this.ctx.queue(() => {
      this.withBox((s) => {
        s.merges = s.merges.filter((m) => m !== boxAddress(b));
      });
    }, 30);
  }
  select(): void {
    const b = this.box;
    this.ctx.queue(() => {
      this.withBox((s) => {
        this.ctx.mock.stats.selected = `${s.name}!${boxAddress(b)}`;
      });
    }, 20);
  }
  getRowProperties(_want: unknown): { readonly value: Array<{ rowIndex: number; format: { rowHeight: number } }> } {
    if (this.ctx.mock.apiMinor < 9) throw new Error('ApiNotFound: getRowProperties');
    const st = new Loadable(this.ctx, 'rowProperties', ['value'], () => {
      const b = this.currentBox();
      const s = this.sheet.resolve();
      const value = [];
      if (b) for (let r = b.r1; r <= b.r2; r++) value.push({ rowIndex: r - 1, format: { rowHeight: s.rowHeights.get(r) ?? 15 } });
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
    private readonly ctx: MockContext,
    readonly areas: MockRange[],
    readonly address: string,
  ) {
    const each = (fn: (cell: StoredCell, s: StoredSheet, r: number, c: number) => void) => {
      for (const a of areas)
        (a as unknown as { eachCell(f: typeof fn): void }).eachCell(fn);
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
      ctx.queue(() => each((cell) => apply(cell.format, v)), bytes(v) + 20);
    },
    get(): never {
      throw new Error('PropertyNotLoaded: format (mock reads formats from the store)');
    },
    enumerable: true,
  });
  const font = {};
  Object.defineProperty(font, 'name', set((f, v) => (f.fontName = v as string)));
  Object.defineProperty(font, 'size', set((f, v) => (f.fontSize = v as number)));
  Object.defineProperty(font, 'bold', set((f, v) => (f.bold = v as boolean)));
  Object.defineProperty(font, 'color', set((f, v) => (f.fontColor = v as string)));
  const fill = {
    clear() {
      ctx.queue(() => each((cell) => (cell.format.fill = null)), 20);
    },
  };
  Object.defineProperty(fill, 'color', set((f, v) => (f.fill = v as string)));
  const protection = {};
  Object.defineProperty(protection, 'locked', set((f, v) => (f.locked = v as boolean)));
  const borders = {
    getItem(edge: string) {
      if (!EDGES.includes(edge)) throw new Error(`InvalidArgument: border ${edge}`);
      const item = {};
      Object.defineProperty(
        item,
        'style',
        set((f, v) => {
          f.borders = { ...(f.borders ?? {}), [edge]: v as string };
        }),
      );
      Object.defineProperty(item, 'weight', set(() => undefined));
      Object.defineProperty(item, 'color', set(() => undefined));
      return item;
    },
  };
  const format: Record<string, unknown> = { font, fill, protection, borders };
  Object.defineProperty(format, 'horizontalAlignment', set((f, v) => (f.horizontal = v as string)));
  Object.defineProperty(format, 'verticalAlignment', set((f, v) => (f.vertical = v as string)));
  Object.defineProperty(format, 'wrapText', set((f, v) => (f.wrap = v as boolean)));
  Object.defineProperty(format, 'columnWidth', {
    set(v: number) {
      ctx.queue(
        () =>
          withBox((s, b) => {
            for (let c = b.c1; c <= b.c2; c++) s.colWidths.set(c, v);
          }),
        20,
      );
    },
    enumerable: true,
  });
  Object.defineProperty(format, 'rowHeight', {
    set(v: number) {
      ctx.queue(
        () =>
          withBox((s, b) => {
            for (let r = b.r1; r <= b.r2; r++) s.rowHeights.set(r, v);
          }),
        20,
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
      if (minor < 8) throw new Error('ApiNotFound: dataValidation');
      ctx.queue(
        () =>
          withBox((s, b) => {
            const address = boxAddress(b);
            let dv = s.validations.find((x) => x.address === address);
            if (!dv) {
              dv = { address };
              s.validations.push(dv);
            }
            (dv as unknown as Record<string, unknown>)[field] = v;
          }),
        bytes(v),
      );
    },
    enumerable: true,
  });
  const dv: Record<string, unknown> = {
    clear() {
      ctx.queue(
        () =>
          withBox((s, b) => {
            s.validations = s.validations.filter((x) => x.address !== boxAddress(b));
          }),
        20,
      );
    },
  };
  for (const f of ['rule', 'prompt', 'errorAlert', 'ignoreBlanks'] as const) Object.defineProperty(dv, f, record(f));
  return dv;
}
