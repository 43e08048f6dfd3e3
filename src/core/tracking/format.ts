// Display texts for targets and dates in the tracking workbook.
import type { Indicator } from '../model';
import { COMPARATOR_LABEL } from './sheet';
import { chineseDate as cnDate } from '../dates';

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
    const midYear = `${year ?? (due ? due.slice(0, 4) : '')}-06-30`;
    if (ind.h1 !== null) return '完成';
    return due && due <= midYear ? '完成' : '—';
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
