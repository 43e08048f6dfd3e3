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

/** Reads a worksheet's cells from its XML (UTF-8 bytes, or text), a window of rows at a time: a big
 *  sheet is never held as one string. */
function readSheet(
  input: string | Uint8Array,
  ctx: SheetContext,
): Pick<GridSheet, 'rows' | 'rowHeights' | 'percentCells'> {
  const rows: CellValue[][] = [];
  const rowHeights: Record<number, number> = {};
  const percentCells: [number, number][] = [];
  const xml = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const open = findSheetDataTag(xml, 0, false);
  const openEnd = open ? xml.indexOf(0x3e, open[1]) : -1;
  if (!open || openEnd < 0 || xml[openEnd - 1] === 0x2f) return { rows, rowHeights, percentCells };
  const close = findSheetDataTag(xml, openEnd + 1, true);
  const dataEnd = close ? close[0] : xml.length;
  const rowStart = new RegExp(`<${P}row\\b`, 'g');
  const rowRe = new RegExp(`<${P}row\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${P}row>)`, 'g');
  const cellRe = new RegExp(`<${P}c\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${P}c>)`, 'g');
  const valueRe = new RegExp(`<${P}v(?:\\s[^>]*)?>([\\s\\S]*?)<\\/${P}v>`);
  const inlineRe = new RegExp(`<${P}is>([\\s\\S]*?)<\\/${P}is>`);
  const formulaRe = new RegExp(`<${P}f\\b[^>]*?(?:\\/>|>([\\s\\S]*?)<\\/${P}f>)`);
  let nextRow = 1;
  let lastRow = 0;
  // A row the window cuts is carried into the next.
  let carry = '';
  for (let at = openEnd + 1; at < dataEnd || carry;) {
    const end = windowEnd(xml, at, dataEnd);
    const last = end >= dataEnd;
    const data = carry + utf8.decode(xml.subarray(at, end));
    at = end;
    let matchedTo = 0;
    rowRe.lastIndex = 0;
    for (let rm = rowRe.exec(data); rm; rm = rowRe.exec(data)) {
      matchedTo = rm.index + rm[0].length;
      const rText = attr(rm[1], 'r');
      const r = rText === undefined ? nextRow : Number(rText);
      if (!Number.isInteger(r) || r < 1 || r > MAX_ROW)
        throw tooBig(
          ctx,
          `row number ${String(rText ?? r).slice(0, 20)}`,
          `行号 ${String(rText ?? r).slice(0, 20)} 无效`,
        );
      nextRow = r + 1;
      const ht = attr(rm[1], 'ht');
      if (ht !== undefined && Number(ht) > 0) rowHeights[r] = Number(ht);
      const body = rm[2];
      if (!body) continue;
      const out: CellValue[] = [];
      let nextCol = 1;
      cellRe.lastIndex = 0;
      for (let cm = cellRe.exec(body); cm; cm = cellRe.exec(body)) {
        const a = cellAttrs(cm[1]);
        let c = nextCol;
        if (a.r !== undefined) {
          c = columnOf(a.r);
          const rest = a.r.slice(a.r.search(/\d|$/));
          if (
            c < 1 ||
            c > MAX_COL ||
            !/^\d*$/.test(rest) ||
            (rest !== '' && (Number(rest) < 1 || Number(rest) > MAX_ROW))
          )
            throw tooBig(ctx, `cell reference ${a.r.slice(0, 20)}`, `单元格引用 ${a.r.slice(0, 20)} 无效`);
        }
        if (c > MAX_COL) throw tooBig(ctx, `too many columns in row ${r}`, `第 ${r} 行的列数过多`);
        nextCol = c + 1;
        const inner = cm[2] ?? '';
        const t = a.t ?? 'n';
        const vm = inner ? valueRe.exec(inner) : null;
        const v = vm ? decodeXml(vm[1]) : null;
        let value: CellValue;
        if (t === 'inlineStr') value = runsText(inlineRe.exec(inner)?.[1] ?? '');
        else if (inner.indexOf('f') >= 0 && (v === null || (v.trim() === '' && t !== 'str')) && formulaRe.test(inner)) {
          // Saved by a script without the result: not a number (least of all 0), and not blank either.
          value = uncalculatedFormula(decodeXml(formulaRe.exec(inner)?.[1] ?? ''));
        } else if (v === null) value = null;
        else if (t === 's') value = ctx.shared[Number(v)] ?? null;
        else if (t === 'str' || t === 'e') value = v;
        else if (t === 'b') value = v === '1' || v === 'true';
        else if (t === 'd') value = v.slice(0, 10);
        else {
          const n = v.trim() === '' ? NaN : Number(v);
          const style = Number(a.s ?? '0');
          value = Number.isFinite(n) ? (ctx.dates.has(style) ? (serialToIso(n, ctx.date1904) ?? n) : n) : v;
          if (typeof value === 'number' && ctx.percents.has(style)) percentCells.push([r, c]);
        }
        // Empty strings and styled blanks are no value, as ExcelJS reports them; rows end at their last value.
        if (value !== null && value !== '') {
          if (c > out.length) spend(ctx, c - out.length);
          out[c - 1] = value;
        }
      }
      for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
      if (out.length > 0) {
        rows[r - 1] = out;
        if (r > lastRow) {
          spend(ctx, r - lastRow);
          lastRow = r;
        }
      }
    }
    rowStart.lastIndex = matchedTo;
    const cut = last ? null : rowStart.exec(data);
    carry = cut ? data.slice(cut.index) : '';
    if (last) break;
  }
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return { rows, rowHeights, percentCells };
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
