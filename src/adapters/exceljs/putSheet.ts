// A whole sheet Tuijin owns (汇总, 日志, 进展情况) put into a package being patched: over the old one, keeping its
// place in the tab order, or as a new part at the end; with its print titles as the workbook's defined name.
import type { SheetLayout } from '../../core/layout/types';
import { InputError } from '../../core/model';
import { BookParts, relativeToBook } from './bookParts';
import { CT_WORKSHEET, relsPathOf, REL_WORKSHEET, SheetEntry, XlsxPackage } from './package';
import { sheetLayoutXml, type StringIndex } from './sheetXml';
import { attr, escapeXml, P, rootPrefix, withAttr } from './xml';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Puts a whole sheet Tuijin owns into the package: over the old one (same place in the tab order) or at the end. */
export function putSheet(
  pkg: XlsxPackage,
  parts: BookParts,
  sheet: SheetLayout,
  xfOf: (key: string | undefined) => number,
  sst: StringIndex,
): void {
  const xml = sheetLayoutXml(sheet, xfOf, sst);
  const old = pkg.sheet(sheet.name);
  if (old && (!old.type.endsWith('/worksheet') || !old.path)) {
    throw new InputError(
      `sheet ${sheet.name} exists but is not a worksheet`,
      pkg.where,
      `工作表“${sheet.name}”已存在但不是普通工作表，无法写入`,
    );
  }
  const entry = old ? replaceSheet(pkg, parts, old, sheet, xml) : addSheet(pkg, parts, sheet, xml);
  parts.changed = true;
  setPrintTitles(parts, sheet, String(entry.index));
}

/** The old sheet's part gets the new XML; the workbook keeps its place and takes the new visibility. */
function replaceSheet(
  pkg: XlsxPackage,
  parts: BookParts,
  entry: SheetEntry,
  sheet: SheetLayout,
  xml: Uint8Array,
): SheetEntry {
  pkg.setBytes(entry.path, xml);
  // What the old sheet referred to (its drawings, comments) doesn't belong to the new one.
  pkg.remove(relsPathOf(entry.path));
  const re = new RegExp(`<${P}sheet\\b[^>]*?\\/?>`, 'g');
  parts.book = parts.book.replace(re, (el) => {
    if (attr(el.slice(0, -1), 'name') !== sheet.name) return el;
    const closing = el.endsWith('/>') ? '/>' : '>';
    const inner = el.slice(0, -closing.length);
    return withAttr(inner, 'state', sheet.state) + closing;
  });
  return entry;
}

/** A new worksheet part at the end of the tab order, with its relationship, content type and <sheet> element. */
function addSheet(pkg: XlsxPackage, parts: BookParts, sheet: SheetLayout, xml: Uint8Array): SheetEntry {
  const bp = rootPrefix(parts.book, 'workbook');
  let n = 1;
  while (pkg.has(`xl/worksheets/sheet${n}.xml`)) n++;
  const path = `xl/worksheets/sheet${n}.xml`;
  pkg.setBytes(path, xml);
  const rid = parts.addRel(REL_WORKSHEET, relativeToBook(pkg.workbookPath, path));
  parts.addType(path, CT_WORKSHEET);
  const ids = [...parts.book.matchAll(new RegExp(`<${P}sheet\\b([^>]*?)\\/?>`, 'g'))].map((m) =>
    Number(attr(m[1], 'sheetId') ?? 0),
  );
  const sheetId = Math.max(0, ...ids.filter(Number.isFinite)) + 1;
  // Declared on the element itself: some writers (openpyxl) bind the prefix per element, not on the root.
  const ridAttr = `xmlns:r="${REL_NS}" r:id="${rid}"`;
  const state = ` state="${sheet.state}"`;
  const el = `<${bp}sheet name="${escapeXml(sheet.name)}" sheetId="${sheetId}"${state} ${ridAttr}/>`;
  const sheetsEnd = new RegExp(`<\\/${P}sheets>`).exec(parts.book);
  if (!sheetsEnd)
    throw new InputError('workbook.xml has no sheet list', pkg.where, '这不是有效的 Excel 工作簿（.xlsx），无法读取');
  parts.book = parts.book.slice(0, sheetsEnd.index) + el + parts.book.slice(sheetsEnd.index);
  const entry: SheetEntry = {
    name: sheet.name,
    state: sheet.state,
    index: pkg.sheets.length,
    rid,
    path,
    type: REL_WORKSHEET,
  };
  pkg.sheets.push(entry);
  return entry;
}

/** Print titles of this sheet: ours replace whatever named ranges the old sheet had for printing. */
function setPrintTitles(parts: BookParts, sheet: SheetLayout, local: string): void {
  const bp = rootPrefix(parts.book, 'workbook');
  parts.book = parts.book.replace(
    new RegExp(`<${P}definedName\\b([^>]*)>[\\s\\S]*?<\\/${P}definedName>`, 'g'),
    (el, a: string) =>
      /^_xlnm\.(Print_Titles|Print_Area|_FilterDatabase)$/.test(attr(a, 'name') ?? '') &&
      attr(a, 'localSheetId') === local
        ? ''
        : el,
  );
  const titles = sheet.print?.titleRows;
  if (titles) {
    const name = `<${bp}definedName name="_xlnm.Print_Titles" localSheetId="${local}">${escapeXml(`${quoteSheet(sheet.name)}!$${titles.from}:$${titles.to}`)}</${bp}definedName>`;
    const list = new RegExp(`<\\/${P}definedNames>`).exec(parts.book);
    if (list) parts.book = parts.book.slice(0, list.index) + name + parts.book.slice(list.index);
    else {
      const empty = new RegExp(`<${P}definedNames\\s*\\/>`).exec(parts.book);
      if (empty)
        parts.book =
          parts.book.slice(0, empty.index) +
          `<${bp}definedNames>${name}</${bp}definedNames>` +
          parts.book.slice(empty.index + empty[0].length);
      else {
        // After <sheets> (and the optional functionGroups/externalReferences that sit between).
        let at = new RegExp(`<\\/${P}sheets>`).exec(parts.book)!;
        for (const after of ['functionGroups', 'externalReferences']) {
          const m = new RegExp(`<\\/${P}${after}>|<${P}${after}\\b[^>]*\\/>`).exec(parts.book);
          if (m && m.index > at.index) at = m;
        }
        const pos = at.index + at[0].length;
        parts.book =
          parts.book.slice(0, pos) + `<${bp}definedNames>${name}</${bp}definedNames>` + parts.book.slice(pos);
      }
    }
  }
}
