// The return form a lead unit fills in: its own items and indicators, targets read-only,
// entry cells unlocked and validated so that Excel, WPS or LibreOffice alone still guide the user.
import type { CellValue, DataValidationRule, LayoutCell, Range, SheetLayout, WorkbookLayout } from '../layout/types';
import type { EntryValue, Indicator } from '../model';
import { SIZE } from '../layout/styles';
import { landscapePrint } from '../layout/print';
import { heightForText, MAX_ROW_HEIGHT, spreadHeights } from '../layout/rowHeights';
import { indicatorLabel, targetText } from '../tracking/format';
import { chineseMonthDay as cnMonthDay } from '../dates';
import { periodOfRound } from '../period';
import { makeReturnMeta, returnMetaSheet, ReturnMeta, type ReturnRowBinding } from './meta';
import { ReturnPlan, itemsOfUnit } from './units';
import { entryValidation, isPercentEntry, MILESTONE_DONE, MILESTONE_NOT_DONE } from './entryRules';
import { RETURN_STYLES } from './formStyles';

// Kept for importers: the entry prompts moved to entryRules.ts.
export { entryPrompt } from './entryRules';

export const RETURN_SHEET = '进展填报';

/** Header texts other tools find the columns by; keep them exact. */
export const RETURN_HEADERS = {
  no: '序号',
  name: '事项名称',
  units: '牵头单位',
  id: '指标编号',
  label: '指标',
  unit: '计量单位',
  h1Target: '上半年目标',
  annualTarget: '全年目标',
  h1: '上半年完成',
  annual: '全年完成',
  progress: '进展情况',
} as const;
export const RETURN_REPORTER_LABEL = '填报人';
export const RETURN_PHONE_LABEL = '联系电话';

const COLUMNS: { key: keyof typeof RETURN_HEADERS; width: number }[] = [
  { key: 'no', width: 5 },
  { key: 'name', width: 18 },
  { key: 'units', width: 13 },
  { key: 'id', width: 8 },
  { key: 'label', width: 22 },
  { key: 'unit', width: 8 },
  { key: 'h1Target', width: 11 },
  { key: 'annualTarget', width: 11 },
  { key: 'h1', width: 11 },
  { key: 'annual', width: 11 },
  { key: 'progress', width: 32 },
];
export const RETURN_COL: Record<keyof typeof RETURN_HEADERS, number> = Object.fromEntries(
  COLUMNS.map((c, i) => [c.key, i + 1]),
) as Record<keyof typeof RETURN_HEADERS, number>;

export interface ReturnFormOptions {
  planId: string;
  planHash: string;
  /** e.g. "2023年上半年" or "2023年5月调度". */
  round: string;
  /** ISO time the form was made; recorded, not sealed. */
  createdAt: string;
}

const BODY = SIZE.body;
const width = (key: keyof typeof RETURN_HEADERS) => COLUMNS[RETURN_COL[key] - 1].width;

/** What the form's steps add to: its cells, merges, validations and row heights. */
interface Drawing {
  cells: LayoutCell[];
  merges: Range[];
  validations: DataValidationRule[];
  rowHeights: Record<number, number>;
  /** Entry rows bound to their indicators, for the hidden sheet. */
  bound: ReturnRowBinding[];
}

/**
 * What the round asks for, from its period: up to which date and into which column, e.g. 2023年一季度 →
 * "本轮填写截至3月31日的累计数，填在“上半年完成”列。". Empty for a round that names no period.
 */
export function roundInstruction(round: string, year: number): string {
  const at = periodOfRound(round, year);
  if (!at) return '';
  return `本轮填写截至${cnMonthDay(at.asOf)}的累计数，填在“${RETURN_HEADERS[at.period.entry]}”列。`;
}

/** The 上半年完成 figures a form shows: the master's, once the round's period is past H1 (三季度, 全年). */
function knownH1(plan: ReturnPlan, round: string): Record<string, EntryValue> {
  return periodOfRound(round, plan.year)?.period.showsKnownH1 ? (plan.h1Known ?? {}) : {};
}

