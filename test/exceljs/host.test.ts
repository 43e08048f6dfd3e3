// The file host runs the same jobs as the in-memory one and gets the same answers; what it writes reads back.
import * as fs from 'fs';
import * as path from 'path';
import { XlsxHost } from '../../src/adapters/exceljs/host';
import { readWorkbookGrid } from '../../src/adapters/exceljs/read';
import { applyPatch } from '../../src/adapters/exceljs/patch';
import { parsePlan } from '../../src/core/plan/parse';
import { readTracking } from '../../src/core/tracking/read';
import { TRACKING_STYLES } from '../../src/core/tracking/layout';
import { statusText } from '../../src/core/tracking/patch';
import { runGenerate } from '../../src/core/jobs/generate';
import { runCheck, runPrint } from '../../src/core/jobs/check';
import { SHEET } from '../../src/core/tracking/sheet';
import { FakeHost } from '../core/fakeHost';

const seed = parsePlan(fs.readFileSync(path.join(__dirname, '../../seeds/000_c36e4d77f78aadb1.txt'), 'utf8'));
const asOf = `${seed.year}-07-15`;

/** The seed's tracking workbook with a figure in the first indicator's 上半年完成. */
async function bookWithFigure(): Promise<Uint8Array> {
  const host = new XlsxHost(null);
  expect((await runGenerate(host, seed, { toolVersion: 'test' })).status).toBe('written');
  const pos = readTracking(await readWorkbookGrid(host.bytes!)).positions;
  const id = Object.keys(pos.rows)[0];
  const cell = { sheet: pos.sheet, r: pos.rows[id], c: pos.columns.h1, value: 3, style: 'entry' };
  return applyPatch(host.bytes!, { styles: { entry: TRACKING_STYLES.entry }, cells: [cell], sheets: [] });
}

test('check on .xlsx bytes: the same judgements as in memory, written into a copy', async () => {
  const bytes = await bookWithFigure();
  const file = new XlsxHost(bytes, 'book.xlsx');
  const memory = new FakeHost(await readWorkbookGrid(bytes), true);
  const [a, b] = [await runCheck(file, asOf), await runCheck(memory, asOf)];
  expect(a.judgements).toEqual(b.judgements);
  expect(a.bulletin).toBe(b.bulletin);
  expect(file.bytes).not.toBe(bytes);
  const back = await readWorkbookGrid(file.bytes!);
  expect(back.sheets.map((s) => s.name)).toEqual(memory.grid.sheets.map((s) => s.name));
  const read = readTracking(back);
  const j = a.judgements[0];
  const row = back.sheets.find((s) => s.name === read.positions.sheet)!.rows[read.positions.rows[j.id] - 1];
  expect(row[read.positions.columns.status - 1]).toBe(statusText(j.status));
});

test('a file keeps the page setup it was generated with: print says so', async () => {
  const file = new XlsxHost(await bookWithFigure(), 'book.xlsx');
  const r = await runPrint(file, asOf);
  expect([...(r.printNotApplied ?? [])].sort()).toEqual([SHEET.main, SHEET.targets, SHEET.summary].sort());
});

test('generate over a file with a sheet of its own refuses, and the file is left as it was', async () => {
  const bytes = await bookWithFigure();
  const withExtra = await applyPatch(bytes, {
    styles: {},
    cells: [],
    sheets: [
      {
        name: '我的笔记',
        state: 'visible',
        columnWidths: [10],
        rowHeights: {},
        cells: [{ r: 1, c: 1, value: '别删我' }],
        merges: [],
        validations: [],
        protect: false,
      },
    ],
  });
  const host = new XlsxHost(withExtra, 'book.xlsx');
  const r = await runGenerate(host, seed, { replace: true });
  expect(r).toMatchObject({ status: 'refused' });
  expect(r.status === 'refused' && r.reason).toContain('我的笔记');
  expect(host.bytes).toBe(withExtra);
});
