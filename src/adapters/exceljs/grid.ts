// A values-only .xlsx reader (JSZip + a small XML scanner). `check` reads only values, and ExcelJS's full
// model load (styles, merges, validations for every cell) costs several times more than the values.
// Gives the same grid as gridOf(ExcelJS workbook): shared/inline/rich strings joined, formulas as their
// cached results (a formula without one as uncalculatedFormula), date-formatted numbers as 'YYYY-MM-DD',
// booleans, errors as their text. Bounded: references past Excel's last row or column, or more cells
// than the budget, are refused before anything is allocated for them.
import type { CellValue, GridSheet, WorkbookGrid } from '../../core/layout/types';
import { InputError } from '../../core/model';
import { uncalculatedFormula } from '../../core/formula';
import { BUILTIN_PERCENT_IDS, isPercentFormat } from '../../core/layout/numberFormat';
import { resolveTarget, relsPathOf, parseRels, UnpackBudget, XlsxPackage } from './package';
import { attr, columnOf, decodeXml, MAX_COL, MAX_ROW, P } from './xml';
import { findSheetDataTag, windowEnd } from './sheetXml';
import { builtinFormatKind, serialFormatKind, serialToIso } from '../../core/dates';

const utf8 = new TextDecoder('utf-8');

export { UnpackBudget } from './package';

/** Most grid slots (cells plus rows, blanks between values included) one workbook may need. */
const MAX_GRID_SLOTS = 10_000_000;

/** Text of all <t> runs in a string item, phonetic guides (<rPh>) left out. */
function runsText(xml: string): string {
  const body = xml.indexOf('rPh') >= 0 ? xml.replace(new RegExp(`<${P}rPh\\b[\\s\\S]*?<\\/${P}rPh>`, 'g'), '') : xml;
  let out = '';
  const re = new RegExp(`<${P}t(?:\\s[^>]*)?>([\\s\\S]*?)<\\/${P}t>`, 'g');
  for (let m = re.exec(body); m; m = re.exec(body)) out += m[1];
  return decodeXml(out);
}

/** Style indexes (cellXfs) whose number format shows a date (a time of day alone stays a number, as through
 *  Office.js), and those showing a percentage. */
function formatStyles(xml: string | null): { dates: Set<number>; percents: Set<number> } {
  const out = new Set<number>();
  const percents = new Set<number>();
  if (!xml) return { dates: out, percents };
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(new RegExp(`<${P}numFmt\\b([^>]*)\\/?>`, 'g'))) {
    custom.set(Number(attr(m[1], 'numFmtId')), attr(m[1], 'formatCode') ?? '');
  }
  const xfs = new RegExp(`<${P}cellXfs\\b[^>]*>([\\s\\S]*?)<\\/${P}cellXfs>`).exec(xml)?.[1] ?? '';
  let i = 0;
  for (const m of xfs.matchAll(new RegExp(`<${P}xf\\b([^>]*?)(\\/>|>)`, 'g'))) {
    const id = Number(attr(m[1], 'numFmtId') ?? '0');
    const code = custom.get(id);
    if ((code !== undefined ? serialFormatKind(code) : builtinFormatKind(id)) === 'date') out.add(i);
    if (code !== undefined ? isPercentFormat(code) : BUILTIN_PERCENT_IDS.has(id)) percents.add(i);
    i++;
  }
  return { dates: out, percents };
}

/** The cell attributes we use, in one pass (attr() builds a RegExp per call). */
function cellAttrs(a: string): { r?: string; s?: string; t?: string } {
  const out: { r?: string; s?: string; t?: string } = {};
  const re = /([\w:.-]+)\s*=\s*"([^"]*)"/g;
  for (let m = re.exec(a); m; m = re.exec(a)) {
    const k = m[1];
    if (k === 'r' || k === 's' || k === 't') out[k] = m[2];
  }
  return out;
}

interface SheetContext {
  name: string;
  where?: string;
  shared: string[];
  dates: Set<number>;
  /** Styles with a percentage format: their numeric cells are listed in percentCells. */
  percents: Set<number>;
  date1904: boolean;
  /** Slots left in the workbook's budget. */
  budget: { left: number };
}

function tooBig(ctx: SheetContext, en: string, zh: string): InputError {
  return new InputError(
    `sheet ${ctx.name}: ${en}, beyond what Excel allows or this tool reads; refusing to read the file`,
    ctx.where,
    `工作表“${ctx.name}”中${zh}，超出 Excel 的范围或本工具可读取的大小，拒绝读取`,
  );
}

function spend(ctx: SheetContext, n: number): void {
  ctx.budget.left -= n;
  if (ctx.budget.left < 0)
    throw tooBig(ctx, `more than ${MAX_GRID_SLOTS} cells`, `单元格过多（超过 ${MAX_GRID_SLOTS} 个）`);
}

