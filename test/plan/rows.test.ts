// Splitting plan text into rows: quoted cells may hold the separator, doubled quotes and line breaks, and each
// row keeps the line it starts on (messages name it); a quote that doesn't close a cell is plain text.
import { splitRows } from '../../src/core/plan/rows';

test.each([
  [
    'plain lines',
    'a\tb\nc\td\n',
    '\t',
    [
      [1, ['a', 'b']],
      [2, ['c', 'd']],
    ],
  ],
  [
    'a quoted cell over two lines: the next row starts on line 3',
    '1,"x\ny",z\n2,w\n',
    ',',
    [
      [1, ['1', 'x\ny', 'z']],
      [3, ['2', 'w']],
    ],
  ],
  ['a doubled quote inside a quoted cell', '"say ""hi""",b\n', ',', [[1, ['say "hi"', 'b']]]],
  [
    'a quote followed by text is not a quoted cell, and its line breaks count once',
    '"ab"c,d\ne\n',
    ',',
    [
      [1, ['"ab"c', 'd']],
      [2, ['e']],
    ],
  ],
  [
    'a quote never closed: the rest is plain text, line by line',
    '"open,a\nb,c\n',
    ',',
    [
      [1, ['"open', 'a']],
      [2, ['b', 'c']],
    ],
  ],
  ['a quoted cell at the end of the text', 'a,"b\nc"', ',', [[1, ['a', 'b\nc']]]],
  ['a quote inside a cell is text', 'a"b,c\n', ',', [[1, ['a"b', 'c']]]],
])('%s', (_what, text, sep, expected) => {
  const rows = splitRows(text, sep as '\t' | ',');
  expect(rows.map((r) => [r.line, r.cells])).toEqual(expected);
});
