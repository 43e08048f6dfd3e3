// The return form a lead unit fills in: its own items and indicators, targets read-only,
// entry cells unlocked and validated so that Excel, WPS or LibreOffice alone still guide the user.
import type {
  CellStyle,
  CellValue,
  DataValidationRule,
  LayoutCell,
  Range,
  SheetLayout,
  WorkbookLayout,
} from '../layout/types';
import type { Indicator } from '../model';
import { COLOR, FONT, SIZE } from '../layout/styles';
import { landscapePrint } from '../layout/print';
import { heightForText, MAX_ROW_HEIGHT, spreadHeights } from '../layout/rowHeights';
import { indicatorLabel, targetText } from '../tracking/format';
import { makeReturnMeta, returnMetaSheet, ReturnMeta, type ReturnRowBinding } from './meta';
import { ReturnPlan, itemsOfUnit } from './units';

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

const MILESTONE_DONE = '已完成';
const MILESTONE_NOT_DONE = '未完成';

const BODY_FONT = FONT.body;
const HEAD_FONT = FONT.heading;
const TITLE_FONT = FONT.title;
const BODY = SIZE.body;

const RETURN_STYLES: Record<string, CellStyle> = {
  'ret.title': { font: { name: TITLE_FONT, size: SIZE.title }, horizontal: 'center', vertical: 'middle' },
  'ret.info': { font: { name: BODY_FONT, size: BODY }, horizontal: 'left', vertical: 'middle', wrap: true },
  'ret.head': {
    font: { name: HEAD_FONT, size: BODY },
    fill: COLOR.headerFill,
    border: true,
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
  },
  'ret.cell': {
    font: { name: BODY_FONT, size: BODY },
    border: true,
    horizontal: 'left',
    vertical: 'middle',
    wrap: true,
  },
  'ret.center': {
    font: { name: BODY_FONT, size: BODY },
    border: true,
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
  },
  'ret.entry': {
    font: { name: BODY_FONT, size: BODY },
    fill: COLOR.entryFill,
    border: true,
    horizontal: 'center',
    vertical: 'middle',
    locked: false,
  },
  // '@' keeps whatever is typed (or written later) as text, so '=…' never becomes a formula.
  'ret.entryText': {
    font: { name: BODY_FONT, size: BODY },
    fill: COLOR.entryFill,
    border: true,
    horizontal: 'left',
    vertical: 'top',
    wrap: true,
    numFmt: '@',
    locked: false,
  },
  // A percentage typed as people type it (22%, or 22 with Excel's automatic percent entry) is stored 0.22.
  'ret.entryPct': {
    font: { name: BODY_FONT, size: BODY },
    fill: COLOR.entryFill,
    border: true,
    horizontal: 'center',
    vertical: 'middle',
    numFmt: '0.0%',
    locked: false,
  },
  'ret.label': { font: { name: HEAD_FONT, size: BODY }, horizontal: 'right', vertical: 'middle' },
  'ret.text': { numFmt: '@' },
};

export interface ReturnFormOptions {
  planId: string;
  planHash: string;
  /** e.g. "2023年上半年" or "2023年5月调度". */
  round: string;
  /** ISO time the form was made; recorded, not sealed. */
  createdAt: string;
}

/** The input prompt names the unit and gives an example in it, e.g. "单位：人，填写数字，如 100000". */
export function entryPrompt(ind: Indicator): string {
  if (ind.kind === 'milestone') return `填写“${MILESTONE_DONE}”或“${MILESTONE_NOT_DONE}”（也可填完成日期）`;
  const example = ind.h1 ?? ind.annual ?? 100;
  const ex = Number.isInteger(example) ? String(example) : String(Number(example.toFixed(4)));
  const unit = ind.unit || '无';
  if (ind.unit === '%') return `单位：%，填写百分比，如 ${ex}%`;
  return `单位：${unit}，填写数字，如 ${ex}`;
}

/** The cell holds a percentage: formatted as one, so 52% is what is typed and what is seen (stored 0.52). */
function isPercentEntry(ind: Indicator): boolean {
  return ind.kind !== 'milestone' && ind.unit === '%';
}

/** A 全年 round (the year's figures are due): its forms show the H1 figures the master already holds. */
function isYearRound(round: string): boolean {
  return /全年|年度|年底|年终/.test(round);
}

