// A tracking workbook saved by another program (openpyxl, LibreOffice) still checks the same,
// and check --write still works on it.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { checkedSeed, cli, convert, OUT_DIR } from './helpers';
import { gridOf, loadWorkbook, readWorkbookGrid } from '../../src/adapters/exceljs';

/** The fast values reader must agree with ExcelJS on files other programs wrote. */
async function readersAgree(file: string) {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const fast = await readWorkbookGrid(bytes);
  const viaExcelJS = gridOf(await loadWorkbook(bytes));
  const trim = (g: typeof fast) =>
    g.sheets.map((s) => ({
      name: s.name,
      state: s.state,
      rows: s.rows.map((r) => {
        const a = [...r];
        while (a.length && a[a.length - 1] === null) a.pop();
        return a;
      }),
    }));
  expect(trim(fast)).toEqual(trim(viaExcelJS));
}

const dir = path.join(OUT_DIR, 'roundtrip');
let filled = '';
let checked = '';
let expected: unknown;

beforeAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  ({ filled, checked } = await checkedSeed(dir));
  expected = JSON.parse((await cli('check', filled, '--as-of', '2023-07-15', '--json')).out);
}, 120_000);

const PY = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
if len(sys.argv) > 3:
    ws = wb['推进计划表']
    for row in ws.iter_rows(min_row=5):
        if row[7].value == sys.argv[3]:
            row[10].value = float(sys.argv[4])
wb.save(sys.argv[2])
`;

function openpyxl(src: string, dst: string, ...edit: string[]) {
  execFileSync('/usr/bin/python3', ['-c', PY, src, dst, ...edit], { stdio: 'pipe', timeout: 60_000 });
}

async function checkJson(file: string) {
  const r = await cli('check', file, '--as-of', '2023-07-15', '--json');
  if (r.code !== 0) throw new Error(r.err);
  return JSON.parse(r.out);
}

test('saved by openpyxl: same results; an entry typed there is read; --write works', async () => {
  const same = path.join(dir, 'openpyxl-same.xlsx');
  openpyxl(checked, same);
  expect(await checkJson(same)).toEqual(expected);
  await readersAgree(same);

  const edited = path.join(dir, 'openpyxl-edited.xlsx');
  openpyxl(checked, edited, '1.1', '100000');
  const json = await checkJson(edited);
  const ind = json.indicators.find((i: { id: string }) => i.id === '1.1');
  expect(ind.h1Actual).toBe(100000);
  expect(ind.status).not.toBe('shortfall');

  const out = path.join(dir, 'openpyxl-rechecked.xlsx');
  expect((await cli('check', edited, '--as-of', '2023-07-15', '--write', out)).code).toBe(0);
  expect(await checkJson(out)).toEqual(json);
});

test('re-saved as .xlsx by LibreOffice: same results and --write works', async () => {
  const lo = convert(checked, 'xlsx:Calc MS Excel 2007 XML', path.join(dir, 'lo'));
  expect(await checkJson(lo)).toEqual(expected);
  await readersAgree(lo);
  const out = path.join(dir, 'lo-rechecked.xlsx');
  const r = await cli('check', lo, '--as-of', '2023-07-15', '--write', out);
  expect(r.code).toBe(0);
  expect(await checkJson(out)).toEqual(expected);
});
