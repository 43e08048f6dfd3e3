// The words before and after a figure that say how it is meant: a comparator ("不少于", "控制在", "约", "以内"),
// a level held ("稳定在"), or a change's direction ("降低", "提高").
import type { Comparator } from '../model';
import type { UnitKind } from './units';

export type Cue = 'approx' | 'le' | 'ge' | 'held' | 'down' | 'up';
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

// One regex for all cue words, longest first, anchored at the end of the text before a number.
const CUE_RE = new RegExp(`(${CUES.map(([w]) => w).join('|')})$`);
const CUE_OF = new Map(CUES);

/** The cue word right before the number at `numStart` (spaces between allowed), with where it starts. */
export function cueBefore(masked: string, numStart: number): { word: string; cue: Cue; at: number } | null {
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

/** The comparator from the cue before, the word after (以上/以内/左右), 余/多, a range, and whether a time is
 *  a limit. */
export function comparatorOf(
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

/** A change's direction: the cue word right before it, or for 个百分点 a direction word earlier in the clause. */
export function directionOf(
  masked: string,
  numStart: number,
  kind: UnitKind,
  cue: Cue | undefined,
): 'down' | 'up' | null {
  // "提升416人", "增加300个": so many more things, a count; a change is in %, 个百分点 or an amount.
  const directed = kind !== 'count';
  let direction: 'down' | 'up' | null = !directed ? null : cue === 'down' ? 'down' : cue === 'up' ? 'up' : null;
  // A change in 个百分点 without a word just before it still reads its direction from the clause.
  if (kind === 'points' && !direction) {
    const clause = masked.slice(Math.max(0, numStart - 30), numStart);
    if (CHANGE_DOWN.some((w) => clause.includes(w))) direction = 'down';
    else if (CHANGE_UP.some((w) => clause.includes(w))) direction = 'up';
  }
  return direction;
}
