// Chinese numerals: the one table of digits and the plain reader. Dependency-free, so the pane's first paint
// (the period table reads month names with it) doesn't carry the figure readers of numbers.ts.

/** The Chinese digits and their values (两 and 〇 included); every reader of Chinese numerals uses this one table. */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const DIGITS = CHINESE_DIGITS;
export const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
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
