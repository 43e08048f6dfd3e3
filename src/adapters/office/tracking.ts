/// <reference types="office-js" />
// The pane's jobs on the open workbook: generate, check, print and consolidation are the core's jobs
// (src/core/jobs) run on the Office host (./host); this file adds what only the add-in does (reading the
// active sheet, selecting a row, opening a new workbook) and the sync counts the tests hold us to.
import type { Judgement, Plan, Status } from '../../core/model';
import type { GridSheet } from '../../core/layout/types';
import type { TrackingOptions } from '../../core/tracking/layout';
import { readTracking, type TrackingRead } from '../../core/tracking/read';
import type { ConsolidationResult, ReturnInput } from '../../core/consolidate/consolidate';
import { printSetups, READ_SHEETS, runCheck, runPrint, TRACKING_SHEETS } from '../../core/jobs/check';
import { runGenerate, type GenerateJobResult } from '../../core/jobs/generate';
import { runConsolidate } from '../../core/jobs/consolidate';
import { SHEET } from '../../core/tracking/sheet';
import type { OfficeCaps } from './caps';
import { OfficeHost, type OfficeJobOptions, type WorkbookState } from './host';
import { collect, listSheets, rangeOf, toGrid } from './render';

// Kept for importers (live.ts, the pane): these moved to ./host with the Office host.
export { batchFor, queueFullPatch, writable, writing, type OfficeJobOptions } from './host';

/** One sync: which of the tracking sheets the workbook already has. Ask before replacing them. */
export async function existingTrackingSheets(context: Excel.RequestContext): Promise<string[]> {
  const names = new Set((await listSheets(context)).map((s) => s.name));
  return TRACKING_SHEETS.filter((n) => names.has(n));
}

/** The core job's outcome with the request counts; the Office host keeps old sheets aside, so it never refuses. */
export type GenerateResult = (
  Extract<GenerateJobResult, { status: 'needs-confirmation' }> | Extract<GenerateJobResult, { status: 'written' }>
) & {
  syncs: number;
  /** Syncs added only because a request would have passed the payload limit (written only). */
  splits?: number;
};

export interface GenerateOptions extends OfficeJobOptions, TrackingOptions {
  /** The user agreed to replace existing tracking sheets. */
  replace?: boolean;
}

/**
 * Writes the tracking sheets for `plan` (the core's generate job). With the sheets already present and
 * `replace` unset, writes nothing and says so. At most 3 syncs: list sheets, read old entries (only when
 * replacing), write.
 */
export async function generateTracking(
  context: Excel.RequestContext,
  plan: Plan,
  opts: GenerateOptions = {},
): Promise<GenerateResult> {
  const host = new OfficeHost(context, opts);
  const r = await runGenerate(host, plan, opts);
  const syncs = host.b.syncs;
  if (r.status === 'needs-confirmation') return { ...r, syncs };
  // The Office host keeps old sheets aside, so the job never refuses here.
  if (r.status === 'refused') throw new Error(`generate refused on a host that keeps sheets: ${r.reason}`);
  return { ...r, syncs, splits: host.b.splits };
}

export interface WorkbookRead extends WorkbookState {
  read: TrackingRead;
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
  const host = new OfficeHost(context, opts);
  const grid = await host.readSheets([...READ_SHEETS, ...extra], {
    heightsOf: opts.rowHeights ? SHEET.main : undefined,
    required: SHEET.main,
  });
  const { sheets, protectedSheets, fellBack } = host;
  return { read: readTracking(grid), grid, sheets, protectedSheets, syncs: host.b.syncs, fellBack };
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

/**
 * Judges the workbook as of `asOf` and writes 状态/完成率/说明, fills and the 汇总 sheet (the core's check
 * job). Two syncs: read, write (a third only if a request would pass the payload limit).
 */
export async function checkTracking(
  context: Excel.RequestContext,
  asOf: string,
  opts: OfficeJobOptions & { print?: boolean } = {},
): Promise<CheckResult> {
  const host = new OfficeHost(context, opts);
  const r = await (opts.print ? runPrint(host, asOf) : runCheck(host, asOf));
  return {
    ...(opts.print ? { fitNotApplied: r.printNotApplied ?? [] } : {}),
    judgements: r.judgements,
    counts: r.counts,
    bulletin: r.bulletin,
    read: r.read,
    syncs: host.b.syncs,
    splits: host.b.splits,
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

/** Page setup for every tracking sheet present, with the 截至 date in the header. Two syncs. */
export async function applyPrintSetup(
  context: Excel.RequestContext,
  asOf?: string,
  opts: OfficeJobOptions = {},
): Promise<PrintResult> {
  const host = new OfficeHost(context, opts);
  const print = printSetups(asOf, await host.listSheets());
  await host.write({ print });
  return { sheets: print.map((p) => p.sheet), syncs: host.b.syncs };
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

/** The consolidation report for the open workbook and the given returns, writing nothing. Two syncs. */
export async function previewConsolidation(
  context: Excel.RequestContext,
  inputs: ReturnInput[],
  opts: { time: string },
): Promise<ConsolidationResult & { syncs: number }> {
  const host = new OfficeHost(context);
  const r = await runConsolidate(host, () => Promise.resolve(inputs), { time: opts.time, write: false });
  return { ...r, syncs: host.b.syncs };
}

export interface ApplyConsolidationResult extends ConsolidationResult {
  syncs: number;
  splits: number;
  /** The check run on the merged figures. */
  check?: { judgements: Judgement[]; counts: Record<Status, number>; bulletin: string };
}

/**
 * Re-reads the workbook (it may have changed since the preview), applies the returns, and re-checks the
 * merged figures at `asOf` (default: the returns' round) in the same write (the core's consolidate job, as
 * the CLI and the page run it). At most 3 syncs.
 */
export async function applyConsolidation(
  context: Excel.RequestContext,
  inputs: ReturnInput[],
  opts: OfficeJobOptions & { time: string; asOf?: string },
): Promise<ApplyConsolidationResult> {
  const host = new OfficeHost(context, opts);
  const r = await runConsolidate(host, () => Promise.resolve(inputs), { time: opts.time, asOf: opts.asOf });
  const { judgements, counts, bulletin } = r.check;
  return {
    report: r.report,
    patch: r.patch,
    check: { judgements, counts, bulletin },
    syncs: host.b.syncs,
    splits: host.b.splits,
  };
}
