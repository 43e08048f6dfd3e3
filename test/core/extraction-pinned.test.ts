// Plan extraction pinned wording by wording: each row is plan text and what must be read from it. Written against
// the surviving mutants of the plan-area StrykerJS run (reports/mutation/plan.json), grouped by the rule they test.
import { extractIndicators } from '../../src/core/plan/indicators';
import { findDates, findQuantities } from '../../src/core/plan/quantities';
import { notAFigure } from '../../src/core/plan/qualifiers';
import { lintPlan } from '../../src/core/plan/lint';
import { detectSeparator, splitRows } from '../../src/core/plan/rows';
import { scaleDecimal } from '../../src/core/plan/units';
import type { PlanItem } from '../../src/core/model';

type Row = [
  text: string,
  value: number,
  unit: string,
  comparator: string,
  start: number,
  end: number,
  numStart: number,
];

describe('the number, its unit, comparator and span', () => {
  const rows: Row[] = [
    ['人数控制在100人以内', 100, '人', '<=', 2, 11, 5],
    ['培训100人以上', 100, '人', '>=', 2, 8, 2],
    ['培训100人及以上', 100, '人', '>=', 2, 9, 2],
    ['培训约100人', 100, '人', '≈', 2, 7, 3],
    ['培训 100 人', 100, '人', '>=', 3, 8, 3],
    ['新增3.5万人', 35000, '人', '>=', 2, 7, 2],
    ['新增两万人', 20000, '人', '>=', 2, 5, 2],
    ['新增十五个站', 15, '个', '>=', 2, 5, 2],
    ['达到95%', 95, '%', '>=', 0, 5, 2],
    ['由80%提高到90%', 90, '%', '>=', 4, 10, 7],
    ['1-5月完成20场', 20, '场', '>=', 6, 9, 6],
    ['每5人配1名', 1, '名', '>=', 4, 6, 4],
    // the word after the number: 以内/以下 cap it, 左右 makes it approximate, 以上/及以上/余 or a range make 约 a floor
    ['培训人数100人以内', 100, '人', '<=', 4, 10, 4],
    ['事故100起以下', 100, '起', '<=', 2, 8, 2],
    ['培训100人左右', 100, '人', '≈', 2, 8, 2],
    ['约100人以上', 100, '人', '>=', 0, 7, 1],
    ['约100人及以上', 100, '人', '>=', 0, 8, 1],
    ['约100余人', 100, '人', '>=', 0, 6, 1],
    ['约100-200人', 100, '人', '>=', 0, 9, 1],
    // a time is a cap when the clause names it a limit, a count of days otherwise
    ['办结时限3天', 3, '天', '<=', 4, 6, 4],
    ['压缩审批时间至5个工作日', 5, '工作日', '<=', 7, 12, 7],
    ['优良天数317天', 317, '天', '>=', 4, 8, 4],
    // multipliers and units with their own scale
    ['完成投资2亿元', 200000000, '元', '>=', 4, 7, 4],
    ['完成投资3万亿元', 3000000000000, '元', '>=', 4, 8, 4],
    ['新增2万千米', 20000, '公里', '>=', 2, 6, 2],
    ['10个以上老旧小区', 10, '个', '>=', 0, 5, 0],
    ['各开展3场', 3, '场', '>=', 3, 5, 3],
    // 以上 followed by a stop qualifies nothing: the figure stands
    ['完成投资10万元以上，新增', 100000, '元', '>=', 4, 10, 4],
  ];
  test.each(rows)('%s → %d %s %s [%d,%d) number at %d', (text, value, unit, comparator, start, end, numStart) => {
    expect(findQuantities(text).map((q) => [q.value, q.unit, q.comparator, q.start, q.end, q.numStart])).toEqual([
      [value, unit, comparator, start, end, numStart],
    ]);
  });

  test('Chinese numerals are marked as such; digits are not', () => {
    expect(findQuantities('新增两万人').map((q) => q.chinese)).toEqual([true]);
    expect(findQuantities('新增十五个站').map((q) => q.chinese)).toEqual([true]);
    expect(findQuantities('新增3.5万人').map((q) => q.chinese)).toEqual([false]);
  });

  test('two figures in one sentence come out in reading order, each with its own span', () => {
    expect(findQuantities('建设3个站，新增5家').map((q) => [q.value, q.unit, q.start, q.end])).toEqual([
      [3, '个', 2, 4],
      [5, '家', 8, 10],
    ]);
  });
});

