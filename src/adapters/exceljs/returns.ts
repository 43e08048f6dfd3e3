// Return forms as .xlsx bytes: one workbook per lead unit, rendered from the core layout.
import { returnSourceFromTracking, type ReturnSource } from '../../core/returns/source';
import { planReturnForms, type PlannedForm } from '../../core/jobs/returnForms';
import { readWorkbookGrid } from './read';
import { writeWorkbook } from './render';

export interface ReturnForm {
  unit: string;
  fileName: string;
  indicators: number;
  data: Uint8Array;
}

/** The planned forms as .xlsx bytes. */
export async function renderReturnForms(forms: PlannedForm[]): Promise<ReturnForm[]> {
  const out: ReturnForm[] = [];
  for (const f of forms)
    out.push({ unit: f.unit, fileName: f.fileName, indicators: f.indicators, data: await writeWorkbook(f.layout) });
  return out;
}

/** One form per lead unit for `round` (default: the period due at `createdAt`), as .xlsx bytes. */
export async function writeReturnForms(
  source: ReturnSource,
  opts: { round?: string; createdAt: string },
): Promise<ReturnForm[]> {
  return renderReturnForms(planReturnForms(source, opts).forms);
}

/** The forms' source read from a tracking workbook (zip guard included). */
export async function returnSourceFromWorkbook(data: Uint8Array, where?: string): Promise<ReturnSource> {
  return returnSourceFromTracking(await readWorkbookGrid(data, where));
}
