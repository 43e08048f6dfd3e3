// Target extraction from free Chinese text, one pattern at a time.
import { extractIndicators } from '../../src/core/plan/indicators';
import { findDates, findQuantities } from '../../src/core/plan/quantities';
import { parsePlan } from '../../src/core/plan/parse';
import { scaleDecimal, UNIT_LEXICON } from '../../src/core/plan/units';

const item = (annualGoal: string, h1Plan = '', h2Plan = h1Plan, name = '测试事项') =>
  extractIndicators({ no: 7, name, annualGoal, h1Plan, h2Plan }, 2023);

const brief = (goal: string, h1?: string, h2?: string) =>
  item(goal, h1, h2).map((d) => ({
    unit: d.unit,
    kind: d.kind,
    cmp: d.comparator,
    annual: d.annual,
    h1: d.h1,
    h2: d.h2,
  }));

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
    ['引进千万元以上项目', 'a qualifier'],
    ['10万元以上的村', 'a qualifier with a figure'],
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
    const inds = item(
      '开展技能培训活动不少于20场次，培训人数不少于600人。',
      '不少于10场次，培训人数不少于300人。',
      '不少于10场次，培训人数不少于300人。',
    );
    expect(inds.map((d) => [d.id, d.unit, d.annual, d.h1, d.h2])).toEqual([
      ['7.1', '场次', 20, 10, 10],
      ['7.2', '人', 600, 300, 300],
    ]);
  });

  test('完成全年任务的50% makes H1 half of the annual figure', () => {
    expect(brief('全年培训2000人。', '完成全年任务的50%。', '全部完成。')[0]).toMatchObject({
      annual: 2000,
      h1: 1000,
      h2: null,
    });
  });

  test('本目标为年度目标 leaves the halves empty', () => {
    expect(brief('达标优良率达到52%。', '本目标为年度目标。认真贯彻落实。', '')[0]).toEqual({
      unit: '%',
      kind: 'ratio',
      cmp: '>=',
      annual: 52,
      h1: null,
      h2: null,
    });
  });

  test('per-event figures are rates with their basis', () => {
    const inds = item(
      '全市举办招聘活动20场次。',
      '举办招聘活动10场次，每场涵盖30家企业。',
      '举办招聘活动10场次，每场涵盖30家企业。',
    );
    expect(inds[1]).toMatchObject({ id: '7.2', unit: '家', kind: 'ratio', per: '场', annual: 30, h1: 30, h2: 30 });
  });

  test('a change against last year is a change in 个百分点', () => {
    expect(item('近视率比上一年降低0.5个百分点。')[0]).toMatchObject({ kind: 'change', unit: '个百分点', annual: 0.5 });
  });

  test('a ≤ target keeps its comparator', () => {
    expect(item('孕产妇死亡率控制在10/10万以下。')[0]).toMatchObject({
      kind: 'ratio',
      comparator: '<=',
      unit: '/10万',
      annual: 10,
    });
  });

  test('dates become deadlines, not targets', () => {
    const [d] = item('年底前完成至少1000名高素质女农民培育工作。');
    expect(d).toMatchObject({ annual: 1000, deadline: '2023-12-31' });
    expect(findDates('于6月30日前上报；5月份开展；12月底前；2024年末', 2023).map((x) => x.date)).toEqual([
      '2023-06-30',
      '2023-05-31',
      '2023-12-31',
      '2024-12-31',
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
    const [d] = item(
      '每年四次对困境儿童进行走访慰问。',
      '在寒假、“六一”儿童节期间各开展一次关爱活动。',
      '在暑假、中秋节、国庆节期间各开展一次关爱活动。',
    );
    expect([d.annual, d.h1, d.h2]).toEqual([4, 2, 3]);
  });
});

