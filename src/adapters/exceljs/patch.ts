// Applies a WorkbookPatch (check results, 汇总, consolidation's entries and 日志) to .xlsx bytes by
// editing the package's XML in place: only the cells, rows, styles and sheets the patch names change.
// Every other part (another program's print setup and protection, comments, charts, images, defined
// names, extra sheets, conditional formats) keeps its bytes. Whole sheets Tuijin owns are written from
// their layout and put in as parts of their own.
// The steps: whole sheets (putSheet.ts), then each edited sheet's cells, rows, header and breaks (sheetEdit.ts,
// sheetXml.ts), then the shared parts (styles, shared strings, workbook.xml in bookParts.ts).
import type { CellStyle, WorkbookPatch } from '../../core/layout/types';
import { InputError } from '../../core/model';
import { BookParts, relativeToBook } from './bookParts';
import { parseRels, resolveTarget, XlsxPackage } from './package';
import { putSheet } from './putSheet';
import { editSheetXml, putTopElement, rowBreaksXml, setCenterHeader, type RowEdit, type StringIndex } from './sheetXml';
import { CT_SHARED_STRINGS, REL_SHARED_STRINGS, SharedStrings } from './sharedStrings';
import { EMPTY_STYLES, StylesEditor } from './stylesXml';

const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** The calculation chain lists formula cells; once one of them holds a value it must go (Excel rebuilds it). */
function dropCalcChain(pkg: XlsxPackage, parts: BookParts): void {
  for (const r of parseRels(parts.rels)) {
    if (!r.type.endsWith('/calcChain')) continue;
    const path = resolveTarget(pkg.workbookPath, r.target);
    pkg.remove(path);
    parts.removeRel(r.id);
    parts.removeType(path);
  }
}

/** A shared part (styles, shared strings) as the workbook's relationships find it, or at its usual path. */
async function sharedPart(
  pkg: XlsxPackage,
  parts: BookParts,
  type: string,
  usual: string,
): Promise<{ path: string; xml: string | null }> {
  const rel = parseRels(parts.rels).find((r) => r.type.endsWith(type));
  const path = rel ? resolveTarget(pkg.workbookPath, rel.target) : usual;
  return { path, xml: await pkg.text(path) };
}

/** Writes a shared part back when it changed, declaring it when `isNew` (the package had none). */
function saveSharedPart(
  pkg: XlsxPackage,
  parts: BookParts,
  part: { path: string; xml: string | null },
  editor: { changed: boolean; toXml(): string },
  rel: string,
  contentType: string,
  isNew: boolean,
): void {
  if (!editor.changed) return;
  pkg.setText(part.path, editor.toXml());
  if (isNew) {
    parts.addRel(rel, relativeToBook(pkg.workbookPath, part.path));
    parts.addType(part.path, contentType);
  }
}

/** The patch's cells and minimum row heights, by sheet and row, in the order the patch gives them. */
function rowEditsOf(
  patch: WorkbookPatch,
  xfOf: (key: string | undefined) => number,
): Map<string, Map<number, RowEdit>> {
  const rowEdits = new Map<string, Map<number, RowEdit>>();
  const rowEdit = (sheet: string, r: number) => {
    let rows = rowEdits.get(sheet);
    if (!rows) rowEdits.set(sheet, (rows = new Map()));
    let e = rows.get(r);
    if (!e) rows.set(r, (e = { cells: new Map() }));
    return e;
  };
  for (const c of patch.cells) {
    // Patches apply in order: a later style-only patch of a cell keeps the value an earlier one wrote.
    const cells = rowEdit(c.sheet, c.r).cells;
    const before = cells.get(c.c);
    cells.set(c.c, { value: c.value === undefined ? before?.value : c.value, xf: xfOf(c.style) });
  }
  for (const m of patch.minRowHeights ?? []) {
    const e = rowEdit(m.sheet, m.r);
    e.minHeight = Math.max(e.minHeight ?? 0, m.height);
  }
  return rowEdits;
}

