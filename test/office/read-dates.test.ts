// Dates and times read through Office.js: the same table the .xlsx readers are held to (test/exceljs/dateCases.ts),
// in both date systems, through the one-request read and the block-wise read. The date system is probed in the
// read's own request, so it costs no sync.
import { harness } from './harness';
import { collect, listSheets, queueRead, readInBlocks, toGrid } from '../../src/adapters/office/render';
import { DATE_CASES } from '../exceljs/dateCases';

async function bookWithDates(date1904: boolean) {
  const h = harness({ date1904 });
  const ws = h.ctx.workbook.worksheets.getItem('Sheet1');
  const range = ws.getRangeByIndexes(0, 0, 1, DATE_CASES.length);
  range.values = [DATE_CASES.map(([, s1900, s1904]) => (date1904 ? s1904 : s1900))];
  range.numberFormat = [DATE_CASES.map(([, , , numFmt]) => numFmt)];
  await h.ctx.sync();
  return h;
}

describe.each([false, true])('a workbook in the %s 1904 date system', (date1904) => {
  const expected = DATE_CASES.map(([, , , , value]) => value);

  test('one request', async () => {
    const h = await bookWithDates(date1904);
    const sheets = await listSheets(h.ctx);
    const syncs = h.sync.mock.calls.length;
    const reads = queueRead(h.ctx, sheets);
    await h.ctx.sync();
    expect(h.sync.mock.calls.length - syncs).toBe(1);
    expect(toGrid(reads.map(collect))[0].rows[0]).toEqual(expected);
  });

  test('in blocks', async () => {
    const h = await bookWithDates(date1904);
    const { data } = await readInBlocks(h.ctx, await listSheets(h.ctx));
    expect(toGrid(data)[0].rows[0]).toEqual(expected);
  });
});

test('a workbook read without the probe (an older caller) is read in the 1900 system', async () => {
  const h = await bookWithDates(false);
  const sheets = await listSheets(h.ctx);
  const reads = queueRead(h.ctx, sheets).map(({ dateSystem: _, ...r }) => r);
  await h.ctx.sync();
  expect(toGrid(reads.map(collect))[0].rows[0][0]).toBe('2023-06-30');
});
