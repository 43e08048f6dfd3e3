// Worksheet XML, edited as text: the cells and rows a patch names are rewritten, everything else in the
// part (other cells, conditional formats, drawings, comments' anchors, print setup) is copied as it is.
// Also writes whole sheets Tuijin owns (汇总, 日志, 进展情况) from their layout.
import type { CellValue, DataValidationRule, PrintSetup, SheetLayout } from '../../core/layout/types';
import { colLetters } from '../../core/layout/address';
import { attr, columnOf, decodeXml, escapeText, escapeXml, MAX_COL, P, rootPrefix, withAttr } from './xml';
import { Utf8Sink } from './package';
import { headerSection } from '../../core/layout/print';
import { sheetProtectionXml } from '../../core/layout/protection';

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

/** Children of a worksheet in schema order, from sheetData on. */
const AFTER_DATA = [
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** Index of a text in the shared-string table. */
export type StringIndex = (text: string) => number;

function cellXml(p: string, ref: string, w: CellWrite, sst: StringIndex): string {
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
  let replacedFormula = false;
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
  const pending = [...edits.keys()].sort((a, b) => a - b);
  let next = 0;
  // The used range grows with rows written below it.
  const lastRow = pending.length ? pending[pending.length - 1] : 0;
  let lastCol = 0;
  for (const e of edits.values()) for (const c of e.cells.keys()) lastCol = Math.max(lastCol, c);
  const head = headText.replace(
    new RegExp(`(<${P}dimension\\b[^>]*?ref=")([A-Z]+)(\\d+)(?::([A-Z]+)(\\d+))?"`),
    (_all, pre: string, c1: string, r1: string, c2?: string, r2?: string) => {
      const endC = Math.min(MAX_COL, Math.max(columnOf(c2 ?? c1), lastCol));
      const endR = Math.max(Number(r2 ?? r1), lastRow);
      return `${pre}${c1}${r1}:${colLetters(endC)}${endR}"`;
    },
  );
  const out = new Utf8Sink(xml.length * 1.1 + edits.size * 400 + 1024);
  out.push(head);
  const rowRe = new RegExp(`<(${P}row)\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${P}row>)`, 'g');
  const rowStart = new RegExp(`<${P}row\\b`, 'g');
  const cellRe = new RegExp(`<${P}c\\b([^>]*?)(?:\\/>|>[\\s\\S]*?<\\/${P}c>)`, 'g');
  const formulaRe = new RegExp(`<${P}f\\b`);
  let rowNo = 0;

  // One edited row as text. Built by concatenation, without arrays or objects per cell: a big sheet's
  // rows would otherwise fill the heap faster than it is collected.
  const rowXml = (r: number, tag: string, attrs: string, inner: string | null, edit: RowEdit): string => {
    const cols = [...edit.cells.keys()].sort((a, b) => a - b);
    let k = 0;
    let cells = '';
    const emit = (c: number, raw: string | null) => {
      const w = edit.cells.get(c)!;
      const ref = `${colLetters(c)}${r}`;
      if (w.value === undefined) cells += restyled(p, raw, ref, w.xf);
      else {
        if (raw && formulaRe.test(raw)) replacedFormula = true;
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
  };

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
        out.push(rowXml(pending[next], `${p}row`, '', null, edits.get(pending[next])!));
        copied = m.index;
        next++;
      }
      if (next < pending.length && pending[next] === rowNo) {
        out.push(body.slice(copied, m.index));
        out.push(rowXml(rowNo, m[1], m[2], m[3] ?? null, edits.get(rowNo)!));
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
  while (next < pending.length) out.push(rowXml(pending[next], `${p}row`, '', null, edits.get(pending[next++])!));
  out.push(tail ? tail(restText, p) : restText);
  return { bytes: out.bytes(), replacedFormula };
}

/** Index of the end of the sheetData element (where elements after it start). */
function afterSheetData(xml: string): number {
  const close = new RegExp(`<\\/${P}sheetData>|<${P}sheetData\\b[^>]*\\/>`, 'g');
  let end = -1;
  for (let m = close.exec(xml); m; m = close.exec(xml)) end = m.index + m[0].length;
  return end;
}

/** A top-level element after sheetData: [start, end) or null. The worksheet's own extLst is the one
 *  that ends the sheet (rules inside conditional formats carry their own). */
function findTop(xml: string, name: string, from: number): [number, number] | null {
  const re = new RegExp(`<${P}${name}\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${P}${name}>)`, 'g');
  re.lastIndex = from;
  let found: [number, number] | null = null;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    found = [m.index, m.index + m[0].length];
    if (name !== 'extLst') return found;
    if (new RegExp(`^\\s*<\\/${P}worksheet>`).test(xml.slice(found[1]))) return found;
  }
  return name === 'extLst' ? null : found;
}

/** Replaces the top-level element `name` with `el` ('' removes it), or inserts it in schema order.
 *  `xml` is a worksheet or its part from </sheetData> on. */
export function putTopElement(xml: string, name: string, el: string): string {
  const from = afterSheetData(xml);
  if (from < 0) throw new Error('worksheet without sheetData');
  const at = findTop(xml, name, from);
  if (at) return xml.slice(0, at[0]) + el + xml.slice(at[1]);
  if (!el) return xml;
  const i = AFTER_DATA.indexOf(name);
  let pos = from;
  for (const before of AFTER_DATA.slice(0, i)) {
    const f = findTop(xml, before, from);
    if (f && f[1] > pos) pos = f[1];
  }
  let insertAt = -1;
  for (const after of AFTER_DATA.slice(i + 1)) {
    const f = findTop(xml, after, pos);
    if (f && (insertAt < 0 || f[0] < insertAt)) insertAt = f[0];
  }
  if (insertAt < 0) insertAt = xml.search(new RegExp(`<\\/${P}worksheet>\\s*$`));
  return xml.slice(0, insertAt) + el + xml.slice(insertAt);
}

export function rowBreaksXml(p: string, rows: number[]): string {
  if (rows.length === 0) return '';
  // Explicit last column 16383 (Excel's last, 0-based).
  const brks = rows.map((r) => `<${p}brk id="${r}" max="16383" man="1"/>`).join('');
  return `<${p}rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${brks}</${p}rowBreaks>`;
}

/** Header/footer text as the centre section. */
function headerCode(text: string): string {
  return `&C${headerSection(text)}`;
}

/** A header's sections: each starts at &L, &C or &R (a doubled && is a literal ampersand). */
function headerSections(code: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    if (code[i] !== '&') continue;
    if (code[i + 1] === '&') {
      i++;
      continue;
    }
    if (/^[LCR]$/.test(code[i + 1] ?? '') && i > start) {
      out.push(code.slice(start, i));
      start = i;
    }
  }
  out.push(code.slice(start));
  return out;
}

/** Sets the centre section of the sheet's page header, keeping its left and right sections. */
export function setCenterHeader(xml: string, text: string, prefix?: string): string {
  const p = prefix ?? rootPrefix(xml, 'worksheet');
  const from = afterSheetData(xml);
  const hf = findTop(xml, 'headerFooter', from);
  if (!hf)
    return putTopElement(
      xml,
      'headerFooter',
      `<${p}headerFooter><${p}oddHeader>${escapeXml(headerCode(text))}</${p}oddHeader></${p}headerFooter>`,
    );
  const el = xml.slice(hf[0], hf[1]);
  const odd = new RegExp(`<(${P}oddHeader)(\\b[^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${P}oddHeader>)`).exec(el);
  const centre = escapeText(headerCode(text));
  let next: string;
  if (odd) {
    const old = decodeXml(odd[3] ?? '');
    const sections = headerSections(old);
    const kept = sections.filter((s) => !/^&C/.test(s) && /^&[LR]/.test(s));
    const left = kept.find((s) => s.startsWith('&L')) ?? '';
    const right = kept.find((s) => s.startsWith('&R')) ?? '';
    const value = escapeText(left) + centre + escapeText(right);
    next = el.slice(0, odd.index) + `<${odd[1]}${odd[2]}>${value}</${odd[1]}>` + el.slice(odd.index + odd[0].length);
  } else {
    const openEnd = el.indexOf('>') + 1;
    next = el.endsWith('/>')
      ? `${el.slice(0, -2)}><${p}oddHeader>${centre}</${p}oddHeader></${p}headerFooter>`
      : el.slice(0, openEnd) + `<${p}oddHeader>${centre}</${p}oddHeader>` + el.slice(openEnd);
  }
  return xml.slice(0, hf[0]) + next + xml.slice(hf[1]);
}

function range(r: { r1: number; c1: number; r2: number; c2: number }): string {
  const a = `${colLetters(r.c1)}${r.r1}`;
  const b = `${colLetters(r.c2)}${r.r2}`;
  return a === b ? a : `${a}:${b}`;
}

function validationXml(v: DataValidationRule): string {
  const common =
    ` allowBlank="${v.allowBlank ? 1 : 0}" showErrorMessage="1"` +
    (v.errorStyle === 'warning' ? ' errorStyle="warning"' : '') +
    (v.prompt
      ? ` showInputMessage="1" promptTitle="${escapeXml(v.promptTitle ?? '')}" prompt="${escapeXml(v.prompt)}"`
      : '') +
    (v.error ? ` errorTitle="${escapeXml(v.errorTitle ?? '')}" error="${escapeXml(v.error)}"` : '');
  const sqref = ` sqref="${range(v.range)}"`;
  if (v.type === 'list')
    return `<dataValidation type="list"${common}${sqref}><formula1>${escapeXml(`"${(v.list ?? []).join(',')}"`)}</formula1></dataValidation>`;
  if (v.max !== undefined)
    return `<dataValidation type="decimal" operator="between"${common}${sqref}><formula1>${v.min ?? 0}</formula1><formula2>${v.max}</formula2></dataValidation>`;
  return `<dataValidation type="decimal" operator="greaterThanOrEqual"${common}${sqref}><formula1>${v.min ?? 0}</formula1></dataValidation>`;
}

function printXml(print: PrintSetup): string {
  const m = print.margins;
  const hf =
    (print.header ? `<oddHeader>${escapeXml(headerCode(print.header))}</oddHeader>` : '') +
    (print.footer ? `<oddFooter>${escapeXml(headerCode(print.footer))}</oddFooter>` : '');
  return (
    (print.horizontalCentered ? '<printOptions horizontalCentered="1"/>' : '') +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="${print.paper === 'A3' ? 8 : 9}" orientation="${print.orientation}" fitToWidth="1" fitToHeight="0"/>` +
    (hf ? `<headerFooter>${hf}</headerFooter>` : '')
  );
}

/** A whole worksheet part for a sheet layout, as UTF-8; `xfOf` gives the style index of a layout style
 *  key. Written row by row: a 汇总 of 300,000 cells never holds a string per cell. */
export function sheetLayoutXml(
  sheet: SheetLayout,
  xfOf: (key: string | undefined) => number,
  sst: StringIndex,
): Uint8Array {
  const cells = [...sheet.cells].sort((a, b) => a.r - b.r || a.c - b.c);
  let lastRow = 1;
  let lastCol = 1;
  for (const c of cells) {
    lastRow = Math.max(lastRow, c.r);
    lastCol = Math.max(lastCol, c.c);
  }
  const freeze = sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0) ? sheet.freeze : null;
  const pane = freeze
    ? `<pane${freeze.cols ? ` xSplit="${freeze.cols}"` : ''}${freeze.rows ? ` ySplit="${freeze.rows}"` : ''} topLeftCell="${colLetters(freeze.cols + 1)}${freeze.rows + 1}" activePane="${freeze.rows && freeze.cols ? 'bottomRight' : freeze.rows ? 'bottomLeft' : 'topRight'}" state="frozen"/>`
    : '';
  const cols = sheet.columnWidths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  const out = new Utf8Sink(cells.length * 80);
  out.push(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      (sheet.print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
      `<dimension ref="A1:${colLetters(lastCol)}${lastRow}"/>` +
      `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (cols ? `<cols>${cols}</cols>` : '') +
      '<sheetData>',
  );
  const heightRows = Object.keys(sheet.rowHeights)
    .map(Number)
    .sort((a, b) => a - b);
  let h = 0;
  const rowOpen = (r: number) => {
    const ht = sheet.rowHeights[r];
    return `<row r="${r}"${ht ? ` ht="${ht}" customHeight="1"` : ''}`;
  };
  // Rows with a height but no cells still carry their height.
  const emptyRowsBelow = (r: number) => {
    for (; h < heightRows.length && heightRows[h] < r; h++) out.push(`${rowOpen(heightRows[h])}/>`);
    if (heightRows[h] === r) h++;
  };
  for (let i = 0; i < cells.length;) {
    const r = cells[i].r;
    emptyRowsBelow(r);
    let row = `${rowOpen(r)}>`;
    for (; i < cells.length && cells[i].r === r; i++)
      row += cellXml('', `${colLetters(cells[i].c)}${r}`, { value: cells[i].value, xf: xfOf(cells[i].style) }, sst);
    out.push(`${row}</row>`);
  }
  emptyRowsBelow(Infinity);
  out.push(
    '</sheetData>' +
      (sheet.protect ? sheetProtectionXml() : '') +
      (sheet.autoFilter ? `<autoFilter ref="${range(sheet.autoFilter)}"/>` : '') +
      (sheet.merges.length
        ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${range(m)}"/>`).join('')}</mergeCells>`
        : '') +
      (sheet.validations.length
        ? `<dataValidations count="${sheet.validations.length}">${sheet.validations.map(validationXml).join('')}</dataValidations>`
        : '') +
      (sheet.print ? printXml(sheet.print) : '') +
      rowBreaksXml('', sheet.rowBreaks ?? []) +
      '</worksheet>',
  );
  return out.bytes();
}
