// Finding the figures in plan text: "不少于20场次", "22 万人", "达到52%", "降低0.5个百分点", "每场涵盖30家企业",
// "3.6亿美元", "压缩至1个工作日以内", "4-6处". Units come from the lexicon (units.ts).
// Not figures: years, ages, dates, document and standard numbers, ordinals, figures in a qualifier
// ("千万元以上项目"), frequencies ("每月一次"), and anything quoted or in brackets.
// The words around a figure are read in cues.ts (comparators, direction) and qualifiers.ts (what a number is not).
import type { Comparator } from '../model';
import { parseChineseNumeral } from '../numbers';
import { toHalfWidth } from '../text';
import { comparatorOf, cueBefore, directionOf } from './cues';
import { clauseBefore, inQualifier, isFrequency, isTimeLimit, notAFigure, perOf } from './qualifiers';
import {
  MULTIPLIER_EXP,
  NOT_AFTER,
  scaleDecimal,
  UNIT_PATTERN,
  unitEntry,
  type UnitEntry,
  type UnitKind,
} from './units';

// Kept for importers (tests read dates through this module).
export { findDates } from './deadlines';

export interface Quantity {
  /** Offsets into the text the quantity was found in (comparator words included). */
  start: number;
  end: number;
  /** Offsets of the number itself. */
  numStart: number;
  value: number;
  /** Base unit (亿元 → 元, 千米 → 公里); for an unknown unit, the word as written. */
  unit: string;
  /** The unit's kind; null when the unit is not in the lexicon. */
  unitKind: UnitKind | null;
  comparator: Comparator;
  /** Direction word of a change ("降低", "提高"), if any. */
  direction: 'down' | 'up' | null;
  /** Per-event or per-place basis ("场", "场次", "区市", "千人口"), if any. */
  per: string | null;
  /** Written in Chinese numerals (三, 四次), not digits. */
  chinese: boolean;
  /** A level held, not an amount done ("稳定在", "保持"). */
  held: boolean;
  /** Why the reading is unsure, in Chinese; null when it is sure. */
  review: string | null;
}

// Chinese numerals are idiomatic with many units ("两个项目", "一次"); under ten, trust them only with event and
// people counts. From ten up ("一百五十个", "三千余人") they are figures with any counted unit.
const CHINESE_SMALL_OK = new Set(['次', '场', '场次', '人', '人次', '名', '件', '本', '家', '处']);
// Words that end a unit's use as a unit whatever the unit ("5万吨级", "3米型").
const NOT_AFTER_ANY = /^[级型]/;
// Quoted or bracketed spans (one level; nesting is rare in plan text).
const BRACKETED =
  /“[^”]*”|‘[^’]*’|「[^」]*」|『[^』]*』|《[^》]*》|（[^）]*）|\([^)]*\)|〔[^〕]*〕|\[[^\]]*\]|【[^】]*】/g;

/** The text with quoted and bracketed parts blanked out (same length), so their numbers aren't read. */
export function maskQuoted(text: string): string {
  return text.replace(BRACKETED, (m) => m[0] + '□'.repeat(m.length - 2) + m[m.length - 1]);
}

const NUM = '(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)';
const NUMBER_RE = new RegExp(
  NUM +
    '(?:\\s*[-—–~～至到]\\s*(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+))?' + // a range: its lower bound counts
    '\\s*(十万|百万|千万|万亿|万|亿)?\\s*(余|多)?\\s*(' +
    UNIT_PATTERN +
    ')(?:\\s*[（(][^）)]{0,12}[）)])?(及以上|以上|以内|以下|左右)?', // an aside may come first: 200个（标准桩）以上
  'g',
);
// The same grammar anchored at a position: checked on a short window, so each check is constant time.
const NUMBER_AT = new RegExp(`^(?:${NUMBER_RE.source})`);
const knownAt = (masked: string, at: number) => NUMBER_AT.test(masked.slice(at, at + 40));
const FROM_TO = /^[^，,；;。]{0,5}(?:至|到)/;
// A figure with an unknown unit: digits, an optional 万/亿, then a CJK word.
const BARE_RE = /(\d+(?:\.\d+)?)\s*(万|亿)?\s*(余|多)?\s*([\u3400-\u9fff])/g;
// Words right after a bare number that show it isn't a figure of something counted.
const BARE_NOT_UNIT =
  /^[年月日岁号届级时分秒周倍型期代轮类星A-Za-z]|^(?:周岁|热线|平台|工程|行动|战略|体系|标准|方案|计划|条例|规划|专项)/;

