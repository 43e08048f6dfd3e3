/// <reference types="office-js" />
// One request context's queued commands and their size: `Batch` syncs early only when a request would pass
// Excel on the web's 5 MB payload limit, protects sheets once at the end, and cleans up after a failure.
import type { OfficeCaps } from './caps';
import { swallow, type Leftovers } from './errors';
import { protectSheet } from './protect';

/** Excel on the web refuses requests above 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Our estimate is rough, so stop well short of the limit. */
export const BUDGET_SHARE = 0.8;
/** Per-command envelope in the request (object path, method name, ids). */
export const COMMAND_BYTES = 120;

/** UTF-8 size of a value as JSON: the request body Office.js sends is JSON. */
export function jsonBytes(x: unknown): number {
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
export interface Aside {
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
