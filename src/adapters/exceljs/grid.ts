// A values-only .xlsx reader (JSZip + a small XML scanner). `check` reads only values, and ExcelJS's full
// model load (styles, merges, validations for every cell) costs several times more than the values.
// Gives the same grid as gridOf(ExcelJS workbook): shared/inline/rich strings joined, formulas as their
// cached results, date-formatted numbers as 'YYYY-MM-DD', booleans, errors as their text.
import JSZip from 'jszip';
import type { CellValue, GridSheet, WorkbookGrid } from '../../core/layout/types';
import { InputError } from '../../core/model';
import { guardXlsx, MAX_UNPACKED_BYTES } from '../../core/zipGuard';
import { BUILTIN_PERCENT_IDS, isPercentFormat } from '../../core/layout/numberFormat';

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('_x') < 0) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return ENTITY[e] ?? m;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? decode(m[1]) : undefined;
}

/** Text of all <t> runs in a string item, phonetic guides (<rPh>) left out. */
function runsText(xml: string): string {
  const body = xml.indexOf('<rPh') >= 0 ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) out += m[1];
  return decode(out);
}

/** Built-in number formats that are dates or times. */
const BUILTIN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateCode(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ymdhsb]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Style indexes (cellXfs) whose number format shows a date, and those showing a percentage. */
function formatStyles(xml: string | null): { dates: Set<number>; percents: Set<number> } {
  const out = new Set<number>();
  const percents = new Set<number>();
  if (!xml) return { dates: out, percents };
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attr(m[1], 'numFmtId'));
    const code = attr(m[1], 'formatCode') ?? '';
    custom.set(id, code);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  let i = 0;
  for (const m of xfs.matchAll(/<xf\b([^>]*?)(\/>|>)/g)) {
    const id = Number(attr(m[1], 'numFmtId') ?? '0');
    const code = custom.get(id);
    if (code !== undefined ? isDateCode(code) : BUILTIN_DATE.has(id)) out.add(i);
    if (code !== undefined ? isPercentFormat(code) : BUILTIN_PERCENT_IDS.has(id)) percents.add(i);
    i++;
  }
  return { dates: out, percents };
}