describe('change in percentage points: direction from the word before', () => {
  test.each([
    ['降低2个百分点', 2, 'down'],
    ['发病率下降0.5个百分点', 0.5, 'down'],
    ['提高2个百分点', 2, 'up'],
    // no direction word right before the number: read from earlier in the clause
    ['降低发病率0.5个百分点', 0.5, 'down'],
    ['提高覆盖率2个百分点', 2, 'up'],
    // a direction word more than 30 characters back belongs to another clause
    ['降低能耗，推进全市各级各类公共机构节能改造工作全面落实到位，覆盖率2个百分点', 2, null],
  ])('%s → %d, %s', (text, value, direction) => {
    expect(findQuantities(text).map((q) => [q.value, q.unit, q.comparator, q.direction])).toEqual([
      [value, '个百分点', '>=', direction],
    ]);
  });
});

describe('per-event and per-population bases', () => {
  test.each([
    ['每场不少于30人', 30, '人', '场'],
    ['每千人口托位数达到4.5个', 4.5, '个', '千人口'],
  ])('%s → %d %s per %s', (text, value, unit, per) => {
    expect(findQuantities(text).map((q) => [q.value, q.unit, q.per])).toEqual([[value, unit, per]]);
  });
  test('a figure with no basis has per null', () => {
    expect(findQuantities('开展10场').map((q) => q.per)).toEqual([null]);
  });
});

describe('numbers that are not figures', () => {
  test.each([
    '3月5日前完成',
    'PM2.5浓度35微克',
    '按GB 3095标准',
    '第3名',
    '排名前10名',
    '每月开展2次',
    '完成2号楼',
    '10万元以上项目',
    '65岁及以上老年人',
  ])('%s has no figure', (text) => expect(findQuantities(text)).toEqual([]));

  // notAFigure looks at the three characters before the number.
  const reasons: Array<[string, number, string | null]> = [
    ['12345', 3, 'part of a longer number'],
    ['1.5', 2, 'part of a longer number'],
    ['GB3095', 2, 'a name or standard number (PM2.5, GB 3095)'],
    ['GB 3095', 3, 'a name or standard number (PM2.5, GB 3095)'],
    ['A增5', 2, null],
    ['1-5', 2, 'the second part of a code or range (29639-2020)'],
    ['1 -5', 3, 'the second part of a code or range (29639-2020)'],
    ['1- 5', 3, 'the second part of a code or range (29639-2020)'],
    ['1/5', 2, 'the second part of a code or range (29639-2020)'],
    ['1-增5', 3, null],
    ['第5', 1, 'an ordinal'],
    ['第 5', 2, 'an ordinal'],
    ['#5', 1, 'an ordinal'],
    ['第增5', 2, null],
    ['前10', 1, 'a ranking'],
    ['前后5', 2, null],
    ['新增10家', 2, null],
    ['5', 0, null],
  ];
  test.each(reasons)('notAFigure(%s, %d) → %s', (masked, at, reason) => {
    expect(notAFigure(masked, at)).toBe(reason);
  });
});

