// What kind of file a plan came in, by its first bytes (not its name), and its text in whatever encoding it was
// saved: UTF-8 with or without BOM, UTF-16 (Excel's "Unicode 文本"), GB18030/GBK (a Chinese Windows' "ANSI").
// Formats Tuijin can't read get a Chinese sentence saying what to do instead.
import { InputError } from '../../model';
import { inspectZip } from '../../zipGuard';

export type PlanFileKind = { kind: 'text'; text: string; notes: string[] } | { kind: 'docx' } | { kind: 'xlsx' };

const ext = (name: string) => (/\.([A-Za-z0-9]+)$/.exec(name)?.[1] ?? '').toLowerCase();

const startsWith = (b: Uint8Array, ...sig: number[]) => sig.every((x, i) => b[i] === x);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** Does an OLE compound file (old Office) hold a stream of this name? Directory names are UTF-16LE. */
function hasStream(b: Uint8Array, stream: string): boolean {
  const pat = Array.from(stream).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pat.length <= b.length; i++) {
    for (let k = 0; k < pat.length; k++) if (b[i + k] !== pat[k]) continue outer;
    return true;
  }
  return false;
}

function refuseOle(b: Uint8Array, name: string): never {
  const e = ext(name);
  if (hasStream(b, 'EncryptionInfo')) {
    throw new InputError(
      '文件设置了打开密码，无法读取。请在 Word 或 Excel 中去掉密码（文件 → 信息 → 保护）后另存，再读取 (password-protected file)',
      name,
      '文件设置了打开密码，无法读取。请在 Word 或 Excel 中去掉密码（文件 → 信息 → 保护）后另存，再读取',
    );
  }
  if (e === 'wps')
    throw new InputError(
      '这是 WPS 文字的 .wps 格式，请在 WPS 中另存为 .docx，再读取 (WPS .wps format: save as .docx)',
      name,
      '这是 WPS 文字的 .wps 格式，请在 WPS 中另存为 .docx，再读取',
    );
  if (e === 'et')
    throw new InputError(
      '这是 WPS 表格的 .et 格式，请在 WPS 中另存为 .xlsx，再读取 (WPS .et format: save as .xlsx)',
      name,
      '这是 WPS 表格的 .et 格式，请在 WPS 中另存为 .xlsx，再读取',
    );
  if (hasStream(b, 'WordDocument') || e === 'doc') {
    throw new InputError(
      '这是 .doc 旧格式，请在 Word 中另存为 .docx（文件 → 另存为 → Word 文档），再读取 (old .doc format: save as .docx in Word)',
      name,
      '这是 .doc 旧格式，请在 Word 中另存为 .docx（文件 → 另存为 → Word 文档），再读取',
    );
  }
  if (hasStream(b, 'Workbook') || hasStream(b, 'Book') || e === 'xls') {
    throw new InputError(
      '这是 .xls 旧格式，请在 Excel 中另存为 .xlsx（Excel 工作簿），再读取 (old .xls format: save as .xlsx in Excel)',
      name,
      '这是 .xls 旧格式，请在 Excel 中另存为 .xlsx（Excel 工作簿），再读取',
    );
  }
  throw new InputError(
    '这是旧版 Office 格式的文件，请另存为 .docx 或 .xlsx，再读取 (old Office format)',
    name,
    '这是旧版 Office 格式的文件，请另存为 .docx 或 .xlsx，再读取',
  );
}