function entryValidation(ind: Indicator, range: Range, half: string): DataValidationRule {
  if (ind.kind === 'milestone') {
    return {
      range,
      type: 'list',
      list: [MILESTONE_DONE, MILESTONE_NOT_DONE],
      allowBlank: true,
      promptTitle: `${ind.id} ${half}`,
      prompt: entryPrompt(ind),
      errorTitle: '填写有误',
      error: `请选择“${MILESTONE_DONE}”或“${MILESTONE_NOT_DONE}”`,
      errorStyle: 'warning',
    };
  }
  const isChange = ind.kind === 'change';
  if (isPercentEntry(ind)) {
    // The cell is formatted as a percentage, so the stored value of 0%–100% is 0–1.
    return {
      range,
      type: 'decimal',
      min: 0,
      max: 1,
      allowBlank: true,
      promptTitle: `${ind.id} ${half}`,
      prompt: entryPrompt(ind),
      errorTitle: '填写有误',
      error: '请填写0%到100%之间的百分比，如 52%',
      errorStyle: 'stop',
    };
  }
  return {
    range,
    type: 'decimal',
    min: isChange ? -1000 : 0,
    ...(ind.unit === '‰' ? { max: 1000 } : {}),
    allowBlank: true,
    promptTitle: `${ind.id} ${half}`,
    prompt: entryPrompt(ind),
    errorTitle: '填写有误',
    error: isChange ? `请填写数字，单位：${ind.unit}` : `请填写不小于0的数字，单位：${ind.unit || '无'}`,
    errorStyle: 'stop',
  };
}

