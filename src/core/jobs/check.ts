// 校验 and 打印, once for every host: read the tracking sheets, judge at the as-of date, write 状态/完成率/说明,
// fills and 汇总 back; 打印 also sets up every tracking sheet for printing in the same write.
import type { PrintSetup } from '../layout/types';
import type { WorkbookHost } from '../host';
import { readTracking, type TrackingRead } from '../tracking/read';
import { checkTracking, type TrackingCheck } from '../tracking/check';
import { buildTrackingLayout } from '../tracking/layout';
import { SHEET } from '../tracking/sheet';

/** Sheets a tracking workbook consists of (the layout's names, in order). */
export const TRACKING_SHEETS: string[] = [SHEET.main, SHEET.targets, SHEET.summary, SHEET.meta];

/** Sheets read to judge a workbook. */
export const READ_SHEETS: string[] = [SHEET.main, SHEET.targets, SHEET.meta];

export interface CheckJobResult extends TrackingCheck {
  /** What was read (left out with `lean`). */
  read?: TrackingRead;
  /** Indicators of the 指标 sheet with no row in the main sheet (not judged). */
  unplaced: TrackingRead['unplaced'];
  /** 打印 only: sheets whose page setup the host did not apply in full. */
  printNotApplied?: string[];
}

export interface CheckJobOptions {
  print?: boolean;
  /** False: judge only, write nothing. */
  write?: boolean;
  /** Leave `read` out, so it can go before the write (a big workbook's read-back is tens of MB). */
  lean?: boolean;
}

/** The tracking sheets' page setup as core's layout defines it, for those of `present` (content doesn't
 *  matter for it; the 截至 date goes in the header). */
export function printSetups(asOf: string | undefined, present: string[]): Array<{ sheet: string; setup: PrintSetup }> {
  const template = buildTrackingLayout(
    { title: '', year: Number((asOf ?? '2000').slice(0, 4)), items: [], warnings: [] },
    { asOf },
  );
  const out: Array<{ sheet: string; setup: PrintSetup }> = [];
  for (const s of template.sheets)
    if (s.print && present.includes(s.name) && !out.some((o) => o.sheet === s.name))
      out.push({ sheet: s.name, setup: s.print });
  return out;
}

/**
 * Judges the workbook as of `asOf` and (unless `write` is false) writes the results back; with `print`, page
 * setup for every tracking sheet too. The grid is let go once read: a big workbook's values needn't stay.
 */
export async function runCheck(
  host: WorkbookHost,
  asOf: string,
  opts?: CheckJobOptions & { lean?: false },
): Promise<CheckJobResult & { read: TrackingRead }>;
export async function runCheck(host: WorkbookHost, asOf: string, opts?: CheckJobOptions): Promise<CheckJobResult>;
export async function runCheck(host: WorkbookHost, asOf: string, opts: CheckJobOptions = {}): Promise<CheckJobResult> {
  host.progress('读取推进计划表', 0);
  let read: TrackingRead | undefined = readTracking(
    await host.readSheets(READ_SHEETS, { heightsOf: SHEET.main, required: SHEET.main }),
  );
  const checked = checkTracking(read, asOf);
  const { unplaced } = read;
  if (opts.lean) read = undefined;
  if (opts.write === false) return { ...checked, read, unplaced };
  host.progress('写入校验结果', 0.5);
  const print = opts.print
    ? printSetups(asOf, [...(await host.listSheets()), ...checked.patch.sheets.map((s) => s.name)])
    : undefined;
  const written = await host.write({ patches: [checked.patch], print });
  return { ...checked, read, unplaced, ...(opts.print ? { printNotApplied: written.printNotApplied } : {}) };
}

/** 打印: a check at `asOf` (汇总 and highlights refreshed) and every tracking sheet set up for printing. */
export function runPrint(host: WorkbookHost, asOf: string): Promise<CheckJobResult & { read: TrackingRead }> {
  return runCheck(host, asOf, { print: true });
}
