/// <reference types="office-js" />
// The pane's jobs on the open workbook: generate, check, read entries, select an indicator's row,
// print setup, consolidation. All decisions come from src/core; this file moves data in and out
// with a fixed number of context.sync() calls, whatever the size of the plan.
import type { Entry, Judgement, Plan, Status } from '../../core/model';
import { InputError } from '../../core/model';
import type { GridSheet, WorkbookGrid, WorkbookPatch } from '../../core/layout/types';
import { buildTrackingLayout, type TrackingOptions } from '../../core/tracking/layout';
import { readTracking, type TrackingRead } from '../../core/tracking/read';
import { checkTracking as checkTrackingRead } from '../../core/tracking/check';
import { carryEntries } from '../../core/tracking/carry';
import { SHEET } from '../../core/tracking/sheet';
import { consolidateGrids } from '../../core/consolidate/index';
import { checkAfterConsolidation } from '../../core/consolidate/check';
import { LOG_SHEET } from '../../core/consolidate/log';
import { PROGRESS_SHEET } from '../../core/consolidate/progress';
import {
  type ConsolidateOptions,
  type ConsolidationResult,
  type ReturnInput,
} from '../../core/consolidate/consolidate';
import { detectCaps, type OfficeCaps } from './caps';
import {
  applyPrint,
  Batch,
  heldOpen,
  collect,
  isResponseTooLarge,
  readInBlocks,
  type SheetData,
  listSheets,
  queueLayout,
  queuePatch,
  queueRead,
  rangeOf,
  setRowBreaks,
  sheetInfos,
  SHEET_LIST_PROPS,
  toGrid,
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

/** Sheets a tracking workbook consists of (the layout's names, in order). */
const TRACKING_SHEETS: string[] = [SHEET.main, SHEET.targets, SHEET.summary, SHEET.meta];

/** Sheets read to judge a workbook. */
const READ_SHEETS: string[] = [SHEET.main, SHEET.targets, SHEET.meta];

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

/** One sync: which of the tracking sheets the workbook already has. Ask before replacing them. */
export async function existingTrackingSheets(context: Excel.RequestContext): Promise<string[]> {
  const names = new Set((await listSheets(context)).map((s) => s.name));
  return TRACKING_SHEETS.filter((n) => names.has(n));
}

export type GenerateResult =
  | { status: 'needs-confirmation'; existing: string[]; syncs: number }
  | {
      status: 'written';
      indicators: number;
      /** Entered figures carried over from the sheets replaced, by indicator id. */
      kept: number;
      /** Figures whose indicator is gone from the new plan; their old sheets are kept (renamed) so nothing is lost. */
      orphaned: Entry[];
      /** Old sheets kept under a new name (when figures were orphaned or the old table was unreadable). */
      keptSheets: string[];
      syncs: number;
      /** Syncs added only because a request would have passed the payload limit. */
      splits: number;
    };

export interface GenerateOptions extends OfficeJobOptions, TrackingOptions {
  /** The user agreed to replace existing tracking sheets. */
  replace?: boolean;
}

/**
 * Writes the tracking sheets for `plan`. With the sheets already present and `replace` unset, writes
 * nothing and says so. Otherwise figures entered in the old sheets are carried into the new ones by
 * indicator id. At most 3 syncs: list sheets, read old entries (only when replacing), write.
 */
export async function generateTracking(
  context: Excel.RequestContext,
  plan: Plan,
  opts: GenerateOptions = {},
): Promise<GenerateResult> {
  const b = batchFor(context, opts);
  opts.progress?.('检查工作簿', 0);
  const sheets = await listSheets(context);
  b.syncs++;
  const present = sheets.filter((s) => TRACKING_SHEETS.includes(s.name));
  if (present.length && !opts.replace)
    return { status: 'needs-confirmation', existing: present.map((s) => s.name), syncs: b.syncs };

  let oldEntries: Entry[] = [];
  // An old 推进计划表 we can't read is kept aside rather than deleted: it may hold someone's work.
  let unreadable = false;
  const readable = sheets.filter((s) => READ_SHEETS.includes(s.name));
  if (readable.some((s) => s.name === SHEET.main)) {
    opts.progress?.('读取已填报的数据', 0.2);
    let data: SheetData[];
    const reads = queueRead(context, readable);
    try {
      await b.sync();
      data = reads.map(collect);
    } catch (e) {
      b.syncs++;
      if (!isResponseTooLarge(e)) throw e;
      const blocks = await readInBlocks(context, readable, undefined, opts.payloadLimit);
      b.syncs += blocks.syncs;
      data = blocks.data;
    }
    try {
      oldEntries = readTracking({ sheets: toGrid(data) }).entries;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      unreadable = true;
    }
  }

  const layout = buildTrackingLayout(plan, { toolVersion: opts.toolVersion, asOf: opts.asOf });
  const carried = carryEntries(layout, oldEntries);
  const keptSheets: string[] = [];
  opts.progress?.('写入推进计划表', 0.5);
  await writing(b, async () => {
    const aside = await queueLayout(b, layout, sheets, unreadable || carried.orphaned.length > 0, true);
    keptSheets.push(...aside);
  });
  return {
    status: 'written',
    indicators: plan.items.reduce((n, it) => n + it.indicators.length, 0),
    kept: carried.kept,
    orphaned: carried.orphaned,
    keptSheets,
    syncs: b.syncs,
    splits: b.splits,
  };
}

export interface WorkbookRead {
  read: TrackingRead;
  grid: WorkbookGrid;
  sheets: SheetInfo[];
  protectedSheets: Set<string>;
  syncs: number;
  /** The one-request read failed and a slower path was taken (other reads queued with it are void). */
  fellBack: boolean;
}

/**
 * Reads the tracking sheets in one sync (the sheet list rides along). If one of them is missing the
 * request fails, and we fall back to listing first, so the error can say what is missing.
 */
export async function readTrackingWorkbook(
  context: Excel.RequestContext,
  extra: string[] = [],
  opts: { caps?: OfficeCaps; rowHeights?: boolean; payloadLimit?: number } = {},
): Promise<WorkbookRead> {
  const list = context.workbook.worksheets;
  list.load(SHEET_LIST_PROPS);
  const wanted = [...READ_SHEETS, ...extra];
  const reads = queueRead(
    context,
    wanted.map((name) => ({ name, visibility: 'Visible' })),
  );
  // Row heights let core place page breaks and never shrink a row (ExcelApi 1.9).
  const heightsOf = opts.rowHeights ? queueRowHeights(context, SHEET.main) : null;
  let syncs = 0;
  let fellBack = false;
  let heights: Record<number, number> | undefined;
  let data: SheetData[];
  let sheets: SheetInfo[];
  try {
    await context.sync();
    syncs++;
    sheets = sheetInfos(list);
    data = reads.map(collect);
    if (heightsOf) heights = heightsOf();
  } catch (e) {
    syncs++;
    const missing = /ItemNotFound/i.test(String((e as { code?: string }).code ?? (e as Error).message));
    if (!missing && !isResponseTooLarge(e)) throw e;
    fellBack = true;
    sheets = await listSheets(context);
    syncs++;
    const names = new Set(sheets.map((s) => s.name));
    if (!names.has(SHEET.main)) {
      const text = `工作簿中没有“${SHEET.main}”工作表，请先在“计划”中生成推进计划表。`;
      throw new InputError(text, undefined, text);
    }
    // A sheet was missing (read what there is), or the workbook is too big for one response (read in blocks).
    const blocks = await readInBlocks(
      context,
      sheets.filter((s) => wanted.includes(s.name)),
      missing ? Number.MAX_SAFE_INTEGER : undefined,
      opts.payloadLimit,
    );
    syncs += blocks.syncs;
    data = blocks.data;
  }
  const vis = new Map(sheets.map((s) => [s.name, s.visibility]));
  for (const d of data) d.visibility = vis.get(d.name) ?? d.visibility;
  const grid = { sheets: toGrid(data) };
  // After a fallback read the heights request failed with the rest: no heights then.
  const main = grid.sheets.find((g) => g.name === SHEET.main);
  if (main && heights) main.rowHeights = heights;
  const protectedSheets = new Set(data.filter((d) => d.protected).map((d) => d.name));
  return { read: readTracking(grid), grid, sheets, protectedSheets, syncs, fellBack };
}

export interface CheckResult {
  /** 打印 only: sheets where Excel did not keep "fit to one page wide" (office-js #1860). */
  fitNotApplied?: string[];
  judgements: Judgement[];
  counts: Record<Status, number>;
  bulletin: string;
  read: TrackingRead;
  syncs: number;
  splits: number;
}

/** An existing sheet made writable for the rest of the batch (protected again once, at its end). Sheets
 *  the batch itself replaces are new and unprotected until then. */
export function writable(
  b: Batch,
  wb: Pick<WorkbookRead, 'sheets' | 'protectedSheets'>,
  name: string,
  replaced: ReadonlySet<string> = new Set(),
): Excel.Worksheet {
  const ws = b.context.workbook.worksheets.getItem(name);
  if (!replaced.has(name))
    b.open(ws, name, wb.protectedSheets.has(name) || !!wb.sheets.find((s) => s.name === name)?.protected);
  return ws;
}

/** Writes a patch plus what the layout model leaves to the host: taller rows, page breaks, print headers. */
export async function queueFullPatch(b: Batch, patch: WorkbookPatch, wb: WorkbookRead): Promise<void> {
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
    writable(b, wb, p.sheet, replaced).pageLayout.headersFooters.defaultForAllPages.centerHeader = p.header;
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

/**
 * Judges the workbook as of `asOf` and writes 状态/完成率/说明, fills and the 汇总 sheet.
 * Two syncs: read, write (a third only if a request would pass the payload limit).
 */
export async function checkTracking(
  context: Excel.RequestContext,
  asOf: string,
  opts: OfficeJobOptions & { print?: boolean } = {},
): Promise<CheckResult> {
  const b = batchFor(context, opts);
  opts.progress?.('读取推进计划表', 0);
  const wb = await readTrackingWorkbook(context, [], {
    caps: b.caps,
    rowHeights: true,
    payloadLimit: opts.payloadLimit,
  });
  b.syncs += wb.syncs;
  const { judgements, counts, patch, bulletin } = checkTrackingRead(wb.read, asOf);
  opts.progress?.('写入校验结果', 0.5);
  const fits: Array<[string, () => boolean]> = [];
  await writing(b, async () => {
    await queueFullPatch(b, patch, wb);
    if (opts.print)
      await queuePrintSetups(
        b,
        asOf,
        wb.sheets.map((s) => s.name).concat(patch.sheets.map((s) => s.name)),
        wb,
        new Set(patch.sheets.map((s) => s.name)),
        fits,
      );
  });
  return {
    ...(opts.print ? { fitNotApplied: fits.filter(([, ok]) => !ok()).map(([name]) => name) } : {}),
    judgements,
    counts,
    bulletin,
    read: wb.read,
    syncs: b.syncs,
    splits: b.splits,
  };
}

/** One sync: the indicators (with the user's target corrections) and what was entered. */
export async function readEntries(context: Excel.RequestContext): Promise<{ read: TrackingRead; syncs: number }> {
  const wb = await readTrackingWorkbook(context);
  return { read: wb.read, syncs: wb.syncs };
}

/** Selects an indicator's row in the main sheet (id … 说明). Two syncs; false when the id isn't there. */
export async function selectIndicator(context: Excel.RequestContext, id: string): Promise<boolean> {
  const wb = await readTrackingWorkbook(context);
  const pos = wb.read.positions;
  const r = pos.rows[id];
  if (r === undefined) return false;
  const cols = pos.columns;
  const last = Math.max(cols.id, cols.status, cols.note ?? 0, cols.annual);
  const ws = context.workbook.worksheets.getItem(pos.sheet);
  ws.activate();
  rangeOf(ws, { r1: r, c1: cols.id, r2: r, c2: last }).select();
  await context.sync();
  return true;
}

export interface PrintResult {
  /** Sheets whose page setup was written. */
  sheets: string[];
  syncs: number;
}

/** Queues core's print setup for each tracking sheet in `present`; returns the sheets done, and (after the
 *  sync) those where fit-to-width did not stick. */
async function queuePrintSetups(
  b: Batch,
  asOf: string | undefined,
  present: string[],
  wb: Pick<WorkbookRead, 'sheets' | 'protectedSheets'>,
  replaced: ReadonlySet<string> = new Set(),
  checks: Array<[string, () => boolean]> = [],
): Promise<string[]> {
  // The print setup of each sheet as core's layout defines it (content doesn't matter for that).
  const template = buildTrackingLayout(
    { title: '', year: Number((asOf ?? '2000').slice(0, 4)), items: [], warnings: [] },
    { asOf },
  );
  const done: string[] = [];
  for (const s of template.sheets) {
    if (!s.print || !present.includes(s.name) || done.includes(s.name)) continue;
    checks.push([s.name, await applyPrint(b, writable(b, wb, s.name, replaced), s.print)]);
    done.push(s.name);
  }
  return done;
}

/** Page setup for every tracking sheet present, with the 截至 date in the header. Two syncs. */
export async function applyPrintSetup(
  context: Excel.RequestContext,
  asOf?: string,
  opts: OfficeJobOptions = {},
): Promise<PrintResult> {
  const b = batchFor(context, opts);
  const sheets = await listSheets(context);
  b.syncs++;
  let done: string[] = [];
  await writing(b, async () => {
    done = await queuePrintSetups(
      b,
      asOf,
      sheets.map((s) => s.name),
      { sheets, protectedSheets: new Set() },
    );
  });
  return { sheets: done, syncs: b.syncs };
}

/** 打印: check as of `asOf` (refreshing 汇总 and the highlights) and set up every sheet for printing,
 *  in the check's two syncs. The 通报 text comes back for the clipboard. */
export async function preparePrint(
  context: Excel.RequestContext,
  asOf: string,
  opts: OfficeJobOptions = {},
): Promise<CheckResult> {
  return checkTracking(context, asOf, { ...opts, print: true });
}

/** The active sheet's values as a grid (to recognize a plan table pasted there). One sync. */
export async function readActiveSheet(context: Excel.RequestContext): Promise<GridSheet> {
  const ws = context.workbook.worksheets.getActiveWorksheet();
  ws.load('name,visibility');
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('values,numberFormat,rowIndex,columnIndex');
  ws.protection.load('protected');
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read -- ws.protection is a navigation property (its `protected` is loaded above)
  return toGrid([collect({ name: ws.name, visibility: ws.visibility, used, protection: ws.protection })])[0];
}

/** Opens an .xlsx (base64) as a new workbook in Excel (Excel.createWorkbook); false when there is no Excel. */
export async function openAsNewWorkbook(base64: string): Promise<boolean> {
  const excel = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!excel || typeof excel.createWorkbook !== 'function') return false;
  await excel.createWorkbook(base64);
  return true;
}

async function readForConsolidation(context: Excel.RequestContext): Promise<{ wb: WorkbookRead; syncs: number }> {
  const extra = [LOG_SHEET, PROGRESS_SHEET];
  // List first: 日志 and 进展情况 exist only after a first consolidation.
  const sheets = await listSheets(context);
  // Row heights ride along, so rows the merge lengthens (说明, 日志) grow instead of clipping (review #16).
  const wb = await readTrackingWorkbook(
    context,
    extra.filter((n) => sheets.some((s) => s.name === n)),
    { rowHeights: true },
  );
  return { wb, syncs: 1 + wb.syncs };
}

function planFrom(wb: WorkbookRead, inputs: ReturnInput[], opts: ConsolidateOptions): ConsolidationResult {
  return consolidateGrids(wb.grid, inputs, { time: opts.time });
}

/** The consolidation report for the open workbook and the given returns, writing nothing. Two syncs. */
export async function previewConsolidation(
  context: Excel.RequestContext,
  inputs: ReturnInput[],
  opts: ConsolidateOptions,
): Promise<ConsolidationResult & { syncs: number }> {
  const { wb, syncs } = await readForConsolidation(context);
  return { ...planFrom(wb, inputs, opts), syncs };
}

export interface ApplyConsolidationResult extends ConsolidationResult {
  syncs: number;
  splits: number;
  /** The check run on the merged figures, when `asOf` was given. */
  check?: { judgements: Judgement[]; counts: Record<Status, number>; bulletin: string };
}

/**
 * Re-reads the workbook (it may have changed since the preview), applies the returns, and when
 * `asOf` is given also re-checks the merged figures in the same write. At most 3 syncs.
 */
export async function applyConsolidation(
  context: Excel.RequestContext,
  inputs: ReturnInput[],
  opts: ConsolidateOptions & OfficeJobOptions & { asOf?: string },
): Promise<ApplyConsolidationResult> {
  const b = batchFor(context, opts);
  opts.progress?.('读取汇总表', 0);
  const { wb, syncs } = await readForConsolidation(context);
  b.syncs += syncs;
  const result = planFrom(wb, inputs, opts);
  let check: ApplyConsolidationResult['check'];
  let checkPatch: WorkbookPatch | null = null;
  if (opts.asOf) {
    // Judge the workbook as it will be after the merge (the same check the CLI and the page run).
    const checked = checkAfterConsolidation(wb.grid, result.patch, opts.asOf);
    checkPatch = checked.patch;
    check = { judgements: checked.judgements, counts: checked.counts, bulletin: checked.bulletin };
  }
  opts.progress?.('写入报送数据', 0.5);
  await writing(b, async () => {
    await queueFullPatch(b, result.patch, wb);
    if (checkPatch) {
      // The consolidation may have added sheets; they exist by now for the check's getItem calls.
      const after = {
        ...wb,
        sheets: [...wb.sheets, ...result.patch.sheets.map((s) => ({ name: s.name, visibility: 'Visible' }))],
      };
      await queueFullPatch(b, checkPatch, after);
    }
  });
  return { ...result, check, syncs: b.syncs, splits: b.splits };
}
