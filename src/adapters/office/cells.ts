/// <reference types="office-js" />
// Cell contents through Office.js: values (text kept as typed), formats by style, rectangles of cells written
// as one 2D block each, within the request budget.
import type { CellPatch, CellStyle, CellValue, Range } from '../../core/layout/types';
import { rangeA1 as a1 } from '../../core/layout/address';
import { type Batch, COMMAND_BYTES, jsonBytes } from './batch';

/** Covers a set of cells with rectangles: runs along each row, then equal runs stacked down. */
function toRects(cells: Array<{ r: number; c: number }>): Range[] {
  const byRow = new Map<number, number[]>();
  for (const { r, c } of cells) {
    const cols = byRow.get(r);
    if (cols) cols.push(c);
    else byRow.set(r, [c]);
  }
  const open = new Map<string, Range>();
  const done: Range[] = [];
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(r))].sort((a, b) => a - b);
    const runs: Array<[number, number]> = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const seen = new Set<string>();
    for (const [c1, c2] of runs) {
      const k = `${c1}:${c2}`;
      seen.add(k);
      const prev = open.get(k);
      if (prev && prev.r2 === r - 1) prev.r2 = r;
      else {
        if (prev) done.push(prev);
        open.set(k, { r1: r, c1, r2: r, c2 });
      }
    }
    for (const [k, rect] of open)
      if (!seen.has(k) && rect.r2 < r) {
        done.push(rect);
        open.delete(k);
      }
  }
  done.push(...open.values());
  return done.sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
}

/** Excel's limit on the characters of one cell. */
export const CELL_TEXT_LIMIT = 32767;

const ERROR_LITERAL =
  /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;
const MONTH_NAME = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/i;

/** Strings Excel would not keep as typed when written through `values`: formulas, numbers, dates, times,
 *  booleans, error values, "(123)" (a negative number), a leading apostrophe (the quote prefix). */
function wouldConvert(s: string): boolean {
  // Full-width digits and signs (a Chinese IME) are read as ASCII ones.
  const t = s
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
  if (/^['=+\-@]/.test(s) || /^[=+\-@]/.test(t)) return true;
  if (/^(true|false)$/i.test(t) || ERROR_LITERAL.test(t)) return true;
  if (!/\d/.test(t)) return false;
  if (/^\(.*\)$/.test(t)) return true;
  // Dates in words: "Jun 30", "30-Jun-2023", "June 30, 2023".
  if (MONTH_NAME.test(t) && /^[\sA-Za-z.,/\-\d]+$/.test(t)) return true;
  // Numbers, percentages, currency, fractions, times and dates (incl. 2023年6月30日) are digits plus these marks.
  return /^[\s\d.,%/:\-+eE年月日时分秒$¥￥]+$/.test(t);
}

/** A layout value as Office.js should receive it: text stays text (leading apostrophe), within Excel's
 *  32,767-character cell limit (longer text is cut, with an ellipsis, rather than failing the whole write). */
export function toExcelValue(v: CellValue): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'string') {
    const text = v.length > CELL_TEXT_LIMIT ? `${v.slice(0, CELL_TEXT_LIMIT - 1)}…` : v;
    return wouldConvert(text) ? `'${text}` : text;
  }
  return v;
}

type Formattable = { format: Excel.RangeFormat };

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

/** Sets every property the style governs, so a re-applied style replaces an earlier one. */
function applyFormat(target: Formattable, st: CellStyle, multiCell: boolean): number {
  const f = target.format;
  let n = 0;
  const font = st.font ?? {};
  if (font.name !== undefined) {
    f.font.name = font.name;
    n++;
  }
  if (font.size !== undefined) {
    f.font.size = font.size;
    n++;
  }
  f.font.bold = font.bold ?? false;
  f.font.color = `#${font.color ?? '000000'}`;
  if (st.fill) f.fill.color = `#${st.fill}`;
  else f.fill.clear();
  if (st.horizontal) {
    f.horizontalAlignment = H_ALIGN[st.horizontal];
    n++;
  }
  if (st.vertical) {
    f.verticalAlignment = V_ALIGN[st.vertical];
    n++;
  }
  f.wrapText = st.wrap ?? false;
  // Text kept off the border (RangeFormat.indentLevel, ExcelApi 1.9).
  f.indentLevel = st.indent ?? 0;
  n++;
  f.protection.locked = st.locked ?? true;
  n += 5;
  const edges = multiCell ? BORDER_EDGES : BORDER_EDGES.slice(0, 4);
  for (const edge of edges) {
    const b = f.borders.getItem(edge);
    if (st.border) {
      b.style = 'Continuous';
      b.weight = 'Thin';
      b.color = '#000000';
      n += 3;
    } else {
      b.style = 'None';
      n++;
    }
  }
  return n;
}

