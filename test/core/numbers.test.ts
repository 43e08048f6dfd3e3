// Figure input: what people type into entry cells.
import fc from 'fast-check';
import { formatFigure, parseChineseNumeral, parseFigure } from '../../src/core/numbers';

const value = (input: Parameters<typeof parseFigure>[0]) => {
  const r = parseFigure(input);
  return r.ok ? r.value : r.reason;
};

describe('parseFigure examples', () => {
  test.each([
    ['8.5万', 85000],
    ['3,200', 3200],
    ['1,234,567.5', 1234567.5],
    ['18%', 18],
    ['３０', 30],
    ['３，２００', 3200],
    ['  42 ', 42],
    ['22万人', 220000],
    ['1.2亿', 120000000],
    ['三百', 300],
    ['两千五百', 2500],
    ['一万二千', 12000],
    ['十五', 15],
    ['600场次', 600],
    ['-5', -5],
    [12.5, 12.5],
  ])('%s → %d', (input, expected) => expect(value(input)).toBe(expected));

  test.each([['abc'], ['12abc'], ['1..2'], ['万'], ['1,2,3'], ['约100'], ['100-200']])(
    '%s is not a figure',
    (input) => {
      const r = parseFigure(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/无法识别/);
    },
  );

  test('blank, booleans, dates and non-finite numbers are refused with a Chinese reason', () => {
    expect(value(null)).toBe('未填写');
    expect(value('   ')).toBe('未填写');
    expect(value(true)).toMatch(/逻辑值/);
    expect(value(new Date())).toMatch(/日期/);
    expect(value(Number.NaN)).toMatch(/有效数字/);
    expect(value(Number.POSITIVE_INFINITY)).toMatch(/有效数字/);
  });

  test('keeps the typed text when it was not a plain number', () => {
    expect(parseFigure('8.5万')).toEqual({ ok: true, value: 85000, text: '8.5万' });
    expect(parseFigure('85000')).toEqual({ ok: true, value: 85000 });
  });
});

describe('Chinese numerals typed as figures: real numeral forms only', () => {
  test.each([
    ['一百二十', 120],
    ['两千', 2000],
    ['三千五百', 3500],
    ['一千零五十', 1050],
    ['一万零五', 10005],
    ['一亿二千万', 120000000],
    ['十', 10],
    ['零', 0],
  ])('%s → %d', (input, expected) => expect(value(input)).toBe(expected));

  test.each([
    ['一二三', '无法识别为数字：“一二三”是逐位写的中文数字，无法确定数值，请填写阿拉伯数字（如 123）'],
    ['二〇二三', '无法识别为数字：“二〇二三”是逐位写的中文数字，无法确定数值，请填写阿拉伯数字（如 2023）'],
    ['三千五', '无法识别为数字：“三千五”是口语简写，数值不确定，请写完整（如“三千五百”）或填写阿拉伯数字'],
    ['一万五', '无法识别为数字：“一万五”是口语简写，数值不确定，请写完整（如“一万五千”）或填写阿拉伯数字'],
    ['百', '无法识别为数字：“百”不是规范的中文数字（如“一百二十”“两千”“三千五百”），请填写阿拉伯数字'],
    ['十十', '无法识别为数字：“十十”不是规范的中文数字（如“一百二十”“两千”“三千五百”），请填写阿拉伯数字'],
    ['一百千', '无法识别为数字：“一百千”不是规范的中文数字（如“一百二十”“两千”“三千五百”），请填写阿拉伯数字'],
  ])('%s is refused: %s', (input, reason) => expect(value(input)).toBe(reason));

  test('every whole number up to 99,999 written out properly reads back as itself', () => {
    const d = '零一二三四五六七八九';
    const below1e4 = (n: number, lead: boolean): string => {
      const parts: string[] = [];
      let gap = false;
      [
        [1000, '千'],
        [100, '百'],
        [10, '十'],
        [1, ''],
      ].forEach(([u, name]) => {
        const k = Math.floor(n / (u as number)) % 10;
        if (k === 0) {
          if (parts.length) gap = true;
          return;
        }
        if (gap) parts.push('零');
        gap = false;
        parts.push(u === 10 && k === 1 && !parts.length && lead ? '十' : d[k] + name);
      });
      return parts.join('');
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), (n) => {
        const wan = Math.floor(n / 1e4);
        const rest = n % 1e4;
        const text = wan
          ? `${below1e4(wan, true)}万${rest ? (rest < 1000 ? '零' : '') + below1e4(rest, false) : ''}`
          : below1e4(rest, true);
        return value(text) === n;
      }),
    );
  });
});

describe('parseFigure properties', () => {
  const amount = fc.integer({ min: 0, max: 10_000_000_000 });

  test('a number written as text reads back as itself', () => {
    fc.assert(fc.property(amount, (n) => value(String(n)) === n));
  });

  test('thousands separators don’t change the value', () => {
    fc.assert(fc.property(amount, (n) => value(n.toLocaleString('en-US')) === n));
  });

  test('full-width digits read like ASCII digits', () => {
    fc.assert(
      fc.property(amount, (n) => {
        const wide = String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
        return value(wide) === n;
      }),
    );
  });

  test('万 multiplies by ten thousand, to two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (hundredths) => {
        const w = hundredths / 100;
        return value(`${w}万`) === Math.round(hundredths * 100);
      }),
    );
  });

  test('formatFigure output always reads back to the same value', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => value(formatFigure(n)) === n));
  });

  test('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof parseFigure(s).ok === 'boolean'));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => typeof parseFigure(s).ok === 'boolean'));
  });

  test('Chinese numerals agree with their digits for 1..99999', () => {
    const digits = '零一二三四五六七八九';
    const toChinese = (n: number): string => {
      const units = ['', '十', '百', '千'];
      const write = (x: number): string => {
        const s = String(x);
        let out = '';
        let zero = false;
        for (let i = 0; i < s.length; i++) {
          const d = Number(s[i]);
          const u = units[s.length - 1 - i];
          if (d === 0) zero = true;
          else {
            if (zero && out) out += '零';
            out += digits[d] + u;
            zero = false;
          }
        }
        return out;
      };
      return n >= 10000
        ? write(Math.floor(n / 10000)) + '万' + (n % 10000 ? (n % 10000 < 1000 ? '零' : '') + write(n % 10000) : '')
        : write(n);
    };
    fc.assert(fc.property(fc.integer({ min: 1, max: 99999 }), (n) => parseChineseNumeral(toChinese(n)) === n));
  });
});
