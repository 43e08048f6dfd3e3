// Progress judgement: entered figures against an indicator's targets at an as-of date.
// H1 closes on 06-30 and the year on 12-31 (or the indicator's own deadline).
import { Entry, EntryValue, Indicator, Judgement, Status, STATUS_LABEL } from './model';
import { formatFigure } from './numbers';
import { readFigureFor } from './entryInput';
import { approxWord, figureWord, gapWord } from './wording';
import { isUncalculatedFormula, UNCALCULATED_REASON } from './formula';

const DAY = 86_400_000;

function toTime(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** True when `s` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(toTime(s));
  return d.toISOString().slice(0, 10) === s;
}

import { chineseDate } from './dates';
export { chineseDate } from './dates';

const DONE = /^(已完成|完成|已办结|是|已|✓|✔|√|☑|y|yes|done|true|ok)$/i;
const NOT_DONE = /^(未完成|否|没有|无|未|进行中|推进中|×|✗|✘|n|no|false)$/i;

function pct(actual: number, target: number): number | null {
  if (target === 0) return null;
  return Math.round((actual / target) * 1000) / 10;
}

function blank(v: EntryValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Periods of an indicator in the plan year: H1 ends 06-30, the year at its deadline or 12-31. */
function periods(ind: Indicator, year: number) {
  const start = toTime(`${year}-01-01`);
  const h1End = toTime(`${year}-06-30`);
  const yearEnd = toTime(ind.deadline && ind.deadline.startsWith(String(year)) ? ind.deadline : `${year}-12-31`);
  return { start, h1End: Math.min(h1End, yearEnd), yearEnd };
}

interface Rates {
  h1Rate: number | null;
  annualRate: number | null;
}
const NO_RATES: Rates = { h1Rate: null, annualRate: null };

function makeJudgement(
  ind: Indicator,
  status: Status,
  h1: number | null,
  annual: number | null,
  rates: Rates,
  message: string,
): Judgement {
  return { id: ind.id, item: ind.item, status, h1Actual: h1, annualActual: annual, ...rates, message };
}

function judgeMilestone(ind: Indicator, entry: Entry | undefined, asOf: number, year: number): Judgement {
  const due = toTime(ind.deadline ?? `${year}-12-31`);
  const values = [entry?.h1 ?? null, entry?.annual ?? null].filter((v) => !blank(v));
  const done = values.some((v) => {
    if (v instanceof Date) return true;
    if (typeof v === 'boolean') return v;
    const s = String(v).trim();
    return DONE.test(s) || /^\d{4}[-/.年]\d{1,2}([-/.月]\d{1,2}日?)?$/.test(s);
  });
  const dueText = `要求${chineseDate(new Date(due).toISOString().slice(0, 10))}前完成`;
  if (values.some(isUncalculatedFormula))
    return makeJudgement(ind, 'invalid', null, null, NO_RATES, UNCALCULATED_REASON);
  if (done) return makeJudgement(ind, 'met', null, null, NO_RATES, `已完成（${dueText}）`);
  const unreadable = values.find((v) => typeof v !== 'string' || !NOT_DONE.test(String(v).trim()));
  if (unreadable !== undefined) {
    return makeJudgement(
      ind,
      'invalid',
      null,
      null,
      NO_RATES,
      `无法识别“${String(unreadable)}”：请填写“已完成”“未完成”或完成日期`,
    );
  }
  if (asOf >= due) {
    return values.length
      ? makeJudgement(ind, 'shortfall', null, null, NO_RATES, `未完成，${dueText}，已逾期`)
      : makeJudgement(ind, 'missing', null, null, NO_RATES, `${dueText}，尚未填报`);
  }
  return values.length
    ? makeJudgement(ind, 'on-track', null, null, NO_RATES, `推进中，${dueText}`)
    : makeJudgement(ind, 'not-due', null, null, NO_RATES, `${dueText}，尚未到期`);
}

/** Judges one indicator's entry at `asOf` (YYYY-MM-DD) in the plan's `year`. */
export function judge(ind: Indicator, entry: Entry | undefined, asOf: string, year: number): Judgement {
  const planYear = year;
  const now = toTime(asOf);
  if (ind.kind === 'milestone') return judgeMilestone(ind, entry, now, planYear);

  const unit = ind.unit;
  const fig = (v: number) => figureWord(v, unit);
  const h1Read = readFigureFor(ind, entry?.h1 ?? null, '上半年完成', entry?.h1Percent);
  const yrRead = readFigureFor(ind, entry?.annual ?? null, '全年完成', entry?.annualPercent);
  const h1 = h1Read.value;
  const yr = yrRead.value;
  const invalid = (reason: string) => makeJudgement(ind, 'invalid', h1, yr, NO_RATES, reason);
  if (h1Read.error) return makeJudgement(ind, 'invalid', null, yr, NO_RATES, h1Read.error);
  if (yrRead.error) return makeJudgement(ind, 'invalid', h1, null, NO_RATES, yrRead.error);
  for (const [v, what] of [
    [h1, '上半年完成'],
    [yr, '全年完成'],
  ] as const) {
    if (v === null) continue;
    if (v < 0 && ind.kind !== 'change') return invalid(`${what}不能为负数（${formatFigure(v)}）`);
    if (unit === '%' && v > 100) return invalid(`${what}是百分比，不能超过100（${formatFigure(v)}）`);
    const scale = Math.max(Math.abs(ind.annual ?? 0), Math.abs(ind.h1 ?? 0), Math.abs(ind.h2 ?? 0));
    if (scale > 0 && Math.abs(v) > 100 * scale) return invalid(`${what}${fig(v)}超过目标的100倍，请核对单位`);
  }
  const additive = ind.kind === 'count' || ind.kind === 'level';
  if (additive && h1 !== null && yr !== null && yr < h1) {
    return invalid(`全年完成（累计）${fig(yr)}小于上半年完成${fig(h1)}`);
  }
  // How the figures were read (a remark, a percentage cell), said after the judgement.
  const notes = [...h1Read.notes, ...yrRead.notes];
  const withNotes = (text: string) => (notes.length ? `${text}；${notes.join('；')}` : text);
  const make = (status: Status, rates: Rates, text: string) =>
    makeJudgement(ind, status, h1, yr, rates, withNotes(text));

  const { start, h1End, yearEnd } = periods(ind, planYear);
  const flip = ind.comparator === '<=';
  // ≈ allows 5% either side; a ≤ target is met at or under it.
  const reached = (actual: number, target: number) =>
    flip ? actual <= target : ind.comparator === '≈' ? actual >= target * 0.95 : actual >= target;
  const annualTarget =
    ind.annual ?? (ind.h1 !== null && ind.h2 !== null && additive ? ind.h1 + ind.h2 : (ind.h2 ?? ind.h1));
  const h1Target = ind.h1;
  const latest = yr ?? h1;
  const yearClosed = now >= yearEnd;
  // A target due by 06-30 is reported in 上半年完成.
  const inH1 = yearEnd <= toTime(`${planYear}-06-30`);
  // 全年完成率 uses the year's figure; before the close (or for a target due by 06-30) the latest one.
  const yearFigure = yearClosed && !inH1 ? yr : latest;
  const rates: Rates = {
    h1Rate: !flip && h1 !== null && h1Target !== null && h1End < yearEnd ? pct(h1, h1Target) : null,
    annualRate: !flip && yearFigure !== null && annualTarget !== null ? pct(yearFigure, annualTarget) : null,
  };
  /** Which figure a comparison with the annual target used: the year's, or only the H1 one. */
  const latestLabel = yr !== null ? '全年完成' : '上半年完成';
  const onlyH1 = yr === null && h1 !== null && !inH1 ? '仅有上半年数据，' : '';

  if (now < start) {
    return latest === null
      ? make('not-due', NO_RATES, `${planYear}年尚未开始`)
      : make('on-track', NO_RATES, `${planYear}年尚未开始，已填报${fig(latest)}`);
  }

  const compare = (targetLabel: string, target: number, actualLabel: string, actual: number, lead = '') => {
    const gap = flip ? actual - target : target - actual;
    const rate = pct(actual, target);
    const rateText = rate === null || flip ? '' : `（${rate}%）`;
    const head = `${targetLabel}${fig(target)}，${lead}${actualLabel}${fig(actual)}`;
    if (gap <= 0) return `${head}，${flip ? '未超出' : '已达到'}${rateText}`;
    // ≈ targets count a figure within 5% as reached.
    if (reached(actual, target)) return `${head}，基本达到${rateText}`;
    return `${head}，${flip ? '超出' : '差'}${gapWord(gap, unit)}${rateText}`;
  };

  // The year (or the deadline) has closed: the year's figure decides.
  if (yearClosed && annualTarget !== null) {
    const label = inH1 ? `目标（${chineseDate(new Date(yearEnd).toISOString().slice(0, 10))}前）` : '全年目标';
    const actual = inH1 ? (yr ?? h1) : yr;
    if (actual === null) {
      const known = h1 !== null && !inH1 ? `（仅有上半年数据：上半年完成${fig(h1)}）` : '';
      return make('missing', rates, `${label}${fig(annualTarget)}，${inH1 ? '上半年' : '全年'}完成未填报${known}`);
    }
    const actualLabel = inH1 ? (yr !== null ? '全年完成' : '上半年完成') : '全年完成';
    return make(
      reached(actual, annualTarget) ? 'met' : 'shortfall',
      rates,
      compare(label, annualTarget, actualLabel, actual),
    );
  }

  // Reached the year's target early (additive): met. A ≤ target can't be met before the close.
  if (additive && !flip && latest !== null && annualTarget !== null && reached(latest, annualTarget)) {
    return make('met', rates, compare('全年目标', annualTarget, latestLabel, latest));
  }

  // H1 has closed: its figure is due and is held to the H1 target.
  if (now >= h1End && h1Target !== null && h1End < yearEnd) {
    const h1Actual = h1 ?? (additive ? null : yr);
    if (h1Actual === null) return make('missing', rates, `上半年目标${fig(h1Target)}，上半年完成未填报`);
    if (!reached(h1Actual, h1Target)) {
      return make(
        'shortfall',
        rates,
        compare('上半年目标', h1Target, h1 !== null ? '上半年完成' : '全年完成', h1Actual),
      );
    }
  }

  // H1 met and nothing reported for H2 yet: no figure says it is behind.
  if (now >= h1End && h1Target !== null && h1End < yearEnd && yr === null && h1 !== null && additive && !flip) {
    return make('on-track', rates, `${compare('上半年目标', h1Target, '上半年完成', h1)}；下半年进度尚未填报`);
  }

  if (latest === null) {
    return make('not-due', rates, `${annualTarget === null ? '' : `全年目标${fig(annualTarget)}，`}尚未到期`);
  }
  if (annualTarget === null) return make('on-track', rates, `已填报${fig(latest)}`);

  // A period is open: compare with what should be done by now.
  if (!additive || flip) {
    // Rates, changes and ≤ targets hold at every moment; there is no pro-rata share of a rate.
    const useH1 = now < h1End && h1Target !== null;
    const target = useH1 ? h1Target : annualTarget;
    const ok = reached(latest, target);
    const text = compare(useH1 ? '上半年目标' : '全年目标', target, latestLabel, latest, useH1 ? '' : onlyH1);
    return make(ok ? 'on-track' : 'at-risk', rates, text);
  }
  let expected: number;
  const byH1 = h1Target !== null && h1End < yearEnd && now < h1End;
  if (h1Target !== null && h1End < yearEnd) {
    expected =
      now < h1End
        ? (h1Target * (now - start + DAY)) / (h1End - start + DAY)
        : h1Target + ((annualTarget - h1Target) * (now - h1End)) / (yearEnd - h1End);
  } else {
    expected = (annualTarget * (now - start + DAY)) / (yearEnd - start + DAY);
  }
  expected = Number(expected.toPrecision(6));
  const targetPart = byH1 ? `上半年目标${fig(h1Target!)}` : `全年目标${fig(annualTarget)}`;
  const base = `${targetPart}，截至${chineseDate(asOf)}应完成约${approxWord(expected, unit)}，${latestLabel}${fig(latest)}`;
  const share = `完成全年${pct(latest, annualTarget)}%`;
  if (latest >= expected) return make('on-track', rates, `${base}（${share}）`);
  return make('at-risk', rates, `${base}，落后进度约${gapWord(expected - latest, unit, true)}（${share}）`);
}

/** Judges every indicator; entries are matched by indicator id. */
export function judgeAll(indicators: Indicator[], entries: Entry[], asOf: string, year: number): Judgement[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return indicators.map((ind) => judge(ind, byId.get(ind.id), asOf, year));
}

/** Counts judgements by status (every status present, zeros included). */
export function summarize(judgements: Judgement[]): Record<Status, number> {
  const out = Object.fromEntries(Object.keys(STATUS_LABEL).map((s) => [s, 0])) as Record<Status, number>;
  for (const j of judgements) out[j.status]++;
  return out;
}
