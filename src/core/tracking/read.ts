// Reads a tracking workbook back (as a WorkbookGrid from any adapter): plan metadata, the targets from
// the 指标 sheet (with the user's corrections), the entered figures, and where to write results.
// The hidden sheet is read in readMeta.ts, the 指标 sheet in readTargets.ts; this file finds the main sheet.
import { Entry, EntryValue, Indicator, InputError } from '../model';
import type { CellValue, GridSheet, WorkbookGrid } from '../layout/types';
import { cellText } from '../text';
import { HEADER, SHEET } from './sheet';
import { readProgress } from '../consolidate/progress';
import { a1, findHeader, ID } from './readHeader';
import { readMeta, type TrackingMetaRead } from './readMeta';
import { readTargets } from './readTargets';

/** An item of the plan as the main sheet shows it (for summaries per item and per lead unit). */
export interface TrackingItemRead {
  no: number;
  name: string;
  leadUnits: string[];
  /** Indicator ids on this item's rows, in order. */
  indicators: string[];
  /** The item's rows in the main sheet (1-based, inclusive). */
  first: number;
  last: number;
}

/** 1-based positions in the main sheet, for writing results back. */
interface TrackingPositions {
  sheet: string;
  headerRow: number;
  /** Column of each progress header (1-based). */
  columns: {
    id: number;
    label: number;
    h1Target: number;
    h1: number;
    annualTarget: number;
    annual: number;
    /** 上半年完成率 / 全年完成率, null in workbooks without them. */
    h1Rate: number | null;
    annualRate: number | null;
    /** The single 完成率 column of workbooks made before the two rate columns, else null. */
    rate: number | null;
    status: number;
    note: number | null;
    /** 进展情况 in the main sheet, null in workbooks without it. */
    progress: number | null;
  };
  /** Row (1-based) of each indicator id. */
  rows: Record<string, number>;
  /** Row heights of the main sheet in points, when the adapter reported them. */
  rowHeights?: Record<number, number>;
}

/** Everything readTracking finds in a tracking workbook. */
export interface TrackingRead {
  meta: TrackingMetaRead;
  /** Targets as the 指标 sheet has them now, in main-sheet order. */
  indicators: Indicator[];
  /** What was entered in 上半年完成 / 全年完成, one per indicator. */
  entries: Entry[];
  items: TrackingItemRead[];
  positions: TrackingPositions;
  /** The latest 进展情况 per indicator id from the 进展情况 sheet (units named when more than one reported). */
  progress: Record<string, string>;
  /** Indicators of the 指标 sheet with no row in the main sheet: not judged, and said so (never dropped silently). */
  unplaced: Indicator[];
}

const MAIN_KEYS = [HEADER.id, HEADER.h1, HEADER.annual, HEADER.status];

function entryValue(v: CellValue | undefined): EntryValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' && v.trim() === '') return null;
  return v;
}

interface MainSheet {
  sheet: GridSheet;
  /** Header row, 0-based. */
  row: number;
  /** Column (0-based) of each header of MAIN_KEYS. */
  cols: Map<string, number>;
}

/** Finds the main (entry) sheet: the one whose header row has 指标编号/上半年完成/全年完成/状态. */
function findMain(grid: WorkbookGrid): MainSheet {
  const ordered = [...grid.sheets].sort((a, b) => Number(b.name === SHEET.main) - Number(a.name === SHEET.main));
  for (const sheet of ordered) {
    const head = findHeader(sheet, MAIN_KEYS);
    if (head) return { sheet, ...head };
  }
  const named = grid.sheets.find((s) => s.name === SHEET.main);
  if (named)
    throw new InputError(
      `header row with 指标编号, 上半年完成, 全年完成, 状态 not found`,
      `sheet ${SHEET.main}`,
      '找不到表头行（指标编号、上半年完成、全年完成、状态）',
    );
  const names = grid.sheets.map((s) => s.name).join(', ') || 'none';
  throw new InputError(
    `not a Tuijin tracking workbook: no sheet has the columns 指标编号/上半年完成/全年完成/状态 (sheets: ${names})`,
    undefined,
    `这不是推进表：找不到“指标编号、上半年完成、全年完成、状态”列或“${SHEET.targets}”工作表。请打开本工具生成的推进表`,
  );
}