/** The kind of a plan file from its bytes; refuses, in Chinese, what can't be a plan. `name` names it. */
export function sniffPlanFile(b: Uint8Array, name: string): PlanFileKind {
  if (b.length === 0) throw new InputError('文件是空的 (file is empty)', name, '文件是空的');
  if (startsWith(b, 0x50, 0x4b, 0x03, 0x04)) {
    const entries = inspectZip(b, name).entries.map((e) => e.name.replace(/^\//, '').toLowerCase());
    // Word may name its main part document2.xml; the package's relationships say which it is.
    if (entries.some((n) => /^word\/[^/]+\.xml$/.test(n))) return { kind: 'docx' };
    if (entries.includes('xl/workbook.xml')) return { kind: 'xlsx' };
    if (entries.includes('mimetype') && entries.includes('content.xml')) {
      throw new InputError(
        '这是 OpenDocument（.odt/.ods）文件，请在 WPS、Word 或 LibreOffice 中另存为 .docx 或 .xlsx，再读取 (OpenDocument: save as .docx or .xlsx)',
        name,
        '这是 OpenDocument（.odt/.ods）文件，请在 WPS、Word 或 LibreOffice 中另存为 .docx 或 .xlsx，再读取',
      );
    }
    if (entries.some((n) => n === 'ofd.xml'))
      throw new InputError(
        '这是 OFD 版式文件，无法读取其中的表格。请用计划表原来的 Word 文件 (OFD file)',
        name,
        '这是 OFD 版式文件，无法读取其中的表格。请用计划表原来的 Word 文件',
      );
    throw new InputError(
      '这是一个压缩包，不是 Word 或 Excel 文件。请先解压，再选择其中的计划表文件 (a zip archive, not .docx or .xlsx)',
      name,
      '这是一个压缩包，不是 Word 或 Excel 文件。请先解压，再选择其中的计划表文件',
    );
  }
  if (startsWith(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) refuseOle(b, name);
  if (ascii(b, 0, 5) === '%PDF-') {
    throw new InputError(
      '这是 PDF 文件，无法直接读取其中的表格。请用计划表原来的 Word 文件；或在 PDF 阅读器中选中整个表格复制，改用粘贴计划文本 (PDF: use the Word file, or paste the table as text)',
      name,
      '这是 PDF 文件，无法直接读取其中的表格。请用计划表原来的 Word 文件；或在 PDF 阅读器中选中整个表格复制，改用粘贴计划文本',
    );
  }
  const image =
    startsWith(b, 0x89, 0x50, 0x4e, 0x47) ||
    startsWith(b, 0xff, 0xd8, 0xff) ||
    ascii(b, 0, 4) === 'GIF8' ||
    (ascii(b, 0, 2) === 'BM' && b.length > 26 && ['bmp', 'dib'].includes(ext(name))) ||
    startsWith(b, 0x49, 0x49, 0x2a, 0x00) ||
    startsWith(b, 0x4d, 0x4d, 0x00, 0x2a) ||
    (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') ||
    (ascii(b, 4, 8) === 'ftyp' && /^(heic|heix|mif1|avif)$/.test(ascii(b, 8, 12)));
  if (image)
    throw new InputError(
      '这是图片，无法识别其中的表格。请用计划表原来的 Word 或 Excel 文件，或把表格复制后改用粘贴计划文本 (an image: use the Word or Excel file)',
      name,
      '这是图片，无法识别其中的表格。请用计划表原来的 Word 或 Excel 文件，或把表格复制后改用粘贴计划文本',
    );
  if (ascii(b, 0, 5) === '{\\rtf')
    throw new InputError(
      '这是 RTF 格式，请在 Word 中另存为 .docx，再读取 (RTF: save as .docx)',
      name,
      '这是 RTF 格式，请在 Word 中另存为 .docx，再读取',
    );
  const { text, notes } = decodeText(b, name);
  const head = text.slice(0, 400).trimStart();
  if (/^(<!doctype html|<html|<\?xml|mime-version:)/i.test(head)) {
    throw new InputError(
      '这是网页或 XML 格式的文件，请在 Word 中打开后另存为 .docx，再读取 (HTML/XML: save as .docx)',
      name,
      '这是网页或 XML 格式的文件，请在 Word 中打开后另存为 .docx，再读取',
    );
  }
  return { kind: 'text', text, notes };
}

function decoder(encoding: string) {
  return new TextDecoder(encoding, { fatal: true });
}

/** Control characters other than tab and line breaks: few in text, many in binary files. */
function looksBinary(text: string): boolean {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++;
  }
  return bad > 0 && bad >= text.length / 100;
}

/** Text of a plan file in its encoding, with a note when it wasn't UTF-8. */
export function decodeText(b: Uint8Array, name: string): { text: string; notes: string[] } {
  const notBinary = (text: string) => {
    if (looksBinary(text))
      throw new InputError(
        '这不是文本文件，也不是 Word（.docx）或 Excel（.xlsx）文件，无法读取 (not a text, .docx or .xlsx file)',
        name,
        '这不是文本文件，也不是 Word（.docx）或 Excel（.xlsx）文件，无法读取',
      );
    return text;
  };
  const utf16 = '文件是 UTF-16（Unicode）编码的文本，已按 UTF-16 读取';
  try {
    if (startsWith(b, 0xef, 0xbb, 0xbf)) return { text: notBinary(decoder('utf-8').decode(b.subarray(3))), notes: [] };
    if (startsWith(b, 0xff, 0xfe))
      return { text: notBinary(decoder('utf-16le').decode(b.subarray(2))), notes: [utf16] };
    if (startsWith(b, 0xfe, 0xff))
      return { text: notBinary(decoder('utf-16be').decode(b.subarray(2))), notes: [utf16] };
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(
      '文件的文字编码有误，无法读取。请另存为“UTF-8”编码的文本，再读取 (invalid text encoding)',
      name,
      '文件的文字编码有误，无法读取。请另存为“UTF-8”编码的文本，再读取',
    );
  }
  // UTF-16 without a byte order mark: ASCII (tabs, line ends, digits) has a 0 byte on one side; 8-bit text has none.
  const sample = b.subarray(0, 4000);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample.length; i++)
    if (sample[i] === 0 && i % 2) oddZero++;
    else if (sample[i] === 0) evenZero++;
  const half = sample.length / 2;
  for (const [zeros, other, enc] of [
    [oddZero, evenZero, 'utf-16le'],
    [evenZero, oddZero, 'utf-16be'],
  ] as const) {
    if (zeros >= Math.max(2, half * 0.02) && zeros > 4 * other && b.length % 2 === 0) {
      try {
        return { text: notBinary(decoder(enc).decode(b)), notes: [utf16] };
      } catch {
        /* not UTF-16 after all */
      }
    }
  }
  try {
    return { text: notBinary(decoder('utf-8').decode(b)), notes: [] };
  } catch {
    /* not UTF-8: a Chinese Windows saves text as GBK */
  }
  try {
    return { text: notBinary(decoder('gb18030').decode(b)), notes: ['文件是 GBK 编码的文本，已按 GBK 读取'] };
  } catch (e) {
    if (e instanceof InputError) throw e;
  }
  throw new InputError(
    '这不是文本文件，也不是 Word（.docx）或 Excel（.xlsx）文件，无法读取 (not a text, .docx or .xlsx file)',
    name,
    '这不是文本文件，也不是 Word（.docx）或 Excel（.xlsx）文件，无法读取',
  );
}