/** Step 1: title, the note on what to fill in, and the header row. */
function drawHead(d: Drawing, plan: ReturnPlan, unit: string, round: string, hasKnown: boolean): void {
  const lastCol = COLUMNS.length;
  d.cells.push({ r: 1, c: 1, value: `${plan.year}年重要事项进展填报表`, style: 'ret.title' });
  d.merges.push({ r1: 1, c1: 1, r2: 1, c2: lastCol });
  d.rowHeights[1] = 36;
  const info =
    `填报单位：${unit}　　轮次：${round}　　${roundInstruction(round, plan.year)}` +
    '请只在带底色的单元格中填写；数字按“计量单位”填写，不加单位，说明写在进展情况。' +
    (hasKnown ? '上半年完成已填入总表中的数字，如无变化请勿改动。' : '');
  d.cells.push({ r: 2, c: 1, value: info, style: 'ret.info' });
  d.merges.push({ r1: 2, c1: 1, r2: 2, c2: lastCol });
  d.rowHeights[2] = heightForText(
    info,
    COLUMNS.reduce((a, c) => a + c.width, 0),
    BODY,
  );
  for (const col of COLUMNS) {
    d.cells.push({ r: 3, c: RETURN_COL[col.key], value: RETURN_HEADERS[col.key], style: 'ret.head' });
  }
  d.rowHeights[3] = 30;
}

/** A known H1 figure in the form's own terms (a % cell stores 0.52, a milestone says 已完成). */
function knownCell(h1: EntryValue | undefined, pct: boolean): CellValue {
  if (typeof h1 === 'number') return pct ? h1 / 100 : h1;
  if (typeof h1 === 'string') return h1;
  if (typeof h1 === 'boolean') return h1 ? MILESTONE_DONE : MILESTONE_NOT_DONE;
  if (h1 instanceof Date) return h1.toISOString().slice(0, 10);
  return null;
}

/** Step 2b: one indicator's row: read-only targets, entry cells and their validations. Returns its height. */
function drawIndicator(d: Drawing, ind: Indicator, r: number, year: number, known: Record<string, EntryValue>) {
  const C = RETURN_COL;
  d.bound.push({ row: r, id: ind.id, label: indicatorLabel(ind) });
  d.cells.push({ r, c: C.id, value: ind.id, style: 'ret.center' });
  d.cells.push({ r, c: C.label, value: indicatorLabel(ind), style: 'ret.cell' });
  d.cells.push({ r, c: C.unit, value: ind.kind === 'milestone' ? '—' : ind.unit || '—', style: 'ret.center' });
  d.cells.push({ r, c: C.h1Target, value: targetText(ind, 'h1', year), style: 'ret.center' });
  d.cells.push({ r, c: C.annualTarget, value: targetText(ind, 'annual', year), style: 'ret.center' });
  const pct = isPercentEntry(ind);
  const entryStyle = pct ? 'ret.entryPct' : 'ret.entry';
  const h1Value = knownCell(known[ind.id], pct);
  d.cells.push({ r, c: C.h1, value: h1Value, style: typeof h1Value === 'string' ? 'ret.entryText' : entryStyle });
  d.cells.push({ r, c: C.annual, value: null, style: entryStyle });
  d.cells.push({ r, c: C.progress, value: null, style: 'ret.entryText' });
  d.validations.push(entryValidation(ind, { r1: r, c1: C.h1, r2: r, c2: C.h1 }, RETURN_HEADERS.h1));
  d.validations.push(entryValidation(ind, { r1: r, c1: C.annual, r2: r, c2: C.annual }, RETURN_HEADERS.annual));
  // Two lines at least: room to type a short 进展情况.
  return Math.max(
    heightForText(indicatorLabel(ind), width('label'), BODY),
    heightForText(targetText(ind, 'annual', year), width('annualTarget'), BODY),
    heightForText('　\n　', width('progress'), BODY),
  );
}

