// The 推进计划表 sheet: the official table (序号 … 牵头单位) with the progress columns beside it, one row per
// indicator, an item's own cells merged over its indicator rows.
import type { Indicator, Plan, PlanItem } from '../model';
import type { CellValue, DataValidationRule, LayoutCell, Range, SheetLayout } from '../layout/types';
import { SIZE, TEXT_INDENT } from '../layout/styles';
import { heightForLines, heightForText, spreadHeights } from '../layout/rowHeights';
import { indicatorLabel, targetText } from './format';
import { COL, HEADER, MAIN_ROW, MAIN_WIDTHS, SHEET } from './sheet';
import { mainRowBreaks, trackingPrint } from './print';
import { entryRule, mergeRules } from './entryRules';

function range(r1: number, c1: number, r2: number, c2: number): Range {
  return { r1, c1, r2, c2 };
}

const w = (c: number) => MAIN_WIDTHS[c - 1];

/** Cells, merges and heights as a sheet is drawn. */
class Drawing {
  readonly cells: LayoutCell[] = [];
  readonly merges: Range[] = [];
  readonly rowHeights: Record<number, number> = {};
  readonly validations: DataValidationRule[] = [];
  // An empty text is no value: hosts and readers treat '' and blank alike.
  put(r: number, c: number, value: CellValue, style: string): void {
    this.cells.push({ r, c, value: value === '' ? null : value, style });
  }
  merge(r1: number, c1: number, r2: number, c2: number): void {
    this.merges.push(range(r1, c1, r2, c2));
  }
}

/** True when the plan wrote one text for both halves (a merged 上半年/下半年 cell in the source). */
function halvesMerged(item: PlanItem): boolean {
  return item.h2Plan.trim() === '' || item.h2Plan.trim() === item.h1Plan.trim();
}

/** 附件 line and the title across the table. */
function drawTitle(d: Drawing, title: string): void {
  const last = MAIN_WIDTHS.length;
  d.put(MAIN_ROW.attach, 1, '附件', 'attach');
  d.rowHeights[MAIN_ROW.attach] = 20;
  d.put(MAIN_ROW.title, 1, title, 'title');
  d.merge(MAIN_ROW.title, 1, MAIN_ROW.title, last);
  const titleWidth = MAIN_WIDTHS.reduce((a, b) => a + b, 0);
  d.rowHeights[MAIN_ROW.title] = Math.max(36, heightForText(title, titleWidth, SIZE.title));
}

/** Official header over two rows; 年度工作计划 spans 上半年/下半年, 推进情况 spans the progress columns. */
function drawHeader(d: Drawing): void {
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
    d.put(g, c, text, 'head');
    d.put(h, c, null, 'head');
    d.merge(g, c, h, c);
  }
  d.put(g, COL.h1Plan, HEADER.plan, 'head');
  d.put(g, COL.h2Plan, null, 'head');
  d.merge(g, COL.h1Plan, g, COL.h2Plan);
  d.put(h, COL.h1Plan, HEADER.h1Plan, 'head');
  d.put(h, COL.h2Plan, HEADER.h2Plan, 'head');
  d.put(g, COL.id, HEADER.progress, 'head');
  for (let c = COL.id + 1; c <= COL.progress; c++) d.put(g, c, null, 'head');
  d.merge(g, COL.id, g, COL.progress);
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
  for (const [c, text] of progress) d.put(h, c, text, 'head');
  d.rowHeights[g] = heightForLines(1, SIZE.heading);
  // Tall headers span both rows; the header row fits the longest wrapped progress header.
  d.rowHeights[h] = Math.max(
    ...progress.map(([c, text]) => heightForText(text, w(c), SIZE.heading)),
    ...tall.map(([c, text]) => heightForText(text, w(c), SIZE.heading) - d.rowHeights[g]),
  );
}

/** An item's own cells (序号 … 牵头单位) on its first row, blanks below, merged over its rows. */
function drawItemCells(d: Drawing, item: PlanItem, first: number, lastRow: number): void {
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
    d.put(first, c, value, style);
    for (let rr = first + 1; rr <= lastRow; rr++) d.put(rr, c, null, style);
  }
  for (const c of [COL.no, COL.name, COL.summary, COL.goal, COL.lead]) {
    if (lastRow > first) d.merge(first, c, lastRow, c);
  }
  if (merged) d.merge(first, COL.h1Plan, lastRow, COL.h2Plan);
  else if (lastRow > first) {
    d.merge(first, COL.h1Plan, lastRow, COL.h1Plan);
    d.merge(first, COL.h2Plan, lastRow, COL.h2Plan);
  }
}

