/// <reference types="office-js" />
// Re-judging the rows an edit touched: typed figures read ("8.5万" becomes 85000, and 说明 says what was typed),
// the touched indicators judged, and only their cells written. One sync to read, one to write.
import type { Entry, EntryValue, Indicator, Judgement } from '../../core/model';
import { judge } from '../../core/judge';
import { readFigureFor } from '../../core/entryInput';
import { parseFigure } from '../../core/numbers';
import { buildCheckPatch } from '../../core/tracking/patch';
import { planYearOf } from '../../core/tracking/check';
import type { TrackingRead } from '../../core/tracking/read';
import type { CellPatch, Range } from '../../core/layout/types';
import type { OfficeCaps } from './caps';
import { batchFor, queueFullPatch, readTrackingWorkbook, writable, writing } from './tracking';

/** A figure typed as text that was written back as the number. */
interface Normalized {
  id: string;
  field: 'h1' | 'annual';
  /** What was typed. */
  text: string;
  value: number;
}

export interface LiveUpdate {
  judgements: Judgement[];
  normalized: Normalized[];
  syncs: number;
}

/** Indicator ids whose entry cells (上半年完成/全年完成) lie inside `boxes`. */
function touchedIds(read: TrackingRead, boxes: Range[]): Set<string> {
  const pos = read.positions;
  const entryCols = [pos.columns.h1, pos.columns.annual];
  const touches = (r: number) =>
    boxes.some((x) => r >= x.r1 && r <= x.r2 && entryCols.some((c) => c >= x.c1 && c <= x.c2));
  return new Set(read.indicators.filter((ind) => touches(pos.rows[ind.id])).map((ind) => ind.id));
}

/** The entries with plain figures typed as text read as numbers; `normalized` lists each one read. */
function readTyped(
  indicators: Indicator[],
  entryList: Entry[],
): { entries: Map<string, Entry>; normalized: Normalized[] } {
  const normalized: Normalized[] = [];
  const entries = new Map<string, Entry>(entryList.map((e) => [e.id, e]));
  for (const ind of indicators) {
    const e = entries.get(ind.id);
    if (!e || ind.kind === 'milestone') continue;
    const fix = (field: 'h1' | 'annual', v: EntryValue): EntryValue => {
      if (typeof v !== 'string') return v;
      const p = parseFigure(v);
      if (!p.ok || p.text === undefined) return v;
      // Only a plain figure ("8.5万", "3,200") becomes a number; a remark ("约10场") or a unit of another kind
      // ("1,200人次" for 人) stays as typed, for the judgement to explain.
      const r = readFigureFor(ind, v, '');
      if (r.error !== null || r.remark !== null || r.value === null) return v;
      normalized.push({ id: ind.id, field, text: v, value: r.value });
      return r.value;
    };
    entries.set(ind.id, { ...e, h1: fix('h1', e.h1), annual: fix('annual', e.annual) });
  }
  return { entries, normalized };
}

/** Each figure read from text goes into its cell as the number, and 说明 says what was typed. */
function writeTyped(cells: CellPatch[], normalized: Normalized[], pos: TrackingRead['positions']): void {
  for (const n of normalized) {
    const r = pos.rows[n.id];
    const c = n.field === 'h1' ? pos.columns.h1 : pos.columns.annual;
    const at = cells.find((p) => p.r === r && p.c === c);
    if (at) at.value = n.value;
    else cells.push({ sheet: pos.sheet, r, c, value: n.value, style: 'entry' });
    const note = pos.columns.note;
    if (note !== null) {
      const label = n.field === 'h1' ? '上半年完成' : '全年完成';
      const cell = cells.find((p) => p.r === r && p.c === note);
      const extra = `${label}原填“${n.text}”，已按${n.value}计。`;
      if (cell) cell.value = [cell.value, extra].filter((x) => x !== null && x !== undefined && x !== '').join(' ');
      else cells.push({ sheet: pos.sheet, r, c: note, value: extra, style: 'left' });
    }
  }
}

/**
 * Re-judges the indicator rows inside `boxes` whose entry cells changed: one sync to read, one to
 * write. Returns null when no entry cell was touched (e.g. our own 状态/说明 writes).
 */
export async function rejudge(
  context: Excel.RequestContext,
  boxes: Range[],
  opts: { caps: OfficeCaps; asOf: () => string },
): Promise<LiveUpdate | null> {
  const b = batchFor(context, { caps: opts.caps });
  const wb = await readTrackingWorkbook(context);
  b.syncs += wb.syncs;
  const read = wb.read;
  const pos = read.positions;
  const ids = touchedIds(read, boxes);
  if (ids.size === 0) return null;

  const asOf = opts.asOf();
  const year = planYearOf(read, asOf);
  const indicators = read.indicators.filter((ind) => ids.has(ind.id));
  const { entries, normalized } = readTyped(indicators, read.entries);
  const judgements = indicators.map((ind) => judge(ind, entries.get(ind.id), asOf, year));
  const patch = buildCheckPatch({ ...read, indicators }, judgements, asOf);
  // Only these rows: the 汇总 sheet and print headers wait for a full 校验.
  patch.sheets = [];
  patch.printHeaders = [];
  patch.minRowHeights = [];
  delete patch.rowBreaks;
  writeTyped(patch.cells, normalized, pos);
  await writing(b, async () => {
    // Protected again meanwhile (the ribbon's 校验 runs elsewhere): open it; it stays open while this is on.
    writable(b, wb, pos.sheet);
    await queueFullPatch(b, patch, wb);
  });
  return { judgements, normalized, syncs: b.syncs };
}
