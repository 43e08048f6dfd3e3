// Plan-table rows → Plan. The rows come from text (tab- or comma-separated, pasted from Excel or Word, or a
// PDF's text), from a Word table or from a sheet; the header rows say which column holds what, in any order.
// Handles the seed's shape: title, 附件, header rows repeated on every page, a half-year plan cell merged
// across both halves, an item's cells merged down over several rows.
import { InputError, Plan, PlanItem, PlanWarning } from '../model';
import { joinWrappedText, squeeze, toHalfWidth } from '../text';
import { extractIndicators } from './indicators';
import { lintPlan } from './lint';
import { splitLeadUnits } from './leadUnits';
import { detectSeparator, splitRows } from './rows';
import { checkColumns, columnsOf, isHeaderRow, isSubHeaderRow, type ColumnMap, type Role } from './sources/header';
import { readItemNo } from './sources/numbering';

/** One row of a plan table, from whatever source. */
export interface PlanRow {
  /** 1-based row (or line) number in its source. */
  line: number;
  /** How messages name the row ('表格1第5行'); '第<line>行' when not given. */
  where?: string;
  cells: string[];
  /** Cells that continue the cell above them (a vertical merge in Word or a sheet). */
  up?: boolean[];
  /** A row of a real table (Word, a sheet) or a paragraph outside it; text lines when not given. Only text lines
   *  can be a row cut by a line break. */
  kind?: 'table' | 'paragraph';
}

const at = (r: PlanRow) => r.where ?? `第${r.line}行`;

/** Columns of a table without a header row: the official order. */
const STANDARD: ColumnMap = {
  roles: ['no', 'name', 'summary', 'goal', 'h1', 'h2', 'units'],
  col: { no: 0, name: 1, summary: 2, goal: 3, h1: 4, h2: 5, units: 6 },
  unknown: [],
};

/**
 * The title above the table: the last line before it that names a 计划表 (a Word attachment may follow the
 * notice that sends it, "关于印发…推进计划的通知"), else the first that names a 推进计划 or 事项.
 */
function readTitle(rows: PlanRow[]): { title: string; year: number | null } {
  let table: string | null = null;
  let other: string | null = null;
  for (const row of rows) {
    const text = row.cells.join(' ').trim();
    if (isHeaderRow(row.cells)) break;
    if (!text || /^附件\s*\d*$/.test(text)) continue;
    const first = readItemNo(row.cells[0]);
    if (first && 'no' in first && row.cells.filter((c) => c.trim()).length > 1) break;
    if (/计划表/.test(text) && !/通知$/.test(text)) table = text;
    else if (/计划表|推进计划|事项/.test(text)) other ??= text;
  }
  const text = table ?? other;
  if (text === null) return { title: '', year: null };
  // The title stays as the source writes it ("规划 2023 年"): it is shown, not parsed.
  const m = /((?:19|20)\d{2})\s*年/.exec(toHalfWidth(text));
  return { title: squeeze(text), year: m ? Number(m[1]) : null };
}

const clean = (s: string | undefined) => joinWrappedText((s ?? '').replace(/\n+/g, ' '));

