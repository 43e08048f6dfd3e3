// The tracking workbook as a layout model: 推进计划表 (official table + progress columns), 指标 (editable
// targets), 汇总 (filled by a check) and a hidden sheet with plan metadata in cells.
import { Indicator, Plan, PlanItem, SCHEMA_VERSION } from '../model';
import type {
  CellStyle,
  CellValue,
  DataValidationRule,
  LayoutCell,
  PrintSetup,
  Range,
  SheetLayout,
  WorkbookLayout,
} from '../layout/types';
import { COLOR, FONT, PAGE_FOOTER, SIZE, TEXT_INDENT } from '../layout/styles';
import { heightForLines, heightForText, spreadHeights } from '../layout/rowHeights';
import { blockBreaks, pageCapacity, spanHeight } from '../layout/pages';
import { fingerprintData } from '../hash';
import { cnDate, indicatorLabel, targetText } from './format';
import {
  COL,
  COMPARATOR_LABEL,
  HEADER,
  KIND_LABEL,
  MAIN_ROW,
  MAIN_WIDTHS,
  META_FORMAT,
  SHEET,
  TARGET_COLUMNS,
  TARGET_ROW,
} from './sheet';

/** Options for buildTrackingLayout. */
export interface TrackingOptions {
  /** Version of the tool writing the workbook (kept in the meta sheet). */
  toolVersion?: string;
  /** Date for the print header's 截至 line, 'YYYY-MM-DD'; blank line when absent. */
  asOf?: string;
}

const border = true;
const body = { name: FONT.body, size: SIZE.body };

/** Cell styles shared by the tracking workbook's sheets (keys used by layout and patches). */
export const TRACKING_STYLES: Record<string, CellStyle> = {
  attach: { font: { name: FONT.heading, size: SIZE.attach }, horizontal: 'left', vertical: 'middle' },
  title: { font: { name: FONT.title, size: SIZE.title }, horizontal: 'center', vertical: 'middle', wrap: true },
  head: {
    font: { name: FONT.heading, size: SIZE.heading },
    fill: COLOR.headerFill,
    border,
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
  },
  center: { font: body, border, horizontal: 'center', vertical: 'middle', wrap: true },
  left: { font: body, border, horizontal: 'left', vertical: 'middle', wrap: true, indent: TEXT_INDENT },
  // 进展情况 from returns: text as text, so a leading '=' never becomes a formula.
  progressText: {
    font: body,
    border,
    horizontal: 'left',
    vertical: 'middle',
    wrap: true,
    indent: TEXT_INDENT,
    numFmt: '@',
  },
  entry: {
    font: body,
    border,
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
    fill: COLOR.entryFill,
    locked: false,
  },
  /** An entry cell the user formatted as a percentage (typing 53% stores 0.53): a check keeps it so. */
  entryPct: {
    font: body,
    border,
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
    fill: COLOR.entryFill,
    locked: false,
    numFmt: '0%',
  },
  rate: { font: body, border, horizontal: 'center', vertical: 'middle', numFmt: '0%' },
  text: { font: body, horizontal: 'left', vertical: 'middle', wrap: true },
  note: {
    font: { name: FONT.body, size: SIZE.small, color: '595959' },
    horizontal: 'left',
    vertical: 'middle',
    wrap: true,
  },
  subtitle: { font: { name: FONT.heading, size: 12 }, horizontal: 'left', vertical: 'middle' },
  num: { font: body, border, horizontal: 'center', vertical: 'middle', numFmt: 'General' },
  plain: { font: body },
};

/** Print setup we use everywhere: landscape, one page wide, page x of y, 截至 header. */
export function trackingPrint(
  paper: 'A3' | 'A4',
  titleRows: { from: number; to: number } | undefined,
  asOf?: string,
): PrintSetup {
  return {
    orientation: 'landscape',
    paper,
    fitToWidth: 1,
    titleRows,
    margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 },
    header: asOfHeader(asOf),
    footer: PAGE_FOOTER,
    horizontalCentered: true,
  };
}

/** The print-header text for an as-of date ('截至 2023年6月30日'). */
export function asOfHeader(asOf?: string): string {
  return asOf ? `截至 ${cnDate(asOf)}` : '截至    年  月  日';
}

function range(r1: number, c1: number, r2: number, c2: number): Range {
  return { r1, c1, r2, c2 };
}

