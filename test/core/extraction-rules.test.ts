// Single extraction rules pinned one by one (each of these was a surviving mutant of the seed-based tests).
import { extractIndicators } from '../../src/core/plan/indicators';
import { findQuantities } from '../../src/core/plan/quantities';

const item = (annualGoal: string) =>
  extractIndicators({ no: 7, name: '测试事项', annualGoal, h1Plan: '', h2Plan: '' }, 2023);

describe('kinds', () => {
  test('覆盖 in the label makes a level (how far a service reaches), not a count of things done', () => {
    expect(item('法律援助覆盖1000户').map((d) => [d.label, d.kind, d.annual, d.unit])).toEqual([
      ['法律援助覆盖', 'level', 1000, '户'],
    ]);
    expect(item('开展法律援助1000户').map((d) => d.kind)).toEqual(['count']);
  });

  test('稳定在/保持 holds a level', () => {
    expect(findQuantities('稳定在300家').map((q) => [q.value, q.unit, q.held])).toEqual([[300, '家', true]]);
    expect(findQuantities('新增300家').map((q) => q.held)).toEqual([false]);
    expect(item('稳定在300家').map((d) => d.kind)).toEqual(['level']);
  });
});

test('"每10万人" is a basis, not a figure', () => {
  expect(findQuantities('每10万人口配备社工3名').map((q) => [q.value, q.unit])).toEqual([[3, '名']]);
  expect(findQuantities('每10万人拥有律师20名').map((q) => [q.value, q.unit])).toEqual([[20, '名']]);
});

describe('Chinese numerals', () => {
  test('under ten, with a unit other than an event or people count, they are idiom, not figures', () => {
    for (const text of ['建设五个服务站', '新建三个驿站', '打造九个示范点']) expect(findQuantities(text)).toEqual([]);
  });
  test('from ten up they are figures with any counted unit; under ten with 场/人 they are figures', () => {
    expect(findQuantities('建设十个服务站').map((q) => q.value)).toEqual([10]);
    expect(findQuantities('全年开展五场活动').map((q) => q.value)).toEqual([5]);
  });
});

test('a fall named before its subject ("降低孕产妇死亡率0.5个百分点") is the size of the fall: at least 0.5, not at most', () => {
  const pick = (d: { label: string; kind: string; comparator: string; annual: number | null }) => [
    d.label,
    d.kind,
    d.comparator,
    d.annual,
  ];
  expect(item('降低孕产妇死亡率0.5个百分点').map(pick)).toEqual([['降低孕产妇死亡率', 'change', '>=', 0.5]]);
  expect(item('儿童青少年总体近视率比上一年降低0.5个百分点').map(pick)).toEqual([
    ['儿童青少年总体近视率比上一年降低', 'change', '>=', 0.5],
  ]);
});

test('"2023年底前累计达到500人": the date and 累计 are not the label', () => {
  expect(item('2023年底前累计达到500人').map((d) => [d.label, d.annual])).not.toContainEqual(['前累计', 500]);
  expect(item('2023年底前累计达到500人')[0].label).not.toMatch(/^前/);
});
