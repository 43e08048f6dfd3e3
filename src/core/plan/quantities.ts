// Finding the figures in plan text: "不少于20场次", "22 万人", "达到52%", "降低0.5个百分点", "每场涵盖30家企业".
// Not figures: ages, years, dates, document numbers, money, areas, ordinals, and anything quoted or in brackets.
import type { Comparator } from '../model';
import { parseChineseNumeral } from '../numbers';
import { toHalfWidth } from '../text';

export interface Quantity {
  /** Offsets into the text the quantity was found in (comparator words included). */
  start: number;
  end: number;
  /** Offsets of the number itself. */
  numStart: number;
  value: number;
  unit: string;
  comparator: Comparator;
  /** Direction word of a change ("降低", "提高"), if any. */
  direction: 'down' | 'up' | null;
  /** Per-event or per-place basis ("场", "场次", "区市", "千人口"), if any. */
  per: string | null;
  /** Written in Chinese numerals (三, 四次), not digits. */
  chinese: boolean;
}

const UNITS = ['个百分点', '百分点', '%', '‰', '场次', '人次', '人', '名', '场', '次', '个', '件', '处', '本', '家', '所', '项', '户', '篇'];
// Chinese numerals are idiomatic with many units ("两个项目", "一次"); trust them only with event and people counts.
const CHINESE_OK_UNITS = new Set(['次', '场', '场次', '人', '人次', '名', '件', '本', '家', '处', '个']);
// Words after a unit that show it isn't a target ("11个部门", "千人口", "一次性").
const NOT_AFTER_UNIT = /^(部门|方面|阶段|环节|项目|月|小时|工作日|口|性|重点|层面)/;
const BEFORE_GE = ['不少于', '至少', '不低于', '达到', '提升到', '提升至', '提高到', '提高至', '增加到', '增至', '超过', '高于', '达'];
const BEFORE_LE = ['不超过', '不高于', '控制在', '低于', '少于', '降低到', '降低至', '下降到', '下降至', '降至', '压减到'];
const BEFORE_APPROX = ['约', '大约', '左右'];
const CHANGE_DOWN = ['降低', '下降', '减少', '压减'];
const CHANGE_UP = ['提高', '提升', '增加', '增长', '上升'];
// Longest first, so "不少于" wins over "少于" and "不低于" over "低于".
const COMPARATOR_WORDS: Array<[string, 'approx' | 'le' | 'ge' | 'down' | 'up']> = [
  ...BEFORE_APPROX.map((w) => [w, 'approx'] as [string, 'approx']),
  ...BEFORE_LE.map((w) => [w, 'le'] as [string, 'le']),
  ...BEFORE_GE.map((w) => [w, 'ge'] as [string, 'ge']),
  ...CHANGE_DOWN.map((w) => [w, 'down'] as [string, 'down']),
  ...CHANGE_UP.map((w) => [w, 'up'] as [string, 'up']),
].sort((x, y) => y[0].length - x[0].length);

// Quoted or bracketed spans (one level; nesting is rare in plan text).
const BRACKETED = /“[^”]*”|‘[^’]*’|「[^」]*」|『[^』]*』|《[^》]*》|（[^）]*）|\([^)]*\)|〔[^〕]*〕|\[[^\]]*\]|【[^】]*】/g;

/** The text with quoted and bracketed parts blanked out (same length), so their numbers aren't read. */
export function maskQuoted(text: string): string {
  return text.replace(BRACKETED, (m) => m[0] + '□'.repeat(m.length - 2) + m[m.length - 1]);
}

const NUMBER_RE = new RegExp(
  '(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)\\s*(万|亿)?\\s*(余)?\\s*(' +
    UNITS.map((u) => u.replace('%', '%')).join('|') +
    '|/10万|/万|/千)(以上|以内|以下|左右)?',
  'g',
);

