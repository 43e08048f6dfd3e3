// A plan table pasted into a worksheet, turned into the tab-separated text the plan parser reads.
import type { CellValue } from '../layout/types';
import { InputError } from '../model';

const text = (v: CellValue | undefined) => (v === null || v === undefined ? '' : String(v));
const squash = (v: CellValue | undefined) => text(v).replace(/\s+/g, '');

/** A cell with a tab, a line break or a quote is quoted, as Excel itself copies it. */
function quoted(v: CellValue | undefined): string {
  const t = text(v);
  return /[\t\n"]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/**
 * Rows from the header row (found by its texts 序号 … 牵头单位) on, cells from the 序号 column on; the title
 * lines above it are kept, so the parser finds the year.
 */
export function planTextFromGrid(rows: CellValue[][]): string {
  const header = rows.findIndex((r) => r && r.some((v) => squash(v) === '序号') && r.some((v) => squash(v) === '牵头单位'));
  if (header < 0) {
    const text = '当前工作表中没有找到计划表的表头（序号 … 牵头单位）。请把计划表粘贴到工作表中，或改用粘贴计划文本。';
    throw new InputError(text, undefined, text);
  }
  const from = rows[header].findIndex((v) => squash(v) === '序号');
  const title = rows
    .slice(0, header)
    .map((r) => (r ?? []).map(text).find((t) => t.trim()) ?? '')
    .filter((t) => t.trim());
  const body = rows.slice(header).map((r) => (r ?? []).slice(from).map(quoted).join('\t'));
  return [...title.map(quoted), ...body].join('\n');
}
