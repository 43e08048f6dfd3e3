// Target extraction from free Chinese text, one pattern at a time.
import { extractIndicators } from '../../src/core/plan/indicators';
import { findDates, findQuantities } from '../../src/core/plan/quantities';

const item = (annualGoal: string, h1Plan = '', h2Plan = h1Plan, name = '测试事项') =>
  extractIndicators({ no: 7, name, annualGoal, h1Plan, h2Plan }, 2023);

const brief = (goal: string, h1?: string, h2?: string) =>
  item(goal, h1, h2).map((d) => ({ unit: d.unit, kind: d.kind, cmp: d.comparator, annual: d.annual, h1: d.h1, h2: d.h2 }));

describe('figures', () => {
  test.each([
    ['完成“两癌”检查 22 万人', 220000, '人'],
    ['覆盖1.5亿人', 150000000, '人'],
    ['全年开展三场活动', 3, '场'],
    ['走访慰问两次', 2, '次'],
    ['培训五百人', 500, '人'],
    ['培训１２００人', 1200, '人'],
    ['达到52%', 52, '%'],
    ['控制在3‰以内', 3, '‰'],
    ['降低0.5个百分点', 0.5, '个百分点'],
    ['孕产妇死亡率控制在15/10万以下', 15, '/10万'],
  ])('%s → %d %s', (text, value, unit) => {
    const [q] = findQuantities(text);
    expect(q).toBeDefined();
    expect(q.value).toBe(value);
    expect(q.unit).toBe(unit);
  });

  test.each([
    ['不少于20场次', '>='],
    ['至少1000名', '>='],
    ['600余本', '>='],
    ['98%以上', '>='],
    ['不低于20%', '>='],
    ['达到3000件', '>='],
    ['控制在10%以内', '<='],
    ['不超过5件', '<='],
    ['低于8%', '<='],
    ['3‰以下', '<='],
    ['约100场次', '≈'],
  ])('%s reads as %s', (text, cmp) => {
    expect(findQuantities(text)[0].comparator).toBe(cmp);
  });

  test.each([
    ['35—64岁妇女', 'ages'],
    ['0-3岁婴幼儿', 'ages'],
    ['13至17周岁儿童', 'ages'],
    ['2023年开展', 'years'],
    ['（鲁教体发〔2019〕1号）', 'document numbers'],
    ['累计投资1.95亿元', 'money'],
    ['儿童友好医院（32991 平方米）', 'areas'],
    ['5月份开展，于6月30日前上报', 'dates'],
    ['“两癌”检查', 'quoted words'],
    ['加强“6.6”爱眼日宣传', 'quoted numbers'],
    ['11个部门分工', 'counts of departments'],
    ['每千人口托位', 'bare 千'],
    ['第一批国家儿童友好城市', 'ordinals'],
  ])('%s is not a target (%s)', (text) => {
    expect(findQuantities(text)).toEqual([]);
  });
});

describe('indicators', () => {
  test('two targets in one sentence give two indicators, in order', () => {
    const inds = item('开展技能培训活动不少于20场次，培训人数不少于600人。', '不少于10场次，培训人数不少于300人。', '不少于10场次，培训人数不少于300人。');
    expect(inds.map((d) => [d.id, d.unit, d.annual, d.h1, d.h2])).toEqual([
      ['7.1', '场次', 20, 10, 10],
      ['7.2', '人', 600, 300, 300],
    ]);
  });

  test('完成全年任务的50% makes H1 half of the annual figure', () => {
    expect(brief('全年培训2000人。', '完成全年任务的50%。', '全部完成。')[0]).toMatchObject({ annual: 2000, h1: 1000, h2: null });
  });

  test('本目标为年度目标 leaves the halves empty', () => {
    expect(brief('达标优良率达到52%。', '本目标为年度目标。认真贯彻落实。', '')[0]).toEqual({
      unit: '%', kind: 'ratio', cmp: '>=', annual: 52, h1: null, h2: null,
    });
  });

  test('per-event figures are rates with their basis', () => {
    const inds = item('全市举办招聘活动20场次。', '举办招聘活动10场次，每场涵盖30家企业。', '举办招聘活动10场次，每场涵盖30家企业。');
    expect(inds[1]).toMatchObject({ id: '7.2', unit: '家', kind: 'ratio', per: '场', annual: 30, h1: 30, h2: 30 });
  });

  test('a change against last year is a change in 个百分点', () => {
    expect(item('近视率比上一年降低0.5个百分点。')[0]).toMatchObject({ kind: 'change', unit: '个百分点', annual: 0.5 });
  });

  test('a ≤ target keeps its comparator', () => {
    expect(item('孕产妇死亡率控制在10/10万以下。')[0]).toMatchObject({ kind: 'ratio', comparator: '<=', unit: '/10万', annual: 10 });
  });

  test('dates become deadlines, not targets', () => {
    const [d] = item('年底前完成至少1000名高素质女农民培育工作。');
    expect(d).toMatchObject({ annual: 1000, deadline: '2023-12-31' });
    expect(findDates('于6月30日前上报；5月份开展；12月底前；2024年末', 2023).map((x) => x.date)).toEqual([
      '2023-06-30', '2023-05-31', '2023-12-31', '2024-12-31',
    ]);
  });

  test('a dated task without a figure is a milestone', () => {
    const [d] = item('5月份在全市中小学开展“家庭教育宣传周”活动。');
    expect(d).toMatchObject({ kind: 'milestone', deadline: '2023-05-31', annual: null });
  });

  test('a qualitative item gets milestones from its half-year plans', () => {
    const inds = item('加快推进项目建设。', '主体工程完工。', '进行内部装修。');
    expect(inds.map((d) => [d.kind, d.label, d.deadline])).toEqual([
      ['milestone', '主体工程完工', '2023-06-30'],
      ['milestone', '进行内部装修', '2023-12-31'],
    ]);
  });

  test('各…一次 counts each listed occasion', () => {
    const [d] = item('每年四次对困境儿童进行走访慰问。', '在寒假、“六一”儿童节期间各开展一次关爱活动。', '在暑假、中秋节、国庆节期间各开展一次关爱活动。');
    expect([d.annual, d.h1, d.h2]).toEqual([4, 2, 3]);
  });
});
