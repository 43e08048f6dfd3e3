// Consolidation rules: which returns are accepted, which figure lands in which master cell, what is a
// conflict, and what the 日志 records. Data in, decisions out: no files, no workbook library.
// The steps live next to this file (accept, candidates, resolve, decide, logRows, missing, assemble); this one
// runs them in order and keeps the public names other modules import.
import type { WorkbookPatch } from '../layout/types';
import { acceptReturns, valueCount, type CellRejection, type ReturnInput } from './accept';
import { assemblePatch } from './assemble';
import { gatherCandidates, priorFigures } from './candidates';
import { decideCells, masterLookup, type Conflict } from './decide';
import type { ExistingLog, LogRow } from './log';
import { buildLogRows } from './logRows';
import { MasterView, masterUnits } from './master';
import { missingUnits, roundsOf } from './missing';
import type { ProgressRow } from './progress';

// Kept for importers (the CLI, the pane, the Office adapter import them from here).
export { FIELD_LABEL, PARTIAL_LABEL } from './fields';
export { normalizeFigure } from './figure';
export type { ReturnInput } from './accept';

interface AcceptedReturn {
  file: string;
  unit: string;
  round: string;
  reporter: string;
  phone: string;
  /** Non-blank values it brought. */
  values: number;
  /** Cells left out (已报送（部分退回）when any). */
  rejectedCells: number;
}

export interface ConsolidationReport {
  /** Master cells written. */
  applied: number;
  conflicts: Conflict[];
  rejected: Array<{ file: string; reason: string }>;
  /** Cells of accepted returns that were left out, each with its reason (the rest of the return went in). */
  rejectedCells: CellRejection[];
  /** Lead units whose return went in without some of its cells: 已报送（部分退回）, not 未报送. */
  partialUnits: string[];
  /** Lead units with no accepted return this round (未报送). */
  missingUnits: string[];
  accepted: AcceptedReturn[];
  rounds: string[];
  /** The rows appended to 日志, for a UI to show before applying. */
  log: LogRow[];
}

export interface ConsolidationResult {
  report: ConsolidationReport;
  patch: WorkbookPatch;
}

export interface ConsolidateOptions {
  /** Time stamp written in 日志, e.g. '2023-07-05 09:30'. */
  time: string;
}

/**
 * Decides everything: accepted and rejected returns, values per master cell, conflicts, the 日志 rows,
 * and the patch that applies them. Nothing is written here; a UI can show the report first.
 */
export function planConsolidation(
  master: MasterView,
  history: { log?: ExistingLog; progress?: ProgressRow[] },
  inputs: ReturnInput[],
  opts: ConsolidateOptions,
): ConsolidationResult {
  const { accepted, rejected } = acceptReturns(master, new Set(masterUnits(master)), inputs);
  const at = masterLookup(master);
  const decided = decideCells(at, gatherCandidates(accepted), priorFigures(history.log), history.progress, opts.time);
  const logRows = buildLogRows(at, accepted, rejected, decided.outcome, opts.time);
  const rounds = roundsOf(accepted, rejected);
  return {
    report: {
      applied: decided.applied,
      conflicts: decided.conflicts,
      rejected: rejected.map(({ file, reason }) => ({ file, reason })),
      rejectedCells: accepted.flatMap((f) => f.bad),
      partialUnits: [...new Set(accepted.filter((f) => f.bad.length > 0).map((f) => f.unit))],
      missingUnits: missingUnits(master, accepted, rounds, history.log),
      accepted: accepted.map((f) => ({
        file: f.file,
        unit: f.unit,
        round: f.round,
        reporter: f.parsed.reporter,
        phone: f.parsed.phone,
        values: valueCount(f),
        rejectedCells: f.bad.length,
      })),
      rounds,
      log: logRows,
    },
    patch: assemblePatch(at, history.log, decided.cells, logRows, decided.progress),
  };
}
