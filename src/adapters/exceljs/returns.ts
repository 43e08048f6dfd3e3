// Return forms as .xlsx bytes: one workbook per lead unit, rendered from the core layout.
import { buildReturnLayout, ReturnFormOptions } from '../../core/returns/layout';
import { returnSourceFromTracking, type ReturnSource } from '../../core/returns/source';
import { leadUnitsOf, returnFileNames } from '../../core/returns/units';
import { readWorkbookGrid } from './read';
import { writeWorkbook } from './render';

export interface ReturnForm {
  unit: string;
  fileName: string;
  indicators: number;
  data: Uint8Array;
}

export async function writeReturnForms(
  source: ReturnSource,
  opts: Omit<ReturnFormOptions, 'planId' | 'planHash'>,
): Promise<ReturnForm[]> {
  const forms: ReturnForm[] = [];
  const units = leadUnitsOf(source.plan);
  const names = returnFileNames(source.plan.year, units);
  for (const unit of units) {
    const layout = buildReturnLayout(source.plan, unit, { ...opts, planId: source.planId, planHash: source.planHash });
    const indicators = layout.sheets[0].validations.length / 2;
    forms.push({ unit, fileName: names.get(unit)!, indicators, data: await writeWorkbook(layout) });
  }
  return forms;
}

/** The forms' source read from a tracking workbook (zip guard included). */
export async function returnSourceFromWorkbook(data: Uint8Array, where?: string): Promise<ReturnSource> {
  return returnSourceFromTracking(await readWorkbookGrid(data, where));
}
