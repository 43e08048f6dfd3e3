// 序号 as people write it: 1, 1., 1、, （1）, ①, 一、, （一）, 一是, 第1项. A cell that isn't one says why.
import { toHalfWidth } from '../../text';
import { CHINESE_DIGITS } from '../../numbers';

/** Largest 序号 an item may have: indicator ids are "<序号>.<k>", and longer numbers are codes or years. */
const MAX_ITEM_NO = 9999;

const DIGIT = CHINESE_DIGITS;
const NUMERAL = '[零〇一二两三四五六七八九十百千]+';

/** A Chinese numeral as written in a heading (十一, 二十三, 一百零五), or NaN. */
export function chineseNumeral(s: string): number {
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in DIGIT) {
      if (digit > 0 && DIGIT[ch] !== 0) return NaN; // "一二" is digits in a row, not a numeral
      digit = DIGIT[ch];
      continue;
    }
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : 0;
    if (!unit) return NaN;
    total += (digit < 0 ? 1 : digit) * unit;
    digit = -1;
  }
  return total + (digit > 0 ? digit : 0);
}

const FORMS: RegExp[] = [
  /^(\d+)[.、,，)）:：]?$/,
  /^[(（](\d+)[)）]$/,
  new RegExp(`^[(（]?(${NUMERAL})[)）]?[、.,，:：]?$`),
  new RegExp(`^(${NUMERAL})是$`),
  new RegExp(`^第(\\d+|${NUMERAL})[项条个]?$`),
];

export type ItemNo = { no: number } | { reason: string };

/** Reads a 序号 cell: its number, a reason it can't be one, or null when the cell is empty. */
export function readItemNo(raw: string | undefined): ItemNo | null {
  const text = toHalfWidth(raw ?? '').replace(/\s+/g, '');
  if (!text) return null;
  let n = NaN;
  const circled = text.length === 1 ? text.charCodeAt(0) - 0x2460 : -1;
  if (circled >= 0 && circled < 20) n = circled + 1; // ①…⑳
  for (const re of FORMS) {
    if (!Number.isNaN(n)) break;
    const m = re.exec(text);
    if (m) n = /^\d+$/.test(m[1]) ? Number(m[1]) : chineseNumeral(m[1]);
  }
  const shown = text.length > 12 ? `${text.slice(0, 12)}…` : text;
  if (Number.isNaN(n)) return { reason: `序号“${shown}”不是编号（可写作 1、1.、1、（1）、一、一是）` };
  if (n === 0) return { reason: '序号为0（序号应从1开始）' };
  if (n > MAX_ITEM_NO) return { reason: `序号${shown}超过${MAX_ITEM_NO}，不像事项序号` };
  return { no: n };
}
