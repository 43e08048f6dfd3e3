// Consolidation from grids: what a UI or the CLI calls. Read the master and the returns however the
// host can (ExcelJS, Office.js), pass their grids here, show the report, then apply the patch.
import type { WorkbookGrid } from '../layout/types';
import { ConsolidateOptions, ConsolidationResult, planConsolidation, ReturnInput } from './consolidate';
import { readLog } from './log';
import { readMaster } from './master';
import { readProgress } from './progress';

export * from './consolidate';
export * from './log';
export * from './master';
export * from './progress';
export * from './check';

/** Master grid + return grids → report and patch. Throws InputError only for a bad master. */
export function consolidateGrids(
  master: WorkbookGrid,
  returns: ReturnInput[],
  opts: ConsolidateOptions,
): ConsolidationResult {
  const view = readMaster(master);
  return planConsolidation(view, { log: readLog(master), progress: readProgress(master) }, returns, opts);
}
