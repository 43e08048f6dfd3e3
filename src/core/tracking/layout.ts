// The tracking workbook as a layout model: 推进计划表 (official table + progress columns), 指标 (editable
// targets), 汇总 (filled by a check) and a hidden sheet with plan metadata in cells. Each sheet has a file of
// its own; this one puts them together.
import type { Plan } from '../model';
import type { SheetLayout, WorkbookLayout } from '../layout/types';
import { SIZE } from '../layout/styles';
import { heightForText } from '../layout/rowHeights';
import { SHEET } from './sheet';
import { TRACKING_STYLES } from './styles';
import { trackingPrint } from './print';
import { mainSheet } from './mainSheet';
import { targetsSheet } from './targetsSheet';
import { metaSheet } from './metaSheet';

// Kept for importers: these names lived here before the split.
export { TRACKING_STYLES } from './styles';
export { planIdentity } from './metaSheet';

/** Options for buildTrackingLayout. */
export interface TrackingOptions {
  /** Version of the tool writing the workbook (kept in the meta sheet). */
  toolVersion?: string;
  /** Date for the print header's 截至 line, 'YYYY-MM-DD'; blank line when absent. */
  asOf?: string;
}

/** Until a check runs, the 汇总 sheet says how to get one. */
function placeholderSummary(opts: TrackingOptions): SheetLayout {
  const text =
    '尚未检查。在“推进计划表”的上半年完成、全年完成两列填入数字后，运行检查（命令行 tuijin check --write，或加载项的“检查”），这里会生成按状态、按牵头单位的统计、未达标清单和通报段落。';
  return {
    name: SHEET.summary,
    state: 'visible',
    columnWidths: [14, 12, 12, 12, 12, 12, 12, 12, 12, 12],
    rowHeights: { 1: 30, 2: heightForText(text, 122, SIZE.body) },
    cells: [
      { r: 1, c: 1, value: '推进情况汇总', style: 'title' },
      { r: 2, c: 1, value: text, style: 'text' },
    ],
    merges: [
      { r1: 1, c1: 1, r2: 1, c2: 10 },
      { r1: 2, c1: 1, r2: 2, c2: 10 },
    ],
    protect: false,
    validations: [],
    print: trackingPrint('A4', undefined, opts.asOf),
  };
}

/** The whole tracking workbook for a plan: 推进计划表, 指标, 汇总 and the hidden meta sheet. */
export function buildTrackingLayout(plan: Plan, opts: TrackingOptions = {}): WorkbookLayout {
  return {
    sheets: [
      mainSheet(plan, opts.asOf),
      targetsSheet(plan, opts.asOf),
      placeholderSummary(opts),
      metaSheet(plan, opts.toolVersion),
    ],
    styles: { ...TRACKING_STYLES },
  };
}
