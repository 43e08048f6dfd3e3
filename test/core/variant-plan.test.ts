// A plan of the same shape with other wording than the seed: ‰, /10万, 以内/以下, Chinese numerals, 完成全年任务的50%,
// a lead unit wrapped onto its own line, a per-population rate, a trailing note.
import * as fs from 'fs';
import * as path from 'path';
import { parsePlan } from '../../src/core/plan/parse';

const plan = parsePlan(fs.readFileSync(path.join(__dirname, '../fixtures/plan-2024-variant.txt'), 'utf8'));
const ind = (id: string) => plan.items.flatMap((i) => i.indicators).find((d) => d.id === id);

test('title, year, items', () => {
  expect(plan.year).toBe(2024);
  expect(plan.items.map((i) => i.no)).toEqual([1, 2, 3, 4, 5, 6, 7]);
});

test('a lead unit wrapped onto its own line is rejoined; a trailing note is not a unit', () => {
  expect(plan.items[2].leadUnits).toEqual(['市妇联', '市人力资源社会保障局']);
  expect(plan.items[6].leadUnits).toEqual(['市卫生健康委']);
});

test('≤ targets in ‰ and per 10万', () => {
  expect(ind('1.1')).toMatchObject({ unit: '‰', comparator: '<=', annual: 3, kind: 'ratio', h2: 3 });
  expect(ind('1.2')).toMatchObject({ label: '5岁以下儿童死亡率', unit: '‰', comparator: '<=', annual: 5 });
  expect(ind('5.1')).toMatchObject({ unit: '/10万', comparator: '<=', annual: 10, h1: null, h2: null });
});

test('完成全年任务的50% is not a rate of its own', () => {
  expect(ind('2.1')).toMatchObject({ unit: '%', annual: 95, h1: null });
});

test('Chinese numerals: 三百人次, 五十个', () => {
  expect(ind('3.2')).toMatchObject({ label: '电商培训', annual: 300, unit: '人次' });
  expect(ind('4.1')).toMatchObject({ annual: 50, h1: 25, h2: 25, kind: 'count' });
  expect(ind('4.2')).toMatchObject({ label: '儿童之家累计', annual: 300, kind: 'level' });
});

test('a per-population rate is a ratio and its halves match without repeating the basis', () => {
  expect(ind('7.1')).toMatchObject({ kind: 'ratio', per: '千人口', annual: 4.5, h1: 4, h2: 4.5 });
  expect(plan.items[6].indicators).toHaveLength(1);
});

test('a dated task without a figure is a milestone', () => {
  expect(ind('6.1')).toMatchObject({ kind: 'milestone', deadline: '2024-09-30' });
});

test('no lint warnings', () => {
  expect(plan.warnings).toEqual([]);
});