describe('the quantity grammar', () => {
  test.each([
    ['帮扶4.6万余人就业', 46000, '人', '>='],
    ['接待游客7万人次', 70000, '人次', '>='],
    ['实际使用外资3.6亿美元', 360000000, '美元', '>='],
    ['完成投资2.3亿元', 230000000, '元', '>='],
    ['完成投资0.07亿元', 7000000, '元', '>='],
    ['发放消费券5000万元', 50000000, '元', '>='],
    ['新建停车位一百五十个', 150, '个', '>='],
    ['培训三千余人', 3000, '人', '>='],
    ['改造面积45万平方米', 450000, '平方米', '>='],
    ['治理水土流失60平方公里', 60, '平方公里', '>='],
    ['新建道路3.5千米', 3.5, '公里', '>='],
    ['营造林2.5万亩', 25000, '亩', '>='],
    ['减排化学需氧量1200吨', 1200, '吨', '>='],
    ['装机容量达到50万千瓦', 500000, '千瓦', '>='],
    ['集装箱吞吐量120万标准箱', 1200000, '标准箱', '>='],
    ['完成土方120万立方米', 1200000, '立方米', '>='],
    ['处置能力5万吨/年', 50000, '吨/年', '>='],
    ['PM2.5年均浓度降至30微克/立方米以下', 30, '微克/立方米', '<='],
    ['审批时限压缩至5个工作日', 5, '工作日', '<='],
    ['办结时限3天', 3, '天', '<='],
    ['空气质量优良天数317天', 317, '天', '>='],
    ['查处违法案件50起', 50, '起', '>='],
    ['新打机井20眼', 20, '眼', '>='],
    ['提档升级县道4-6条', 4, '条', '>='],
    ['增长6%左右', 6, '%', '≈'],
  ])('%s → %d %s %s', (text, value, unit, cmp) => {
    const [q] = findQuantities(text);
    expect([q?.value, q?.unit, q?.comparator]).toEqual([value, unit, cmp]);
  });

  test('万 and 亿 scale on the digits, not in floating point', () => {
    expect(scaleDecimal('2.3', 8)).toBe(230000000);
    expect(2.3 * 1e8).not.toBe(230000000); // what a float multiply would give
    expect(scaleDecimal('0.07', 8)).toBe(7000000);
    expect(scaleDecimal('1.005', 4)).toBe(10050);
    expect(scaleDecimal('12', 0)).toBe(12);
    expect(scaleDecimal('5', -2)).toBe(0.05);
  });

  test('every lexicon unit maps to a base unit of the same lexicon', () => {
    for (const [unit, entry] of UNIT_LEXICON) {
      expect(UNIT_LEXICON.get(entry.base)).toBeDefined();
      expect(UNIT_LEXICON.get(entry.base)?.kind).toBe(entry.kind);
      expect(unit.length).toBeGreaterThan(0);
    }
  });

  test.each([
    ['签约30个项目', '>='],
    ['全年预约30万人次', '>='],
    ['节约300万立方米', '>='],
    ['约30万人次', '≈'],
  ])('约 inside a word is not a comparator: %s', (text, cmp) => {
    expect(findQuantities(text)[0].comparator).toBe(cmp);
  });

  test.each([
    ['为70周岁以上老人免费体检', 'ages'],
    ['为3-6岁儿童提供服务', 'ages'],
    ['18岁以下青少年', 'ages'],
    ['依据〔2024〕5号文件', 'document numbers'],
    ['执行GB/T 50180-2018标准', 'standard numbers'],
    ['热线电话0535-6666666', 'phone numbers'],
    ['落实“十四五”规划', 'quoted names'],
    ['举办第二届博览会', 'ordinals'],
    ['新建千吨级泊位', 'grades'],
    ['新建5万吨级泊位', 'grades with a figure'],
    ['PM2.5浓度监测', 'names with digits'],
    ['从3起步', 'words that start with a unit'],
    ['每月开展一次安全检查', 'frequencies'],
    ['每季度召开一次座谈会', 'frequencies'],
  ])('%s is not a target (%s)', (text) => {
    expect(item(text).filter((d) => d.kind !== 'milestone')).toEqual([]);
  });
});

