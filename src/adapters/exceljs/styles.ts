// Layout-model styles → ExcelJS styles. One ExcelJS style object per layout style, shared by its cells.
import type * as ExcelJS from 'exceljs';
import type { CellStyle } from '../../core/layout/types';

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

/** GB2312 charset on CJK font names helps Excel and WPS pick a Chinese substitute when the font is absent. */
function charsetFor(name: string | undefined): number | undefined {
  return name && /[\u4e00-\u9fff]/.test(name) ? 134 : undefined;
}

function familyFor(name: string | undefined): number | undefined {
  if (!name) return undefined;
  if (/黑体|Hei|Sans/i.test(name)) return 2;
  if (/宋|仿宋|楷|Song|Serif/i.test(name)) return 1;
  return undefined;
}

/** Converts one layout style to an ExcelJS style. */
function toExcelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (s.font) {
    const font: Partial<ExcelJS.Font> = {};
    if (s.font.name) font.name = s.font.name;
    if (s.font.size) font.size = s.font.size;
    if (s.font.bold) font.bold = true;
    if (s.font.color) font.color = { argb: `FF${s.font.color}` };
    const charset = charsetFor(s.font.name);
    if (charset) font.charset = charset;
    // Family hint (1 serif, 2 sans): LibreOffice uses it to pick a substitute (Noto Serif/Sans CJK).
    const family = familyFor(s.font.name);
    if (family) font.family = family;
    out.font = font;
  }
  if (s.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${s.fill}` } };
  if (s.border) out.border = { top: thin, left: thin, bottom: thin, right: thin };
  if (s.horizontal || s.vertical || s.wrap || s.indent) {
    out.alignment = {
      ...(s.horizontal ? { horizontal: s.horizontal } : {}),
      ...(s.indent ? { indent: s.indent } : {}),
      ...(s.vertical ? { vertical: s.vertical } : {}),
      ...(s.wrap ? { wrapText: true } : {}),
    };
  }
  if (s.numFmt) out.numFmt = s.numFmt;
  if (s.locked === false) out.protection = { locked: false };
  return out;
}

/** Converts a style table, memoised per key. */
export function styleTable(
  styles: Record<string, CellStyle>,
): (key: string | undefined) => Partial<ExcelJS.Style> | undefined {
  const cache = new Map<string, Partial<ExcelJS.Style>>();
  return (key) => {
    if (key === undefined) return undefined;
    let st = cache.get(key);
    if (!st) {
      const def = styles[key];
      if (!def) throw new Error(`layout style '${key}' is not defined`);
      st = toExcelStyle(def);
      cache.set(key, st);
    }
    return st;
  };
}
