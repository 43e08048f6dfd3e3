// Reading figures: what people type into entry cells, and the numbers written in plan text.
import type { EntryValue } from './model';
import { toHalfWidth } from './text';
import { isUncalculatedFormula, UNCALCULATED_REASON } from './formula';

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** Chinese numerals (三, 两, 五百, 一万二千, 十五) to a number; null when it isn't one. */
export function parseChineseNumeral(s: string): number | null {
  if (!s || ![...s].every((ch) => CHINESE_NUMERAL_CHARS.includes(ch))) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else if (ch in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[ch];
      digit = null;
    } else {
      section += digit ?? 0;
      if (section === 0 && total === 0) return null;
      total = (total + section) * BIG_UNITS[ch];
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

export type FigureResult = { ok: true; value: number; text?: string } | { ok: false; reason: string };

const MULTIPLIER: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3 };

/**
 * Reads an entered figure: 8.5万, 3,200, 18%, ３０, 三百, numbers stored as text, a trailing unit word (人, 场次).
 * `text` is the original when it wasn't already a plain number, so callers can record what was typed.
 */
export function parseFigure(input: EntryValue): FigureResult {
  if (input === null || input === undefined) return { ok: false, reason: '未填写' };
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { ok: true, value: input } : { ok: false, reason: '不是有效数字' };
  }
  if (typeof input === 'boolean') return { ok: false, reason: '是逻辑值，不是数字' };
  if (input instanceof Date) return { ok: false, reason: '是日期，不是数字' };
  if (isUncalculatedFormula(input)) return { ok: false, reason: UNCALCULATED_REASON };
  const original = String(input);
  let s = toHalfWidth(original).replace(/[\s\u00a0]/g, '');
  if (s === '') return { ok: false, reason: '未填写' };
  s = s.replace(/，/g, ',');
  // Thousands separators only where they group three digits.
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?/.test(s)) s = s.replace(/,(?=\d{3}(\D|$))/g, '');
  const m = /^([+-]?)(\d+(?:\.\d+)?|\.\d+|[零〇一二两三四五六七八九十百千万亿]+)(万|亿|千)?(%|‰)?([\u3400-\u9fff]{0,4})$/.exec(s);
  if (!m) return { ok: false, reason: `无法识别为数字：“${original.trim()}”` };
  const [, sign, num, mult, , unitWord] = m;
  let value = /\d/.test(num) ? Number(num) : parseChineseNumeral(num);
  if (value === null || !Number.isFinite(value)) return { ok: false, reason: `无法识别为数字：“${original.trim()}”` };
  if (unitWord && /[零〇一二两三四五六七八九十百千万亿]/.test(unitWord[0])) {
    return { ok: false, reason: `无法识别为数字：“${original.trim()}”` };
  }
  if (mult) value *= MULTIPLIER[mult];
  if (sign === '-') value = -value;
  // Floating error from 8.5 * 1e4 and the like.
  value = Number(value.toPrecision(12));
  const plain = typeof input === 'string' && /^-?\d+(\.\d+)?$/.test(original.trim());
  return plain ? { ok: true, value } : { ok: true, value, text: original };
}

/** Formats a figure the way the plan writes it: 220000 → "22万", 3.4 → "3.4". */
export function formatFigure(value: number): string {
  const abs = Math.abs(value);
  const fmt = (v: number) => String(Number(v.toPrecision(15)));
  if (abs >= 1e8 && abs % 1e6 === 0) return fmt(value / 1e8) + '亿';
  if (abs >= 1e4 && abs % 100 === 0) return fmt(value / 1e4) + '万';
  return fmt(value);
}
