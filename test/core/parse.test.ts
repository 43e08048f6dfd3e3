// The plan-table parser on the shapes that text arrives in: PDF/Word extraction and Excel paste.
import { InputError } from '../../src/core/model';
import { parsePlan } from '../../src/core/plan/parse';
import { splitLeadUnits } from '../../src/core/plan/leadUnits';
import { joinWrappedText } from '../../src/core/text';

const header = '序号\t事项名称\t事项简介\t年度任务目标\t年度工作计划\t\t牵头单位\n\t\t\t\t上半年\t下半年\t\n';

describe('text clean-up', () => {
  test.each([
    ['建立学校 家庭社会 协同育人 机制', '建立学校家庭社会协同育人机制'],
    ['举办女性 专场招聘 活动', '举办女性专场招聘活动'],
    ['自 2009 年启动', '自2009年启动'],
    ['检查 22 万人', '检查22万人'],
    ['开展“爱在山海 遇见幸福”青年人才喜相逢联谊活动', '开展“爱在山海 遇见幸福”青年人才喜相逢联谊活动'],
    ['ABC 123', 'ABC 123'],
  ])('%s → %s', (input, output) => expect(joinWrappedText(input)).toBe(output));
});

describe('lead units', () => {
  test.each([
    ['市人力资源 社会保障局', ['市人力资源社会保障局']],
    ['市文化和旅游局 市妇联 市教育局', ['市文化和旅游局', '市妇联', '市教育局']],
    ['市妇联、市农业农村局', ['市妇联', '市农业农村局']],
    ['市妇联 市总工会 团市委', ['市妇联', '市总工会', '团市委']],
    ['龙口市政府', ['龙口市政府']],
  ])('%s', (cell, units) => expect(splitLeadUnits(cell)).toEqual(units));
});

describe('parsePlan', () => {
  test('reads tab-separated rows pasted from Excel, with quoted multi-line cells', () => {
    const text =
      '2024年重要事项推进计划表\n' +
      header +
      '1\t开展培训\t"培训妇女，\n提升技能。"\t全年培训不少于600人。\t培训300人。\t培训300人。\t市妇联\n' +
      '2\t开展活动\t简介\t全年开展活动20场次。\t"开展10场次，\n""巾帼""品牌。"\t开展10场次。\t市教育局、市妇联\n';
    const plan = parsePlan(text);
    expect(plan.year).toBe(2024);
    expect(plan.items).toHaveLength(2);
    expect(plan.items[0].summary).toBe('培训妇女， 提升技能。');
    expect(plan.items[1].h1Plan).toContain('“巾帼”'.replace(/[“”]/g, '"'));
    expect(plan.items[1].leadUnits).toEqual(['市教育局', '市妇联']);
    expect(plan.items[0].indicators[0]).toMatchObject({ id: '1.1', annual: 600, h1: 300, h2: 300, unit: '人' });
    expect(plan.warnings).toEqual([]);
  });

  test('skips the 附件 line and header rows repeated on every page', () => {
    const text =
      '附件\n\n某市2023年重要事项推进计划表\n' +
      header +
      '1\t事项一\t简介\t举办活动10场。\t5场。\t5场。\t市妇联\n\n' +
      header +
      '2\t事项二\t简介\t培训100人。\t50人。\t50人。\t市教育局\n';
    const plan = parsePlan(text);
    expect(plan.items.map((i) => i.no)).toEqual([1, 2]);
    expect(plan.title).toBe('某市2023年重要事项推进计划表');
  });

  test('a row of six cells lost its empty 下半年', () => {
    const plan = parsePlan('2023年计划表\n1\t事项\t简介\t达到52%。\t本目标为年度目标。\t市教育局\n');
    expect(plan.items[0].leadUnits).toEqual(['市教育局']);
    expect(plan.items[0].h2Plan).toBe(plan.items[0].h1Plan);
  });

  test('a malformed row gets a warning naming its line, the rest still parse', () => {
    const text =
      '2023年计划表\n1\t事项一\t简介\t培训100人。\t50人。\t50人。\t市妇联\n2\t残缺\n3\t事项三\t简介\t举办10场。\t5场。\t5场。\t市妇联\n';
    const plan = parsePlan(text);
    expect(plan.items.map((i) => i.no)).toEqual([1, 3]);
    expect(plan.warnings).toEqual([{ item: 2, message: expect.stringContaining('第3行') }]);
  });

  test('a duplicate 序号 is skipped with a warning', () => {
    const row = '1\t事项一\t简介\t培训100人。\t50人。\t50人。\t市妇联\n';
    const plan = parsePlan('2023年计划表\n' + row + row);
    expect(plan.items).toHaveLength(1);
    expect(plan.warnings[0].message).toContain('重复');
  });

  test.each([
    ['', 'empty'],
    ['   \n\n', 'blank'],
    ['hello world\nthis is not a plan', 'garbage'],
    [header, 'header only'],
  ])('nothing usable (%s) is an InputError', (text) => {
    expect(() => parsePlan(text)).toThrow(InputError);
  });

  test('no year in the title falls back and says so', () => {
    const plan = parsePlan('1\t事项\t简介\t培训100人。\t50人。\t50人。\t市妇联\n', { defaultYear: 2030 });
    expect(plan.year).toBe(2030);
    expect(plan.warnings[0].message).toContain('2030');
  });
});
