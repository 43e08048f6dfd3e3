/// <reference types="office-js" />
// The Office.js host: the core's jobs (src/core/jobs) on the open workbook. Reads ride in as few
// context.sync() calls as possible, a write is one batch (split only at the payload limit) with our
// events off, protection restored once at its end, and half-written sheets cleaned up if a sync fails.
import type { GridSheet, WorkbookGrid, WorkbookPatch } from '../../core/layout/types';
import { InputError } from '../../core/model';
import { headerSection } from '../../core/layout/print';
import type { HostWrite, HostWritten, WorkbookHost } from '../../core/host';
import { detectCaps, type OfficeCaps } from './caps';
import {
  applyPrint,
  Batch,
  collect,
  heldOpen,
  isResponseTooLarge,
  listSheets,
  queueLayout,
  queuePatch,
  queueRead,
  readInBlocks,
  setRowBreaks,
  sheetInfos,
  SHEET_LIST_PROPS,
  toGrid,
  type SheetData,
  type SheetInfo,
} from './render';

export interface OfficeJobOptions {
  /** What the host supports; detected from Office when absent. */
  caps?: OfficeCaps;
  /** Request size limit in bytes (default: Excel on the web's 5 MB). */
  payloadLimit?: number;
  /** Told about each phase of the job (Chinese note, fraction done). */
  progress?: (note: string, fraction?: number) => void;
}

export function batchFor(context: Excel.RequestContext, opts: OfficeJobOptions): Batch {
  return new Batch(context, opts.caps ?? detectCaps(), { payloadLimit: opts.payloadLimit, keepOpen: heldOpen });
}

/**
 * Runs the write part of a job with our events off. If a sync fails, events go back on, half-written sheets
 * are removed and old ones renamed back; what can't be restored is named on the error (`leftovers`).
 */
export async function writing(b: Batch, queue: () => Promise<void>): Promise<void> {
  try {
    b.quiet();
    await queue();
    await b.finish();
  } catch (e) {
    const left = await b.recover();
    if (left.aside.length && e && typeof e === 'object') (e as { leftovers?: unknown }).leftovers = left;
    throw e;
  }
}

/** What a write needs to know of the workbook as last read. */
export interface WorkbookState {
  sheets: SheetInfo[];
  protectedSheets: Set<string>;
  grid: WorkbookGrid;
}

/** An existing sheet made writable for the rest of the batch (protected again once, at its end). Sheets
 *  the batch itself replaces are new and unprotected until then. */
export function writable(
  b: Batch,
  wb: Pick<WorkbookState, 'sheets' | 'protectedSheets'>,
  name: string,
  replaced: ReadonlySet<string> = new Set(),
): Excel.Worksheet {
  const ws = b.context.workbook.worksheets.getItem(name);
  if (!replaced.has(name))
    b.open(ws, name, wb.protectedSheets.has(name) || !!wb.sheets.find((s) => s.name === name)?.protected);
  return ws;
}

/** Writes a patch plus what the layout model leaves to the host: taller rows, page breaks, print headers. */
export async function queueFullPatch(b: Batch, patch: WorkbookPatch, wb: WorkbookState): Promise<void> {
  await queuePatch(b, patch, wb.sheets, wb.protectedSheets);
  const replaced = new Set(patch.sheets.map((s) => s.name));
  for (const rb of patch.rowBreaks ?? []) await setRowBreaks(b, writable(b, wb, rb.sheet, replaced), rb.rows, true);
  for (const h of patch.minRowHeights ?? []) {
    const current = wb.grid.sheets.find((s) => s.name === h.sheet)?.rowHeights?.[h.r];
    // Rows never shrink: without a reading of the current height (after a fallback read) leave the row alone.
    if (current === undefined || current >= h.height) continue;
    await b.room(60);
    writable(b, wb, h.sheet, replaced).getRangeByIndexes(h.r - 1, 0, 1, 1).format.rowHeight = h.height;
  }
  for (const p of patch.printHeaders ?? []) {
    if (!wb.sheets.some((s) => s.name === p.sheet) && !replaced.has(p.sheet)) continue;
    await b.room(200);
    writable(b, wb, p.sheet, replaced).pageLayout.headersFooters.defaultForAllPages.centerHeader = headerSection(
      p.header,
    );
  }
}

/** Current row heights of a sheet by 1-based row (ExcelApi 1.9 row properties), queued with a read. */
function queueRowHeights(context: Excel.RequestContext, sheet: string): () => Record<number, number> {
  const used = context.workbook.worksheets.getItem(sheet).getUsedRange(true);
  const props = used.getRowProperties({ rowIndex: true, format: { rowHeight: true } });
  return () => {
    const out: Record<number, number> = {};
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- getRowProperties loads its result; this closure runs after the caller's sync
    for (const p of props.value)
      if (p.rowIndex !== undefined && p.format?.rowHeight !== undefined) out[p.rowIndex + 1] = p.format.rowHeight;
    return out;
  };
}

