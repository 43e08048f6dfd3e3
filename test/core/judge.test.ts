// Progress judgement at an as-of date.
import { chineseDate, isIsoDate, judge, judgeAll, summarize } from '../../src/core/judge';
import type { Entry, Indicator } from '../../src/core/model';

const base: Indicator = {
  id: '1.1',
  item: 1,
  label: '“两癌”检查',
  unit: '人',
  kind: 'count',
  comparator: '>=',
  annual: 220000,
  h1: 100000,
  h2: 120000,
  deadline: null,
  per: null,
  source: '完成“两癌”检查 22 万人',
  review: null,
};
const ind = (over: Partial<Indicator> = {}): Indicator => ({ ...base, ...over });
const entry = (h1: Entry['h1'], annual: Entry['annual'] = null): Entry => ({ id: '1.1', h1, annual });
const at = (i: Indicator, e: Entry | undefined, asOf: string) => judge(i, e, asOf, 2023);

describe('additive targets', () => {
  test('H1 closed below its target is 未达标, with the gap in 说明', () => {
    const j = at(ind(), entry(80000), '2023-06-30');
    expect(j.status).toBe('shortfall');
    expect(j.message).toBe('上半年目标10万人，上半年完成8万人，差2万人（80%）');
    expect(j.h1Rate).toBe(80);
    expect(j.annualRate).toBe(36.4);
    expect(j.h1Actual).toBe(80000);
  });

  test('H1 closed at or above its target and still going is 按期推进', () => {
    expect(at(ind(), entry(100000), '2023-07-01').status).toBe('on-track');
  });

  test('the annual target reached is 已达标, even before the year ends', () => {
    expect(at(ind(), entry(100000, 230000), '2023-09-30').status).toBe('met');
  });

  test('below the pro-rata expectation in an open period is 进度滞后', () => {
    // By 3-31 about half of H1 (100000) is expected.
    const j = at(ind(), entry(20000), '2023-03-31');
    expect(j.status).toBe('at-risk');
    expect(j.message).toContain('落后进度');
  });

  test('at or above the pro-rata expectation is 按期推进', () => {
    expect(at(ind(), entry(60000), '2023-03-31').status).toBe('on-track');
  });

  test('a figure due but blank is 未填报; nothing due is 未到期', () => {
    expect(at(ind(), undefined, '2023-07-15').status).toBe('missing');
    expect(at(ind(), undefined, '2023-05-01').status).toBe('not-due');
    expect(at(ind(), entry(null, null), '2024-01-05').status).toBe('missing');
  });

  test('the year closed below the annual target is 未达标', () => {
    const j = at(ind(), entry(100000, 200000), '2023-12-31');
    expect(j.status).toBe('shortfall');
    expect(j.message).toContain('差2万人');
  });

  test('an indicator without half-year targets is judged pro rata over the year', () => {
    const i = ind({ h1: null, h2: null, annual: 1200 });
    expect(at(i, entry(null, 300), '2023-06-30').status).toBe('at-risk');
    expect(at(i, entry(null, 700), '2023-06-30').status).toBe('on-track');
  });

  test('a deadline before the year end closes the indicator then', () => {
    const i = ind({ h1: 600, h2: null, annual: 600, deadline: '2023-06-30' });
    expect(at(i, entry(500), '2023-07-01').status).toBe('shortfall');
    expect(at(i, entry(600), '2023-07-01').status).toBe('met');
  });
});

describe('rates and ≤ targets', () => {
  const ratio = ind({ id: '3.1', unit: '%', kind: 'ratio', annual: 52, h1: null, h2: null });

  test('a ratio below its threshold after the period closed is 未达标', () => {
    expect(at(ratio, entry(null, 50), '2023-12-31').status).toBe('shortfall');
    expect(at(ratio, entry(null, 53), '2023-12-31').status).toBe('met');
  });

  test('a ratio below its threshold while open is 进度滞后, above it 按期推进', () => {
    expect(at(ratio, entry(48), '2023-08-01').status).toBe('at-risk');
    expect(at(ratio, entry(55), '2023-08-01').status).toBe('on-track');
  });

  test('a ≤ target flips the comparison', () => {
    const mortality = ind({ unit: '/10万', kind: 'ratio', comparator: '<=', annual: 10, h1: null, h2: null });
    expect(at(mortality, entry(null, 9), '2023-12-31').status).toBe('met');
    const over = at(mortality, entry(null, 12), '2023-12-31');
    expect(over.status).toBe('shortfall');
    expect(over.message).toContain('超出2/10万');
    expect(at(mortality, entry(12), '2023-05-01').status).toBe('at-risk');
  });

  test('≈ accepts a figure close to the target', () => {
    const about = ind({ comparator: '≈', annual: 100, h1: 50, h2: 50, unit: '场次' });
    expect(at(about, entry(50, 96), '2023-12-31').status).toBe('met');
    expect(at(about, entry(50, 90), '2023-12-31').status).toBe('shortfall');
  });
});

