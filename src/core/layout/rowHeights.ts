// Row heights computed from text: LibreOffice (and Excel for merged cells) won't grow a wrapped row
// by itself, so every wrapped row gets an explicit height that fits its text.
import { DIGIT_PX, textPx } from './excelUnits';

/** Safety margin on measured text width: fonts differ between hosts (仿宋 vs Noto Serif CJK); LibreOffice fits a
 *  little more per line than this assumes, Excel about as much. */
const SLACK = 1.02;
/** Width of one indent step (CellStyle.indent) in pixels: a character of the default font (Calibri 11: 7 px). */
const INDENT_PX = DIGIT_PX;

/** True for characters drawn full-width (CJK, full-width forms, CJK punctuation, symbols we use). */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2460 && cp <= 0x27bf) || // circled numbers, shapes ●▲✖
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp === 0x2014 ||
    cp === 0x2026 ||
    cp === 0x201c ||
    cp === 0x201d ||
    cp === 0x2018 ||
    cp === 0x2019 ||
    cp >= 0x20000
  );
}

/** Pixel width of one character at `fontSize` points. */
function charPx(cp: number, fontSize: number): number {
  const em = (fontSize * 96) / 72;
  return isWide(cp) ? em : em * 0.55;
}

/** Lines `text` wraps to in a column `widthChars` wide (Excel width units) at `fontSize` points. */
export function linesNeeded(text: string, widthChars: number, fontSize: number, indent = 0): number {
  if (text === '') return 1;
  const avail = Math.max(textPx(widthChars) - indent * INDENT_PX, 8);
  const wide = charPx(0x4e00, fontSize) * SLACK;
  const narrow = charPx(0x41, fontSize) * SLACK;
  let lines = 1;
  let line = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      lines++;
      line = 0;
      continue;
    }
    if (code === 13 || (code >= 0xdc00 && code <= 0xdfff)) continue; // CR; low half of a surrogate pair
    const w = code >= 0xd800 && code <= 0xdbff ? wide : isWide(code) ? wide : narrow;
    if (line + w > avail && line > 0) {
      lines++;
      line = 0;
    }
    line += w;
  }
  return lines;
}

/** Height in points of `lines` lines at `fontSize` (CJK fonts need about 1.45 em per line). */
export function heightForLines(lines: number, fontSize: number): number {
  return Math.ceil((lines * fontSize * 1.45 + 5) * 4) / 4;
}

/** Largest row height Excel accepts, in points. */
export const MAX_ROW_HEIGHT = 409;

/** Height in points that fits `text` wrapped in a column `widthChars` wide. */
export function heightForText(text: string, widthChars: number, fontSize: number, indent = 0): number {
  return Math.min(MAX_ROW_HEIGHT, heightForLines(linesNeeded(text, widthChars, fontSize, indent), fontSize));
}

/** Spreads the height a merged block needs over its rows: each row keeps at least its own need,
 *  and any shortfall is shared evenly. Returns the heights in row order. */
export function spreadHeights(ownNeeds: number[], blockNeed: number): number[] {
  const sum = ownNeeds.reduce((a, b) => a + b, 0);
  if (sum >= blockNeed || ownNeeds.length === 0) return ownNeeds.slice();
  const extra = (blockNeed - sum) / ownNeeds.length;
  return ownNeeds.map((h) => Math.min(MAX_ROW_HEIGHT, Math.ceil((h + extra) * 4) / 4));
}
