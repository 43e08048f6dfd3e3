// Figures and Chinese numerals at the edges StrykerJS found unpinned: single digits, digit-by-digit and clipped
// spellings, misplaced 零 and units, thousands separators, when the typed text is kept, and 万/亿 formatting.
import { formatFigure, parseChineseNumeral, parseFigure } from '../../src/core/numbers';
import { uncalculatedFormula } from '../../src/core/formula';

const reason = (s: unknown) => {
  const r = parseFigure(s as Parameters<typeof parseFigure>[0]);
  return r.ok ? `ok ${r.value}` : r.reason;
};

test('parseChineseNumeral: null for what is no numeral, a bare 万 included', () => {
  expect(parseChineseNumeral('')).toBeNull();
  expect(parseChineseNumeral('三x')).toBeNull();
  expect(parseChineseNumeral('万')).toBeNull();
  expect(parseChineseNumeral('三万')).toBe(30000);
  expect(parseChineseNumeral('十二')).toBe(12);
});

describe('Chinese figures', () => {
  test.each([
    ['三场', 3],
    ['零', 0],
    ['十五', 15],
    ['一万零五', 10005],
    ['一万二千', 12000],
    ['三万', 30000],
  ])('%s = %d', (s, v) => {
    expect(parseFigure(s)).toMatchObject({ ok: true, value: v });
  });

  test.each([
    ['〇〇', '不是规范的中文数字'],
    ['二三', '是逐位写的中文数字，无法确定数值，请填写阿拉伯数字（如 123）'],
    ['五〇三', '（如 2023）'],
    ['〇五', '不是规范的中文数字'],
    ['一百零', '不是规范的中文数字'],
    ['一千零零五', '不是规范的中文数字'],
    ['一千零百', '不是规范的中文数字'],
    ['二百三百', '不是规范的中文数字'],
    ['百五', '不是规范的中文数字'],
    ['一万二万', '不是规范的中文数字'],
    ['万', '不是规范的中文数字'],
    ['零万', '不是规范的中文数字'],
    ['三千五万', '不是规范的中文数字'],
    ['一万十', '不是规范的中文数字'],
    ['一万五', '是口语简写，数值不确定，请写完整（如“一万五千”）'],
    ['三千五', '请写完整（如“三千五百”）'],
    ['三百五', '请写完整（如“三百五十”）'],
  ])('%s is refused: %s', (s, why) => {
    const r = parseFigure(s);
    expect(r.ok).toBe(false);
    expect(reason(s)).toContain(why);
  });
});

describe('figures as typed', () => {
  test('no entry, a formula without its result', () => {
    expect(reason(null)).toBe('未填写');
    expect(reason(undefined)).toBe('未填写');
    expect(reason(uncalculatedFormula('A1'))).toBe('公式未计算，请在 Excel 中打开并保存后再报');
  });
  test('thousands separators only where they group three digits, full-width commas too', () => {
    expect(parseFigure('1,234,567.5')).toMatchObject({ ok: true, value: 1234567.5 });
    expect(parseFigure('+1,234')).toMatchObject({ ok: true, value: 1234 });
    expect(parseFigure('-1,234')).toMatchObject({ ok: true, value: -1234 });
    expect(parseFigure('3，200')).toMatchObject({ ok: true, value: 3200 });
    expect(parseFigure('3，20').ok).toBe(false);
    expect(parseFigure('1234,567').ok).toBe(false);
  });
  test('a leading decimal point', () => {
    expect(parseFigure('.25')).toMatchObject({ ok: true, value: 0.25 });
  });
  test('the reason quotes the text without its spaces', () => {
    expect(reason(' abc ')).toBe('无法识别为数字：“abc”');
  });
  test('too long to be a number, or a numeral after the figure', () => {
    expect(reason('9'.repeat(400))).toBe(`无法识别为数字：“${'9'.repeat(400)}”`);
    expect(reason('5三')).toBe('无法识别为数字：“5三”');
  });
  test('the typed text is kept unless it was a plain number', () => {
    expect(parseFigure('12')).toEqual({ ok: true, value: 12 });
    expect(parseFigure(' 12.55 ')).toEqual({ ok: true, value: 12.55 });
    expect(parseFigure('+12')).toEqual({ ok: true, value: 12, text: '+12' });
    expect(parseFigure('12人')).toEqual({ ok: true, value: 12, text: '12人' });
    expect(parseFigure('1,234')).toEqual({ ok: true, value: 1234, text: '1,234' });
  });
});

test('formatFigure: 亿 from 1亿 on in whole 百万, 万 from 1万 on in whole 百', () => {
  expect(formatFigure(1e8)).toBe('1亿');
  expect(formatFigure(1.5e8)).toBe('1.5亿');
  expect(formatFigure(-2e8)).toBe('-2亿');
  expect(formatFigure(205000000)).toBe('2.05亿');
  expect(formatFigure(123456789)).toBe('123456789');
  expect(formatFigure(99990000)).toBe('9999万');
  expect(formatFigure(10000)).toBe('1万');
  expect(formatFigure(220000)).toBe('22万');
  expect(formatFigure(12345)).toBe('12345');
  expect(formatFigure(9900)).toBe('9900');
});
