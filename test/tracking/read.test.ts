import { buildTrackingLayout, planIdentity } from '../../src/core/tracking/layout';
import { readTracking } from '../../src/core/tracking/read';
import { COL, SHEET } from '../../src/core/tracking/sheet';
import { InputError } from '../../src/core/model';
import { getCell, layoutGrid, seedPlan, setCell, smallPlan } from './helpers';

function grid(plan = smallPlan()) {
  return layoutGrid(buildTrackingLayout(plan, { toolVersion: '1.2.3' }));
}

describe('readTracking', () => {
  test('reads meta, indicators, entries and positions of a fresh workbook', () => {
    const plan = smallPlan();
    const g = grid(plan);
    setCell(g, SHEET.main, 5, COL.h1, 95000);
    setCell(g, SHEET.main, 5, COL.annual, '21.5万');
    setCell(g, SHEET.main, 8, COL.h1, '已完成');
    const read = readTracking(g);
    expect(read.meta).toEqual({
      ...planIdentity(plan),
      year: 2023,
      title: plan.title,
      schemaVersion: 1,
      toolVersion: '1.2.3',
    });
    expect(read.indicators).toEqual(plan.items.flatMap((it) => it.indicators));
    expect(read.entries).toEqual([
      { id: '1.1', h1: 95000, annual: '21.5万' },
      { id: '1.2', h1: null, annual: null },
      { id: '3.1', h1: '已完成', annual: null },
    ]);
    expect(read.positions.rows).toEqual({ '1.1': 5, '1.2': 6, '3.1': 8 });
    expect(read.positions.columns).toMatchObject({
      id: 8,
      h1: 11,
      h1Rate: 12,
      annual: 14,
      annualRate: 15,
      status: 16,
      note: 17,
      progress: 18,
      rate: null,
    });
    expect(read.items).toEqual([
      { no: 1, name: '扩大两癌检查覆盖面', leadUnits: ['市卫生健康委'], indicators: ['1.1', '1.2'], first: 5, last: 6 },
      { no: 2, name: '营造良好社会氛围', leadUnits: ['市妇联', '市委宣传部'], indicators: [], first: 7, last: 7 },
      { no: 3, name: '出台实施方案', leadUnits: ['市教育局'], indicators: ['3.1'], first: 8, last: 8 },
    ]);
  });

  test('a target corrected in the 指标 sheet is what gets used', () => {
    const g = grid();
    setCell(g, SHEET.targets, 3, 7, '25万'); // 全年目标 of 1.1
    setCell(g, SHEET.targets, 3, 8, 120000); // 上半年目标
    setCell(g, SHEET.targets, 4, 6, '≤'); // 比较 of 1.2
    setCell(g, SHEET.targets, 5, 10, '2023/9/1'); // 截止日期 of 3.1
    const read = readTracking(g);
    expect(read.indicators[0]).toMatchObject({ id: '1.1', annual: 250000, h1: 120000 });
    expect(read.indicators[1].comparator).toBe('<=');
    expect(read.indicators[2].deadline).toBe('2023-09-01');
  });

  test('the seed round-trips through the layout', () => {
    const plan = seedPlan();
    const read = readTracking(grid(plan));
    expect(read.indicators).toEqual(plan.items.flatMap((it) => it.indicators));
    expect(read.items.map((i) => i.leadUnits)).toEqual(plan.items.map((i) => i.leadUnits));
  });

  test('an indicator flagged for review is marked in the 指标 sheet (待核) and read back; older sheets without 待核 read null', () => {
    const plan = smallPlan();
    plan.items[0].indicators[1].review = '单位“基”不在单位表中，请核对单位和数值';
    const g = grid(plan);
    const targets = g.sheets.find((s) => s.name === SHEET.targets)!;
    const col = targets.rows[1].indexOf('待核');
    expect(col).toBeGreaterThan(0);
    expect(targets.rows[3][col]).toBe('单位“基”不在单位表中，请核对单位和数值');
    expect(readTracking(g).indicators.map((d) => d.review)).toEqual([
      null,
      '单位“基”不在单位表中，请核对单位和数值',
      null,
    ]);
    for (const row of targets.rows) row.splice(col, 1);
    expect(readTracking(g).indicators.map((d) => d.review)).toEqual([null, null, null]);
  });

  const fails = (g: ReturnType<typeof grid>, msg: RegExp) => {
    expect(() => readTracking(g)).toThrow(InputError);
    expect(() => readTracking(g)).toThrow(msg);
  };

  test('a workbook that is not a tracking workbook gets a clear error', () => {
    fails(
      {
        sheets: [
          {
            name: 'Sheet1',
            state: 'visible',
            rows: [
              ['a', 'b'],
              [1, 2],
            ],
          },
        ],
      },
      /not a Tuijin tracking workbook.*Sheet1/,
    );
    fails({ sheets: [] }, /not a Tuijin tracking workbook/);
  });

  test('errors name the sheet or cell', () => {
    const noTargets = grid();
    noTargets.sheets = noTargets.sheets.filter((s) => s.name !== SHEET.targets);
    fails(noTargets, /sheet 指标.*missing/);

    const badTarget = grid();
    setCell(badTarget, SHEET.targets, 3, 7, '很多');
    fails(badTarget, /cell 指标!G3.*"很多"/);

    const badKind = grid();
    setCell(badKind, SHEET.targets, 4, 5, '其他');
    fails(badKind, /cell 指标!E4/);

    const unknownId = grid();
    setCell(unknownId, SHEET.main, 5, COL.id, '9.9');
    fails(unknownId, /cell 推进计划表!H5.*9\.9/);

    const noHeader = grid();
    setCell(noHeader, SHEET.main, 4, COL.status, '备注');
    fails(noHeader, /sheet 推进计划表.*header row/);
  });

  test('the header is found by its texts wherever it sits', () => {
    const g = grid();
    const main = g.sheets.find((s) => s.name === SHEET.main)!;
    main.rows.unshift([], ['说明：本表由某单位汇总']); // two rows inserted above
    const read = readTracking(g);
    expect(read.positions.headerRow).toBe(6);
    expect(read.positions.rows['1.1']).toBe(7);
    expect(getCell(g, SHEET.main, 7, COL.id)).toBe('1.1');
  });
});