/** What readSheet reads: GridSheet's cells, row heights and percentage cells. */
interface SheetCells {
  rows: CellValue[][];
  rowHeights: Record<number, number>;
  percentCells: [number, number][];
}

/** The patterns readSheet scans with, made once per sheet (the global ones keep their place in lastIndex). */
function sheetPatterns() {
  return {
    rowStart: new RegExp(`<${P}row\\b`, 'g'),
    rowRe: new RegExp(`<${P}row\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${P}row>)`, 'g'),
    cellRe: new RegExp(`<${P}c\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${P}c>)`, 'g'),
    valueRe: new RegExp(`<${P}v(?:\\s[^>]*)?>([\\s\\S]*?)<\\/${P}v>`),
    inlineRe: new RegExp(`<${P}is>([\\s\\S]*?)<\\/${P}is>`),
    formulaRe: new RegExp(`<${P}f\\b[^>]*?(?:\\/>|>([\\s\\S]*?)<\\/${P}f>)`),
  };
}
type SheetPatterns = ReturnType<typeof sheetPatterns>;

/** Reads a worksheet's cells from its XML (UTF-8 bytes, or text), a window of rows at a time: a big
 *  sheet is never held as one string. */
function readSheet(input: string | Uint8Array, ctx: SheetContext): SheetCells {
  const sheet: SheetCells = { rows: [], rowHeights: {}, percentCells: [] };
  const xml = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const open = findSheetDataTag(xml, 0, false);
  const openEnd = open ? xml.indexOf(0x3e, open[1]) : -1;
  if (!open || openEnd < 0 || xml[openEnd - 1] === 0x2f) return sheet;
  const close = findSheetDataTag(xml, openEnd + 1, true);
  const dataEnd = close ? close[0] : xml.length;
  const re = sheetPatterns();
  const place = { nextRow: 1, lastRow: 0 };
  // A row the window cuts is carried into the next.
  let carry = '';
  for (let at = openEnd + 1; at < dataEnd || carry;) {
    const end = windowEnd(xml, at, dataEnd);
    const last = end >= dataEnd;
    const data = carry + utf8.decode(xml.subarray(at, end));
    at = end;
    re.rowStart.lastIndex = readRows(data, sheet, ctx, re, place);
    const cut = last ? null : re.rowStart.exec(data);
    carry = cut ? data.slice(cut.index) : '';
    if (last) break;
  }
  const { rows } = sheet;
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return sheet;
}

/** Reads the whole rows in one window of the sheet's XML into `sheet`; returns where the last one ended. */
function readRows(
  data: string,
  sheet: SheetCells,
  ctx: SheetContext,
  re: SheetPatterns,
  place: { nextRow: number; lastRow: number },
): number {
  let matchedTo = 0;
  re.rowRe.lastIndex = 0;
  for (let rm = re.rowRe.exec(data); rm; rm = re.rowRe.exec(data)) {
    matchedTo = rm.index + rm[0].length;
    const rText = attr(rm[1], 'r');
    const r = rText === undefined ? place.nextRow : Number(rText);
    if (!Number.isInteger(r) || r < 1 || r > MAX_ROW)
      throw tooBig(
        ctx,
        `row number ${String(rText ?? r).slice(0, 20)}`,
        `行号 ${String(rText ?? r).slice(0, 20)} 无效`,
      );
    place.nextRow = r + 1;
    const ht = attr(rm[1], 'ht');
    if (ht !== undefined && Number(ht) > 0) sheet.rowHeights[r] = Number(ht);
    const body = rm[2];
    if (!body) continue;
    const out = readCells(body, r, ctx, re, sheet.percentCells);
    if (out.length > 0) {
      sheet.rows[r - 1] = out;
      if (r > place.lastRow) {
        spend(ctx, r - place.lastRow);
        place.lastRow = r;
      }
    }
  }
  return matchedTo;
}

/** One row's values, blanks between them null; the row ends at its last value. */
function readCells(
  body: string,
  r: number,
  ctx: SheetContext,
  re: SheetPatterns,
  percentCells: [number, number][],
): CellValue[] {
  const out: CellValue[] = [];
  let nextCol = 1;
  re.cellRe.lastIndex = 0;
  for (let cm = re.cellRe.exec(body); cm; cm = re.cellRe.exec(body)) {
    const a = cellAttrs(cm[1]);
    const c = a.r === undefined ? nextCol : columnOfRef(a.r, ctx);
    if (c > MAX_COL) throw tooBig(ctx, `too many columns in row ${r}`, `第 ${r} 行的列数过多`);
    nextCol = c + 1;
    const value = cellValue(cm[2] ?? '', a, ctx, re);
    // Only a plain number cell gives a number: the others are text, booleans or null.
    if (typeof value === 'number' && ctx.percents.has(Number(a.s ?? '0'))) percentCells.push([r, c]);
    // Empty strings and styled blanks are no value, as ExcelJS reports them; rows end at their last value.
    if (value !== null && value !== '') {
      if (c > out.length) spend(ctx, c - out.length);
      out[c - 1] = value;
    }
  }
  for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
  return out;
}