// Verbs and cue words that show a figure is something to be reached, for figures whose unit is unknown.
const TARGET_VERB =
  /(?:达到|完成|新建|建成|新增|建设|改造|培训|开展|举办|不少于|至少|超过|累计|发放|引进|实现|培育|创建|打造|组织|提供|帮扶|服务|救助|治理|整治|修复|种植|营造|新改建|实施)[^，,；;。、]{0,8}$/;

/** Finds the quantities in `text`; `arabicOnly` skips Chinese-numeral figures; `bare` also reads figures whose
 *  unit is not in the lexicon when a verb shows they are targets (flagged for review). */
export function findQuantities(text: string, opts: { arabicOnly?: boolean; bare?: boolean } = {}): Quantity[] {
  return scanQuantities(maskQuoted(toHalfWidth(text)), opts);
}

/** findQuantities on text already made half-width and masked (maskQuoted), so callers that hold it scan once. */
export function scanQuantities(masked: string, opts: { arabicOnly?: boolean; bare?: boolean } = {}): Quantity[] {
  const found: Quantity[] = [];
  const taken: Array<[number, number]> = [];
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(masked); m; m = NUMBER_RE.exec(masked)) {
    const [whole, num, , , , unitRaw, after] = m;
    const numStart = m.index;
    const end = numStart + whole.length;
    const entry = unitEntry(unitRaw);
    if (!entry) continue;
    const unitEnd = end - (after?.length ?? 0);
    const rest = masked.slice(unitEnd, unitEnd + 4);
    if (NOT_AFTER[unitRaw]?.test(rest) || NOT_AFTER_ANY.test(rest)) {
      // "3个部门": not a unit here. Let the scan retry just after the number.
      NUMBER_RE.lastIndex = numStart + num.length;
      continue;
    }
    if (!isFigureHere(masked, m, entry.kind, opts.arabicOnly === true)) continue;
    const q = quantityOf(masked, m, entry);
    if (!q) continue;
    found.push(q);
    taken.push([numStart, end]);
  }
  if (opts.bare) found.push(...bareFigures(masked, taken));
  return found.sort((a, b) => a.numStart - b.numStart);
}

/** Whether the number NUMBER_RE matched at `m` is a figure here: not a date, a basis ("每10万人"), a frequency, a
 *  qualifier ("千万元以上项目"), a starting point ("由45天…") or an idiom in Chinese numerals. */
function isFigureHere(masked: string, m: RegExpExecArray, kind: UnitKind, arabicOnly: boolean): boolean {
  const [whole, num, , , , unitRaw, after] = m;
  const numStart = m.index;
  const end = numStart + whole.length;
  const chinese = !/\d/.test(num);
  if (notAFigure(masked, numStart)) return false;
  // A day of a month is a date ("6月30日"), not a time limit.
  if (kind === 'time' && unitRaw === '日' && /月\s*$/.test(masked.slice(Math.max(0, numStart - 2), numStart)))
    return false;
  if (chinese && (arabicOnly || !chineseFigureOk(masked, numStart, num, unitRaw, kind))) return false;
  if (/每\s*$/.test(masked.slice(Math.max(0, numStart - 2), numStart)) && !chinese) return false; // "每10万人": a basis
  if (isFrequency(masked, numStart)) return false;
  if (inQualifier(masked, end, after, kind)) return false;
  // "由45天压缩至20天", "从120个工作日缩减至46个": the first figure is where it starts from, not a target.
  if (/[由从]\s*$/.test(masked.slice(Math.max(0, numStart - 2), numStart)) && FROM_TO.test(masked.slice(end, end + 8)))
    return false;
  return true;
}

/** A figure in Chinese numerals: idiom under ten except with events and people ("一次", "两个项目"). */
function chineseFigureOk(masked: string, numStart: number, num: string, unitRaw: string, kind: UnitKind): boolean {
  if (!/[一二两三四五六七八九十]/.test(num)) return false; // 千人口, 百家: not numbers
  const v = parseChineseNumeral(num) ?? 0;
  if (kind !== 'count' && kind !== 'length' && kind !== 'area') return false;
  if (v < 10 && !CHINESE_SMALL_OK.has(unitRaw)) return false;
  if (/每$/.test(masked.slice(Math.max(0, numStart - 1), numStart))) return false;
  return true;
}

