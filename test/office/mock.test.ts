// The mock itself: it must catch the mistakes the adapter tests rely on it to catch.
import { MockExcel } from './mockExcel';

test('a read without load() fails and is recorded (office-addin-mock sentinel)', async () => {
  const mock = new MockExcel();
  mock.addSheet('S');
  const ctx = mock.context();
  const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
  expect(() => r.values).toThrow(/PropertyNotLoaded/);
  r.load('values');
  // Loaded but not synced yet.
  expect(() => r.values).toThrow(/PropertyNotLoaded/);
  await ctx.sync();
  expect(r.values).toEqual([['']]);
  expect(mock.stats.unloadedReads).toEqual(['range.values', 'range.values']);
});

test('writes land only at sync, strings are coerced like Excel, quoted text stays text', async () => {
  const mock = new MockExcel();
  mock.addSheet('S');
  const ctx = mock.context();
  const ws = ctx.workbook.worksheets.getItem('S');
  ws.getRangeByIndexes(0, 0, 1, 3).values = [['1.10', "'1.10", 'abc']];
  expect(mock.value('S', 1, 1)).toBeNull();
  await ctx.sync();
  expect(mock.value('S', 1, 1)).toBe(1.1);
  expect(mock.value('S', 1, 2)).toBe('1.10');
  expect(mock.value('S', 1, 3)).toBe('abc');
});

test('requests above the payload limit fail, as on Excel on the web', async () => {
  const mock = new MockExcel({ payloadLimit: 1000 });
  mock.addSheet('S');
  const ctx = mock.context();
  ctx.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, 100, 1).values = Array.from({ length: 100 }, () => ['xxxxxxxxxxxxxxxx']);
  await expect(ctx.sync()).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
});

test('protected sheets refuse writes to locked cells', async () => {
  const mock = new MockExcel();
  mock.addSheet('S');
  const ctx = mock.context();
  const ws = ctx.workbook.worksheets.getItem('S');
  ws.protection.protect();
  ws.getRange('A1').values = [['x']];
  await expect(ctx.sync()).rejects.toThrow(/AccessDenied/);
});
