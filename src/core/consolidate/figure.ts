// One figure of a return as the master should hold it, and when two figures are the same.
import type { CellValue } from '../layout/types';
import type { Indicator } from '../model';
import { readFigureFor } from '../entryInput';
import { isUncalculatedFormula, UNCALCULATED_REASON } from '../formula';
import { cellText as text } from '../text';

const MILESTONE_TRUE = '已完成';
const MILESTONE_FALSE = '未完成';

/** A figure as the master should hold it, or why it can't be one. Blank → undefined. `percentCell`: the form's cell
 *  is formatted as a percentage (52% stored as 0.52). `note` says how a figure with a remark ("约10场") was read. */
export function normalizeFigure(
  ind: Indicator,
  v: CellValue,
  percentCell = false,
): { ok: true; value: CellValue | undefined; note?: string } | { ok: false; reason: string } {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))
    return { ok: true, value: undefined };
  if (isUncalculatedFormula(v)) return { ok: false, reason: UNCALCULATED_REASON };
  if (ind.kind === 'milestone') {
    if (typeof v === 'boolean') return { ok: true, value: v ? MILESTONE_TRUE : MILESTONE_FALSE };
    if (typeof v === 'number')
      return { ok: false, reason: `应填“${MILESTONE_TRUE}”“${MILESTONE_FALSE}”或完成日期，不是数字 ${v}` };
    return { ok: true, value: v.trim() };
  }
  const f = readFigureFor(ind, v, '', percentCell);
  if (f.error !== null || f.value === null) return { ok: false, reason: f.error ?? '未填写' };
  if (f.value < 0 && ind.kind !== 'change') return { ok: false, reason: `不能为负数（${v}）` };
  return f.remark ? { ok: true, value: f.value, note: `填报“${String(v).trim()}”` } : { ok: true, value: f.value };
}

/** The same figure: numbers within float noise, a number and its text ("12" and 12), or the same trimmed text. */
export function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(text(a));
    const y = Number(text(b));
    return text(a) !== '' && text(b) !== '' && Number.isFinite(x) && Number.isFinite(y) && sameValue(x, y);
  }
  return text(a) === text(b);
}
