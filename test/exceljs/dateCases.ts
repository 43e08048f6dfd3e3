// One table of date and time cells for every reader's test: what the cell shows, its serial in the 1900 and
// the 1904 date system, its number format, and the grid value a reader must give.
import type { CellValue } from '../../src/core/layout/types';

export const DATE_CASES: Array<
  [what: string, serial1900: number, serial1904: number, numFmt: string, value: CellValue]
> = [
  ['a date', 45107, 43645, 'yyyy-mm-dd', '2023-06-30'],
  ['a date and time', 45107.75, 43645.75, 'yyyy-mm-dd hh:mm', '2023-06-30'],
  ['a Chinese date', 45291, 43829, 'yyyy"年"m"月"d"日"', '2023-12-31'],
  ['a built-in date (id 14)', 45108, 43646, 'mm-dd-yy', '2023-07-01'],
  ['a time of day', 0.5, 0.5, 'h:mm', 0.5],
  ['a built-in time (id 21)', 0.75, 0.75, 'h:mm:ss', 0.75],
  ['a duration', 1.25, 1.25, '[h]:mm', 1.25],
  ['a number', 45107, 45107, '0.00', 45107],
];
