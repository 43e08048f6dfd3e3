// An .xlsx package opened for reading or patching: the zip guard first, every part inflated on demand
// under one unpacking budget, and the workbook's sheet list resolved to part paths. Parts that are not
// changed are written back as they came (JSZip copies their compressed bytes).
import JSZip from 'jszip';
import { InputError } from '../../core/model';
import { guardXlsx, MAX_UNPACKED_BYTES } from '../../core/zipGuard';
import { attr, P } from './xml';

const utf8Encoder = new TextEncoder();

export const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
export const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

interface ChunkStream {
  on(evt: 'data', fn: (chunk: Uint8Array) => void): ChunkStream;
  on(evt: 'end' | 'error', fn: (e?: unknown) => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
}

/** "This file can't be read", in plain words; the English part carries the detail. */
function unreadable(why: string, where?: string): InputError {
  return new InputError(
    `not a readable .xlsx workbook (${why})`,
    where,
    '这不是有效的 Excel 工作簿（.xlsx），无法读取',
  );
}

const damaged = (why: string, where?: string) =>
  new InputError(`the .xlsx file is damaged (${why})`, where, '文件已损坏或不完整，无法读取');

/** Unpacking budget shared by the entries of one archive: the directory's sizes can lie, so real
 *  bytes are counted while inflating and the entry is dropped as soon as the budget is spent. */
export class UnpackBudget {
  private used = 0;
  /** Entries already counted: reading one again (the patcher after the reader) costs nothing new. */
  private readonly counted = new Set<string>();
  constructor(
    private readonly where?: string,
    private readonly limit = MAX_UNPACKED_BYTES,
  ) {}

  /** Inflates one entry, counting its real size; `keep` false only counts. A broken deflate stream
   *  is the file's fault: InputError. */
  inflate(file: JSZip.JSZipObject, keep = true): Promise<Uint8Array> {
    const count = !this.counted.has(file.name);
    this.counted.add(file.name);
    // The directory's size, when it fits the budget, sizes the buffer up front: the chunks go straight
    // in, and a 30 MB part is not held twice (chunks and their join) while it inflates.
    const declared = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
    const room = count ? this.limit - this.used : this.limit;
    let direct =
      keep && typeof declared === 'number' && declared > 0 && declared <= room ? new Uint8Array(declared) : null;
    return new Promise((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let size = 0;
      let settled = false;
      const stream = (file as unknown as { internalStream(t: 'uint8array'): ChunkStream }).internalStream('uint8array');
      stream.on('data', (chunk) => {
        if (settled) return;
        size += chunk.length;
        if (count) this.used += chunk.length;
        if (this.used > this.limit) {
          settled = true;
          stream.pause();
          const mb = Math.ceil(this.limit / 1024 / 1024);
          reject(
            new InputError(
              `refusing to open: the .xlsx unpacks to more than ${mb} MB (possible zip bomb)`,
              this.where,
              `文件解压后超过 ${mb} MB，为安全起见拒绝打开`,
            ),
          );
          return;
        }
        if (direct && size <= direct.length) direct.set(chunk, size - chunk.length);
        else if (keep) {
          // The directory understated the size: the rest goes the slow way.
          if (direct) chunks.push(direct.subarray(0, size - chunk.length));
          direct = null;
          chunks.push(chunk);
        }
      });
      stream.on('error', (e) => {
        if (settled) return;
        settled = true;
        reject(damaged(`entry ${file.name}: ${e instanceof Error ? e.message.slice(0, 120) : String(e)}`, this.where));
      });
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        if (direct) {
          resolve(size === direct.length ? direct : direct.slice(0, size));
          return;
        }
        const out = new Uint8Array(keep ? size : 0);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        resolve(out);
      });
      stream.resume();
    });
  }
}

/** Text written straight into a growing UTF-8 buffer, so a big part is never one long string and the
 *  pieces die young. */
export class Utf8Sink {
  private buf: Uint8Array;
  private at = 0;

  constructor(expectedBytes = 1 << 16) {
    this.buf = new Uint8Array(Math.max(1024, Math.ceil(expectedBytes)));
  }

  push(piece: string): void {
    let rest = piece;
    for (;;) {
      const r = utf8Encoder.encodeInto(rest, this.buf.subarray(this.at));
      this.at += r.written;
      if (r.read === rest.length) return;
      rest = rest.slice(r.read);
      const bigger = new Uint8Array(Math.max(Math.ceil(this.buf.length * 1.5), this.at + rest.length * 3 + 1024));
      bigger.set(this.buf.subarray(0, this.at));
      this.buf = bigger;
    }
  }

  bytes(): Uint8Array {
    // No copy: the capacity never written to was never touched, so it costs address space, not memory.
    return this.buf.subarray(0, this.at);
  }
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