/** One indicator row (or the 无量化指标 row of an item without one); returns the height the row itself needs. */
function drawIndicatorRow(d: Drawing, ind: Indicator | null, r: number, year: number): number {
  let need: number;
  if (ind) {
    const label = indicatorLabel(ind);
    const h1 = targetText(ind, 'h1', year);
    const an = targetText(ind, 'annual', year);
    d.put(r, COL.id, ind.id, 'center');
    d.put(r, COL.label, label, 'left');
    d.put(r, COL.h1Target, h1, 'center');
    d.put(r, COL.h1, null, 'entry');
    d.put(r, COL.annualTarget, an, 'center');
    d.put(r, COL.annual, null, 'entry');
    d.validations.push(entryRule(ind, r));
    // Room for the label, the targets, and a two-line 说明 written later by a check.
    need = Math.max(
      heightForText(label, w(COL.label), SIZE.body, TEXT_INDENT),
      heightForText(h1, w(COL.h1Target), SIZE.body),
      heightForText(an, w(COL.annualTarget), SIZE.body),
      heightForLines(2, SIZE.body),
    );
  } else {
    d.put(r, COL.id, null, 'center');
    d.put(r, COL.label, '（无量化指标）', 'left');
    for (const c of [COL.h1Target, COL.h1, COL.annualTarget, COL.annual]) d.put(r, c, null, 'center');
    need = heightForLines(2, SIZE.body);
  }
  d.put(r, COL.h1Rate, null, 'rate');
  d.put(r, COL.annualRate, null, 'rate');
  d.put(r, COL.status, null, 'center');
  d.put(r, COL.note, null, 'left');
  d.put(r, COL.progress, null, 'progressText');
  return need;
}

/** Height an item's merged cells need over all its rows. */
function itemBlockNeed(item: PlanItem): number {
  return Math.max(
    heightForText(item.name, w(COL.name), SIZE.body),
    heightForText(item.summary, w(COL.summary), SIZE.body, TEXT_INDENT),
    heightForText(item.annualGoal, w(COL.goal), SIZE.body, TEXT_INDENT),
    halvesMerged(item)
      ? heightForText(item.h1Plan, w(COL.h1Plan) + w(COL.h2Plan), SIZE.body, TEXT_INDENT)
      : Math.max(
          heightForText(item.h1Plan, w(COL.h1Plan), SIZE.body, TEXT_INDENT),
          heightForText(item.h2Plan, w(COL.h2Plan), SIZE.body, TEXT_INDENT),
        ),
    heightForText(item.leadUnits.join('、'), w(COL.lead), SIZE.body),
  );
}

/** An item's rows from `first`; returns the row after them. */
function drawItem(d: Drawing, item: PlanItem, first: number, year: number): number {
  const inds: (Indicator | null)[] = item.indicators.length > 0 ? item.indicators : [null];
  const lastRow = first + inds.length - 1;
  drawItemCells(d, item, first, lastRow);
  const own = inds.map((ind, i) => drawIndicatorRow(d, ind, first + i, year));
  spreadHeights(own, itemBlockNeed(item)).forEach((height, i) => (d.rowHeights[first + i] = height));
  return lastRow + 1;
}

export function mainSheet(plan: Plan, asOf: string | undefined): SheetLayout {
  const d = new Drawing();
  drawTitle(d, plan.title);
  drawHeader(d);
  const blocks: { first: number; last: number }[] = [];
  let r: number = MAIN_ROW.firstData;
  for (const item of plan.items) {
    const next = drawItem(d, item, r, plan.year);
    blocks.push({ first: r, last: next - 1 });
    r = next;
  }
  const lastData = Math.max(r - 1, MAIN_ROW.header);
  return {
    name: SHEET.main,
    state: 'visible',
    columnWidths: MAIN_WIDTHS.slice(),
    rowHeights: d.rowHeights,
    cells: d.cells,
    merges: d.merges,
    freeze: { rows: MAIN_ROW.header, cols: COL.name },
    autoFilter: range(MAIN_ROW.header, COL.id, lastData, COL.progress),
    protect: true,
    validations: mergeRules(d.validations),
    print: trackingPrint('A3', { from: MAIN_ROW.group, to: MAIN_ROW.header }, asOf),
    rowBreaks: mainRowBreaks(d.rowHeights, blocks),
  };
}
