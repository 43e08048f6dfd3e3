// The pane's own small pieces: status words and marks agree with the workbook's, core errors reach the
// user in Chinese (with the file they concern), and a plan table read from a sheet parses like the text.
import * as fs from 'fs';
import * as path from 'path';
import { STATUSES, STATUS_LABEL, InputError } from '../../src/core/model';
import { SHEET, STATUS_SYMBOL } from '../../src/core/tracking/sheet';
import { parsePlan } from '../../src/core/plan/parse';
import { splitRows } from '../../src/core/plan/rows';
import { readTracking } from '../../src/core/tracking/read';
import { readWorkbookGrid } from '../../src/adapters/exceljs/read';
import { writeReturnForms } from '../../src/adapters/exceljs/returns';
import { returnSourceFromPlan } from '../../src/core/returns/source';
import { STATUS_MARK, STATUS_ORDER, STATUS_TEXT, stringsFor } from '../../src/apps/taskpane/strings';
import { PaneError, localizeReason, userMessage, zhMessage } from '../../src/apps/taskpane/errors';
import { buildTrackingLayout } from '../../src/core/tracking/layout';
import { layoutGrid } from '../tracking/helpers';
import { planFromGrid } from '../../src/core/plan/grid';

const seed = fs.readFileSync(path.join(__dirname, '../../seeds/000_c36e4d77f78aadb1.txt'), 'utf8');
const zh = stringsFor(false);
const CJK = /[\u4e00-\u9fff]/;

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

describe('status words', () => {
  test('the pane shows the words and marks the workbook writes, every status once in the display order', () => {
    expect(STATUS_TEXT.zh).toEqual(STATUS_LABEL);
    expect(STATUS_MARK).toEqual(STATUS_SYMBOL);
    expect([...STATUS_ORDER].sort()).toEqual([...STATUSES].sort());
    expect(Object.keys(STATUS_TEXT.en).sort()).toEqual([...STATUSES].sort());
  });

  test('English and Chinese strings have the same keys', () => {
    expect(Object.keys(stringsFor(true)).sort()).toEqual(Object.keys(zh).sort());
  });
});