describe("targets from any plan's wording", () => {
  const rows = (goal: string, h1?: string, h2?: string) =>
    item(goal, h1, h2).map((d) => [d.label, d.comparator, d.annual, d.unit, d.h1, d.h2, d.kind]);

  test('an enumeration gives one target each, with clean labels', () => {
    expect(rows('新建口袋公园12个、绿道30公里、停车泊位800个。')).toEqual([
      ['新建口袋公园', '>=', 12, '个', null, null, 'count'],
      ['绿道', '>=', 30, '公里', null, null, 'count'],
      ['停车泊位', '>=', 800, '个', null, null, 'count'],
    ]);
  });

  test('分别 gives each name its own figure, the comparator holding for all', () => {
    expect(rows('城市、县城和农村生活垃圾无害化处理覆盖率分别达到96%、92%和90%以上。')).toEqual([
      ['城市覆盖率', '>=', 96, '%', null, null, 'ratio'],
      ['县城覆盖率', '>=', 92, '%', null, null, 'ratio'],
      ['农村生活垃圾无害化处理覆盖率', '>=', 90, '%', null, null, 'ratio'],
    ]);
    expect(rows('事故起数和死亡人数分别下降10%和8%以上。').map((r) => [r[0], r[1], r[2], r[6]])).toEqual([
      ['事故起数下降', '>=', 10, 'change'],
      ['死亡人数下降', '>=', 8, 'change'],
    ]);
    expect(rows('婴儿和孕产妇死亡率分别控制在5‰和10‰以内。').map((r) => [r[0], r[1], r[2]])).toEqual([
      ['婴儿死亡率', '<=', 5],
      ['孕产妇死亡率', '<=', 10],
    ]);
  });

  test('halves are matched by label and unit, not by position', () => {
    expect(
      rows(
        '新建幼儿园35所、义务教育学校113所。',
        '开工义务教育学校60所、幼儿园20所。',
        '完工幼儿园15所、义务教育学校53所。',
      ),
    ).toEqual([
      ['新建幼儿园', '>=', 35, '所', 20, 15, 'count'],
      ['义务教育学校', '>=', 113, '所', 60, 53, 'count'],
    ]);
  });

  test('每月…一次, 全年不少于12次 is one yearly target named by the frequency clause', () => {
    expect(rows('每月开展一次“村晚”文化活动，全年不少于12次。', '开展“村晚”活动6次。', '开展“村晚”活动6次。')).toEqual([
      ['开展“村晚”文化活动', '>=', 12, '次', 6, 6, 'count'],
    ]);
  });

  test('上半年完成年度计划的40% sets H1 to 40% of the annual figure; 占年度计划的50% sets nothing', () => {
    expect(rows('全年培训2000人。', '上半年完成年度计划的40%。', '全面完成。')[0]).toEqual([
      '培训',
      '>=',
      2000,
      '人',
      800,
      null,
      'count',
    ]);
    expect(rows('实施项目300个，完成投资410亿元。', '完成投资205亿元，占年度计划的50%。', '完成投资205亿元。')).toEqual(
      [
        ['实施项目', '>=', 300, '个', null, null, 'count'],
        ['完成投资', '>=', 41000000000, '元', 20500000000, 20500000000, 'count'],
      ],
    );
  });

  test("a figure due at the end of a quarter is a dated milestone of its target, not the half's figure", () => {
    expect(
      item('新建驿站20个。', '新建驿站10个。', '9月底前新建驿站10个。').map((d) => [
        d.label,
        d.kind,
        d.annual,
        d.h1,
        d.h2,
        d.deadline,
      ]),
    ).toEqual([
      ['新建驿站', 'count', 20, 10, null, null],
      ['新建驿站10个', 'milestone', null, null, null, '2023-09-30'],
    ]);
  });

  test('growth and reduction are change targets; 降至…以下 is a <= level', () => {
    expect(rows('地区生产总值增长8%。')[0]).toEqual(['地区生产总值增长', '>=', 8, '%', null, null, 'change']);
    expect(rows('事故起数同比下降5%以上。')[0]).toEqual(['事故起数同比下降', '>=', 5, '%', null, null, 'change']);
    expect(rows('生产总值增长6%左右。')[0]).toEqual(['生产总值增长', '≈', 6, '%', null, null, 'change']);
    expect(rows('PM10年均浓度降至55微克/立方米以下。')[0]).toEqual([
      'PM10年均浓度',
      '<=',
      55,
      '微克/立方米',
      null,
      null,
      'ratio',
    ]);
    expect(rows('企业开办时间压缩至1个工作日以内。')[0]).toEqual([
      '企业开办时间',
      '<=',
      1,
      '工作日',
      null,
      null,
      'level',
    ]);
  });

  test('wording from published 民生实事 lists', () => {
    const got = (goal: string) => item(goal).map((d) => [d.label, d.comparator, d.annual, d.unit, d.kind]);
    expect(got('16010名义务教育段学生开展正脊筛查。')).toEqual([['义务教育段学生', '>=', 16010, '名', 'count']]);
    expect(got('完成10个以上老旧小区供配电设施升级改造、安装80万个以上智能电表。')).toEqual([
      ['完成老旧小区供配电设施升级改造', '>=', 10, '个', 'count'],
      ['安装智能电表', '>=', 800000, '个', 'count'],
    ]);
    expect(got('新建200个（标准桩）以上电动汽车公共充电桩、新增公共停车泊位2000个。')).toEqual([
      ['新建电动汽车公共充电桩', '>=', 200, '个', 'count'],
      ['新增公共停车泊位', '>=', 2000, '个', 'count'],
    ]);
    expect(got('完成大专及以上学历提升902人。')).toEqual([['完成大专及以上学历提升', '>=', 902, '人', 'count']]);
    expect(got('实施二次供水改造提升8个居民小区。')).toEqual([
      ['实施二次供水改造提升居民小区', '>=', 8, '个', 'count'],
    ]);
    expect(got('为300户困境未成年人家庭进行“追光小屋”居室微改造。')).toEqual([
      ['困境未成年人家庭', '>=', 300, '户', 'count'],
    ]);
    expect(got('扶持500人以上的企业20家。')).toEqual([['扶持500人以上的企业', '>=', 20, '家', 'count']]);
  });

  test('wording from published targets: 由…压缩至, 万亿, names with Latin letters, 稳定保持在', () => {
    const got = (goal: string) => item(goal).map((d) => [d.label, d.comparator, d.annual, d.unit]);
    expect(got('市场主体简易注销公告时间由45天压缩至20天。')).toEqual([['市场主体简易注销公告时间', '<=', 20, '天']]);
    expect(got('全流程审批时限从120个工作日缩减至46个工作日以内。')).toEqual([['全流程审批时限', '<=', 46, '工作日']]);
    expect(got('粮食产量稳定在1.3万亿斤以上。')).toEqual([['粮食产量', '>=', 1300000000000, '斤']]);
    expect(got('PM2.5达到30.5微克/立方米左右。')).toEqual([['PM2.5', '≈', 30.5, '微克/立方米']]);
    expect(got('行政村比例稳定保持在90%以上。')).toEqual([['行政村比例', '>=', 90, '%']]);
  });

  test('a unit not in the lexicon gives an indicator flagged for review, not nothing', () => {
    const [d] = item('建设智慧灯杆300基。');
    expect(d).toMatchObject({ label: '建设智慧灯杆', annual: 300, unit: '基' });
    expect(d.review).toContain('单位“基”不在单位表中');
  });

  test('a figure with an unknown unit and no verb is named in a plan warning', () => {
    const plan = parsePlan('2024年计划表\n1\t测试\t简介\t全市智慧灯杆300基。\t\t\t市城管局\n');
    expect(plan.items[0].indicators.filter((d) => d.kind !== 'milestone')).toEqual([]);
    expect(plan.warnings).toEqual([
      { item: 1, message: expect.stringMatching(/年度任务目标“…全市智慧灯杆300基。…”中的数字300单位不明/) },
    ]);
  });

  test('labels never carry list numbers', () => {
    expect(rows('1.新建公园5个；（2）改造管网20公里；三是新建学校3所。').map((r) => r[0])).toEqual([
      '新建公园',
      '改造管网',
      '新建学校',
    ]);
  });

  test('a label borrowed from the item name, or halves paired on the unit alone, are flagged', () => {
    expect(item('为1700名0-17岁儿童提供康复救助。')[0].review).toContain('标签取自事项名称');
    const [d] = item('全年走访企业4次。', '开展关爱活动2次。', '开展关爱活动2次。');
    expect([d.h1, d.h2, d.review]).toEqual([2, 2, '上半年数字仅按单位对应，请核对']);
  });
});
