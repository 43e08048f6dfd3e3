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
import { at, readItemRows, type ItemRows } from './itemRows';
import { isHeaderRow, type ColumnMap, type Role } from './sources/header';
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

/** Parses plan-table text (tabs or commas) into a Plan with its indicators and warnings. Throws InputError when
 *  nothing is usable. */
export function parsePlan(text: string, opts: { defaultYear?: number } = {}): Plan {
  if (!text || !text.trim()) throw new InputError('计划表为空 (the plan text is empty)', undefined, '计划表为空');
  return parsePlanRows(splitRows(text, detectSeparator(text)), opts);
}

/** An item's rows as a PlanItem, or null with a warning saying why it isn't one (too few cells, a repeated 序号,
 *  a group heading, no name). */
function planItemOf(
  { row, no, cells, map: cols }: ItemRows,
  seen: Set<number>,
  warnings: PlanWarning[],
): PlanItem | null {
  const width = cols.roles.length;
  const nonEmpty = cells.filter(Boolean).length;
  if (cells.length < width && nonEmpty < 4) {
    warnings.push({
      item: no,
      message: `${at(row)}：只有${nonEmpty}个单元格，无法识别为事项，已跳过 (line ${row.line}: too few cells)`,
    });
    return null;
  }
  if (seen.has(no)) {
    warnings.push({ item: no, message: `${at(row)}：序号${no}重复，已跳过 (line ${row.line}: duplicate 序号)` });
    return null;
  }
  const get = (role: Role) => (cols.col[role] === undefined ? '' : (cells[cols.col[role]!] ?? ''));
  // A row with only a number and a name heads a group of items ("一、妇女与健康"): it is no item itself.
  const content = (['summary', 'goal', 'plan', 'h1', 'h2', 'units'] as Role[]).some((r) => get(r).trim());
  if (!content && cells.length >= width && clean(get('name'))) {
    warnings.push({
      item: null,
      message: `${at(row)}：“${clean(get('name')).slice(0, 20)}”只有序号和名称，看作分类标题，未作为事项读入 (line ${row.line}: a group heading, not an item)`,
    });
    return null;
  }
  const { h1, h2, units } = plansAndUnits(row, no, cells, cols, get, warnings);
  const name = clean(get('name'));
  if (!name) {
    warnings.push({ item: no, message: `${at(row)}：缺少事项名称，已跳过 (line ${row.line}: no item name)` });
    return null;
  }
  const h1Plan = clean(h1);
  // A merged 上半年/下半年 cell arrives as text in 上半年 and an empty 下半年: it means both halves.
  const h2Plan = clean(h2) || h1Plan;
  const leadUnits = splitLeadUnits(units.replace(/\n/g, ' '));
  if (!leadUnits.length)
    warnings.push({ item: no, message: `${at(row)}：缺少牵头单位 (line ${row.line}: no lead unit)` });
  seen.add(no);
  return {
    no,
    name,
    summary: clean(get('summary')),
    annualGoal: clean(get('goal')),
    h1Plan,
    h2Plan,
    leadUnits,
    indicators: [],
  };
}

/** The half-year plans and 牵头单位 of an item's cells: one 年度工作计划 column serves both halves; a row one cell
 *  short lost its empty 下半年; cells beyond the table are reported. */
function plansAndUnits(
  row: PlanRow,
  no: number,
  cells: string[],
  cols: ColumnMap,
  get: (role: Role) => string,
  warnings: PlanWarning[],
): { h1: string; h2: string; units: string } {
  const width = cols.roles.length;
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
  return { h1, h2, units };
}

/** Parses plan-table rows into a Plan. */
export function parsePlanRows(rows: PlanRow[], opts: { defaultYear?: number } = {}): Plan {
  const { title, year: titleYear } = readTitle(rows);
  const year = titleYear ?? opts.defaultYear ?? null;
  const s = readItemRows(rows);
  const { warnings, map } = s;
  const items: PlanItem[] = [];
  const seen = new Set<number>();
  for (const f of s.found) {
    const item = planItemOf(f, seen, warnings);
    if (item) items.push(item);
  }

  if (!items.length) {
    const hint = s.skipped.length ? `；例如${s.skipped[0]}` : '，各列以制表符或逗号分隔';
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
