// Golden test of the seed plan: every item's name and lead units, and every indicator, reviewed by hand.
import * as fs from 'fs';
import * as path from 'path';
import { parsePlan } from '../../src/core/plan/parse';
import { PlanSchema } from '../../src/core/model';

const seed = fs.readFileSync(path.join(__dirname, '../../seeds/000_c36e4d77f78aadb1.txt'), 'utf8');

const NAMES: Array<[number, string, string[]]> = [
  [1, '扩大农村适龄妇女、城镇低保家庭妇女宫颈癌和乳腺癌检查覆盖面', ['市卫生健康委']],
  [2, '控制孕产妇死亡率', ['市卫生健康委']],
  [3, '提升中小学生体质健康标准达标优良率', ['市教育局']],
  [4, '综合防控儿童青少年近视', ['市教育局']],
  [5, '新增一批公办幼儿园', ['市教育局']],
  [6, '全域推进中小学性别平等教育', ['市教育局']],
  [7, '建立学校家庭社会协同育人机制', ['市教育局', '市妇联']],
  [8, '举办女性专场招聘活动', ['市人力资源社会保障局']],
  [9, '加强妇女创业就业培训', ['市妇联']],
  [10, '开展“爱在山海 遇见幸福”青年人才喜相逢联谊活动', ['市妇联', '市总工会', '团市委']],
  [11, '开展高素质女农民培育工作', ['市农业农村局']],
  [12, '开展“乡村振兴巾帼行——科技直通车”系列活动', ['市妇联', '市农业农村局']],
  [13, '促进3岁以下婴幼儿照护服务发展', ['市卫生健康委']],
  [14, '开展残疾儿童康复救助', ['市残联']],
  [15, '开展困境儿童走访关爱', ['市妇联']],
  [16, '加大家庭暴力处置力度', ['市公安局']],
  [17, '提升妇女儿童法律援助案件质量', ['市司法局']],
  [18, '开展阅读推广人进学校、进社区活动', ['市文化和旅游局', '市妇联', '市教育局']],
  [19, '开展家庭亲子美育体验活动', ['市文化和旅游局', '市教育局', '市妇联']],
  [20, '创建国家儿童友好城市', ['龙口市政府']],
];
// id, label, unit, kind, comparator, annual, h1, h2, deadline, per
const INDICATORS: Array<
  [string, string, string, string, string, number | null, number | null, number | null, string | null, string | null]
> = [
  ['1.1', '完成“两癌”检查', '人', 'count', '>=', 220000, 100000, 120000, null, null],
  [
    '2.1',
    '各区市组织一次技能操作观摩活动，于6月30日前上报活动情况',
    '',
    'milestone',
    '=',
    null,
    null,
    null,
    '2023-06-30',
    null,
  ],
  [
    '2.2',
    '各区市组织一次技能操作观摩活动，市妇保院组织一次全市母婴安全技能大练兵活动，于12月30日前上报活动情况',
    '',
    'milestone',
    '=',
    null,
    null,
    null,
    '2023-12-30',
    null,
  ],
  ['3.1', '《国家学生体质健康标准》达标优良率', '%', 'ratio', '>=', 52, null, null, null, null],
  ['4.1', '儿童青少年总体近视率比上一年降低', '个百分点', 'change', '>=', 0.5, null, null, null, null],
  ['5.1', '新建、改扩建公办幼儿园', '处', 'level', '>=', 13, 13, 13, '2023-12-31', null],
  ['5.2', '学前教育公办率', '%', 'ratio', '>=', 70, null, 70, '2023-12-31', null],
  [
    '6.1',
    '向全市中小学和中职学校发放《中小学性别平等教育指南》',
    '本',
    'count',
    '>=',
    600,
    600,
    null,
    '2023-06-30',
    null,
  ],
  ['6.2', '开展针对中小学教师的性别平等培训', '次', 'count', '>=', 1, 1, null, '2023-06-30', null],
  ['6.3', '开展针对中小学生的性别平等主题教育活动', '次', 'count', '>=', 1, null, 1, '2023-12-31', null],
  ['7.1', '全市中小学开展“家庭教育宣传周”活动', '', 'milestone', '=', null, null, null, '2023-05-31', null],
  ['7.2', '每个区市举办家庭教育公益大讲堂', '场', 'ratio', '>=', 1, null, null, '2023-12-31', '区市'],
  ['7.3', '全市范围内开展家庭教育公益大讲堂', '场', 'count', '>=', 15, 10, 5, '2023-12-31', null],
  ['8.1', '全市举办女性专场招聘活动', '场次', 'count', '>=', 20, 10, 10, null, null],
  ['8.2', '每场涵盖企业', '家', 'ratio', '>=', 30, 30, 30, '2023-12-31', '场'],
  ['9.1', '技能培训活动', '场次', 'count', '>=', 20, 10, 10, null, null],
  ['9.2', '培训人数', '人', 'count', '>=', 600, 300, 300, null, null],
  ['10.1', '开展特色联谊活动', '场', 'count', '>=', 60, 30, 30, null, null],
  ['11.1', '完成高素质女农民培育工作', '名', 'count', '>=', 1000, null, null, '2023-12-31', null],
  ['12.1', '“乡村振兴巾帼行——科技直通车”系列活动', '场次', 'count', '>=', 10, 5, 5, null, null],
  ['12.2', '线下田间课堂每场次培训', '人', 'ratio', '>=', 20, 20, 20, '2023-12-31', '场次'],
  ['12.3', '线上田间课堂每场次培训', '人', 'ratio', '>=', 5000, 5000, 5000, '2023-12-31', '场次'],
  ['13.1', '新增托位', '个', 'count', '>=', 5000, 2500, 2500, '2023-12-31', null],
  ['13.2', '全市总托位数', '个', 'level', '>=', 24000, null, null, '2023-12-31', null],
  ['13.3', '千人口托位数', '个', 'ratio', '>=', 3.4, null, null, '2023-12-31', '千人口'],
  ['14.1', '开展残疾儿童康复救助', '名', 'count', '>=', 1700, null, null, null, null],
  ['15.1', '对困境儿童进行走访慰问', '次', 'count', '>=', 4, 2, 2, null, null],
  ['16.1', '家暴告诫书的数量占家暴警情总数的比例', '%', 'ratio', '>=', 20, 20, 20, null, null],
  ['17.1', '办理妇女儿童法律援助案件', '件', 'count', '>=', 3000, null, null, null, null],
  ['17.2', '满意率', '%', 'ratio', '>=', 98, null, null, null, null],
  ['17.3', '开展全市法律援助业务培训', '次', 'count', '>=', 1, null, 1, '2023-12-31', null],
  ['17.4', '开展案件质量评估', '次', 'count', '>=', 1, null, 1, '2023-12-31', null],
  ['18.1', '组织阅读推广人', '名', 'count', '>=', 80, null, null, null, null],
  ['18.2', '儿童绘本讲读故事会', '场次', 'count', '≈', 100, 50, 50, null, null],
  ['19.1', '烟台市博物馆活动场次', '场次', 'count', '>=', 50, 30, 20, null, null],
  ['19.2', '烟台美术博物馆活动场次', '场次', 'count', '>=', 12, 5, 7, null, null],
  ['19.3', '受众', '人', 'count', '>=', 3000, null, null, null, null],
  ['20.1', '主体工程完工', '', 'milestone', '=', null, null, null, '2023-06-30', null],
  ['20.2', '进行内部装修和附属配套设施建设', '', 'milestone', '=', null, null, null, '2023-12-31', null],
];

