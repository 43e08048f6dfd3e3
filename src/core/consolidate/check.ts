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
import { parseChineseNumeral } from '../numbers';

const pad = (n: number) => String(n).padStart(2, '0');
const monthEnd = (year: number, month: number) =>
  `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/**
 * The date a round is judged at, from its name: 2023年上半年 → 2023-06-30, 2023年全年/下半年 → 2023-12-31,
 * 2023年5月调度 → 2023-05-31, 第三季度 → 09-30. Null when the name says no period.
 */
export function roundAsOf(round: string, year: number): string | null {
  const y = Number(/(\d{4})\s*年/.exec(round)?.[1] ?? year);
  if (!Number.isInteger(y) || y < 1900 || y > 9999) return null;
  if (/上半年|半年/.test(round) && !/下半年/.test(round)) return `${y}-06-30`;
  if (/下半年|全年|年度|年底|年终|年末/.test(round)) return `${y}-12-31`;
  const q = /第?([一二三四1-4])季度/.exec(round);
  if (q) return monthEnd(y, 3 * ({ 一: 1, 二: 2, 三: 3, 四: 4 }[q[1]] ?? Number(q[1])));
  const m = /(?:^|[^\d])(\d{1,2})\s*月|([一二三四五六七八九十]{1,3})月/.exec(round.replace(/\d{4}\s*年/, ' '));
  const month = m ? (m[1] ? Number(m[1]) : (parseChineseNumeral(m[2]) ?? undefined)) : undefined;
  if (month && month >= 1 && month <= 12) return monthEnd(y, month);
  return null;
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