/** The open workbook as a job's host, for one Excel.run. Counts its syncs (`b.syncs`, `b.splits`). */
export class OfficeHost implements WorkbookHost, WorkbookState {
  readonly wholeFile = false;
  readonly b: Batch;
  sheets: SheetInfo[] = [];
  protectedSheets = new Set<string>();
  grid: WorkbookGrid = { sheets: [] };
  /** The last read's one request failed and a slower path was taken. */
  fellBack = false;
  private listed = false;

  constructor(
    readonly context: Excel.RequestContext,
    private readonly opts: OfficeJobOptions = {},
  ) {
    this.b = batchFor(context, opts);
  }

  progress(note: string, fraction?: number): void {
    this.opts.progress?.(note, fraction);
  }

  /** One sync, unless a read of this job already brought the list along. */
  async listSheets(): Promise<string[]> {
    if (!this.listed) {
      this.sheets = await listSheets(this.context);
      this.b.syncs++;
      this.listed = true;
    }
    return this.sheets.map((s) => s.name);
  }

  /**
   * Reads the sheets in one sync (the sheet list rides along). If one of them is missing the request fails,
   * and we fall back to listing first, so the error can say what is missing.
   */
  async readSheets(
    names: readonly string[],
    opts: { heightsOf?: string; required?: string } = {},
  ): Promise<WorkbookGrid> {
    const context = this.context;
    const list = context.workbook.worksheets;
    list.load(SHEET_LIST_PROPS);
    const reads = queueRead(
      context,
      names.map((name) => ({ name, visibility: 'Visible' })),
    );
    // Row heights let core place page breaks and never shrink a row (ExcelApi 1.9).
    const heightsOf = opts.heightsOf ? queueRowHeights(context, opts.heightsOf) : null;
    let heights: Record<number, number> | undefined;
    let data: SheetData[];
    this.fellBack = false;
    try {
      await context.sync();
      this.b.syncs++;
      this.sheets = sheetInfos(list);
      data = reads.map(collect);
      if (heightsOf) heights = heightsOf();
    } catch (e) {
      this.b.syncs++;
      const missing = /ItemNotFound/i.test(String((e as { code?: string }).code ?? (e as Error).message));
      if (!missing && !isResponseTooLarge(e)) throw e;
      this.fellBack = true;
      // The list rode in the failed request; ask again only if this job hasn't listed the sheets yet.
      if (!this.listed) {
        this.sheets = await listSheets(context);
        this.b.syncs++;
      }
      const present = new Set(this.sheets.map((s) => s.name));
      if (opts.required && !present.has(opts.required)) {
        const text = `工作簿中没有“${opts.required}”工作表，请先在“计划”中生成推进计划表。`;
        throw new InputError(text, undefined, text);
      }
      // A sheet was missing (read what there is), or the workbook is too big for one response (read in blocks).
      const blocks = await readInBlocks(
        context,
        this.sheets.filter((s) => names.includes(s.name)),
        missing ? Number.MAX_SAFE_INTEGER : undefined,
        this.opts.payloadLimit,
      );
      this.b.syncs += blocks.syncs;
      data = blocks.data;
    }
    this.listed = true;
    const vis = new Map(this.sheets.map((s) => [s.name, s.visibility]));
    for (const d of data) d.visibility = vis.get(d.name) ?? d.visibility;
    const sheets: GridSheet[] = toGrid(data);
    // After a fallback read the heights request failed with the rest: no heights then.
    const measured = sheets.find((g) => g.name === opts.heightsOf);
    if (measured && heights) measured.rowHeights = heights;
    this.grid = { sheets };
    this.protectedSheets = new Set(data.filter((d) => d.protected).map((d) => d.name));
    return this.grid;
  }

  /** One batch: layout, patches, page setup; events off, protection back on at the end, recovery on failure. */
  async write(change: HostWrite): Promise<HostWritten> {
    const b = this.b;
    const keptSheets: string[] = [];
    const fits: Array<[string, () => boolean]> = [];
    await writing(b, async () => {
      if (change.layout)
        keptSheets.push(...(await queueLayout(b, change.layout, this.sheets, !!change.keepAside, true)));
      let state: WorkbookState = { sheets: this.sheets, protectedSheets: this.protectedSheets, grid: this.grid };
      const replaced = new Set(change.layout?.sheets.map((s) => s.name));
      for (const patch of change.patches ?? []) {
        await queueFullPatch(b, patch, state);
        // Sheets a patch adds exist for the next one's getItem calls.
        const added = patch.sheets.filter((s) => !state.sheets.some((x) => x.name === s.name));
        state = { ...state, sheets: [...state.sheets, ...added.map((s) => ({ name: s.name, visibility: 'Visible' }))] };
        for (const s of patch.sheets) replaced.add(s.name);
      }
      for (const p of change.print ?? [])
        fits.push([p.sheet, await applyPrint(b, writable(b, state, p.sheet, replaced), p.setup)]);
    });
    return { keptSheets, printNotApplied: fits.filter(([, ok]) => !ok()).map(([name]) => name) };
  }
}
