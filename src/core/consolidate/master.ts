// What consolidation needs to know about the master (tracking) workbook, whatever reads it.
import type { CellStyle, CellValue, WorkbookGrid } from '../layout/types';
import { InputError, type Indicator } from '../model';
import { SHEET } from '../tracking/sheet';
import { readTracking } from '../tracking/read';
import { TRACKING_STYLES } from '../tracking/layout';

/** An entry cell of the master: where it is (1-based) and what it holds now. */
export interface MasterSlot {
  sheet: string;
  r: number;
  c: number;
  value: CellValue;
}

interface MasterIndicator {
  indicator: Indicator;
  h1: MasterSlot;
  annual: MasterSlot;
}

export interface MasterView {
  planId: string;
  planHash: string;
  year: number;
  /** By indicator id. */
  indicators: Map<string, MasterIndicator>;
  /** 牵头单位 per item 序号, in the order the plan lists them. */
  leadUnits: Map<number, string[]>;
  /** Style the master's entry cells carry (written values keep looking like entries). */
  entryStyle: { key: string; style: CellStyle };
  /** Style for text written into the master (numFmt '@' so it never turns into a formula). */
  textStyle: { key: string; style: CellStyle };
}

/** Every lead unit once, in order of first appearance. */
export function masterUnits(master: MasterView): string[] {
  const seen = new Set<string>();
  const items = [...master.leadUnits.keys()].sort((a, b) => a - b);
  for (const no of items) for (const u of master.leadUnits.get(no)!) seen.add(u);
  return [...seen];
}

/** Style for text written into entry cells (a milestone's 已完成, say): the entry look, kept as text. */
const ENTRY_TEXT_STYLE = 'cons.entryText';

/** Reads the master tracking workbook into what consolidation needs. Throws InputError when it isn't one. */
export function readMaster(grid: WorkbookGrid): MasterView {
  const read = readTracking(grid);
  const { meta, positions } = read;
  if (!meta.planId || !meta.planHash) {
    throw new InputError(
      `the master has no plan id/hash (hidden sheet ${SHEET.meta} missing or emptied); regenerate it with tuijin generate`,
      undefined,
      '工作簿缺少计划标识（隐藏的计划信息表被删除或清空），请重新生成推进表',
    );
  }
  const indicators = new Map<string, MasterIndicator>();
  const entryOf = new Map(read.entries.map((e) => [e.id, e]));
  for (const ind of read.indicators) {
    const r = positions.rows[ind.id];
    const e = entryOf.get(ind.id);
    const val = (v: unknown): CellValue =>
      v instanceof Date ? v.toISOString().slice(0, 10) : ((v ?? null) as CellValue);
    indicators.set(ind.id, {
      indicator: ind,
      h1: { sheet: positions.sheet, r, c: positions.columns.h1, value: val(e?.h1) },
      annual: { sheet: positions.sheet, r, c: positions.columns.annual, value: val(e?.annual) },
    });
  }
  const leadUnits = new Map<number, string[]>();
  for (const item of read.items) if (!leadUnits.has(item.no)) leadUnits.set(item.no, item.leadUnits);
  const entry = TRACKING_STYLES.entry;
  return {
    planId: meta.planId,
    planHash: meta.planHash,
    year: meta.year ?? 0,
    indicators,
    leadUnits,
    entryStyle: { key: 'entry', style: entry },
    textStyle: { key: ENTRY_TEXT_STYLE, style: { ...entry, numFmt: '@' } },
  };
}
