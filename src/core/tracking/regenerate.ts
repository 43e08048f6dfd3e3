// Generating over an existing tracking workbook: the new layout with everything people entered carried
// over (figures by indicator id, the 日志 and 进展情况 sheets whole), or the reason it can't be done
// without losing something. The same rule as the add-in's regenerate, for hosts that write whole files.
import type { Entry, Plan } from '../model';
import { InputError } from '../model';
import type { CellValue, WorkbookGrid, WorkbookLayout } from '../layout/types';
import { LOG_COLUMNS, LOG_SHEET, LOG_STYLES, logSheet, readLog, type LogRow } from '../consolidate/log';
import { PROGRESS_SHEET, PROGRESS_STYLES, progressSheet, readProgress } from '../consolidate/progress';
import { carryEntries } from './carry';
import { buildTrackingLayout, type TrackingOptions } from './layout';
import { readTracking } from './read';
import { SHEET } from './sheet';

export type Regenerated =
  | { ok: true; layout: WorkbookLayout; kept: number; sheetsKept: string[] }
  | { ok: false; reason: string; orphaned?: Entry[] };

const blank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const OURS = new Set<string>([SHEET.main, SHEET.targets, SHEET.summary, SHEET.meta, LOG_SHEET, PROGRESS_SHEET]);

/**
 * The layout for `plan` when `old` (a workbook about to be replaced) may hold entered work. A workbook
 * that isn't a tracking workbook gives a fresh layout; one whose entries can't be read, whose figures
 * belong to indicators the new plan lacks, or which has sheets of its own is refused with the reason.
 */
export function regenerateTracking(plan: Plan, old: WorkbookGrid, opts: TrackingOptions = {}): Regenerated {
  const layout = buildTrackingLayout(plan, opts);
  const ours = old.sheets.filter((s) => OURS.has(s.name));
  const theirs = old.sheets.filter((s) => !OURS.has(s.name) && s.rows.some((r) => r && r.some((v) => !blank(v))));
  if (ours.length === 0) {
    // Not a tracking workbook: nothing of ours to carry; replacing it is what --force asked for.
    return { ok: true, layout, kept: 0, sheetsKept: [] };
  }
  if (theirs.length) {
    return {
      ok: false,
      reason: `原工作簿还有其他工作表（${theirs.map((s) => `“${s.name}”`).join('、')}），重新生成会丢失它们`,
    };
  }
  let entries: Entry[];
  try {
    entries = readTracking(old).entries;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { ok: false, reason: `无法读取原工作簿中已填的数字（${e.zh ?? e.message}）` };
  }
  const carried = carryEntries(layout, entries);
  if (carried.orphaned.length) {
    const ids = carried.orphaned.map((e) => e.id);
    return {
      ok: false,
      reason: `原工作簿中指标 ${ids.join('、')} 已填了数字，新计划中没有这些指标`,
      orphaned: carried.orphaned,
    };
  }
  const sheetsKept: string[] = [];
  const log = readLog(old);
  const logRows = (log?.rows ?? [])
    .filter((r) => Object.values(r).some((v) => !blank(v)))
    .map((r) => Object.fromEntries(LOG_COLUMNS.map(([k]) => [k, r[k] ?? null])) as LogRow);
  if (logRows.length) {
    layout.sheets.push(logSheet(logRows));
    sheetsKept.push(LOG_SHEET);
  }
  const progress = readProgress(old);
  if (progress.length) {
    layout.sheets.push(progressSheet(progress, () => []));
    sheetsKept.push(PROGRESS_SHEET);
  }
  if (sheetsKept.length) layout.styles = { ...layout.styles, ...LOG_STYLES, ...PROGRESS_STYLES };
  return { ok: true, layout, kept: carried.kept, sheetsKept };
}
