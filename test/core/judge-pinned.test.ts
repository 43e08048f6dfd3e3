// judge() where StrykerJS found it unpinned: the pro-rata share of an H1 target that is not half the year's,
// the targets an indicator without an annual figure is held to, the rates, which figure a message names, and
// the milestone spellings. Each test names the rule; each failed under a mutant of judge.ts that the older tests
// let through (see README, Mutation testing).
import { isIsoDate, judge } from '../../src/core/judge';
import type { Entry, Indicator } from '../../src/core/model';
import { uncalculatedFormula } from '../../src/core/formula';

const YEAR = 2023;
const base: Indicator = {
  id: '3.1',
  item: 3,
  label: '培训',
  unit: '场',
  kind: 'count',
  comparator: '>=',
  annual: 365,
  h1: 100,
  h2: 265,
  deadline: null,
  per: null,
  source: '全年培训365场',
  review: null,
};
const ind = (over: Partial<Indicator> = {}): Indicator => ({ ...base, ...over });
const e = (h1: Entry['h1'], annual: Entry['annual'] = null): Entry => ({ id: base.id, h1, annual });
const at = (i: Indicator, entry: Entry | undefined, asOf: string) => judge(i, entry, asOf, YEAR);
/** A rate held at every moment: 上半年 ≥ 90%, 全年 ≥ 95%. */
const ratio = (over: Partial<Indicator> = {}) =>
  ind({ unit: '%', kind: 'ratio', annual: 95, h1: 90, h2: null, source: '达到95%', ...over });

describe('pro rata against an H1 target that is not half the year (100 of 365 by 06-30)', () => {
  // Day 60 (03-01): 100 × 60/181 ≈ 33.1 due; the annual share would be 60.
  test('before 06-30 the H1 target is shared over the half year, not the annual one', () => {
    expect(at(ind(), e(34), '2023-03-01')).toMatchObject({ status: 'on-track' });
    const behind = at(ind(), e(33), '2023-03-01');
    expect(behind.status).toBe('at-risk');
    expect(behind.message).toBe(
      '上半年目标100场，截至2023年3月1日应完成约33场，上半年完成33场，落后进度约0.1场（完成全年9%）',
    );
  });
  // 09-30: 100 + 265 × 92/184 = 232.5 due; the annual share would be 273.
  test('after 06-30 the rest of the year target is shared over the second half', () => {
    const ok = at(ind(), e(120, 240), '2023-09-30');
    expect(ok.status).toBe('on-track');
    expect(ok.message).toBe('全年目标365场，截至2023年9月30日应完成约233场，全年完成240场（完成全年65.8%）');
    expect(at(ind(), e(120, 230), '2023-09-30').status).toBe('at-risk');
  });
  test('on 06-30 itself, with H1 met and a year figure in, the annual target names the share', () => {
    const j = at(ind(), e(100, 120), '2023-06-30');
    expect(j.status).toBe('on-track');
    expect(j.message).toMatch(/^全年目标365场，截至2023年6月30日应完成约100场，全年完成120场/);
  });
  test('H1 met and nothing for H2 yet: on track, and the message says H2 is not in', () => {
    const j = at(ind(), e(120), '2023-08-01');
    expect(j).toMatchObject({ status: 'on-track', h1Rate: 120, annualRate: 32.9 });
    expect(j.message).toBe('上半年目标100场，上半年完成120场，已达到（120%）；下半年进度尚未填报');
  });
  test('with a year figure in, a met H1 does not hide a year behind its share', () => {
    expect(at(ind(), e(200, 210), '2023-09-30').status).toBe('at-risk');
  });
});

