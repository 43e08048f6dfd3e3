// Boundary tables for judge(): each comparator, each period's close (the day before, the day, the day after),
// pro rata on the days around a boundary, the ≤ rule, percent/fraction handling and remarks.
// Targets are chosen so the pro-rata expectation is a whole number of days: an H1 target of 181 (days from
// 01-01 to 06-30) and an annual target of 365 in 2023, so by day d of the year about d should be done.
import { judge } from '../../src/core/judge';
import type { Entry, Indicator, Status } from '../../src/core/model';

const YEAR = 2023;
const days: Indicator = {
  id: '9.1',
  item: 9,
  label: '活动',
  unit: '场',
  kind: 'count',
  comparator: '>=',
  annual: 365,
  h1: 181,
  h2: 184,
  deadline: null,
  per: null,
  source: '全年开展活动365场',
  review: null,
};
const ind = (over: Partial<Indicator> = {}): Indicator => ({ ...days, ...over });
const e = (h1: Entry['h1'], annual: Entry['annual'] = null, more: Partial<Entry> = {}): Entry => ({
  id: '9.1',
  h1,
  annual,
  ...more,
});
const at = (i: Indicator, entry: Entry | undefined, asOf: string) => judge(i, entry, asOf, YEAR);

type Row = [string, Indicator, Entry | undefined, string, Status, RegExp?];

/** Runs a table; each row names the boundary it pins. */
function table(rows: Row[]) {
  test.each(rows.map((row) => ({ name: row[0], row })))('$name', ({ row }) => {
    const [, i, entry, asOf, status, message] = row;
    const j = at(i, entry, asOf);
    expect(j.status).toBe(status);
    if (message) expect(j.message).toMatch(message);
  });
}

describe('H1 close (06-30): the day before, the day, the day after', () => {
  table([
    [
      '06-29, 180 of 181 by day 180: still pro rata, on track',
      ind(),
      e(180),
      '2023-06-29',
      'on-track',
      /截至2023年6月29日应完成约180场/,
    ],
    ['06-29, 179: behind the pro-rata share', ind(), e(179), '2023-06-29', 'at-risk', /落后进度约1场/],
    [
      '06-30, 180 of 181: H1 has closed, 未达标 with the gap',
      ind(),
      e(180),
      '2023-06-30',
      'shortfall',
      /^上半年目标181场，上半年完成180场，差1场/,
    ],
    [
      '06-30, exactly 181: H1 met, H2 not reported yet',
      ind(),
      e(181),
      '2023-06-30',
      'on-track',
      /已达到（100%）；下半年进度尚未填报/,
    ],
    ['07-01, 180: still 未达标 for H1', ind(), e(180), '2023-07-01', 'shortfall', /差1场/],
    ['06-29, blank: not due yet', ind(), undefined, '2023-06-29', 'not-due'],
    ['06-30, blank: the H1 figure is due', ind(), undefined, '2023-06-30', 'missing', /上半年完成未填报/],
    ['07-01, blank: missing', ind(), undefined, '2023-07-01', 'missing'],
  ]);
});

describe('year close (12-31): the day before, the day, the day after', () => {
  table([
    ['12-30, 364 by day 364: on track', ind(), e(181, 364), '2023-12-30', 'on-track', /应完成约364场/],
    ['12-30, 363: behind by one', ind(), e(181, 363), '2023-12-30', 'at-risk', /落后进度约1场/],
    [
      '12-31, 364 of 365: 未达标',
      ind(),
      e(181, 364),
      '2023-12-31',
      'shortfall',
      /^全年目标365场，全年完成364场，差1场/,
    ],
    ['12-31, exactly 365: 已达标', ind(), e(181, 365), '2023-12-31', 'met', /已达到（100%）/],
    ['next 01-01, 364: 未达标', ind(), e(181, 364), '2024-01-01', 'shortfall'],
    ['12-30, 365 reached early: 已达标', ind(), e(181, 365), '2023-12-30', 'met'],
    ['12-31, only an H1 figure: the year figure is owed', ind(), e(181), '2023-12-31', 'missing', /仅有上半年数据/],
    ['before the plan year: nothing is due', ind(), undefined, '2022-12-31', 'not-due', /2023年尚未开始/],
    ['01-01 of the plan year: day one of H1', ind(), e(1), '2023-01-01', 'on-track', /应完成约1场/],
  ]);
});

describe('a deadline before 12-31 closes the year there', () => {
  const due = ind({ h1: null, h2: null, annual: 100, deadline: '2023-09-30' });
  table([
    [
      '09-29, 99: still open, judged pro rata (272 of 273 days)',
      due,
      e(null, 99),
      '2023-09-29',
      'at-risk',
      /截至2023年9月29日应完成约/,
    ],
    ['09-30, 99: closed, 未达标', due, e(null, 99), '2023-09-30', 'shortfall', /差1场/],
    ['10-01, 100: 已达标', due, e(null, 100), '2023-10-01', 'met'],
  ]);
});

