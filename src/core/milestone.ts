// Milestones (a task done by a date): judged by 已完成/未完成 or a completion date, not by figures.
import type { Entry, EntryValue, Indicator, Judgement } from './model';
import { isUncalculatedFormula, UNCALCULATED_REASON } from './formula';
import { targetClose } from './period';
import { makeJudgement, NO_RATES, toTime } from './judgement';
import { chineseDate } from './dates';

const DONE = /^(已完成|完成|已办结|是|已|✓|✔|√|☑|y|yes|done|true|ok)$/i;
const NOT_DONE = /^(未完成|否|没有|无|未|进行中|推进中|×|✗|✘|n|no|false)$/i;
function blank(v: EntryValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Judges a milestone at `asOf` (a day number): done, in progress, overdue or not reported. */
export function judgeMilestone(ind: Indicator, entry: Entry | undefined, asOf: number, year: number): Judgement {
  const due = toTime(ind.deadline ?? targetClose('annual', year));
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
