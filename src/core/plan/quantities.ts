// Finding the figures in plan text: "不少于20场次", "22 万人", "达到52%", "降低0.5个百分点", "每场涵盖30家企业",
// "3.6亿美元", "压缩至1个工作日以内", "4-6处". Units come from the lexicon (units.ts).
// Not figures: years, ages, dates, document and standard numbers, ordinals, figures in a qualifier
// ("千万元以上项目"), frequencies ("每月一次"), and anything quoted or in brackets.
import type { Comparator } from '../model';
import { parseChineseNumeral } from '../numbers';
import { toHalfWidth } from '../text';
import { closeOf } from '../period';
import { MULTIPLIER_EXP, NOT_AFTER, scaleDecimal, UNIT_PATTERN, unitEntry, type UnitKind } from './units';

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
type Cue = 'approx' | 'le' | 'ge' | 'held' | 'down' | 'up';
const CUE_WORDS: Record<Cue, string[]> = {
  approx: ['约', '大约'],
  le: [
    '不超过',
    '不高于',
    '不多于',
    '控制在',
    '控制到',
    '限制在',
    '低于',
    '少于',
    '小于',
    '降低到',
    '降低至',
    '下降到',
    '下降至',
    '降至',
    '降到',
    '压减到',
    '压减至',
    '压缩到',
    '压缩至',
    '缩短到',
    '缩短至',
    '减少到',
    '减少至',
    '减至',
    '缩减至',
  ],
  ge: [
    '不少于',
    '至少',
    '不低于',
    '达到',
    '达',
    '超过',
    '高于',
    '大于',
    '提升到',
    '提升至',
    '提高到',
    '提高至',
    '增加到',
    '增加至',
    '增至',
    '增长到',
    '增长至',
    '突破',
    '扩大到',
    '扩大至',
  ],
  held: ['稳定保持在', '稳定在', '保持在', '保持', '稳定', '维持在'],
  down: ['降低', '下降', '减少', '压减', '削减', '缩减'],
  up: ['提高', '提升', '增加', '增长', '上升', '扩大'],
};
// Longest first, so "不少于" wins over "少于" and "降低至" over "降低".
const CUES: Array<[string, Cue]> = (Object.keys(CUE_WORDS) as Cue[])
  .flatMap((c) => CUE_WORDS[c].map((w) => [w, c] as [string, Cue]))
  .sort((x, y) => y[0].length - x[0].length);
// 约 and 达 inside another word are not comparators: 签约, 预约, 节约, 制约, 履约; 送达, 抵达, 下达, 直达.
const NOT_BEFORE_CUE: Record<string, RegExp> = {
  约: /[签预节制履特邀违集简婉缔践公合守]$/,
  达: /[送抵下到通传表直转发]$/,
};

const CHANGE_DOWN = CUE_WORDS.down;
const CHANGE_UP = CUE_WORDS.up;

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

/** The clause before `at` (back to a comma, a stop or a list break), at most `max` characters. */
function clauseBefore(s: string, at: number, max: number, breaks = /[，,；;。：:、！？]/): string {
  let a = at;
  while (a > 0 && at - a < max && !breaks.test(s[a - 1])) a--;
  return s.slice(a, at);
}

// One regex for all cue words, longest first, anchored at the end of the text before a number.
const CUE_RE = new RegExp(`(${CUES.map(([w]) => w).join('|')})$`);
const CUE_OF = new Map(CUES);

function cueBefore(masked: string, numStart: number): { word: string; cue: Cue; at: number } | null {
  let end = numStart;
  while (end > 0 && /\s/.test(masked[end - 1])) end--;
  const head = masked.slice(Math.max(0, end - 8), end);
  const m = CUE_RE.exec(head);
  if (!m) return null;
  const w = m[1];
  // "签约": 约 isn't a cue; a shorter cue inside a longer word never is either.
  const before = masked.slice(Math.max(0, end - w.length - 2), end - w.length);
  if (NOT_BEFORE_CUE[w]?.test(before)) return null;
  return { word: w, cue: CUE_OF.get(w) as Cue, at: end - w.length };
}