/** Finds the quantities in `text`; `arabicOnly` skips Chinese-numeral figures. */
export function findQuantities(text: string, opts: { arabicOnly?: boolean } = {}): Quantity[] {
  const masked = maskQuoted(toHalfWidth(text));
  const found: Quantity[] = [];
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(masked); m; m = NUMBER_RE.exec(masked)) {
    const [whole, num, mult, yu, unitRaw, after] = m;
    const numStart = m.index;
    const end = numStart + whole.length;
    const before = masked.slice(Math.max(0, numStart - 12), numStart);
    const chinese = !/\d/.test(num);
    if (chinese) {
      if (opts.arabicOnly || !CHINESE_OK_UNITS.has(unitRaw)) continue;
      // "两个项目", "一个目标": small counts of 个 are idiom; "五十个" is a figure.
      if (unitRaw === '个' && (parseChineseNumeral(num) ?? 0) < 10) continue;
      if (!/[一二两三四五六七八九十]/.test(num)) continue; // 千人口, 百家: not numbers
      if (/[第每]$/.test(before)) continue;
    } else {
      // Part of a longer number, a decimal, a date or range: "2023年", "0-17岁", "6.6".
      if (/[\d.]$/.test(before)) continue;
    }
    if (/第$/.test(before)) continue;
    if (NOT_AFTER_UNIT.test(masked.slice(end))) continue;
    // An age range ("0-3岁", "13至17周岁") ends in 岁: its unit never matches, but "35—64岁" must not yield 35.
    if (/^[-—～~至到]\s*\d/.test(masked.slice(numStart + num.length))) continue;
    let value = chinese ? parseChineseNumeral(num) : Number(num);
    if (value === null || !Number.isFinite(value)) continue;
    if (mult === '万') value *= 1e4;
    if (mult === '亿') value *= 1e8;
    value = Number(value.toPrecision(12));
    const unit = unitRaw === '百分点' ? '个百分点' : unitRaw;

    let start = numStart;
    let comparator: Comparator = '>=';
    let direction: Quantity['direction'] = null;
    const head = masked.slice(Math.max(0, numStart - 8), numStart).replace(/\s+$/, '');
    const hit = COMPARATOR_WORDS.find(([w]) => head.endsWith(w));
    if (hit) {
      start = numStart - hit[0].length - (masked.slice(0, numStart).length - masked.slice(0, numStart).trimEnd().length);
      if (hit[1] === 'approx') comparator = '≈';
      else if (hit[1] === 'le') comparator = '<=';
      else if (hit[1] === 'down' || hit[1] === 'up') direction = hit[1];
    }
    if (after === '以内' || after === '以下') comparator = '<=';
    if (after === '左右') comparator = '≈';
    if (yu || after === '以上') comparator = comparator === '≈' ? '>=' : comparator;
    // A change in 个百分点 without a word before it still reads its direction from the clause.
    if (unit === '个百分点' && !direction) {
      const clause = masked.slice(Math.max(0, numStart - 30), numStart);
      if (CHANGE_DOWN.some((w) => clause.includes(w))) direction = 'down';
      else if (CHANGE_UP.some((w) => clause.includes(w))) direction = 'up';
    }
    const perMatch = /(?:每(?:个)?(场次|场|次|期|区市|县市区|区|县|家|所)|(千人口|万人口))[^，。；,;]{0,6}$/.exec(
      masked.slice(Math.max(0, start - 14), start),
    );
    // A rate per population ("每千人口…托位数") names its basis anywhere earlier in the clause.
    const clauseHead = masked.slice(0, start).split(/[，,；;。]/).pop() ?? '';
    const perPopulation = /(千人口|万人口|十万人口)/.exec(clauseHead);
    const per = perMatch ? (perMatch[1] ?? perMatch[2]) : perPopulation ? perPopulation[1] : null;
    found.push({ start, end, numStart, value, unit, comparator, direction, per, chinese });
  }
  return found;
}

/** "各开展一次" after a list ("在寒假、“六一”儿童节期间各开展一次") means once for each listed occasion. */
export function eachMultiplier(text: string, q: Quantity): number {
  const head = text.slice(0, q.numStart);
  const m = /各(?:开展|举办|组织|进行|召开)?\s*$/.exec(head);
  if (!m) return 1;
  const phrase = head.slice(0, m.index);
  const from = Math.max(phrase.lastIndexOf('，'), phrase.lastIndexOf('。'), phrase.lastIndexOf('；'), phrase.lastIndexOf('在'));
  const list = phrase.slice(from + 1);
  return list.split('、').length;
}

export interface DatePhrase {
  start: number;
  end: number;
  /** YYYY-MM-DD */
  date: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Dates that are deadlines: "6月30日前", "5月份", "12月底前", "年底前", "2023年末". */
export function findDates(text: string, year: number): DatePhrase[] {
  const t = toHalfWidth(text);
  const out: DatePhrase[] = [];
  const re = /(?:((?:19|20)\d{2})\s*年\s*)?(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|份|底|末|中旬|上旬|下旬)?|(年底|年末|底|末))(?:前|之前|以前|底前)?/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const y = m[1] ? Number(m[1]) : year;
    // "底"/"末" alone only after a year ("2023年末").
    if (m[4] && m[4].length === 1 && !m[1]) continue;
    if (m[4]) {
      out.push({ start: m.index, end: m.index + m[0].length, date: `${y}-12-31` });
      continue;
    }
    if (!m[2]) continue;
    const month = Number(m[2]);
    if (month < 1 || month > 12) continue;
    // "3月份" and "12月底" give the month's last day; "6月30日" is exact.
    const day = m[3] ? Math.min(Number(m[3]), lastDay(y, month)) : lastDay(y, month);
    out.push({ start: m.index, end: m.index + m[0].length, date: `${y}-${pad(month)}-${pad(day)}` });
  }
  return out;
}