describe('targets when the plan gives no annual figure', () => {
  test('a count without 全年: H1 + H2 is the year', () => {
    const j = at(ind({ annual: null, h1: 100, h2: 200 }), e(100, 300), '2023-12-31');
    expect(j.status).toBe('met');
    expect(j.message).toMatch(/^全年目标300场/);
    expect(at(ind({ annual: null, h1: 100, h2: 200 }), e(100, 299), '2023-12-31').status).toBe('shortfall');
  });
  test('a rate without 全年: the H2 target is the year, else the H1 one', () => {
    const j = at(ratio({ annual: null, h1: 90, h2: 96 }), e(90, 95), '2023-12-31');
    expect(j.status).toBe('shortfall');
    expect(j.message).toMatch(/^全年目标96%/);
    expect(at(ratio({ annual: null, h1: 90, h2: null }), e(90, 92), '2023-12-31')).toMatchObject({
      status: 'met',
      message: expect.stringMatching(/^全年目标90%/),
    });
  });
  test('no target at all: a figure is noted, never judged, also after the close', () => {
    const none = ind({ annual: null, h1: null, h2: null });
    expect(at(none, e(5), '2023-05-01')).toMatchObject({ status: 'on-track', message: '已填报5场' });
    expect(at(none, e(5), '2023-12-31')).toMatchObject({ status: 'on-track', message: '已填报5场' });
    expect(at(none, undefined, '2023-05-01')).toMatchObject({ status: 'not-due', message: '尚未到期' });
  });
  test('the 100-times check uses whichever target there is', () => {
    expect(at(ind({ annual: null, h1: 10, h2: null }), e(5000), '2023-03-01').status).toBe('invalid');
    expect(at(ind({ annual: null, h1: null, h2: 10 }), e(5000), '2023-03-01').status).toBe('invalid');
    expect(at(ind({ annual: null, h1: 10, h2: null }), e(999), '2023-03-01').status).not.toBe('invalid');
  });
});

describe('rates', () => {
  test('H1 and annual rates of a ≥ count; none for a ≤ target, a missing figure or a missing target', () => {
    expect(at(ind(), e(50), '2023-05-01')).toMatchObject({ h1Rate: 50, annualRate: 13.7 });
    expect(at(ind({ h1: null, h2: null }), e(50), '2023-05-01')).toMatchObject({ h1Rate: null, annualRate: 13.7 });
    expect(at(ind(), e(null, 50), '2023-05-01')).toMatchObject({ h1Rate: null, annualRate: 13.7 });
    const cap = ind({ comparator: '<=', annual: 15, h1: 10, h2: null });
    expect(at(cap, e(5, 8), '2023-12-31')).toMatchObject({ h1Rate: null, annualRate: null });
  });
  test('a target due by 06-30 has no separate H1 rate', () => {
    const early = ind({ deadline: '2023-06-30', annual: 10, h1: 10, h2: null });
    expect(at(early, e(5), '2023-05-01')).toMatchObject({ h1Rate: null, annualRate: 50 });
  });
  test('a zero target has no rate, and the message shows none', () => {
    const zero = ind({ annual: 0, h1: null, h2: null });
    const j = at(zero, e(null, 3), '2023-12-31');
    expect(j).toMatchObject({ status: 'met', annualRate: null });
    expect(j.message).toBe('全年目标0场，全年完成3场，已达到');
  });
  test('a ≤ target states the gap with no percentage', () => {
    const cap = ind({ comparator: '<=', annual: 15, h1: null, h2: null, unit: '起' });
    expect(at(cap, e(null, 12), '2023-12-31').message).toBe('全年目标15起，全年完成12起，未超出');
    expect(at(cap, e(null, 17), '2023-12-31').message).toBe('全年目标15起，全年完成17起，超出2起');
  });
});

describe('which rule applies to which kind', () => {
  test('a rate may fall from H1 to the year: not the additive 全年 < 上半年 error', () => {
    expect(at(ratio(), e(96, 94), '2023-09-30').status).toBe('at-risk');
  });
  test('a rate that already reaches the annual target before the close is on track, not met', () => {
    expect(at(ratio(), e(92, 96), '2023-09-30')).toMatchObject({ status: 'on-track' });
  });
  test('a ≤ count under its cap before the close is on track, not met', () => {
    const cap = ind({ comparator: '<=', annual: 15, h1: null, h2: null, unit: '起' });
    expect(at(cap, e(3), '2023-09-30').status).toBe('on-track');
  });
  test('a count that reached its year early is met, with the year target named', () => {
    const j = at(ind(), e(120, 370), '2023-09-30');
    expect(j.status).toBe('met');
    expect(j.message).toMatch(/^全年目标365场，全年完成370场，已达到/);
  });
  test('a rate after 06-30 with H1 met but H2 not in is held to the annual target', () => {
    expect(at(ratio(), e(92), '2023-08-01')).toMatchObject({ status: 'at-risk' });
  });
});