describe('deadlines', () => {
  const rows: Array<[string, Array<[number, number, string]>]> = [
    ['6月30日前', [[0, 6, '2023-06-30']]],
    ['2月30日前', [[0, 6, '2023-02-28']]],
    ['1月份', [[0, 3, '2023-01-31']]],
    ['12月底前', [[0, 5, '2023-12-31']]],
    ['9月中旬', [[0, 4, '2023-09-30']]],
    ['年底前', [[0, 3, '2023-12-31']]],
    ['2024年末', [[0, 6, '2024-12-31']]],
    ['2023年3月', [[0, 7, '2023-03-31']]],
    ['于6月底前完成', [[1, 5, '2023-06-30']]],
    [
      '3月底前完成调研，6月30日前出台',
      [
        [0, 4, '2023-03-31'],
        [9, 15, '2023-06-30'],
      ],
    ],
    ['13月', []],
    ['0月', []],
    ['底前完成', []],
    ['月末', []],
  ];
  test.each(rows)('%s', (text, dates) => {
    expect(findDates(text, 2023).map((d) => [d.start, d.end, d.date])).toEqual(dates);
  });
});

describe('indicators of an item: label, kind, unit, comparator, annual/h1/h2, deadline, per, review', () => {
  const ind = (annualGoal: string, h1Plan = '', h2Plan = '') =>
    extractIndicators({ no: 3, name: '测试事项', annualGoal, h1Plan, h2Plan }, 2023).map((d) => [
      d.label,
      d.kind,
      d.unit,
      d.comparator,
      d.annual,
      d.h1,
      d.h2,
      d.deadline,
      d.per,
      d.review,
    ]);
  const CUMULATIVE = '上下半年数字像是累计数（下半年等于全年），按存量处理，请核对';

  test.each([
    // [annual goal, h1 plan, h2 plan, indicators]
    [
      '完成“两癌”检查22万人',
      '完成检查10万人',
      '完成检查22万人',
      [['完成“两癌”检查', 'level', '人', '>=', 220000, 100000, 220000, null, null, CUMULATIVE]],
    ],
    [
      '开展培训20场次',
      '开展培训8场次',
      '开展培训12场次',
      [['开展培训', 'count', '场次', '>=', 20, 8, 12, null, null, null]],
    ],
    [
      '开展培训不少于20场次',
      '上半年开展培训8场次',
      '',
      [['开展培训', 'count', '场次', '>=', 20, 8, null, null, null, null]],
    ],
    [
      '孕产妇死亡率控制在15/10万以内',
      '',
      '',
      [['孕产妇死亡率', 'ratio', '/10万', '<=', 15, null, null, null, null, null]],
    ],
    [
      '新建养老床位500张、托位300个',
      '',
      '',
      [
        ['新建养老床位', 'count', '张', '>=', 500, null, null, null, null, null],
        ['托位', 'count', '个', '>=', 300, null, null, null, null, null],
      ],
    ],
    ['降低事故率2个百分点', '', '', [['降低事故率', 'change', '个百分点', '>=', 2, null, null, null, null, null]]],
    ['9月底前完成改造100户', '', '', [['完成改造', 'count', '户', '>=', 100, null, null, '2023-09-30', null, null]]],
    ['全年完成100户', '完成50户', '完成50户', [['完成', 'count', '户', '>=', 100, 50, 50, null, null, null]]],
    ['全年完成100户', '完成50户', '', [['完成', 'count', '户', '>=', 100, 50, null, null, null, null]]],
    ['全年完成100户', '', '完成100户', [['完成', 'count', '户', '>=', 100, null, 100, null, null, null]]],
    ['优良率达到90%', '优良率达到88%', '优良率达到90%', [['优良率', 'ratio', '%', '>=', 90, 88, 90, null, null, null]]],
    [
      '每场不少于30人，开展10场',
      '',
      '',
      [
        ['每场', 'ratio', '人', '>=', 30, null, null, null, '场', null],
        ['开展', 'count', '场', '>=', 10, null, null, null, null, null],
      ],
    ],
    [
      '6月底前完成方案制定；12月底前全面完成',
      '',
      '',
      [
        ['完成方案制定', 'milestone', '', '=', null, null, null, '2023-06-30', null, null],
        ['全面完成', 'milestone', '', '=', null, null, null, '2023-12-31', null, null],
      ],
    ],
    ['培训约2000人', '培训约1000人', '', [['培训', 'count', '人', '≈', 2000, 1000, null, null, null, null]]],
    [
      '培训农民2000人以上、教师300人以上',
      '',
      '',
      [
        ['培训农民', 'count', '人', '>=', 2000, null, null, null, null, null],
        ['教师', 'count', '人', '>=', 300, null, null, null, null, null],
      ],
    ],
    [
      '开展活动1000场，参与群众10万人次',
      '',
      '',
      [
        ['开展活动', 'count', '场', '>=', 1000, null, null, null, null, null],
        ['参与群众', 'count', '人次', '>=', 100000, null, null, null, null, null],
      ],
    ],
    [
      '完成2号楼改造3栋',
      '',
      '',
      [['完成2号楼改造', 'count', '栋', '>=', 3, null, null, null, null, '标签含有数字，请核对指标名称']],
    ],
  ] as Array<[string, string, string, unknown[]]>)('%s | %s | %s', (annual, h1, h2, expected) => {
    expect(ind(annual, h1, h2)).toEqual(expected);
  });
});

