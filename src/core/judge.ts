// Progress judgement: entered figures against an indicator's targets at an as-of date.
// H1 and the year close when the period table says (src/core/period.ts), or at the indicator's own deadline.
import { Entry, Indicator, Judgement, Status, STATUS_LABEL } from './model';
import { formatFigure } from './numbers';
import { readFigureFor } from './entryInput';
import { approxWord, figureWord, gapWord } from './wording';
import { targetClose, yearStart } from './period';
import { DAY, makeJudgement, NO_RATES, toTime, type Rates } from './judgement';
import { chineseDate } from './dates';
import { judgeMilestone } from './milestone';

// Kept for importers: isIsoDate moved to judgement.ts; chineseDate lives in dates.ts.
export { isIsoDate } from './judgement';
export { chineseDate } from './dates';

function pct(actual: number, target: number): number | null {
  if (target === 0) return null;
  return Math.round((actual / target) * 1000) / 10;
}

/** Periods of an indicator in the plan year: H1 ends at its close, the year at the deadline or the year's close. */
function periods(ind: Indicator, year: number) {
  const start = toTime(yearStart(year));
  const h1End = toTime(targetClose('h1', year));
  const yearEnd = toTime(
    ind.deadline && ind.deadline.startsWith(String(year)) ? ind.deadline : targetClose('annual', year),
  );
  return { start, h1End: Math.min(h1End, yearEnd), yearEnd };
}

/** The figures of an entry as numbers, plus how they were read (a remark, a percentage cell). */
interface Figures {
  h1: number | null;
  yr: number | null;
  notes: string[];
}

/** Step 1: reads 上半年完成/全年完成 and rejects what can't be right (negative, over 100%, 100× the target). */
function readFigures(ind: Indicator, entry: Entry | undefined): Figures | Judgement {
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
  if (isAdditive(ind) && h1 !== null && yr !== null && yr < h1) {
    return invalid(`全年完成（累计）${fig(yr)}小于上半年完成${fig(h1)}`);
  }
  return { h1, yr, notes: [...h1Read.notes, ...yrRead.notes] };
}

/** Counts and stocks add up over the year (and are judged pro rata); rates and changes hold at every moment. */
function isAdditive(ind: Indicator): boolean {
  return ind.kind === 'count' || ind.kind === 'level';
}

/** How a figure meets a target: ≥ (or ≈ within 5%) or ≤, and the words a comparison is said in. */
function comparison(ind: Indicator) {
  const unit = ind.unit;
  const fig = (v: number) => figureWord(v, unit);
  const flip = ind.comparator === '<=';
  // ≈ allows 5% either side; a ≤ target is met at or under it.
  const reached = (actual: number, target: number) =>
    flip ? actual <= target : ind.comparator === '≈' ? actual >= target * 0.95 : actual >= target;
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
  return { flip, reached, compare };
}

/** Everything the steps below compare: figures, targets, the periods and the as-of moment. */
function situation(ind: Indicator, { h1, yr, notes }: Figures, asOf: string, planYear: number) {
  const now = toTime(asOf);
  const unit = ind.unit;
  const fig = (v: number) => figureWord(v, unit);
  const withNotes = (text: string) => (notes.length ? `${text}；${notes.join('；')}` : text);
  const make = (status: Status, rates: Rates, text: string) =>
    makeJudgement(ind, status, h1, yr, rates, withNotes(text));
  const { start, h1End, yearEnd } = periods(ind, planYear);
  const additive = isAdditive(ind);
  const { flip, reached, compare } = comparison(ind);
  const annualTarget =
    ind.annual ?? (ind.h1 !== null && ind.h2 !== null && additive ? ind.h1 + ind.h2 : (ind.h2 ?? ind.h1));
  const h1Target = ind.h1;
  const latest = yr ?? h1;
  const yearClosed = now >= yearEnd;
  const inH1 = yearEnd <= toTime(targetClose('h1', planYear));
  // 全年完成率 uses the year's figure; before the close (or for a target due by the H1 close) the latest one.
  const yearFigure = yearClosed && !inH1 ? yr : latest;
  const rates: Rates = {
    h1Rate: !flip && h1 !== null && h1Target !== null && h1End < yearEnd ? pct(h1, h1Target) : null,
    annualRate: !flip && yearFigure !== null && annualTarget !== null ? pct(yearFigure, annualTarget) : null,
  };
  return {
    ind,
    asOf,
    planYear,
    now,
    h1,
    yr,
    latest,
    h1Target,
    annualTarget,
    start,
    h1End,
    yearEnd,
    yearClosed,
    additive,
    flip,
    /** A target due by the H1 close: reported in 上半年完成. */
    inH1,
    rates,
    /** Which figure a comparison with the annual target used: the year's, or only the H1 one. */
    latestLabel: yr !== null ? '全年完成' : '上半年完成',
    onlyH1: yr === null && h1 !== null && !inH1 ? '仅有上半年数据，' : '',
    fig,
    reached,
    make,
    compare,
  };
}