/** Address lists for getRanges, kept short: long multi-area addresses fail unpredictably
 *  ("argument is invalid", seen from about 8,000 characters; office-js issue 5198). */
function areaChunks(rects: Range[], maxChars = 1500): Range[][] {
  const out: Range[][] = [];
  let cur: Range[] = [];
  let len = 0;
  for (const r of rects) {
    const l = a1(r).length + 1;
    if (cur.length && len + l > maxChars) {
      out.push(cur);
      cur = [];
      len = 0;
    }
    cur.push(r);
    len += l;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Formats cells style by style: one RangeAreas per style (1.9), else one range per rectangle. */
export async function applyStyles(
  b: Batch,
  ws: Excel.Worksheet,
  cellsByStyle: Map<string, Array<{ r: number; c: number }>>,
  styles: Record<string, CellStyle>,
): Promise<void> {
  for (const [name, cells] of cellsByStyle) {
    const st = styles[name];
    if (!st) throw new Error(`layout style "${name}" is not defined`);
    const rects = toRects(cells);
    const multi = rects.some((r) => r.r1 !== r.r2 || r.c1 !== r.c2);
    for (const chunk of areaChunks(rects)) {
      const address = chunk.map(a1).join(',');
      await b.room(address.length + 400);
      // Inside borders only where some area has an inside (finding 24: unconfirmed for 1×1 areas).
      const inside = chunk.some((r) => r.r1 !== r.r2 || r.c1 !== r.c2);
      applyFormat(ws.getRanges(address), st, multi && inside);
    }
    if (st.numFmt) {
      for (const r of rects) {
        const grid = fill(r.r2 - r.r1 + 1, r.c2 - r.c1 + 1, st.numFmt);
        await b.room(jsonBytes(grid));
        rangeOf(ws, r).numberFormat = grid;
      }
    }
  }
}

export function fill<T>(rows: number, cols: number, v: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(v));
}

export function rangeOf(ws: Excel.Worksheet, r: Range): Excel.Range {
  return ws.getRangeByIndexes(r.r1 - 1, r.c1 - 1, r.r2 - r.r1 + 1, r.c2 - r.c1 + 1);
}

/** Writes a 2D block of values, split by rows only when one request can't carry it. */
export async function writeBlock(
  b: Batch,
  ws: Excel.Worksheet,
  top: number,
  left: number,
  rows: unknown[][],
): Promise<void> {
  if (!rows.length) return;
  const total = jsonBytes(rows);
  const perRow = Math.ceil(total / rows.length);
  const step = total + COMMAND_BYTES <= b.rowsPerRequest(1) ? rows.length : b.rowsPerRequest(perRow);
  for (let i = 0; i < rows.length; i += step) {
    const part = rows.slice(i, i + step);
    await b.room(i === 0 && step === rows.length ? total : jsonBytes(part));
    ws.getRangeByIndexes(top - 1 + i, left - 1, part.length, part[0].length).values = part;
  }
}

/** Values of patched cells: rectangles of cells that all carry a value, each one 2D write. */
export async function queueCellValues(b: Batch, ws: Excel.Worksheet, cells: CellPatch[]): Promise<void> {
  const withValue = cells.filter((p) => p.value !== undefined);
  if (!withValue.length) return;
  const at = new Map<string, CellValue>();
  for (const p of withValue) at.set(`${p.r},${p.c}`, p.value as CellValue);
  for (const rect of toRects(withValue)) {
    const rows: Array<Array<string | number | boolean>> = [];
    for (let r = rect.r1; r <= rect.r2; r++) {
      const row: Array<string | number | boolean> = [];
      for (let c = rect.c1; c <= rect.c2; c++) row.push(toExcelValue(at.get(`${r},${c}`) ?? null));
      rows.push(row);
    }
    await writeBlock(b, ws, rect.r1, rect.c1, rows);
  }
}