describe('targets the work plans add, shares of the year, quarter milestones, qualitative items', () => {
  const ind = (annualGoal: string, h1Plan: string, h2Plan: string) =>
    extractIndicators({ no: 3, name: '测试事项', annualGoal, h1Plan, h2Plan }, 2023).map((d) => [
      d.id,
      d.label,
      d.kind,
      d.unit,
      d.annual,
      d.h1,
      d.h2,
      d.deadline,
      d.per,
    ]);

  test.each([
    // a count only in the plans sums its halves and is due at year end; with one half, due at that half's end
    [
      '推进改造工作',
      '完成改造30户',
      '完成改造50户',
      [['3.1', '完成改造', 'count', '户', 80, 30, 50, '2023-12-31', null]],
    ],
    ['推进改造工作', '完成改造30户', '', [['3.1', '完成改造', 'count', '户', 30, 30, null, '2023-06-30', null]]],
    ['推进改造工作', '', '完成改造50户', [['3.1', '完成改造', 'count', '户', 50, null, 50, '2023-12-31', null]]],
    // a rate only in the plans holds: the year's figure is the later half's
    ['推进工作', '覆盖率达到80%', '覆盖率达到90%', [['3.1', '覆盖率', 'ratio', '%', 90, 80, 90, '2023-12-31', null]]],
    ['推进工作', '覆盖率达到80%', '', [['3.1', '覆盖率', 'ratio', '%', 80, 80, null, '2023-06-30', null]]],
    // a target both halves name again is the same target, per basis kept apart
    [
      '开展培训20场',
      '开展培训10场，培训骨干50人',
      '开展培训10场，培训骨干60人',
      [
        ['3.1', '开展培训', 'count', '场', 20, 10, 10, null, null],
        ['3.2', '培训骨干', 'count', '人', 110, 50, 60, '2023-12-31', null],
      ],
    ],
    [
      '推进',
      '开展培训2场，每场50人',
      '开展培训3场',
      [
        ['3.1', '开展培训', 'count', '场', 5, 2, 3, '2023-12-31', null],
        ['3.2', '每场', 'ratio', '人', 50, 50, null, '2023-06-30', '场'],
      ],
    ],
    // a share of the year fills the half of each additive annual target
    ['完成改造100户', '完成全年任务的50%', '', [['3.1', '完成改造', 'count', '户', 100, 50, null, null, null]]],
    // both halves restating the year's figure: a stock, not twice the work
    [
      '完成改造100户',
      '完成改造100户',
      '完成改造100户',
      [['3.1', '完成改造', 'level', '户', 100, 100, 100, null, null]],
    ],
    ['完成改造100户', '完成改造40户', '完成改造40户', [['3.1', '完成改造', 'count', '户', 100, 40, 40, null, null]]],
    // a figure due at a quarter's end is a dated milestone of the target, not the half's figure
    [
      '完成改造100户',
      '一季度末完成改造30户',
      '',
      [
        ['3.1', '完成改造', 'count', '户', 100, null, null, null, null],
        ['3.2', '一季度末完成改造30户', 'milestone', '', null, null, null, '2023-03-31', null],
      ],
    ],
    [
      '完成改造100户',
      '三季度末完成改造30户',
      '',
      [
        ['3.1', '完成改造', 'count', '户', 100, null, null, null, null],
        ['3.2', '三季度末完成改造30户', 'milestone', '', null, null, null, '2023-09-30', null],
      ],
    ],
    // a quarter figure in another unit is a new target of the half, not a milestone of the year's
    [
      '完成改造100户',
      '一季度末完成改造30栋',
      '',
      [
        ['3.1', '完成改造', 'count', '户', 100, null, null, null, null],
        ['3.2', '一季度末完成改造', 'count', '栋', 30, 30, null, '2023-06-30', null],
      ],
    ],
    // a share of the year fills counts, not rates
    [
      '覆盖率达到90%，完成改造100户',
      '完成全年任务的50%',
      '',
      [
        ['3.1', '覆盖率', 'ratio', '%', 90, null, null, null, null],
        ['3.2', '完成改造', 'count', '户', 100, 50, null, null, null],
      ],
    ],
    // goal order: dated tasks and figures as they appear in the goal
    [
      '6月底前出台方案；完成改造100户',
      '',
      '',
      [
        ['3.1', '出台方案', 'milestone', '', null, null, null, '2023-06-30', null],
        ['3.2', '完成改造', 'count', '户', 100, null, null, null, null],
      ],
    ],
    [
      '完成改造100户；6月底前出台方案',
      '',
      '',
      [
        ['3.1', '完成改造', 'count', '户', 100, null, null, null, null],
        ['3.2', '出台方案', 'milestone', '', null, null, null, '2023-06-30', null],
      ],
    ],
    // an annual-only item takes nothing from the plans
    [
      '完成改造100户',
      '本目标为年度目标',
      '完成改造60户',
      [['3.1', '完成改造', 'count', '户', 100, null, null, null, null]],
    ],
    // no figure anywhere: the plans are milestones, due at their date or at the half's end
    [
      '推进改造工作',
      '制定方案',
      '组织实施',
      [
        ['3.1', '制定方案', 'milestone', '', null, null, null, '2023-06-30', null],
        ['3.2', '组织实施', 'milestone', '', null, null, null, '2023-12-31', null],
      ],
    ],
    [
      '推进改造工作',
      '4月底前制定方案',
      '10月底前组织实施',
      [
        ['3.1', '制定方案', 'milestone', '', null, null, null, '2023-04-30', null],
        ['3.2', '组织实施', 'milestone', '', null, null, null, '2023-10-31', null],
      ],
    ],
    [
      '推进改造工作',
      '推进方案',
      '推进方案',
      [['3.1', '推进方案', 'milestone', '', null, null, null, '2023-12-31', null]],
    ],
    ['推进改造工作', '推进方案', '', [['3.1', '推进方案', 'milestone', '', null, null, null, '2023-06-30', null]]],
  ] as Array<[string, string, string, unknown[]]>)('%s | %s | %s', (annual, h1, h2, expected) => {
    expect(ind(annual, h1, h2)).toEqual(expected);
  });
});

