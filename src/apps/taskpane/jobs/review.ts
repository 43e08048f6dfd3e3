// What the tabs show, the same in both modes: a parsed plan for review, check results, a consolidation report.
import type { Judgement, Plan } from '../../../core/model';
import { leadUnitsOf } from '../../../core/returns/units';
import { indicatorLabel } from '../../../core/tracking/format';
import type { TrackingRead } from '../../../core/tracking/read';
import { FIELD_LABEL, type ConsolidationReport } from '../../../core/consolidate/consolidate';
import { localizeReason } from '../errors';
import type { CheckView, ConsolidationView, PlanReview } from './types';

/** Check results with each indicator's label, as the 校验 tab lists them. */
export function checkViewOf(read: TrackingRead, judgements: Judgement[], bulletin: string, asOf: string): CheckView {
  const byId = new Map(read.indicators.map((ind) => [ind.id, ind]));
  return {
    asOf,
    rows: judgements.map((j) => {
      const ind = byId.get(j.id);
      return {
        id: j.id,
        item: j.item,
        label: ind ? indicatorLabel(ind) : j.id,
        status: j.status,
        rate: j.annualRate,
        message: j.message,
      };
    }),
    bulletin,
  };
}

/** A consolidation report in the pane's words. */
export function consolidationViewOf(r: ConsolidationReport): ConsolidationView {
  return {
    applied: r.applied,
    conflicts: r.conflicts.map((c) => ({
      id: c.id,
      field: FIELD_LABEL[c.field],
      values: c.values.map((v) => ({
        unit: v.unit,
        file: v.file,
        value: v.value === null ? '（空）' : String(v.value),
      })),
      chosen: c.chosen,
    })),
    rejected: [
      ...r.rejected.map((x) => ({ file: x.file, reason: localizeReason(x.reason) })),
      // Cells left out of a return that otherwise went in (已报送（部分退回）).
      ...(r.rejectedCells ?? []).map((x) => ({
        file: `${x.file} ${x.cell}`,
        reason: `${x.id} ${FIELD_LABEL[x.field]}：${x.reason}`,
      })),
    ],
    missingUnits: r.missingUnits,
  };
}

export function reviewOf(plan: Plan, notes: string[] = []): PlanReview {
  return {
    title: plan.title,
    notes,
    year: plan.year,
    itemCount: plan.items.length,
    leadUnits: leadUnitsOf(plan),
    // Flagged indicators first (in plan order), so the user checks the few that need it.
    indicators: plan.items
      .flatMap((it) =>
        it.indicators.map((ind) => ({
          id: ind.id,
          item: ind.item,
          label: ind.label,
          milestone: ind.kind === 'milestone',
          unit: ind.unit,
          h1: ind.h1,
          annual: ind.annual,
          deadline: ind.deadline,
          review: ind.review,
        })),
      )
      .sort((a, b) => Number(b.review !== null) - Number(a.review !== null)),
    warnings: plan.warnings.map((w) => localizeReason(w.item === null ? w.message : `第${w.item}项：${w.message}`)),
  };
}
