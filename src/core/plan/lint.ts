// Plan lint: targets that contradict themselves.
import type { PlanItem, PlanWarning } from '../model';
import { formatFigure } from '../numbers';

/** Warns where an additive indicator's halves don't add up to its annual figure. */
export function lintPlan(items: PlanItem[]): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  for (const item of items) {
    for (const ind of item.indicators) {
      if (ind.kind !== 'count' || ind.annual === null || ind.h1 === null || ind.h2 === null) continue;
      const sum = ind.h1 + ind.h2;
      if (Math.abs(sum - ind.annual) > 1e-9 * Math.max(1, Math.abs(ind.annual))) {
        warnings.push({
          item: item.no,
          message:
            `指标${ind.id}“${ind.label}”：上半年${formatFigure(ind.h1)}${ind.unit}＋下半年${formatFigure(ind.h2)}${ind.unit}` +
            `＝${formatFigure(sum)}${ind.unit}，与全年目标${formatFigure(ind.annual)}${ind.unit}不一致`,
        });
      }
    }
  }
  return warnings;
}