describe('"A、B和C分别…": one target per name, the shared noun and the cue words carried to each', () => {
  const ind = (annualGoal: string) =>
    extractIndicators({ no: 3, name: '测试事项', annualGoal, h1Plan: '', h2Plan: '' }, 2023).map((d) => [
      d.label,
      d.kind,
      d.unit,
      d.comparator,
      d.annual,
      d.review,
    ]);
  const MISMATCH = '一句列出多个目标，未能一一对应名称，请核对指标名称';

  test.each([
    [
      '城市、县城和农村生活垃圾处理覆盖率分别达到96%、92%和90%以上',
      [
        ['城市覆盖率', 'ratio', '%', '>=', 96, null],
        ['县城覆盖率', 'ratio', '%', '>=', 92, null],
        ['农村生活垃圾处理覆盖率', 'ratio', '%', '>=', 90, null],
      ],
    ],
    [
      '城市、县城和农村生活垃圾处理覆盖率分别达到约96%、92%和约90%',
      [
        ['城市覆盖率', 'ratio', '%', '≈', 96, null],
        ['县城覆盖率', 'ratio', '%', '≈', 92, null],
        ['农村生活垃圾处理覆盖率', 'ratio', '%', '≈', 90, null],
      ],
    ],
    [
      '城市、县城和农村垃圾处理率分别控制在96%、92%和90%以内',
      [
        ['城市处理率', 'ratio', '%', '<=', 96, null],
        ['县城处理率', 'ratio', '%', '<=', 92, null],
        ['农村垃圾处理率', 'ratio', '%', '<=', 90, null],
      ],
    ],
    // a name that already ends with the shared noun keeps it once
    [
      '城市覆盖率、农村生活垃圾处理覆盖率分别达到96%和90%',
      [
        ['城市覆盖率', 'ratio', '%', '>=', 96, null],
        ['农村生活垃圾处理覆盖率', 'ratio', '%', '>=', 90, null],
      ],
    ],
    [
      '城市和农村发病率分别降低2个百分点和1个百分点',
      [
        ['城市发病率降低', 'change', '个百分点', '>=', 2, null],
        ['农村发病率降低', 'change', '个百分点', '>=', 1, null],
      ],
    ],
    [
      '城市、县城和农村分别达到96%、92%',
      [
        ['城市、县城和农村', 'ratio', '%', '>=', 96, MISMATCH],
        ['测试事项', 'ratio', '%', '>=', 92, MISMATCH],
      ],
    ],
  ] as Array<[string, unknown[]]>)('%s', (annual, expected) => {
    expect(ind(annual)).toEqual(expected);
  });

  test('a frequency clause before a yearly count names it ("每月开展一次…，全年不少于12次")', () => {
    const [d] = extractIndicators(
      { no: 3, name: '测试事项', annualGoal: '每月开展一次“村晚”活动，全年不少于12次', h1Plan: '', h2Plan: '' },
      2023,
    );
    expect([d.label, d.unit, d.annual, d.review, d.source]).toEqual([
      '开展“村晚”活动',
      '次',
      12,
      null,
      '全年不少于12次',
    ]);
  });
});