/** One sheet with the unit's items and indicators plus the hidden identification sheet. */
export function buildReturnLayout(plan: ReturnPlan, unit: string, opts: ReturnFormOptions): WorkbookLayout {
  const items = itemsOfUnit(plan.items, unit);
  if (items.length === 0) throw new Error(`no items for lead unit ${unit}`);
  const C = RETURN_COL;
  const lastCol = COLUMNS.length;
  const cells: LayoutCell[] = [];
  const merges: Range[] = [];
  const validations: DataValidationRule[] = [];
  const rowHeights: Record<number, number> = {};
  const width = (key: keyof typeof RETURN_HEADERS) => COLUMNS[C[key] - 1].width;

  cells.push({ r: 1, c: 1, value: `${plan.year}年重要事项进展填报表`, style: 'ret.title' });
  merges.push({ r1: 1, c1: 1, r2: 1, c2: lastCol });
  rowHeights[1] = 36;
  const known = isYearRound(opts.round) ? (plan.h1Known ?? {}) : {};
  const hasKnown = items.some((it) => it.indicators.some((ind) => known[ind.id] !== undefined));
  const info =
    `填报单位：${unit}　　轮次：${opts.round}　　请只在带底色的单元格中填写；数字按“计量单位”填写，不加单位，说明写在进展情况。` +
    (hasKnown ? '上半年完成已填入总表中的数字，如无变化请勿改动。' : '');
  cells.push({ r: 2, c: 1, value: info, style: 'ret.info' });
  merges.push({ r1: 2, c1: 1, r2: 2, c2: lastCol });
  rowHeights[2] = heightForText(
    info,
    COLUMNS.reduce((a, c) => a + c.width, 0),
    BODY,
  );
  for (const col of COLUMNS) cells.push({ r: 3, c: C[col.key], value: RETURN_HEADERS[col.key], style: 'ret.head' });
  rowHeights[3] = 30;

  let r = 4;
  const ids: string[] = [];
  const bound: ReturnRowBinding[] = [];
  for (const item of items) {
    const inds = item.indicators;
    if (inds.length === 0) continue;
    const first = r;
    const last = r + inds.length - 1;
    const itemName = item.name;
    const units = item.leadUnits.join('、');
    cells.push({ r, c: C.no, value: item.no, style: 'ret.center' });
    cells.push({ r, c: C.name, value: itemName, style: 'ret.cell' });
    cells.push({ r, c: C.units, value: units, style: 'ret.center' });
    for (let rr = first + 1; rr <= last; rr++) {
      for (const c of [C.no, C.name, C.units])
        cells.push({ r: rr, c, value: null, style: c === C.name ? 'ret.cell' : 'ret.center' });
    }
    if (last > first) for (const c of [C.no, C.name, C.units]) merges.push({ r1: first, c1: c, r2: last, c2: c });
    const needs: number[] = [];
    for (const ind of inds) {
      ids.push(ind.id);
      bound.push({ row: r, id: ind.id, label: indicatorLabel(ind) });
      cells.push({ r, c: C.id, value: ind.id, style: 'ret.center' });
      cells.push({ r, c: C.label, value: indicatorLabel(ind), style: 'ret.cell' });
      cells.push({ r, c: C.unit, value: ind.kind === 'milestone' ? '—' : ind.unit || '—', style: 'ret.center' });
      cells.push({ r, c: C.h1Target, value: targetText(ind, 'h1', plan.year), style: 'ret.center' });
      cells.push({ r, c: C.annualTarget, value: targetText(ind, 'annual', plan.year), style: 'ret.center' });
      const pct = isPercentEntry(ind);
      const entryStyle = pct ? 'ret.entryPct' : 'ret.entry';
      // A 全年 form: the H1 figure the master already holds, in the form's own terms (a % cell stores 0.52).
      const h1 = known[ind.id] ?? null;
      let h1Value: CellValue = null;
      if (typeof h1 === 'number') h1Value = pct ? h1 / 100 : h1;
      else if (typeof h1 === 'string') h1Value = h1;
      else if (typeof h1 === 'boolean') h1Value = h1 ? MILESTONE_DONE : MILESTONE_NOT_DONE;
      else if (h1 instanceof Date) h1Value = h1.toISOString().slice(0, 10);
      cells.push({ r, c: C.h1, value: h1Value, style: typeof h1Value === 'string' ? 'ret.entryText' : entryStyle });
      cells.push({ r, c: C.annual, value: null, style: entryStyle });
      cells.push({ r, c: C.progress, value: null, style: 'ret.entryText' });
      validations.push(entryValidation(ind, { r1: r, c1: C.h1, r2: r, c2: C.h1 }, '上半年完成'));
      validations.push(entryValidation(ind, { r1: r, c1: C.annual, r2: r, c2: C.annual }, '全年完成'));
      // Two lines at least: room to type a short 进展情况.
      const own = Math.max(
        heightForText(indicatorLabel(ind), width('label'), BODY),
        heightForText(targetText(ind, 'annual', plan.year), width('annualTarget'), BODY),
        heightForText('　\n　', width('progress'), BODY),
      );
      needs.push(own);
      r++;
    }
    // Merged item cells span their rows: share the height their text needs among them.
    const block = Math.max(heightForText(itemName, width('name'), BODY), heightForText(units, width('units'), BODY));
    spreadHeights(needs, block).forEach((h, i) => (rowHeights[first + i] = Math.min(MAX_ROW_HEIGHT, h)));
  }
  const lastData = r - 1;

  // Who filled it in: free text, kept as text.
  const sign = lastData + 2;
  cells.push({ r: sign, c: C.no, value: `${RETURN_REPORTER_LABEL}：`, style: 'ret.label' });
  merges.push({ r1: sign, c1: C.no, r2: sign, c2: C.name });
  cells.push({ r: sign, c: C.units, value: null, style: 'ret.entryText' });
  merges.push({ r1: sign, c1: C.units, r2: sign, c2: C.id });
  cells.push({ r: sign, c: C.label, value: `${RETURN_PHONE_LABEL}：`, style: 'ret.label' });
  cells.push({ r: sign, c: C.unit, value: null, style: 'ret.entryText' });
  merges.push({ r1: sign, c1: C.unit, r2: sign, c2: C.annualTarget });
  rowHeights[sign] = 24;

  const main: SheetLayout = {
    name: RETURN_SHEET,
    state: 'visible',
    columnWidths: COLUMNS.map((c) => c.width),
    rowHeights,
    cells,
    merges,
    freeze: { rows: 3, cols: 0 },
    protect: true,
    validations,
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
    ids,
    rows: bound,
  });
  return { sheets: [main, returnMetaSheet(meta, opts.createdAt)], styles: { ...RETURN_STYLES } };
}
