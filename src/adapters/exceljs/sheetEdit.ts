// A worksheet's cells and rows edited in place, as text: the cells and rows a patch names are rewritten,
// everything else in the row area is copied as it is. The rows are read a window at a time, so a big sheet is
// never one string.
import type { CellValue } from '../../core/layout/types';
import { colLetters } from '../../core/layout/address';
import { attr, columnOf, MAX_COL, P, rootPrefix, withAttr } from './xml';
import { Utf8Sink } from './utf8Sink';

/** One cell to write: a value (undefined keeps the cell's content) and a style index. */
interface CellWrite {
  value?: CellValue;
  xf: number;
}

export interface RowEdit {
  cells: Map<number, CellWrite>;
  /** Raise the row to at least this height (points). */
  minHeight?: number;
}

/** Index of a text in the shared-string table. */
export type StringIndex = (text: string) => number;

export function cellXml(p: string, ref: string, w: CellWrite, sst: StringIndex): string {
  const s = w.xf ? ` s="${w.xf}"` : '';
  const v = w.value;
  if (v === null || v === undefined || v === '') return `<${p}c r="${ref}"${s}/>`;
  if (typeof v === 'number')
    return Number.isFinite(v) ? `<${p}c r="${ref}"${s}><${p}v>${v}</${p}v></${p}c>` : `<${p}c r="${ref}"${s}/>`;
  if (typeof v === 'boolean') return `<${p}c r="${ref}"${s} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  return `<${p}c r="${ref}"${s} t="s"><${p}v>${sst(v)}</${p}v></${p}c>`;
}

const CELL_OPEN = new RegExp(`^<(${P}c)\\b([^>]*?)(\\/?>)`);

/** The cell with only its style changed (value, formula and everything else kept). */
function restyled(p: string, raw: string | null, ref: string, xf: number): string {
  if (raw === null) return xf ? `<${p}c r="${ref}" s="${xf}"/>` : `<${p}c r="${ref}"/>`;
  const m = CELL_OPEN.exec(raw)!;
  return `<${m[1]}${withAttr(m[2], 's', xf ? String(xf) : undefined)}${m[3]}${raw.slice(m[0].length)}`;
}

export interface EditResult {
  /** The new XML as UTF-8 (written row by row: a big sheet is never copied into one string). */
  bytes: Uint8Array;
  /** A replaced cell held a formula (the calculation chain must go). */
  replacedFormula: boolean;
}

const utf8Decoder = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();
/** Bytes of the row area decoded at a time: a big sheet is never one string. */
const WINDOW_BYTES = 1 << 15;
const LT = 0x3c;

/** Where the window of the row area starting at `at` ends: about WINDOW_BYTES on, just before a '<'
 *  (never inside a UTF-8 sequence), or at `end`. */
export function windowEnd(xml: Uint8Array, at: number, end: number): number {
  if (at + WINDOW_BYTES >= end) return end;
  const lt = xml.indexOf(LT, at + WINDOW_BYTES);
  return lt < 0 || lt > end ? end : lt;
}
const SHEET_DATA = utf8Encoder.encode('sheetData');

const isNameByte = (b: number) =>
  (b >= 0x30 && b <= 0x39) ||
  (b >= 0x41 && b <= 0x5a) ||
  (b >= 0x61 && b <= 0x7a) ||
  b === 0x5f ||
  b === 0x2d ||
  b === 0x2e;

/** Next `<[prefix:]sheetData` (opening, or closing when `closing`) tag at or after `from`: [start of '<', end of name]. */
export function findSheetDataTag(xml: Uint8Array, from: number, closing: boolean): [number, number] | null {
  for (let i = xml.indexOf(SHEET_DATA[0], from); i >= 0; i = xml.indexOf(SHEET_DATA[0], i + 1)) {
    let k = 1;
    while (k < SHEET_DATA.length && xml[i + k] === SHEET_DATA[k]) k++;
    if (k < SHEET_DATA.length) continue;
    const after = xml[i + k];
    if (after !== undefined && (isNameByte(after) || after === 0x3a)) continue;
    let j = i - 1;
    if (xml[j] === 0x3a) {
      j--;
      while (j >= 0 && isNameByte(xml[j])) j--;
    }
    if (closing) {
      if (xml[j] === 0x2f && xml[j - 1] === LT) return [j - 1, i + k];
    } else if (xml[j] === LT) return [j, i + k];
  }
  return null;
}

/** What rowXml needs besides the row: the namespace prefix, the shared strings, and a flag it raises when a
 *  replaced cell held a formula. */
interface RowContext {
  p: string;
  sst: StringIndex;
  cellRe: RegExp;
  formulaRe: RegExp;
  replacedFormula: boolean;
}

/** One edited row as text. Built by concatenation, without arrays or objects per cell: a big sheet's rows would
 *  otherwise fill the heap faster than it is collected. */
function rowXml(ctx: RowContext, r: number, tag: string, attrs: string, inner: string | null, edit: RowEdit): string {
  const { p, sst, cellRe, formulaRe } = ctx;
  const cols = [...edit.cells.keys()].sort((a, b) => a - b);
  let k = 0;
  let cells = '';
  const emit = (c: number, raw: string | null) => {
    const w = edit.cells.get(c)!;
    const ref = `${colLetters(c)}${r}`;
    if (w.value === undefined) cells += restyled(p, raw, ref, w.xf);
    else {
      if (raw && formulaRe.test(raw)) ctx.replacedFormula = true;
      cells += cellXml(p, ref, w, sst);
    }
  };
  if (inner) {
    let col = 0;
    cellRe.lastIndex = 0;
    for (let m = cellRe.exec(inner); m; m = cellRe.exec(inner)) {
      const ref = attr(m[1], 'r');
      col = ref ? columnOf(ref) : col + 1;
      while (k < cols.length && cols[k] < col) emit(cols[k++], null);
      if (k < cols.length && cols[k] === col) emit(cols[k++], m[0]);
      else cells += m[0];
    }
  }
  while (k < cols.length) emit(cols[k++], null);
  let a = withAttr(withAttr(attrs, 'spans', undefined), 'r', String(r));
  if (edit.minHeight !== undefined) {
    const ht = Number(attr(a, 'ht') ?? NaN);
    if (!(ht >= edit.minHeight)) a = withAttr(withAttr(a, 'ht', String(edit.minHeight)), 'customHeight', '1');
  }
  return cells !== '' ? `<${tag}${a}>${cells}</${tag}>` : `<${tag}${a}/>`;
}

/** The worksheet's head up to its row area, split at sheetData: [head text, where rows start and end, the text
 *  from </sheetData> on]. A self-closing <sheetData/> is opened so rows can go in. */
function splitAtRows(xml: Uint8Array): {
  headText: string;
  p: string;
  bodyStart: number;
  bodyEnd: number;
  restText: string;
} {
  const openAt = findSheetDataTag(xml, 0, false);
  const openEnd = openAt ? xml.indexOf(0x3e, openAt[1]) : -1;
  if (!openAt || openEnd < 0) throw new Error('worksheet without sheetData');
  const selfClosing = xml[openEnd - 1] === 0x2f;
  let headText = utf8Decoder.decode(xml.subarray(0, selfClosing ? openAt[0] : openEnd + 1));
  const p = rootPrefix(headText, 'worksheet');
  const bodyStart = openEnd + 1;
  let bodyEnd = bodyStart;
  let restText: string;
  if (selfClosing) {
    headText += `<${p}sheetData>`;
    restText = `</${p}sheetData>` + utf8Decoder.decode(xml.subarray(bodyStart));
  } else {
    const close = findSheetDataTag(xml, bodyStart, true);
    if (!close) throw new Error('worksheet without sheetData');
    bodyEnd = close[0];
    restText = utf8Decoder.decode(xml.subarray(bodyEnd));
  }
  return { headText, p, bodyStart, bodyEnd, restText };
}

/** The head with its used range (<dimension>) grown to cover the rows and columns written. */
function grownDimension(headText: string, edits: Map<number, RowEdit>, lastRow: number): string {
  let lastCol = 0;
  for (const e of edits.values()) for (const c of e.cells.keys()) lastCol = Math.max(lastCol, c);
  return headText.replace(
    new RegExp(`(<${P}dimension\\b[^>]*?ref=")([A-Z]+)(\\d+)(?::([A-Z]+)(\\d+))?"`),
    (_all, pre: string, c1: string, r1: string, c2?: string, r2?: string) => {
      const endC = Math.min(MAX_COL, Math.max(columnOf(c2 ?? c1), lastCol));
      const endR = Math.max(Number(r2 ?? r1), lastRow);
      return `${pre}${c1}${r1}:${colLetters(endC)}${endR}"`;
    },
  );
}