/** Columns of the main sheet, 0-based; -1 for one it lacks. */
interface MainColumns {
  /** A header of MAIN_KEYS (always there). */
  col: (t: string) => number;
  /** Any other header, on the header row or the group row above it. */
  opt: (t: string) => number;
  no: number;
  name: number;
  lead: number;
}

function mainColumns(main: MainSheet): MainColumns {
  const head = main.row;
  // 序号/事项名称/牵头单位 sit on the header row or the group row above it (merged down).
  const itemCols = findHeader(
    { ...main.sheet, rows: main.sheet.rows.slice(Math.max(0, head - 1), head + 1) },
    [HEADER.no, HEADER.name],
    2,
  );
  const findCol = (t: string) => {
    for (const r of [head, head - 1]) {
      const c = (main.sheet.rows[r] ?? []).findIndex((v) => cellText(v) === t);
      if (c >= 0) return c;
    }
    return -1;
  };
  return {
    col: (t) => main.cols.get(t)!,
    opt: (t) => (main.cols.has(t) ? main.cols.get(t)! : findCol(t)),
    no: itemCols ? findCol(HEADER.no) : -1,
    name: itemCols ? findCol(HEADER.name) : -1,
    lead: findCol(HEADER.lead),
  };
}

/** What the main sheet's rows hold: indicators in row order, what was entered, and the items. */
interface MainRows {
  indicators: Indicator[];
  entries: Entry[];
  rows: Record<string, number>;
  items: TrackingItemRead[];
}

function readMainRows(main: MainSheet, cols: MainColumns, targets: Map<string, Indicator>): MainRows {
  const out: MainRows = { indicators: [], entries: [], rows: {}, items: [] };
  const { items } = out;
  const percent = new Set((main.sheet.percentCells ?? []).map(([pr, pc]) => `${pr},${pc}`));
  const isPercent = (r0: number, c0: number) => percent.has(`${r0 + 1},${c0 + 1}`);
  let current: TrackingItemRead | null = null;
  for (let r = main.row + 1; r < main.sheet.rows.length; r++) {
    const row = main.sheet.rows[r] ?? [];
    const started = itemStartingAt(row, r, cols);
    if (started) {
      current = started;
      if (items.length > 0) items[items.length - 1].last = Math.max(items[items.length - 1].last, r);
      items.push(current);
    }
    const id = cellText(row[cols.col(HEADER.id)]);
    if (id === '') continue;
    if (!ID.test(id)) continue; // a note or a sub-header, not an indicator row
    const ind = targets.get(id);
    const where = `cell ${main.sheet.name}!${a1(r, cols.col(HEADER.id))}`;
    if (!ind)
      throw new InputError(
        `indicator ${id} is not in sheet ${SHEET.targets}`,
        where,
        `指标 ${id} 不在“${SHEET.targets}”工作表中`,
      );
    if (out.rows[id] !== undefined)
      throw new InputError(`indicator ${id} appears twice`, where, `指标 ${id} 出现了两次`);
    out.rows[id] = r + 1;
    out.indicators.push(ind);
    const h1 = cols.col(HEADER.h1);
    const annual = cols.col(HEADER.annual);
    const entry: Entry = { id, h1: entryValue(row[h1]), annual: entryValue(row[annual]) };
    if (isPercent(r, h1)) entry.h1Percent = true;
    if (isPercent(r, annual)) entry.annualPercent = true;
    out.entries.push(entry);
    if (!current || current.no !== ind.item) {
      current = items.find((it) => it.no === ind.item) ?? null;
      if (!current) {
        current = { no: ind.item, name: '', leadUnits: [], indicators: [], first: r + 1, last: r + 1 };
        items.push(current);
      }
    }
    current.indicators.push(id);
    current.last = Math.max(current.last, r + 1);
  }
  return out;
}