describe('the 2023 seed plan', () => {
  const plan = parsePlan(seed);

  test('is a valid Plan with its title and year', () => {
    expect(() => PlanSchema.parse(plan)).not.toThrow();
    expect(plan.year).toBe(2023);
    expect(plan.title).toBe('烟台市“十四五”妇女儿童发展规划 2023 年重要事项推进计划表');
  });

  test('has all 20 items, in order, with names and lead units rejoined', () => {
    expect(plan.items.map((i) => [i.no, i.name, i.leadUnits])).toEqual(NAMES);
  });

  test('keeps the merged 上半年/下半年 cell as both halves (item 3)', () => {
    const item3 = plan.items[2];
    expect(item3.h1Plan.startsWith('本目标为年度目标')).toBe(true);
    expect(item3.h2Plan).toBe(item3.h1Plan);
  });

  test('closes spaces between digits and CJK, keeps the quoted slogan', () => {
    expect(plan.items[0].annualGoal).toContain('检查22万人');
    expect(plan.items[0].summary).toContain('自2009年启动');
    expect(plan.items[9].name).toBe('开展“爱在山海 遇见幸福”青年人才喜相逢联谊活动');
  });

  test('extracts every indicator', () => {
    const got = plan.items.flatMap((i) =>
      i.indicators.map((d) => [d.id, d.label, d.unit, d.kind, d.comparator, d.annual, d.h1, d.h2, d.deadline, d.per]),
    );
    expect(got).toEqual(INDICATORS);
  });

  test('gives every indicator its source words from the plan', () => {
    for (const item of plan.items) {
      const text = [item.annualGoal, item.h1Plan, item.h2Plan].join('\n');
      for (const ind of item.indicators) expect(text).toContain(ind.source.replace(/。$/, ''));
    }
  });

  test('flags for review only the two guesses: a label borrowed from the item name, halves paired on the unit alone', () => {
    const flagged = plan.items
      .flatMap((i) => i.indicators)
      .filter((d) => d.review)
      .map((d) => [d.id, d.review]);
    expect(flagged).toEqual([
      ['14.1', '原文没有说明这个数字指什么，标签取自事项名称'],
      ['15.1', '上半年数字仅按单位对应，请核对'],
    ]);
  });

  test('lints clean: every additive indicator adds up', () => {
    expect(plan.warnings).toEqual([]);
  });

  test('lint warns where halves do not add up', () => {
    const broken = seed.replace('完成 12 万人', '完成 13 万人');
    const warnings = parsePlan(broken).warnings;
    expect(warnings).toHaveLength(1);
    expect(warnings[0].item).toBe(1);
    expect(warnings[0].message).toContain('23万人');
    expect(warnings[0].message).toContain('22万人');
  });
});
