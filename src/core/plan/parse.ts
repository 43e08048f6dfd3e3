// Plan-table text → Plan. Handles the seed's shape (title, 附件, header rows repeated on every page) and
// tab-separated rows pasted from Excel or Word.
import { InputError, Plan, PlanItem, PlanWarning } from '../model';
import { joinWrappedText, squeeze, toHalfWidth } from '../text';
import { extractIndicators } from './indicators';
import { lintPlan } from './lint';
import { splitLeadUnits } from './leadUnits';
import { splitRows, TextRow } from './rows';

const HEADER_WORDS = ['序号', '事项名称', '事项简介', '年度任务目标', '年度工作计划', '牵头单位', '上半年', '下半年'];

function isHeaderRow(cells: string[]): boolean {
  const texts = cells.map((c) => c.replace(/\s+/g, '')).filter(Boolean);
  return texts.length > 0 && texts.every((t) => HEADER_WORDS.includes(t));
}

function readTitle(rows: TextRow[]): { title: string; year: number | null } {
  for (const row of rows) {
    const text = row.cells.join(' ').trim();
    if (!text || /^附件\s*\d*$/.test(text) || isHeaderRow(row.cells)) continue;
    if (/^\s*\d+\s*$/.test(row.cells[0] ?? '')) break;
    if (/计划表|推进计划|事项/.test(text)) {
      // The title stays as the source writes it ("规划 2023 年"): it is shown, not parsed.
      const title = squeeze(text);
      const m = /((?:19|20)\d{2})\s*年/.exec(toHalfWidth(text));
      return { title, year: m ? Number(m[1]) : null };
    }
  }
  return { title: '', year: null };
}

/**
 * A line break inside a cell that wasn't quoted (Word, PDF) splits a row: the rest arrives as a line without 序号.
 * Such a line continues the previous item row from its last cell on.
 */
function continuationsMerged(rows: TextRow[]): TextRow[] {
  const out: TextRow[] = [];
  for (const row of rows) {
    const prev = out[out.length - 1];
    const first = toHalfWidth(row.cells[0]?.trim() ?? '');
    const isItem = (r: TextRow) => /^\d{1,4}$/.test(toHalfWidth(r.cells[0]?.trim() ?? ''));
    const blank = row.cells.every((c) => !c.trim());
    // A lone short line after a full row continues its last cell (牵头单位); a note ("注：…") does not.
    const fits = prev && prev.cells.length + row.cells.length - 1 <= 7;
    const looksContinued = prev && (prev.cells.length < 7 || (row.cells.length === 1 && row.cells[0].trim().length <= 20 && !/[：:]/.test(row.cells[0])));
    if (prev && isItem(prev) && !blank && !/^\d{1,4}$/.test(first) && !isHeaderRow(row.cells) && fits && looksContinued) {
      const cells = [...prev.cells];
      cells[cells.length - 1] += '\n' + row.cells[0];
      cells.push(...row.cells.slice(1));
      out[out.length - 1] = { line: prev.line, cells };
      continue;
    }
    out.push(row);
  }
  return out;
}

const clean = (s: string | undefined) => joinWrappedText((s ?? '').replace(/\n+/g, ' '));

/** Parses plan-table text into a Plan with its indicators and warnings. Throws InputError when nothing is usable. */
export function parsePlan(text: string, opts: { defaultYear?: number } = {}): Plan {
  if (!text || !text.trim()) throw new InputError('计划表为空 (the plan text is empty)', undefined, '计划表为空');
  const rows = splitRows(text);
  const warnings: PlanWarning[] = [];
  const { title, year: titleYear } = readTitle(rows);
  const year = titleYear ?? opts.defaultYear ?? null;
  const items: PlanItem[] = [];
  const seen = new Set<number>();

  for (const row of continuationsMerged(rows)) {
    const cells = row.cells.map((c) => c.trim());
    if (cells.every((c) => c === '') || isHeaderRow(cells)) continue;
    const noText = toHalfWidth(cells[0] ?? '');
    if (!/^\d{1,4}$/.test(noText)) continue; // title, 附件, notes: not item rows
    const no = Number(noText);
    const nonEmpty = cells.filter(Boolean).length;
    if (cells.length < 7 && nonEmpty < 4) {
      warnings.push({ item: no, message: `第${row.line}行：只有${nonEmpty}个单元格，无法识别为事项，已跳过 (line ${row.line}: too few cells)` });
      continue;
    }
    if (seen.has(no)) {
      warnings.push({ item: no, message: `第${row.line}行：序号${no}重复，已跳过 (line ${row.line}: duplicate 序号)` });
      continue;
    }
    // Seven columns: 序号 事项名称 事项简介 年度任务目标 上半年 下半年 牵头单位. A row with six lost an empty half.
    let [, name, summary, goal, h1, h2, units] = cells;
    if (cells.length === 6) {
      [, name, summary, goal, h1, units] = cells;
      h2 = '';
    } else if (cells.length > 7) {
      const extra = cells.slice(7).filter(Boolean);
      if (extra.length) warnings.push({ item: no, message: `第${row.line}行：多出${extra.length}个单元格，已忽略 (line ${row.line}: extra cells ignored)` });
    }
    if (!clean(name)) {
      warnings.push({ item: no, message: `第${row.line}行：缺少事项名称，已跳过 (line ${row.line}: no item name)` });
      continue;
    }
    const h1Plan = clean(h1);
    // A merged 上半年/下半年 cell arrives as text in 上半年 and an empty 下半年: it means both halves.
    const h2Plan = clean(h2) || h1Plan;
    const leadUnits = splitLeadUnits((units ?? '').replace(/\n/g, ' '));
    if (!leadUnits.length) warnings.push({ item: no, message: `第${row.line}行：缺少牵头单位 (line ${row.line}: no lead unit)` });
    seen.add(no);
    items.push({
      no,
      name: clean(name),
      summary: clean(summary),
      annualGoal: clean(goal),
      h1Plan,
      h2Plan,
      leadUnits,
      indicators: [],
    });
  }

  if (!items.length) {
    throw new InputError(
      '没有找到任何事项行：每行应以序号开头，各列以制表符分隔 (no item rows found: rows start with 序号, cells separated by tabs)',
      undefined,
      '没有找到任何事项行：每行应以序号开头，各列以制表符分隔',
    );
  }
  const planYear = year ?? new Date().getFullYear();
  if (titleYear === null) warnings.push({ item: null, message: `标题中没有年份，按${planYear}年处理 (no year in the title)` });
  for (const item of items) item.indicators = extractIndicators(item, planYear);
  warnings.push(...lintPlan(items));
  return { title: title || `${planYear}年重要事项推进计划表`, year: planYear, items, warnings };
}