describe('pro rata on the days around a boundary', () => {
  const yearOnly = ind({ h1: null, h2: null });
  table([
    // Days are counted inclusively: on 01-01 one day of 181 has passed.
    ['H1, 03-31 (day 90): 90 is on track', ind(), e(90), '2023-03-31', 'on-track', /应完成约90场/],
    ['H1, 03-31: 89 is behind', ind(), e(89), '2023-03-31', 'at-risk', /落后进度约1场/],
    ['H1, 04-01 (day 91): 90 is behind', ind(), e(90), '2023-04-01', 'at-risk', /应完成约91场/],
    ['H2, 07-01 (day 182): 182 on track', ind(), e(181, 182), '2023-07-01', 'on-track', /应完成约182场/],
    ['H2, 07-01: 181 behind by one', ind(), e(181, 181), '2023-07-01', 'at-risk', /落后进度约1场/],
    ['H2, 09-30 (day 273): 273 on track', ind(), e(181, 273), '2023-09-30', 'on-track', /应完成约273场/],
    [
      'year only, 06-30 (day 181): 181 on track',
      yearOnly,
      e(null, 181),
      '2023-06-30',
      'on-track',
      /全年目标365场，截至2023年6月30日应完成约181场/,
    ],
    ['year only, 07-01 (day 182): 181 behind', yearOnly, e(null, 181), '2023-07-01', 'at-risk', /落后进度约1场/],
  ]);

  test('the 说明 of a pro-rata judgement in full', () => {
    expect(at(ind(), e(80), '2023-03-31').message).toBe(
      '上半年目标181场，截至2023年3月31日应完成约90场，上半年完成80场，落后进度约10场（完成全年21.9%）',
    );
  });
});

describe('comparators at their edge', () => {
  const cap = ind({ comparator: '<=', annual: 10, h1: null, h2: null, unit: '起' });
  const about = ind({ comparator: '≈', annual: 100, h1: null, h2: null });
  const exact = ind({ comparator: '=', annual: 100, h1: null, h2: null });
  table([
    [
      '>= exactly the target at the close: met',
      ind({ h1: null, h2: null, annual: 100 }),
      e(null, 100),
      '2023-12-31',
      'met',
    ],
    [
      '>= one under at the close: shortfall',
      ind({ h1: null, h2: null, annual: 100 }),
      e(null, 99),
      '2023-12-31',
      'shortfall',
    ],
    ['<= exactly the cap at the close: met', cap, e(null, 10), '2023-12-31', 'met', /未超出/],
    ['<= one over at the close: shortfall', cap, e(null, 11), '2023-12-31', 'shortfall', /超出1起/],
    ['<= one over while open: at risk', cap, e(null, 11), '2023-12-30', 'at-risk'],
    // The documented rule: a ≤ target can't be met before its period closes (more may still happen).
    ['<= under the cap the day before the close: on track, not met', cap, e(null, 5), '2023-12-30', 'on-track'],
    ['<= under the cap on the close: met', cap, e(null, 5), '2023-12-31', 'met'],
    ['<= zero early in the year: on track', cap, e(null, 0), '2023-02-01', 'on-track'],
    ['≈ exactly 95% at the close: basically met', about, e(null, 95), '2023-12-31', 'met', /基本达到（95%）/],
    ['≈ under 95% at the close: shortfall', about, e(null, 94.9), '2023-12-31', 'shortfall'],
    ['≈ over the target: met', about, e(null, 105), '2023-12-31', 'met', /已达到/],
    // '=' (milestones carry it; the 指标 sheet offers it) has no branch of its own in judge: a figure is judged as ≥.
    ['= exactly: met', exact, e(null, 100), '2023-12-31', 'met'],
    ['= over: met like ≥', exact, e(null, 101), '2023-12-31', 'met'],
    ['= under: shortfall', exact, e(null, 99), '2023-12-31', 'shortfall'],
  ]);

  test('a ≤ count over H1 with an H1 cap: judged against the H1 cap while H1 is open', () => {
    const h1cap = ind({ comparator: '<=', annual: 10, h1: 4, h2: 6, unit: '起' });
    expect(at(h1cap, e(4), '2023-06-29').status).toBe('on-track');
    expect(at(h1cap, e(5), '2023-06-29').status).toBe('at-risk');
    expect(at(h1cap, e(5), '2023-06-30').status).toBe('shortfall');
    expect(at(h1cap, e(4), '2023-06-30').status).toBe('on-track');
  });

  test('≤ targets have no completion rates', () => {
    const j = at(cap, e(null, 5), '2023-12-31');
    expect(j.h1Rate).toBeNull();
    expect(j.annualRate).toBeNull();
  });
});

describe('a rate with an H1 target: the H1 target until 06-30, then the annual one', () => {
  const rate = ind({ kind: 'ratio', unit: '%', h1: 50, h2: 60, annual: 60 });
  table([
    ['06-29, 55 against the H1 target 50: on track', rate, e(55), '2023-06-29', 'on-track', /^上半年目标50%/],
    ['06-30, 55: H1 met, now held to the annual 60: at risk', rate, e(55), '2023-06-30', 'at-risk', /^全年目标60%/],
    ['06-30, 49: the H1 target missed on its close', rate, e(49), '2023-06-30', 'shortfall', /^上半年目标50%/],
  ]);
});