function serialToIso(serial: number, date1904: boolean): string {
  // Excel's 1900 system counts the fictitious 1900-02-29, hence the 25569 offset for serials after it.
  const days = date1904 ? serial + 24107 : serial - 25569;
  const d = new Date(Math.round(days * 86400) * 1000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function colIndex(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    c = c * 26 + (code - 64);
  }
  return c - 1;
}

function resolve(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

interface ChunkStream {
  on(evt: 'data', fn: (chunk: Uint8Array) => void): ChunkStream;
  on(evt: 'end' | 'error', fn: (e?: unknown) => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
}

/** Unpacking budget shared by the entries of one archive: the directory's sizes can lie, so real
 *  bytes are counted while inflating and the entry is dropped as soon as the budget is spent. */
export class UnpackBudget {
  private used = 0;
  constructor(private readonly where?: string, private readonly limit = MAX_UNPACKED_BYTES) {}

  /** Inflates one entry, counting its real size; `keep` false only counts. */
  inflate(file: JSZip.JSZipObject, keep = true): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let size = 0;
      let settled = false;
      const stream = (file as unknown as { internalStream(t: 'uint8array'): ChunkStream }).internalStream('uint8array');
      stream.on('data', (chunk) => {
        if (settled) return;
        size += chunk.length;
        this.used += chunk.length;
        if (this.used > this.limit) {
          settled = true;
          stream.pause();
          const mb = Math.ceil(this.limit / 1024 / 1024);
          reject(new InputError(`refusing to open: the .xlsx unpacks to more than ${mb} MB (possible zip bomb)`, this.where, `文件解压后超过 ${mb} MB，为安全起见拒绝打开`));
          return;
        }
        if (keep) chunks.push(chunk);
      });
      stream.on('error', (e) => {
        if (settled) return;
        settled = true;
        reject(e);
      });
      stream.on('end', () => {
        if (settled) return;
        settled = true;
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

/** Inflates every entry once, counting real sizes (for readers that unpack everything, like ExcelJS). */
export async function checkUnpackedSizes(data: Uint8Array, where?: string): Promise<void> {
  const zip = await JSZip.loadAsync(data);
  const budget = new UnpackBudget(where);
  for (const f of Object.values(zip.files)) if (!f.dir) await budget.inflate(f, false);
}

const utf8 = new TextDecoder('utf-8');

async function text(zip: JSZip, path: string, budget: UnpackBudget): Promise<string | null> {
  const f = zip.file(path) ?? zip.file(Object.keys(zip.files).find((k) => k.toLowerCase() === path.toLowerCase()) ?? '');
  return f ? utf8.decode(await budget.inflate(f)) : null;
}

function readSheet(
  xml: string,
  shared: string[],
  { dates, percents }: { dates: Set<number>; percents: Set<number> },
  date1904: boolean,
): Pick<GridSheet, 'rows' | 'rowHeights' | 'percentCells'> {
  const rows: CellValue[][] = [];
  const rowHeights: Record<number, number> = {};
  const percentCells: [number, number][] = [];
  const start = xml.indexOf('<sheetData');
  const end = xml.indexOf('</sheetData>');
  if (start < 0 || end < 0) return { rows, rowHeights, percentCells };
  const data = xml.slice(start, end);
  const rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  let nextRow = 1;
  for (let rm = rowRe.exec(data); rm; rm = rowRe.exec(data)) {
    const r = Number(attr(rm[1], 'r') ?? nextRow);
    nextRow = r + 1;
    const ht = attr(rm[1], 'ht');
    if (ht !== undefined && Number(ht) > 0) rowHeights[r] = Number(ht);
    const body = rm[2];
    if (!body) continue;
    const out: CellValue[] = [];
    let nextCol = 0;
    cellRe.lastIndex = 0;
    for (let cm = cellRe.exec(body); cm; cm = cellRe.exec(body)) {
      const a = cm[1];
      const ref = attr(a, 'r');
      const c = ref ? colIndex(ref) : nextCol;
      nextCol = c + 1;
      const inner = cm[2] ?? '';
      const t = attr(a, 't') ?? 'n';
      const vm = /<v>([\s\S]*?)<\/v>/.exec(inner);
      const v = vm ? decode(vm[1]) : null;
      let value: CellValue = null;
      if (t === 'inlineStr') value = runsText(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '');
      else if (v === null) value = null;
      else if (t === 's') value = shared[Number(v)] ?? null;
      else if (t === 'str' || t === 'e') value = v;
      else if (t === 'b') value = v === '1' || v === 'true';
      else if (t === 'd') value = v.slice(0, 10);
      else {
        const n = Number(v);
        const s = Number(attr(a, 's') ?? '0');
        value = Number.isFinite(n) ? (dates.has(s) ? serialToIso(n, date1904) : n) : v;
        if (typeof value === 'number' && percents.has(s)) percentCells.push([r, c + 1]);
      }
      // Empty strings and styled blanks are no value, as ExcelJS reports them; rows end at their last value.
      if (value !== null && value !== '') out[c] = value;
    }
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
    if (out.length > 0) rows[r - 1] = out;
  }
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return { rows, rowHeights, percentCells };
}

/** Reads .xlsx bytes into a WorkbookGrid, values only (zip guard first; truncated, fake or oversized
 *  files → InputError in plain words). */
export async function readGridFast(data: Uint8Array, where?: string): Promise<WorkbookGrid> {
  guardXlsx(data, where);
  const bad = (why: string) => new InputError(`not a readable .xlsx workbook (${why})`, where, '这不是有效的 Excel 工作簿（.xlsx），无法读取');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (e) {
    throw bad(e instanceof Error ? e.message.split('\n')[0].slice(0, 120) : String(e));
  }
  const budget = new UnpackBudget(where);
  const read = (p: string) => text(zip, p, budget);
  try {
    const book = await read('xl/workbook.xml');
    if (!book || !/<workbook\b/.test(book)) throw bad('xl/workbook.xml is not a workbook');
    const rels = (await read('xl/_rels/workbook.xml.rels')) ?? '';
    const targets = new Map<string, { target: string; type: string }>();
    for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      targets.set(attr(m[1], 'Id') ?? '', { target: attr(m[1], 'Target') ?? '', type: attr(m[1], 'Type') ?? '' });
    }
    const sharedRel = [...targets.values()].find((t) => t.type.endsWith('/sharedStrings'));
    const stylesRel = [...targets.values()].find((t) => t.type.endsWith('/styles'));
    const sharedXml = await read(sharedRel ? resolve(sharedRel.target) : 'xl/sharedStrings.xml');
    const shared: string[] = [];
    if (sharedXml) for (const m of sharedXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) shared.push(m[1] ? runsText(m[1]) : '');
    const formats = formatStyles(await read(stylesRel ? resolve(stylesRel.target) : 'xl/styles.xml'));
    const date1904 = /<workbookPr\b[^>]*date1904="(1|true)"/.test(book);

    const sheets: GridSheet[] = [];
    for (const m of book.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
      const name = attr(m[1], 'name') ?? '';
      const state = (attr(m[1], 'state') ?? 'visible') as GridSheet['state'];
      const rel = targets.get(attr(m[1], 'r:id') ?? '');
      if (!rel || !rel.type.endsWith('/worksheet')) continue; // chart sheets and the like hold no cells
      const xml = await read(resolve(rel.target));
      if (xml === null) throw bad(`sheet ${name} is missing from the file`);
      sheets.push({ name, state, ...readSheet(xml, shared, formats, date1904) });
    }
    return { sheets };
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw bad(e instanceof Error ? e.message.split('\n')[0].slice(0, 120) : String(e));
  }
}