/** The item whose 序号 stands in row `r` (merged item cells carry their value in the top row only), or null. */
function itemStartingAt(row: CellValue[], r: number, cols: MainColumns): TrackingItemRead | null {
  const noText = cols.no >= 0 ? cellText(row[cols.no]) : '';
  if (noText === '' || !/^\d+$/.test(noText)) return null;
  return {
    no: Number(noText),
    name: cols.name >= 0 ? cellText(row[cols.name]) : '',
    leadUnits:
      cols.lead >= 0
        ? cellText(row[cols.lead])
            .split(/[、,，;；\s]+/)
            .filter(Boolean)
        : [],
    indicators: [],
    first: r + 1,
    last: r + 1,
  };
}

function positionsOf(main: MainSheet, cols: MainColumns, rows: Record<string, number>): TrackingPositions {
  const { col, opt } = cols;
  const c1 = (c: number) => (c >= 0 ? c + 1 : null);
  return {
    sheet: main.sheet.name,
    headerRow: main.row + 1,
    columns: {
      id: col(HEADER.id) + 1,
      label: opt(HEADER.label) + 1,
      h1Target: opt(HEADER.h1Target) + 1,
      h1: col(HEADER.h1) + 1,
      annualTarget: opt(HEADER.annualTarget) + 1,
      annual: col(HEADER.annual) + 1,
      h1Rate: c1(opt(HEADER.h1Rate)),
      annualRate: c1(opt(HEADER.annualRate)),
      rate: c1(opt(HEADER.rate)),
      status: col(HEADER.status) + 1,
      note: c1(opt(HEADER.note)),
      progress: c1(opt(HEADER.progressText)),
    },
    rows,
    ...(main.sheet.rowHeights ? { rowHeights: main.sheet.rowHeights } : {}),
  };
}

/** Reads a tracking workbook: meta, indicators (from 指标, so corrected targets count), entries and
 *  positions. Throws InputError naming the sheet or cell when it isn't one or a cell is unusable. */
export function readTracking(grid: WorkbookGrid): TrackingRead {
  const meta = readMeta(grid);
  const main = findMain(grid);
  const targets = readTargets(grid);
  const cols = mainColumns(main);
  const { indicators, entries, rows, items } = readMainRows(main, cols, targets);
  if (indicators.length === 0) {
    throw new InputError(
      'no indicator rows (指标编号 like 1.1) under the header',
      `sheet ${main.sheet.name}`,
      '表头下面没有指标行（指标编号如 1.1）',
    );
  }
  const unplaced = [...targets.values()].filter((ind) => rows[ind.id] === undefined);
  return {
    meta,
    indicators,
    entries,
    items,
    unplaced,
    positions: positionsOf(main, cols, rows),
    progress: latestProgress(grid, new Set(indicators.map((i) => i.id))),
  };
}

/** Latest 进展情况 text per indicator; with several reporting units each text is prefixed with its unit. */
function latestProgress(grid: WorkbookGrid, ids: Set<string>): Record<string, string> {
  const byId = new Map<string, { unit: string; text: string }[]>();
  for (const row of readProgress(grid)) {
    const id = cellText(row.id);
    const text = cellText(row.text);
    if (!ids.has(id) || text === '') continue;
    byId.set(id, [...(byId.get(id) ?? []), { unit: cellText(row.unit), text }]);
  }
  const out: Record<string, string> = {};
  for (const [id, texts] of byId)
    out[id] = texts.length === 1 ? texts[0].text : texts.map((t) => `${t.unit}：${t.text}`).join('\n');
  return out;
}
