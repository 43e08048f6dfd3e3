// readFigureFor(): an entry cell read for one indicator, the way clerks type it. Cases StrykerJS found unpinned:
// numbers stored as text in % cells, the fraction rule's edges, unit words (known, unknown, after the figure),
// remark words and how they are reported, and the cells that are no figure at all.
import { readFigureFor } from '../../src/core/entryInput';
import { uncalculatedFormula } from '../../src/core/formula';
import type { Indicator } from '../../src/core/model';

const count: Indicator = {
  id: '5.1',
  item: 5,
  label: '培训',
  unit: '场',
  kind: 'count',
  comparator: '>=',
  annual: 365,
  h1: null,
  h2: null,
  deadline: null,
  per: null,
  source: '全年培训365场',
  review: null,
};
const ind = (over: Partial<Indicator>): Indicator => ({ ...count, ...over });
const pct = ind({ unit: '%', kind: 'ratio', annual: 98, source: '达到98%' });
const read = (i: Indicator, v: Parameters<typeof readFigureFor>[1], percentCell = false) =>
  readFigureFor(i, v, '上半年完成', percentCell);

describe('plain figures', () => {
  test('a plain figure has no remark and no note', () => {
    expect(read(count, '10场')).toEqual({ value: 10, error: null, notes: [], remark: null });
    expect(read(count, 12)).toEqual({ value: 12, error: null, notes: [], remark: null });
  });
  test('blank text is no entry', () => {
    expect(read(count, '   ')).toEqual({ value: null, error: null, notes: [], remark: null });
  });
  test('a unit word no group knows reads when it is the indicator’s own', () => {
    expect(read(ind({ unit: '吨' }), '5吨')).toMatchObject({ value: 5, error: null, remark: null });
  });
  test('an indicator without a unit takes a figure with one', () => {
    expect(read(ind({ unit: '' }), '10场')).toMatchObject({ value: 10, error: null });
  });
  test('万 before the unit multiplies', () => {
    expect(read(ind({ unit: '人' }), '5万人')).toMatchObject({ value: 50000, error: null, notes: [] });
  });
  test('spaces inside are ignored', () => {
    expect(read(count, '约 10 场')).toMatchObject({ value: 10, error: null, remark: '约' });
  });
});

describe('numbers stored as text read like numbers', () => {
  test('in a % cell, "53" means 53%, as the number 53 does', () => {
    expect(read(pct, '53', true)).toMatchObject({ value: 53, error: null });
    expect(read(pct, ' 53 ', true).value).toBe(53);
  });
  test('"0.99" for a 98% target is the fraction a spreadsheet stores for 99%', () => {
    expect(read(pct, '0.99')).toMatchObject({ value: 99, notes: ['上半年完成填写0.99，按99%计'] });
  });
});

describe('percentages and fractions', () => {
  test('1 in a % cell is 100%; above 1 it is taken as written, with a note', () => {
    expect(read(pct, 1, true)).toMatchObject({ value: 100, notes: ['上半年完成单元格为百分比格式，读作100%'] });
    expect(read(pct, 53, true)).toMatchObject({
      value: 53,
      notes: ['上半年完成单元格为百分比格式，数值53按53%计'],
    });
  });
  test('1 for a 98% target is 100%; 0 stays 0 without a note', () => {
    expect(read(pct, 1).value).toBe(100);
    expect(read(pct, 0)).toMatchObject({ value: 0, notes: [] });
  });
  test('the fraction rule needs a target above 1%, a ≥ comparator and a % unit', () => {
    expect(read(ind({ unit: '%', kind: 'ratio', annual: 1 }), 0.5).value).toBe(0.5);
    expect(read(ind({ unit: '%', kind: 'ratio', comparator: '<=', annual: 5 }), 0.8).value).toBe(0.8);
    expect(read(count, 0.5).value).toBe(0.5);
  });
  test('the target for the fraction rule is H1 or H2 when there is no annual one', () => {
    expect(read(ind({ unit: '%', kind: 'ratio', annual: null, h1: 98 }), 0.99).value).toBe(99);
    expect(read(ind({ unit: '%', kind: 'ratio', annual: null, h2: 98 }), 0.99).value).toBe(99);
  });
  test('text with a remark in a % cell: a bare fraction is scaled, a written % is not', () => {
    expect(read(pct, '约0.52', true).value).toBe(52);
    expect(read(pct, '约52%', true).value).toBe(52);
    expect(read(pct, '52%')).toMatchObject({ value: 52, error: null });
  });
});

describe('remarks and words after the unit', () => {
  test('the remark words, in order, and the figure they came with', () => {
    const r = read(count, ' 约30余场（主体完工） ');
    expect(r).toMatchObject({ value: 30, error: null, remark: '约，主体完工，余' });
    expect(r.notes).toEqual(['上半年完成填报“约30余场（主体完工）”，按30场计']);
  });
  test('a signed figure with 余', () => {
    expect(read(count, '+30余场')).toMatchObject({ value: 30, error: null, remark: '余' });
  });
  test('a remark with no unit word', () => {
    expect(read(count, '约10')).toMatchObject({ value: 10, error: null, remark: '约' });
  });
  test('words after a known unit are kept as the remark, the unit checked', () => {
    expect(read(ind({ unit: '家' }), '约35家企业')).toMatchObject({ value: 35, error: null, remark: '约，企业' });
    expect(read(ind({ unit: '家' }), '35家企业')).toMatchObject({ value: 35, remark: '企业' });
  });
  test('an unknown word after a remark is no figure; the indicator’s own unit is one', () => {
    expect(read(count, '约10吨').error).toBe('上半年完成无法识别为数字：“约10吨”');
    expect(read(ind({ unit: '吨' }), '约10吨')).toMatchObject({ value: 10, error: null });
    expect(read(count, '约abc').error).toMatch(/^上半年完成无法识别为数字/);
  });
});

describe('what is no figure for this indicator', () => {
  test('a unit of another kind, with or without a remark word', () => {
    expect(read(count, '10吨').error).toBe(
      '上半年完成“10吨”的单位是“吨”，本指标按“场”统计，请换算后填写数字（说明可写在进展情况）',
    );
    expect(read(ind({ unit: '人' }), '10人次').error).toMatch(/单位是“人次”/);
  });
  test('a formula without its result, a non-finite number, a logical value, a date', () => {
    expect(read(count, uncalculatedFormula('B2*2')).error).toBe('上半年完成公式未计算，请在 Excel 中打开并保存后再报');
    expect(read(count, Infinity).error).toBe('上半年完成不是有效数字');
    expect(read(count, true).error).toBe('上半年完成是逻辑值，不是数字');
    expect(read(count, new Date(Date.UTC(2023, 0, 1))).error).toBe('上半年完成是日期，不是数字');
  });
});
