// Consolidation rules: which returns are accepted, which figure lands in which master cell, what is a
// conflict, and what the 日志 records. Data in, decisions out: no files, no workbook library.
import type { CellPatch, CellStyle, CellValue, WorkbookGrid, WorkbookPatch } from '../layout/types';
import type { Indicator } from '../model';
import { readFigureFor } from '../entryInput';
import { isUncalculatedFormula, UNCALCULATED_REASON } from '../formula';
import { ParsedReturn, readReturn } from '../returns/read';
import { rowIdentityProblems } from '../returns/identity';
import { colLetters } from '../layout/address';
import { appendLogCells, ExistingLog, LOG_SHEET, LOG_STYLES, LogAction, LogRow, logRowHeight, logSheet } from './log';
import { MasterSlot, MasterView, masterUnits } from './master';
import { progressKey, ProgressRow, progressSheet, PROGRESS_STYLES } from './progress';

export type Field = 'h1' | 'annual' | 'progress';
export const FIELD_LABEL: Record<Field, string> = { h1: '上半年完成', annual: '全年完成', progress: '进展情况' };
const FIELDS: Field[] = ['h1', 'annual', 'progress'];
/** 填报项 of the log row that records who sent a return. */
const SENDER_FIELD = '报送';

/** One return file: its grid, or why it couldn't be read at all. */
export interface ReturnInput {
  file: string;
  grid?: WorkbookGrid;
  error?: string;
}

interface ConflictValue {
  unit: string;
  file: string;
  value: CellValue;
}

interface Conflict {
  id: string;
  field: Field;
  values: ConflictValue[];
  /** The unit whose figure was applied: the one listed first in 牵头单位. */
  chosen: string;
}

interface Rejection {
  file: string;
  reason: string;
}

