// The conflict rule for one master cell, as a pure function: the unit listed first in 牵头单位 wins; the
// same figure from several units is no conflict; a figure an earlier run applied still counts.
import type { CellValue } from '../layout/types';
import { cellText as text } from '../text';
import type { Candidate } from './candidates';
import { sameValue } from './figure';
import type { LogAction } from './log';

export interface CellDecision {
  /** Every figure weighed: the earlier run's first (when it still stands), then this run's in file order. */
  all: Candidate[];
  /** The figure the master holds afterwards. */
  chosen: Candidate;
  /** The figures differ (a conflict for the report). */
  conflict: boolean;
  /** How each of this run's candidates is logged, in the order given. */
  outcomes: Array<{ action: LogAction; note: string }>;
  /** The chosen figure must be written (false when it already stands from an earlier run). */
  write: boolean;
}

/**
 * Decides one master cell. `cands`: this run's figures in file order; `rank`: a unit's place in the item's
 * 牵头单位 (lower wins); `current`: what the cell holds now; `prior`: the figure an earlier run of this round
 * applied, counted only while it still stands in the cell and its unit sent nothing new.
 */
export function resolveCell(
  cands: Candidate[],
  rank: (unit: string) => number,
  current: CellValue,
  prior?: Candidate,
): CellDecision {
  const all =
    prior && sameValue(prior.value, current) && !cands.some((c) => c.unit === prior.unit) ? [prior, ...cands] : cands;
  const chosen = all.reduce((best, c) => (rank(c.unit) < rank(best.unit) ? c : best), all[0]);
  const distinct = all.filter((c, i) => all.findIndex((d) => sameValue(d.value, c.value)) === i);
  const conflict = distinct.length > 1;
  const others = all.filter((c) => c !== chosen).map((c) => c.unit);
  const outcomes = cands.map((c) => {
    if (c === chosen) {
      const notes: string[] = [];
      if (conflict) notes.push(`与${others.join('、')}报送不一致，按牵头单位顺序采用本单位数据`);
      if (current !== null && current !== '' && !sameValue(current, c.value)) notes.push('覆盖原值');
      return { action: 'applied' as const, note: notes.join('；') };
    }
    if (sameValue(c.value, chosen.value)) return { action: 'applied' as const, note: `与${chosen.unit}报送一致` };
    return {
      action: 'conflict' as const,
      note: `与${chosen.unit}报送的 ${text(chosen.value)} 不一致，未采用（${chosen.unit}在牵头单位中排序在前）`,
    };
  });
  return { all, chosen, conflict, outcomes, write: !chosen.prior };
}