describe('invalid entries', () => {
  test.each([
    [entry('很多'), /上半年完成无法识别为数字/],
    [entry(-5), /不能为负数/],
    [entry(100000, 90000), /小于上半年完成/],
    [entry(1e9), /100倍/],
  ])('%j is 数据有误', (e, reason) => {
    const j = at(ind(), e, '2023-07-01');
    expect(j.status).toBe('invalid');
    expect(j.message).toMatch(reason);
  });

  test('a percentage over 100 is 数据有误', () => {
    const j = at(ind({ unit: '%', kind: 'ratio', annual: 52, h1: null, h2: null }), entry(120), '2023-07-01');
    expect(j.status).toBe('invalid');
    expect(j.message).toContain('不能超过100');
  });

  test('typed forms are accepted: 8.5万, 3,200, full-width digits', () => {
    expect(at(ind(), entry('8.5万'), '2023-06-30').h1Actual).toBe(85000);
    expect(at(ind({ annual: 5000, h1: 2500, h2: 2500 }), entry('3,200'), '2023-06-30').status).toBe('on-track');
    expect(at(ind(), entry('１０万'), '2023-06-30').status).toBe('on-track');
  });
});

describe('milestones', () => {
  const ms = ind({
    id: '20.1',
    kind: 'milestone',
    unit: '',
    comparator: '=',
    annual: null,
    h1: null,
    h2: null,
    deadline: '2023-06-30',
  });

  test.each(['已完成', '完成', '是', '✓', '2023-05-20'])('“%s” means done', (v) => {
    expect(at(ms, entry(v), '2023-07-01').status).toBe('met');
  });

  test('past its deadline: blank is 未填报, 未完成 is 未达标', () => {
    expect(at(ms, undefined, '2023-07-01').status).toBe('missing');
    expect(at(ms, entry('未完成'), '2023-07-01').status).toBe('shortfall');
  });

  test('before its deadline: blank is 未到期, 进行中 is 按期推进', () => {
    expect(at(ms, undefined, '2023-03-01').status).toBe('not-due');
    expect(at(ms, entry('进行中'), '2023-03-01').status).toBe('on-track');
  });

  test('an unreadable answer is 数据有误 with what to write', () => {
    expect(at(ms, entry('大概吧'), '2023-03-01')).toMatchObject({
      status: 'invalid',
      message: expect.stringContaining('已完成'),
    });
  });
});

describe('helpers', () => {
  test('judgeAll matches entries by id and summarize counts every status', () => {
    const inds = [ind(), ind({ id: '1.2' })];
    const js = judgeAll(inds, [{ id: '1.2', h1: 100000, annual: null }], '2023-07-01', 2023);
    expect(js.map((j) => j.status)).toEqual(['missing', 'on-track']);
    expect(summarize(js)).toEqual({
      met: 0,
      'on-track': 1,
      'at-risk': 0,
      shortfall: 0,
      missing: 1,
      'not-due': 0,
      invalid: 0,
    });
  });

  test('dates', () => {
    expect(isIsoDate('2023-06-30')).toBe(true);
    expect(isIsoDate('2023-02-30')).toBe(false);
    expect(isIsoDate('2023/06/30')).toBe(false);
    expect(chineseDate('2023-06-30')).toBe('2023年6月30日');
  });
});

test('a target due by 06-30 asks for 上半年完成 in its 说明', () => {
  const i = ind({ h1: 600, h2: null, annual: 600, deadline: '2023-06-30', unit: '本' });
  expect(at(i, undefined, '2023-07-01').message).toBe('目标（2023年6月30日前）600本，上半年完成未填报');
});