describe('changes (增长/下降 figures) may be negative and hold at every moment', () => {
  const change = ind({ kind: 'change', unit: '个百分点', annual: 2, h1: null, h2: null });
  table([
    ['a negative change is a figure, not 数据有误', change, e(null, -1), '2023-12-31', 'shortfall'],
    ['exactly the change at the close: met', change, e(null, 2), '2023-12-31', 'met'],
    ['under the change while open: at risk (no pro rata for changes)', change, e(null, 1.9), '2023-07-01', 'at-risk'],
    ['at the change while open: on track, not met early', change, e(null, 2), '2023-07-01', 'on-track'],
  ]);
  test('an unreadable figure in either column is 数据有误, naming the column', () => {
    expect(at(ind(), e(181, '很多'), '2023-07-01')).toMatchObject({
      status: 'invalid',
      message: expect.stringMatching(/^全年完成/),
    });
    expect(at(ind(), e('很多', 200), '2023-07-01')).toMatchObject({
      status: 'invalid',
      message: expect.stringMatching(/^上半年完成/),
    });
  });

  test('a negative count is 数据有误', () => {
    expect(at(ind(), e(-1), '2023-07-01')).toMatchObject({ status: 'invalid' });
  });
});

describe('milestones around their deadline', () => {
  const ms = ind({
    kind: 'milestone',
    unit: '',
    comparator: '=',
    annual: null,
    h1: null,
    h2: null,
    deadline: '2023-06-30',
  });
  const yearMs = ind({
    kind: 'milestone',
    unit: '',
    comparator: '=',
    annual: null,
    h1: null,
    h2: null,
    deadline: null,
  });
  table([
    ['06-29, 未完成: on track', ms, e('未完成'), '2023-06-29', 'on-track', /推进中，要求2023年6月30日前完成/],
    ['06-30, 未完成: overdue', ms, e('未完成'), '2023-06-30', 'shortfall', /已逾期/],
    ['07-01, 未完成: overdue', ms, e('未完成'), '2023-07-01', 'shortfall'],
    ['06-29, blank: not due', ms, undefined, '2023-06-29', 'not-due', /尚未到期/],
    ['06-30, blank: missing', ms, undefined, '2023-06-30', 'missing', /尚未填报/],
    ['06-29, 已完成: met before the deadline', ms, e('已完成'), '2023-06-29', 'met'],
    ['a completion date counts as done', ms, e(null, '2023-06-15'), '2023-07-01', 'met'],
    [
      'without a deadline: due 12-31, open on 12-30',
      yearMs,
      e(null, '进行中'),
      '2023-12-30',
      'on-track',
      /2023年12月31日/,
    ],
    ['without a deadline: closed on 12-31', yearMs, e(null, '进行中'), '2023-12-31', 'shortfall'],
  ]);
});

describe('the 100× sanity bound and percentages', () => {
  const pct = ind({ unit: '%', kind: 'ratio', annual: 52, h1: null, h2: null });
  table([
    [
      'exactly 100× the target is a figure',
      ind({ annual: 100, h1: null, h2: null }),
      e(null, 10000),
      '2023-12-31',
      'met',
    ],
    [
      'just over 100× is 数据有误',
      ind({ annual: 100, h1: null, h2: null }),
      e(null, 10001),
      '2023-12-31',
      'invalid',
      /超过目标的100倍/,
    ],
    ['100% is a percentage', pct, e(null, 100), '2023-12-31', 'met'],
    ['100.1% is 数据有误', pct, e(null, 100.1), '2023-12-31', 'invalid', /不能超过100/],
    ['0.52 written plainly is read as 52%', pct, e(null, 0.52), '2023-12-31', 'met', /全年完成填写0.52，按52%计/],
    ['0.51 is 51%, just under', pct, e(null, 0.51), '2023-12-31', 'shortfall'],
    ['52 in a %-formatted cell is 52%', pct, e(null, 52, { annualPercent: true }), '2023-12-31', 'met'],
  ]);

  test('a ratio rate at the close is the figure over the target, to one decimal', () => {
    expect(at(pct, e(null, 26), '2023-12-31').annualRate).toBe(50);
    expect(at(ind(), e(100), '2023-06-30').h1Rate).toBe(55.2);
  });

  test('the cumulative year figure can equal H1, not fall below it', () => {
    expect(at(ind(), e(181, 181), '2023-07-01').status).not.toBe('invalid');
    expect(at(ind(), e(181, 180), '2023-07-01')).toMatchObject({ status: 'invalid' });
  });
});

describe('remarks around a figure stay in 说明 after the judgement', () => {
  test.each([
    ['约365场', 365, 'met'],
    ['364余场', 364, 'shortfall'],
    ['365（含线上）', 365, 'met'],
  ] as const)('“%s” at the close', (typed, value, status) => {
    const j = at(ind(), e(181, typed), '2023-12-31');
    expect(j).toMatchObject({ status, annualActual: value });
    expect(j.message).toMatch(new RegExp(`；全年完成填报“${typed.replace(/[()（）]/g, '.')}”`));
  });
});
