// Serial dates in both of Excel's date systems, number formats that show dates, and ISO dates in Chinese.
import {
  builtinFormatKind,
  chineseDate,
  chineseMonthDay,
  isoToSerial,
  serialFormatKind,
  serialToIso,
  utcDateToSerial,
} from '../../src/core/dates';

describe('serial days', () => {
  // Figures as Excel shows them (1900 system, with its phantom 1900-02-29; 1904 system from day 0).
  test.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, '1900-02-29'],
    [61, '1900-03-01'],
    [45107, '2023-06-30'],
    [45107.99, '2023-06-30'],
    [45108, '2023-07-01'],
    [45291, '2023-12-31'],
    [2958465, '9999-12-31'],
  ])('1900 system: %d is %s', (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
    if (serial !== 60 && Number.isInteger(serial)) expect(isoToSerial(iso)).toBe(serial);
  });

  test.each([
    [0, '1904-01-01'],
    [1, '1904-01-02'],
    [43645, '2023-06-30'],
    [43829, '2023-12-31'],
  ])('1904 system: %d is %s', (serial, iso) => {
    expect(serialToIso(serial, true)).toBe(iso);
    expect(isoToSerial(iso, true)).toBe(serial);
  });

  test('the two systems are 1462 days apart', () => {
    expect(isoToSerial('2023-06-30') - isoToSerial('2023-06-30', true)).toBe(1462);
  });

  test('not a number, not a date', () => {
    expect(serialToIso(Number.NaN)).toBeNull();
    expect(serialToIso(Number.POSITIVE_INFINITY)).toBeNull();
  });

  test('a date ExcelJS made of a serial goes back to that serial', () => {
    // ExcelJS: new Date((serial - 25569 [+ 1462 in 1904]) days since 1970).
    expect(utcDateToSerial(new Date(Date.UTC(2023, 5, 30, 12)))).toBe(45107.5);
    expect(utcDateToSerial(new Date(Date.UTC(2023, 5, 30)), true)).toBe(43645);
  });
});

describe('which number formats show dates', () => {
  test.each([
    ['yyyy-mm-dd', 'date'],
    ['m/d/yyyy', 'date'],
    ['yyyy"年"m"月"d"日"', 'date'],
    ['yyyy年m月d日', 'date'],
    ['[$-804]yyyy"年"m"月"', 'date'],
    ['[DBNum1][$-804]m"月"d"日"', 'date'],
    ['mmm-yy', 'date'],
    ['mmmm', 'date'],
    ['yyyy-mm-dd hh:mm', 'date'],
    ['dddd', 'date'],
    ['h:mm', 'time'],
    ['hh:mm:ss', 'time'],
    ['[h]:mm:ss', 'time'],
    ['mm:ss', 'time'],
    ['h:mm AM/PM', 'time'],
    ['上午/下午h"时"mm"分"', 'time'],
    ['General', null],
    ['@', null],
    ['0.00', null],
    ['0%', null],
    ['0.00E+00', null],
    ['#,##0"万元"', null],
    ['"截至"0', null],
    ['[Red]#,##0;[Blue]-#,##0', null],
    ['_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)', null],
    ['¥#,##0.00', null],
    ['', null],
  ])('%s → %s', (code, kind) => {
    expect(serialFormatKind(code)).toBe(kind);
  });

  test('built-in formats: dates, times and the rest (zh-CN ids)', () => {
    expect([14, 22, 31, 57, 58].map(builtinFormatKind)).toEqual(['date', 'date', 'date', 'date', 'date']);
    expect([18, 20, 21, 32, 46, 55].map(builtinFormatKind)).toEqual(['time', 'time', 'time', 'time', 'time', 'time']);
    expect([0, 1, 9, 10, 49].map(builtinFormatKind)).toEqual([null, null, null, null, null]);
  });
});

describe('dates in Chinese', () => {
  test('full date and month-day, without leading zeros', () => {
    expect(chineseDate('2023-06-30')).toBe('2023年6月30日');
    expect(chineseDate('2024-01-05')).toBe('2024年1月5日');
    expect(chineseMonthDay('2023-06-30')).toBe('6月30日');
    expect(chineseMonthDay('2023-12-01')).toBe('12月1日');
  });
});