/** Rewrites the named cells and row heights in a worksheet's XML (UTF-8 bytes, or text); `tail` may edit
 *  what follows the cells (print setup and the like: small, so a big sheet is copied once, not once per
 *  edit). The rows are read a window at a time, so the sheet is never held as one string. */
export function editSheetXml(
  input: string | Uint8Array,
  edits: Map<number, RowEdit>,
  sst: StringIndex,
  tail?: (rest: string, prefix: string) => string,
): EditResult {
  const xml = typeof input === 'string' ? utf8Encoder.encode(input) : input;
  const { headText, p, bodyStart, bodyEnd, restText } = splitAtRows(xml);
  const pending = [...edits.keys()].sort((a, b) => a - b);
  let next = 0;
  // The used range grows with rows written below it.
  const lastRow = pending.length ? pending[pending.length - 1] : 0;
  const out = new Utf8Sink(xml.length * 1.1 + edits.size * 400 + 1024);
  out.push(grownDimension(headText, edits, lastRow));
  const rowRe = new RegExp(`<(${P}row)\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${P}row>)`, 'g');
  const rowStart = new RegExp(`<${P}row\\b`, 'g');
  const ctx: RowContext = {
    p,
    sst,
    cellRe: new RegExp(`<${P}c\\b([^>]*?)(?:\\/>|>[\\s\\S]*?<\\/${P}c>)`, 'g'),
    formulaRe: new RegExp(`<${P}f\\b`),
    replacedFormula: false,
  };
  let rowNo = 0;
  // The row area a window at a time; a window ends before a '<' (never inside a UTF-8 sequence), and a
  // row it cuts is carried into the next one.
  let carry = '';
  for (let at = bodyStart; at < bodyEnd || carry;) {
    const end = windowEnd(xml, at, bodyEnd);
    const last = end >= bodyEnd;
    const body = carry + utf8Decoder.decode(xml.subarray(at, end));
    at = end;
    let copied = 0;
    let matchedTo = 0;
    rowRe.lastIndex = 0;
    for (let m = rowRe.exec(body); m; m = rowRe.exec(body)) {
      matchedTo = m.index + m[0].length;
      const rText = attr(m[2], 'r');
      rowNo = rText !== undefined ? Number(rText) : rowNo + 1;
      // New rows go in order before the first existing row after them.
      while (next < pending.length && pending[next] < rowNo) {
        out.push(body.slice(copied, m.index));
        out.push(rowXml(ctx, pending[next], `${p}row`, '', null, edits.get(pending[next])!));
        copied = m.index;
        next++;
      }
      if (next < pending.length && pending[next] === rowNo) {
        out.push(body.slice(copied, m.index));
        out.push(rowXml(ctx, rowNo, m[1], m[2], m[3] ?? null, edits.get(rowNo)!));
        copied = m.index + m[0].length;
        next++;
      }
    }
    // A row begun but not ended in this window waits for the next.
    rowStart.lastIndex = matchedTo;
    const open = last ? null : rowStart.exec(body);
    const keepFrom = open ? open.index : body.length;
    out.push(body.slice(copied, keepFrom));
    carry = body.slice(keepFrom);
    if (last) break;
  }
  while (next < pending.length) out.push(rowXml(ctx, pending[next], `${p}row`, '', null, edits.get(pending[next++])!));
  out.push(tail ? tail(restText, p) : restText);
  return { bytes: out.bytes(), replacedFormula: ctx.replacedFormula };
}
