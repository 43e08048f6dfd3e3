// Applies a WorkbookPatch (check results, 汇总, consolidation's entries and 日志) to .xlsx bytes by
// editing the package's XML in place: only the cells, rows, styles and sheets the patch names change.
// Every other part (another program's print setup and protection, comments, charts, images, defined
// names, extra sheets, conditional formats) keeps its bytes. Whole sheets Tuijin owns are written from
// their layout and put in as parts of their own.
import type { CellStyle, SheetLayout, WorkbookPatch } from '../../core/layout/types';
import { InputError } from '../../core/model';
import { CT_WORKSHEET, parseRels, REL_WORKSHEET, relsPathOf, resolveTarget, XlsxPackage } from './package';
import {
  editSheetXml,
  putTopElement,
  rowBreaksXml,
  setCenterHeader,
  sheetLayoutXml,
  type RowEdit,
  type StringIndex,
} from './sheetXml';
import { CT_SHARED_STRINGS, REL_SHARED_STRINGS, SharedStrings } from './sharedStrings';
import { EMPTY_STYLES, StylesEditor } from './stylesXml';
import { attr, escapeXml, P, rootPrefix, withAttr } from './xml';

const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** workbook.xml, its relationships and [Content_Types].xml, edited together and written once. */
class BookParts {
  changed = false;
  private constructor(
    private readonly pkg: XlsxPackage,
    public book: string,
    public rels: string,
    public types: string,
  ) {}

  static async load(pkg: XlsxPackage): Promise<BookParts> {
    const rels =
      (await pkg.text(relsPathOf(pkg.workbookPath))) ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    return new BookParts(
      pkg,
      (await pkg.text(pkg.workbookPath)) ?? '',
      rels,
      (await pkg.text('[Content_Types].xml')) ?? '',
    );
  }

  /** Adds a relationship from the workbook; returns its id. */
  addRel(type: string, target: string): string {
    const used = new Set(parseRels(this.rels).map((r) => r.id));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const p = rootPrefix(this.rels, 'Relationships');
    this.rels = this.rels.replace(
      new RegExp(`<\\/${P}Relationships>\\s*$`),
      `<${p}Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/></${p}Relationships>`,
    );
    this.changed = true;
    return id;
  }

  removeRel(id: string): void {
    this.rels = this.rels.replace(new RegExp(`<${P}Relationship\\b[^>]*?\\bId="${id}"[^>]*?\\/>`), '');
    this.changed = true;
  }

  /** Declares a part's content type (an Override, unless one is there). */
  addType(path: string, type: string): void {
    if (this.types.includes(`PartName="/${path}"`)) return;
    const p = rootPrefix(this.types, 'Types');
    this.types = this.types.replace(
      new RegExp(`<\\/${P}Types>\\s*$`),
      `<${p}Override PartName="/${path}" ContentType="${type}"/></${p}Types>`,
    );
    this.changed = true;
  }

  removeType(path: string): void {
    this.types = this.types.replace(
      new RegExp(`<${P}Override\\b[^>]*?PartName="/${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*?\\/>`, 'i'),
      '',
    );
    this.changed = true;
  }

  write(): void {
    if (!this.changed) return;
    this.pkg.setText(this.pkg.workbookPath, this.book);
    this.pkg.setText(relsPathOf(this.pkg.workbookPath), this.rels);
    this.pkg.setText('[Content_Types].xml', this.types);
  }
}

/** Path of `target` relative to the workbook part's folder. */
function relativeToBook(bookPath: string, part: string): string {
  const dir = bookPath.slice(0, bookPath.lastIndexOf('/') + 1);
  return part.startsWith(dir) ? part.slice(dir.length) : `/${part}`;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Puts a whole sheet Tuijin owns into the package: over the old one (same place in the tab order) or at the end. */
function putSheet(
  pkg: XlsxPackage,
  parts: BookParts,
  sheet: SheetLayout,
  xfOf: (key: string | undefined) => number,
  sst: StringIndex,
): void {
  const xml = sheetLayoutXml(sheet, xfOf, sst);
  const bp = rootPrefix(parts.book, 'workbook');
  let entry = pkg.sheet(sheet.name);
  if (entry && (!entry.type.endsWith('/worksheet') || !entry.path)) {
    throw new InputError(
      `sheet ${sheet.name} exists but is not a worksheet`,
      pkg.where,
      `工作表“${sheet.name}”已存在但不是普通工作表，无法写入`,
    );
  }
  if (entry) {
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
  } else {
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
    entry = { name: sheet.name, state: sheet.state, index: pkg.sheets.length, rid, path, type: REL_WORKSHEET };
    pkg.sheets.push(entry);
  }
  parts.changed = true;
  // Print titles of this sheet: ours replace whatever named ranges the old sheet had for printing.
  const local = String(entry.index);
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

/** Applies `patch` to an opened package (nothing is written until pkg.bytes()). */
export async function patchPackage(pkg: XlsxPackage, patch: WorkbookPatch): Promise<void> {
  const parts = await BookParts.load(pkg);
  const stylesRel = parseRels(parts.rels).find((r) => r.type.endsWith('/styles'));
  const stylesPath = stylesRel ? resolveTarget(pkg.workbookPath, stylesRel.target) : 'xl/styles.xml';
  const stylesXml = await pkg.text(stylesPath);
  const styles = new StylesEditor(stylesXml ?? EMPTY_STYLES);
  const xfOf = (key: string | undefined): number => {
    if (key === undefined) return 0;
    const def: CellStyle | undefined = patch.styles[key];
    if (!def) throw new Error(`layout style '${key}' is not defined`);
    return styles.xfOf(key, def);
  };

  const sstRel = parseRels(parts.rels).find((r) => r.type.endsWith('/sharedStrings'));
  const sstPath = sstRel ? resolveTarget(pkg.workbookPath, sstRel.target) : 'xl/sharedStrings.xml';
  const sstXml = await pkg.text(sstPath);
  const strings = new SharedStrings(sstXml);
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
  if (replacedFormula) dropCalcChain(pkg, parts);
  if (styles.changed) {
    pkg.setText(stylesPath, styles.toXml());
    if (!stylesXml) {
      parts.addRel(REL_STYLES, relativeToBook(pkg.workbookPath, stylesPath));
      parts.addType(stylesPath, CT_STYLES);
    }
  }
  if (strings.changed) {
    pkg.setText(sstPath, strings.toXml());
    if (sstXml === null) {
      parts.addRel(REL_SHARED_STRINGS, relativeToBook(pkg.workbookPath, sstPath));
      parts.addType(sstPath, CT_SHARED_STRINGS);
    }
  }
  parts.write();
}

/** Applies `patch` to .xlsx bytes; returns new bytes (the input is not changed). */
export async function applyPatch(data: Uint8Array, patch: WorkbookPatch, where?: string): Promise<Uint8Array> {
  const pkg = await XlsxPackage.open(data, where);
  await patchPackage(pkg, patch);
  return pkg.bytes();
}