describe('plan lint: halves that do not add up, numbers with no unit', () => {
  const item = (annualGoal: string, h1Plan: string, h2Plan: string) =>
    ({
      no: 2,
      name: '测试事项',
      annualGoal,
      h1Plan,
      h2Plan,
      indicators: extractIndicators({ no: 2, name: '测试事项', annualGoal, h1Plan, h2Plan }, 2023),
    }) as unknown as PlanItem;
  const messages = (annualGoal: string, h1Plan: string, h2Plan: string) =>
    lintPlan([item(annualGoal, h1Plan, h2Plan)]).map((w) => [w.item, w.message]);

  test.each([
    [
      '完成改造100户',
      '完成改造30户',
      '完成改造50户',
      [[2, '指标2.1“完成改造”：上半年30户＋下半年50户＝80户，与全年目标100户不一致']],
    ],
    // halves that add up, within floating-point error
    ['完成改造100户', '完成改造40户', '完成改造60户', []],
    ['完成改造0.3户', '完成改造0.1户', '完成改造0.2户', []],
    // rates hold, they don't add up
    ['覆盖率达到90%', '覆盖率达到80%', '覆盖率达到85%', []],
    // one half without a figure: nothing to add
    ['完成改造100户', '完成改造30户', '', []],
    // a number with no unit is named, field by field; the same plan for both halves is named once
    [
      '推进',
      '智慧灯杆100基',
      '智慧灯杆200基',
      [
        [2, '上半年计划“…智慧灯杆100基…”中的数字100单位不明，未作为指标，请核对'],
        [2, '下半年计划“…智慧灯杆200基…”中的数字200单位不明，未作为指标，请核对'],
      ],
    ],
    [
      '全市智慧灯杆300基。',
      '智慧灯杆100基',
      '智慧灯杆100基',
      [
        [2, '年度任务目标“…全市智慧灯杆300基。…”中的数字300单位不明，未作为指标，请核对'],
        [2, '上半年计划“…智慧灯杆100基…”中的数字100单位不明，未作为指标，请核对'],
      ],
    ],
    // five digits and more are codes and hotlines
    ['推进', '', '智慧灯杆12345基', []],
  ] as Array<[string, string, string, unknown[]]>)('%s | %s | %s', (annual, h1, h2, expected) => {
    expect(messages(annual, h1, h2)).toEqual(expected);
  });
});

