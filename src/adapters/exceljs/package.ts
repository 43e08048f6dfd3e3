// An .xlsx package opened for reading or patching: the zip guard first, every part inflated on demand
// under one unpacking budget, and the workbook's sheet list resolved to part paths. Parts that are not
// changed are written back as they came (JSZip copies their compressed bytes).
import JSZip from 'jszip';
import { InputError } from '../../core/model';
import { guardXlsx } from '../../core/zipGuard';
import { UnpackBudget } from './unpack';
import { attr, P } from './xml';

// Kept for importers (the grid reader, the worksheet writer).
export { UnpackBudget } from './unpack';
export { Utf8Sink } from './utf8Sink';

const utf8Encoder = new TextEncoder();

export const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
export const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** "This file can't be read", in plain words; the English part carries the detail. */
function unreadable(why: string, where?: string): InputError {
  return new InputError(
    `not a readable .xlsx workbook (${why})`,
    where,
    '这不是有效的 Excel 工作簿（.xlsx），无法读取',
  );
}

/** One sheet of the workbook as workbook.xml lists it. */
export interface SheetEntry {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Position in <sheets> (what localSheetId counts). */
  index: number;
  rid: string;
  /** Part path in the zip ('xl/worksheets/sheet1.xml'); '' when the relationship is missing. */
  path: string;
  /** Relationship type: worksheets hold cells, chart sheets and the like don't. */
  type: string;
}

/** A relationship target resolved against the part that owns the .rels ('xl/workbook.xml'). */
export function resolveTarget(owner: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = owner.split('/').slice(0, -1).concat(target.split('/'));
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** The .rels part of a part ('xl/workbook.xml' → 'xl/_rels/workbook.xml.rels'). */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRels(xml: string | null): Relationship[] {
  const out: Relationship[] = [];
  if (!xml) return out;
  for (const m of xml.matchAll(new RegExp(`<${P}Relationship\\b([^>]*?)\\/?>`, 'g'))) {
    out.push({
      id: attr(m[1], 'Id') ?? '',
      type: attr(m[1], 'Type') ?? '',
      target: attr(m[1], 'Target') ?? '',
      external: attr(m[1], 'TargetMode') === 'External',
    });
  }
  return out;
}

const utf8 = new TextDecoder('utf-8');

export class XlsxPackage {
  /** Parts this package wrote (read back without the unpacking budget: they are ours). */
  private readonly written = new Set<string>();
  workbookPath = 'xl/workbook.xml';
  sheets: SheetEntry[] = [];

  private constructor(
    readonly zip: JSZip,
    readonly where: string | undefined,
    private readonly budget: UnpackBudget,
  ) {}

  /** Opens .xlsx bytes: zip guard, zip directory, workbook.xml and its sheets. Bad files → InputError. */
  static async open(data: Uint8Array, where?: string): Promise<XlsxPackage> {
    guardXlsx(data, where);
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(data);
    } catch (e) {
      throw unreadable(e instanceof Error ? e.message.split('\n')[0].slice(0, 120) : String(e), where);
    }
    const pkg = new XlsxPackage(zip, where, new UnpackBudget(where));
    const rootRels = parseRels(await pkg.text('_rels/.rels'));
    const office = rootRels.find((r) => r.type.endsWith('/officeDocument'));
    if (office) pkg.workbookPath = resolveTarget('', office.target);
    const book = await pkg.text(pkg.workbookPath);
    if (!book || !new RegExp(`<${P}workbook\\b`).test(book))
      throw unreadable(`${pkg.workbookPath} is not a workbook`, where);
    const rels = parseRels(await pkg.text(relsPathOf(pkg.workbookPath)));
    const byId = new Map(rels.map((r) => [r.id, r]));
    let index = 0;
    for (const m of book.matchAll(new RegExp(`<${P}sheet\\b([^>]*?)\\/?>`, 'g'))) {
      const rid = attr(m[1], 'r:id') ?? '';
      const rel = byId.get(rid);
      const st = attr(m[1], 'state');
      pkg.sheets.push({
        name: attr(m[1], 'name') ?? '',
        state: st === 'hidden' || st === 'veryHidden' ? st : 'visible',
        index: index++,
        rid,
        path: rel && !rel.external ? resolveTarget(pkg.workbookPath, rel.target) : '',
        type: rel?.type ?? '',
      });
    }
    return pkg;
  }

  private entry(path: string): JSZip.JSZipObject | null {
    const f = this.zip.file(path);
    if (f) return f;
    const lower = path.toLowerCase();
    const key = Object.keys(this.zip.files).find((k) => k.toLowerCase() === lower);
    return key ? this.zip.file(key) : null;
  }

  /** A part as text (UTF-8), or null when the package lacks it. */
  async text(path: string): Promise<string | null> {
    const f = this.entry(path);
    if (!f) return null;
    const bytes = this.written.has(f.name) ? await f.async('uint8array') : await this.budget.inflate(f);
    // A UTF-16 part (rare, but legal) starts with its byte-order mark.
    const s =
      bytes[0] === 0xff && bytes[1] === 0xfe
        ? new TextDecoder('utf-16le').decode(bytes)
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? new TextDecoder('utf-16be').decode(bytes)
          : utf8.decode(bytes);
    return s;
  }

  /** A part as UTF-8 bytes (a UTF-16 part converted), or null when the package lacks it: a big sheet is
   *  edited from its bytes, never held whole as one string. */
  async utf8(path: string): Promise<Uint8Array | null> {
    const f = this.entry(path);
    if (!f) return null;
    const bytes = this.written.has(f.name) ? await f.async('uint8array') : await this.budget.inflate(f);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
      return utf8Encoder.encode(new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes));
    return bytes;
  }

  /** Replaces (or adds) a part. Stored as UTF-8 bytes at once, so a big sheet's text can go. */
  setText(path: string, text: string): void {
    const f = this.entry(path);
    const name = f ? f.name : path;
    this.written.add(name);
    this.zip.file(name, utf8Encoder.encode(text));
  }

  /** Replaces (or adds) a part given as UTF-8 bytes. */
  setBytes(path: string, bytes: Uint8Array): void {
    const f = this.entry(path);
    const name = f ? f.name : path;
    this.written.add(name);
    this.zip.file(name, bytes);
  }

  remove(path: string): void {
    const f = this.entry(path);
    if (!f) return;
    this.zip.remove(f.name);
  }

  has(path: string): boolean {
    return this.entry(path) !== null;
  }

  /** The sheet named `name`. */
  sheet(name: string): SheetEntry | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** The package as bytes; unchanged parts keep their bytes. */
  async bytes(): Promise<Uint8Array> {
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}