/** Step 2: one item: its 序号/名称/牵头单位 merged over its indicators' rows. Returns the next free row. */
function drawItem(
  d: Drawing,
  item: ReturnPlan['items'][number],
  first: number,
  year: number,
  known: Record<string, EntryValue>,
): number {
  const C = RETURN_COL;
  const inds = item.indicators;
  const last = first + inds.length - 1;
  const units = item.leadUnits.join('、');
  d.cells.push({ r: first, c: C.no, value: item.no, style: 'ret.center' });
  d.cells.push({ r: first, c: C.name, value: item.name, style: 'ret.cell' });
  d.cells.push({ r: first, c: C.units, value: units, style: 'ret.center' });
  for (let rr = first + 1; rr <= last; rr++) {
    for (const c of [C.no, C.name, C.units])
      d.cells.push({ r: rr, c, value: null, style: c === C.name ? 'ret.cell' : 'ret.center' });
  }
  if (last > first) for (const c of [C.no, C.name, C.units]) d.merges.push({ r1: first, c1: c, r2: last, c2: c });
  const needs = inds.map((ind, i) => drawIndicator(d, ind, first + i, year, known));
  // Merged item cells span their rows: share the height their text needs among them.
  const block = Math.max(heightForText(item.name, width('name'), BODY), heightForText(units, width('units'), BODY));
  spreadHeights(needs, block).forEach((h, i) => (d.rowHeights[first + i] = Math.min(MAX_ROW_HEIGHT, h)));
  return last + 1;
}

/** Step 3: who filled it in, free text kept as text, a row below the table. */
function drawSignature(d: Drawing, sign: number): void {
  const C = RETURN_COL;
  d.cells.push({ r: sign, c: C.no, value: `${RETURN_REPORTER_LABEL}：`, style: 'ret.label' });
  d.merges.push({ r1: sign, c1: C.no, r2: sign, c2: C.name });
  d.cells.push({ r: sign, c: C.units, value: null, style: 'ret.entryText' });
  d.merges.push({ r1: sign, c1: C.units, r2: sign, c2: C.id });
  d.cells.push({ r: sign, c: C.label, value: `${RETURN_PHONE_LABEL}：`, style: 'ret.label' });
  d.cells.push({ r: sign, c: C.unit, value: null, style: 'ret.entryText' });
  d.merges.push({ r1: sign, c1: C.unit, r2: sign, c2: C.annualTarget });
  d.rowHeights[sign] = 24;
}

/** One sheet with the unit's items and indicators plus the hidden identification sheet. */
export function buildReturnLayout(plan: ReturnPlan, unit: string, opts: ReturnFormOptions): WorkbookLayout {
  const ofUnit = itemsOfUnit(plan.items, unit);
  if (ofUnit.length === 0) throw new Error(`no items for lead unit ${unit}`);
  const items = ofUnit.filter((it) => it.indicators.length > 0);
  const d: Drawing = { cells: [], merges: [], validations: [], rowHeights: {}, bound: [] };
  const known = knownH1(plan, opts.round);
  const hasKnown = items.some((it) => it.indicators.some((ind) => known[ind.id] !== undefined));
  drawHead(d, plan, unit, opts.round, hasKnown);
  let r = 4;
  for (const item of items) r = drawItem(d, item, r, plan.year, known);
  drawSignature(d, r + 1);

  const main: SheetLayout = {
    name: RETURN_SHEET,
    state: 'visible',
    columnWidths: COLUMNS.map((c) => c.width),
    rowHeights: d.rowHeights,
    cells: d.cells,
    merges: d.merges,
    freeze: { rows: 3, cols: 0 },
    protect: true,
    validations: d.validations,
    print: landscapePrint('A4', 'form', {
      titleRows: { from: 3, to: 3 },
      header: `${unit}　${opts.round}`,
      centred: true,
    }),
  };
  const meta: ReturnMeta = makeReturnMeta({
    planId: opts.planId,
    planHash: opts.planHash,
    year: plan.year,
    unit,
    round: opts.round,
    ids: d.bound.map((b) => b.id),
    rows: d.bound,
  });
  return { sheets: [main, returnMetaSheet(meta, opts.createdAt)], styles: { ...RETURN_STYLES } };
}
