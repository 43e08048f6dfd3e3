// 填报表, once for every app: which units get a form, under which file name, for which round, and each form's
// layout. Rendering the layouts to files (ExcelJS) and handing them out (a folder, a zip, Excel) stay with the apps.
import type { WorkbookLayout } from '../layout/types';
import { buildReturnLayout } from '../returns/layout';
import { defaultRound, type ReturnSource } from '../returns/source';
import { indicatorsOfUnit, leadUnitsOf, returnFileNames } from '../returns/units';

export interface PlannedForm {
  unit: string;
  fileName: string;
  /** Indicators the unit reports on. */
  indicators: number;
  layout: WorkbookLayout;
}

export interface ReturnFormsJob {
  /** The round the forms are for: the one asked for, else the period due at `createdAt`. */
  round: string;
  /** One per lead unit, in plan order; empty when the plan names no lead units. */
  forms: PlannedForm[];
}

export function planReturnForms(source: ReturnSource, opts: { round?: string; createdAt: string }): ReturnFormsJob {
  const round = opts.round ?? defaultRound(source.plan.year, opts.createdAt.slice(0, 10));
  const units = leadUnitsOf(source.plan);
  const names = returnFileNames(source.plan.year, units);
  const forms = units.map((unit) => ({
    unit,
    fileName: names.get(unit)!,
    indicators: indicatorsOfUnit(source.plan, unit).length,
    layout: buildReturnLayout(source.plan, unit, {
      round,
      createdAt: opts.createdAt,
      planId: source.planId,
      planHash: source.planHash,
    }),
  }));
  return { round, forms };
}
