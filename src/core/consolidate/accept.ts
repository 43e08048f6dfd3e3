// Accepting returns: a return goes in whole, goes in without the cells that can't be read, or is
// rejected whole with its reason (another plan, another version, a stranger unit, moved rows, a twin).
import type { CellValue, WorkbookGrid } from '../layout/types';
import { ParsedReturn, readReturn } from '../returns/read';
import { rowIdentityProblems } from '../returns/identity';
import { colLetters } from '../layout/address';
import { cellText as text } from '../text';
import { FIELD_LABEL, type Field } from './fields';
import { normalizeFigure } from './figure';
import { MasterView } from './master';

/** One return file: its grid, or why it couldn't be read at all. */
export interface ReturnInput {
  file: string;
  grid?: WorkbookGrid;
  error?: string;
}

/** A return rejected whole; `unit` and `round` when its form could still be read. */
export interface Rejection {
  file: string;
  reason: string;
  unit?: string;
  round?: string;
}

/** One entry cell of an accepted return that could not be read: left out alone, the rest goes in. */
export interface CellRejection {
  file: string;
  unit: string;
  round: string;
  id: string;
  field: 'h1' | 'annual';
  /** Address in the form, e.g. 'I5'. */
  cell: string;
  /** 1-based row of the form. */
  row: number;
  /** What the cell held. */
  value: CellValue;
  reason: string;
}

/** An accepted return: its figures, normalized, and the cells left out. */
export interface Fresh {
  file: string;
  unit: string;
  round: string;
  parsed: ParsedReturn;
  /** id → field → normalized value (blanks left out). */
  values: Map<string, Partial<Record<Field, CellValue>>>;
  /** Cells that couldn't be read, in sheet order. */
  bad: CellRejection[];
}

/** Why a return can't go into this master at all, or null when it belongs here. */
function planMismatch(master: MasterView, units: Set<string>, parsed: ParsedReturn): string | null {
  const { meta, rows } = parsed;
  if (meta.planId !== master.planId) {
    const years =
      meta.year === master.year
        ? `同为${meta.year}年度，但不是本主表的计划`
        : `填报表为${meta.year}年度计划，主表为${master.year}年度计划`;
    return `来自另一份计划（${years}），请用本主表生成的填报表填报`;
  }
  if (meta.planHash !== master.planHash) {
    return '填报表与主表的计划版本不符（计划校验不同），请用当前主表重新生成填报表';
  }
  if (!units.has(meta.unit)) {
    return `“${meta.unit}”不是本计划的牵头单位`;
  }
  // Each row must still hold the indicator it was made for (moved, swapped or relabelled rows are refused).
  const moved = rowIdentityProblems(parsed);
  if (moved.length) {
    const more = moved.length > 3 ? `等${moved.length}处` : '';
    const legacy = meta.rows ? '' : '（本表单由旧版本生成）';
    return `表单的行被移动、交换或改动${legacy}：${moved
      .slice(0, 3)
      .map((p) => p.text)
      .join('；')}${more}。请在原表单中填写，不要移动或修改指标行`;
  }
  const unknown = rows.map((r) => r.id).filter((id) => !master.indicators.has(id));
  if (unknown.length) return `主表中没有这些指标：${unknown.join('、')}`;
  const foreign = rows
    .map((r) => r.id)
    .filter((id) => !(master.leadUnits.get(master.indicators.get(id)!.indicator.item) ?? []).includes(meta.unit));
  if (foreign.length) return `指标 ${foreign.join('、')} 不属于“${meta.unit}”牵头的事项`;
  return null;
}

/** The figures of a return that belongs here, normalized; a cell that can't be read is left out with its reason. */
function readFigures(master: MasterView, file: string, parsed: ParsedReturn): Pick<Fresh, 'values' | 'bad'> {
  const { meta, rows } = parsed;
  const bad: CellRejection[] = [];
  const values = new Map<string, Partial<Record<Field, CellValue>>>();
  const colOf = { h1: parsed.columns.h1, annual: parsed.columns.annual };
  for (const row of rows) {
    const ind = master.indicators.get(row.id)!.indicator;
    const got: Partial<Record<Field, CellValue>> = {};
    const remarks: string[] = [];
    for (const field of ['h1', 'annual'] as const) {
      const n = normalizeFigure(ind, row[field], field === 'h1' ? row.h1Percent : row.annualPercent);
      // A cell that can't be read is left out alone; the rest of the return still goes in.
      if (!n.ok) {
        const cell = `${colLetters(colOf[field])}${row.row}`;
        bad.push({
          file,
          unit: meta.unit,
          round: meta.round,
          id: row.id,
          field,
          cell,
          row: row.row,
          value: row[field],
          reason: n.reason,
        });
      } else if (n.value !== undefined) got[field] = n.value;
      // The words around a figure ("约", "主体完工") stay with the unit's 进展情况.
      if (n.ok && n.note) remarks.push(`${FIELD_LABEL[field]}${n.note}`);
    }
    const progress = [text(row.progress), ...remarks].filter(Boolean).join('；');
    if (progress) got.progress = progress;
    if (Object.keys(got).length) values.set(row.id, got);
  }
  return { values, bad };
}

/** Validates one return against the master; the parsed return, or the reason it is rejected whole. */
function validate(
  master: MasterView,
  units: Set<string>,
  input: ReturnInput,
): { ok: true; fresh: Fresh } | { ok: false; reason: string; unit?: string; round?: string } {
  if (!input.grid) return { ok: false, reason: input.error ?? '无法读取文件' };
  const read = readReturn(input.grid);
  if (!read.ok) return { ok: false, reason: read.reason };
  const { meta } = read.value;
  const reason = planMismatch(master, units, read.value);
  if (reason !== null) return { ok: false, reason, unit: meta.unit, round: meta.round };
  const { values, bad } = readFigures(master, input.file, read.value);
  return { ok: true, fresh: { file: input.file, unit: meta.unit, round: meta.round, parsed: read.value, values, bad } };
}

/** Sorts the returns into accepted and rejected, in the order given; a unit's second return is a twin. */
export function acceptReturns(
  master: MasterView,
  units: Set<string>,
  inputs: ReturnInput[],
): { accepted: Fresh[]; rejected: Rejection[] } {
  const rejected: Rejection[] = [];
  const accepted: Fresh[] = [];
  for (const input of inputs) {
    const v = validate(master, units, input);
    if (!v.ok) {
      rejected.push({ file: input.file, reason: v.reason, unit: v.unit, round: v.round });
      continue;
    }
    const twin = accepted.find((a) => a.unit === v.fresh.unit);
    if (twin) {
      rejected.push({
        file: input.file,
        reason: `“${v.fresh.unit}”重复报送（已采用 ${twin.file}）`,
        unit: v.fresh.unit,
        round: v.fresh.round,
      });
      continue;
    }
    accepted.push(v.fresh);
  }
  return { accepted, rejected };
}

/** How many values an accepted return brought (figures and 进展情况). */
export function valueCount(f: Fresh): number {
  return [...f.values.values()].reduce((n, got) => n + Object.keys(got).length, 0);
}
