// 汇总, once for every host: read the master, then the returns, merge them by the consolidation rules, and
// check the merged figures, written back in one patch (or only reported, for a preview).
import type { WorkbookHost } from '../host';
import type { ReturnInput } from '../consolidate/consolidate';
import { consolidateAndCheck, type CheckedConsolidation } from '../consolidate/check';
import { LOG_SHEET } from '../consolidate/log';
import { PROGRESS_SHEET } from '../consolidate/progress';
import { readMaster } from '../consolidate/master';
import { SHEET } from '../tracking/sheet';
import { READ_SHEETS } from './check';

export interface ConsolidateJobOptions {
  /** Time stamp written in 日志, 'YYYY-MM-DD HH:mm:ss'. */
  time: string;
  /** Judge at this date (default: the date of the returns' round, else the day of `time`). */
  asOf?: string;
  /** False: report only, write nothing (a preview). */
  write?: boolean;
}

/**
 * Merges the returns into the master and re-checks. `returns` is called only after the master has been read
 * and found to be one, so a broken master fails before any return is read.
 */
export async function runConsolidate(
  host: WorkbookHost,
  returns: () => Promise<ReturnInput[]>,
  opts: ConsolidateJobOptions,
): Promise<CheckedConsolidation> {
  host.progress('读取汇总表', 0);
  // 日志 and 进展情况 exist only after a first consolidation.
  const present = await host.listSheets();
  const wanted = [...READ_SHEETS, ...[LOG_SHEET, PROGRESS_SHEET].filter((n) => present.includes(n))];
  // Row heights ride along, so rows the merge lengthens (说明) grow instead of clipping.
  const master = await host.readSheets(wanted, { heightsOf: SHEET.main, required: SHEET.main });
  readMaster(master);
  const inputs = await returns();
  const result = consolidateAndCheck(master, inputs, {
    time: opts.time,
    today: opts.time.slice(0, 10),
    asOf: opts.asOf,
  });
  if (opts.write === false) return result;
  host.progress('写入报送数据', 0.5);
  await host.write({ patches: [result.combined] });
  return result;
}