/** One entry cell of an accepted return that could not be read: left out alone, the rest goes in. */
interface CellRejection {
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

/** How a unit that sent a return with unreadable cells is listed. */
export const PARTIAL_LABEL = '已报送（部分退回）';

export interface ConsolidationReport {
  /** Master cells written. */
  applied: number;
  conflicts: Conflict[];
  rejected: Rejection[];
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

interface Candidate {
  unit: string;
  file: string;
  value: CellValue;
  /** Index into the accepted returns; -1 when already in the master from an earlier run (found in 日志). */
  src: number;
  prior?: boolean;
}

interface Fresh {
  file: string;
  unit: string;
  round: string;
  parsed: ParsedReturn;
  /** id → field → normalized value (blanks left out). */
  values: Map<string, Partial<Record<Field, CellValue>>>;
  /** Cells that couldn't be read, in sheet order. */
  bad: CellRejection[];
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

const MILESTONE_TRUE = '已完成';
const MILESTONE_FALSE = '未完成';

/** A figure as the master should hold it, or why it can't be one. Blank → undefined. `percentCell`: the form's cell
 *  is formatted as a percentage (52% stored as 0.52). `note` says how a figure with a remark ("约10场") was read. */
export function normalizeFigure(
  ind: Indicator,
  v: CellValue,
  percentCell = false,
): { ok: true; value: CellValue | undefined; note?: string } | { ok: false; reason: string } {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))
    return { ok: true, value: undefined };
  if (isUncalculatedFormula(v)) return { ok: false, reason: UNCALCULATED_REASON };
  if (ind.kind === 'milestone') {
    if (typeof v === 'boolean') return { ok: true, value: v ? MILESTONE_TRUE : MILESTONE_FALSE };
    if (typeof v === 'number')
      return { ok: false, reason: `应填“${MILESTONE_TRUE}”“${MILESTONE_FALSE}”或完成日期，不是数字 ${v}` };
    return { ok: true, value: v.trim() };
  }
  const f = readFigureFor(ind, v, '', percentCell);
  if (f.error !== null || f.value === null) return { ok: false, reason: f.error ?? '未填写' };
  if (f.value < 0 && ind.kind !== 'change') return { ok: false, reason: `不能为负数（${v}）` };
  return f.remark ? { ok: true, value: f.value, note: `填报“${String(v).trim()}”` } : { ok: true, value: f.value };
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(text(a));
    const y = Number(text(b));
    return text(a) !== '' && text(b) !== '' && Number.isFinite(x) && Number.isFinite(y) && sameValue(x, y);
  }
  return text(a) === text(b);
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
  const { meta, rows } = read.value;
  const who = { unit: meta.unit, round: meta.round };
  if (meta.planId !== master.planId) {
    const years =
      meta.year === master.year
        ? `同为${meta.year}年度，但不是本主表的计划`
        : `填报表为${meta.year}年度计划，主表为${master.year}年度计划`;
    return { ...who, ok: false, reason: `来自另一份计划（${years}），请用本主表生成的填报表填报` };
  }
  if (meta.planHash !== master.planHash) {
    return { ...who, ok: false, reason: '填报表与主表的计划版本不符（计划校验不同），请用当前主表重新生成填报表' };
  }
  if (!units.has(meta.unit)) {
    return { ...who, ok: false, reason: `“${meta.unit}”不是本计划的牵头单位` };
  }
  // Each row must still hold the indicator it was made for (moved, swapped or relabelled rows are refused).
  const moved = rowIdentityProblems(read.value);
  if (moved.length) {
    const more = moved.length > 3 ? `等${moved.length}处` : '';
    const legacy = meta.rows ? '' : '（本表单由旧版本生成）';
    return {
      ...who,
      ok: false,
      reason: `表单的行被移动、交换或改动${legacy}：${moved
        .slice(0, 3)
        .map((p) => p.text)
        .join('；')}${more}。请在原表单中填写，不要移动或修改指标行`,
    };
  }
  const unknown = rows.map((r) => r.id).filter((id) => !master.indicators.has(id));
  if (unknown.length) return { ...who, ok: false, reason: `主表中没有这些指标：${unknown.join('、')}` };
  const foreign = rows
    .map((r) => r.id)
    .filter((id) => !(master.leadUnits.get(master.indicators.get(id)!.indicator.item) ?? []).includes(meta.unit));
  if (foreign.length) return { ...who, ok: false, reason: `指标 ${foreign.join('、')} 不属于“${meta.unit}”牵头的事项` };