/** The column of a cell reference, refused when the reference is past Excel's last row or column. */
function columnOfRef(ref: string, ctx: SheetContext): number {
  const c = columnOf(ref);
  const rest = ref.slice(ref.search(/\d|$/));
  if (c < 1 || c > MAX_COL || !/^\d*$/.test(rest) || (rest !== '' && (Number(rest) < 1 || Number(rest) > MAX_ROW)))
    throw tooBig(ctx, `cell reference ${ref.slice(0, 20)}`, `单元格引用 ${ref.slice(0, 20)} 无效`);
  return c;
}

/** A cell's value by its type. */
function cellValue(inner: string, a: { s?: string; t?: string }, ctx: SheetContext, re: SheetPatterns): CellValue {
  const t = a.t ?? 'n';
  const vm = inner ? re.valueRe.exec(inner) : null;
  const v = vm ? decodeXml(vm[1]) : null;
  if (t === 'inlineStr') return runsText(re.inlineRe.exec(inner)?.[1] ?? '');
  if (inner.indexOf('f') >= 0 && (v === null || (v.trim() === '' && t !== 'str')) && re.formulaRe.test(inner)) {
    // Saved by a script without the result: not a number (least of all 0), and not blank either.
    return uncalculatedFormula(decodeXml(re.formulaRe.exec(inner)?.[1] ?? ''));
  }
  if (v === null) return null;
  if (t === 's') return ctx.shared[Number(v)] ?? null;
  if (t === 'str' || t === 'e') return v;
  if (t === 'b') return v === '1' || v === 'true';
  if (t === 'd') return v.slice(0, 10);
  const n = v.trim() === '' ? NaN : Number(v);
  const style = Number(a.s ?? '0');
  return Number.isFinite(n) ? (ctx.dates.has(style) ? (serialToIso(n, ctx.date1904) ?? n) : n) : v;
}

/** Reads every worksheet of an opened package into a grid. */
export async function gridOfPackage(pkg: XlsxPackage): Promise<WorkbookGrid> {
  const book = (await pkg.text(pkg.workbookPath)) ?? '';
  const rels = parseRels(await pkg.text(relsPathOf(pkg.workbookPath)));
  const part = (suffix: string, fallback: string) => {
    const rel = rels.find((r) => r.type.endsWith(suffix));
    return rel ? resolveTarget(pkg.workbookPath, rel.target) : fallback;
  };
  const sharedXml = await pkg.text(part('/sharedStrings', 'xl/sharedStrings.xml'));
  const shared: string[] = [];
  if (sharedXml) {
    const re = new RegExp(`<${P}si>([\\s\\S]*?)<\\/${P}si>|<${P}si\\/>`, 'g');
    for (let m = re.exec(sharedXml); m; m = re.exec(sharedXml)) shared.push(m[1] ? runsText(m[1]) : '');
  }
  const { dates, percents } = formatStyles(await pkg.text(part('/styles', 'xl/styles.xml')));
  const date1904 = new RegExp(`<${P}workbookPr\\b[^>]*date1904="(1|true)"`).test(book);
  const budget = { left: MAX_GRID_SLOTS };
  const sheets: GridSheet[] = [];
  for (const s of pkg.sheets) {
    if (!s.type.endsWith('/worksheet')) continue; // chart sheets and the like hold no cells
    const xml = s.path ? await pkg.utf8(s.path) : null;
    if (xml === null)
      throw new InputError(
        `not a readable .xlsx workbook (sheet ${s.name} is missing from the file)`,
        pkg.where,
        `工作表“${s.name}”在文件中缺失，无法读取`,
      );
    sheets.push({
      name: s.name,
      state: s.state,
      ...readSheet(xml, { name: s.name, where: pkg.where, shared, dates, percents, date1904, budget }),
    });
  }
  return { sheets };
}

/** Reads .xlsx bytes into a WorkbookGrid, values only. The file's faults (not a zip, encrypted,
 *  truncated, a zip bomb, references past Excel's limits) are InputErrors in plain words; anything
 *  else thrown here is a bug of this reader and is left as it is, for the caller to call it one. */
export async function readGridFast(data: Uint8Array, where?: string): Promise<WorkbookGrid> {
  return gridOfPackage(await XlsxPackage.open(data, where));
}

/** Inflates every entry once, counting real sizes (for readers that unpack everything, like ExcelJS). */
export async function checkUnpackedSizes(data: Uint8Array, where?: string): Promise<void> {
  const pkg = await XlsxPackage.open(data, where);
  const budget = new UnpackBudget(where);
  for (const f of Object.values(pkg.zip.files)) if (!f.dir) await budget.inflate(f, false);
}