/** An item being read: its first row, and its cells (grown by the rows that continue it). */
interface ItemRows {
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

/** Parses plan-table text (tabs or commas) into a Plan with its indicators and warnings. Throws InputError when
 *  nothing is usable. */
export function parsePlan(text: string, opts: { defaultYear?: number } = {}): Plan {
  if (!text || !text.trim()) throw new InputError('计划表为空 (the plan text is empty)', undefined, '计划表为空');
  return parsePlanRows(splitRows(text, detectSeparator(text)), opts);
}

/** Parses plan-table rows into a Plan. */
export function parsePlanRows(rows: PlanRow[], opts: { defaultYear?: number } = {}): Plan {
  const warnings: PlanWarning[] = [];
  const { title, year: titleYear } = readTitle(rows);
  const year = titleYear ?? opts.defaultYear ?? null;
  const found: ItemRows[] = [];
  const skipped: string[] = [];
  const skip = (row: PlanRow, item: number | null, zh: string, en: string) => {
    const message = `${at(row)}：${zh} (line ${row.line}: ${en})`;
    warnings.push({ item, message });
    skipped.push(`${at(row)}：${zh}`);
  };

  let map: ColumnMap = STANDARD;
  let header: { row: PlanRow; block: string[][] } | null = null;
  let seenHeader = false;
  /** Header texts naming no known column, reported once. */
  const ignored = new Set<string>();
  /** The item the previous row belongs to (a PDF line break continues it); null after a blank or other row. */
  let prevItem: ItemRows | null = null;
  /** The last item read: a row merged down or split by hand continues it. */
  let lastItem: ItemRows | null = null;

  for (const row of rows) {
    const cells = row.cells;
    if (cells.every((c) => !c.trim())) {
      prevItem = null;
      continue;
    }
    if (isHeaderRow(cells)) {
      header = { row, block: [cells] };
      prevItem = null;
      continue;
    }
    if (header && isSubHeaderRow(cells)) {
      header.block.push(cells);
      continue;
    }
    if (header) {
      map = columnsOf(header.block);
      checkColumns(map, at(header.row));
      for (const name of map.unknown.filter((u) => !ignored.has(u))) {
        ignored.add(name);
        warnings.push({
          item: null,
          message: `${at(header.row)}：表头中的“${name}”不是计划表的列，这一列未读入 (unknown column ignored)`,
        });
      }
      seenHeader = true;
      header = null;
    } else if (isSubHeaderRow(cells) && cells.filter((c) => c.trim()).length < 3) {
      continue; // 上半年 | 下半年 repeated on its own
    }

    const width = map.roles.length;
    const noCol = map.col.no ?? 0;
    const nameCol = map.col.name ?? 1;
    const nonEmpty = cells.filter((c) => c.trim()).length;
    if (row.up?.[noCol] && lastItem) {
      continueItem(lastItem, row);
      prevItem = lastItem;
      continue;
    }
    const read = readItemNo(cells[noCol]);
    if (read && 'no' in read) {
      const item: ItemRows = { row, no: read.no, cells: cells.map((c) => c.trim()), map };
      found.push(item);
      prevItem = lastItem = item;
      continue;
    }

    // A line break inside a cell that wasn't quoted (Word, PDF) splits a row: the rest arrives as a line without
    // 序号 that continues the previous row from its last cell on. A lone short line continues its last cell
    // (牵头单位); a note ("注：…") does not.
    const prev = prevItem?.cells;
    if (prev && !row.kind && !prevItem!.row.kind && noCol === 0) {
      const fits = prev.length + cells.length - 1 <= width;
      const looksContinued =
        prev.length < width || (cells.length === 1 && cells[0].trim().length <= 20 && !/[：:]/.test(cells[0]));
      if (fits && looksContinued) {
        prev[prev.length - 1] += '\n' + cells[0].trim();
        prev.push(...cells.slice(1).map((c) => c.trim()));
        continue;
      }
    }
    // A row with no 序号 and no 事项名称 under an item continues it column by column (a row split by hand).
    if (!read && lastItem && cells.length >= 2 && !cells[nameCol]?.trim()) {
      continueItem(lastItem, row);
      prevItem = lastItem;
      continue;
    }
    prevItem = null;
    // Anything else that looks like an item row is reported, never dropped in silence; titles and notes are not.
    const looksLikeItem = nonEmpty >= 3 || (nonEmpty >= 2 && (seenHeader || found.length > 0));
    if (!looksLikeItem || /^\s*(注|备注|说明|附件)/.test(cells.find((c) => c.trim()) ?? '')) continue;
    if (read) skip(row, null, `${read.reason}，这一行未读入`, 'unreadable 序号, row skipped');
    else skip(row, null, `没有序号，这一行未读入（请在序号列填上编号）`, 'no 序号, row skipped');
  }
  if (header) {
    checkColumns(columnsOf(header.block), at(header.row));
  }

  const items: PlanItem[] = [];
  const seen = new Set<number>();
  for (const { row, no, cells, map: cols } of found) {
    const width = cols.roles.length;
    const nonEmpty = cells.filter(Boolean).length;
    if (cells.length < width && nonEmpty < 4) {
      warnings.push({
        item: no,
        message: `${at(row)}：只有${nonEmpty}个单元格，无法识别为事项，已跳过 (line ${row.line}: too few cells)`,
      });
      continue;
    }
    if (seen.has(no)) {
      warnings.push({ item: no, message: `${at(row)}：序号${no}重复，已跳过 (line ${row.line}: duplicate 序号)` });
      continue;
    }
    const get = (role: Role) => (cols.col[role] === undefined ? '' : (cells[cols.col[role]!] ?? ''));
    // A row with only a number and a name heads a group of items ("一、妇女与健康"): it is no item itself.
    const content = (['summary', 'goal', 'plan', 'h1', 'h2', 'units'] as Role[]).some((r) => get(r).trim());
    if (!content && cells.length >= width && clean(get('name'))) {
      warnings.push({
        item: null,
        message: `${at(row)}：“${clean(get('name')).slice(0, 20)}”只有序号和名称，看作分类标题，未作为事项读入 (line ${row.line}: a group heading, not an item)`,
      });
      continue;
    }
    let h1 = get('h1');
    let h2 = get('h2');
    let units = get('units');
    if (cols.col.h1 === undefined && cols.col.h2 === undefined) h1 = get('plan');
    // A row one cell short lost its empty 下半年 (text copied from a table whose 上半年 cell spans both halves).
    if (cells.length === width - 1 && cols.roles[width - 1] === 'units' && cols.roles[width - 2] === 'h2') {
      units = cells[width - 2];
      h2 = '';
    } else if (cells.length > width) {
      const extra = cells.slice(width).filter(Boolean);
      if (extra.length)
        warnings.push({
          item: no,
          message: `${at(row)}：多出${extra.length}个单元格，已忽略 (line ${row.line}: extra cells ignored)`,
        });
    }
    const name = clean(get('name'));
    if (!name) {
      warnings.push({ item: no, message: `${at(row)}：缺少事项名称，已跳过 (line ${row.line}: no item name)` });
      continue;
    }
    const h1Plan = clean(h1);
    // A merged 上半年/下半年 cell arrives as text in 上半年 and an empty 下半年: it means both halves.
    const h2Plan = clean(h2) || h1Plan;
    const leadUnits = splitLeadUnits(units.replace(/\n/g, ' '));
    if (!leadUnits.length)
      warnings.push({ item: no, message: `${at(row)}：缺少牵头单位 (line ${row.line}: no lead unit)` });
    seen.add(no);
    items.push({
      no,
      name,
      summary: clean(get('summary')),
      annualGoal: clean(get('goal')),
      h1Plan,
      h2Plan,
      leadUnits,
      indicators: [],
    });
  }

  if (!items.length) {
    const hint = skipped.length ? `；例如${skipped[0]}` : '，各列以制表符或逗号分隔';
    const zh = `没有找到任何事项行：每行应以序号开头${hint}`;
    throw new InputError(
      `${zh} (no item rows found: rows start with 序号, cells separated by tabs or commas)`,
      undefined,
      zh,
    );
  }
  if (map.col.h1 === undefined && map.col.h2 === undefined) {
    warnings.push({
      item: null,
      message: '表头没有“上半年”“下半年”两列：年度工作计划按上下半年共用 (no half-year columns)',
    });
  }
  const planYear = year ?? new Date().getFullYear();
  if (titleYear === null)
    warnings.push({ item: null, message: `标题中没有年份，按${planYear}年处理 (no year in the title)` });
  for (const item of items) item.indicators = extractIndicators(item, planYear);
  warnings.push(...lintPlan(items));
  return { title: title || `${planYear}年重要事项推进计划表`, year: planYear, items, warnings };
}
