// Drafts of indicators: what kind a figure is (count, level, ratio, change), and the draft a figure or a
// dated task makes before ids are given.
import type { Indicator, IndicatorKind } from '../model';
import { toHalfWidth } from '../text';
import { trimLabel } from './labels';
import type { Quantity } from './quantities';
import type { Found } from './targets';

// A label that names the fall ("近视率比上一年降低", "降低孕产妇死亡率") is read as the size of the fall: ≥.
const DOWN_WORDS = /降低|下降|减少|压减/;

const RATE_KINDS = new Set(['percent', 'permille', 'concentration', 'population']);

function kindOf(q: Quantity, label: string): IndicatorKind {
  if (q.unitKind === 'points' || q.direction) return 'change';
  if ((q.unitKind && RATE_KINDS.has(q.unitKind)) || /率|比例|比重|占比|人均|平均/.test(label) || q.per) return 'ratio';
  if (q.unitKind === 'time' || q.held || /总|累计|保有|覆盖/.test(label)) return 'level';
  return 'count';
}

/** An indicator before its id; `fromHalf`: found only in a work plan; `at`: offset in the goal text. */
export interface Draft extends Omit<Indicator, 'id'> {
  fromHalf: boolean;
  at: number;
}

export function draftOf(f: Found, itemNo: number): Draft {
  const kind = kindOf(f.q, f.label);
  return {
    item: itemNo,
    label: f.label,
    unit: f.q.unit,
    kind,
    comparator: kind === 'change' && f.q.direction === 'down' && !DOWN_WORDS.test(f.label) ? '<=' : f.q.comparator,
    annual: f.q.value,
    h1: null,
    h2: null,
    deadline: f.deadline,
    per: f.q.per,
    source: f.source,
    review: f.review,
    fromHalf: false,
    at: f.at,
  };
}

/** A dated task: done or not by its deadline. */
export function milestone(
  itemNo: number,
  label: string,
  deadline: string,
  source: string,
): Omit<Draft, 'fromHalf' | 'at'> {
  return {
    item: itemNo,
    label,
    unit: '',
    kind: 'milestone',
    comparator: '=',
    annual: null,
    h1: null,
    h2: null,
    deadline,
    per: null,
    source,
    review: null,
  };
}

/** The part of a work plan that carries its date ("三是…于6月30日前上报"), else the plan itself. */
export function milestoneLabel(text: string): string {
  const parts = toHalfWidth(text)
    .split(/[；;。]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const dated = parts.find((p) => /\d{1,2}月/.test(p));
  return trimLabel(dated ?? parts.join('；')) || text.trim();
}
