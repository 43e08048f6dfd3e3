// Worksheet XML, edited as text: the elements after the cells (merges, validations, print setup, page
// header, breaks) put in schema order, everything else in the part (other cells, conditional formats,
// drawings, comments' anchors) copied as it is. The cells themselves are edited in sheetEdit.ts.
// Also writes whole sheets Tuijin owns (汇总, 日志, 进展情况) from their layout.
import type { DataValidationRule, PrintSetup, SheetLayout } from '../../core/layout/types';
import { cellXml, type StringIndex } from './sheetEdit';
import { colLetters } from '../../core/layout/address';
import { decodeXml, escapeText, escapeXml, P, rootPrefix } from './xml';
import { Utf8Sink } from './package';
import { headerSection } from '../../core/layout/print';
import { sheetProtectionXml } from '../../core/layout/protection';

// Kept for importers (the patcher, the grid reader and their tests).
export { editSheetXml, findSheetDataTag, windowEnd, type RowEdit, type StringIndex } from './sheetEdit';

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
