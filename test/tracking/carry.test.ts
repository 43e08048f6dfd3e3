// Regenerating keeps entered figures by indicator id; moved-out pieces of the layout model.
import { colLetters, rangeA1 } from '../../src/core/layout/address';
import { gridWithPatch, layoutGrid } from '../../src/core/layout/grid';
import { carryEntries } from '../../src/core/tracking/carry';
import { buildTrackingLayout } from '../../src/core/tracking/layout';
import { readTracking } from '../../src/core/tracking/read';
import { seedPlan } from './helpers';

test('carryEntries puts figures into the new layout by id and hands back the ones it has no row for', () => {
  const layout = buildTrackingLayout(seedPlan(), { toolVersion: 'test' });
  const result = carryEntries(layout, [
    { id: '1.1', h1: 80000, annual: null },
    { id: '9.2', h1: '300人', annual: 650 },
    { id: '99.1', h1: 5, annual: null },
    { id: '3.1', h1: null, annual: '  ' },
  ]);
  expect(result.kept).toBe(2);
  expect(result.orphaned).toEqual([{ id: '99.1', h1: 5, annual: null }]);
  const entries = new Map(readTracking(layoutGrid(layout)).entries.map((e) => [e.id, e]));
  expect(entries.get('1.1')).toMatchObject({ h1: 80000, annual: null });
  expect(entries.get('9.2')).toMatchObject({ h1: '300人', annual: 650 });
  expect(entries.get('3.1')).toMatchObject({ h1: null, annual: null });
});

test('gridWithPatch applies values and whole sheets to a copy', () => {
  const grid = { sheets: [{ name: 'A', state: 'visible' as const, rows: [['x']] }] };
  const out = gridWithPatch(grid, {
    styles: {},
    cells: [
      { sheet: 'A', r: 2, c: 3, value: 7, style: 's' },
      { sheet: 'A', r: 1, c: 1, style: 's' },
    ],
    sheets: [
      {
        name: 'B',
        state: 'visible',
        columnWidths: [],
        rowHeights: {},
        cells: [{ r: 1, c: 2, value: 'y' }],
        merges: [],
        protect: false,
        validations: [],
      },
    ],
  });
  expect(out.sheets[0].rows).toEqual([['x'], [null, null, 7]]);
  expect(out.sheets[1].rows).toEqual([[null, 'y']]);
  expect(grid.sheets[0].rows).toEqual([['x']]);
});

test('A1 addresses', () => {
  expect([1, 26, 27, 52, 16384].map(colLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'XFD']);
  expect(rangeA1({ r1: 3, c1: 2, r2: 3, c2: 2 })).toBe('B3');
  expect(rangeA1({ r1: 3, c1: 2, r2: 9, c2: 4 })).toBe('B3:D9');
});