describe('which figure the message names', () => {
  test('a rate before 06-30 is compared with the H1 target, with no prefix', () => {
    expect(at(ratio(), e(85), '2023-05-01').message).toBe('上半年目标90%，上半年完成85%，差5个百分点（94.4%）');
  });
  test('after 06-30 with only the H1 figure, the message says so', () => {
    expect(at(ratio(), e(96), '2023-09-30').message).toBe(
      '全年目标95%，仅有上半年数据，上半年完成96%，已达到（101.1%）',
    );
    expect(at(ratio(), e(96, 96), '2023-09-30').message).toBe('全年目标95%，全年完成96%，已达到（101.1%）');
  });
  test('an H1 shortfall of a rate with only the year figure names 全年完成', () => {
    const j = at(ratio(), e(null, 80), '2023-07-15');
    expect(j.status).toBe('shortfall');
    expect(j.message).toBe('上半年目标90%，全年完成80%，差10个百分点（88.9%）');
  });
  test('a target due by 06-30, judged after: the figure named is the one given', () => {
    const early = ind({ deadline: '2023-06-30', annual: 10, h1: null, h2: null });
    expect(at(early, e(null, 12), '2023-07-01').message).toBe(
      '目标（2023年6月30日前）10场，全年完成12场，已达到（120%）',
    );
    expect(at(early, e(12), '2023-07-01').message).toBe('目标（2023年6月30日前）10场，上半年完成12场，已达到（120%）');
  });
  test('nothing in yet: the annual target is named', () => {
    expect(at(ind(), undefined, '2023-03-01').message).toBe('全年目标365场，尚未到期');
  });
  test('before the year starts: a figure already in is noted', () => {
    expect(at(ind(), e(3), '2022-12-31')).toMatchObject({ status: 'on-track', message: '2023年尚未开始，已填报3场' });
    expect(at(ind(), undefined, '2022-12-31')).toMatchObject({ status: 'not-due', message: '2023年尚未开始' });
  });
  test('how a figure with a remark was read follows the judgement after ；', () => {
    expect(at(ind(), e('约40场'), '2023-03-01').message).toMatch(/；上半年完成填报“约40场”，按40场计$/);
  });
});

describe('milestones', () => {
  const ms = ind({ kind: 'milestone', unit: '', annual: null, h1: null, h2: null, deadline: '2023-10-31' });
  test.each([
    ['a date', new Date(Date.UTC(2023, 4, 20)), 'met'],
    ['true', true, 'met'],
    ['已完成 with spaces', ' 已完成 ', 'met'],
    ['a date typed as text', '2023-05-20', 'met'],
    ['a month typed as text', '2023-05', 'met'],
    ['未完成 with spaces', ' 未完成 ', 'on-track'],
    ['blank text', '   ', 'not-due'],
    ['text before a date', '约2023-05', 'invalid'],
    ['text after a date', '2023-05-201', 'invalid'],
    ['a formula without its result', uncalculatedFormula('A1+1'), 'invalid'],
  ] as const)('%s on 2023-09-01', (_name, value, status) => {
    expect(at(ms, e(value), '2023-09-01').status).toBe(status);
  });
  test('a formula without its result is named as such, not as an unknown word', () => {
    expect(at(ms, e(uncalculatedFormula('A1+1')), '2023-09-01').message).toBe(
      '公式未计算，请在 Excel 中打开并保存后再报',
    );
  });
  test('the met message names the deadline', () => {
    expect(at(ms, e('已完成'), '2023-09-01').message).toBe('已完成（要求2023年10月31日前完成）');
  });
});

test('isIsoDate: a real calendar date written YYYY-MM-DD, nothing around it', () => {
  expect(isIsoDate('2023-06-30')).toBe(true);
  expect(isIsoDate('2023-02-30')).toBe(false);
  expect(isIsoDate('x2023-06-30')).toBe(false);
  expect(isIsoDate('2023-06-301')).toBe(false);
  expect(isIsoDate('2023-6-30')).toBe(false);
});