describe('errors in plain Chinese', () => {
  test('garbage bytes: the ExcelJS reader refuses, the pane names the file in Chinese', async () => {
    const e = await failure(readWorkbookGrid(new Uint8Array(Buffer.from('hello, not a zip')), '月报.xlsx'));
    expect((e as Error).name).toBe('InputError');
    const msg = userMessage(e, zh);
    expect(msg).toMatch(/^月报\.xlsx：这不是有效的 Excel 工作簿/);
    expect(msg).not.toMatch(/zip|archive|workbook|readable/);
  });

  test('a truncated workbook', async () => {
    const [form] = await writeReturnForms(returnSourceFromPlan(parsePlan(seed)), {
      round: '2023年上半年',
      createdAt: '2023-07-01 09:00:00',
    });
    const cut = form.data.subarray(0, Math.floor(form.data.length * 0.6));
    const msg = userMessage(await failure(readWorkbookGrid(cut, 'cut.xlsx')), zh);
    expect(msg).toBe('cut.xlsx：文件已损坏或不完整，无法读取。');
  });

  test('a real workbook that is not a tracking workbook', async () => {
    const [form] = await writeReturnForms(returnSourceFromPlan(parsePlan(seed)), {
      round: '2023年上半年',
      createdAt: '2023-07-01 09:00:00',
    });
    const grid = await readWorkbookGrid(form.data, 'form.xlsx');
    let e: unknown;
    try {
      readTracking(grid);
    } catch (x) {
      e = x;
    }
    const msg = userMessage(e, zh);
    expect(msg).toMatch(/^这不是推进表/);
  });

  test('core failures carry their own Chinese (zh); the pane shows it, not a translation of the English', async () => {
    const empty = await failure(readWorkbookGrid(new Uint8Array(), '空.xlsx'));
    expect(empty).toBeInstanceOf(InputError);
    expect((empty as InputError).message).toBe('空.xlsx: file is empty'); // the CLI's words are unchanged
    expect((empty as InputError).zh).toBe('文件是空的');
    expect(userMessage(empty, zh)).toBe('空.xlsx：文件是空的。');

    let notTracking: unknown;
    try {
      readTracking({
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
      });
    } catch (x) {
      notTracking = x;
    }
    expect((notTracking as InputError).message).toMatch(/^not a Tuijin tracking workbook/);
    expect(userMessage(notTracking, zh)).toBe((notTracking as InputError).zh + '。');
    expect(userMessage(notTracking, zh)).toMatch(/^这不是推进表：/);

    // zh wins even when the English would have no translation at all.
    expect(userMessage(new InputError('some new english message', 'sheet 指标', '新的说法'), zh)).toBe(
      '工作表“指标”：新的说法。',
    );
  });

  test('places are said in Chinese; bilingual core messages lose their English gloss', async () => {
    const plan = parsePlan(seed);
    const g = layoutGrid(buildTrackingLayout(plan, { toolVersion: '1.2.3' }));
    const targets = g.sheets.find((x) => x.name === SHEET.targets)!;
    const head = targets.rows.findIndex((r) => r?.includes('全年目标'));
    const col = targets.rows[head].indexOf('全年目标');
    const row = targets.rows.findIndex((r, i) => i > head && typeof r?.[col] === 'number');
    targets.rows[row][col] = 'abc';
    let bad: unknown;
    try {
      readTracking(g);
    } catch (x) {
      bad = x;
    }
    expect(userMessage(bad, zh)).toMatch(/^单元格 指标![A-Z]+\d+：目标值“abc”不是数字。$/);
    expect(userMessage(new InputError('计划表为空 (the plan text is empty)'), zh)).toBe('计划表为空。');
    expect(userMessage(await failure(Promise.resolve().then(() => parsePlan(' '))), zh)).toBe('计划表为空。');
    expect(localizeReason('第3项：标题中没有年份，按2023年处理 (no year in the title)')).toBe(
      '第3项：标题中没有年份，按2023年处理',
    );
    expect(
      localizeReason('文件无法读取：the .xlsx file is truncated or damaged (its zip directory is incomplete)'),
    ).toBe('文件无法读取：文件已损坏或不完整，无法读取');
    // Rejection reasons are stored as text, without zh: the fallback still knows the reader's refusals.
    expect(
      localizeReason('文件无法读取：refusing to open: the .xlsx unpacks to more than 50 MB (possible zip bomb)'),
    ).toBe('文件无法读取：文件解压后超过 50 MB，为安全起见拒绝打开');
    expect(zhMessage('月报.xlsx: not a readable .xlsx workbook (bad xml)')).toBe(
      '月报.xlsx：这不是有效的 Excel 工作簿（.xlsx），无法读取',
    );
  });

  test('unknown failures fall back to a plain sentence, never the message or a stack', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
    expect(userMessage(bug, zh)).toBe(zh.errGeneric);
    expect(userMessage(new InputError('some new english message'), zh)).toBe(zh.errGeneric);
    expect(userMessage('not even an error', zh)).toBe(zh.errGeneric);
    expect(userMessage(new PaneError('截至日期无效。'), zh)).toBe('截至日期无效。');
    const chunk = new Error('Loading chunk 940 failed.');
    chunk.name = 'ChunkLoadError';
    expect(userMessage(chunk, zh)).toBe(zh.errLoadChunk);
    for (const m of [userMessage(bug, zh), zh.errNotXlsx, zh.errLoadChunk]) expect(m).toMatch(CJK);
  });
});

describe('plan table pasted into a sheet', () => {
  /** The seed as a sheet holds it: rows of cells, shifted right and down as a paste may land. */
  function asSheet(text: string, shift: { rows: number; cols: number }) {
    const rows = splitRows(text).map((r) => [
      ...Array(shift.cols).fill(null),
      ...r.cells.map((c) => (c === '' ? null : c)),
    ]);
    return [...Array.from({ length: shift.rows }, () => []), ...rows];
  }

  test('finds the header by its texts and parses to the same plan as the text', () => {
    const fromText = parsePlan(seed);
    for (const shift of [
      { rows: 0, cols: 0 },
      { rows: 3, cols: 2 },
    ]) {
      const fromSheet = planFromGrid(asSheet(seed, shift));
      expect(fromSheet.title).toBe(fromText.title);
      expect(fromSheet.year).toBe(fromText.year);
      expect(fromSheet.items).toEqual(fromText.items);
    }
  });

  test('cells with line breaks and quotes survive', () => {
    const rows = [
      ['某市 2024 年重要事项推进计划表'],
      ['序号', '事项名称', '事项简介', '年度任务目标', '上半年', '下半年', '牵头单位'],
      ['1', '培训"两癌"筛查', '说明\n第二行', '全年培训1000人', '上半年培训500人', '下半年培训500人', '市卫生健康委'],
    ];
    const plan = planFromGrid(rows);
    expect(plan.year).toBe(2024);
    expect(plan.items).toHaveLength(1);
    expect(plan.items[0].name).toBe('培训"两癌"筛查');
    expect(plan.items[0].leadUnits).toEqual(['市卫生健康委']);
    expect(plan.items[0].indicators.length).toBeGreaterThan(0);
  });

  test('a sheet without the header says so in Chinese', () => {
    expect(() =>
      planFromGrid([
        ['名称', '数量'],
        ['a', 1],
      ]),
    ).toThrow(/没有找到计划表的表头/);
  });
});