describe('decimals scaled on their digits, rows split with quoted cells', () => {
  test.each([
    ['.5', 2, 50],
    ['1.2345', 2, 123.45],
    ['123', -5, 0.00123],
    ['12.5', -1, 1.25],
    ['abc', 2, NaN],
  ] as Array<[string, number, number]>)('scaleDecimal(%s, %d) → %d', (digits, exp, value) => {
    expect(scaleDecimal(digits, exp)).toBe(value);
  });

  test('a quoted CSV cell keeps its comma, its doubled quotes and its line break; the next row starts on line 3', () => {
    expect(splitRows('a,"b,""c""\nd",e\nf,g\n', ',')).toEqual([
      { line: 1, cells: ['a', 'b,"c"\nd', 'e'] },
      { line: 3, cells: ['f', 'g'] },
    ]);
    expect(splitRows('a\r\nb\r\n')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: ['b'] },
    ]);
  });

  test('a comma only inside quotes does not make CSV', () => {
    expect(detectSeparator('"a,b"\nc')).toBe('\t');
    expect(detectSeparator('"a,b",c')).toBe(',');
  });
});

describe('figures with a unit the lexicon lacks, and starting points', () => {
  const bare = (text: string) =>
    findQuantities(text, { bare: true }).map((q) => [
      q.value,
      q.unit,
      q.comparator,
      q.unitKind,
      q.review !== null,
      q.start,
      q.end,
      q.numStart,
    ]);

  test.each([
    // a verb before it: a target flagged for review, with 万, 约 … 余 and its span
    ['新建智慧灯杆300基', [[300, '基', '>=', null, true, 6, 10, 6]]],
    ['新建智慧灯杆约300余基', [[300, '基', '>=', null, true, 6, 12, 7]]],
    ['新建智慧灯杆3.5万基', [[35000, '基', '>=', null, true, 6, 11, 6]]],
    // mixed with known units, in reading order
    [
      '新建智慧灯杆300基，完成改造50户',
      [
        [300, '基', '>=', null, true, 6, 10, 6],
        [50, '户', '>=', 'count', false, 15, 18, 15],
      ],
    ],
    [
      '完成改造50户，新建智慧灯杆300基',
      [
        [50, '户', '>=', 'count', false, 4, 7, 4],
        [300, '基', '>=', null, true, 14, 18, 14],
      ],
    ],
    // a range or an ordinal is not a bare figure
    ['新建智慧灯杆300-400基', []],
    ['新建智慧灯杆第3基', []],
    // 由/从 … 至/到: the first figure is where it starts from
    ['由45天压缩至20天', [[20, '天', '<=', 'time', false, 4, 10, 7]]],
    ['从120个工作日缩减至46个', [[46, '个', '<=', 'count', false, 8, 14, 11]]],
    ['由45天以来', [[45, '天', '>=', 'time', false, 1, 4, 1]]],
    // 每 before digits is a basis; before Chinese numerals it is not read either
    ['每10场不少于30人', [[30, '人', '>=', 'count', false, 4, 10, 7]]],
    ['每 10万人拥有律师20名', [[20, '名', '>=', 'count', false, 10, 13, 10]]],
    ['每十场', []],
    ['新建二十个站', [[20, '个', '>=', 'count', false, 2, 5, 2]]],
  ] as Array<[string, unknown[]]>)('%s', (text, expected) => {
    expect(bare(text)).toEqual(expected);
  });
});
