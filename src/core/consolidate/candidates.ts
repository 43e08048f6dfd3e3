// The figures that compete for each master cell: this run's, in file order, and the one an earlier run
// of the same round already applied (found in 日志).
import type { CellValue } from '../layout/types';
import { cellText as text } from '../text';
import type { Fresh } from './accept';
import { FIELDS, type Field } from './fields';
import type { ExistingLog } from './log';

/** One figure offered for a master cell. */
export interface Candidate {
  unit: string;
  file: string;
  value: CellValue;
  /** Index into the accepted returns; -1 when already in the master from an earlier run (found in 日志). */
  src: number;
  prior?: boolean;
}

/** The candidates for one master cell. */
export interface CellCandidates {
  id: string;
  field: Field;
  cands: Candidate[];
  round: string;
}

/** Key of a prior figure: round, indicator id and the field as 日志 names it (上半年完成, …). */
export const priorKey = (round: string, id: string, fieldLabel: string) => `${round}|${id}|${fieldLabel}`;

/** Figures already applied by earlier runs, still standing in the master (the last one per round and cell). */
export function priorFigures(log: ExistingLog | undefined): Map<string, Candidate> {
  const priorOf = new Map<string, Candidate>();
  for (const row of log?.rows ?? []) {
    if (text(row.action) !== 'applied') continue;
    priorOf.set(priorKey(text(row.round), text(row.id), text(row.field)), {
      unit: text(row.unit),
      file: text(row.file),
      value: row.new ?? null,
      src: -1,
      prior: true,
    });
  }
  return priorOf;
}

/** This run's candidates per master cell, cells in order of first appearance, candidates in file order. */
export function gatherCandidates(accepted: Fresh[]): CellCandidates[] {
  const byCell = new Map<string, CellCandidates>();
  for (const [src, f] of accepted.entries()) {
    for (const [id, got] of f.values) {
      for (const field of FIELDS) {
        if (got[field] === undefined) continue;
        const key = `${id}|${field}`;
        if (!byCell.has(key)) byCell.set(key, { id, field, cands: [], round: f.round });
        byCell.get(key)!.cands.push({ unit: f.unit, file: f.file, value: got[field]!, src });
      }
    }
  }
  return [...byCell.values()];
}
