// Figures in the words a plan office writes: 22万人, 约496名, 1.19万个, 差2个百分点.
import { formatFigure } from './numbers';

/** Units that are themselves a rate: a difference between two of them is in 个百分点 (for %) or the unit. */
function isRateUnit(unit: string): boolean {
  return unit === '%' || unit === '‰' || unit === '个百分点' || unit.startsWith('/');
}

function trim(n: number, decimals: number): string {
  return String(Number(n.toFixed(decimals)));
}

/** A figure as entered or set in the plan: exact, in 万/亿 when round (220000 人 → 22万人). Fractions keep two decimals. */
export function figureWord(v: number, unit: string): string {
  if (Number.isInteger(v) || isRateUnit(unit)) return `${formatFigure(Number(v.toPrecision(12)))}${unit}`;
  return `${Math.abs(v) >= 1e4 ? `${trim(v / 1e4, 2)}万` : trim(v, 2)}${unit}`;
}

/** A computed figure (a pro-rata share) rounded as people say it: 495.89名 → 496名, 11893个 → 1.19万个, 7.46场 → 7.5场. */
export function approxWord(v: number, unit: string): string {
  if (isRateUnit(unit)) return `${trim(v, 1)}${unit}`;
  const a = Math.abs(v);
  if (a >= 1e4) return `${trim(v / 1e4, 2)}万${unit}`;
  if (a >= 100) return `${Math.round(v)}${unit}`;
  return `${trim(v, a >= 10 ? 0 : 1)}${unit}`;
}

/** A gap between two figures: percentages differ in 个百分点 (52% − 50% → 2个百分点). */
export function gapWord(gap: number, unit: string, approximate = false): string {
  if (unit === '%') return `${trim(gap, 2)}个百分点`;
  return approximate ? approxWord(gap, unit) : figureWord(gap, unit);
}
