// Looks at a zip's central directory before anything unpacks it: refuses non-zips, truncated files,
// files that aren't workbooks, and archives that would unpack to more than a limit (zip bombs).
// Reads only the directory, so it costs microseconds even for big files.
import { InputError } from './model';

/** Largest total unpacked size we open (50 MB). */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

/** One entry of a zip's central directory. */
interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** What inspectZip found: entries and their declared unpacked total. */
export interface ZipSummary {
  entries: ZipEntryInfo[];
  totalUncompressed: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Deflate can't compress better than about 1032:1; a larger declared ratio is a lie. */
const MAX_RATIO = 1100;

function decodeName(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  try {
    return decodeURIComponent(escape(s));
  } catch {
    return s;
  }
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function isCompoundFile(data: Uint8Array): boolean {
  return data.length >= 512 && CFB_MAGIC.every((b, i) => data[i] === b);
}

/** Whether a stream name (UTF-16LE in a compound file's directory) occurs in the file. */
function hasUtf16Name(data: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let i = 0; i + name.length * 2 <= data.length; i++) {
    if (data[i] !== first || data[i + 1] !== 0) continue;
    for (let k = 1; k < name.length; k++)
      if (data[i + 2 * k] !== name.charCodeAt(k) || data[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/** Reads the central directory of `data`; throws InputError in plain words when it isn't a sound zip
 *  or would unpack to more than `maxUnpacked` bytes. `where` names the file in messages. */
export function inspectZip(data: Uint8Array, where?: string, maxUnpacked = MAX_UNPACKED_BYTES): ZipSummary {
  if (data.length === 0) throw new InputError('file is empty', where, '文件是空的');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  requireZip(data, view, where);
  const zip: Zip = {
    data,
    view,
    truncated: () =>
      new InputError(
        'the .xlsx file is truncated or damaged (its zip directory is incomplete)',
        where,
        '文件已损坏或不完整，无法读取',
      ),
  };
  const { count, cdOffset } = centralDirectory(zip);
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    const { entry, length } = centralEntry(zip, p, cdOffset, where);
    total += entry.uncompressedSize;
    if (total > maxUnpacked) {
      const mb = Math.ceil(maxUnpacked / 1024 / 1024);
      throw new InputError(
        `refusing to open: the .xlsx would unpack to more than ${mb} MB (possible zip bomb)`,
        where,
        `文件解压后超过 ${mb} MB，为安全起见拒绝打开`,
      );
    }
    entries.push(entry);
    p += length;
  }
  return { entries, totalUncompressed: total };
}

/** The bytes being inspected, and the one error every damaged directory gives. */
interface Zip {
  data: Uint8Array;
  view: DataView;
  truncated: () => InputError;
}

/** Refuses what isn't a zip: an encrypted workbook, an old .xls, anything else. */
function requireZip(data: Uint8Array, view: DataView, where: string | undefined) {
  const startsLikeZip = data.length >= 4 && view.getUint32(0, true) === LOCAL;
  if (!startsLikeZip && isCompoundFile(data)) {
    // Excel saves a workbook with an open password as an OLE compound file holding the encrypted package.
    if (hasUtf16Name(data, 'EncryptedPackage')) {
      throw new InputError(
        'the workbook is password-protected (encrypted); remove the open password and save it again',
        where,
        '文件有打开密码，请在 Excel 中去掉打开密码（文件→信息→保护工作簿→用密码进行加密，清空密码）并保存后再试',
      );
    }
    throw new InputError(
      'an old-format Excel file (.xls), not .xlsx',
      where,
      '这是旧版 Excel 文件（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再试',
    );
  }
  if (!startsLikeZip)
    throw new InputError(
      'not an .xlsx workbook (the file is not a zip archive)',
      where,
      '这不是有效的 Excel 工作簿（.xlsx），无法读取',
    );
}

/** Where the central directory is and how many entries it holds (zip64 records too). */
function centralDirectory({ data, view, truncated }: Zip): { count: number; cdOffset: number } {
  // The end-of-central-directory record sits in the last 22..65557 bytes.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw truncated();

  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== EOCD64_LOCATOR) throw truncated();
    const rec = Number(view.getBigUint64(loc + 8, true));
    if (rec + 56 > data.length || view.getUint32(rec, true) !== EOCD64) throw truncated();
    count = Number(view.getBigUint64(rec + 32, true));
    cdSize = Number(view.getBigUint64(rec + 40, true));
    cdOffset = Number(view.getBigUint64(rec + 48, true));
  }
  if (cdOffset + cdSize > data.length || count > data.length / 46) throw truncated();
  return { count, cdOffset };
}

/** The central directory entry at `p`, checked against its local header and a deflate ratio no real file
 *  exceeds; `length` is the entry's size in the directory. */
function centralEntry(zip: Zip, p: number, cdOffset: number, where: string | undefined) {
  const { data, view, truncated } = zip;
  if (p + 46 > data.length || view.getUint32(p, true) !== CENTRAL) throw truncated();
  const nameLen = view.getUint16(p + 28, true);
  const extraLen = view.getUint16(p + 30, true);
  const commentLen = view.getUint16(p + 32, true);
  if (p + 46 + nameLen + extraLen > data.length) throw truncated();
  const name = decodeName(data.subarray(p + 46, p + 46 + nameLen));
  const { compressedSize, uncompressedSize, localOffset } = entrySizes(zip, p, p + 46 + nameLen, extraLen);
  if (localOffset + 30 > data.length || view.getUint32(localOffset, true) !== LOCAL) throw truncated();
  if (localOffset + compressedSize > cdOffset) throw truncated();
  if (uncompressedSize > MAX_RATIO * Math.max(compressedSize, 1) + 1024) {
    throw new InputError(
      `the .xlsx file is damaged (entry ${name} claims an impossible size)`,
      where,
      '文件已损坏或不完整，无法读取',
    );
  }
  return { entry: { name, compressedSize, uncompressedSize }, length: 46 + nameLen + extraLen + commentLen };
}

/** An entry's sizes and local header offset; zip64 ones live in extra field 0x0001, in the order of the
 *  fields that overflowed. */
function entrySizes({ view, truncated }: Zip, p: number, extra: number, extraLen: number) {
  let compressedSize = view.getUint32(p + 20, true);
  let uncompressedSize = view.getUint32(p + 24, true);
  let localOffset = view.getUint32(p + 42, true);
  if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
    let e = extra;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = view.getUint16(e, true);
      const size = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        const next = () => {
          const v = q + 8 <= e + 4 + size ? Number(view.getBigUint64(q, true)) : NaN;
          q += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      e += 4 + size;
    }
    if (![uncompressedSize, compressedSize, localOffset].every(Number.isFinite)) throw truncated();
  }
  return { compressedSize, uncompressedSize, localOffset };
}

/** inspectZip plus: the archive must be an Excel workbook (have xl/workbook.xml). */
export function guardXlsx(data: Uint8Array, where?: string, maxUnpacked = MAX_UNPACKED_BYTES): ZipSummary {
  const summary = inspectZip(data, where, maxUnpacked);
  if (!summary.entries.some((e) => e.name.replace(/^\//, '').toLowerCase() === 'xl/workbook.xml')) {
    throw new InputError(
      'not an .xlsx workbook (a zip archive without xl/workbook.xml)',
      where,
      '这不是有效的 Excel 工作簿（.xlsx），无法读取',
    );
  }
  return summary;
}