type Situation = ReturnType<typeof situation>;

/** Step 2: the plan year hasn't begun. */
function beforeTheYear({ now, start, latest, planYear, make, fig }: Situation): Judgement | null {
  if (now < start) {
    return latest === null
      ? make('not-due', NO_RATES, `${planYear}年尚未开始`)
      : make('on-track', NO_RATES, `${planYear}年尚未开始，已填报${fig(latest)}`);
  }
  return null;
}

/** Step 3: the year (or the deadline) has closed: the year's figure decides. */
function afterTheClose(s: Situation): Judgement | null {
  const { yearClosed, yearEnd, annualTarget, inH1, h1, yr, rates, make, fig } = s;
  if (!yearClosed || annualTarget === null) return null;
  const label = inH1 ? `目标（${chineseDate(new Date(yearEnd).toISOString().slice(0, 10))}前）` : '全年目标';
  const actual = inH1 ? (yr ?? h1) : yr;
  if (actual === null) {
    const known = h1 !== null && !inH1 ? `（仅有上半年数据：上半年完成${fig(h1)}）` : '';
    return make('missing', rates, `${label}${fig(annualTarget)}，${inH1 ? '上半年' : '全年'}完成未填报${known}`);
  }
  const actualLabel = inH1 ? (yr !== null ? '全年完成' : '上半年完成') : '全年完成';
  return make(
    s.reached(actual, annualTarget) ? 'met' : 'shortfall',
    rates,
    s.compare(label, annualTarget, actualLabel, actual),
  );
}

/** Step 4: reached the year's target early (additive): met. A ≤ target can't be met before the close. */
function metEarly(s: Situation): Judgement | null {
  const { additive, flip, latest, annualTarget } = s;
  if (additive && !flip && latest !== null && annualTarget !== null && s.reached(latest, annualTarget)) {
    return s.make('met', s.rates, s.compare('全年目标', annualTarget, s.latestLabel, latest));
  }
  return null;
}

/** Step 5: H1 has closed: its figure is due and is held to the H1 target. */
function atTheH1Close(s: Situation): Judgement | null {
  const { now, h1End, yearEnd, h1Target, h1, yr, additive, flip, rates, make, fig } = s;
  if (now >= h1End && h1Target !== null && h1End < yearEnd) {
    const h1Actual = h1 ?? (additive ? null : yr);
    if (h1Actual === null) return make('missing', rates, `上半年目标${fig(h1Target)}，上半年完成未填报`);
    if (!s.reached(h1Actual, h1Target)) {
      return make(
        'shortfall',
        rates,
        s.compare('上半年目标', h1Target, h1 !== null ? '上半年完成' : '全年完成', h1Actual),
      );
    }
  }
  // H1 met and nothing reported for H2 yet: no figure says it is behind.
  if (now >= h1End && h1Target !== null && h1End < yearEnd && yr === null && h1 !== null && additive && !flip) {
    return make('on-track', rates, `${s.compare('上半年目标', h1Target, '上半年完成', h1)}；下半年进度尚未填报`);
  }
  return null;
}

/** Step 6: a period is open: compare with what should be done by now. */
function whileOpen(s: Situation): Judgement {
  const { now, h1End, h1Target, annualTarget, latest, latestLabel, rates, make, fig } = s;
  if (latest === null) {
    return make('not-due', rates, `${annualTarget === null ? '' : `全年目标${fig(annualTarget)}，`}尚未到期`);
  }
  if (annualTarget === null) return make('on-track', rates, `已填报${fig(latest)}`);
  if (!s.additive || s.flip) {
    // Rates, changes and ≤ targets hold at every moment; there is no pro-rata share of a rate.
    const useH1 = now < h1End && h1Target !== null;
    const target = useH1 ? h1Target : annualTarget;
    const ok = s.reached(latest, target);
    const text = s.compare(useH1 ? '上半年目标' : '全年目标', target, latestLabel, latest, useH1 ? '' : s.onlyH1);
    return make(ok ? 'on-track' : 'at-risk', rates, text);
  }
  return proRata(s, latest, annualTarget);
}

/** Step 7: an additive target while a period is open: the share of it due by today, day by day. */
function proRata(s: Situation, latest: number, annualTarget: number): Judgement {
  const { now, start, h1End, yearEnd, h1Target, asOf, ind, latestLabel, rates, make, fig } = s;
  const unit = ind.unit;
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

/** Judges one indicator's entry at `asOf` (YYYY-MM-DD) in the plan's `year`. */
export function judge(ind: Indicator, entry: Entry | undefined, asOf: string, year: number): Judgement {
  if (ind.kind === 'milestone') return judgeMilestone(ind, entry, toTime(asOf), year);
  const figures = readFigures(ind, entry);
  if ('status' in figures) return figures;
  const s = situation(ind, figures, asOf, year);
  return beforeTheYear(s) ?? afterTheClose(s) ?? metEarly(s) ?? atTheH1Close(s) ?? whileOpen(s);
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
