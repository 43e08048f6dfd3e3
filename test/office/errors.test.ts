import { explainOfficeError, isOfficeError } from '../../src/adapters/office/errors';
import { InputError } from '../../src/core/model';
import { harness } from './harness';
import { checkTracking } from '../../src/adapters/office/tracking';
import { fail, RichApiError } from './mockExcel';
import { userMessage } from '../../src/apps/taskpane/errors';
import { stringsFor } from '../../src/apps/taskpane/strings';

const CODES = [
  'InvalidOperationInCellEditMode',
  'AccessDenied',
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
  'ItemNotFound',
  'ItemAlreadyExists',
  'ApiNotFound',
  'InvalidArgument',
  'UndoNotSupported',
  'GeneralException',
];

test('each Office.js code is said in plain Chinese, with what to do; English where Office is English', () => {
  const zh = CODES.map((c) => explainOfficeError(fail(c, 'x')));
  for (const m of zh) {
    expect(m).toMatch(/[\u4e00-\u9fff]/);
    expect(m).toMatch(/请/);
    expect(m).not.toMatch(/RichApi|at .*\.js|You cannot/);
  }
  expect(new Set(zh).size).toBe(zh.length);
  expect(explainOfficeError(fail('InvalidOperationInCellEditMode', 'x'))).toContain('Enter');
  expect(explainOfficeError(fail('AccessDenied', 'x'))).toContain('撤消工作表保护');
  expect(explainOfficeError(fail('RequestPayloadSizeLimitExceeded', 'x'))).toContain('桌面版');
  const en = explainOfficeError(fail('InvalidOperationInCellEditMode', 'x'), 'en');
  expect(en).toMatch(/Press Enter or Esc/);
  expect(en).not.toMatch(/[\u4e00-\u9fff]/);
});

test('the pane shows Office errors by code, not the file-mode sentence', () => {
  const zh = stringsFor(false);
  const en = stringsFor(true);
  const e = fail('InvalidOperationInCellEditMode', 'x');
  expect(isOfficeError(e)).toBe(true);
  expect(userMessage(e, zh)).toBe(explainOfficeError(e));
  expect(userMessage(e, zh)).not.toBe(zh.errGeneric);
  expect(userMessage(fail('AccessDenied', 'x'), en)).toBe(explainOfficeError(fail('AccessDenied', 'x'), 'en'));
  // An unknown RichApi code still says something useful, never a stack.
  const odd = new RichApiError('SomethingNew', 'odd\n    at x.js:1:1');
  expect(userMessage(odd, zh)).toBe('Excel 操作未完成（SomethingNew: odd），请重试。');
});

test('input errors keep their Chinese; a failed write says which sheet holds the old data', async () => {
  expect(explainOfficeError(new InputError('工作簿中没有推进计划表'))).toBe('工作簿中没有推进计划表');
  const h = harness();
  const err = await checkTracking(h.ctx, '2023-06-30', { caps: h.caps }).catch((e: unknown) => e);
  expect(explainOfficeError(err)).toMatch(/没有“推进计划表”/);
  const e = Object.assign(fail('GeneralException', 'x'), {
    leftovers: { aside: [{ sheet: '~abc0', was: '推进计划表' }] },
  });
  expect(explainOfficeError(e)).toContain('原有数据仍在工作表“~abc0”（原“推进计划表”）中');
});

test('an InputError shows its Chinese text with the place in Chinese', () => {
  const e = new InputError('target "abc" is not a number', 'cell 指标!G5', '目标值“abc”不是数字');
  expect(explainOfficeError(e)).toBe('单元格 指标!G5：目标值“abc”不是数字');
});