/** Edits each named sheet in place: its cells and rows, page breaks and header. True when a replaced cell held a
 *  formula. */
async function editSheets(
  pkg: XlsxPackage,
  rowEdits: Map<string, Map<number, RowEdit>>,
  breaks: Map<string, number[]>,
  headers: Map<string, string>,
  sst: StringIndex,
): Promise<boolean> {
  let replacedFormula = false;
  for (const name of new Set([...rowEdits.keys(), ...breaks.keys(), ...headers.keys()])) {
    const entry = pkg.sheet(name);
    const xml = entry?.path && entry.type.endsWith('/worksheet') ? await pkg.utf8(entry.path) : null;
    if (xml === null) {
      // Cells must land; a header or page breaks for a sheet that isn't there have nowhere to go.
      if (rowEdits.has(name)) throw new InputError(`sheet ${name} is missing`, `sheet ${name}`, `缺少工作表“${name}”`);
      continue;
    }
    const rows = breaks.get(name);
    const header = headers.get(name);
    const r = editSheetXml(xml, rowEdits.get(name) ?? new Map(), sst, (rest, prefix) => {
      let next = rest;
      if (rows) next = putTopElement(next, 'rowBreaks', rowBreaksXml(prefix, rows));
      if (header !== undefined) next = setCenterHeader(next, header, prefix);
      return next;
    });
    replacedFormula ||= r.replacedFormula;
    pkg.setBytes(entry!.path, r.bytes);
  }
  return replacedFormula;
}

/** Applies `patch` to an opened package (nothing is written until pkg.bytes()). */
export async function patchPackage(pkg: XlsxPackage, patch: WorkbookPatch): Promise<void> {
  const parts = await BookParts.load(pkg);
  const stylesPart = await sharedPart(pkg, parts, '/styles', 'xl/styles.xml');
  const styles = new StylesEditor(stylesPart.xml ?? EMPTY_STYLES);
  const xfOf = (key: string | undefined): number => {
    if (key === undefined) return 0;
    const def: CellStyle | undefined = patch.styles[key];
    if (!def) throw new Error(`layout style '${key}' is not defined`);
    return styles.xfOf(key, def);
  };
  const sstPart = await sharedPart(pkg, parts, '/sharedStrings', 'xl/sharedStrings.xml');
  const strings = new SharedStrings(sstPart.xml);
  const sst = (text: string) => strings.indexOf(text);
  const breaks = new Map((patch.rowBreaks ?? []).map((b) => [b.sheet, b.rows]));
  const headers = new Map((patch.printHeaders ?? []).map((h) => [h.sheet, h.header]));
  // A sheet written whole takes its header and page breaks from the patch as it is written.
  for (const sheet of patch.sheets) {
    const header = headers.get(sheet.name);
    const rows = breaks.get(sheet.name);
    putSheet(
      pkg,
      parts,
      {
        ...sheet,
        print: sheet.print && header !== undefined ? { ...sheet.print, header } : sheet.print,
        rowBreaks: rows ?? sheet.rowBreaks,
      },
      xfOf,
      sst,
    );
    headers.delete(sheet.name);
    breaks.delete(sheet.name);
  }
  if (await editSheets(pkg, rowEditsOf(patch, xfOf), breaks, headers, sst)) dropCalcChain(pkg, parts);
  saveSharedPart(pkg, parts, stylesPart, styles, REL_STYLES, CT_STYLES, !stylesPart.xml);
  saveSharedPart(pkg, parts, sstPart, strings, REL_SHARED_STRINGS, CT_SHARED_STRINGS, sstPart.xml === null);
  parts.write();
}

/** Applies `patch` to .xlsx bytes; returns new bytes (the input is not changed). */
export async function applyPatch(data: Uint8Array, patch: WorkbookPatch, where?: string): Promise<Uint8Array> {
  const pkg = await XlsxPackage.open(data, where);
  await patchPackage(pkg, patch);
  return pkg.bytes();
}
