// Which rows of a plan table make which item: header rows set the columns, an item starts at its 序号, and rows
// merged down, split by hand or cut by a line break continue it. Anything else that looks like an item row is
// reported, never dropped in silence.
import type { PlanWarning } from '../model';
import type { PlanRow } from './parse';
import { checkColumns, columnsOf, isHeaderRow, isSubHeaderRow, type ColumnMap } from './sources/header';
import { readItemNo } from './sources/numbering';

/** How messages name a row. */
export const at = (r: PlanRow) => r.where ?? `第${r.line}行`;

/** Columns of a table without a header row: the official order. */
const STANDARD: ColumnMap = {
  roles: ['no', 'name', 'summary', 'goal', 'h1', 'h2', 'units'],
  col: { no: 0, name: 1, summary: 2, goal: 3, h1: 4, h2: 5, units: 6 },
  unknown: [],
};

/** An item being read: its first row, and its cells (grown by the rows that continue it). */
export interface ItemRows {
  row: PlanRow;
  no: number;
  cells: string[];
  map: ColumnMap;
}

/** Adds a row that continues an item (merged down, or split by hand) to its cells, column by column. */
function continueItem(item: ItemRows, row: PlanRow): void {
  row.cells.forEach((cell, c) => {
    const piece = cell.trim();
    if (!piece || row.up?.[c]) return;
    item.cells[c] = item.cells[c] ? `${item.cells[c]}\n${piece}` : piece;
  });
}

/** What the row loop knows so far. */
interface ReadState {
  warnings: PlanWarning[];
  /** Rows reported and left out, for the message when no item is found. */
  skipped: string[];
  found: ItemRows[];
  map: ColumnMap;
  /** A header row being read (with the sub-header rows under it); its map applies from the next body row. */
  header: { row: PlanRow; block: string[][] } | null;
  seenHeader: boolean;
  /** Header texts naming no known column, reported once. */
  ignored: Set<string>;
  /** The item the previous row belongs to (a PDF line break continues it); null after a blank or other row. */
  prevItem: ItemRows | null;
  /** The last item read: a row merged down or split by hand continues it. */
  lastItem: ItemRows | null;
}

/** Blank, header and sub-header rows. True when `row` was one of them (nothing more to do with it); a body row
 *  after a header first puts that header's column map in force. */
function readHeaderRow(s: ReadState, row: PlanRow): boolean {
  const cells = row.cells;
  if (cells.every((c) => !c.trim())) {
    s.prevItem = null;
    return true;
  }
  if (isHeaderRow(cells)) {
    s.header = { row, block: [cells] };
    s.prevItem = null;
    return true;
  }
  if (s.header && isSubHeaderRow(cells)) {
    s.header.block.push(cells);
    return true;
  }
  if (s.header) {
    const header = s.header;
    s.map = columnsOf(header.block);
    checkColumns(s.map, at(header.row));
    for (const name of s.map.unknown.filter((u) => !s.ignored.has(u))) {
      s.ignored.add(name);
      s.warnings.push({
        item: null,
        message: `${at(header.row)}：表头中的“${name}”不是计划表的列，这一列未读入 (unknown column ignored)`,
      });
    }
    s.seenHeader = true;
    s.header = null;
  } else if (isSubHeaderRow(cells) && cells.filter((c) => c.trim()).length < 3) {
    return true; // 上半年 | 下半年 repeated on its own
  }
  return false;
}

/** A body row: an item's first row, a row continuing the item before it, or anything else (reported when it
 *  looks like an item). */
function readBodyRow(s: ReadState, row: PlanRow): void {
  const cells = row.cells;
  const noCol = s.map.col.no ?? 0;
  const nameCol = s.map.col.name ?? 1;
  if (row.up?.[noCol] && s.lastItem) {
    continueItem(s.lastItem, row);
    s.prevItem = s.lastItem;
    return;
  }
  const read = readItemNo(cells[noCol]);
  if (read && 'no' in read) {
    const item: ItemRows = { row, no: read.no, cells: cells.map((c) => c.trim()), map: s.map };
    s.found.push(item);
    s.prevItem = s.lastItem = item;
    return;
  }
  if (continuesLine(s, row, noCol)) return;
  // A row with no 序号 and no 事项名称 under an item continues it column by column (a row split by hand).
  if (!read && s.lastItem && cells.length >= 2 && !cells[nameCol]?.trim()) {
    continueItem(s.lastItem, row);
    s.prevItem = s.lastItem;
    return;
  }
  s.prevItem = null;
  // Anything else that looks like an item row is reported, never dropped in silence; titles and notes are not.
  const nonEmpty = cells.filter((c) => c.trim()).length;
  const looksLikeItem = nonEmpty >= 3 || (nonEmpty >= 2 && (s.seenHeader || s.found.length > 0));
  if (!looksLikeItem || /^\s*(注|备注|说明|附件)/.test(cells.find((c) => c.trim()) ?? '')) return;
  if (read) skip(s, row, `${read.reason}，这一行未读入`, 'unreadable 序号, row skipped');
  else skip(s, row, `没有序号，这一行未读入（请在序号列填上编号）`, 'no 序号, row skipped');
}

/** A line break inside a cell that wasn't quoted (Word, PDF) splits a row: the rest arrives as a line without
 *  序号 that continues the previous row from its last cell on. A lone short line continues its last cell
 *  (牵头单位); a note ("注：…") does not. True when `row` was taken as such a rest. */
function continuesLine(s: ReadState, row: PlanRow, noCol: number): boolean {
  const cells = row.cells;
  const width = s.map.roles.length;
  const prev = s.prevItem?.cells;
  if (!prev || row.kind || s.prevItem!.row.kind || noCol !== 0) return false;
  const fits = prev.length + cells.length - 1 <= width;
  const looksContinued =
    prev.length < width || (cells.length === 1 && cells[0].trim().length <= 20 && !/[：:]/.test(cells[0]));
  if (!fits || !looksContinued) return false;
  prev[prev.length - 1] += '\n' + cells[0].trim();
  prev.push(...cells.slice(1).map((c) => c.trim()));
  return true;
}

function skip(s: ReadState, row: PlanRow, zh: string, en: string): void {
  s.warnings.push({ item: null, message: `${at(row)}：${zh} (line ${row.line}: ${en})` });
  s.skipped.push(`${at(row)}：${zh}`);
}

/** Reads the rows into items (each with the column map in force at its first row) and warnings. */
export function readItemRows(rows: PlanRow[]): ReadState {
  const s: ReadState = {
    warnings: [],
    skipped: [],
    found: [],
    map: STANDARD,
    header: null,
    seenHeader: false,
    ignored: new Set(),
    prevItem: null,
    lastItem: null,
  };
  for (const row of rows) if (!readHeaderRow(s, row)) readBodyRow(s, row);
  if (s.header) {
    checkColumns(columnsOf(s.header.block), at(s.header.row));
  }
  return s;
}