  const bad: CellRejection[] = [];
  const values = new Map<string, Partial<Record<Field, CellValue>>>();
  const colOf = { h1: read.value.columns.h1, annual: read.value.columns.annual };
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
          file: input.file,
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
  return { ok: true, fresh: { file: input.file, unit: meta.unit, round: meta.round, parsed: read.value, values, bad } };
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
  const log = history.log;
  const rejected: (Rejection & { unit?: string; round?: string })[] = [];
  const accepted: Fresh[] = [];
  const knownUnits = new Set(masterUnits(master));
  for (const input of inputs) {
    const v = validate(master, knownUnits, input);
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

  // Figures already applied this round by an earlier run, still standing in the master.
  const priorOf = new Map<string, Candidate>();
  for (const row of log?.rows ?? []) {
    if (text(row.action) !== 'applied') continue;
    priorOf.set(`${text(row.round)}|${text(row.id)}|${text(row.field)}`, {
      unit: text(row.unit),
      file: text(row.file),
      value: row.new ?? null,
      src: -1,
      prior: true,
    });
  }

  const units = (id: string) => master.leadUnits.get(master.indicators.get(id)!.indicator.item) ?? [];
  const rank = (id: string, unit: string) => {
    const i = units(id).indexOf(unit);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const slotOf = (id: string, field: 'h1' | 'annual'): MasterSlot => master.indicators.get(id)![field];

  // Gather candidates per master cell, in file order.
  const byCell = new Map<string, { id: string; field: Field; cands: Candidate[]; round: string }>();
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

  const cells: CellPatch[] = [];
  const conflicts: Conflict[] = [];
  /** `${src}|${id}|${field}` → how its value was handled. */
  const outcome = new Map<string, { action: LogAction; note: string; old?: CellValue }>();
  const progressRows = new Map((history.progress ?? []).map((row) => [progressKey(text(row.id), text(row.unit)), row]));
  let progressChanged = false;
  let applied = 0;

  for (const { id, field, cands, round } of byCell.values()) {
    const label = FIELD_LABEL[field];
    if (field === 'progress') {
      // Each unit keeps its own text (a row of 进展情况 per indicator and unit): nothing to conflict.
      for (const c of cands) {
        const key = progressKey(id, c.unit);
        const before = progressRows.get(key);
        const changed = !before || text(before.text) !== text(c.value);
        outcome.set(`${c.src}|${id}|${field}`, {
          action: 'applied',
          note: changed ? '' : '与原进展情况相同',
          old: before?.text ?? null,
        });
        if (!changed) continue;
        const ind = master.indicators.get(id)!.indicator;
        progressRows.set(key, {
          id,
          item: ind.item,
          label: ind.label,
          unit: c.unit,
          round,
          text: text(c.value),
          time: opts.time,
        });
        applied++;
        progressChanged = true;
      }
      continue;
    }
    const slot = slotOf(id, field);
    const current = slot.value;
    const prior = priorOf.get(`${round}|${id}|${label}`);
    const all =
      prior && sameValue(prior.value, current) && !cands.some((c) => c.unit === prior.unit) ? [prior, ...cands] : cands;
    const chosen = all.reduce((best, c) => (rank(id, c.unit) < rank(id, best.unit) ? c : best), all[0]);
    const distinct = all.filter((c, i) => all.findIndex((d) => sameValue(d.value, c.value)) === i);
    if (distinct.length > 1) {
      conflicts.push({
        id,
        field,
        values: all.map(({ unit, file, value }) => ({ unit, file, value })),
        chosen: chosen.unit,
      });
    }
    const others = all.filter((c) => c !== chosen).map((c) => c.unit);
    for (const c of cands) {
      const key = `${c.src}|${id}|${field}`;
      if (c === chosen) {
        const notes: string[] = [];
        if (distinct.length > 1) notes.push(`与${others.join('、')}报送不一致，按牵头单位顺序采用本单位数据`);
        if (current !== null && current !== '' && !sameValue(current, c.value)) notes.push('覆盖原值');
        outcome.set(key, { action: 'applied', note: notes.join('；') });
      } else if (sameValue(c.value, chosen.value)) {
        outcome.set(key, { action: 'applied', note: `与${chosen.unit}报送一致` });
      } else {
        outcome.set(key, {
          action: 'conflict',
          note: `与${chosen.unit}报送的 ${text(chosen.value)} 不一致，未采用（${chosen.unit}在牵头单位中排序在前）`,
        });
      }
    }
    if (chosen.prior) continue;
    cells.push({
      sheet: slot.sheet,
      r: slot.r,
      c: slot.c,
      value: chosen.value,
      style: typeof chosen.value === 'string' ? master.textStyle.key : master.entryStyle.key,
    });
    applied++;
  }

  // 日志 rows: per file in the order given, its rows in sheet order.
  const logRows: LogRow[] = [];
  const row = (
    file: string,
    unit: string,
    round: string,
    id: string,
    field: string,
    old: CellValue,
    value: CellValue,
    action: LogAction,
    note: string,
  ): LogRow => ({
    time: opts.time,
    round,
    file,
    unit,
    id,
    field,
    old,
    new: value,
    action,
    note,
  });
  for (const [src, f] of accepted.entries()) {
    const who = [f.parsed.reporter && `填报人：${f.parsed.reporter}`, f.parsed.phone && `联系电话：${f.parsed.phone}`]
      .filter(Boolean)
      .join('，');
    const count = [...f.values.values()].reduce((n, got) => n + Object.keys(got).length, 0);
    const partial = f.bad.length ? `，退回${f.bad.length}项（${PARTIAL_LABEL}）` : '';
    logRows.push(
      row(f.file, f.unit, f.round, '', SENDER_FIELD, null, who || null, 'applied', `收到${count}项${partial}`),
    );
    for (const { id } of f.parsed.rows) {
      const got = f.values.get(id) ?? {};
      for (const field of FIELDS) {
        const b = f.bad.find((x) => x.id === id && x.field === field);
        if (b) {
          const shown =
            b.value === null || b.value === undefined ? null : typeof b.value === 'number' ? b.value : String(b.value);
          logRows.push(
            row(
              f.file,
              f.unit,
              f.round,
              id,
              FIELD_LABEL[field],
              null,
              shown,
              'rejected',
              `单元格 ${b.cell}：${b.reason}`,
            ),
          );
          continue;
        }
        if (got[field] === undefined) continue;
        const o = outcome.get(`${src}|${id}|${field}`)!;
        const old = field === 'progress' ? (o.old ?? null) : slotOf(id, field).value;
        logRows.push(row(f.file, f.unit, f.round, id, FIELD_LABEL[field], old, got[field]!, o.action, o.note));
      }
    }
  }
  for (const r of rejected) {
    logRows.push(row(r.file, r.unit ?? '', r.round ?? '', '', SENDER_FIELD, null, null, 'rejected', r.reason));
  }

  // 未报送: lead units with nothing accepted this round, counting earlier runs of the same round.
  const rounds = [...new Set([...accepted.map((a) => a.round), ...rejected.map((r) => r.round ?? '').filter(Boolean)])];
  const reported = new Set(accepted.map((a) => a.unit));
  for (const row of log?.rows ?? []) {
    if (text(row.action) === 'applied' && text(row.field) === SENDER_FIELD && rounds.includes(text(row.round)))
      reported.add(text(row.unit));
  }
  const missingUnits = masterUnits(master).filter((u) => !reported.has(u));

  const styles: Record<string, CellStyle> = {
    ...LOG_STYLES,
    ...PROGRESS_STYLES,
    [master.entryStyle.key]: master.entryStyle.style,
    [master.textStyle.key]: master.textStyle.style,
  };
  const patch: WorkbookPatch = log
    ? {
        styles,
        cells: [...cells, ...appendLogCells(logRows, log.lastRow)],
        sheets: [],
        minRowHeights: logRows.map((row, i) => ({
          sheet: LOG_SHEET,
          r: log.lastRow + 1 + i,
          height: logRowHeight(row),
        })),
      }
    : { styles, cells, sheets: [logSheet(logRows)] };
  if (progressChanged) {
    const order = [...master.indicators.keys()];
    patch.sheets.push(
      progressSheet([...progressRows.values()], (row) => {
        const id = text(row.id);
        const at = order.indexOf(id);
        return [at < 0 ? order.length : at, at < 0 ? 0 : rank(id, text(row.unit))];
      }),
    );
  }

  return {
    report: {
      applied,
      conflicts,
      rejected: rejected.map(({ file, reason }) => ({ file, reason })),
      rejectedCells: accepted.flatMap((f) => f.bad),
      partialUnits: [...new Set(accepted.filter((f) => f.bad.length > 0).map((f) => f.unit))],
      missingUnits,
      accepted: accepted.map((f) => ({
        file: f.file,
        unit: f.unit,
        round: f.round,
        reporter: f.parsed.reporter,
        phone: f.parsed.phone,
        values: [...f.values.values()].reduce((n, got) => n + Object.keys(got).length, 0),
        rejectedCells: f.bad.length,
      })),
      rounds,
      log: logRows,
    },
    patch,
  };
}
