// Consolidation ends with a check: the figures just applied are judged at the round's as-of date, so
// 状态, 说明 and 汇总 match them. One function for the CLI, the page and the add-in.
import type { WorkbookGrid, WorkbookPatch } from '../layout/types';
import { gridWithPatch } from '../layout/grid';
import { readTracking } from '../tracking/read';
import { checkTracking, type TrackingCheck } from '../tracking/check';
import { isIsoDate } from '../judge';
import { planConsolidation, type ConsolidateOptions, type ConsolidationResult, type ReturnInput } from './consolidate';
import { readLog } from './log';
import { readMaster } from './master';
import { readProgress } from './progress';
import { periodOfRound } from '../period';

/**
 * The date a round is judged at: its period's close (2023年上半年 → 2023-06-30, 2023年一季度 → 2023-03-31,
 * 2023年5月调度 → 2023-05-31; see period.ts). Null when the name says no period.
 */
export function roundAsOf(round: string, year: number): string | null {
  return periodOfRound(round, year)?.asOf ?? null;
}

/** The as-of date for a consolidation: the one asked for, else the latest of its rounds' dates, else `today`. */
export function consolidationAsOf(rounds: string[], year: number, today: string, asked?: string): string {
  if (asked && isIsoDate(asked)) return asked;
  const dates = rounds.map((r) => roundAsOf(r, year)).filter((d): d is string => d !== null && isIsoDate(d));
  return dates.length ? dates.sort()[dates.length - 1] : today;
}

/** Judges the master as it will be once `patch` (a consolidation) is applied. */
function checkAfterConsolidation(master: WorkbookGrid, patch: WorkbookPatch, asOf: string): TrackingCheck {
  return checkTracking(readTracking(gridWithPatch(master, patch)), asOf);
}

/** Two patches as one, `b` after `a`: its cells win, its sheets replace same-named ones. */
function mergePatches(a: WorkbookPatch, b: WorkbookPatch): WorkbookPatch {
  const names = new Set(b.sheets.map((s) => s.name));
  const rowBreaks = [
    ...(a.rowBreaks ?? []).filter((x) => !(b.rowBreaks ?? []).some((y) => y.sheet === x.sheet)),
    ...(b.rowBreaks ?? []),
  ];
  return {
    styles: { ...a.styles, ...b.styles },
    cells: [...a.cells, ...b.cells],
    sheets: [...a.sheets.filter((s) => !names.has(s.name)), ...b.sheets],
    minRowHeights: [...(a.minRowHeights ?? []), ...(b.minRowHeights ?? [])],
    printHeaders: [...(a.printHeaders ?? []), ...(b.printHeaders ?? [])],
    ...(rowBreaks.length ? { rowBreaks } : {}),
  };
}

export interface CheckedConsolidation extends ConsolidationResult {
  /** The check of the merged figures. */
  check: TrackingCheck & { asOf: string };
  /** Consolidation and check in one patch, for hosts that apply a patch once. */
  combined: WorkbookPatch;
}

/**
 * Consolidates the returns into the master and checks the result at `asOf` (when not given: the date of
 * the round the returns were made for, else `today`). Throws InputError only for a bad master.
 */
export function consolidateAndCheck(
  master: WorkbookGrid,
  returns: ReturnInput[],
  opts: ConsolidateOptions & { asOf?: string; today: string },
): CheckedConsolidation {
  const view = readMaster(master);
  const result = planConsolidation(view, { log: readLog(master), progress: readProgress(master) }, returns, opts);
  const asOf = consolidationAsOf(
    result.report.rounds,
    view.year || Number(opts.today.slice(0, 4)),
    opts.today,
    opts.asOf,
  );
  const check = checkAfterConsolidation(master, result.patch, asOf);
  return { ...result, check: { ...check, asOf }, combined: mergePatches(result.patch, check.patch) };
}
