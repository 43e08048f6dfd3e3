// Reading an entered figure for one indicator, the way a clerk types it: remarks around the figure
// ("约10场", "5000+", "13处（主体完工）"), a unit word that must match the indicator's unit, and
// percentages as spreadsheets store them (a 22% cell holds 0.22). Plain figure syntax is numbers.ts's job.
import type { EntryValue, Indicator } from './model';
import { formatFigure, parseFigure } from './numbers';
import { toHalfWidth } from './text';
import { isUncalculatedFormula, UNCALCULATED_REASON } from './formula';

/** What one entry cell gives for an indicator. `notes` say how the figure was read when that isn't obvious. */
export interface FigureReading {
  value: number | null;
  /** Why it can't be used (数据有误), or null. */
  error: string | null;
  notes: string[];
  /** The words around the figure, kept for 说明 / 进展情况 ("约", "主体完工"), or null. */
  remark: string | null;
}

/** Unit words that count the same thing; a figure in one is taken as the indicator's unit. */
const SAME_KIND: string[][] = [
  ['人', '名', '位'],
  ['场', '场次', '次', '期', '轮'],
  ['个', '处', '所', '座'],
  ['本', '册'],
  ['件'],
  ['家'],
  ['户'],
  ['人次'],
  ['个百分点', '百分点'],
];
/** Every unit word we know, longest first, so 人次 is found before 人. */
const KNOWN_UNITS = [...new Set(SAME_KIND.flat())].sort((a, b) => b.length - a.length);

function sameKind(a: string, b: string): boolean {
  if (a === b) return true;
  return SAME_KIND.some((g) => g.includes(a) && g.includes(b));
}

const PREFIX = /^(大约|约|近|超过|超|逾|累计|共计|共)/;
const SUFFIX = /(以上|左右|余|多|\+)$/;
const BRACKET = /[（(]([^（）()]*)[）)]$/;
const NUMERAL = /^[+-]?(\d[\d,]*(\.\d+)?|\.\d+|[零〇一二两三四五六七八九十百千万亿]+)/;

/** The figure without the remark words, and the remark. */
function splitRemark(original: string): { core: string; remark: string | null } {
  let s = toHalfWidth(original).replace(/[\s\u00a0]/g, '');
  const remarks: string[] = [];
  const bracket = BRACKET.exec(s);
  if (bracket && bracket.index > 0) {
    remarks.push(bracket[1]);
    s = s.slice(0, bracket.index);
  }
  const pre = PREFIX.exec(s);
  if (pre && s.length > pre[0].length) {
    remarks.unshift(pre[0]);
    s = s.slice(pre[0].length);
  }
  const suf = SUFFIX.exec(s);
  if (suf && suf.index > 0) {
    remarks.push(suf[0]);
    s = s.slice(0, suf.index);
  }
  // "30余场", "5000+人": the approximation sits between the figure and its unit.
  const inner = /^([+-]?[\d.,]+(?:万|千|亿)?)(余|多|\+)(?=\D)/.exec(s);
  if (inner) {
    remarks.push(inner[2]);
    s = inner[1] + s.slice(inner[0].length);
  }
  return { core: s, remark: remarks.length ? remarks.join('，') : null };
}

/** The unit word after the figure ('' when none), and any words after a known unit ("35家企业" → 家, 企业). */
function unitWordOf(core: string): { unit: string; rest: string } {
  const m = NUMERAL.exec(core);
  let rest = m ? core.slice(m[0].length) : core;
  rest = rest.replace(/^(万|千|亿)/, '').replace(/^[%‰]/, '');
  if (rest === '') return { unit: '', rest: '' };
  const known = KNOWN_UNITS.find((u) => rest.startsWith(u));
  return known ? { unit: known, rest: rest.slice(known.length) } : { unit: rest, rest: '' };
}

function round(v: number): number {
  return Number(v.toPrecision(12));
}

/**
 * Reads one entry cell for `ind`. `what` names the cell in messages (上半年完成 / 全年完成); `percentCell` says the
 * cell is formatted as a percentage (so 0.22 displays as 22%).
 */
export function readFigureFor(ind: Indicator, v: EntryValue, what: string, percentCell = false): FigureReading {
  const none: FigureReading = { value: null, error: null, notes: [], remark: null };
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return none;
  // A formula saved without its result is never a silent 0, nor a figure with a remark.
  if (isUncalculatedFormula(v)) return { ...none, error: `${what}${UNCALCULATED_REASON}` };
  const percentUnit = ind.unit === '%';
  const target = Math.max(ind.annual ?? 0, ind.h1 ?? 0, ind.h2 ?? 0);
  // A plain number stored as text reads like a number.
  if (typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v)) v = Number(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ...none, error: `${what}不是有效数字` };
    if (percentUnit && percentCell) {
      // 0.53 in a % cell is 53%; 53 there (written by a program, or pasted) can only mean 53% too.
      if (Math.abs(v) > 1)
        return {
          ...none,
          value: v,
          notes: [`${what}单元格为百分比格式，数值${formatFigure(v)}按${formatFigure(v)}%计`],
        };
      const pct = round(v * 100);
      return { ...none, value: pct, notes: [`${what}单元格为百分比格式，读作${formatFigure(pct)}%`] };
    }
    // 0.99 for a 98% target: the fraction a spreadsheet stores for 99%. Not for ≤ targets, where 0.8% is plausible.
    if (percentUnit && ind.comparator !== '<=' && target > 1 && v > 0 && v <= 1) {
      const pct = round(v * 100);
      return { ...none, value: pct, notes: [`${what}填写${formatFigure(v)}，按${formatFigure(pct)}%计`] };
    }
    return { ...none, value: v };
  }
  if (typeof v !== 'string') {
    const r = parseFigure(v);
    return r.ok ? { ...none, value: r.value } : { ...none, error: `${what}${r.reason}` };
  }
  const original = v.trim();
  const { core, remark } = splitRemark(original);
  const parsed = parseFigure(core);
  const unreadable = () => {
    const whole = parseFigure(original);
    return { ...none, error: `${what}${whole.ok ? `无法识别为数字：“${original}”` : whole.reason}` };
  };
  if (!parsed.ok) return unreadable();
  const { unit, rest } = unitWordOf(core);
  // Words that are no unit after a remark ("大约一半吧") make it no figure at all.
  if (remark !== null && unit !== '' && !KNOWN_UNITS.includes(unit) && unit !== ind.unit) return unreadable();
  if (unit !== '' && ind.unit !== '' && !sameKind(unit, ind.unit) && !(percentUnit && unit === '%')) {
    return {
      ...none,
      error: `${what}“${original}”的单位是“${unit}”，本指标按“${ind.unit}”统计，请换算后填写数字（说明可写在进展情况）`,
    };
  }
  const words = [remark, rest || null].filter((x): x is string => !!x).join('，') || null;
  let value = parsed.value;
  const notes: string[] = [];
  if (percentUnit && percentCell && !/[%‰]/.test(core)) value = round(value * 100);
  if (words) notes.push(`${what}填报“${original}”，按${formatFigure(value)}${ind.unit}计`);
  return { value, error: null, notes, remark: words };
}
