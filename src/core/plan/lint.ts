// Plan lint: targets that contradict themselves, and figures the extractor could not read.
import type { PlanItem, PlanWarning } from '../model';
import { formatFigure } from '../numbers';
import { unreadNumbers } from './quantities';

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
    warnings.push(...unreadWarnings(item));
  }
  return warnings;
}

/** A number in the goal or the plans that is neither a target nor plainly something else is never dropped silently. */
function unreadWarnings(item: PlanItem): PlanWarning[] {
  const out: PlanWarning[] = [];
  const fields: Array<[string, string]> = [
    ['年度任务目标', item.annualGoal],
    ['上半年计划', item.h1Plan],
    ['下半年计划', item.h2Plan === item.h1Plan ? '' : item.h2Plan],
  ];
  for (const [field, text] of fields) {
    if (!text) continue;
    for (const u of unreadNumbers(text)) {
      out.push({ item: item.no, message: `${field}“…${u.words}…”中的数字${u.value}单位不明，未作为指标，请核对` });
    }
  }
  return out;
}
