// Dates and times as the two .xlsx readers see them (the fast reader and ExcelJS's model): a date-formatted serial
// is an ISO day in the workbook's date system, the 1900 system's phantom leap day included; a time-only format
// keeps its number. test/office/read-dates.test.ts holds the Office.js reader to the same table.
import * as ExcelJS from 'exceljs';
import { gridOf, loadWorkbook } from '../../src/adapters/exceljs/read';
import { readGridFast } from '../../src/adapters/exceljs/grid';
import { DATE_CASES } from './dateCases';

async function workbook(date1904: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet('日期');
  DATE_CASES.forEach(([, serial1900, serial1904, numFmt], i) => {
    const cell = ws.getCell(1, i + 1);
    cell.value = date1904 ? serial1904 : serial1900;
    cell.numFmt = numFmt;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe.each([false, true])('a workbook in the %s 1904 date system', (date1904) => {
  const expected = DATE_CASES.map(([, , , , value]) => value);

  test('the fast reader', async () => {
    const grid = await readGridFast(await workbook(date1904));
    expect(grid.sheets[0].rows[0]).toEqual(expected);
  });

  test("ExcelJS's model", async () => {
    const grid = gridOf(await loadWorkbook(await workbook(date1904)));
    expect(grid.sheets[0].rows[0]).toEqual(expected);
  });
});

test("the 1900 system's phantom 1900-02-29: days before it read as Excel shows them, through both readers", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('日期');
  [1, 59, 60, 61].forEach((serial, i) => {
    ws.getCell(1, i + 1).value = serial;
    ws.getCell(1, i + 1).numFmt = 'yyyy-mm-dd';
  });
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const shown = ['1900-01-01', '1900-02-28', '1900-02-29', '1900-03-01'];
  expect((await readGridFast(bytes)).sheets[0].rows[0]).toEqual(shown);
  expect(gridOf(await loadWorkbook(bytes)).sheets[0].rows[0]).toEqual(shown);
});