/** True when the plan wrote one text for both halves (a merged 上半年/下半年 cell in the source). */
function halvesMerged(item: PlanItem): boolean {
  return item.h2Plan.trim() === '' || item.h2Plan.trim() === item.h1Plan.trim();
}

function mainSheet(plan: Plan, opts: TrackingOptions): SheetLayout {
  const cells: LayoutCell[] = [];
  const merges: Range[] = [];
  const rowHeights: Record<number, number> = {};
  const validations: DataValidationRule[] = [];
  // An empty text is no value: hosts and readers treat '' and blank alike.
  const put = (r: number, c: number, value: CellValue, style: string) =>
    cells.push({ r, c, value: value === '' ? null : value, style });
  const last = MAIN_WIDTHS.length;

  put(MAIN_ROW.attach, 1, '附件', 'attach');
  rowHeights[MAIN_ROW.attach] = 20;
  put(MAIN_ROW.title, 1, plan.title, 'title');
  merges.push(range(MAIN_ROW.title, 1, MAIN_ROW.title, last));
  const titleWidth = MAIN_WIDTHS.reduce((a, b) => a + b, 0);
  rowHeights[MAIN_ROW.title] = Math.max(36, heightForText(plan.title, titleWidth, SIZE.title));

  // Official header over two rows; 年度工作计划 spans 上半年/下半年, 推进情况 spans the progress columns.
  const g = MAIN_ROW.group;
  const h = MAIN_ROW.header;
  const tall: [number, string][] = [
    [COL.no, HEADER.no],
    [COL.name, HEADER.name],
    [COL.summary, HEADER.summary],
    [COL.goal, HEADER.goal],
    [COL.lead, HEADER.lead],
  ];
  for (const [c, text] of tall) {
    put(g, c, text, 'head');
    put(h, c, null, 'head');
    merges.push(range(g, c, h, c));
  }
  put(g, COL.h1Plan, HEADER.plan, 'head');
  put(g, COL.h2Plan, null, 'head');
  merges.push(range(g, COL.h1Plan, g, COL.h2Plan));
  put(h, COL.h1Plan, HEADER.h1Plan, 'head');
  put(h, COL.h2Plan, HEADER.h2Plan, 'head');
  put(g, COL.id, HEADER.progress, 'head');
  for (let c = COL.id + 1; c <= COL.progress; c++) put(g, c, null, 'head');
  merges.push(range(g, COL.id, g, COL.progress));
  const progress: [number, string][] = [
    [COL.id, HEADER.id],
    [COL.label, HEADER.label],
    [COL.h1Target, HEADER.h1Target],
    [COL.h1, HEADER.h1],
    [COL.h1Rate, HEADER.h1Rate],
    [COL.annualTarget, HEADER.annualTarget],
    [COL.annual, HEADER.annual],
    [COL.annualRate, HEADER.annualRate],
    [COL.status, HEADER.status],
    [COL.note, HEADER.note],
    [COL.progress, HEADER.progressText],
  ];
  for (const [c, text] of progress) put(h, c, text, 'head');
  const w = (c: number) => MAIN_WIDTHS[c - 1];
  rowHeights[g] = heightForLines(1, SIZE.heading);
  // Tall headers span both rows; the header row fits the longest wrapped progress header.
  rowHeights[h] = Math.max(
    ...progress.map(([c, text]) => heightForText(text, w(c), SIZE.heading)),
    ...tall.map(([c, text]) => heightForText(text, w(c), SIZE.heading) - rowHeights[g]),
  );

  const blocks: { first: number; last: number }[] = [];
  let r = MAIN_ROW.firstData;
  for (const item of plan.items) {
    const inds: (Indicator | null)[] = item.indicators.length > 0 ? item.indicators : [null];
    const first = r;
    const lastRow = r + inds.length - 1;
    blocks.push({ first, last: lastRow });
    const merged = halvesMerged(item);
    const itemCells: [number, CellValue, string][] = [
      [COL.no, item.no, 'center'],
      [COL.name, item.name, 'center'],
      [COL.summary, item.summary, 'left'],
      [COL.goal, item.annualGoal, 'left'],
      [COL.h1Plan, item.h1Plan, 'left'],
      [COL.h2Plan, merged ? null : item.h2Plan, 'left'],
      [COL.lead, item.leadUnits.join('、'), 'center'],
    ];
    for (const [c, value, style] of itemCells) {
      put(first, c, value, style);
      for (let rr = first + 1; rr <= lastRow; rr++) put(rr, c, null, style);
    }
    for (const c of [COL.no, COL.name, COL.summary, COL.goal, COL.lead]) {
      if (lastRow > first) merges.push(range(first, c, lastRow, c));
    }
    if (merged) merges.push(range(first, COL.h1Plan, lastRow, COL.h2Plan));
    else if (lastRow > first) {
      merges.push(range(first, COL.h1Plan, lastRow, COL.h1Plan));
      merges.push(range(first, COL.h2Plan, lastRow, COL.h2Plan));
    }

    const own: number[] = [];
    for (const ind of inds) {
      if (ind) {
        const label = indicatorLabel(ind);
        const h1 = targetText(ind, 'h1', plan.year);
        const an = targetText(ind, 'annual', plan.year);
        put(r, COL.id, ind.id, 'center');
        put(r, COL.label, label, 'left');
        put(r, COL.h1Target, h1, 'center');
        put(r, COL.h1, null, 'entry');
        put(r, COL.annualTarget, an, 'center');
        put(r, COL.annual, null, 'entry');
        validations.push(entryRule(ind, r));
        // Room for the label, the targets, and a two-line 说明 written later by a check.
        own.push(
          Math.max(
            heightForText(label, w(COL.label), SIZE.body, TEXT_INDENT),
            heightForText(h1, w(COL.h1Target), SIZE.body),
            heightForText(an, w(COL.annualTarget), SIZE.body),
            heightForLines(2, SIZE.body),
          ),
        );
      } else {
        put(r, COL.id, null, 'center');
        put(r, COL.label, '（无量化指标）', 'left');
        for (const c of [COL.h1Target, COL.h1, COL.annualTarget, COL.annual]) put(r, c, null, 'center');
        own.push(heightForLines(2, SIZE.body));
      }
      put(r, COL.h1Rate, null, 'rate');
      put(r, COL.annualRate, null, 'rate');
      put(r, COL.status, null, 'center');
      put(r, COL.note, null, 'left');
      put(r, COL.progress, null, 'progressText');
      r++;
    }
    const blockNeed = Math.max(
      heightForText(item.name, w(COL.name), SIZE.body),
      heightForText(item.summary, w(COL.summary), SIZE.body, TEXT_INDENT),
      heightForText(item.annualGoal, w(COL.goal), SIZE.body, TEXT_INDENT),
      merged
        ? heightForText(item.h1Plan, w(COL.h1Plan) + w(COL.h2Plan), SIZE.body, TEXT_INDENT)
        : Math.max(
            heightForText(item.h1Plan, w(COL.h1Plan), SIZE.body, TEXT_INDENT),
            heightForText(item.h2Plan, w(COL.h2Plan), SIZE.body, TEXT_INDENT),
          ),
      heightForText(item.leadUnits.join('、'), w(COL.lead), SIZE.body),
    );
    spreadHeights(own, blockNeed).forEach((height, i) => (rowHeights[first + i] = height));
  }
  const lastData = Math.max(r - 1, MAIN_ROW.header);
  const print = trackingPrint('A3', { from: MAIN_ROW.group, to: MAIN_ROW.header }, opts.asOf);

  return {
    name: SHEET.main,
    state: 'visible',
    columnWidths: MAIN_WIDTHS.slice(),
    rowHeights,
    cells,
    merges,
    freeze: { rows: MAIN_ROW.header, cols: COL.name },
    autoFilter: range(MAIN_ROW.header, COL.id, lastData, COL.progress),
    protect: true,
    validations: mergeRules(validations),
    print,
    rowBreaks: mainRowBreaks(rowHeights, blocks),
  };
}

