// Where things are in the tracking workbook: sheet names, header texts, columns.
// Other tools find columns by the header texts, so those are fixed strings.
import type { IndicatorKind, Comparator } from '../model';

/** Sheet names of the tracking workbook. */
export const SHEET = {
  main: '推进计划表',
  targets: '指标',
  summary: '汇总',
  /** Hidden sheet holding plan metadata in cells. */
  meta: '_tuijin',
} as const;

/** Marker in the meta sheet that says "this is a Tuijin tracking workbook". */
export const META_FORMAT = 'tuijin-tracking';

/** Columns of the main sheet, 1-based. */
export const COL = {
  no: 1,
  name: 2,
  summary: 3,
  goal: 4,
  h1Plan: 5,
  h2Plan: 6,
  lead: 7,
  id: 8,
  label: 9,
  h1Target: 10,
  h1: 11,
  h1Rate: 12,
  annualTarget: 13,
  annual: 14,
  annualRate: 15,
  status: 16,
  note: 17,
  progress: 18,
} as const;

/** Header texts of the main sheet. 指标编号/上半年完成/全年完成/状态 must stay exactly so. */
export const HEADER = {
  no: '序号',
  name: '事项名称',
  summary: '事项简介',
  goal: '年度任务目标',
  plan: '年度工作计划',
  h1Plan: '上半年',
  h2Plan: '下半年',
  lead: '牵头单位',
  progress: '推进情况',
  id: '指标编号',
  label: '指标',
  h1Target: '上半年目标',
  h1: '上半年完成',
  annualTarget: '全年目标',
  annual: '全年完成',
  /** 上半年完成 against 上半年目标. */
  h1Rate: '上半年完成率',
  /** 全年完成 (before the close, the latest figure) against 全年目标. */
  annualRate: '全年完成率',
  /** Workbooks made before the two rate columns had one 完成率 column; a check turns it into 全年完成率. */
  rate: '完成率',
  status: '状态',
  note: '说明',
  /** The latest 进展情况 text per indicator, from consolidated returns (filled by a check). */
  progressText: '进展情况',
} as const;

/** Column widths of the main sheet in Excel character units, index 0 = column A. The sheet prints on A3
 *  landscape at about 89% (11 pt text prints at 9.8 pt); the long texts get width by how much they hold:
 *  事项简介 most, then the target and the two half-year plans, so an item's rows stay short. */
export const MAIN_WIDTHS = [4, 10, 34, 24, 19, 19, 10, 6, 13, 8, 8, 8, 8, 8, 8, 7, 20, 17];

/** Main sheet rows: 附件 line, title, header group row, header row; data starts below. */
export const MAIN_ROW = { attach: 1, title: 2, group: 3, header: 4, firstData: 5 } as const;

/** Columns of the 指标 (targets) sheet, in order: key, header text, width (fitting A4 landscape at about 90%, so 11 pt text prints near 10 pt). */
export const TARGET_COLUMNS = [
  ['id', '指标编号', 8],
  ['item', '序号', 5],
  ['label', '指标', 22],
  ['unit', '单位', 7],
  ['kind', '类型', 8],
  ['comparator', '比较', 5],
  ['annual', '全年目标', 10],
  ['h1', '上半年目标', 10],
  ['h2', '下半年目标', 10],
  ['deadline', '截止日期', 13],
  ['per', '每', 5],
  ['source', '来源', 40],
  // Why the extraction may be wrong; empty when it is sure.
  ['review', '待核', 16],
] as const;
/** Keys of the 指标 sheet's columns. */
export type TargetColumnKey = (typeof TARGET_COLUMNS)[number][0];
export const TARGET_ROW = { note: 1, header: 2, firstData: 3 } as const;

export const KIND_LABEL: Record<IndicatorKind, string> = {
  count: '累计',
  level: '存量',
  ratio: '比率',
  change: '增减',
  milestone: '里程碑',
};

export const COMPARATOR_LABEL: Record<Comparator, string> = { '>=': '≥', '<=': '≤', '≈': '≈', '=': '=' };

// Kept for importers: status marks and fills live in the status table (core/status.ts).
export { STATUS_FILL, STATUS_SYMBOL } from '../status';
