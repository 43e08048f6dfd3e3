// Display texts for targets and dates in the tracking workbook.
import type { Indicator } from '../model';
import { COMPARATOR_LABEL } from './sheet';
import { chineseDate as cnDate } from '../dates';
import { quarterClosingOn, targetClose } from '../period';

/**
 * The 汇总's 截至 line: '截至 2023年6月30日'. A quarterly round is named ('截至 2023年3月31日（一季度）'): its
 * figures sit in columns named for other periods (上半年完成, 全年完成).
 */
export function asOfLine(asOf: string): string {
  const quarter = quarterClosingOn(asOf);
  return `截至 ${cnDate(asOf)}${quarter ? `（${quarter.name}）` : ''}`;
}

function groupThousands(n: number): string {
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n < 0 ? '-' : '') + grouped + (frac ? `.${frac}` : '');
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** A figure with its unit as people write it: 220000 人 → '22万人', 3200 人 → '3,200人', 52 % → '52%'. */
function figureText(value: number, unit: string): string {
  const relative = unit.startsWith('/') || unit === '%' || unit === '‰' || unit === '个百分点';
  if (!relative && Math.abs(value) >= 100000000 && value % 1000000 === 0) return `${round(value / 1e8)}亿${unit}`;
  if (!relative && Math.abs(value) >= 10000 && value % 100 === 0) return `${round(value / 1e4)}万${unit}`;
  return `${groupThousands(round(value))}${unit}`;
}

/** The target an indicator sets for a period, as shown in 上半年目标/全年目标: '≥22万人', '完成（6月30日前）', '—'. */
export function targetText(ind: Indicator, period: 'h1' | 'annual', year?: number): string {
  if (ind.kind === 'milestone') {
    const due = ind.deadline;
    if (period === 'annual') return due ? `完成（${cnDate(due).replace(/^\d+年/, '')}前）` : '完成';
    if (ind.h1 !== null) return '完成';
    // Due by the H1 close (of the plan year, else of the deadline's year): an H1 task.
    return due && due <= targetClose('h1', year ?? Number(due.slice(0, 4))) ? '完成' : '—';
  }
  const value = period === 'annual' ? ind.annual : ind.h1;
  if (value === null) return '—';
  const cmp = ind.comparator === '=' ? '' : ind.comparator === '≈' ? '约' : COMPARATOR_LABEL[ind.comparator];
  const per = ind.per ? `每${ind.per}` : '';
  return `${per}${cmp}${figureText(value, ind.unit)}`;
}

/** The 指标 column text: label plus unit. */
export function indicatorLabel(ind: Indicator): string {
  return ind.unit && ind.kind !== 'milestone' && !ind.label.includes(ind.unit)
    ? `${ind.label}（${ind.unit}）`
    : ind.label;
}