/** Page breaks for the main sheet so no item's merged rows are cut across two printed pages. */
export function mainRowBreaks(rowHeights: Record<number, number>, blocks: { first: number; last: number }[]): number[] {
  const print = trackingPrint('A3', { from: MAIN_ROW.group, to: MAIN_ROW.header });
  const capacity = pageCapacity(MAIN_WIDTHS, print);
  const lead = spanHeight(rowHeights, 1, blocks.length > 0 ? blocks[0].first - 1 : MAIN_ROW.header);
  const repeated = spanHeight(rowHeights, MAIN_ROW.group, MAIN_ROW.header);
  return blockBreaks(
    capacity,
    lead,
    repeated,
    blocks.map((b) => ({ first: b.first, height: spanHeight(rowHeights, b.first, b.last) })),
  );
}

/** Entry-cell validation: figures ≥ 0 for measured indicators, 已完成/未完成 for milestones. Warnings only,
 *  since "8.5万" or a completion date are valid entries too. */
function entryRule(ind: Indicator, r: number): DataValidationRule {
  const cells = range(r, COL.h1, r, COL.annual);
  if (ind.kind === 'milestone') {
    return {
      range: cells,
      type: 'list',
      list: ['已完成', '未完成'],
      allowBlank: true,
      promptTitle: '填报',
      prompt: '填“已完成”或完成日期',
      errorTitle: '请核对',
      error: '里程碑填“已完成”“未完成”或完成日期。确认无误可点“是”保留。',
      errorStyle: 'warning',
    };
  }
  return {
    range: cells,
    type: 'decimal',
    min: 0,
    allowBlank: true,
    promptTitle: '填报',
    prompt: '填数字（可写“8.5万”“18%”），单位见“指标”列',
    errorTitle: '请核对',
    error: '这里应填数字（可写“8.5万”“18%”）。确认无误可点“是”保留。',
    errorStyle: 'warning',
  };
}

