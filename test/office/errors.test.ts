import { explainOfficeError } from '../../src/adapters/office/errors';
import { InputError } from '../../src/core/model';
import { harness } from './harness';
import { checkTracking } from '../../src/adapters/office/tracking';

test('known Office.js codes become plain Chinese, input errors keep their message', async () => {
  expect(explainOfficeError(Object.assign(new Error('x'), { code: 'InvalidOperationInCellEditMode' }))).toContain('单元格编辑');
  expect(explainOfficeError(new InputError('工作簿中没有推进计划表'))).toBe('工作簿中没有推进计划表');
  const h = harness();
  const err = await checkTracking(h.ctx, '2023-06-30', { caps: h.caps }).catch((e: unknown) => e);
  expect(explainOfficeError(err)).toMatch(/没有“推进计划表”/);
  const msg = explainOfficeError(new Error('RichApi.Error: odd\n    at x.js:1:1'));
  expect(msg).toBe('Excel 操作未完成：RichApi.Error: odd');
  expect(msg).not.toContain('at x.js');
});

test('an InputError shows its Chinese text with the place in Chinese', () => {
  const e = new InputError('target "abc" is not a number', 'cell 指标!G5', '目标值“abc”不是数字');
  expect(explainOfficeError(e)).toBe('单元格 指标!G5：目标值“abc”不是数字');
});
