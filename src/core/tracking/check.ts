// One check of a tracking workbook, the same for the CLI, the standalone page and the add-in.
import { judgeAll, summarize } from '../judge';
import type { Judgement, Status } from '../model';
import type { WorkbookPatch } from '../layout/types';
import { buildCheckPatch, bulletinText } from './patch';
import type { TrackingRead } from './read';

export interface TrackingCheck {
  judgements: Judgement[];
  counts: Record<Status, number>;
  /** 状态/完成率/说明, fills and the 汇总 sheet. */
  patch: WorkbookPatch;
  /** The 通报 paragraph. */
  bulletin: string;
  /** What was not judged and why (an indicator of 指标 with no row in the main sheet), one sentence each. */
  warnings: string[];
}

/** One sentence per indicator that the 指标 sheet lists but the main sheet has no row for. */
function unplacedWarnings(read: Pick<TrackingRead, 'unplaced' | 'positions'>): string[] {
  return (read.unplaced ?? []).map(
    (ind) =>
      `指标 ${ind.id}（${ind.label}）在“指标”工作表中有，但“${read.positions.sheet}”中没有这一行，未校验；请恢复该行，或从“指标”工作表中删除`,
  );
}

/** The plan year a workbook is judged in: its own, else the as-of date's. */
export function planYearOf(read: TrackingRead, asOf: string): number {
  return read.meta.year ?? Number(asOf.slice(0, 4));
}

/** Judges a read-back tracking workbook as of `asOf` (YYYY-MM-DD) and says what to write back. */
export function checkTracking(read: TrackingRead, asOf: string): TrackingCheck {
  const judgements = judgeAll(read.indicators, read.entries, asOf, planYearOf(read, asOf));
  return {
    judgements,
    counts: summarize(judgements),
    patch: buildCheckPatch(read, judgements, asOf),
    bulletin: bulletinText(read, judgements, asOf),
    warnings: unplacedWarnings(read),
  };
}