/** Joins rules on consecutive rows that are otherwise equal, so 10,000 rows don't make 10,000 rules.
 *  Entry rules cover the two entry columns, which aren't adjacent, so each rule is split per column. */
function mergeRules(rules: DataValidationRule[]): DataValidationRule[] {
  const out: DataValidationRule[] = [];
  const key = (x: DataValidationRule) =>
    `${x.type}|${x.min}|${x.max}|${x.list?.join(',')}|${x.prompt}|${x.error}|${x.errorStyle}|${x.allowBlank}`;
  for (const rule of rules) {
    const prev = out[out.length - 2];
    if (prev && key(prev) === key(rule) && prev.range.r2 + 1 === rule.range.r1) {
      out[out.length - 2].range = { ...prev.range, r2: rule.range.r2 };
      out[out.length - 1].range = { ...out[out.length - 1].range, r2: rule.range.r2 };
      continue;
    }
    for (const c of [COL.h1, COL.annual]) out.push({ ...rule, range: range(rule.range.r1, c, rule.range.r2, c) });
  }
  return out;
}

function targetsSheet(plan: Plan, opts: TrackingOptions): SheetLayout {
  const cells: LayoutCell[] = [];
  const rowHeights: Record<number, number> = {};
  const widths: number[] = TARGET_COLUMNS.map((c) => c[2]);
  const n = TARGET_COLUMNS.length;
  cells.push({
    r: TARGET_ROW.note,
    c: 1,
    value:
      '指标与目标：提取有误时直接改正本表的目标值、比较或截止日期，检查时以本表为准。类型：累计/存量/比率/增减/里程碑；比较：≥ ≤ ≈ =。',
    style: 'note',
  });
  rowHeights[TARGET_ROW.note] = heightForText(
    String(cells[0].value),
    widths.reduce((a, b) => a + b, 0),
    SIZE.small,
  );
  TARGET_COLUMNS.forEach(([, text], i) => cells.push({ r: TARGET_ROW.header, c: i + 1, value: text, style: 'head' }));
  rowHeights[TARGET_ROW.header] = Math.max(
    ...TARGET_COLUMNS.map(([, text], i) => heightForText(text, widths[i], SIZE.heading)),
  );
  let r = TARGET_ROW.firstData;
  for (const item of plan.items) {
    for (const ind of item.indicators) {
      const values: Record<string, CellValue> = {
        id: ind.id,
        item: ind.item,
        label: ind.label,
        unit: ind.unit,
        kind: KIND_LABEL[ind.kind],
        comparator: COMPARATOR_LABEL[ind.comparator],
        annual: ind.annual,
        h1: ind.h1,
        h2: ind.h2,
        deadline: ind.deadline,
        per: ind.per,
        source: ind.source,
        review: ind.review,
      };
      TARGET_COLUMNS.forEach(([key], i) => {
        const style =
          key === 'label' || key === 'source' || key === 'review'
            ? 'left'
            : key === 'annual' || key === 'h1' || key === 'h2'
              ? 'num'
              : 'center';
        const value = values[key];
        cells.push({ r, c: i + 1, value: value === '' || value === undefined ? null : value, style });
      });
      const width = (key: string) => widths[TARGET_COLUMNS.findIndex((c) => c[0] === key)];
      rowHeights[r] = Math.max(
        heightForText(ind.source, width('source'), SIZE.body, TEXT_INDENT),
        heightForText(ind.label, width('label'), SIZE.body, TEXT_INDENT),
        heightForText(ind.review ?? '', width('review'), SIZE.body),
      );
      r++;
    }
  }
  const lastRow = Math.max(r - 1, TARGET_ROW.header);
  const col = (key: string) => TARGET_COLUMNS.findIndex((c) => c[0] === key) + 1;
  const validations: DataValidationRule[] = [];
  if (lastRow >= TARGET_ROW.firstData) {
    const rows = (c: number) => range(TARGET_ROW.firstData, c, lastRow, c);
    validations.push(
      {
        range: rows(col('kind')),
        type: 'list',
        list: Object.values(KIND_LABEL),
        allowBlank: false,
        errorStyle: 'stop',
        error: '类型只能是：累计、存量、比率、增减、里程碑',
      },
      {
        range: rows(col('comparator')),
        type: 'list',
        list: Object.values(COMPARATOR_LABEL),
        allowBlank: false,
        errorStyle: 'stop',
        error: '比较只能是：≥ ≤ ≈ =',
      },
    );
    for (const key of ['annual', 'h1', 'h2']) {
      validations.push({
        range: rows(col(key)),
        type: 'decimal',
        min: -1e15,
        allowBlank: true,
        errorStyle: 'warning',
        error: '目标应为数字（基本单位，如22万人写220000）',
      });
    }
  }
  return {
    name: SHEET.targets,
    state: 'visible',
    columnWidths: widths,
    rowHeights,
    cells,
    merges: [range(TARGET_ROW.note, 1, TARGET_ROW.note, n)],
    freeze: { rows: TARGET_ROW.header, cols: 1 },
    autoFilter: range(TARGET_ROW.header, 1, lastRow, n),
    protect: false,
    validations,
    print: trackingPrint('A4', { from: TARGET_ROW.header, to: TARGET_ROW.header }, opts.asOf),
  };
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
    merges: [range(1, 1, 1, 10), range(2, 1, 2, 10)],
    protect: false,
    validations: [],
    print: trackingPrint('A4', undefined, opts.asOf),
  };
}

