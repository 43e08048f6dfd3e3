// What each master cell gets from this run: figures by the conflict rule (resolveCell), 进展情况 per unit,
// and for every value a return brought, how 日志 records it.
import type { CellPatch, CellValue } from '../layout/types';
import { cellText as text } from '../text';
import type { Candidate, CellCandidates } from './candidates';
import { priorKey } from './candidates';
import { FIELD_LABEL, type Field } from './fields';
import type { LogAction } from './log';
import { MasterSlot, MasterView } from './master';
import { progressKey, ProgressRow } from './progress';
import { resolveCell } from './resolve';

export interface Conflict {
  id: string;
  field: Field;
  values: Array<{ unit: string; file: string; value: CellValue }>;
  /** The unit whose figure was applied: the one listed first in 牵头单位. */
  chosen: string;
}

/** How one value of one return was handled; `old` is the 进展情况 it replaced. */
export interface Outcome {
  action: LogAction;
  note: string;
  old?: CellValue;
}

/** Key of an outcome: the return's index among the accepted ones, the indicator id and the field. */
export const outcomeKey = (src: number, id: string, field: Field) => `${src}|${id}|${field}`;

export interface Decisions {
  /** Master cells to write. */
  cells: CellPatch[];
  conflicts: Conflict[];
  outcome: Map<string, Outcome>;
  /** The 进展情况 sheet's rows after this run, by progressKey; null when nothing in it changed. */
  progress: ProgressRow[] | null;
  /** Master cells written and 进展情况 rows changed. */
  applied: number;
}

/** Where consolidation looks things up in the master. */
export interface MasterLookup {
  master: MasterView;
  /** A unit's place among the 牵头单位 of the indicator's item (unknown units last). */
  rank: (id: string, unit: string) => number;
  slotOf: (id: string, field: 'h1' | 'annual') => MasterSlot;
}

export function masterLookup(master: MasterView): MasterLookup {
  const units = (id: string) => master.leadUnits.get(master.indicators.get(id)!.indicator.item) ?? [];
  const rank = (id: string, unit: string) => {
    const i = units(id).indexOf(unit);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const slotOf = (id: string, field: 'h1' | 'annual'): MasterSlot => master.indicators.get(id)![field];
  return { master, rank, slotOf };
}

/** Decides every cell this run touches. */
export function decideCells(
  at: MasterLookup,
  byCell: CellCandidates[],
  priorOf: Map<string, Candidate>,
  progress: ProgressRow[] | undefined,
  time: string,
): Decisions {
  const d: Decisions = { cells: [], conflicts: [], outcome: new Map(), progress: null, applied: 0 };
  const progressRows = new Map((progress ?? []).map((row) => [progressKey(text(row.id), text(row.unit)), row]));
  let progressChanged = false;
  for (const cell of byCell) {
    if (cell.field === 'progress') {
      if (decideProgress(at.master, cell, progressRows, d, time)) progressChanged = true;
    } else decideFigure(at, cell, cell.field, priorOf, d);
  }
  if (progressChanged) d.progress = [...progressRows.values()];
  return d;
}

/** 进展情况: each unit keeps its own text (a row per indicator and unit), so nothing conflicts. True when a row
 *  changed. */
function decideProgress(
  master: MasterView,
  { id, field, cands, round }: CellCandidates,
  progressRows: Map<string, ProgressRow>,
  d: Decisions,
  time: string,
): boolean {
  let changedAny = false;
  for (const c of cands) {
    const key = progressKey(id, c.unit);
    const before = progressRows.get(key);
    const changed = !before || text(before.text) !== text(c.value);
    d.outcome.set(outcomeKey(c.src, id, field), {
      action: 'applied',
      note: changed ? '' : '与原进展情况相同',
      old: before?.text ?? null,
    });
    if (!changed) continue;
    const ind = master.indicators.get(id)!.indicator;
    progressRows.set(key, { id, item: ind.item, label: ind.label, unit: c.unit, round, text: text(c.value), time });
    d.applied++;
    changedAny = true;
  }
  return changedAny;
}

/** A figure cell: the conflict rule decides, the outcome of each candidate is kept for 日志. */
function decideFigure(
  at: MasterLookup,
  { id, cands, round }: CellCandidates,
  field: 'h1' | 'annual',
  priorOf: Map<string, Candidate>,
  d: Decisions,
): void {
  const slot = at.slotOf(id, field);
  const prior = priorOf.get(priorKey(round, id, FIELD_LABEL[field]));
  const r = resolveCell(cands, (unit) => at.rank(id, unit), slot.value, prior);
  if (r.conflict) {
    d.conflicts.push({
      id,
      field,
      values: r.all.map(({ unit, file, value }) => ({ unit, file, value })),
      chosen: r.chosen.unit,
    });
  }
  cands.forEach((c, i) => d.outcome.set(outcomeKey(c.src, id, field), r.outcomes[i]));
  if (!r.write) return;
  d.cells.push({
    sheet: slot.sheet,
    r: slot.r,
    c: slot.c,
    value: r.chosen.value,
    style: typeof r.chosen.value === 'string' ? at.master.textStyle.key : at.master.entryStyle.key,
  });
  d.applied++;
}