describe('one basis per rate, and 说明 says which figure was used', () => {
  test('上半年完成率 is against the H1 target, 全年完成率 against the annual target, side by side', () => {
    const behind = at(ind(), entry(93000), '2023-06-30');
    expect(behind).toMatchObject({ status: 'shortfall', h1Rate: 93, annualRate: 42.3 });
    const onTrack = at(ind(), entry(110000), '2023-06-30');
    expect(onTrack).toMatchObject({ status: 'on-track', h1Rate: 110, annualRate: 50 });
  });

  test('at year end a ratio with only an H1 figure is not 已达标: the year figure is owed, and 说明 says so', () => {
    const ratio = ind({ id: '17.2', unit: '%', kind: 'ratio', annual: 98, h1: null, h2: null });
    const j = at(ratio, entry(99), '2023-12-31');
    expect(j.status).toBe('missing');
    expect(j.message).toBe('全年目标98%，全年完成未填报（仅有上半年数据：上半年完成99%）');
    expect(j.annualRate).toBeNull();
    // Before the close the H1 figure is the latest one, and 说明 names it.
    expect(at(ratio, entry(99), '2023-09-30').message).toBe(
      '全年目标98%，仅有上半年数据，上半年完成99%，已达到（101%）',
    );
  });

  test('differences of percentages are in 个百分点', () => {
    const ratio = ind({ id: '5.2', unit: '%', kind: 'ratio', annual: 70, h1: null, h2: null });
    expect(at(ratio, entry(null, 68), '2023-12-31').message).toBe('全年目标70%，全年完成68%，差2个百分点（97.1%）');
  });

  test('pro-rata figures are rounded as people write them', () => {
    const trained = ind({ id: '11.1', unit: '名', annual: 1000, h1: null, h2: null });
    expect(at(trained, entry(450), '2023-06-30').message).toBe(
      '全年目标1000名，截至2023年6月30日应完成约496名，上半年完成450名，落后进度约46名（完成全年45%）',
    );
    const places = ind({ id: '13.2', unit: '个', kind: 'level', annual: 24000, h1: null, h2: null });
    expect(at(places, entry(21000), '2023-06-30').message).toContain('应完成约1.19万个');
  });
});

describe('percentages as spreadsheets store them', () => {
  const rate = ind({ id: '16.1', unit: '%', kind: 'ratio', annual: 20, h1: 20, h2: 20 });

  test('a value in a percentage-formatted cell is that percentage, noted in 说明', () => {
    const j = at(rate, { id: '16.1', h1: 0.22, annual: null, h1Percent: true }, '2023-07-01');
    expect(j).toMatchObject({ status: 'on-track', h1Actual: 22 });
    expect(j.message).toContain('上半年完成单元格为百分比格式，读作22%');
    // Without the format flag, 0.22 against a 20% target is read as the fraction it looks like.
    const plain = at(rate, entry(0.22), '2023-07-01');
    expect(plain).toMatchObject({ status: 'on-track', h1Actual: 22 });
    expect(plain.message).toContain('上半年完成填写0.22，按22%计');
  });

  test('0.99 in a 满意率 cell is 99%, not 进度滞后', () => {
    const satisfied = ind({ id: '17.2', unit: '%', kind: 'ratio', annual: 98, h1: null, h2: null });
    expect(at(satisfied, entry(null, 0.99), '2023-12-31')).toMatchObject({ status: 'met', annualActual: 99 });
  });

  test('a ≤ target keeps a small figure as it is (0.8% can be real)', () => {
    const cap = ind({ unit: '%', kind: 'ratio', comparator: '<=', annual: 5, h1: null, h2: null });
    expect(at(cap, entry(null, 0.8), '2023-12-31')).toMatchObject({ status: 'met', annualActual: 0.8 });
  });

  test('a %-formatted cell over 1 (53 written by a program) is taken as 53%', () => {
    const j = at(rate, { id: '16.1', h1: 53, annual: null, h1Percent: true }, '2023-07-01');
    expect(j.h1Actual).toBe(53);
  });
});

describe('figures with remarks and units', () => {
  const events = ind({ id: '12.1', unit: '场次', annual: 10, h1: 5, h2: 5 });
  test.each([
    ['约10场', 10, '约'],
    ['5000+', 5000, '+'],
    ['30余', 30, '余'],
    ['30余场', 30, '余'],
    ['13处（主体完工）', 13, '主体完工'],
    ['2次（含线上）', 2, '含线上'],
  ])('“%s” gives %d with the remark kept in 说明', (typed, value, remark) => {
    const i = ind({ id: '9.9', unit: typed.includes('处') ? '处' : '场次', annual: 100000, h1: null, h2: null });
    const j = at(i, entry(null, typed), '2023-07-01');
    expect(j.status).not.toBe('invalid');
    expect(j.annualActual).toBe(value);
    expect(j.message).toContain(`全年完成填报“${typed}”`);
    expect(j.message).toContain(remark);
  });

  test('a unit of another kind is 数据有误 with the reason; the same kind is converted', () => {
    const people = ind({ id: '9.2', unit: '人', annual: 600, h1: 300, h2: 300 });
    const j = at(people, entry('1,200人次'), '2023-07-01');
    expect(j.status).toBe('invalid');
    expect(j.message).toBe(
      '上半年完成“1,200人次”的单位是“人次”，本指标按“人”统计，请换算后填写数字（说明可写在进展情况）',
    );
    expect(at(ind(), entry('1.2万人'), '2023-06-30').h1Actual).toBe(12000);
    expect(at(people, entry('320名'), '2023-07-01')).toMatchObject({ status: 'on-track', h1Actual: 320 });
    expect(at(events, entry('5场'), '2023-07-01')).toMatchObject({ status: 'on-track', h1Actual: 5 });
  });
});