/** Meta fields in the hidden sheet, in order (key in column A, value in column B). */
interface TrackingMeta {
  format: string;
  schemaVersion: number;
  toolVersion: string;
  planId: string;
  planHash: string;
  year: number;
  title: string;
}

/** Plan id (stable across target corrections: title and year) and plan hash (everything). */
export function planIdentity(plan: Plan): { planId: string; planHash: string } {
  return { planId: fingerprintData({ title: plan.title, year: plan.year }), planHash: fingerprintData(plan) };
}

function metaSheet(plan: Plan, opts: TrackingOptions): SheetLayout {
  const meta: TrackingMeta = {
    format: META_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    toolVersion: opts.toolVersion ?? '',
    ...planIdentity(plan),
    year: plan.year,
    title: plan.title,
  };
  const cells: LayoutCell[] = [];
  Object.entries(meta).forEach(([k, v], i) => {
    cells.push({ r: i + 1, c: 1, value: k }, { r: i + 1, c: 2, value: v === '' ? null : (v as CellValue) });
  });
  return {
    name: SHEET.meta,
    state: 'hidden',
    columnWidths: [16, 70],
    rowHeights: {},
    cells,
    merges: [],
    protect: true,
    validations: [],
  };
}

/** The whole tracking workbook for a plan: 推进计划表, 指标, 汇总 and the hidden meta sheet. */
export function buildTrackingLayout(plan: Plan, opts: TrackingOptions = {}): WorkbookLayout {
  return {
    sheets: [mainSheet(plan, opts), targetsSheet(plan, opts), placeholderSummary(opts), metaSheet(plan, opts)],
    styles: { ...TRACKING_STYLES },
  };
}
