// The conflict rule for one master cell, as a table: who wins, whether it is a conflict, what 日志 says for
// each figure, and whether the cell is written. Units rank by their place in 牵头单位 (甲 before 乙 before 丙);
// a unit not listed ranks last.
import type { CellValue } from '../../src/core/layout/types';
import type { Candidate } from '../../src/core/consolidate/candidates';
import { resolveCell } from '../../src/core/consolidate/resolve';

const LEAD = ['甲', '乙', '丙'];
const rank = (unit: string) => (LEAD.includes(unit) ? LEAD.indexOf(unit) : Number.MAX_SAFE_INTEGER);

let src = 0;
const sent = (unit: string, value: CellValue): Candidate => ({ unit, file: `${unit}.xlsx`, value, src: src++ });
const earlier = (unit: string, value: CellValue): Candidate => ({
  unit,
  file: `${unit}-上次.xlsx`,
  value,
  src: -1,
  prior: true,
});

const AGREE = (u: string) => `与${u}报送一致`;
const TAKEN = (others: string) => `与${others}报送不一致，按牵头单位顺序采用本单位数据`;
const NOT_TAKEN = (u: string, v: string) => `与${u}报送的 ${v} 不一致，未采用（${u}在牵头单位中排序在前）`;

interface Row {
  what: string;
  cands: Candidate[];
  current: CellValue;
  prior?: Candidate;
  /** Unit of the winner, and whether it came from the earlier run. */
  chosen: string;
  fromPrior?: boolean;
  conflict: boolean;
  write: boolean;
  /** [action, note] per candidate of this run, in the order given. */
  outcomes: Array<[string, string]>;
}

const rows: Row[] = [
  {
    what: 'one figure into an empty cell',
    cands: [sent('乙', 10)],
    current: null,
    chosen: '乙',
    conflict: false,
    write: true,
    outcomes: [['applied', '']],
  },
  {
    what: 'one figure over a different figure already there',
    cands: [sent('乙', 10)],
    current: 8,
    chosen: '乙',
    conflict: false,
    write: true,
    outcomes: [['applied', '覆盖原值']],
  },
  {
    what: 'an empty string in the cell is nothing to overwrite',
    cands: [sent('乙', 10)],
    current: '',
    chosen: '乙',
    conflict: false,
    write: true,
    outcomes: [['applied', '']],
  },
  {
    what: 'the same figure again, within float noise, overwrites nothing',
    cands: [sent('乙', 0.1 + 0.2)],
    current: 0.3,
    chosen: '乙',
    conflict: false,
    write: true,
    outcomes: [['applied', '']],
  },
  {
    what: 'two units with the same figure (a number and its text): no conflict, the first-listed unit applies',
    cands: [sent('乙', '12'), sent('甲', 12)],
    current: null,
    chosen: '甲',
    conflict: false,
    write: true,
    outcomes: [
      ['applied', AGREE('甲')],
      ['applied', ''],
    ],
  },
  {
    what: 'two units differ: the first-listed unit wins whatever the file order',
    cands: [sent('乙', 5), sent('甲', 7)],
    current: null,
    chosen: '甲',
    conflict: true,
    write: true,
    outcomes: [
      ['conflict', NOT_TAKEN('甲', '7')],
      ['applied', TAKEN('乙')],
    ],
  },
  {
    what: 'three units, two agreeing with the winner and one not',
    cands: [sent('丙', 7), sent('乙', 6), sent('甲', 7)],
    current: 3,
    chosen: '甲',
    conflict: true,
    write: true,
    outcomes: [
      ['applied', AGREE('甲')],
      ['conflict', NOT_TAKEN('甲', '7')],
      ['applied', `${TAKEN('丙、乙')}；覆盖原值`],
    ],
  },
  {
    what: 'a unit the item does not list ranks after every listed one',
    cands: [sent('外单位', 1), sent('丙', 2)],
    current: null,
    chosen: '丙',
    conflict: true,
    write: true,
    outcomes: [
      ['conflict', NOT_TAKEN('丙', '2')],
      ['applied', TAKEN('外单位')],
    ],
  },
  {
    what: 'two units of equal rank: the first file wins',
    cands: [sent('外甲', 1), sent('外乙', 2)],
    current: null,
    chosen: '外甲',
    conflict: true,
    write: true,
    outcomes: [
      ['applied', TAKEN('外乙')],
      ['conflict', NOT_TAKEN('外甲', '1')],
    ],
  },
  {
    what: 'milestone words differ: a conflict like any figure',
    cands: [sent('乙', '已完成'), sent('甲', '未完成')],
    current: null,
    chosen: '甲',
    conflict: true,
    write: true,
    outcomes: [
      ['conflict', NOT_TAKEN('甲', '未完成')],
      ['applied', TAKEN('乙')],
    ],
  },
  {
    what: "an earlier run's figure still in the cell beats a later-listed unit, and is not written again",
    cands: [sent('乙', 9)],
    current: 7,
    prior: earlier('甲', 7),
    chosen: '甲',
    fromPrior: true,
    conflict: true,
    write: false,
    outcomes: [['conflict', NOT_TAKEN('甲', '7')]],
  },
  {
    what: "an earlier run's figure agreeing with this run's: no conflict, nothing written",
    cands: [sent('乙', 7)],
    current: 7,
    prior: earlier('甲', 7),
    chosen: '甲',
    fromPrior: true,
    conflict: false,
    write: false,
    outcomes: [['applied', AGREE('甲')]],
  },
  {
    what: "an earlier run's figure changed by hand since no longer counts",
    cands: [sent('乙', 9)],
    current: 8,
    prior: earlier('甲', 7),
    chosen: '乙',
    conflict: false,
    write: true,
    outcomes: [['applied', '覆盖原值']],
  },
  {
    what: 'a unit sending again replaces its own earlier figure',
    cands: [sent('甲', 9)],
    current: 7,
    prior: earlier('甲', 7),
    chosen: '甲',
    conflict: false,
    write: true,
    outcomes: [['applied', '覆盖原值']],
  },
  {
    what: "a first-listed unit now beats an earlier run's later-listed figure",
    cands: [sent('甲', 9)],
    current: 7,
    prior: earlier('丙', 7),
    chosen: '甲',
    conflict: true,
    write: true,
    outcomes: [['applied', `${TAKEN('丙')}；覆盖原值`]],
  },
];

test.each(rows)('$what', (row) => {
  const d = resolveCell(row.cands, rank, row.current, row.prior);
  expect(d.chosen.unit).toBe(row.chosen);
  expect(d.chosen.prior === true).toBe(row.fromPrior === true);
  expect(d.conflict).toBe(row.conflict);
  expect(d.write).toBe(row.write);
  expect(d.outcomes.map((o) => [o.action, o.note])).toEqual(row.outcomes);
  // Everything weighed is listed for the report: the earlier figure first when it counted.
  expect(d.all.length).toBe(row.cands.length + (d.all[0]?.prior ? 1 : 0));
});

test('the candidates are not changed', () => {
  const cands = [sent('乙', 5), sent('甲', 7)];
  const copy = JSON.parse(JSON.stringify(cands)) as Candidate[];
  resolveCell(cands, rank, 3, earlier('丙', 3));
  expect(cands).toEqual(copy);
});
