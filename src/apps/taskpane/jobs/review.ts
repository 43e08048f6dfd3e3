// A parsed plan as the 计划 tab shows it for review (both modes).
import type { Plan } from '../../../core/model';
import { leadUnitsOf } from '../../../core/returns/units';
import { localizeReason } from '../errors';
import type { PlanReview } from './types';

export function reviewOf(plan: Plan): PlanReview {
  return {
    title: plan.title,
    year: plan.year,
    itemCount: plan.items.length,
    leadUnits: leadUnitsOf(plan),
    indicators: plan.items.flatMap((it) =>
      it.indicators.map((ind) => ({
        id: ind.id,
        item: ind.item,
        label: ind.label,
        milestone: ind.kind === 'milestone',
        unit: ind.unit,
        h1: ind.h1,
        annual: ind.annual,
        deadline: ind.deadline,
      })),
    ),
    warnings: plan.warnings.map((w) => localizeReason(w.item === null ? w.message : `第${w.item}项：${w.message}`)),
  };
}
