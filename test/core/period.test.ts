// Reporting periods as data: round names read into periods, close dates from the one table, and no close
// date spelled anywhere else in src/.
import * as fs from 'fs';
import * as path from 'path';
import {
  closeOf,
  defaultPeriod,
  inFirstHalf,
  monthPeriod,
  periodOfRound,
  quarterClosingOn,
  targetClose,
  yearStart,
} from '../../src/core/period';
import { defaultRound } from '../../src/core/returns/source';
import { roundInstruction } from '../../src/core/returns/layout';
import { targetText } from '../../src/core/tracking/format';
import type { Indicator } from '../../src/core/model';
import { stringsFor } from '../../src/apps/taskpane/strings';

test('close dates come from the table, month rounds end with their month', () => {
  expect(['q1', 'h1', 'q3', 'year'].map((k) => closeOf(k as never, 2023))).toEqual([
    '2023-03-31',
    '2023-06-30',
    '2023-09-30',
    '2023-12-31',
  ]);
  expect(yearStart(2023)).toBe('2023-01-01');
  expect([targetClose('h1', 2024), targetClose('annual', 2024)]).toEqual(['2024-06-30', '2024-12-31']);
  expect(closeOf(monthPeriod(2), 2024)).toBe('2024-02-29');
  expect(closeOf(monthPeriod(2), 2023)).toBe('2023-02-28');
  expect(closeOf(monthPeriod(11), 2023)).toBe('2023-11-30');
});

// [round, name, as-of, entry column, shows the master's H1 figure, target closing then]
test.each([
  ['2023年一季度', '一季度', '2023-03-31', 'h1', false, null],
  ['2023年第一季度', '一季度', '2023-03-31', 'h1', false, null],
  ['2023年度1季度调度', '一季度', '2023-03-31', 'h1', false, null],
  ['2023年上半年', '上半年', '2023-06-30', 'h1', false, 'h1'],
  ['2023年度上半年', '上半年', '2023-06-30', 'h1', false, 'h1'],
  ['2023年第二季度', '上半年', '2023-06-30', 'h1', false, 'h1'],
  ['2023年三季度', '三季度', '2023-09-30', 'annual', true, null],
  ['2023年前三季度', '三季度', '2023-09-30', 'annual', true, null],
  ['2023年下半年', '全年', '2023-12-31', 'annual', true, 'annual'],
  ['2023年全年', '全年', '2023-12-31', 'annual', true, 'annual'],
  ['2023年度', '全年', '2023-12-31', 'annual', true, 'annual'],
  ['2023年第四季度', '全年', '2023-12-31', 'annual', true, 'annual'],
  ['2023年5月调度', '5月调度', '2023-05-31', 'h1', false, null],
  ['2023年度5月调度', '5月调度', '2023-05-31', 'h1', false, null],
  ['2023年底', '全年', '2023-12-31', 'annual', true, 'annual'],
  ['2023年6月调度', '6月调度', '2023-06-30', 'h1', false, 'h1'],
  ['2023年7月调度', '7月调度', '2023-07-31', 'annual', true, null],
  ['十一月调度', '11月调度', '2023-11-30', 'annual', true, null],
  ['2024年2月调度', '2月调度', '2024-02-29', 'h1', false, null],
])('the round %s is %s, judged at %s, its figure in %s', (round, name, asOf, entry, shows, closes) => {
  const got = periodOfRound(round, 2023)!;
  expect(got.period.name).toBe(name);
  expect(got.asOf).toBe(asOf);
  expect(got.period.entry).toBe(entry);
  expect(got.period.showsKnownH1).toBe(shows);
  expect(got.period.closes).toBe(closes);
});

test('names without a period, or with an impossible year, give no period', () => {
  expect(periodOfRound('临时抽查', 2023)).toBeNull();
  expect(periodOfRound('1899年上半年', 2023)).toBeNull();
  expect(periodOfRound('2023年13月调度', 2023)).toBeNull();
});

test('default round: the half-year one up to its close, then the year', () => {
  expect(defaultRound(2023, '2023-06-30')).toBe('2023年上半年');
  expect(defaultRound(2023, '2023-07-01')).toBe('2023年全年');
  expect(defaultRound(2023, '2022-11-20')).toBe('2023年上半年');
  expect(defaultRound(2023, '2024-01-10')).toBe('2023年全年');
  expect(defaultPeriod(2023, '2023-01-01').key).toBe('h1');
});

test('the first half ends on the H1 close; only quarters are named by their close', () => {
  expect(inFirstHalf('2023-06-30')).toBe(true);
  expect(inFirstHalf('2023-07-01')).toBe(false);
  expect(quarterClosingOn('2023-03-31')?.name).toBe('一季度');
  expect(quarterClosingOn('2023-09-30')?.name).toBe('三季度');
  for (const d of ['2023-03-30', '2023-06-30', '2023-12-31', '2023-04-01']) expect(quarterClosingOn(d)).toBeNull();
});

test('a form says up to which date and into which column', () => {
  expect(roundInstruction('2023年一季度', 2023)).toBe('本轮填写截至3月31日的累计数，填在“上半年完成”列。');
  expect(roundInstruction('2023年上半年', 2023)).toBe('本轮填写截至6月30日的累计数，填在“上半年完成”列。');
  expect(roundInstruction('2023年三季度', 2023)).toBe('本轮填写截至9月30日的累计数，填在“全年完成”列。');
  expect(roundInstruction('2023年8月调度', 2023)).toBe('本轮填写截至8月31日的累计数，填在“全年完成”列。');
  expect(roundInstruction('临时抽查', 2023)).toBe('');
});

test('a milestone due by the H1 close is an H1 task', () => {
  const task = (deadline: string): Indicator => ({
    id: '1.1',
    item: 1,
    label: '完工',
    unit: '',
    kind: 'milestone',
    comparator: '=',
    annual: null,
    h1: null,
    h2: null,
    deadline,
    per: null,
    source: '完工',
    review: null,
  });
  expect(targetText(task('2023-06-30'), 'h1', 2023)).toBe('完成');
  expect(targetText(task('2023-07-01'), 'h1', 2023)).toBe('—');
  expect(targetText(task('2023-06-30'), 'h1')).toBe('完成');
});

test('the pane names its quick as-of buttons by the closes in the table', () => {
  expect(stringsFor(false).asOfClose(targetClose('h1', 2023))).toBe('6月30日');
  expect(stringsFor(true).asOfClose(targetClose('annual', 2023))).toBe('Dec 31');
  expect(stringsFor(true).asOfClose(closeOf('q1', 2023))).toBe('Mar 31');
});

/** Month-day literals (06-30, `${year}-12-31`) in code, comments left out. A whole date with its year written
 *  out ('1900-02-29', Excel's phantom leap day) is one fixed day, not a period's close. */
function dateLiterals(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  return code.match(/(?<![\d.])(?<!\d{4}-)(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)/g) ?? [];
}

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
    );
}

test('the period table is the only home of close dates: no date literal in src/', () => {
  expect(dateLiterals('const d = `${year}-06-30`; // 12-31 named in a comment')).toEqual(['06-30']);
  expect(dateLiterals("if (asOf.slice(5) <= '06-30') x();\n/** '2023-12-31' */")).toEqual(['06-30']);
  expect(dateLiterals("return '1900-02-29';")).toEqual([]);
  const root = path.join(__dirname, '../../src');
  const found = sources(root).flatMap((f) =>
    dateLiterals(fs.readFileSync(f, 'utf8')).map((d) => `${path.relative(root, f)}: ${d}`),
  );
  expect(found).toEqual([]);
});