/** What is wrong with reading a number at `numStart` as a figure: a reason, or null when it may be one. */
function notAFigure(masked: string, numStart: number): string | null {
  const before = masked.slice(Math.max(0, numStart - 3), numStart);
  if (/[\d.]$/.test(before)) return 'part of a longer number';
  if (/[A-Za-z][\s-]*$/.test(before)) return 'a name or standard number (PM2.5, GB 3095)';
  if (/\d\s*[-—–/]\s*$/.test(before)) return 'the second part of a code or range (29639-2020)';
  if (/[第/#№]\s*$/.test(before)) return 'an ordinal';
  if (/前$/.test(before)) return 'a ranking';
  return null;
}

/** 每月/每季度/每周 … : a frequency, not an annual figure. 每年 is annual. */
function isFrequency(masked: string, numStart: number): boolean {
  return /每(?:个)?(?:月|季度|季|周|旬|半年|天|日|星期)/.test(clauseBefore(masked, numStart, 16));
}

/** A figure in a qualifier: "千万元以上项目", "10万元以上的村", "65岁及以上老年人". */
function inQualifier(masked: string, end: number, after: string | undefined, kind: UnitKind): boolean {
  if (!after || !/以上|以下/.test(after)) return false;
  const next = masked.slice(end, end + 3);
  // "10个以上老旧小区" counts at least ten of them; "千万元以上项目", "500人以上的企业" only say which ones.
  if (kind === 'count' && !next.startsWith('的')) return false;
  return /^[的\u3400-\u9fff]/.test(next) && !/^(?:和|及|与|或|并|且|水平|目标)/.test(next);
}

// Verbs and cue words that show a figure is something to be reached, for figures whose unit is unknown.
const TARGET_VERB =
  /(?:达到|完成|新建|建成|新增|建设|改造|培训|开展|举办|不少于|至少|超过|累计|发放|引进|实现|培育|创建|打造|组织|提供|帮扶|服务|救助|治理|整治|修复|种植|营造|新改建|实施)[^，,；;。、]{0,8}$/;

// Words that make a time a limit ("办结时限3天"), unlike a count of days ("优良天数317天").
const TIME_LIMIT = /时限|时间|时长|用时|期限|周期|办结|办理|审批|压缩|缩短|响应|到达/;

function comparatorOf(
  cue: Cue | null,
  after: string | undefined,
  yu: string | undefined,
  ranged: boolean,
  kind: UnitKind | null,
  limit = false,
): Comparator {
  let cmp: Comparator = '>=';
  if (cue === 'approx') cmp = '≈';
  else if (cue === 'le') cmp = '<=';
  else if (cue === null && kind === 'time' && limit) cmp = '<='; // a time limit with no word: a limit
  if (after === '以内' || after === '以下') cmp = '<=';
  if (after === '左右') cmp = '≈';
  if (yu || ranged || after === '以上' || after === '及以上') cmp = cmp === '≈' ? '>=' : cmp;
  return cmp;
}

function perOf(masked: string, start: number): string | null {
  const perMatch =
    /(?:每(?:个)?(场次|场|次|期|区市|县市区|区|县|家|所|村|镇|人)|(千人口|万人口))[^，。；,;]{0,6}$/.exec(
      masked.slice(Math.max(0, start - 14), start),
    );
  if (perMatch) return perMatch[1] ?? perMatch[2];
  // A rate per population ("每千人口…托位数") names its basis anywhere earlier in the clause.
  const perPopulation = /(千人口|万人口|十万人口)/.exec(clauseBefore(masked, start, 40, /[，,；;。]/));
  return perPopulation ? perPopulation[1] : null;
}

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
    const [whole, num, upper, mult, yu, unitRaw, after] = m;
    const numStart = m.index;
    const end = numStart + whole.length;
    const entry = unitEntry(unitRaw);
    if (!entry) continue;
    const chinese = !/\d/.test(num);
    const unitEnd = end - (after?.length ?? 0);
    const rest = masked.slice(unitEnd, unitEnd + 4);
    if (NOT_AFTER[unitRaw]?.test(rest) || NOT_AFTER_ANY.test(rest)) {
      // "3个部门": not a unit here. Let the scan retry just after the number.
      NUMBER_RE.lastIndex = numStart + num.length;
      continue;
    }
    if (notAFigure(masked, numStart)) continue;
    // A day of a month is a date ("6月30日"), not a time limit.
    if (entry.kind === 'time' && unitRaw === '日' && /月\s*$/.test(masked.slice(Math.max(0, numStart - 2), numStart)))
      continue;
    if (chinese) {
      if (opts.arabicOnly) continue;
      if (!/[一二两三四五六七八九十]/.test(num)) continue; // 千人口, 百家: not numbers
      const v = parseChineseNumeral(num) ?? 0;
      if (entry.kind !== 'count' && entry.kind !== 'length' && entry.kind !== 'area') continue;
      if (v < 10 && !CHINESE_SMALL_OK.has(unitRaw)) continue;
      if (/每$/.test(masked.slice(Math.max(0, numStart - 1), numStart))) continue;
    }
    if (/每\s*$/.test(masked.slice(Math.max(0, numStart - 2), numStart)) && !chinese) continue; // "每10万人": a basis
    if (isFrequency(masked, numStart)) continue;
    if (inQualifier(masked, end, after, entry.kind)) continue;
    // "由45天压缩至20天", "从120个工作日缩减至46个": the first figure is where it starts from, not a target.
    if (
      /[由从]\s*$/.test(masked.slice(Math.max(0, numStart - 2), numStart)) &&
      FROM_TO.test(masked.slice(end, end + 8))
    )
      continue;
    const exp = (mult ? MULTIPLIER_EXP[mult] : 0) + entry.exp;
    let value = chinese ? (parseChineseNumeral(num) ?? NaN) * 10 ** exp : scaleDecimal(num, exp);
    if (chinese) value = Number(value.toPrecision(15));
    if (!Number.isFinite(value)) continue;

    const cue = cueBefore(masked, numStart);
    const start = cue ? cue.at : numStart;
    // "提升416人", "增加300个": so many more things, a count; a change is in %, 个百分点 or an amount.
    const directed = entry.kind !== 'count';
    let direction: Quantity['direction'] = !directed
      ? null
      : cue?.cue === 'down'
        ? 'down'
        : cue?.cue === 'up'
          ? 'up'
          : null;
    // A change in 个百分点 without a word just before it still reads its direction from the clause.
    if (entry.kind === 'points' && !direction) {
      const clause = masked.slice(Math.max(0, numStart - 30), numStart);
      if (CHANGE_DOWN.some((w) => clause.includes(w))) direction = 'down';
      else if (CHANGE_UP.some((w) => clause.includes(w))) direction = 'up';
    }
    const limit = entry.kind === 'time' && TIME_LIMIT.test(clauseBefore(masked, numStart, 20));
    const comparator = comparatorOf(cue?.cue ?? null, after, yu, upper !== undefined, entry.kind, limit);
    found.push({
      start,
      end,
      numStart,
      value,
      unit: entry.base,
      unitKind: entry.kind,
      comparator,
      direction,
      per: perOf(masked, start),
      chinese,
      held: cue?.cue === 'held',
      review: null,
    });
    taken.push([numStart, end]);
  }
  if (opts.bare) found.push(...bareFigures(masked, taken));
  return found.sort((a, b) => a.numStart - b.numStart);
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
  const re =
    /(?:((?:19|20)\d{2})\s*年\s*)?(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|份|底|末|中旬|上旬|下旬)?|(年底|年末|底|末))(?:前|之前|以前|底前)?/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const y = m[1] ? Number(m[1]) : year;
    // "底"/"末" alone only after a year ("2023年末").
    if (m[4] && m[4].length === 1 && !m[1]) continue;
    if (m[4]) {
      out.push({ start: m.index, end: m.index + m[0].length, date: closeOf('year', y) });
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