/** The quantity NUMBER_RE matched at `m`, read with the words around it; null when its value isn't finite. */
function quantityOf(masked: string, m: RegExpExecArray, entry: UnitEntry): Quantity | null {
  const [whole, num, upper, mult, yu, , after] = m;
  const numStart = m.index;
  const chinese = !/\d/.test(num);
  const exp = (mult ? MULTIPLIER_EXP[mult] : 0) + entry.exp;
  let value = chinese ? (parseChineseNumeral(num) ?? NaN) * 10 ** exp : scaleDecimal(num, exp);
  if (chinese) value = Number(value.toPrecision(15));
  if (!Number.isFinite(value)) return null;
  const cue = cueBefore(masked, numStart);
  const start = cue ? cue.at : numStart;
  const limit = isTimeLimit(masked, numStart, entry.kind);
  return {
    start,
    end: numStart + whole.length,
    numStart,
    value,
    unit: entry.base,
    unitKind: entry.kind,
    comparator: comparatorOf(cue?.cue ?? null, after, yu, upper !== undefined, entry.kind, limit),
    direction: directionOf(masked, numStart, entry.kind, cue?.cue),
    per: perOf(masked, start),
    chinese,
    held: cue?.cue === 'held',
    review: null,
  };
}

/** Figures with a unit the lexicon lacks, where a verb shows they are targets: flagged for review, not dropped. */
function bareFigures(masked: string, taken: Array<[number, number]>): Quantity[] {
  const out: Quantity[] = [];
  BARE_RE.lastIndex = 0;
  for (let m = BARE_RE.exec(masked); m; m = BARE_RE.exec(masked)) {
    const [whole, num, mult, yu, word] = m;
    const numStart = m.index;
    const end = numStart + whole.length;
    BARE_RE.lastIndex = numStart + num.length;
    if (taken.some(([a, b]) => numStart < b && end > a)) continue;
    if (notAFigure(masked, numStart) || /[-—–~～至到./:：]/.test(masked[numStart + num.length] ?? '')) continue;
    if (BARE_NOT_UNIT.test(masked.slice(end - 1, end + 3)) || isFrequency(masked, numStart)) continue;
    // A known unit left out on purpose ("5万吨级", a qualifier, a frequency) stays out.
    if (knownAt(masked, numStart)) continue;
    const head = clauseBefore(masked, numStart, 12);
    if (!TARGET_VERB.test(head)) continue;
    const cue = cueBefore(masked, numStart);
    out.push({
      start: cue ? cue.at : numStart,
      end,
      numStart,
      value: scaleDecimal(num, mult ? MULTIPLIER_EXP[mult] : 0),
      unit: word,
      unitKind: null,
      comparator: comparatorOf(cue?.cue ?? null, undefined, yu, false, null),
      direction: null,
      per: null,
      chinese: false,
      held: false,
      review: `单位“${word}”不在单位表中，请核对单位和数值`,
    });
  }
  return out;
}

/** Numbers in `text` that are neither figures nor plainly something else (a year, a hotline, a qualifier …), and
 *  that no verb marks as a target either: for a plan warning, so no figure is dropped silently. */
export function unreadNumbers(text: string): Array<{ value: string; words: string }> {
  const masked = maskQuoted(toHalfWidth(text));
  const out: Array<{ value: string; words: string }> = [];
  BARE_RE.lastIndex = 0;
  for (let m = BARE_RE.exec(masked); m; m = BARE_RE.exec(masked)) {
    const numStart = m.index;
    BARE_RE.lastIndex = numStart + m[1].length;
    if (notAFigure(masked, numStart) || /[-—–~～至到./:：]/.test(masked[numStart + m[1].length] ?? '')) continue;
    const end = numStart + m[0].length;
    if (BARE_NOT_UNIT.test(masked.slice(end - 1, end + 3)) || isFrequency(masked, numStart)) continue;
    // A known unit: read as a figure, or left out on purpose (qualifier, frequency, date).
    if (knownAt(masked, numStart)) continue;
    // A verb before it: read as a target flagged for review (bareFigures).
    if (TARGET_VERB.test(clauseBefore(masked, numStart, 12))) continue;
    if (m[1].length >= 5) continue; // hotlines and codes ("12345热线")
    out.push({
      value: m[1] + (m[2] ?? ''),
      words: masked.slice(Math.max(0, numStart - 8), Math.min(masked.length, end + 6)),
    });
  }
  return out;
}

/** "各开展一次" after a list ("在寒假、“六一”儿童节期间各开展一次") means once for each listed occasion. */
export function eachMultiplier(text: string, q: Quantity): number {
  const head = text.slice(0, q.numStart);
  const m = /各(?:开展|举办|组织|进行|召开)?\s*$/.exec(head);
  if (!m) return 1;
  const phrase = head.slice(0, m.index);
  const from = Math.max(
    phrase.lastIndexOf('，'),
    phrase.lastIndexOf('。'),
    phrase.lastIndexOf('；'),
    phrase.lastIndexOf('在'),
  );
  const list = phrase.slice(from + 1);
  return list.split('、').length;
}
