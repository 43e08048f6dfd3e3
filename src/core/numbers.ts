// Reading figures: what people type into entry cells, and the numbers written in plan text.
import type { EntryValue } from './model';
import { toHalfWidth } from './text';
import { isUncalculatedFormula, UNCALCULATED_REASON } from './formula';
import { CHINESE_DIGITS, CHINESE_NUMERAL_CHARS, SMALL_UNITS } from './chineseNumerals';

export { CHINESE_DIGITS, parseChineseNumeral } from './chineseNumerals';

const DIGITS = CHINESE_DIGITS;

const ZERO = new Set(['零', '〇']);

/**
 * A Chinese numeral as a figure, only in its real written form: 三, 十五, 一百二十, 两千, 三千五百, 一万零五,
 * 一亿二千万. Digit-by-digit strings (一二三, 二〇二三) and clipped forms whose value is a guess (三千五:
 * 3500 or 3005?) are refused with the reason, never read as some number.
 */
function parseChineseFigure(s: string): { ok: true; value: number } | { ok: false; reason: string } {
  const refuse = (why: string) => ({ ok: false as const, reason: `“${s}”${why}` });
  const plain = '不是规范的中文数字（如“一百二十”“两千”“三千五百”），请填写阿拉伯数字';
  if (!s || ![...s].every((ch) => CHINESE_NUMERAL_CHARS.includes(ch))) return refuse(plain);
  if ([...s].every((ch) => ZERO.has(ch))) return s.length === 1 ? { ok: true, value: 0 } : refuse(plain);
  // Two digits side by side (零 aside, which marks a gap) means the digits were read out one by one.
  for (let i = 1; i < s.length; i++) {
    if (s[i] in DIGITS && s[i - 1] in DIGITS && !ZERO.has(s[i]) && !ZERO.has(s[i - 1])) {
      return refuse('是逐位写的中文数字，无法确定数值，请填写阿拉伯数字（如 123）');
    }
    if (i >= 2 && ZERO.has(s[i - 1]) && s[i - 2] in DIGITS && !ZERO.has(s[i - 2])) {
      return refuse('是逐位写的中文数字，无法确定数值，请填写阿拉伯数字（如 2023）');
    }
  }
  /** One part below 万 (or 亿): units strictly falling, 零 only before a digit, a bare ones digit only after 十 or 零. */
  const section = (t: string, first: boolean): number | { clipped: number } | null => {
    let value = 0;
    let lastUnit = Infinity;
    let digit: number | null = null;
    let gap = false;
    for (let i = 0; i < t.length; i++) {
      const ch = t[i];
      if (ZERO.has(ch)) {
        if (i === 0 && first) return null;
        if (i === t.length - 1 || ZERO.has(t[i + 1]) || !(t[i + 1] in DIGITS)) return null;
        gap = true;
      } else if (ch in DIGITS) {
        digit = DIGITS[ch];
      } else {
        const unit = SMALL_UNITS[ch];
        if (unit >= lastUnit) return null;
        if (digit === null) {
          // 十五 = 15: a leading 十 may stand alone.
          if (unit !== 10 || i !== 0 || !first) return null;
          digit = 1;
        }
        value += digit * unit;
        lastUnit = unit;
        digit = null;
      }
    }
    if (digit !== null) {
      if (lastUnit !== Infinity && lastUnit !== 10 && !gap) return { clipped: lastUnit };
      value += digit;
    }
    return value;
  };
  let rest = s;
  let total = 0;
  let first = true;
  for (const [big, mult] of [
    ['亿', 1e8],
    ['万', 1e4],
  ] as const) {
    const at = rest.indexOf(big);
    if (at < 0) continue;
    if (rest.indexOf(big, at + 1) >= 0) return refuse(plain);
    const head = section(rest.slice(0, at), first);
    if (head === null || typeof head === 'object' || head === 0) return refuse(plain);
    total += head * mult;
    rest = rest.slice(at + 1);
    // 一万五 reads as 15000 to some and 10005 to others.
    if (rest.length === 1 && rest in DIGITS && !ZERO.has(rest)) {
      return refuse(`是口语简写，数值不确定，请写完整（如“${s}千”）或填写阿拉伯数字`);
    }
    first = false;
  }
  if (rest === '') return { ok: true, value: total };
  const tail = section(rest, first);
  if (tail !== null && typeof tail === 'object') {
    return refuse(`是口语简写，数值不确定，请写完整（如“${s}${tail.clipped === 1000 ? '百' : '十'}”）或填写阿拉伯数字`);
  }
  if (tail === null) return refuse(plain);
  return { ok: true, value: total + tail };
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
  const m =
    /^([+-]?)(\d+(?:\.\d+)?|\.\d+|[零〇一二两三四五六七八九十百千万亿]+)(万|亿|千)?(%|‰)?([\u3400-\u9fff]{0,4})$/.exec(
      s,
    );
  if (!m) return { ok: false, reason: `无法识别为数字：“${original.trim()}”` };
  const [, sign, num, mult, , unitWord] = m;
  let value: number;
  if (/\d/.test(num)) {
    value = Number(num);
  } else {
    const cn = parseChineseFigure(num);
    if (!cn.ok) return { ok: false, reason: `无法识别为数字：${cn.reason}` };
    value = cn.value;
  }
  if (!Number.isFinite(value)) return { ok: false, reason: `无法识别为数字：“${original.trim()}”` };
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
